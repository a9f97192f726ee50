"""`policyx schema`: the JSON Schema of the output contract, generated from
the model, holds for what policyx writes — every corpus plan, every wild
plan, diff and check — and refuses what it does not write."""

from __future__ import annotations

import copy
import json
import typing
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import policyx
from policyx.cli.app import app
from policyx.io.schema import output_schema
from policyx.io.serialize import KEYS, document_to_dict
from policyx.model import Deadline, DeadlineKind, Target, Task

from .conftest import CORPUS_IDS, ROOT

runner = CliRunner()
WILD = sorted((ROOT / "tests" / "data" / "wild" / "texts").glob("*.txt")) + \
    sorted((ROOT / "tests" / "data" / "wild" / "full").glob("*.txt"))


def _validator(which: str, strict: bool = True):
    schema = output_schema(which, strict=strict)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def extract_validator():
    return _validator("extract")


def _errors(validator, data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)][:5]


@pytest.mark.parametrize("plan", CORPUS_IDS)
def test_every_corpus_plan_follows_the_schema(plan, rules, extract_validator):
    data = document_to_dict(policyx.extract_file(plan, rules))
    assert _errors(extract_validator, data) == []


@pytest.mark.parametrize("path", WILD, ids=[p.stem for p in WILD])
def test_every_wild_plan_follows_the_schema(path, rules, extract_validator):
    data = document_to_dict(policyx.extract_file(str(path), rules))
    assert _errors(extract_validator, data) == []


@pytest.mark.parametrize("args", [("xinjiang", "changji"), ("neimenggu", "xinjiang"), ("xinjiang-13th", "xinjiang-14th")])
def test_diff_output_follows_the_schema(args):
    result = runner.invoke(app, ["diff", *args, "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["matched"] and _errors(_validator("diff"), data) == []


@pytest.mark.parametrize("args", [("changji", "--against", "xinjiang"), ("changji", "xinjiang"), ("xinjiang-14th",)])
def test_check_output_follows_the_schema(args):
    result = runner.invoke(app, ["check", *args, "--format", "json"])
    assert result.exit_code in (0, 1)
    assert _errors(_validator("check"), json.loads(result.stdout)) == []


def test_the_schema_refuses_what_policyx_does_not_write(rules, extract_validator):
    good = document_to_dict(policyx.extract_file("changji", rules))
    broken = []
    for path, value in ((("tasks", 0, "line"), "17"), (("tasks", 0, "deadlines", 0, "kind"), "soon"),
                        (("tasks", 0, "span"), [1, 2, 3]), (("targets", 0, "comparator"), "≥"),
                        (("document", "chars"), None), (("schema_version",), "2")):
        data = copy.deepcopy(good)
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        broken.append(bool(_errors(extract_validator, data)))
    missing = copy.deepcopy(good)
    del missing["tasks"][0]["lead"]
    extra = copy.deepcopy(good)
    extra["tasks"][0]["colour"] = "red"
    assert broken == [True] * 6
    assert _errors(extract_validator, missing)
    assert _errors(extract_validator, extra)  # strict: nothing beyond this version's keys …
    assert _errors(_validator("extract", strict=False), extra) == []  # … but the contract allows added keys


def test_the_schema_is_read_from_the_model():
    defs = output_schema()["$defs"]
    assert list(defs["Task"]["properties"]) == list(KEYS[Task])
    assert list(defs["Target"]["properties"]) == list(KEYS[Target])
    assert defs["Deadline"]["properties"]["kind"] == {"enum": list(typing.get_args(DeadlineKind))}
    assert set(defs["Deadline"]["required"]) == set(KEYS[Deadline])
    assert defs["Change"]["properties"]["direction"]["anyOf"][0]["enum"] == ["stricter", "looser", "earlier", "later"]


def test_schema_command_prints_each_output(tmp_path: Path):
    whole = runner.invoke(app, ["schema"])
    assert whole.exit_code == 0
    data = json.loads(whole.stdout)
    assert {"extract", "diff", "check"} <= set(data["$defs"]) and data["$schema"].endswith("2020-12/schema")
    out = tmp_path / "extract.schema.json"
    assert runner.invoke(app, ["schema", "extract", "--strict", "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["$ref"] == "#/$defs/extract"
    assert runner.invoke(app, ["schema", "sarif"]).exit_code == 2
