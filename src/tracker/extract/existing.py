"""Extracting into an existing dataset: the figures that belong to a goal already there.

A figure belongs to a goal when the region, the indicator and the period are the same: the
indicator is the goal's ``indicator`` field when it has one, else its normalised title, and
the extracted figure's normalised title must equal it (or, for a goal with an ``indicator``,
the figure's title must equal the goal's). Such a figure is proposed as a new outcome of that
goal (its ``goal_id``), not as a duplicate goal.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.core.regions import to_simplified
from tracker.extract.draft import Extraction, Figure

_PEOPLE = frozenset(("人", "名", "位"))


@dataclass(frozen=True, slots=True)
class KnownGoal:
    """What matching needs of a goal of the data."""

    id: str
    region: str
    title: str
    indicator: str | None
    first: int  # the years its period covers
    last: int
    unit: str | None


# Whole-area words and filler that do not change what is measured ("全市城镇新增就业").
_FILLER = re.compile(r"^(?:全市|全区|全县|全省|全州|全国|我市|我区|我县|我省|全年|年度|今年)+")
_NOISE = re.compile(r"[\s\"“”‘’'()《》【】\[\],、;:。.·]")


def indicator_key(title: str) -> str:
    """The key under which a title names an indicator: NFKC, simplified, no blanks or
    punctuation, no leading whole-area words, case-folded."""
    text = unicodedata.normalize("NFKC", title)
    if not text.isascii():
        text = to_simplified(text)
    text = _NOISE.sub("", text).casefold()
    return _FILLER.sub("", text)


def _same_unit(figure_unit: str, goal_unit: str | None) -> bool:
    if goal_unit is None:
        return True
    goal_unit = goal_unit.lstrip("千万亿百")  # a goal unit written with a scale ("万人")
    if figure_unit == goal_unit or {figure_unit, goal_unit} <= _PEOPLE:
        return True
    return figure_unit == "‰" and goal_unit == "%"


def _years(period: str) -> tuple[int, int]:
    first, _, last = period.partition("-")
    return int(first), int(last or first)


def attach_existing(extraction: Extraction, goals: Iterable[KnownGoal]) -> Extraction:
    """``extraction`` with each outcome that belongs to a goal of ``goals`` marked with its id."""
    index: dict[tuple[str, str, int, int], list[KnownGoal]] = {}
    for goal in goals:
        for key in {indicator_key(goal.title), indicator_key(goal.indicator or "")} - {""}:
            index.setdefault((goal.region, key, goal.first, goal.last), []).append(goal)
    if not index:
        return extraction
    figures: list[Figure] = []
    for figure in extraction.figures:
        goal_id = None
        if figure.role == "outcome" and figure.region:
            first, last = _years(figure.period)
            found = index.get((figure.region, indicator_key(figure.title), first, last), [])
            matching = [g for g in found if _same_unit(figure.unit, g.unit)]
            if len(matching) == 1:
                goal_id = matching[0].id
        figures.append(dataclasses.replace(figure, goal_id=goal_id) if goal_id else figure)
    return dataclasses.replace(extraction, figures=tuple(figures))
