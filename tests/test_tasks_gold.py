"""Tasks of xinjiang and changji against the hand-written gold; prints the scores."""

from __future__ import annotations

import pytest
import yaml

from policyx import extract_file
from policyx.analyse.evaluate import Report, score_tasks

from .conftest import GOLD

TASK_GOLD = ["xinjiang-water-2016", "changji-water-2016"]


@pytest.fixture(scope="module", params=TASK_GOLD)
def report(request):
    gold = yaml.safe_load((GOLD / f"{request.param}.tasks.yaml").read_text(encoding="utf-8"))["tasks"]
    r = Report(request.param)
    score_tasks(gold, extract_file(request.param), r)
    tasks = r.fields["tasks"]
    print(
        f"\n{request.param}: tasks P {tasks.precision:.3f} R {tasks.recall:.3f} F1 {tasks.f1:.3f}; exact "
        + ", ".join(f"{k} {r.exact_share(k):.3f}" for k in ("title", "lead", "participants", "implementers"))
    )
    return r


def test_task_detection_f1(report):
    assert report.fields["tasks"].f1 >= 0.98, report.misses


@pytest.mark.parametrize("field", ["lead", "participants", "implementers"])
def test_departments_exactly_right(report, field):
    assert report.exact_share(field) >= 0.97, [m for m in report.misses if m.startswith(field)]


def test_titles_mostly_exact(report):
    assert report.exact_share("title") >= 0.95, [m for m in report.misses if "title" in m]


@pytest.mark.parametrize("field", ["deadlines", "targets"])
def test_deadlines_and_targets_f1(report, field):
    counts = report.fields[field]
    print(f"\n{report.document} {field}: P {counts.precision:.3f} R {counts.recall:.3f} F1 {counts.f1:.3f}")
    assert counts.f1 >= 0.97, [m for m in report.misses if m.startswith(field)]


@pytest.mark.parametrize(
    "doc_id",
    ["xinjiang-water-2016", "changji-water-2016", "neimenggu-water-2015", "xinjiang-env-13th-2017", "xinjiang-eco-14th-2021"],
)
def test_main_indicator_targets(doc_id):
    from policyx.analyse.evaluate import score_document_targets

    gold = yaml.safe_load((GOLD / f"{doc_id}.targets.yaml").read_text(encoding="utf-8"))
    r = Report(doc_id)
    score_document_targets(gold, extract_file(doc_id), r)
    counts = r.fields["document_targets"]
    print(f"\n{doc_id} 主要指标 targets: P {counts.precision:.3f} R {counts.recall:.3f}")
    assert counts.f1 >= 0.97, r.misses
