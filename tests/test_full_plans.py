"""The 8 complete long plans of tests/data/wild/full: every attribution the text
states (found by tools/attributions.py, a pattern that shares nothing with
policyx's rules) lies inside a task, and no plan gives zero sections."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from attributions import coverage  # noqa: E402

FULL = sorted((ROOT / "tests" / "data" / "wild" / "full").glob("*.txt"))


@pytest.mark.parametrize("path", FULL, ids=lambda p: Path(p).stem)
def test_every_attribution_is_on_a_task(path):
    total, left, sections, tasks = coverage(path)
    assert total and tasks, f"{path.name}: {total} attributions, {tasks} tasks"
    assert left == [], f"{path.name}: attributions outside every task: {left[:10]}"
    assert sections > 0


def test_the_eight_plans_are_all_there():
    assert len(FULL) == 8


@pytest.mark.parametrize("name", ["changji-water-2016", "xinjiang-water-2016"])
def test_a_copy_run_onto_one_line_reads_like_the_page(name):
    """A crawler that joins the page's paragraphs with two ideographic spaces
    (as the hebei long plans are stored) loses nothing: the same tasks, with
    the same departments and deadlines, as the page with its line breaks."""
    from policyx import extract_text

    text = (ROOT / "corpus" / f"{name}.txt").read_text(encoding="utf-8")
    joined = "　　".join(line.strip() for line in text.splitlines() if line.strip())

    def reading(doc):
        return [(t.title, [r.name for r in t.lead], [r.name for r in t.participants],
                 [r.name for r in t.implementers], [(d.kind, d.date) for d in t.deadlines]) for t in doc.body_tasks()]

    assert reading(extract_text(joined)) == reading(extract_text(text))


HALF_WIDTH = str.maketrans("，；：（）！？。", ",;:()!?.")


@pytest.mark.parametrize("path", [
    "corpus/xinjiang-water-2016.txt", "corpus/changji-water-2016.txt",
    "tests/data/wild/full/hebei-economy-stabilization-2022.txt", "tests/data/wild/full/baotou-digital-gov-evaluation-2022.txt",
])
def test_a_copy_with_every_stop_half_width_reads_like_the_plan(path):
    """A copy that made every punctuation mark half-width, 。 a ".": the same
    sections, tasks and departments, deadlines and targets. A new user's
    trial of xinjiang so found 19 of 44 sections: run-in headings
    ("(一)狠抓工业污染防治.取缔…") had no end."""
    from policyx import extract_text

    text = (ROOT / path).read_text(encoding="utf-8")

    def reading(doc):
        return ([(s.id, s.title) for s in doc.sections],
                [(t.title, [r.name for r in t.lead], [r.name for r in t.participants], [r.name for r in t.implementers],
                  [(d.kind, d.date) for d in t.deadlines], [(g.metric, g.comparator, g.value, g.year) for g in t.targets])
                 for t in doc.tasks],
                [(g.metric, g.comparator, g.value, g.unit, g.year) for g in doc.targets])

    plan = extract_text(text.translate(str.maketrans("，；：（）！？", ",;:()!?")))
    half_width = extract_text(text.translate(HALF_WIDTH))
    assert reading(half_width) == reading(plan)


@pytest.mark.parametrize("path", [
    "tests/data/wild/texts/jian-air-2018.txt",  # traditional characters
    "tests/data/wild/texts/jilin-energy-2006.txt",
    "tests/data/annotated/texts/baotou-digital-gov-evaluation-2022-x2.txt",  # straight quotes: &quot; once escaped
    "tests/data/annotated/texts/hebei-electronics-action-plan-2020-x2.txt",  # one long line
    "corpus/changji-water-2016.txt",
])
@pytest.mark.parametrize("after_each", ["\n", ""], ids=["a-line-each", "one-line"])
def test_a_saved_web_page_reads_like_its_text(path, after_each):
    """The same plan saved as an HTML page (doctype, head with a <title>,
    each line a <p> with a style, entities escaped) gives the same tasks,
    titles and departments, its tables' rows too: markup is masked and never
    reaches the words, and a page saved as one line ("</p><p>", a new user's
    trial lost changji's 111 table rows so) is read as the lines it shows."""
    import html

    from policyx import extract_text

    text = (ROOT / path).read_text(encoding="utf-8")
    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>某市人民政府门户网站</title>"
            "<style>p{text-indent:2em}</style></head><body>"
            + "".join(f'<p style="text-indent:2em">{html.escape(line)}</p>{after_each}' for line in text.split("\n"))
            + "</body></html>")

    def reading(doc):
        return [(t.title, [r.name for r in t.lead], [r.name for r in t.participants],
                 [r.name for r in t.implementers]) for t in doc.tasks]

    assert reading(extract_text(page)) == reading(extract_text(text))
