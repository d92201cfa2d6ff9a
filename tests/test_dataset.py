"""The shipped dataset (targets/): every goal well-formed and every quote traceable.

The seed articles are copied in tests/extract/seeds/ so the tests do not need ../shared.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tracker.load.dataset import load
from tracker.model import Dataset, Kind

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "extract" / "seeds"
ARTICLE = {
    "yc-minsheng-2023-06": "000_25360da4d887fd2a.txt",
    "jz-minsheng-2023": "001_dd9696c1479e7cb6.txt",
    "sx-minsheng-2025-01": "002_cb6b78cd27973c70.txt",
    "wly-minsheng-2025": "003_7c7be342e79c6484.txt",
    "lh-minsheng-2024": "004_e2501d134e8d84d5.txt",
}
# docs/data.md: 武陵源's inline pinyin glosses ("关键(guānjiàn)") are dropped from quotes
_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load(ROOT / "targets")


def article(source: str) -> str:
    text = (SEEDS / ARTICLE[source]).read_text(encoding="utf-8")
    return _GLOSS.sub("", text)


def test_loads_without_errors(dataset: Dataset) -> None:
    assert dataset.errors == []
    assert len(dataset.goals) > 100


def test_every_goal_is_well_formed(dataset: Dataset) -> None:
    for goal in dataset.goals:
        assert goal.region in dataset.regions, goal.id
        assert (goal.unit is None) == (goal.kind is Kind.MILESTONE), goal.id
        assert 2017 <= goal.start.year <= goal.deadline.year <= 2030, goal.id
        assert goal.source in ARTICLE, goal.id
        assert goal.quote, goal.id
        for outcome in goal.outcomes:
            assert outcome.as_of >= goal.start, goal.id


def test_quotes_are_verbatim(dataset: Dataset) -> None:
    """Every quote stands in its article (one documented quote joins a page break)."""
    missing = []
    for goal in dataset.goals:
        assert goal.source is not None
        text = article(goal.source)
        flat = re.sub(r"\s+", "", text)
        quotes = [goal.quote, *(o.quote for o in goal.outcomes)]
        for quote in filter(None, quotes):
            if quote not in text and re.sub(r"\s+", "", quote) not in flat:
                missing.append((goal.id, quote))
    assert missing == []
