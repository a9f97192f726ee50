"""--format csv and xlsx for tasks, timeline, departments, tables and query:
the rows are the views' rows, the workbook is one analysts can open."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from policyx.cli.app import app
from policyx.io.export import Sheet, display_width, sheet_title, to_xlsx

runner = CliRunner()


def _run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def _csv(*args: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(_run(*args, "--format", "csv").stdout)))


def _json(*args: str):
    return json.loads(_run(*args, "--format", "json").stdout)


def test_tasks_csv_has_one_row_per_task_with_its_departments_deadlines_targets_and_line():
    rows, tasks = _csv("tasks", "changji"), _json("tasks", "changji")
    assert len(rows) == len(tasks)
    for row, task in zip(rows, tasks):
        assert row["id"] == task["id"] and int(row["line"]) == task["line"]
        assert row["lead"] == "、".join(d["name"] + ("*" if d["inherited"] else "") for d in task["lead"])
        assert row["implementers"].split("、") == [d["name"] + ("*" if d["inherited"] else "") for d in task["implementers"]] \
            or (row["implementers"] == "" and not task["implementers"])
        assert row["deadline_dates"] == "；".join(d["date"] or d["kind"] for d in task["deadlines"])
        assert len([x for x in row["targets"].split("；") if x]) == len(task["targets"])
    with_target = next(r for r in rows if r["targets"])
    assert any(c in with_target["targets"] for c in (">=", "<=", "=", "~", "decrease", "increase"))


def test_filtered_tasks_export_the_same_selection():
    assert [r["id"] for r in _csv("tasks", "xinjiang", "--lead", "环保厅")] == \
        [t["id"] for t in _json("tasks", "xinjiang", "--lead", "环保厅")]


def test_timeline_and_departments_csv_hold_the_views_numbers():
    timeline, entries = _csv("timeline", "changji"), _json("timeline", "changji")
    assert [(r["task"], r["date"] or None, r["kind"]) for r in timeline] == [(e["task"], e["date"], e["kind"]) for e in entries]
    assert all(r["quarter"] == f"{r['date'][:4]} Q{(int(r['date'][5:7]) - 1) // 3 + 1}" for r in timeline if r["date"])
    departments, load = _csv("departments", "xinjiang"), _json("departments", "xinjiang")
    assert [(r["department"], int(r["leads"]), int(r["takes_part"]), int(r["carries_out"])) for r in departments] == \
        [(d["canonical"], len(d["leads"]), len(d["participates"]), len(d["implements"])) for d in load]


def test_tables_csv_puts_every_table_in_one_sheet_and_xlsx_one_sheet_each(tmp_path):
    rows, tables = _csv("tables", "changji"), _json("tables", "changji")
    assert len(rows) == sum(len(t["rows"]) for t in tables)
    first = tables[0]
    assert {k: v for k, v in rows[0].items() if k in first["columns"] and v} == \
        {c: v for c, v in zip(first["columns"], first["rows"][0]) if v}
    out = tmp_path / "tables.xlsx"
    _run("tables", "changji", "--format", "xlsx", "-o", str(out))
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [t["id"] for t in tables]
    assert book[tables[0]["id"]].max_row == len(tables[0]["rows"]) + 1


def test_xlsx_has_a_bold_frozen_header_and_widths_that_fit_chinese(tmp_path):
    out = tmp_path / "tasks.xlsx"
    _run("tasks", "xinjiang", "--format", "xlsx", "-o", str(out))
    sheet = openpyxl.load_workbook(out)["tasks"]
    header = [c.value for c in sheet[1]]
    assert header[:7] == ["plan", "id", "section", "title", "lead", "participants", "implementers"]
    assert all(c.font.bold for c in sheet[1]) and sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet.max_row == 71
    widths = {c.value: sheet.column_dimensions[c.column_letter].width for c in sheet[1]}
    titles = [c.value for c in sheet["D"][1:]]
    assert widths["title"] >= min(60, max(display_width(t) for t in titles))  # CJK counted double
    assert widths["line"] < 10


def test_cells_are_never_formulas_and_bad_characters_are_dropped():
    data = to_xlsx([Sheet("a/b:c", ("text",), [("=HYPERLINK(\"http://x\")",), ("bell\x07",)])])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    assert sheet.title == "a_b_c"
    assert sheet["A2"].data_type == "s" and sheet["A2"].value.startswith("=HYPERLINK")
    assert sheet["A3"].value == "bell"
    taken: set[str] = set()
    assert [sheet_title("专栏1" * 20, taken), sheet_title("专栏1" * 20, taken)] == ["专栏1" * 10 + "专", "专栏1" * 9 + " (2)"]


def test_csv_to_a_file_starts_with_a_byte_order_mark_for_excel(tmp_path):
    out = tmp_path / "timeline.csv"
    _run("timeline", "xinjiang", "--format", "csv", "-o", str(out))
    assert out.read_bytes().startswith(b"\xef\xbb\xbfplan,")
    assert not _run("timeline", "xinjiang", "--format", "csv").stdout.startswith("\ufeff")


def test_xlsx_on_a_pipe_is_the_workbook_and_table_with_o_is_refused(tmp_path):
    result = runner.invoke(app, ["departments", "changji", "--format", "xlsx"])
    assert result.exit_code == 0 and result.stdout_bytes.startswith(b"PK")
    refused = runner.invoke(app, ["tasks", "changji", "-o", str(tmp_path / "x.txt")])
    assert refused.exit_code == 2 and "choose one with --format" in refused.output


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "plans.sqlite"
    _run("index", "xinjiang", "changji", "--db", str(db), "--jobs", "1", "--quiet")
    return db


def test_query_exports(store, tmp_path):
    rows = _csv("query", "--db", str(store), "--lead", "环保厅")
    assert rows and all(r["plan"] in ("xinjiang-water-2016", "changji-water-2016") for r in rows)
    out = tmp_path / "query.xlsx"
    _run("query", "--db", str(store), "--text", "饮用水", "--format", "xlsx", "-o", str(out))
    sheet = openpyxl.load_workbook(out)["query"]
    assert [c.value for c in sheet[1]][:4] == ["plan", "task", "title", "line"] and sheet.max_row > 2
