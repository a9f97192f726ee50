"""How values are written in gold files, so that extracted ones can be
compared with them: deadlines and targets as short keys, department names
one spelling per office, titles by similarity."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from policyx.analyse.matching import text_similarity
from policyx.model import Deadline, Target
from policyx.text.stored_patterns import compiled

_GLOSS = compiled(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
_TITLE_EDGE = " \t\r\n。.;；,，:：、"
_GROUP_SEPARATORS = "、,，;；"  # between the names of a group that shares a suffix


def deadline_key(d: Deadline) -> str:
    """How a deadline is written in gold files: "by 2016-12-31", "every quarter", "ongoing"."""
    if d.kind == "every":
        return f"every {d.period}"
    if d.kind == "ongoing":
        return "ongoing"
    return f"{d.kind} {d.date}"


def _number(value: Decimal | str | None) -> str:
    """A value as a plain number ("94", "0.57"); a value that is no number
    ("2-3", "1/3") as written."""
    try:
        return format(Decimal(str(value)).normalize(), "f")
    except InvalidOperation:
        return str(value)


# The gold conventions write no strict comparison ("超过85%" is ">= 85 %"), so a
# strict one is scored as its non-strict form; a unit in either script is one unit.
_SCORED_COMPARATOR = {"<": "<=", ">": ">="}


def _scored_key(comparator: str, value, unit: str | None) -> str:
    from policyx.text.normalize import comparable

    return f"{_SCORED_COMPARATOR.get(comparator, comparator)} {_number(value)} {comparable(unit) if unit and unit != '-' else '-'}"


def target_key(t: Target) -> str:
    """How a target is written in gold files: ">= 94 %", "= 0.57 -"."""
    return _scored_key(t.comparator, t.value if t.value_max is None else t.value_label, t.unit)


def normalise_target_key(text: str) -> str:
    comparator, value, *unit = text.split()
    return _scored_key(comparator, value, unit[0] if unit else None)


def target_value_key(t: Target) -> str:
    """An indicator's target as written in gold ("≤62.6", "控制在…"), from a Target."""
    return t.value_text or t.raw


_BRACKETS = str.maketrans("〔〕［］【】", "()()()")  # ("各县〔市、区〕人民政府" as written, "各县(市、区)人民政府" as read)


def name_key(name: str, registry=None) -> str:
    """A department name as compared with gold: one spelling per office.

    >>> name_key("州行政審批服務局") == name_key("行政审批服务局")
    True
    >>> name_key("自治区党委、政府办公厅"), name_key("市委、市政府办公厅")
    ('党委、政府办公厅', '市委、市政府办公厅')
    """
    from policyx.text.normalize import comparable

    key = comparable(_GLOSS.sub("", name)).strip().translate(_BRACKETS)
    if registry is None:
        from policyx.rules import load_rules

        registry = load_rules().departments
    prefix, _, rest = registry.split_prefix(key)
    if prefix and rest[:1] in _GROUP_SEPARATORS:
        # "自治区党委、政府办公厅": 党委 and 政府 share 办公厅, and the level is the
        # shorter prefix before them (自治区), if there is one; "市委、市政府办公厅" has none
        prefix = registry.split_prefix(prefix[:-1])[0]
        rest = key[len(prefix):]
    if prefix and not registry.not_prefix.match(key):
        key = rest
    return key


def title_similarity(a: str, b: str) -> float:
    """difflib's ratio of two titles, or 0.9 when one opens the other
    ("坚持从实际出发" and "坚持从实际出发,宜电则电…" name one task)."""
    a, b = _GLOSS.sub("", a).strip(_TITLE_EDGE), _GLOSS.sub("", b).strip(_TITLE_EDGE)
    if a and b and len(min(a, b, key=len)) >= 4 and (a.startswith(b) or b.startswith(a)):
        return max(0.9, text_similarity(a, b))
    return text_similarity(a, b)
