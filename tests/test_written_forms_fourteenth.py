"""Forms read on 4 December 2026 (fourteenth session), each pinned by the
snippet that showed it; the plan and line are named in each case
(tests/data/written)."""

from __future__ import annotations

from policyx import extract_text


def dues(text: str):
    """(title, the due dates) of each task."""
    return [(t.title, [d.date for d in t.deadlines if d.kind == "by"]) for t in extract_text(text).tasks]


# -- a note dating the undated tasks by a month alone (the last session's left list) --------------------------------

def test_a_default_note_that_gives_a_month_alone_dates_the_undated_tasks_by_its_end():
    plan = ("一、重点任务\n1.推进老旧小区改造（牵头单位：县住建局）。\n"
            "2.完善养老服务设施（牵头单位：县民政局；完成时限：2026年10月底前）。\n"
            "注：无特殊说明的，完成时限均为2026年12月。\n")
    assert dues(plan) == [("推进老旧小区改造", ["2026-12-31"]), ("完善养老服务设施", ["2026-10-31"])]
    # (a month in running text says when something happened, no due date)
    assert [d for _, d in dues("一、重点任务\n1.推进老旧小区改造，2026年6月全面启动（牵头单位：县住建局）。\n")] == [[]]
