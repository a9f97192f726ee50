"""`policyx eval tests/gold`: the figures may not drop below those recorded in
tests/gold/baseline.json (refresh that file when a change improves them)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from policyx.cli.app import app
from policyx.analyse.evaluate import evaluate, gold_files

from .conftest import GOLD

runner = CliRunner()
BASELINE = json.loads((GOLD / "baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reports():
    return evaluate(GOLD)


@pytest.mark.parametrize("field", sorted(BASELINE["fields"]))
def test_no_field_drops_below_its_recorded_f1(reports, field):
    counts = reports["all"].fields[field]
    assert counts.f1 >= BASELINE["fields"][field] - 1e-9, [m for m in reports["all"].misses][:20]


@pytest.mark.parametrize("document", sorted(BASELINE["documents"]))
def test_no_document_drops_below_its_recorded_f1(reports, document):
    for field, recorded in BASELINE["documents"][document].items():
        assert reports[document].fields[field].f1 >= recorded - 1e-9, (field, reports[document].misses[:20])


def test_eval_command_prints_the_table_and_json():
    table = runner.invoke(app, ["eval", str(GOLD)])
    assert table.exit_code == 0 and "policyx eval" in table.stdout and "alignment" in table.stdout
    data = json.loads(runner.invoke(app, ["eval", str(GOLD), "--format", "json"]).stdout)
    assert data["all"]["fields"]["tasks"]["f1"] == pytest.approx(BASELINE["fields"]["tasks"])
    assert "misses" not in data["all"]


def test_eval_lists_misses_with_verbose(tmp_path):
    gold = tmp_path / "mine.tasks.yaml"
    gold.write_text(
        "document: plan.txt\ntasks:\n"
        "- {line: 2, title: 取缔小企业, lead: [环保厅], participants: [], implementers: []}\n"
        "- {line: 3, title: 控制面源污染, lead: [农业厅], participants: [], implementers: []}\n",
        encoding="utf-8",
    )
    (tmp_path / "plan.txt").write_text(
        "一、总则\n（一）工业。取缔小企业。全部取缔。（省环保厅牵头）\n（二）农业。控制面源污染。加强治理。（省水利厅牵头）\n",
        encoding="utf-8",
    )
    reports = evaluate(tmp_path)
    assert reports["plan"].fields["tasks"].f1 == 1.0
    assert reports["plan"].exact_share("lead") == 0.5
    result = runner.invoke(app, ["eval", str(tmp_path), "--verbose"])
    assert "lead of line 3" in result.stdout


def test_missing_gold_is_one_line_exit_2(tmp_path):
    result = runner.invoke(app, ["eval", str(tmp_path / "none")])
    assert result.exit_code == 2 and "no such gold" in result.stderr


def test_gold_files_are_found_by_name():
    names = {p.name for p in gold_files(GOLD)}
    assert "xinjiang-water-2016--changji-water-2016.alignment.yaml" in names and "baseline.json" not in names


HELDOUT = GOLD.parent / "data" / "heldout"


def test_the_held_out_plan_keeps_its_figures():
    # tests/data/heldout: a plan in another county's style, annotated by hand
    # before policyx first ran on it (targets then 0.889: one false target,
    # since mended); the floors are today's figures
    floors = {"sections": 1.0, "tasks": 1.0, "lead": 1.0, "participants": 1.0, "implementers": 1.0,
                 "deadlines": 1.0, "targets": 1.0, "document_targets": 1.0}
    fields = evaluate(HELDOUT)["all"].fields
    assert {name: fields[name].f1 >= floor for name, floor in floors.items()} == dict.fromkeys(floors, True)


def test_a_malformed_gold_file_is_one_line_not_a_traceback(tmp_path):
    (tmp_path / "plan.txt").write_text("一、总则\n（一）治理。取缔小企业。（市环保局牵头）\n", encoding="utf-8")
    (tmp_path / "plan.tasks.yaml").write_text("document: plan.txt\ntasks: 3\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2 and "gold format" in result.output and "Traceback" not in result.output
