"""Where the data that ships with policyx lives: the rule files and the corpus.

Inside an installed wheel they are ``policyx/_data/{rules,corpus}``; in a
source checkout, the ``rules/`` and ``corpus/`` folders at the top.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parents[1]


def _data_dir(name: str) -> Path:
    # beside the modules, as importlib.resources would find it for a package
    # on disk (importing that, and zipfile with it, took 5 ms of every command)
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _CHECKOUT / name


def packaged_rules_dir() -> Path:
    """The rule files shipped with policyx."""
    return _data_dir("rules")


def corpus_dir() -> Path:
    """The bundled plans and their manifest."""
    return _data_dir("corpus")
