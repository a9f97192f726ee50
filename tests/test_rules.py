"""Every rule's own examples and counterexamples, from the YAML files."""

from __future__ import annotations

import pytest
import regex
import yaml

from policyx import RulesError, load_rules
from policyx.text.normalize import fold
from policyx.rules import packaged_rules_dir

RULES = load_rules()


def _marker_cases():
    for rule in RULES.markers:
        for i, ex in enumerate(rule.examples):
            yield pytest.param(rule, ex, id=f"{rule.id}[{i}]")


def _marker_counter_cases():
    for rule in RULES.markers:
        for i, text in enumerate(rule.counterexamples):
            yield pytest.param(rule, text, id=f"{rule.id}[not {i}]")


@pytest.mark.parametrize(("rule", "example"), list(_marker_cases()))
def test_marker_example(rule, example):
    from policyx.text.numerals import read_number

    m = rule.pattern.match(fold(example["text"]))
    assert m, f"{rule.id} does not match {example['text']!r}"
    assert m.group(0).strip() == fold(example["marker"]).strip()
    numeral = m.group("num")
    assert (read_number(numeral) if numeral else None) == example["num"]
    others = [r.id for r in RULES.markers if r is not rule and r.pattern.match(fold(example["text"]))]
    assert others == [], f"{example['text']!r} is read by {rule.id} and also by {others}"


@pytest.mark.parametrize(("rule", "text"), list(_marker_counter_cases()))
def test_marker_counterexample(rule, text):
    from policyx import extract_text

    m = rule.pattern.match(fold(text))
    assert m is None or extract_text(text).sections == (), f"{rule.id} reads a heading in {text!r}"


def _noise_cases():
    for rule in RULES.noise:
        for i, ex in enumerate(rule.examples):
            yield pytest.param(rule, ex, id=f"{rule.id}[{i}]")
        for i, text in enumerate(rule.counterexamples):
            yield pytest.param(rule, {"text": text, "match": None}, id=f"{rule.id}[not {i}]")


@pytest.mark.parametrize(("rule", "example"), list(_noise_cases()))
def test_noise_rule(rule, example):
    m = rule.pattern.search(fold(example["text"]))
    if example["match"] is None:
        assert m is None, f"{rule.id} blanks {m.group(0)!r} in {example['text']!r}"
    else:
        assert m and m.group(0) == fold(example["match"])


def test_duplicate_keys_are_rejected(tmp_path):
    (tmp_path / "sections.yaml").write_text("markers: []\nmarkers: []\n", encoding="utf-8")
    load_rules.cache_clear()
    with pytest.raises(RulesError, match="duplicate key"):
        load_rules((str(tmp_path),))


def test_duplicate_rule_ids_are_rejected(tmp_path):
    (tmp_path / "noise.yaml").write_text(
        "rules:\n  - {id: a, pattern: x}\n  - {id: a, pattern: y}\n", encoding="utf-8"
    )
    with pytest.raises(RulesError, match="duplicate rule id 'a'"):
        load_rules((str(tmp_path),))


def test_bad_pattern_names_file_rule_and_field(tmp_path):
    (tmp_path / "noise.yaml").write_text("rules:\n  - {id: broken, pattern: '(unclosed'}\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"noise.yaml.*'broken'.*'pattern'"):
        load_rules((str(tmp_path),))


def test_user_rules_extend_the_packaged_ones(tmp_path):
    (tmp_path / "noise.yaml").write_text(
        "rules:\n  - id: noise.site_footer\n    pattern: '^主办单位[:：].*$'\n", encoding="utf-8"
    )
    rules = load_rules((str(tmp_path),))
    assert {"noise.site_footer", "noise.html_tag"} <= {r.id for r in rules.noise}
    from policyx import extract_text

    doc = extract_text("主办单位：某某政府办公室 一、二\n一、总则\n", rules)
    assert [s.line for s in doc.sections] == [2]


def test_missing_rules_directory():
    with pytest.raises(RulesError, match="not found"):
        load_rules(("/nonexistent/rules",))


def test_packaged_rules_are_found():
    assert (packaged_rules_dir() / "sections.yaml").is_file()
    assert all(isinstance(m.pattern, regex.Pattern) for m in RULES.markers)


def _scalar_pattern_cases():
    """A pattern given as a plain key ("contents_header: '…'") keeps its
    examples beside it, under "<key>_examples" and "<key>_counterexamples"."""
    for path in sorted(packaged_rules_dir().glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, value in data.items():
            for kind in ("examples", "counterexamples"):
                if key.endswith(f"_{kind}"):
                    name = key[: -len(kind) - 1]
                    for text in value:
                        yield pytest.param(data[name], text, kind == "examples", id=f"{path.stem}.{name}:{text[:12]}")


@pytest.mark.parametrize(("pattern", "text", "matches"), list(_scalar_pattern_cases()))
def test_scalar_pattern_example(pattern, text, matches):
    found = regex.search(pattern, fold(text).strip())
    assert bool(found) is matches


def test_inline_place_must_be_known(tmp_path):
    (tmp_path / "sections.yaml").write_text(
        "markers:\n  - {id: x.y, style: cn_dun, rank: 4, kind: heading, pattern: 'a', inline: [inside]}\n",
        encoding="utf-8")
    with pytest.raises(RulesError, match=r"x\.y.*inline.*inside"):
        load_rules((str(tmp_path),))


def _shaped_office_cases():
    data = yaml.safe_load((packaged_rules_dir() / "departments.yaml").read_text(encoding="utf-8"))
    for item in data.get("shaped", []):
        for kind in ("examples", "counterexamples"):
            for text in item.get(kind, []):
                yield pytest.param(item["pattern"], text, kind == "examples", id=f"shaped.{item['id']}:{text[:12]}")


@pytest.mark.parametrize(("pattern", "text", "matches"), list(_shaped_office_cases()))
def test_shaped_office_example(pattern, text, matches):
    """An office named by its shape (departments.yaml, shaped) is the whole name: its examples fit it whole."""
    assert bool(regex.fullmatch(pattern, text)) is matches
