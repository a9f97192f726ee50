from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"
CORPUS_IDS = [
    "xinjiang-water-2016",
    "changji-water-2016",
    "neimenggu-water-2015",
    "xinjiang-env-13th-2017",
    "xinjiang-eco-14th-2021",
]


@pytest.fixture(scope="session")
def rules():
    from policyx import load_rules

    return load_rules()
