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
