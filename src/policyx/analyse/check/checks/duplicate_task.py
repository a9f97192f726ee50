"""duplicate-task: two body tasks with the same title and nearly the same text."""

from __future__ import annotations

from typing import Iterable

from policyx.analyse.check.context import CheckContext, Finding
from policyx.analyse.matching import text_similarity
from policyx.model import Task

ID = "duplicate-task"


def check(context: CheckContext) -> Iterable[Finding]:
    seen: dict[str, Task] = {}
    for t in context.doc.tasks:
        if t.source != "body":
            continue
        earlier = seen.get(t.title)
        if earlier is not None and text_similarity(earlier.text, t.text) >= 0.8:
            yield Finding(ID, "", f"task {t.id} {t.title!r} repeats task {earlier.id} (line {earlier.line})", t.line, t.id)
        else:
            seen.setdefault(t.title, t)
