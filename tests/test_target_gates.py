"""The target gates (extract/target_gates.py) answer as the plain reading of
the rules' requirements does: a family is possible when the text holds a
character of each of its sets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policyx import load_rules
from policyx.extract.target_gates import TARGET_FAMILIES, possible_families, target_requires
from policyx.text.presence import may_match

RULES = load_rules()
# every character some family requires, and a few no family does
_REQUIRED = sorted({c for required in target_requires(RULES.requires) for chars in required for c in chars})
_ALPHABET = _REQUIRED + list("，。的和 \n《》")


def _plain(masked: str, requires) -> tuple[bool, ...] | None:
    held = tuple(may_match(masked, required) for required in target_requires(requires))
    return held if any(held) else None


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(alphabet=_ALPHABET, max_size=30),
                 st.lists(st.sampled_from(_REQUIRED), max_size=4).map("".join)))  # (few characters: families differ)
def test_possible_families_reads_the_requirements(text):
    found = possible_families(text, text, RULES.requires)
    assert (None if found is None else tuple(found)) == _plain(text, RULES.requires)


def test_no_requirements_means_every_family():
    assert tuple(possible_families("一、总则", "一、总则", None)) == (True,) * len(TARGET_FAMILIES)
