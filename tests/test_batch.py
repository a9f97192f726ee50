"""Whole collections: batch extraction, the SQLite store, queries, a Dask recipe."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from typer.testing import CliRunner

from policyx.io.batch import expand, extract_many
from policyx.cli.app import app
from policyx.io.store import counts

from .conftest import CORPUS

runner = CliRunner()


@pytest.fixture()
def folder(tmp_path):
    """Good plans (UTF-8, GBK, in a sub-folder), an empty file, a binary one."""
    root = tmp_path / "plans"
    (root / "sub").mkdir(parents=True)
    shutil.copy(CORPUS / "xinjiang-water-2016.txt", root / "xinjiang.txt")
    text = (CORPUS / "changji-water-2016.txt").read_text(encoding="utf-8").replace("\u00bb", ">").replace("\u00a0", " ")
    (root / "sub" / "changji-gbk.txt").write_bytes(text.encode("gbk"))
    (root / "empty.txt").write_bytes(b"")
    (root / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a plan")  # not a plan suffix: not read
    return root


def test_expand_finds_plans_recursively(folder):
    found = expand([str(folder)])
    assert [p.split("plans/")[1] for p in found] == ["empty.txt", "image.html", "sub/changji-gbk.txt", "xinjiang.txt"]
    assert expand(["changji", "changji"]) == ["changji"]
    assert expand([str(folder / "*.txt")]) == [str(folder / "empty.txt"), str(folder / "xinjiang.txt")]


def test_a_plan_under_two_names_is_read_once(folder):
    # a new user's trial: a symbolic link beside a plan had it read twice (read under its own name, in the
    # link's place)
    (folder / "link.txt").symlink_to(folder / "xinjiang.txt")
    assert [p.split("plans/")[1] for p in expand([str(folder)])] == ["empty.txt", "image.html", "xinjiang.txt",
                                                                     "sub/changji-gbk.txt"]
    assert expand([str(folder / "xinjiang.txt"), str(folder / "link.txt")]) == [str(folder / "xinjiang.txt")]


@pytest.mark.parametrize("jobs", [1, 2])
def test_good_files_extracted_bad_ones_reported(folder, jobs):
    outcomes = list(extract_many(expand([str(folder)]), jobs=jobs))
    good = {o.data["document"]["id"] for o in outcomes if o.data}
    bad = sorted(o.error.split(": ")[-1] for o in outcomes if o.error)
    assert good == {"xinjiang", "changji-gbk"}
    assert bad == ["looks like a binary file, not a plan text", "the file is empty"]


def test_cli_batch_jsonl_and_exit_status(folder, tmp_path):
    out = tmp_path / "all.jsonl"
    result = runner.invoke(app, ["extract", str(folder), "--format", "jsonl", "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 2
    assert "2 of 4 plans could not be read" in result.stderr and "image.html" in result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["document"]["id"] for line in lines] == ["changji-gbk", "xinjiang"]
    assert json.loads(lines[0])["document"]["encoding"] == "gb18030"


def test_cli_batch_of_good_files_exits_0():
    result = runner.invoke(app, ["extract", "xinjiang", "changji", "--format", "json"])
    assert result.exit_code == 0
    assert [d["document"]["id"] for d in json.loads(result.stdout)] == ["xinjiang-water-2016", "changji-water-2016"]


@pytest.fixture()
def database(tmp_path):
    db = tmp_path / "plans.sqlite"
    result = runner.invoke(app, ["index", str(CORPUS), "--db", str(db), "--jobs", "1"])
    assert result.exit_code == 0, result.stdout + result.stderr
    return db


def test_indexing_twice_gives_the_same_rows(database):
    connection = sqlite3.connect(database)
    first = counts(connection)
    assert first["documents"] == 5 and first["tasks"] > 300 and first["task_departments"] > 1000
    again = runner.invoke(app, ["index", str(CORPUS), "--db", str(database)])
    assert "0 stored, 5 unchanged" in again.stdout
    assert counts(connection) == first
    connection.close()


def test_a_changed_file_is_replaced_in_one_piece(database, tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("一、总则\n（一）工业。取缔小企业。2016年底前完成。（省环保厅牵头）\n", encoding="utf-8")
    runner.invoke(app, ["index", str(plan), "--db", str(database)])
    plan.write_text("一、总则\n（一）工业。取缔小企业。2017年底前完成。（省环保厅牵头）\n（二）农业。控制面源污染。（省农业厅牵头）\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["index", str(plan), "--db", str(database)])
    assert "1 stored" in result.stdout
    connection = sqlite3.connect(database)
    rows = connection.execute(
        "SELECT t.title, dl.date FROM tasks t JOIN documents d ON d.id = t.document_id "
        "LEFT JOIN deadlines dl ON dl.task_id = t.id WHERE d.path = ? ORDER BY t.id", (str(plan.resolve()),)
    ).fetchall()
    assert rows == [("取缔小企业", "2017-12-31"), ("控制面源污染", None)]
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()


def test_query_tasks_led_by_a_department(database):
    rows = json.loads(runner.invoke(app, ["query", "--db", str(database), "--lead", "环保厅", "-f", "json"]).stdout)
    plans = {r["plan"] for r in rows}
    assert {"xinjiang-water-2016", "changji-water-2016"} <= plans
    assert sum(r["plan"] == "changji-water-2016" for r in rows) == 37  # 环保局 at the prefecture
    unknown = json.loads(runner.invoke(app, ["query", "--db", str(database), "--lead", "星际局", "-f", "json"]).stdout)
    assert unknown == []


def test_query_deadlines_between(database):
    rows = json.loads(runner.invoke(app, ["query", "--db", str(database), "--between", "2016-06-01", "2016-06-30",
                                          "-f", "json"]).stdout)
    assert [(r["date"], r["raw"], r["plan"]) for r in rows] == [("2016-06-30", "2016年上半年", "xinjiang-water-2016")]


def test_query_targets_on_a_metric(database):
    result = runner.invoke(app, ["query", "--db", str(database), "--metric", "用水总量", "-f", "csv"])
    lines = result.stdout.splitlines()
    assert lines[0] == "plan,metric,comparator,value,unit,year,line,value_max"
    assert any("changji-water-2016,全州用水总量,<=,25.04,亿立方米,2020" in line for line in lines)


def test_query_department_load(database):
    rows = json.loads(runner.invoke(app, ["query", "--db", str(database), "--load", "-f", "json"]).stdout)
    assert rows[0]["department"] == "environment" and rows[0]["leads"] >= rows[1]["leads"]


def test_query_usage_errors(database, tmp_path):
    assert runner.invoke(app, ["query", "--db", str(database)]).exit_code == 2
    assert runner.invoke(app, ["query", "--db", str(database), "--load", "--lead", "x"]).exit_code == 2
    missing = runner.invoke(app, ["query", "--db", str(tmp_path / "none.sqlite"), "--load"])
    assert missing.exit_code == 2 and "no such database" in missing.stderr


def test_dask_recipe_on_the_local_scheduler():
    db = pytest.importorskip("dask.bag")
    import policyx
    from policyx.io.serialize import document_to_dict

    paths = [str(p) for p in sorted(CORPUS.glob("*.txt"))]
    documents = db.from_sequence(paths, npartitions=2).map(policyx.extract_file).map(document_to_dict)
    result = documents.compute(scheduler="processes", num_workers=2)
    assert sorted(d["document"]["id"] for d in result) == sorted(p.split("/")[-1][:-4] for p in paths)
    assert all(d["sections"] for d in result)


def test_a_directory_gives_its_plans_not_hidden_ones(tmp_path):
    """"policyx extract /tmp" read 7,205 files, a .venv's among them (a new user's trial)."""
    from policyx.io.batch import expand

    for name in ("b.txt", "a/c.html", "a/notes.py", ".hidden.txt", ".venv/lib/x.txt", "a/.git/y.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("一、总则\n", encoding="utf-8")
    assert expand([str(tmp_path)]) == [str(tmp_path / "a" / "c.html"), str(tmp_path / "b.txt")]
    assert expand([str(tmp_path / ".hidden.txt")]) == [str(tmp_path / ".hidden.txt")]  # (named, it is read)


def test_indexing_nothing_readable_leaves_no_database(tmp_path):
    """A new user's `policyx index emptydir --db e.sqlite` said 1 failed and left e.sqlite behind."""
    (tmp_path / "empty").mkdir()
    db = tmp_path / "e.sqlite"
    result = runner.invoke(app, ["index", str(tmp_path / "empty"), "--db", str(db)])
    assert result.exit_code == 2 and "no plan file" in result.stderr
    assert not db.exists()


def test_query_lead_keeps_the_level_the_question_writes(database):
    """A new user's `--lead 省发展改革委` and `--lead 国家发展改革委` gave the same rows as `--lead 发改委`:
    a level written is a level asked for (a department named without one is its plan's); 环保厅 still
    asks for the function at every level. Each row lists all the task's leads, not only the one asked for."""
    def rows(name):
        return json.loads(runner.invoke(app, ["query", "--db", str(database), "--lead", name, "-f", "json"]).stdout)

    every = rows("环保局")
    province = rows("自治区环保厅")
    prefecture = rows("州环保局")
    assert "changji-water-2016" not in {r["plan"] for r in province} and {r["plan"] for r in prefecture} == {"changji-water-2016"}
    assert len(province) + len(prefecture) == len(every)
    assert rows("环境保护部") == []  # (the state's ministry leads no task of these plans)
    assert any("、" in r["lead"] for r in province)
