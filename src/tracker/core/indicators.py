"""Indicators: the same measure across regions and years (docs/indicators.md).

A goal's indicator is its ``indicator`` field (a stable key such as ``urban-new-jobs``), else
its title under :func:`title_key`, so that ``新、改(扩)建公办幼儿园`` and ``新改扩建公办幼儿园``
(or the traditional ``城鎮新增就業``) are one indicator without anyone writing a key.

Pure: takes goals, returns frozen values.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tracker.core.regions import normalise
from tracker.model import Goal
from tracker.suggest import suggest

_MAX_SUGGESTIONS = 5
_SUGGEST_CUTOFF = 0.5


def title_key(title: str) -> str:
    """A title as indicators compare it: :func:`tracker.core.regions.normalise` (NFKC,
    traditional → simplified, case and whitespace folded) with punctuation and symbols
    removed (``新、改(扩)建`` = ``新改扩建``, ``“放心午餐”`` = ``放心午餐``)."""
    key = normalise(title)
    return "".join(ch for ch in key if unicodedata.category(ch)[0] not in "PS")


def indicator_keys(goals: Iterable[Goal]) -> dict[str, str]:
    """Each goal's indicator, by goal id: its ``indicator`` field; else the one indicator that
    goals of the same :func:`title_key` carry (so an untagged ``城鎮新增就業`` joins
    ``urban-new-jobs``); else its title key."""
    goals = list(goals)
    tagged: dict[str, set[str]] = {}
    for g in goals:
        if g.indicator:
            tagged.setdefault(title_key(g.title), set()).add(g.indicator)
    keys = {}
    for g in goals:
        if g.indicator:
            keys[g.id] = g.indicator
            continue
        title = title_key(g.title)
        found = tagged.get(title, set())
        keys[g.id] = next(iter(found)) if len(found) == 1 else title
    return keys


@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator and its goals, in dataset order."""

    key: str  # the ``indicator`` field its goals carry, else their title key
    label: str  # the title most of its goals use (the first of the most common)
    goals: tuple[Goal, ...]

    @property
    def regions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(g.region for g in self.goals))


def _label(goals: Sequence[Goal]) -> str:
    return Counter(g.title for g in goals).most_common(1)[0][0]


def find_indicator(goals: Iterable[Goal], query: str) -> Indicator | None:
    """The indicator ``query`` names, or None.

    ``query`` is an ``indicator`` key (case ignored) or a title (compared by
    :func:`title_key`); either way the indicator's goals are those :func:`indicator_keys`
    gives it, so ``城镇新增就业`` finds the goals keyed ``urban-new-jobs`` and any untagged
    goal of that title.
    """
    goals = list(goals)
    keys = indicator_keys(goals)
    wanted = query.strip().casefold()
    key = next((k for k in keys.values() if k.casefold() == wanted), None)
    if key is None:
        title = title_key(query)
        key = next((keys[g.id] for g in goals if title and title_key(g.title) == title), None)
    if key is None:
        return None
    found = [g for g in goals if keys[g.id] == key]
    return Indicator(key, _label(found), tuple(found))


def indicator_names(goals: Iterable[Goal]) -> list[str]:
    """Every name a query may use: the ``indicator`` keys, then the titles, each once."""
    goals = list(goals)
    keys = dict.fromkeys(g.indicator for g in goals if g.indicator)
    titles = dict.fromkeys(g.title for g in goals)
    return [*(k for k in keys if k), *titles]


def indicator_suggestions(goals: Iterable[Goal], query: str) -> list[str]:
    """The indicator keys and titles closest to ``query`` (containing it first)."""
    return suggest(
        query.strip(),
        indicator_names(goals),
        limit=_MAX_SUGGESTIONS,
        cutoff=_SUGGEST_CUTOFF,
        containing=True,
    )
