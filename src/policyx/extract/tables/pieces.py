"""A row whose cells stand in pieces (a space-drawn table's column wrapped its
words over lines, tables/layout.py), read as one stretch of text: its cells'
words joined, a tab after each, so that a name or a date the wrap cut
("各市人" / "民政府", "2023年4月" / "底前") reads whole; what is found there is
then placed back at the text's own offsets."""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Sequence

from policyx.extract.tables.cells import Cell
from policyx.model import Task
from policyx.text.normalize import Normalized


class RowText:
    """The words of a row's cells as one text (``text``, and ``source``: the
    original's words, as long), with each offset's place in the plan's text."""

    def __init__(self, norm: Normalized, row: Sequence[Cell | None]) -> None:
        self.norm = norm
        words: list[str] = []
        source: list[str] = []
        self._view: list[int] = []  # where each piece starts here …
        self._text: list[int] = []  # … and in the plan's working copy
        self.cells: list[Cell | None] = []
        at = 0
        for cell in row:
            if cell is None:
                self.cells.append(None)
                continue
            start = at
            for a, b in cell.pieces or ((cell.start, cell.end),):
                piece = norm.text[a:b]
                original = norm.source[a:b]
                self._view.append(at)
                self._text.append(a)
                words.append(piece)
                source.append(original if len(original) == len(piece) else piece)  # (an edit inside: its working words)
                at += len(piece)
            self.cells.append(Cell(cell.text, start, at, cell.line, cell.key))
            words.append("\t")
            source.append("\t")
            at += 1
        self.text = "".join(words)
        self.source = "".join(source)

    def offset(self, at: int) -> int:
        """The working copy's offset of this text's offset ``at``."""
        i = max(0, bisect.bisect_right(self._view, at) - 1)
        return self._text[i] + at - self._view[i]

    def span(self, span: tuple[int, int]) -> tuple[int, int]:
        a, b = span
        return (self.offset(a), self.offset(b - 1) + 1) if b > a else (self.offset(a), self.offset(a))

    def line_of(self, at: int) -> int:
        return self.norm.line_of(self.offset(at))

    def placed(self, task: Task) -> Task:
        """``task``, read here, with every span and line the plan's."""
        span = self.span
        return replace(
            task, span=span(task.span), line=self.line_of(task.span[0]),
            lead=tuple(replace(r, span=span(r.span)) for r in task.lead),
            participants=tuple(replace(r, span=span(r.span)) for r in task.participants),
            implementers=tuple(replace(r, span=span(r.span)) for r in task.implementers),
            deadlines=tuple(replace(d, span=span(d.span), line=self.line_of(d.span[0])) for d in task.deadlines),
            targets=tuple(replace(t, span=span(t.span), value_span=span(t.value_span), line=self.line_of(t.span[0]))
                          for t in task.targets),
        )
