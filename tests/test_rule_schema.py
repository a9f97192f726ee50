"""Rule files against their schema (rules/schema.py): the packaged ones pass,
a user's file with an unknown key, a wrong type or a wrong shape is one line
naming the file, the rule id and the field."""

from __future__ import annotations

import pytest
import yaml
from typer.testing import CliRunner

from policyx.cli.app import app
from policyx.errors import RulesError
from policyx.resources import packaged_rules_dir
from policyx.rules import load_rules
from policyx.rules.schema import SCHEMAS, validate

runner = CliRunner()
PACKAGED = sorted(packaged_rules_dir().glob("*.yaml"))


def test_every_packaged_rule_file_has_a_schema():
    assert {p.stem for p in PACKAGED} <= set(SCHEMAS)


@pytest.mark.parametrize("path", PACKAGED, ids=lambda p: p.name)
def test_packaged_rule_files_follow_their_schema(path):
    validate(path.stem, yaml.safe_load(path.read_text(encoding="utf-8")), path)


@pytest.mark.parametrize("name, text, expected", [
    ("tasks", "title:\n  max_char: 30\n", "tasks.yaml: field 'title.max_char': unknown field (did you mean 'max_chars'?)"),
    ("noise", "rules:\n  - id: noise.mine\n    pattern: 12345\n",
     "noise.yaml: rule 'noise.mine' field 'pattern': must be a string"),
    ("sections", "markers: 'not a list'\n", "sections.yaml: field 'markers': must be a list"),
    ("deadlines", "rules:\n  - id: deadline.soon\n    kind: soon\n    pattern: '马上'\n",
     "deadlines.yaml: rule 'deadline.soon' field 'kind': must be one of by, from, every, ongoing"),
    ("departments", "departments:\n  - id: environment\n    names: [环保局]\n",
     "departments.yaml: rule 'environment' field 'names': must be a mapping"),
    ("noise", "rules:\n  - id: noise.mine\n    patern: 'x'\n    pattern: 'y'\n",
     "noise.yaml: rule 'noise.mine' field 'patern': unknown field (did you mean 'pattern'?)"),
    ("noise", "rules:\n  - id: noise.mine\n", "noise.yaml: rule 'noise.mine' field 'pattern': missing"),
    ("targets", "unit_as: {成: 10}\n", "targets.yaml: field 'unit_as.成': must be a list"),
])
def test_user_rule_file_errors_name_file_rule_and_field(tmp_path, name, text, expected):
    (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as error:
        load_rules((str(tmp_path),))
    assert expected in str(error.value)
    assert "\n" not in str(error.value)
    result = runner.invoke(app, ["extract", "changji", "--rules", str(tmp_path)])
    assert result.exit_code == 2 and expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_good_user_file_still_loads(tmp_path):
    (tmp_path / "departments.yaml").write_text(
        "departments:\n  - id: water\n    names:\n      水务局: [水务]\n", encoding="utf-8")
    assert load_rules((str(tmp_path),)).departments


def test_schema_checking_is_not_paid_at_start_up():
    import subprocess
    import sys

    code = "import sys, policyx; policyx.load_rules(); print('jsonschema' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_fragment_may_name_another_and_none_may_name_itself():
    from policyx.errors import RulesError
    from policyx.rules.loader import expand_fragments

    # deadlines.yaml: work_done names finished ("(?:完成|…)${finished}")
    assert expand_fragments("a${x}b", {"x": "1${y}", "y": "2"}, where="t") == "a12b"
    with pytest.raises(RulesError, match="names itself"):
        expand_fragments("${x}", {"x": "(${x})"}, where="t")
