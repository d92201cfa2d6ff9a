"""The loaded dataset: regions, sources, goals and outcomes as the files state them.

These are plain frozen values: ``msgspec.Struct(frozen=True, gc=False)``, whose constructors
run in C and which the parse cache decodes straight into (a dataset is hundreds of thousands
of them, and they hold no reference cycles, so the garbage collector need not track them).
What the files *report* is stored here (targets, the intervals figures stand for); everything
derived (ratio, gap, pace, status) is computed by :mod:`tracker.core.compute`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path

import msgspec

from tracker.parse.quantity import Quantity
from tracker.problems import Problem, Severity


class Kind(enum.Enum):
    """How a target is met (SPEC §1.4)."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"
    MILESTONE = "milestone"


class Measure(enum.Enum):
    """Whether outcomes accumulate over the period (flow) or describe a state (level)."""

    FLOW = "flow"
    LEVEL = "level"


class Region(msgspec.Struct, frozen=True, gc=False):
    name: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    code: str | None = None
    file: str = ""
    line: int | None = None


class Source(msgspec.Struct, frozen=True, gc=False):
    id: str
    title: str | None = None
    publisher: str | None = None
    date: date | None = None
    url: str | None = None
    file: str = ""
    line: int | None = None


class Target(msgspec.Struct, frozen=True, gc=False):
    """The stated target: a single value (at_least, at_most) or a band (range).

    ``low``/``high`` is the band the target accepts in the goal's direction: for at_least
    and at_most both equal ``nominal``; for range they are the band's edges (``nominal``
    is its midpoint). ``strict`` when the wording excludes the value itself (超5000, 5000余:
    more than 5000; 不到300: less than 300).
    """

    text: str
    nominal: Fraction
    low: Fraction
    high: Fraction
    approximate: bool = False
    strict: bool = False


class Baseline(msgspec.Struct, frozen=True, gc=False):
    value: Quantity
    as_of: date | None = None


class Outcome(msgspec.Struct, frozen=True, gc=False):
    """One reported figure for a goal at a date.

    ``value`` is the figure as an interval. When ``numerator``/``denominator`` are given the
    figure is their exact ratio and ``value`` (if also written) is what the report printed.
    """

    as_of: date
    value: Quantity | None = None
    stated_rate: Quantity | None = None
    numerator: Fraction | None = None
    denominator: Fraction | None = None
    done: bool | None = None
    quote: str | None = None
    source: str | None = None
    note: str | None = None
    line: int | None = None
    acknowledge: tuple[str, ...] = ()  # warning codes recorded on purpose (docs/check.md)


class Goal(msgspec.Struct, frozen=True, gc=False):
    id: str
    title: str
    region: str
    kind: Kind
    measure: Measure
    start: date
    deadline: date
    unit: str | None = None
    category: str | None = None
    target: Target | None = None
    baseline: Baseline | None = None
    tolerance: Fraction | None = None
    quote: str | None = None
    source: str | None = None
    tags: tuple[str, ...] = ()
    owner: str | None = None
    note: str | None = None
    outcomes: tuple[Outcome, ...] = ()
    file: str = ""
    line: int | None = None
    acknowledge: tuple[str, ...] = ()  # warning codes recorded on purpose (docs/check.md)


@dataclass(slots=True)
class Dataset:
    """Everything read from one data directory, and every problem found on the way."""

    root: Path
    bundled: bool = False
    regions: dict[str, Region] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    goals: list[Goal] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # the files a selection named (`tracker check PATH…`), as problems show them
    files: list[str] = field(default_factory=list)

    def goal(self, goal_id: str) -> Goal | None:
        """The goal with this id, if the dataset has one."""
        return next((g for g in self.goals if g.id == goal_id), None)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


@dataclass(slots=True)
class FileData:
    """What one data file contributes before the checks that span files: the loader's
    result for one file, and what the parse cache stores."""

    regions: list[Region]
    sources: list[Source]
    goals: list[Goal]
    problems: list[Problem]
