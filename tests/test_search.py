"""`policyx query --text`: SQLite FTS5 over jieba's search-mode words."""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policyx.cli.app import app

from .conftest import ROOT

runner = CliRunner()
EXTRA = """关于推进城区水环境治理的实施方案
一、重点任务
（一）完善污水体系。推进管网建设，2018年底前完成。（市住建局牵头，市环保局参与）
（二）保护饮用水水源地。划定水源保护区，2017年底前完成。（市环保局牵头）
（三）整治黑臭水體。2017年底前基本消除城市建成区黑臭水體。（市住建局牵头，市水利局参与）
"""


def _index(db: Path, *plans: str) -> None:
    result = runner.invoke(app, ["index", *plans, "--db", str(db), "--jobs", "1", "--quiet"])
    assert result.exit_code == 0, result.output


def _search(db: Path, *args: str) -> list[dict]:
    result = runner.invoke(app, ["query", "--db", str(db), *args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("search")
    extra = folder / "city-water.txt"
    extra.write_text(EXTRA, encoding="utf-8")
    db = folder / "plans.sqlite"
    _index(db, "xinjiang", "changji", "neimenggu", str(extra))
    return db, extra


def _tasks_containing(db: Path, phrase: str) -> set[tuple[str, str]]:
    connection = sqlite3.connect(str(db))
    rows = connection.execute(
        "SELECT d.doc_id, t.task_id FROM tasks t JOIN documents d ON d.id = t.document_id "
        "WHERE t.source = 'body' AND (t.title LIKE ? OR t.text LIKE ?)", (f"%{phrase}%", f"%{phrase}%")).fetchall()
    connection.close()
    return set(rows)


def test_a_phrase_finds_every_task_that_holds_it_and_no_other(store):
    db, _ = store
    found = {(r["plan"], r["task"]) for r in _search(db, "--text", "黑臭水体")}
    expected = _tasks_containing(db, "黑臭水体") | _tasks_containing(db, "黑臭水體")
    assert found == expected and len(found) >= 4


def test_a_two_character_word_matches_inside_a_longer_one_but_not_across_words(store):
    db, _ = store
    found = {(r["plan"], r["task"]) for r in _search(db, "--text", "水源")}
    assert ("city-water", "1.2.1") in found  # 饮用水水源地: 饮用 用水 饮用水 水源 源地 水源地
    across = {(r["plan"], r["task"]) for r in _search(db, "--text", "水体")}
    assert ("city-water", "1.1.1") not in across  # 污水体系 is 污水 | 体系, no 水体
    assert ("city-water", "1.3.1") in across  # 黑臭水體, traditional, read as 水体


def test_best_hits_first_with_an_excerpt_and_limit(store):
    db, _ = store
    rows = _search(db, "--text", "饮用水", "--limit", "3")
    assert len(rows) == 3 and all("饮用水" in r["title"] + r["excerpt"] for r in rows)
    assert [float(r["relevance"]) for r in rows] == sorted((float(r["relevance"]) for r in rows), reverse=True)
    assert all(float(r["relevance"]) > 0 for r in rows)  # (FTS5's bm25 is negative: it read -34.058, a new user's trial)


def test_words_combine_with_lead_between_and_metric(store):
    db, _ = store
    everything = {(r["plan"], r["task"]) for r in _search(db, "--text", "黑臭水体")}
    led = _search(db, "--text", "黑臭水体", "--lead", "住建厅")
    assert led and {(r["plan"], r["task"]) for r in led} < everything
    assert all("住房" in r["lead"] or "住建" in r["lead"] for r in led)
    dated = _search(db, "--text", "黑臭水体", "--between", "2017-01-01", "2017-12-31")
    assert dated and all(any(d.startswith("2017") for d in r["deadlines"].split()) for r in dated)
    measured = _search(db, "--text", "污水", "--metric", "污水处理率")
    assert measured and len(measured) < len(_search(db, "--text", "污水"))
    both = runner.invoke(app, ["query", "--db", str(db), "--text", "水", "--load"])
    assert both.exit_code == 2


def test_several_words_must_all_occur(store):
    db, _ = store
    one = {(r["plan"], r["task"]) for r in _search(db, "--text", "地下水")}
    two = {(r["plan"], r["task"]) for r in _search(db, "--text", "地下水 监测")}
    assert two and two < one


def test_reindexed_plans_leave_no_stale_words(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(EXTRA, encoding="utf-8")
    db = tmp_path / "plans.sqlite"
    _index(db, str(plan))
    assert _search(db, "--text", "污水体系")
    plan.write_text(EXTRA.replace("完善污水体系", "完善雨水管网"), encoding="utf-8")
    _index(db, str(plan))
    assert _search(db, "--text", "污水体系") == [] and _search(db, "--text", "雨水管网")
    connection = sqlite3.connect(str(db))
    assert connection.execute("SELECT count(*) FROM task_words").fetchone() == \
        connection.execute("SELECT count(*) FROM tasks").fetchone()
    connection.close()


def test_a_store_without_words_is_told_to_index_and_indexing_fills_them(tmp_path):
    db = tmp_path / "plans.sqlite"
    _index(db, "changji")
    connection = sqlite3.connect(str(db))
    connection.execute("DELETE FROM task_words")
    connection.commit()
    connection.close()
    refused = runner.invoke(app, ["query", "--db", str(db), "--text", "饮用水"])
    assert refused.exit_code == 2 and "policyx index" in refused.output
    _index(db, "changji")  # unchanged plan: skipped, but its tasks get their words
    assert _search(db, "--text", "饮用水")


def test_jieba_is_loaded_only_by_the_commands_that_need_it(store):
    db, _ = store
    probe = ("import sys; from policyx.cli.app import main\n"
             "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
             "print('JIEBA', 'jieba' in sys.modules, file=sys.stderr)")
    def loaded(*args: str) -> bool:
        proc = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)
        return "JIEBA True" in proc.stderr
    assert not loaded("tasks", "changji")
    assert not loaded("query", "--db", str(db), "--lead", "环保厅")
    assert loaded("query", "--db", str(db), "--text", "饮用水")


@pytest.mark.parametrize("dates, says", [
    (("foo", "bar"), "not a date"), (("2016-13-01", "2017-01-01"), "not a date"),
    (("2017-01-01", "2016-01-01"), "after the second")])
def test_between_takes_two_real_dates_in_order(tmp_path, dates, says):
    # a user's trial: "--between foo bar" answered 0 rows with exit 0; 2016-13-01 compared as a string
    result = runner.invoke(app, ["query", "--db", str(tmp_path / "none.sqlite"), "--between", *dates])
    assert result.exit_code == 2 and says in result.stderr


def test_two_files_of_one_name_are_told_apart_by_their_path(tmp_path):
    # a user's trial: my.docx and my.html both answered as plan "my"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "plan.txt").write_text(EXTRA, encoding="utf-8")
    (tmp_path / "other.txt").write_text(EXTRA, encoding="utf-8")
    db = tmp_path / "plans.sqlite"
    _index(db, str(tmp_path / "a" / "plan.txt"), str(tmp_path / "b" / "plan.txt"), str(tmp_path / "other.txt"))
    plans = {row["plan"] for row in _search(db, "--text", "饮用水")}
    assert plans == {str((tmp_path / "a" / "plan.txt").resolve()), str((tmp_path / "b" / "plan.txt").resolve()), "other"}
