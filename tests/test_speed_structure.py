"""What makes policyx fast, checked by its structure — never by timing (the
figures are bench/bench.py's): what a command imports, the compiled-rules
cache and when it is trusted, rules run only where they can match, sparse
alignment giving the dense one's answer, tables printed as plain lines."""

from __future__ import annotations

import json
import os
import pickle
import random
import subprocess
import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from policyx.rules import cache, load_rules
from policyx.rules import loader
from policyx.text.anchored import AnchoredText
from policyx.text.anchors import line_anchors
from policyx.text.normalize import Normalized

from .conftest import CORPUS, ROOT

STAGES = ("policyx.extract", "policyx.analyse", "policyx.rules", "policyx.io.store", "policyx.io.batch")
HEAVY = ("typer", "pydantic", "numpy", "lap", "opencc", "cn2an", "jieba")


def _loaded_by(args: list[str]) -> set[str]:
    """The modules a fresh process holds after running ``policyx ARGS``."""
    code = ("import io, json, sys, contextlib\nfrom policyx.cli import main\n"
            "try:\n    with contextlib.redirect_stdout(io.StringIO()):\n        main(%r)\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted(sys.modules)))" % args)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def _under(modules: set[str], prefixes) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes))


def test_version_loads_no_stage_and_no_library():
    loaded = _loaded_by(["--version"])
    assert _under(loaded, STAGES) == [] and _under(loaded, HEAVY) == []


@pytest.mark.parametrize("args", [["--help"], ["corpus", "list"]])
def test_help_and_corpus_list_load_no_stage(args):
    loaded = _loaded_by(args)
    assert _under(loaded, STAGES) == []
    assert _under(loaded, ("pydantic", "numpy", "lap", "opencc", "cn2an", "jieba")) == []


def test_a_command_loads_only_what_it_uses():
    extract = _loaded_by(["extract", "xinjiang"])
    assert _under(extract, ("policyx.analyse", "policyx.io.store")) == []
    # plain options need no pydantic; a simplified text needs no OpenCC; digits need no cn2an
    assert _under(extract, ("pydantic", "numpy", "lap", "opencc", "cn2an", "jieba")) == []
    diff = _loaded_by(["diff", "xinjiang", "changji", "--format", "json"])
    assert _under(diff, ("pydantic", "numpy", "lap", "opencc")) == []  # small groups are assigned without lap


def test_a_corpus_name_needs_no_yaml_once_the_manifest_is_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYX_CACHE_DIR", str(tmp_path / "cache"))
    assert "yaml" in _loaded_by(["extract", "xinjiang"])  # the rules compiled, the manifest parsed: both kept
    assert _under(_loaded_by(["extract", "xinjiang"]), ("yaml",)) == []
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "cache").iterdir()) == ["manifest", "patterns", "rules"]


# -- the code's own patterns, kept compiled --------------------------------------------------

_STORE_RUN = ("import io, json, sys, contextlib\nfrom policyx.cli import main\nfrom policyx.text import stored_patterns\n"
              "with contextlib.redirect_stdout(io.StringIO()) as out:\n    try:\n        main(%r)\n    except SystemExit:\n"
              "        pass\nprint(json.dumps([stored_patterns._added, len(stored_patterns._used), out.getvalue()]))")


def _run_storing(args: list[str], env: dict) -> tuple[bool, int, str]:
    """Whether a fresh ``policyx ARGS`` compiled a pattern its store did not
    hold, how many it used, and its output (the store written as at exit)."""
    out = subprocess.run([sys.executable, "-c", _STORE_RUN % args + "\nstored_patterns.save()"],
                         capture_output=True, text=True, check=True, env={**os.environ, **env}).stdout
    added, used, printed = json.loads(out.strip().splitlines()[-1])
    return added, used, printed


def test_the_codes_patterns_are_compiled_once_and_read_back(tmp_path):
    env = {"POLICYX_CACHE_DIR": str(tmp_path / "cache")}
    added, used, first = _run_storing(["extract", "xinjiang", "--format", "json"], env)
    assert added and used > 50  # (the modules an extraction loads define that many)
    again, used_again, second = _run_storing(["extract", "xinjiang", "--format", "json"], env)
    assert not again and used_again == used and second == first
    [store] = (tmp_path / "cache").glob("patterns-*.pickle")
    store.write_bytes(store.read_bytes()[:100])  # damaged: not trusted, compiled as before
    added, _, third = _run_storing(["extract", "xinjiang", "--format", "json"], env)
    assert added and third == first


def test_the_pattern_store_is_off_with_the_cache(tmp_path):
    added, used, printed = _run_storing(["extract", "xinjiang", "--format", "json"], {"POLICYX_CACHE_DIR": ""})
    assert added and used > 50 and json.loads(printed)["tasks"]
    assert not (tmp_path / "cache").exists()


# -- the compiled-rules cache ---------------------------------------------------------------


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYX_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _files(*extra) -> list:
    dirs = [loader.packaged_rules_dir(), *extra]
    return [p for d in dirs for p in sorted(d.glob("*.yaml"))]


def test_compiled_rules_are_kept_and_read_back(cache_dir):
    key = cache.cache_key(_files())
    assert cache.load(key) is None
    compiled = loader._compile_rules([loader.packaged_rules_dir()])
    cache.store(key, compiled)
    assert [p.name for p in cache_dir.iterdir()] == [f"rules-{key}.pickle"]
    again = cache.load(key)
    assert again is not None and again is not compiled
    assert [r.id for r in again.deadlines.rules] == [r.id for r in compiled.deadlines.rules]
    assert [r.anchors for r in again.deadlines.rules] == [r.anchors for r in compiled.deadlines.rules]
    assert again.targets.pattern.pattern == compiled.targets.pattern.pattern
    text = "（一）工作目标。到2020年，全区用水总量控制在211亿立方米以内（自治区水利厅牵头）。\n"
    from policyx import extract_text
    from policyx.io.serialize import document_to_dict

    assert document_to_dict(extract_text(text, again)) == document_to_dict(extract_text(text, compiled))


def test_a_damaged_or_foreign_cache_file_is_never_trusted(cache_dir):
    key = cache.cache_key(_files())
    cache.store(key, {"rules": 1})
    path = cache_dir / f"rules-{key}.pickle"
    data = path.read_bytes()
    path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # one bit flipped
    assert cache.load(key) is None
    path.write_bytes(data[: len(data) // 2])  # truncated
    assert cache.load(key) is None
    path.write_bytes(b"policyx-rules-cache 1\n" + b"\0" * 32 + pickle.dumps({"rules": 2}))  # a digest that does not match
    assert cache.load(key) is None
    path.write_bytes(data)
    assert cache.load(key) == {"rules": 1}
    os.chmod(path, 0o666)  # writable by others
    assert cache.load(key) is None


def test_the_key_follows_the_rule_files_and_the_cache_can_be_turned_off(cache_dir, tmp_path, monkeypatch):
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "targets.yaml").write_text("fixed: []\n", encoding="utf-8")
    first = cache.cache_key(_files(extra))
    assert first != cache.cache_key(_files())
    (extra / "targets.yaml").write_text("fixed: []\n# changed\n", encoding="utf-8")
    assert cache.cache_key(_files(extra)) != first
    assert cache.cache_key([extra / "missing.yaml"]) is None  # unreadable: compiled (and reported) as before
    monkeypatch.setenv("POLICYX_CACHE_DIR", "")
    cache.store(first, {"rules": 1})
    assert cache.cache_dir() is None and cache.load(first) is None


def test_load_rules_goes_through_the_cache(cache_dir):
    uncached = load_rules.__wrapped__()
    assert len(list(cache_dir.glob("rules-*.pickle"))) == 1
    cached = load_rules.__wrapped__()
    assert cached is not uncached and cached.files == uncached.files


def test_the_rules_only_some_commands_use_are_kept_beside_the_rule_set(cache_dir):
    from policyx.rules.indicators import indicator_rules

    rules = load_rules.__wrapped__()
    loader._COMPILED_ONCE.clear()
    built = indicator_rules(rules)
    assert (cache_dir / f"rules.indicators-{rules.key}.pickle").is_file()
    loader._COMPILED_ONCE.clear()
    kept = indicator_rules(rules)
    assert kept is not built and pickle.dumps(kept) == pickle.dumps(built)
    loader._COMPILED_ONCE.clear()


# -- rules run only where they can match ----------------------------------------------------


def test_anchors_name_a_character_every_match_holds():
    assert line_anchors(r"(?<![0-9])(?P<month>1[0-2]|[1-9])月(?P<xun>上|中|下)旬")[-1] == frozenset("旬")
    assert frozenset("底末") in line_anchors(r"[0-9]{4}年(?:底|末)前?")
    # a pattern that can take a newline, or asks for the text's end, is run over the whole text
    assert line_anchors(r"相关链接[:：][\s\S]*") is None
    assert line_anchors(r"年底$") is None
    assert line_anchors(r"(?<=\s)年底") == (frozenset("年"), frozenset("底"))  # a lookbehind may look back over lines
    # (what a lookbehind that takes no line end nor stop asks for stands in the match's own piece: a phase's "阶段（")
    assert frozenset("阶") in line_anchors(r"(?<=阶段[ \t]{0,4}[(（:：]?)[0-9]{4}年[0-9]{1,2}月")
    assert line_anchors(r"(?<=[。;])[0-9]{4}年底前") == (frozenset("0123456789"), frozenset("年"), frozenset("底"), frozenset("前"))


def test_every_deadline_rule_finds_on_its_lines_or_sentences_what_it_finds_in_the_whole_text():
    rules = load_rules().deadlines.rules
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts += [t.replace("\n", "\u3000\u3000") for t in texts[:2]] + ["2016年底前\n年底前完成\n\n6月中旬前"]
    # sentences without a stop, thousands of characters long, are cut at their commas too
    texts += [t.replace("。", ",").replace("\n", "  ") for t in texts[:2]]
    anchor_chars = load_rules().deadlines.anchor_chars
    for text in texts:
        anchored = AnchoredText(text, anchor_chars)  # (as extract/deadlines.py makes it)
        for rule in rules:
            assert [m.span() for m in anchored.matches(rule.pattern, rule.anchors, rule.stops, rule.long_stops)] == \
                   [m.span() for m in rule.pattern.finditer(text)], rule.id


def test_a_long_sentence_without_a_stop_is_searched_only_in_its_clauses_that_hold_an_anchor():
    """tools/fuzz.py: a page of 16,869 characters with four stops (markup blanked
    between its words) was one window for every deadline rule: 4.4 times the
    corpus's time per character."""
    deadlines = load_rules().deadlines
    rule = next(r for r in deadlines.rules if r.id == "deadline.day")
    text = "加强监管,推进整治,完善制度" * 200 + ",6月30日前完成" + ",持续推进" * 100 + "。"
    windows = AnchoredText(text, deadlines.anchor_chars).searched(rule.anchors, rule.stops, rule.long_stops)
    assert rule.long_stops and sum(end - start for start, end in windows) < 20


def test_a_rule_whose_anchor_the_text_lacks_is_searched_nowhere_whatever_the_sample_saw():
    """A table whose rows are as long as the sample's step: the sample of every
    8th character missed the digits of "2023年底前" in every row, the digits
    were taken for the rarest anchor, and each rule asking for 月 (none in the
    text) was searched on every row (tools/adversary.py's layout-rows: 3.2x the
    time of real text, in CI)."""
    deadlines = load_rules().deadlines
    rule = next(r for r in deadlines.rules if r.id == "deadline.month_end")
    text = "  1    推进工作    市环保局    2023年底前\n    续写    \n" * 1000
    anchored = AnchoredText(text, deadlines.anchor_chars)
    assert "月" not in text and anchored.searched(rule.anchors, rule.stops, rule.long_stops) == []
    year_end = next(r for r in deadlines.rules if r.id == "deadline.year_end")
    assert len(anchored.matches(year_end.pattern, year_end.anchors, year_end.stops)) == 1000


def test_traditional_characters_are_those_opencc_changes():
    pytest.importorskip("opencc")
    from policyx.text.traditional import TRADITIONAL, generate

    assert frozenset(generate()) == TRADITIONAL


# -- sparse alignment -----------------------------------------------------------------------


def test_the_sparse_assignment_is_as_good_as_the_dense_one():
    np = pytest.importorskip("numpy")
    from policyx.analyse import matching

    rng = random.Random(7)
    for _ in range(300):
        n, m = rng.randint(1, 8), rng.randint(1, 8)
        edges = {(i, j): round(rng.uniform(0.3, 1.0), 4) for i in range(n) for j in range(m) if rng.random() < 0.5}
        matrix = np.zeros((n, m))
        for (i, j), score in edges.items():
            matrix[i, j] = score
        dense = matching.assign(matrix, threshold=0.35)
        sparse = matching.assign_sparse(edges, threshold=0.35)
        assert round(sum(1 + s for _, _, s in sparse), 9) == round(sum(1 + s for _, _, s in dense), 9)
        assert len({i for i, _, _ in sparse}) == len(sparse) == len({j for _, j, _ in sparse})


# -- JSON written without the json module's generators --------------------------------------


def test_json_text_is_json_dumps_with_an_indent():
    from policyx.io.serialize import json_text

    rng = random.Random(3)
    leaves = [None, True, False, 0, -5, 10**20, 1.5, -0.0, float("nan"), float("inf"), 1e300, "", "x",
              'a"b\\\n\t\u2028中文\x00', (1, 2), [], {}]

    def plain(depth=0):
        roll = rng.random()
        if depth > 4 or roll < 0.5:
            return rng.choice(leaves)
        if roll < 0.75:
            return [plain(depth + 1) for _ in range(rng.randint(0, 4))]
        return {rng.choice(["a", "中", "", "\n"]) + str(i): plain(depth + 1) for i in range(rng.randint(0, 4))}

    values = [plain() for _ in range(2000)] + [{1: 2}, {"a": {None: 1}}, [1, {2.5: "x"}]]  # keys json turns into strings
    for value in values:
        assert json_text(value) == json.dumps(value, ensure_ascii=False, indent=2)
    for unusual in (object(), {"a": {1, 2}}):
        with pytest.raises(TypeError):
            json_text(unusual)


# -- tables for people ------------------------------------------------------------------------


def test_tables_are_plain_lines_when_piped():
    from policyx.cli.app import app

    result = CliRunner().invoke(app, ["corpus", "list"])
    lines = result.stdout.splitlines()
    assert lines[0] == "policyx corpus" and lines[1].split("\t")[0] == "id"
    assert len(lines) == 2 + len(list(CORPUS.glob("*.txt")))


def test_a_terminal_gets_at_most_row_cap_rows_and_a_count(monkeypatch, capsys):
    from policyx.cli import common

    monkeypatch.setattr(common, "_is_terminal", lambda: True)
    monkeypatch.setattr(common, "ROW_CAP", 3)
    common.print_table("t", ("a", "b"), ((str(i), "x") for i in range(10)))
    out = capsys.readouterr().out
    assert "… and 7 more rows" in out


def test_bench_reports_ratios_not_seconds_only():
    source = (ROOT / "bench" / "bench.py").read_text(encoding="utf-8")
    assert "python -c pass" in source and "regex pass" in source and "wild" in source


def test_extraction_pauses_the_cycle_collector_and_restores_it():
    """The collector is paused while a plan is read (bench/adversarial.py:
    a third of the time of 1 MB of heading lines went to it) and left as it
    was found — enabled or disabled, and after an error too."""
    import gc

    import policyx
    from policyx.extract import pipeline

    seen = []
    original = pipeline.segment

    def spying(norm, rules):
        seen.append(gc.isenabled())
        return original(norm, rules)

    assert gc.isenabled()
    try:
        pipeline.segment = spying
        policyx.extract_text("一、总则\n（一）目标。\n")
        assert seen == [False] and gc.isenabled()
        gc.disable()
        policyx.extract_text("一、总则\n")
        assert not gc.isenabled()
        gc.enable()
        with pytest.raises(policyx.InputError):
            policyx.extract_text(None)
        assert gc.isenabled()
    finally:
        pipeline.segment = original
        gc.enable()


def _model_classes():
    import dataclasses

    from policyx import model
    from policyx.text.normalize import Line

    return [c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)
            and c.__module__ == model.__name__] + [Line]


@pytest.mark.parametrize("cls", _model_classes(), ids=lambda c: c.__name__)
def test_a_model_class_is_made_as_its_dataclass_declares(cls):
    """The model's ``__init__`` that sets fields through their slots
    (model.slot_init) keeps the dataclass's contract: keyword-only fields
    in order with their defaults, every one set, frozen, a missing or unknown
    name refused."""
    import dataclasses
    import inspect

    fields = dataclasses.fields(cls)
    params = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.kind is inspect.Parameter.KEYWORD_ONLY for p in params] == [f.kw_only for f in fields]
    assert [p.default for p in params] == [inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
                                           for f in fields]
    values = {f.name: object() for f in fields}
    item = cls(**values)
    assert type(item) is cls
    assert all(getattr(item, name) is value for name, value in values.items())
    required = {f.name: values[f.name] for f in fields if f.default is dataclasses.MISSING}
    bare = cls(**required)
    assert all(getattr(bare, f.name) == (values[f.name] if f.name in required else f.default) for f in fields)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(item, fields[0].name, 1)
    with pytest.raises(TypeError):
        cls(**values, not_a_field=1)
    if required:
        with pytest.raises(TypeError):
            cls(**dict(list(required.items())[1:]))


def _made_per_line():
    from policyx.extract.sections.markers import Candidate
    from policyx.extract.tasks.paragraphs import Paragraph
    from policyx.extract.tasks.units import Unit

    return _model_classes() + [Candidate, Paragraph, Unit]


@pytest.mark.parametrize("cls", _made_per_line(), ids=lambda c: c.__name__)
def test_an_item_made_by_its_maker_is_the_one_the_class_makes(cls):
    """model.maker: the same parameters as the class, the same item (its
    class, its fields, frozen when the class is, picklable), a missing or
    unknown name refused."""
    import dataclasses
    import inspect
    import pickle

    from policyx.model import maker

    make = maker(cls)
    assert make is not cls  # (every class made per line or per item has a maker)
    assert list(inspect.signature(make).parameters.values()) == list(inspect.signature(cls).parameters.values())
    fields = dataclasses.fields(cls)
    values = {f.name: (i, f.name) for i, f in enumerate(fields)}
    made, expected = make(**values), cls(**values)
    assert type(made) is cls and repr(made) == repr(expected) and made == expected
    assert all(getattr(made, name) is value for name, value in values.items())
    if cls.__dataclass_params__.frozen:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(made, fields[0].name, 1)
    if cls.__module__ == "policyx.model":
        assert pickle.loads(pickle.dumps(made)) == made
    with pytest.raises(TypeError):
        make(**values, not_a_field=1)
    with pytest.raises(TypeError):
        make(**dict(list(values.items())[1:]))


def test_a_plan_of_headings_alone_is_not_searched_for_what_it_cannot_hold(monkeypatch):
    """Heading lines hold no role word, target, header word, 目录 or list of
    attachments: none of their readers runs line by line (the gates of
    text/presence.py), and the plan reads the same as with every reader run."""
    import policyx
    from policyx.extract import targets
    from policyx.extract.tables import regions

    paragraphs = sys.modules["policyx.extract.tasks.paragraphs"]  # (the package's name is the function)

    text = "".join(f"{n}、总则\n" for n in "一二三四五六七八九十" * 20) + "。"
    calls = {"clauses": 0, "targets": 0, "header cells": 0}

    def counted(name, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)
        return wrapper

    rules = load_rules()
    ungated = policyx.extract_text(text, type(rules)(**{**{f: getattr(rules, f) for f in rules.__dataclass_fields__},
                                                        "requires": {}}))
    monkeypatch.setattr(paragraphs, "find_clauses", counted("clauses", paragraphs.find_clauses))
    monkeypatch.setattr(targets, "_Stretch", counted("targets", targets._Stretch))
    monkeypatch.setattr(regions, "_header_like", counted("header cells", regions._header_like))
    gated = policyx.extract_text(text, rules)
    assert calls == {"clauses": 0, "targets": 0, "header cells": 0}
    assert gated == ungated and len(gated.tasks) == 200


def test_a_gate_never_skips_what_a_rule_with_white_space_would_find(tmp_path):
    """Targets are read with the titles of other documents (《…》) blanked to
    spaces, so a user's rule that needs a space may match where the text as
    written holds none: such a set of required characters is no gate (a
    reviewer's case; the gate skipped this target before)."""
    import policyx

    (tmp_path / "targets.yaml").write_text(
        "fixed:\n  - {id: target.space_cover, phrase: ' 全覆盖', comparator: increase, value: 0}\n", encoding="utf-8")
    rules = load_rules((str(tmp_path),))
    assert all(not any(c.isspace() for c in chars) for sets in rules.requires.values() for chars in sets)
    doc = policyx.extract_text("一、目标\n落实《规划》全覆盖。\n", rules)
    assert [t.rule for task in doc.tasks for t in task.targets] == ["target.space_cover"]


def test_a_model_init_resolves_its_annotations_in_its_module():
    import typing

    from policyx import model

    assert model.Task.__init__.__module__ == "policyx.model"
    assert typing.get_type_hints(model.Task.__init__)["span"] == tuple[int, int]


def test_an_item_made_as_its_unguarded_twin_is_its_own_class_after():
    """model.slot_init sets an item's fields while it is a twin class without
    the frozen guard; then it is its class again: frozen, equal, picklable, a
    subclass's item still of the subclass, and a copy by ``replaced`` too."""
    import dataclasses
    import pickle

    from policyx import model

    task = model.Task(id="1", section=None, title="t", text="t", line=1, span=(0, 1))
    assert type(task) is model.Task and type(task).__name__ == "Task"
    assert pickle.loads(pickle.dumps(task)) == task
    copy = model.replaced(task, title="u")
    assert type(copy) is model.Task and copy.title == "u" and copy.span is task.span
    with pytest.raises(dataclasses.FrozenInstanceError):
        copy.title = "v"

    class Named(model.Task):
        __slots__ = ("note",)

    named = Named(id="1", section=None, title="t", text="t", line=1, span=(0, 1))
    assert type(named) is Named and named.title == "t"
    with pytest.raises(dataclasses.FrozenInstanceError):
        named.title = "v"


def test_a_row_of_many_separators_reads_only_its_cells(monkeypatch):
    """Found by tools/fuzz.py: a line of 5,100 tabs between a few words (a web
    page's table run onto one line) read a cell at every tab — the words of
    the text between two tabs, through the working copy's map — though only
    the parts with words are cells."""
    from policyx.extract.tables import separated
    from policyx.text.normalize import Normalized

    norm = Normalized("市环保局" + "\t" * 5_000 + "2017年底\n")
    read = []
    original = separated._cell
    monkeypatch.setattr(separated, "_cell", lambda *args: read.append(args) or original(*args))
    cells = separated._split_row(norm, norm.lines()[0])
    assert [c.key for c in cells if c] == ["市环保局", "2017年底"]
    assert len(cells) == 5_001 and len(read) == 2


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("2016年7月1日 \t\u3000\n\r印发x"), max_size=80))
def test_a_line_pattern_is_found_after_a_newline_where_search_finds_it(text):
    """search_lines (the signature date of guess_date): the first match by a
    scan for newlines is the one search finds, at the text's start too;
    a pattern opening with ^ only in one alternative is searched as it is."""
    from policyx.text import warm

    signature = load_rules().document.signature_date
    for pattern in (signature, regex.compile(r"^[ \t]*\d+年|日$", regex.M), regex.compile(r"^年", regex.M)):
        warm._AFTER_NEWLINE.made[pattern] = warm._after_newline(pattern)
        found, expected = warm.search_lines(pattern, text), pattern.search(text)
        assert (found and (found.span(), found.groupdict())) == (expected and (expected.span(), expected.groupdict()))
    assert warm._AFTER_NEWLINE.made[signature] is not warm._NOT_AT_LINES


@pytest.mark.parametrize("lead", [("environment", "环保厅", None), ("environment", "环保厅", "province"), (None, "星际局", None)])
def test_the_leads_asked_for_are_listed_once_not_looked_up_per_task(tmp_path, lead):
    """query --lead on 1,000 plans: a subquery asked of every task scanned the
    leads once per task (minutes); the leads asked for are a list made once."""
    import sqlite3

    from policyx.io import store

    db = tmp_path / "plans.sqlite"
    assert CliRunner().invoke(__import__("policyx.cli.app", fromlist=["app"]).app,
                              ["index", "changji", "--db", str(db)]).exit_code == 0
    connection = sqlite3.connect(db)
    asked = []

    class Recording:
        def execute(self, sql, params=()):
            asked.append((sql, params))
            return connection.execute(sql, params)

    store.tasks_led_by(Recording(), *lead)
    (sql, params), = asked
    plan = [row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, params)]
    assert any(step.startswith("LIST SUBQUERY") for step in plan)  # (the tasks asked for, found once)
    assert "SCAN t" not in plan  # (…and each fetched by its id: no task is looked at that is not asked for)


def test_the_registrys_readings_are_kept_within_bounds():
    """A batch of plans (or a plan's candidate names, asked phrase by phrase) names endless distinct
    words: what the registry keeps of its readings stays bounded, and reads the same after it forgets."""
    from policyx import load_rules
    from policyx.rules.departments import MAX_CACHED_NAMES

    registry = load_rules().departments
    for n in range(MAX_CACHED_NAMES + 10):
        registry.resolve(f"第{n}号某某局")
        registry.is_government(f"第{n}号某某县人民政府")
    assert len(registry._cache) <= MAX_CACHED_NAMES and len(registry._governments) <= MAX_CACHED_NAMES
    assert registry.resolve("市环保局").name == "环保局" and registry.is_government("各县人民政府")


def test_a_page_of_short_lines_is_no_tables_header_run():
    """tools/adversary.py's ledger-rows ("\\t\\t建立机制\\t\\t市直有关部门\\t\\t每月" a line): every short
    line was counted into a flattened table's header run and asked its column's role — 37 % of
    the page's time, 3.1x real text in CI. A run longer than a header can be is none."""
    from policyx.extract.tables import reading

    text = "序号\n牵头单位\n" + "建立机制\n市直有关部门\n每月\n" * 40
    norm = Normalized(text)
    cells = reading._flat_cells(norm, 0, len(text))
    assert len(cells) > reading.MAX_HEADER_CELLS and reading._header(cells, load_rules().tables) == 0
    assert reading._header(cells[:6], load_rules().tables) == 6
