"""Lines that read as a table's rows whose cells one space divides
("4 用水总量（亿立方米） 305.1 ＜344 约束性"): a table typed into the text, or a
copy that put a space for each cell's border."""

from __future__ import annotations

from policyx.text.stored_patterns import compiled

# A table drawn with box-drawing characters: the bars between its cells, and the corners and junctions its rule
# lines open with ("│序号│重点任务│", "├──┼──┤"; extract/tables/box_drawn.py)
BOX_BARS = "│┃║"
BOX_RULE_STARTS = "┌┏╔├┣╠└┗╚"

MIN_SPACED_CELLS = 3
# a field's label with its value ("牵头单位：区人社局"): a line of a task's fields, never a header's cell
FIELD_WITH_VALUE = compiled(r"[:：][ \t]*+\S")
_NUMBERED = compiled(r"[0-9]{1,3} ")
_SENTENCE_MARKS = frozenset("。，,；;：:")
_THOUSANDS = compiled(r"(?<=[0-9]),(?=[0-9]{3})")


def spaced_cells(text: str) -> int:
    """How many cells one space divides ``text`` (stripped) into; 0 where two
    spaces or a tab stand, or where there is no space."""
    return 0 if "  " in text or "\t" in text or " " not in text else text.count(" ") + 1


def is_spaced_row(text: str) -> bool:
    """A numbered row of at least MIN_SPACED_CELLS cells one space divides,
    with no stop or comma: "6 万元工业增加值用水量下降（%） 〔40.2〕 〔15〕 约束性"."""
    words = text.strip()
    return spaced_cells(words) >= MIN_SPACED_CELLS and _NUMBERED.match(words) is not None \
        and _SENTENCE_MARKS.isdisjoint(_THOUSANDS.sub("", words) if "," in words else words)  # ("3,250": a number)
