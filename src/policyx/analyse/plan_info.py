"""Whose plan it is: its title, level, region and date, and where each was read.

A comparison needs them: absolute amounts (亿立方米, 万亩) rank only between
plans for one area, and a metric that opens with the plan's own name
("昌吉州8条主要监测河流…") is about its whole area. Each fact comes from, in
order: an option the user gave (``--level`` …), the corpus manifest (for a
bundled plan), or the plan's text — its title (新疆维吾尔自治区… is a
province's; 昌吉州… a prefecture's), else the province it names most and the
level of the offices its clauses name. A user's copy of a bundled plan is read
the same way as the bundled one, so both give the same findings.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from policyx.model import PLAN_LEVELS, Document
from policyx.rules.regions import RegionRules, region_rules
from policyx.text.normalize import comparable

FACTS = ("title", "level", "region", "date")
_TITLE_EDGE = " 《》“”\"'"
_MIN_OFFICES = 3  # offices with a known level a clause must name before they say the plan's level


@dataclass(frozen=True, slots=True)
class Area:
    name: str  # as written or in full (新疆维吾尔自治区, 昌吉州)
    key: str  # the stem that names it in every spelling (新疆, 昌吉)
    level: str
    names: tuple[str, ...]  # every name the text may use for it
    canonical: str = ""  # one spelling for every spelling (昌吉回族自治州, 昌吉州 → 昌吉州)


@dataclass(frozen=True, slots=True)
class PlanFacts:
    title: str | None = None
    level: str | None = None
    region: str | None = None
    date: str | None = None
    sources: dict[str, str] = field(default_factory=dict)  # fact -> option | manifest | text
    area: Area | None = None

    @property
    def region_key(self) -> str | None:
        return self.area.key if self.area else None

    @property
    def region_names(self) -> tuple[str, ...]:
        return self.area.names if self.area else ()

    def as_dict(self) -> dict:
        return {"title": self.title, "level": self.level, "region": self.region, "date": self.date,
                "read_from": {k: self.sources[k] for k in FACTS if k in self.sources}}

    def describe(self) -> str:
        """"province 新疆维吾尔自治区, 2016 (level, region: manifest; date: text)"."""
        facts = ", ".join(v for v in (self.level, self.region, self.date) if v) or "level, region and date unknown"
        by_source: dict[str, list[str]] = {}
        for name in FACTS:
            if name in self.sources:
                by_source.setdefault(self.sources[name], []).append(name)
        where = "; ".join(f"{', '.join(names)}: {source}" for source, names in by_source.items())
        return f"{facts} ({where})" if where else facts


def same_area(a: PlanFacts, b: PlanFacts) -> bool:
    """Plans for one area: the same level and the same known region (two
    plans whose region is unknown may be two provinces)."""
    return a.region_key is not None and a.level == b.level and a.region_key == b.region_key


def _area(name: str | None, vocabulary: RegionRules) -> Area | None:
    """An area named at the start of ``name`` (a title or a region)."""
    if not name:
        return None
    text = comparable(name).strip(_TITLE_EDGE)
    for full, shorts in vocabulary.provinces:
        for spelling in sorted((full, *shorts), key=len, reverse=True):
            if text.startswith(spelling):
                return Area(full, shorts[0] if shorts else full, "province", (full, *shorts), full)
    for level, pattern in (("prefecture", vocabulary.prefecture_title), ("county", vocabulary.county_title)):
        m = pattern.match(text)
        if m:
            kind = next((k for k, endings in vocabulary.endings.items() if m.group("kind") in endings), m.group("kind"))
            endings = vocabulary.endings.get(kind, (m.group("kind"),))
            return Area(m.group(0), m.group("stem"), level, tuple(m.group("stem") + e for e in endings), m.group("stem") + kind)
    return None


def _plan_strings(doc: Document) -> str:
    parts = [doc.info.title or ""]
    parts += [s.title for s in doc.sections]
    parts += [t.text for t in doc.tasks if t.source == "body"]
    parts += [cell for table in doc.tables for row in table.rows for cell in row]
    return comparable("\n".join(parts))


def _province_named_most(doc: Document, vocabulary: RegionRules) -> Area | None:
    text = _plan_strings(doc)
    counts = Counter()
    for full, shorts in vocabulary.provinces:
        counts[full] = max(text.count(s) for s in (full, *shorts))
    if not counts:
        return None
    full, n = counts.most_common(1)[0]
    if n < vocabulary.min_mentions:
        return None
    return _area(full, vocabulary)


def _office_level(doc: Document) -> str | None:
    """The level most offices in the plan's clauses are at (自治区环保厅: province)."""
    levels = Counter(r.level for t in doc.tasks for r in (*t.lead, *t.participants) if r.level in PLAN_LEVELS)
    if sum(levels.values()) < _MIN_OFFICES:
        return None
    return levels.most_common(1)[0][0]


def _from_text(doc: Document, title: str | None, vocabulary: RegionRules) -> tuple[str | None, Area | None]:
    """Level and area as the text says them: its title, else the province it
    names most and the level of its offices."""
    area = _area(title, vocabulary)
    if area is not None:
        return area.level, area
    level = _office_level(doc)
    province = _province_named_most(doc, vocabulary)
    if province is not None and level in (None, "province"):
        return "province", province
    return level, None


def plan_facts(doc: Document, rules=None, overrides: dict | None = None) -> PlanFacts:
    """The plan's title, level, region and date, each with where it was read."""
    from policyx.rules import load_rules
    from policyx.text.corpus import entry_for_path

    vocabulary = region_rules(rules if rules is not None else load_rules())
    overrides = {k: v for k, v in (overrides or {}).items() if v}
    entry = entry_for_path(Path(doc.info.path)) if doc.info.path else None
    manifest = {"title": entry.title, "level": entry.level, "region": entry.meta.get("region"), "date": entry.date} \
        if entry is not None else {}
    values: dict[str, str | None] = {}
    sources: dict[str, str] = {}
    for name in ("title", "date"):
        values[name], source = _first((overrides, "option"), (manifest, "manifest"), ({name: getattr(doc.info, name)}, "text"),
                                      name=name)
        if source:
            sources[name] = source
    level, area = _from_text(doc, values["title"], vocabulary)
    text = {"level": level, "region": area.name if area else None}
    for name in ("level", "region"):
        values[name], source = _first((overrides, "option"), (manifest, "manifest"), (text, "text"), name=name)
        if source:
            sources[name] = source
    if values["region"] and (area is None or sources.get("region") != "text"):
        area = _area(values["region"], vocabulary) or Area(values["region"], values["region"], values["level"] or "",
                                                           (values["region"],), values["region"])
    return PlanFacts(values["title"], values["level"], values["region"], values["date"], sources,
                     area if values["region"] else None)


def _first(*candidates: tuple[dict, str], name: str) -> tuple[str | None, str | None]:
    for values, source in candidates:
        value = values.get(name)
        if value:
            return str(value), source
    return None, None
