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


def indicator_key(goal: Goal) -> str:
    """The indicator a goal belongs to: its ``indicator`` field, else its :func:`title_key`."""
    return goal.indicator if goal.indicator else title_key(goal.title)


@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator and its goals, in dataset order."""

    key: str  # the ``indicator`` field when any goal sets one, else the title key
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
    :func:`title_key`). A title gathers the goals of that title and every goal sharing an
    ``indicator`` with one of them, so ``城镇新增就业`` finds the goals keyed ``urban-new-jobs``
    as well as any untagged goal of that title.
    """
    goals = list(goals)
    wanted = query.strip().casefold()
    keyed = [g for g in goals if g.indicator and g.indicator.casefold() == wanted]
    if keyed:
        return Indicator(keyed[0].indicator or wanted, _label(keyed), tuple(keyed))
    title = title_key(query)
    if not title:
        return None
    titled = [g for g in goals if title_key(g.title) == title]
    if not titled:
        return None
    keys = {g.indicator for g in titled if g.indicator}
    ids = {g.id for g in titled}
    found = [g for g in goals if g.id in ids or (g.indicator and g.indicator in keys)]
    key = sorted(keys)[0] if len(keys) == 1 else title
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
