"""Attributions in a plan, found by a pattern that shares nothing with policyx's
rules, and whether each lies inside a task policyx extracted.

    python tools/attributions.py tests/data/wild/full/*.txt

For each plan: the number of attributions, how many lie in a task, and the
line and words of every one that does not. (The issue's acceptance check for
the long plans; tests/test_full_plans.py runs it.)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# a bracket that names an office and a role: （市环保局牵头，市发改委配合）, (责任单位：…)
# (one level of brackets may stand inside: 〔省发展改革委（省数据局）、…负责〕)
BRACKETED = re.compile(r"[（(〔【\[]((?:[^（）()〔〕【】\[\]]|[（(][^（）()]{0,20}[）)]){2,300})[）)〕】\]]")
ROLE = re.compile(r"牵头|牽頭|负责|負責|配合|参与|參與|协办|協辦|协同|協同|参加|參加|落实|落實|责任单位|責任單位|责任部门|責任部門")
OFFICE = re.compile(r"[局厅廳委办辦部院署司]|政府|管委会|管委會|中心|公司|支行|海关|海關|街道")
# a line that is only a label and its offices: 牵头责任单位：市发展改革委。
LABELLED_LINE = re.compile(r"^\s*(?:牵头(?:责任)?单位|牵头部门|责任单位|责任部门|协同责任单位|配合单位)\s*[:：](.+)$", re.M)


def attributions(text: str) -> list[tuple[int, str]]:
    found = []
    for m in BRACKETED.finditer(text):
        inner = m.group(1)
        if ROLE.search(inner) and OFFICE.search(inner):
            found.append((m.start(), m.group(0)))
    for m in LABELLED_LINE.finditer(text):
        if OFFICE.search(m.group(1)) and not any(a <= m.start() < a + len(w) for a, w in found):
            found.append((m.start(), m.group(0).strip()))
    return sorted(found)


def coverage(path: str | Path) -> tuple[int, list[tuple[int, str]], int, int]:
    """(attributions, those outside every task as (line, words), sections, tasks)."""
    from policyx import extract_file

    with open(path, encoding="utf-8-sig", newline="") as handle:  # offsets count a CRLF as two characters
        text = handle.read()
    doc = extract_file(path)
    spans = sorted(t.span for t in doc.tasks)
    found = attributions(text)
    left = [(text.count("\n", 0, start) + 1, words[:60]) for start, words in found
            if not any(a <= start < b for a, b in spans)]
    return len(found), left, len(doc.sections), len(doc.tasks)


def main(paths: list[str]) -> int:
    status = 0
    for path in paths:
        total, left, sections, tasks = coverage(path)
        print(f"{Path(path).name}: {total - len(left)}/{total} attributions in a task; {sections} sections, {tasks} tasks")
        for line, words in left:
            print(f"  line {line}: {words}")
        status |= bool(left) or not sections
    return status


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Count a plan's attribution clauses with a pattern of its own "
                                                 "and list those that no task of policyx's holds.")
    parser.add_argument("paths", nargs="+", help="plan text files")
    sys.exit(main(parser.parse_args().paths))
