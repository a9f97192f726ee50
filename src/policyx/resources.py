"""Where the data that ships with policyx lives: the rule files and the corpus.

Inside an installed wheel they are ``policyx/_data/{rules,corpus}``; in a
source checkout, the ``rules/`` and ``corpus/`` folders at the top.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[2]


def _data_dir(name: str) -> Path:
    packaged = resources.files("policyx").joinpath("_data", name)
    if packaged.is_dir():
        return Path(str(packaged))
    return _CHECKOUT / name


def packaged_rules_dir() -> Path:
    """The rule files shipped with policyx."""
    return _data_dir("rules")


def corpus_dir() -> Path:
    """The bundled plans and their manifest."""
    return _data_dir("corpus")
