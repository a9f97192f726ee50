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

Nearly every pair of units shares some common bigram, so scoring the pairs
that share words grows with the product of the plans' lengths: large plans
(from ``NUMPY_FROM`` pairs of units) are scored with numpy, rows of pairs at
a time, in the very floats the Python loops give small plans (which need no
numpy import).

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

from policyx.analyse.matching import CosineRows, InvertedIndex, assign_sparse, sparse_cosine
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


NUMPY_FROM = 20_000  # pairs of units from which numpy scores them (its import costs more than it saves below)

Holder = tuple[int, float, float]  # the unit holding most of a part, the share it holds, the next unit's share


class _Features:
    """The similarities and vectors the alignment and the also links use:
    the units' words and where they sit; the scores are the subclasses'."""

    def __init__(self, a: Document, b: Document, units_a: Sequence[Task], units_b: Sequence[Task]) -> None:
        self.n_a, self.n_b = len(units_a), len(units_b)
        self.texts_a = [bigrams(task_text(t)) for t in units_a]
        self.texts_b = [bigrams(task_text(t)) for t in units_b]
        self.titles_a = [bigrams(comparable(t.title)) for t in units_a]
        self.titles_b = [bigrams(comparable(t.title)) for t in units_b]
        self.idf = _idf([*self.texts_a, *self.titles_a], [*self.texts_b, *self.titles_b])  # a title may use words its text does not
        self.title_grams_a = [char_grams(comparable(t.title)) for t in units_a]
        self.title_grams_b = [char_grams(comparable(t.title)) for t in units_b]
        # sections: scored once per pair of section titles, looked up per pair of units
        sa, sb = _section_titles(a), _section_titles(b)
        keys_a, keys_b = sorted({sa.get(t.section, "") for t in units_a}), sorted({sb.get(t.section, "") for t in units_b})
        self.section_grams_a, self.section_grams_b = [char_grams(k) for k in keys_a], [char_grams(k) for k in keys_b]
        index_a, index_b = {k: n for n, k in enumerate(keys_a)}, {k: n for n, k in enumerate(keys_b)}
        self._section_of_a = [index_a[sa.get(t.section, "")] for t in units_a]
        self._section_of_b = [index_b[sb.get(t.section, "")] for t in units_b]
        self._held: tuple[list[Holder | None], list[Holder | None]] | None = None

    def similarity(self, settings: Settings, proc_a: Sequence[bool], proc_b: Sequence[bool]) -> dict[tuple[int, int], float]:
        """The weighted similarity of every pair that reaches the threshold
        (by rows, then columns): of the pairs sharing words in their titles or
        texts — unless the section and position weights alone could reach
        it, when every pair is scored."""
        raise NotImplementedError

    def held(self) -> tuple[list[Holder | None], list[Holder | None]]:
        """How much of each unit of A is in the units of B, and of B in A: of
        the share of its text's weighted bigrams, or of its title's,
        whichever is more, that each unit of the other plan holds, the unit
        holding most, its share and the next unit's (``held()[0][i]``, None
        when no unit holds any of A's unit i; computed once: the settings do
        not change it)."""
        if self._held is None:
            self._held = (self._holders(self.texts_a, self.titles_a, self.texts_b),
                          self._holders(self.texts_b, self.titles_b, self.texts_a))
        return self._held

    def _holders(self, texts: list[Counter], titles: list[Counter], wholes: list[Counter]) -> list[Holder | None]:
        raise NotImplementedError


class _SparseFeatures(_Features):
    """Scored in Python, kept sparse: only pairs of units that share a
    character or bigram are scored (an inverted index of B's units). Small
    plans, which need no numpy import."""

    def __init__(self, a: Document, b: Document, units_a: Sequence[Task], units_b: Sequence[Task]) -> None:
        super().__init__(a, b, units_a, units_b)
        self.title = sparse_cosine(self.title_grams_a, self.title_grams_b)
        self.text = sparse_cosine(_weighted(self.texts_a, self.idf), _weighted(self.texts_b, self.idf))
        self._section = sparse_cosine(self.section_grams_a, self.section_grams_b)

    def position(self, i: int, j: int) -> float:
        """How near the two units stand in their plans (0 to 1)."""
        return 1.0 - abs(i / max(1, self.n_a - 1) - j / max(1, self.n_b - 1))

    def section(self, i: int, j: int) -> float:
        return self._section.get((self._section_of_a[i], self._section_of_b[j]), 0.0)

    def similarity(self, settings: Settings, proc_a: Sequence[bool], proc_b: Sequence[bool]) -> dict[tuple[int, int], float]:
        wt, wx, ws, wp = settings.weights
        if ws + wp >= settings.threshold:
            pairs = [(i, j) for i in range(self.n_a) for j in range(self.n_b)]
        else:
            pairs = sorted({*self.title, *self.text})
        scores = {}
        for i, j in pairs:
            score = (wt * self.title.get((i, j), 0.0) + wx * self.text.get((i, j), 0.0) + ws * self.section(i, j)
                     + wp * self.position(i, j))
            score = score * settings.procedural_factor if proc_a[i] != proc_b[j] else score
            if score >= settings.threshold:
                scores[(i, j)] = score
        return scores

    def _holders(self, texts: list[Counter], titles: list[Counter], wholes: list[Counter]) -> list[Holder | None]:
        return [_holder(shares) for shares in _shares(texts, titles, wholes, self.idf)]


class _RowFeatures(_Features):
    """Scored with numpy, rows of units of A against every unit of B at a
    time, in the same floats as :class:`_SparseFeatures` (see
    ``matching.InvertedIndex``): a Python step only for each pair that
    reaches the threshold. Large plans, where nearly every pair of units
    shares some common word, so that sparse is nearly dense."""

    CELLS = 1 << 17  # pairs scored in one go at most (1 MB an array)

    def __init__(self, a: Document, b: Document, units_a: Sequence[Task], units_b: Sequence[Task]) -> None:
        super().__init__(a, b, units_a, units_b)
        self._title = CosineRows(self.title_grams_a, self.title_grams_b)
        self._text = CosineRows(_weighted(self.texts_a, self.idf), _weighted(self.texts_b, self.idf))
        self._sections = CosineRows(self.section_grams_a, self.section_grams_b)

    def similarity(self, settings: Settings, proc_a: Sequence[bool], proc_b: Sequence[bool]) -> dict[tuple[int, int], float]:
        import numpy as np

        wt, wx, ws, wp = settings.weights
        every_pair = ws + wp >= settings.threshold
        procedural_a, procedural_b = np.asarray(proc_a, dtype=bool)[:, None], np.asarray(proc_b, dtype=bool)
        section_of_a, section_of_b = np.asarray(self._section_of_a, dtype=np.intp), np.asarray(self._section_of_b, dtype=np.intp)
        places_b = np.arange(self.n_b) / max(1, self.n_b - 1)
        scores: dict[tuple[int, int], float] = {}
        for start, stop in _blocks(self.n_a, self.n_b, self.CELLS):
            rows = range(start, stop)
            title, title_held = self._title.rows(rows)
            text, text_held = self._text.rows(rows)
            sections, section_rows = np.unique(section_of_a[start:stop], return_inverse=True)
            section = self._sections.rows(sections.tolist())[0][section_rows][:, section_of_b]
            position = 1.0 - np.abs((np.arange(start, stop) / max(1, self.n_a - 1))[:, None] - places_b)
            score = wt * title + wx * text + ws * section + wp * position
            score = np.where(procedural_a[start:stop] != procedural_b, score * settings.procedural_factor, score)
            kept = score >= settings.threshold
            if not every_pair:
                kept &= title_held | text_held
            at_a, at_b = np.nonzero(kept)
            scores.update(zip(zip((at_a + start).tolist(), at_b.tolist()), score[at_a, at_b].tolist()))
        return scores

    def _holders(self, texts: list[Counter], titles: list[Counter], wholes: list[Counter]) -> list[Holder | None]:
        import numpy as np

        index = InvertedIndex(wholes)
        holders: list[Holder | None] = []
        for start, stop in _blocks(len(texts), len(wholes), self.CELLS):
            best = None
            for parts in (texts[start:stop], titles[start:stop]):
                weights = [list(map(self.idf.__getitem__, part)) for part in parts]
                totals = np.asarray([sum(w) for w in weights], dtype=np.float64)[:, None]
                held = index.sums([list(part) for part in parts], weights, times_values=False)
                shares = np.divide(held, totals, out=np.zeros(held.shape), where=totals > 0)
                best = shares if best is None else np.maximum(best, shares)
            holders.extend(_row_holders(best, index, texts[start:stop], titles[start:stop]))
        return holders


def _blocks(rows: int, width: int, cells: int) -> list[tuple[int, int]]:
    """Ranges of ``rows`` rows of ``width`` cells, at most ``cells`` cells each (at least a row)."""
    step = max(1, cells // max(1, width))
    return [(start, min(rows, start + step)) for start in range(0, rows, step)]


def _shares(texts: list[Counter], titles: list[Counter], wholes: list[Counter], idf: dict[str, float]) -> list[dict[int, float]]:
    """For each part (a unit's text and title), the weighted share of its
    bigrams each whole's text holds, the larger of the text's and the title's."""
    postings: dict[str, list[int]] = {}
    for j, grams in enumerate(wholes):
        for gram in grams:
            postings.setdefault(gram, []).append(j)
    out: list[dict[int, float]] = []
    for text, title in zip(texts, titles):
        best: dict[int, float] = {}
        for part in (text, title):
            total = sum(idf[g] for g in part)
            if total <= 0:
                continue
            held: dict[int, float] = {}
            for gram in part:
                weight = idf[gram]
                for j in postings.get(gram, ()):
                    held[j] = held.get(j, 0.0) + weight
            for j, value in held.items():
                share = value / total
                if share > best.get(j, 0.0):
                    best[j] = share
        out.append(best)
    return out


def _holder(shares: dict[int, float]) -> Holder | None:
    """The unit holding the largest share (of equal ones, the first in
    ``shares``), that share and the next largest (0.0 when no other unit
    holds any); None when no unit holds any."""
    if not shares:
        return None
    ranked = sorted(shares.items(), key=lambda item: -item[1])
    return ranked[0][0], ranked[0][1], ranked[1][1] if len(ranked) > 1 else 0.0


def _row_holders(shares, index: InvertedIndex, texts: list[Counter], titles: list[Counter]) -> list[Holder | None]:
    """:func:`_holder` of each unit's shares, a row of ``shares`` (numpy,
    0.0 where a unit holds none): of equal shares, the unit :func:`_shares`
    puts first, the first met walking the text's entries, then the title's."""
    import numpy as np

    best = shares.max(axis=1)
    first = shares.argmax(axis=1)
    equal = np.count_nonzero(shares == best[:, None], axis=1)
    others = shares.copy()
    others[np.arange(len(shares)), first] = -np.inf
    second = np.maximum(others.max(axis=1), 0.0)  # (0.0 when the other plan has one unit)
    holders: list[Holder | None] = []
    for row, (share, unit, ties, next_share) in enumerate(zip(best.tolist(), first.tolist(), equal.tolist(), second.tolist())):
        if not share > 0.0:
            holders.append(None)
        elif ties > 1:
            met = np.concatenate((index.met(list(texts[row])), index.met(list(titles[row]))))
            holders.append((int(met[np.argmax(shares[row][met] == share)]), share, share))
        else:
            holders.append((unit, share, next_share))
    return holders


def _section_titles(doc: Document) -> dict[str | None, str]:
    return {s.id: comparable(s.title) for s in doc.sections}


def align_units(a: Document, b: Document, units_a: Sequence[Task], units_b: Sequence[Task],
                proc_a: Sequence[bool], proc_b: Sequence[bool], settings: Settings = SETTINGS,
                features: "_Features | None" = None) -> Alignment:
    """Pairs and also links between two plans' units (``features`` may be
    given when one pair of plans is aligned with many settings)."""
    if not units_a or not units_b:
        return Alignment((), (), tuple(proc_a), tuple(proc_b))
    features = features or features_of(a, b, units_a, units_b)
    pairs = assign_sparse(features.similarity(settings, proc_a, proc_b), threshold=settings.threshold)
    also = _also_links(features, pairs, settings)
    return Alignment(tuple(sorted(pairs)), tuple(sorted(also)), tuple(proc_a), tuple(proc_b))


def features_of(a: Document, b: Document, units_a: Sequence[Task], units_b: Sequence[Task]) -> _Features:
    """The features of two plans' units, scored with numpy from ``NUMPY_FROM`` pairs of units."""
    kind = _RowFeatures if len(units_a) * len(units_b) >= NUMPY_FROM else _SparseFeatures
    return kind(a, b, units_a, units_b)


def _also_links(features: _Features, pairs, settings: Settings) -> list[tuple[int, int, float]]:
    """Each unit left without a pair, linked to the unit of the other plan
    that holds most of its words, when it holds enough."""
    a_in_b, b_in_a = features.held()
    paired_a = {i for i, _, _ in pairs}
    paired_b = {j for _, j, _ in pairs}
    links = []
    for i in range(features.n_a):
        if i not in paired_a:
            link = _best(a_in_b[i], settings)
            if link is not None:
                links.append((i, link[0], link[1]))
    for j in range(features.n_b):
        if j not in paired_b:
            link = _best(b_in_a[j], settings)
            if link is not None:
                links.append((link[0], j, link[1]))
    return links


def _best(holder: Holder | None, settings: Settings) -> tuple[int, float] | None:
    """The unit that holds most of a part, if it holds enough and clearly more
    than any other unit does."""
    if holder is None:
        return None
    unit, best, second = holder
    if best >= settings.also_threshold and best - second >= settings.also_margin:
        return unit, round(best, 3)
    return None
