"""What `tracker extract` proposes: figures with their roles, periods and the reasons for
every guess (the values the extraction stages produce and the renderers show)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

Role = Literal["target", "outcome"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One proposed goal or outcome: a figure of the text and what the rules made of it.

    Offsets (``start``/``end``, ``quote_start``/``quote_end``) index the text as given to
    :func:`extract`: ``written`` and ``exact_quote`` are exactly those slices, ``quote`` is the
    quote cleaned for a data file (inline pinyin glosses and line breaks removed). ``value`` is
    the figure as a data file writes it (``"5.31万"``, ``"不到2万"``, ``"85%以上"``) and
    ``parsed`` its nominal value in the base unit. ``guessed`` lists the fields that were
    inferred rather than read, each with the reason.
    """

    role: Role
    title: str
    written: str
    value: str
    parsed: Fraction
    unit: str
    qualifier: str | None
    kind: str
    measure: str
    period: str
    as_of: dt.date | None
    region: str | None
    category: str | None
    stated_rate: str | None
    stated_gap: str | None  # signed like SPEC's gap: "-17" (超任务17元), "1.8个百分点" (塌目标)
    target: str | None  # an outcome's target stated with it ("15个…已完成8个(53%)")
    numerator: str | None
    denominator: str | None
    baseline: str | None
    tolerance: str | None  # a guessed band for a 左右 target (kind range), in the goal's unit
    start: int
    end: int
    quote: str
    exact_quote: str
    quote_start: int
    quote_end: int
    paragraph: int
    confidence: float
    note: str | None = None
    guessed: tuple[tuple[str, str], ...] = ()
    goal_id: str | None = None  # the goal of the data this outcome belongs to (--data)
    upper: str | None = None  # a band's upper bound ("4.5%-5%": value 4.5%, upper 5%)

    def why(self, name: str) -> str | None:
        """Why field ``name`` was guessed, or None when the text states it."""
        return dict(self.guessed).get(name)


@dataclass(frozen=True, slots=True)
class Extraction:
    """The figures of one article, in text order, and what was found about the article."""

    figures: tuple[Figure, ...]
    date: dt.date | None
    date_note: str | None
    year: int | None
    region: str | None
    region_note: str | None
    title: str | None
    paragraphs: tuple[str, ...]  # each paragraph of the original text, cleaned like quotes
