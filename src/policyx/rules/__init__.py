"""Rule files: read ``rules/*.yaml``, validate them, compile each pattern once.

This package imports no extraction stage: a stage takes the compiled rules it
needs from the RuleSet.
"""

from policyx.resources import packaged_rules_dir
from policyx.rules.loader import (
    NEVER,
    MarkerRule,
    PatternRule,
    RuleSet,
    alternation,
    expand_fragments,
    load_rules,
    optional_pattern,
)

__all__ = [
    "NEVER",
    "MarkerRule",
    "PatternRule",
    "RuleSet",
    "alternation",
    "expand_fragments",
    "load_rules",
    "optional_pattern",
    "packaged_rules_dir",
]
