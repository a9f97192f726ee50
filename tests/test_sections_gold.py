"""The section tree of every corpus plan against its hand-written gold."""

from __future__ import annotations

import pytest
import yaml

from policyx import extract_file

from .conftest import CORPUS_IDS, GOLD


def _gold(doc_id: str) -> list[dict]:
    return yaml.safe_load((GOLD / f"{doc_id}.sections.yaml").read_text(encoding="utf-8"))["sections"]


@pytest.fixture(scope="module", params=CORPUS_IDS)
def pair(request):
    doc = extract_file(request.param)
    return request.param, _gold(request.param), doc


def test_every_heading_found_and_none_invented(pair):
    doc_id, gold, doc = pair
    gold_lines = [s["line"] for s in gold]
    got_lines = [s.line for s in doc.sections]
    missing = sorted(set(gold_lines) - set(got_lines))
    invented = sorted(set(got_lines) - set(gold_lines))
    assert not missing and not invented, f"{doc_id}: missing {missing}, invented {invented}"


def test_levels_kinds_titles_and_parents(pair):
    doc_id, gold, doc = pair
    line_of = {s.id: s.line for s in doc.sections}
    by_line = {s.line: s for s in doc.sections}
    wrong = []
    for g in gold:
        s = by_line.get(g["line"])
        if s is None:
            continue
        got = (s.level, s.kind, s.title, line_of.get(s.parent) if s.parent else None)
        want = (g["level"], g["kind"], g["title"], g["parent_line"])
        if got != want:
            wrong.append((g["line"], want, got))
    assert not wrong, f"{doc_id}: {wrong}"


def test_corpus_plans_number_their_sections_cleanly(pair):
    doc_id, _, doc = pair
    assert [w for w in doc.warnings if w.code == "section-numbering"] == []


def test_heading_spans_slice_back_to_marker_and_title(pair):
    _, _, doc = pair
    text = (GOLD.parent.parent / "corpus" / f"{doc.info.id}.txt").read_text(encoding="utf-8")
    for s in doc.sections:
        assert text[s.title_span[0]:s.title_span[1]] == s.title
        assert text[s.span[0]:s.span[1]].startswith(s.marker)
        assert s.span[0] < s.end <= len(text)
