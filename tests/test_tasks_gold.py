"""Tasks of xinjiang and changji against the hand-written gold; prints the scores."""

from __future__ import annotations

import pytest
import yaml

from policyx import extract_file
from policyx.evaluate import Report, score_tasks

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
