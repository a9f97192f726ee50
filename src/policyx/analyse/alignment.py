"""Aligning the tasks of two plans: one-to-one pairs, and "also covers" links.

The units are a plan's tasks as the reader meets them: those of its text and
the rows of its task tables that restate none of them (a task only a table
states). Two units are alike by a weighted sum of

- their titles (cosine of characters and character bigrams),
- their texts without the responsibility clause (cosine of character bigrams
  weighted by inverse document frequency over both plans, so that words every
  task uses — 各地区, 要, 加强 — count little),
- the titles of the sections they sit in, and
- their relative positions (a rewrite keeps the order),

and pairs are an optimal one-to-one assignment on that similarity
(``matching.assign``). A plan often writes as one task what the other splits
into two or three (one paragraph of 加快城镇污水处理设施建设, 配套管网 and 污泥
against three tasks): a unit left without a pair is linked to the unit of the
other plan that holds its words ("also covers"), when enough of its weighted
bigrams — or of its title's — are found in that unit's text.

Procedural tasks (组织领导, 考核, 督查问责: ``rules/alignment.yaml``) are known
as such: a procedural task and a substantive one are less alike by
``PROCEDURAL_FACTOR``, and reports list them apart.

The weights and thresholds are the same for every pair of plans; they were
chosen by measuring on every hand-made alignment together
(``tools/tune_alignment.py`` prints the per-pair figures).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from policyx.analyse.matching import assign, cosine_matrix
from policyx.model import Document, Section, Task
from policyx.text.normalize import comparable
from policyx.text.similarity import bigrams, char_grams


@dataclass(frozen=True, slots=True)
class Settings:
    """Every number the alignment uses (see tools/tune_alignment.py)."""

    weights: tuple[float, float, float, float] = (0.3, 0.5, 0.1, 0.1)  # title, text, section, position
    threshold: float = 0.35  # a pair under this similarity is no pair
    also_threshold: float = 0.55  # share of a unit's weighted words the other holds, for an also link
    also_margin: float = 0.1  # … and by how much more than the next unit holds them
    procedural_factor: float = 0.7  # similarity of a procedural and a substantive task, scaled


SETTINGS = Settings()


@dataclass(frozen=True, slots=True)
class Alignment:
    pairs: tuple[tuple[int, int, float], ...]  # (index in A, index in B, similarity)
    also: tuple[tuple[int, int, float], ...]  # (index in A, index in B, share held)
    procedural_a: tuple[bool, ...]
    procedural_b: tuple[bool, ...]


def plan_units(doc: Document) -> tuple[Task, ...]:
    """The tasks a diff aligns: the plan's text, and table rows restating none of it."""
    return tuple(t for t in doc.tasks if t.source == "body" or t.restates is None)


def task_text(task: Task) -> str:
    """The task's words without its clause (departments are compared apart)."""
    text = task.text
    if task.clause:
        start = task.clause.span[0] - task.span[0]
        text = text[:start] + text[task.clause.span[1] - task.span[0]:]
    return comparable(text)


def _ancestors(doc: Document) -> dict[str | None, list[Section]]:
    by_id = {s.id: s for s in doc.sections}
    chains: dict[str | None, list[Section]] = {None: []}
    for s in doc.sections:
        chain, node = [], s
        while node is not None:
            chain.append(node)
            node = by_id.get(node.parent) if node.parent else None
        chains[s.id] = chain
    return chains


def procedural(doc: Document, units: Sequence[Task], section_pattern, title_pattern) -> tuple[bool, ...]:
    """Whether each unit is procedural: it sits in a section about carrying
    the plan out (保障措施, 组织领导, 考核 …) or its title is about that."""
    chains = _ancestors(doc)
    out = []
    for t in units:
        in_section = any(section_pattern.search(comparable(s.title)) for s in chains.get(t.section, []))
        out.append(in_section or bool(title_pattern.search(comparable(t.title))))
    return tuple(out)


def _idf(a_texts: list[Counter], b_texts: list[Counter]) -> dict[str, float]:
    """Inverse document frequency of every bigram of both plans' units."""
    counts: Counter = Counter()
    for grams in (*a_texts, *b_texts):
        counts.update(set(grams))
    n = len(a_texts) + len(b_texts)
    return {g: math.log((1 + n) / (1 + c)) + 1.0 for g, c in counts.items()}


def _weighted(texts: list[Counter], idf: dict[str, float]) -> list[Counter]:
    return [Counter({g: c * idf[g] for g, c in grams.items()}) for grams in texts]


class _Features:
    """The matrices and vectors the similarity and the also links use."""

    def __init__(self, a: Document, b: Document, units_a: Sequence[Task], units_b: Sequence[Task]) -> None:
        import numpy as np

        self.texts_a = [bigrams(task_text(t)) for t in units_a]
        self.texts_b = [bigrams(task_text(t)) for t in units_b]
        self.titles_a = [bigrams(comparable(t.title)) for t in units_a]
        self.titles_b = [bigrams(comparable(t.title)) for t in units_b]
        self.idf = _idf([*self.texts_a, *self.titles_a], [*self.texts_b, *self.titles_b])  # a title may use words its text does not
        self.title = cosine_matrix([char_grams(comparable(t.title)) for t in units_a],
                                   [char_grams(comparable(t.title)) for t in units_b])
        self.text = cosine_matrix(_weighted(self.texts_a, self.idf), _weighted(self.texts_b, self.idf))
        sa, sb = _section_titles(a), _section_titles(b)
        self.section = cosine_matrix([char_grams(sa.get(t.section, "")) for t in units_a],
                                     [char_grams(sb.get(t.section, "")) for t in units_b])
        pa = np.arange(len(units_a)) / max(1, len(units_a) - 1)
        pb = np.arange(len(units_b)) / max(1, len(units_b) - 1)
        self.position = 1.0 - np.abs(pa[:, None] - pb[None, :])
        self._held = None

    def similarity(self, settings: Settings, proc_a: Sequence[bool], proc_b: Sequence[bool]):
        import numpy as np

        wt, wx, ws, wp = settings.weights
        scores = wt * self.title + wx * self.text + ws * self.section + wp * self.position
        differ = np.array(proc_a, dtype=bool)[:, None] != np.array(proc_b, dtype=bool)[None, :]
        return np.where(differ, scores * settings.procedural_factor, scores)

    def held_matrices(self):
        """How much of each unit of A is in each unit of B, and of B in A: the
        share of its text's weighted bigrams, or of its title's, whichever is
        more (computed once, as matrices: the settings do not change it)."""
        if self._held is None:
            import numpy as np

            vocabulary = {g: k for k, g in enumerate(self.idf)}
            weights = np.array(list(self.idf.values()))

            def present(rows: list[Counter]):
                matrix = np.zeros((len(rows), len(vocabulary)))
                for i, grams in enumerate(rows):
                    matrix[i, [vocabulary[g] for g in grams]] = 1.0
                return matrix

            text_a, text_b = present(self.texts_a), present(self.texts_b)
            title_a, title_b = present(self.titles_a), present(self.titles_b)

            def share(parts, wholes):  # [i, j]: the weighted share of part i's bigrams whole j has
                total = parts @ weights
                held = (parts * weights) @ wholes.T
                return np.divide(held, total[:, None], out=np.zeros_like(held), where=total[:, None] > 0)

            a_in_b = np.maximum(share(text_a, text_b), share(title_a, text_b))
            b_in_a = np.maximum(share(text_b, text_a), share(title_b, text_a)).T
            self._held = (a_in_b, b_in_a)
        return self._held


def _section_titles(doc: Document) -> dict[str | None, str]:
    return {s.id: comparable(s.title) for s in doc.sections}


def align_units(a: Document, b: Document, units_a: Sequence[Task], units_b: Sequence[Task],
                proc_a: Sequence[bool], proc_b: Sequence[bool], settings: Settings = SETTINGS,
                features: "_Features | None" = None) -> Alignment:
    """Pairs and also links between two plans' units (``features`` may be
    given when one pair of plans is aligned with many settings)."""
    if not units_a or not units_b:
        return Alignment((), (), tuple(proc_a), tuple(proc_b))
    features = features or _Features(a, b, units_a, units_b)
    pairs = assign(features.similarity(settings, proc_a, proc_b), threshold=settings.threshold)
    also = _also_links(features, pairs, settings)
    return Alignment(tuple(sorted(pairs)), tuple(sorted(also)), tuple(proc_a), tuple(proc_b))


def features_of(a: Document, b: Document, units_a: Sequence[Task], units_b: Sequence[Task]) -> "_Features":
    return _Features(a, b, units_a, units_b)


def _also_links(features: _Features, pairs, settings: Settings) -> list[tuple[int, int, float]]:
    """Each unit left without a pair, linked to the unit of the other plan
    that holds most of its words, when it holds enough."""
    a_in_b, b_in_a = features.held_matrices()
    paired_a = {i for i, _, _ in pairs}
    paired_b = {j for _, j, _ in pairs}
    links = []
    for i in range(a_in_b.shape[0]):
        if i not in paired_a:
            link = _best(a_in_b[i], settings)
            if link is not None:
                links.append((i, link[0], link[1]))
    for j in range(b_in_a.shape[1]):
        if j not in paired_b:
            link = _best(b_in_a[:, j], settings)
            if link is not None:
                links.append((link[0], j, link[1]))
    return links


def _best(held, settings: Settings) -> tuple[int, float] | None:
    """The unit that holds most of a part, if it holds enough and clearly more
    than any other unit does."""
    order = held.argsort()[::-1]
    best = float(held[order[0]])
    second = float(held[order[1]]) if len(order) > 1 else 0.0
    if best >= settings.also_threshold and best - second >= settings.also_margin:
        return int(order[0]), round(best, 3)
    return None
