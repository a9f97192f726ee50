"""Compiled region rules (``rules/regions.yaml``): the names of the areas
plans are written for, to read a plan's region and level from its text."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from policyx.rules.loader import RuleSet, compiled_once, optional_pattern


@dataclass(frozen=True, slots=True)
class RegionRules:
    provinces: tuple[tuple[str, tuple[str, ...]], ...]  # full name, short names
    prefecture_title: regex.Pattern  # groups stem, kind
    county_title: regex.Pattern  # groups stem, kind
    endings: dict[str, tuple[str, ...]]  # kind -> every ending of that kind of area
    min_mentions: int

    def province(self, name: str) -> str | None:
        """The full name of a province named by its full or short name."""
        return next((full for full, shorts in self.provinces if name == full or name in shorts), None)


def _with_groups(data: dict, key: str) -> regex.Pattern:
    pattern = optional_pattern(data.get(key))
    if data.get(key) and not {"stem", "kind"} <= set(pattern.groupindex):
        raise ValueError(f"field {key!r}: the pattern needs groups named 'stem' and 'kind'")
    return pattern


def compile_region_rules(data: dict) -> RegionRules:
    provinces = tuple((str(full), tuple(str(s) for s in shorts or ())) for full, shorts in (data.get("provinces") or {}).items())
    return RegionRules(
        provinces=provinces,
        prefecture_title=_with_groups(data, "prefecture_title"),
        county_title=_with_groups(data, "county_title"),
        endings={str(k): tuple(str(e) for e in v or ()) for k, v in (data.get("prefecture_endings") or {}).items()},
        min_mentions=int(data.get("min_mentions", 2)),
    )


def region_rules(rules: RuleSet):
    """The region vocabulary of a rule set, compiled once per set of files."""
    return compiled_once(rules, "regions", compile_region_rules)
