"""The command line through Typer's runner, and the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import policyx
import yaml
from typer.testing import CliRunner

from policyx.cli.app import app

from .conftest import ROOT

runner = CliRunner()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("policyx ")


def test_extract_json_follows_the_contract():
    result = runner.invoke(app, ["extract", "xinjiang"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1"
    assert data["document"]["id"] == "xinjiang-water-2016"
    assert {"id", "title", "path", "sha256", "chars"} <= set(data["document"])
    first = data["sections"][1]
    assert {k: first[k] for k in ("id", "level", "marker", "title", "line", "parent")} == {
        "id": "1.1", "level": 2, "marker": "（一）", "title": "狠抓工业污染防治", "line": 13, "parent": "1",
    }
    task = data["tasks"][0]
    assert {k: task[k] for k in ("id", "section", "title", "line")} == {
        "id": "1.1.1", "section": "1.1", "title": "取缔“十小”企业", "line": 13,
    }
    assert task["lead"][0] == {
        "raw": "自治区经信委", "name": "经信委", "canonical": "自治区经济和信息化委员会", "function": "industry_it",
        "level": "province", "known": True, "inherited": False, "span": task["lead"][0]["span"], "rule": "clause.bracket",
    }
    assert task["rule"] == "clause.bracket"
    assert task["implementers"][0]["name"] == "各级人民政府"
    assert all(k in task for k in ("text", "span", "participants", "deadlines", "targets"))
    assert data["warnings"] == []


def test_extract_yaml_carries_the_same_structure():
    as_json = json.loads(runner.invoke(app, ["extract", "changji"]).stdout)
    as_yaml = yaml.safe_load(runner.invoke(app, ["extract", "changji", "--format", "yaml"]).stdout)
    assert as_yaml == as_json


def test_extract_to_a_file(tmp_path):
    out = tmp_path / "xinjiang.json"
    out.write_text("old", encoding="utf-8")
    result = runner.invoke(app, ["extract", "xinjiang", "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["document"]["id"] == "xinjiang-water-2016"
    assert [p.name for p in tmp_path.iterdir()] == ["xinjiang.json"], "no temporary file left behind"


def test_extract_from_stdin():
    result = runner.invoke(app, ["extract", "-"], input="一、总则\n（一）目标。到2020年。\n".encode("gbk"))
    assert result.exit_code == 0
    assert [s["title"] for s in json.loads(result.stdout)["sections"]] == ["总则", "目标"]


def test_tree_format_shows_the_outline():
    result = runner.invoke(app, ["extract", "xinjiang-14th", "--format", "tree"])
    assert result.exit_code == 0
    assert "第一章" in result.stdout and "表2-1" in result.stdout


def test_plan_without_structure_exits_zero_with_a_warning(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text("各地要高度重视，认真组织实施。\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["sections"] == [] and data["warnings"][0]["code"] == "no-structure"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "/nonexistent/plan.txt"], "no such file"),
        (["extract", "atlantis"], "no such file or corpus plan"),
        (["extract", "xinjiang", "--format", "xml"], "unsupported format 'xml'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\x03" * 64])
def test_empty_and_binary_files(tmp_path, content):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


def test_directory_argument(tmp_path):
    # (a new user's trial: an empty folder was "a directory, not a file; policyx reads regular files",
    # though extract and check read folders)
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder with no plan file in it (.txt, .html" in result.stderr
    (tmp_path / "plan.txt").write_text("一、总则\n", encoding="utf-8")
    result = runner.invoke(app, ["diff", str(tmp_path), "xinjiang"])
    assert result.exit_code == 2 and "is a folder, not a plan file: name one of its plans" in result.stderr


def test_tasks_filtered_by_lead_across_levels():
    # "what does the 环保厅 lead?" — asked with the prefecture's name, too
    by_province_name = json.loads(runner.invoke(app, ["tasks", "xinjiang", "--lead", "环保厅", "-f", "json"]).stdout)
    by_prefecture_name = json.loads(runner.invoke(app, ["tasks", "xinjiang", "--lead", "环保局", "-f", "json"]).stdout)
    assert by_province_name == by_prefecture_name
    assert len(by_province_name) == 35
    assert all(any(d["function"] == "environment" for d in t["lead"]) for t in by_province_name)


def test_tasks_by_participant_and_section():
    rows = json.loads(runner.invoke(app, ["tasks", "changji", "--participant", "国土局", "--section", "1", "-f", "json"]).stdout)
    assert [t["id"] for t in rows] == ["1.1.1", "1.3.2", "1.3.4"]


@pytest.mark.parametrize(("section", "said"), [("1.1.1", "that is a task's id (its section is 1.1)"),
                                                ("9.9", "the plan has no such section")])
def test_a_section_the_plan_has_not_is_said_not_an_empty_list(section, said):
    """"policyx tasks changji --section 1.1.1" gave 0 tasks: 1.1.1 is a task's id (a new user's trial)."""
    result = runner.invoke(app, ["tasks", "changji", "--section", section])
    assert result.exit_code == 2 and said in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_tasks_table_for_people():
    result = runner.invoke(app, ["tasks", "changji", "--lead", "水利局"])
    assert result.exit_code == 0 and "17 of 70 tasks" in result.stdout and "3.4.2" in result.stdout


def test_tasks_of_a_plan_whose_tasks_are_a_tables_rows_say_where_they_are(tmp_path):
    # city-two-row-header-table-2026: every task is a row; the text's list (the default) is empty, and says why
    plan = os.path.join(os.path.dirname(__file__), "data", "written", "city-two-row-header-table-2026.txt")
    result = runner.invoke(app, ["tasks", plan])
    assert result.exit_code == 0 and "0 of 0 tasks" in result.stdout
    assert "19 more task(s) from the plan's tables" in result.stderr
    assert "19 of 19 tasks" in runner.invoke(app, ["tasks", plan, "--source", "table"]).stdout


def test_departments_table_and_json():
    rows = json.loads(runner.invoke(app, ["departments", "changji", "-f", "json"]).stdout)
    top = rows[0]
    assert top["canonical"] == "环境保护局" and len(top["leads"]) == 37  # the body's tasks, not the table's rows
    assert "1.1.1" in top["leads"]
    table = runner.invoke(app, ["departments", "xinjiang"])
    assert table.exit_code == 0 and "departments" in table.stdout and "1.1.1" in table.stdout


def test_timeline_orders_tasks_by_deadline():
    rows = json.loads(runner.invoke(app, ["timeline", "changji", "-f", "json"]).stdout)
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated) and dated[0] == "2015-01-01"
    assert {r["kind"] for r in rows if not r["date"]} <= {"every", "ongoing", "none"}
    first_2016 = next(r for r in rows if r["year"] == 2016)
    assert first_2016["lead"] and first_2016["task"]
    table = runner.invoke(app, ["timeline", "xinjiang"])
    assert table.exit_code == 0 and "2016 (" in table.stdout and "recurring" in table.stdout


def test_extract_carries_deadlines_and_targets():
    data = json.loads(runner.invoke(app, ["extract", "xinjiang"]).stdout)
    task = next(t for t in data["tasks"] if t["title"] == "加快城镇污水处理设施建设与改造")
    assert {"raw": "2020年底前", "kind": "by", "date": "2020-12-31"}.items() <= task["deadlines"][0].items()
    first = task["targets"][0]
    assert {k: first[k] for k in ("raw", "metric", "comparator", "value", "unit", "year", "baseline_year")} == {
        "raw": "80%", "metric": "县城污水处理率", "comparator": "~", "value": 80, "unit": "%", "year": 2020,
        "baseline_year": None,
    }
    assert data["targets"][0]["comparator"] == ">=" and data["targets"][0]["value"] == 94


def test_corpus_list():
    result = runner.invoke(app, ["corpus", "list", "--format", "json"])
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows][:2] == ["xinjiang-water-2016", "changji-water-2016"]
    assert all(r["size"] > 0 for r in rows)
    table = runner.invoke(app, ["corpus", "list"])
    assert table.exit_code == 0 and "changji" in table.stdout


@pytest.mark.parametrize(("args", "code"), [(["extract"], 2), (["frobnicate"], 2), (["extract", "nope"], 2)])
def test_entry_point_usage_errors_are_one_line(args, code):
    proc = subprocess.run(
        [sys.executable, "-m", "policyx", *args], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert proc.returncode == code
    assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith("policyx: ")


def test_the_program_ends_with_its_output_whole_and_its_exit_status():
    """``policyx`` skips the interpreter's teardown (policyx.cli.program): what
    was written still reaches a pipe and a file, and the status is main's."""
    piped = subprocess.run([sys.executable, "-m", "policyx", "extract", "changji"], capture_output=True, timeout=120,
                           cwd=ROOT)
    assert piped.returncode == 0 and json.loads(piped.stdout)["document"]["id"] == "changji-water-2016"
    checked = subprocess.run([sys.executable, "-m", "policyx", "check", "changji", "--fail-on", "warning"],
                             capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert checked.returncode == runner.invoke(app, ["check", "changji", "--fail-on", "warning"]).exit_code
    closed = subprocess.run(f"'{sys.executable}' -m policyx extract xinjiang | head -c 10", shell=True,
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert closed.stdout == "{\n  \"schem" and "Traceback" not in closed.stderr and "Exception" not in closed.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["corpus", "list"], ["extract", "changji"]])
def test_output_that_cannot_be_written_is_an_error_not_a_success(args):
    # a second reading: with the teardown skipped, a failed last flush had exited 0
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "policyx", *args], stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=120, cwd=ROOT, env=env)
    assert done.returncode == 1 and "No space left" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("extract", "tasks", "departments", "timeline", "diff", "check", "tables", "eval", "index", "query", "report", "schema", "corpus list", "rules list", "rules show"):
        result = runner.invoke(app, [*command.split(), "--help"])
        assert result.exit_code == 0 and "Example:" in result.stdout
        assert f"policyx {command}" in readme


def test_rules_list_names_every_rule_and_show_gives_its_examples():
    listing = runner.invoke(app, ["rules", "list", "--format", "json"])
    assert listing.exit_code == 0
    ids = {rule["id"] for rule in json.loads(listing.stdout)}
    assert {"section.cn_dun", "deadline.year_end", "target.comparator"} <= ids
    shown = runner.invoke(app, ["rules", "show", "deadline.year_end"])
    assert shown.exit_code == 0 and "年底前" in shown.stdout
    missing = runner.invoke(app, ["rules", "show", "no.such.rule"])
    assert missing.exit_code == 2 and "Traceback" not in missing.output


def test_explain_shows_the_rule_behind_each_item():
    result = runner.invoke(app, ["extract", "changji", "--explain"], env={"COLUMNS": "400"})
    assert result.exit_code == 0
    assert "section.cn_dun" in result.stdout and "deadline.year_end" in result.stdout
    assert "target.comparator" in result.stdout
    doc = policyx.extract_file("changji")
    task = doc.body_tasks()[0]
    # the task, its clause and each department, with the rule that read them
    assert f"task {task.title}  {task.id} · line {task.line} · {task.rule}" in result.stdout
    assert f"lead {task.lead[0].name} → {task.lead[0].canonical} ({task.lead[0].function})  {task.lead[0].rule}" \
        in result.stdout
    assert "table.row" in result.stdout
    assert any(f"table.{form}" in result.stdout for form in ("tab", "pipe", "flattened"))


def test_every_extracted_item_names_its_rule():
    for name in ("changji", "xinjiang-13th"):
        doc = policyx.extract_file(name)
        items = [*doc.sections, *doc.tasks, *doc.targets]
        for task in doc.tasks:
            items += [*task.lead, *task.participants, *task.implementers, *task.deadlines, *task.targets]
            items += [c for c in (task.clause, *task.subclauses) if c is not None]
        assert [item for item in items if not item.rule] == []


def test_explain_with_a_data_format_is_refused_not_ignored():
    result = runner.invoke(app, ["extract", "changji", "--explain", "--format", "json"])
    assert result.exit_code == 2 and "rule" in result.output


def test_every_target_names_its_rule():
    doc = json.loads(runner.invoke(app, ["extract", "changji"]).stdout)
    targets = [t for task in doc["tasks"] for t in task["targets"]]
    assert targets and all(t["rule"].startswith(("target.", "table.")) for t in targets)


def test_the_report_page_names_the_plan_file_not_where_it_lay(tmp_path):
    """A page made to be shared: a new user found their machine's folders in it."""
    page = tmp_path / "changji.html"
    assert runner.invoke(app, ["report", "changji", "-o", str(page)]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "changji-water-2016.txt" in html and str(ROOT / "corpus") not in html


def test_tasks_lead_keeps_a_written_level():
    """`tasks … --lead 教育部` gave a province's 教育厅 tasks (a new user's trial); 环保厅 still finds 环保局."""
    state = json.loads(runner.invoke(app, ["tasks", "xinjiang", "--lead", "环境保护部", "-f", "json"]).stdout)
    province = json.loads(runner.invoke(app, ["tasks", "xinjiang", "--lead", "自治区环保厅", "-f", "json"]).stdout)
    assert state == [] and province


def test_a_lead_no_one_knows_is_said_not_left_as_an_empty_answer():
    # a user's trial: "tasks changji --lead 不存在的局" gave 0 rows and no hint
    unknown = runner.invoke(app, ["tasks", "changji", "--lead", "不存在的局", "--format", "csv"])
    assert unknown.exit_code == 0 and "no department of this plan" in unknown.stderr
    known = runner.invoke(app, ["tasks", "changji", "--lead", "市水务局", "--format", "csv"])
    assert known.exit_code == 0 and "no department" not in known.stderr


def test_the_outline_can_be_saved_to_a_file(tmp_path):
    # a user's trial: "--format tree -o file" was refused; saving the outline is a normal thing to want
    out = tmp_path / "outline.txt"
    result = runner.invoke(app, ["extract", "changji", "--format", "tree", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("昌吉") and "line" in text and "\x1b[" not in text
