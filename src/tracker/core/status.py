"""Select, evaluate, sort and summarise goals: the computed report every renderer shows."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import TypeVar

from tracker.core.compute import Evaluation, Status, Thresholds, evaluate
from tracker.core.regions import to_simplified
from tracker.model import Dataset, Goal
from tracker.suggest import suggest

# Worst first: the order a reader triages in, also used for --sort status.
SEVERITY = (
    Status.MISSED,
    Status.OVERDUE,
    Status.BEHIND,
    Status.AT_RISK,
    Status.UNCLEAR,
    Status.ON_TRACK,
    Status.ACHIEVED,
    Status.NO_DATA,
    Status.NO_TARGET,
)


class SortKey(enum.Enum):
    REGION = "region"
    GAP = "gap"
    RATIO = "ratio"
    PACE = "pace"
    STATUS = "status"


@dataclass(frozen=True, slots=True)
class Selection:
    """The shared filters of the reading commands."""

    regions: frozenset[str] | None = None
    years: frozenset[int] = frozenset()
    categories: frozenset[str] = frozenset()
    statuses: frozenset[Status] = frozenset()
    hidden: frozenset[Status] = frozenset()  # --hide: statuses left out
    due_within: int | None = None  # --due-within DAYS: only goals due soon, not yet achieved
    # each --region query and the region it resolved to (新绛县 ← xinjiang), for headers
    resolved: tuple[tuple[str, str], ...] = ()

    def admits_goal(self, goal: Goal) -> bool:
        if self.regions is not None and goal.region not in self.regions:
            return False
        if self.years and not any(goal.start.year <= y <= goal.deadline.year for y in self.years):
            return False
        return not self.categories or (goal.category or "").casefold() in self.categories

    def admits(self, e: Row) -> bool:
        """Whether an evaluated goal passes the filters that need its verdict."""
        if self.statuses and e.status not in self.statuses:
            return False
        if e.status in self.hidden:
            return False
        return self.due_within is None or due_within(e, self.due_within)


@dataclass(frozen=True, slots=True)
class Verdict:
    """A goal's status at a date without its figures: a row the status row cache already
    evaluated and rendered (``record``, opaque here: :mod:`tracker.render.status_rows`).
    What selection, the region order and the summary read of a row, it has."""

    goal: Goal
    as_of: date
    status: Status
    record: memoryview


Row = Evaluation | Verdict
_R = TypeVar("_R", bound=Row)


def due_within(e: Row, days: int) -> bool:
    """Whether the goal's deadline falls within ``days`` days of the evaluation date (on it
    or after it, at most ``days`` later) and the goal is not achieved yet: what is due soon."""
    deadline = e.goal.deadline
    return e.as_of <= deadline <= e.as_of + timedelta(days=days) and e.status is not Status.ACHIEVED


@dataclass(frozen=True, slots=True)
class Summary:
    total: int
    by_status: dict[Status, int]


@dataclass(frozen=True, slots=True)
class StatusReport:
    as_of: date
    rows: tuple[Evaluation, ...]
    summary: Summary
    selection: Selection = Selection()  # the filters in force, stated in the header


def region_order(dataset: Dataset) -> dict[str, int]:
    """Each region's position in a depth-first walk of the tree (input order among siblings)."""
    children: dict[str | None, list[str]] = {}
    for region in dataset.regions.values():
        parent = region.parent if region.parent in dataset.regions else None
        children.setdefault(parent, []).append(region.name)
    order: dict[str, int] = {}
    stack = list(reversed(children.get(None, [])))
    while stack:
        name = stack.pop()
        if name in order:
            continue
        order[name] = len(order)
        stack.extend(reversed(children.get(name, [])))
    for name in dataset.regions:  # regions only reachable through a cycle
        order.setdefault(name, len(order))
    return order


def _nulls_last(value: Fraction | None, reverse: bool = False) -> tuple[int, Fraction]:
    if value is None:
        return (1, Fraction(0))
    return (0, -value if reverse else value)


def sort_rows(rows: Iterable[Evaluation], key: SortKey, order: dict[str, int]) -> list[Evaluation]:
    """Region (tree order) then deadline by default; the others put the worst first."""

    ordered = region_sorted(rows, order)
    if key is SortKey.GAP:  # as a share of the target: shortfalls in different units compare
        ordered.sort(key=lambda e: _nulls_last(e.relative_gap, reverse=True))
    elif key is SortKey.RATIO:  # the headline completion figure, the one the bars show
        ordered.sort(key=lambda e: _nulls_last(e.completion))
    elif key is SortKey.PACE:
        ordered.sort(key=lambda e: _nulls_last(e.pace))
    elif key is SortKey.STATUS:
        ordered.sort(key=lambda e: SEVERITY.index(e.status))
    return ordered


def region_sorted(rows: Iterable[_R], order: dict[str, int]) -> list[_R]:
    """Region (tree order), then deadline, then place in the files."""

    def by_region(e: _R) -> tuple[int, date, str, int]:
        goal = e.goal
        return (order.get(goal.region, len(order)), goal.deadline, goal.file, goal.line or 0)

    return sorted(rows, key=by_region)


def count_by_status(rows: Iterable[Row]) -> dict[Status, int]:
    """Goals per status, worst first, statuses with none left out."""
    found = Counter(e.status for e in rows)
    return {s: found[s] for s in SEVERITY if found[s]}


def summarise(rows: Sequence[Row]) -> Summary:
    return Summary(len(rows), count_by_status(rows))


def build_status(
    dataset: Dataset,
    as_of: date,
    selection: Selection = Selection(),
    thresholds: Thresholds = Thresholds(),
    sort: SortKey = SortKey.REGION,
) -> StatusReport:
    """Evaluate every selected goal at ``as_of``."""
    goals = dataset.by_id
    rows = [
        evaluate(g, as_of, thresholds, goals) for g in dataset.goals if selection.admits_goal(g)
    ]
    if selection.statuses or selection.hidden or selection.due_within is not None:
        rows = [e for e in rows if selection.admits(e)]
    ordered = tuple(sort_rows(rows, sort, region_order(dataset)))
    return StatusReport(as_of, ordered, summarise(ordered), selection)


@dataclass(frozen=True, slots=True)
class RowReport:
    """A status report in the region order whose rows may come from the row cache."""

    as_of: date
    rows: tuple[Row, ...]
    summary: Summary


def build_rows(
    dataset: Dataset,
    as_of: date,
    known: Sequence[Verdict | None],
    selection: Selection = Selection(),
    thresholds: Thresholds = Thresholds(),
) -> RowReport:
    """:func:`build_status` in the region order, taking the rows of ``known`` (aligned with
    ``dataset.goals``) as they are and evaluating the others."""
    goals = dataset.by_id
    rows = [
        v if v is not None else evaluate(g, as_of, thresholds, goals)
        for g, v in zip(dataset.goals, known, strict=True)
        if selection.admits_goal(g)
    ]
    if selection.statuses or selection.hidden or selection.due_within is not None:
        rows = [e for e in rows if selection.admits(e)]
    ordered = tuple(region_sorted(rows, region_order(dataset)))
    return RowReport(as_of, ordered, summarise(ordered))


def matching(statuses: Collection[Status], rows: Iterable[_R]) -> list[_R]:
    """Rows whose status is one of ``statuses`` (for --fail-on)."""
    return [e for e in rows if e.status in statuses]


@dataclass(frozen=True, slots=True)
class Emptiness:
    """Why a selection shows no goal: the first filter (in the order they apply) after which
    none is left, and what the goals before it offer instead."""

    filter: str  # "data" (no goal at all), "region", "year", "category", "status", "hide", "due"
    years: tuple[int, ...] = ()  # the years the remaining goals cover
    categories: tuple[str, ...] = ()  # their categories
    close: tuple[str, ...] = ()  # the categories closest to those asked for
    statuses: tuple[Status, ...] = ()  # their statuses, worst first


def why_empty(
    dataset: Dataset, as_of: date, selection: Selection, thresholds: Thresholds = Thresholds()
) -> Emptiness:
    """Which filter left no goal, and what exists instead (the hint under "No goals match")."""
    goals = list(dataset.goals)
    if not goals:
        return Emptiness("data")
    if selection.regions is not None:
        goals = [g for g in goals if g.region in selection.regions]
        if not goals:
            return Emptiness("region")
    if selection.years:
        before = goals
        goals = [g for g in goals if Selection(years=selection.years).admits_goal(g)]
        if not goals:
            years = {y for g in before for y in range(g.start.year, g.deadline.year + 1)}
            return Emptiness("year", years=tuple(sorted(years)))
    if selection.categories:
        before = goals
        goals = [g for g in goals if (g.category or "").casefold() in selection.categories]
        if not goals:
            present = sorted({g.category for g in before if g.category})
            # compared simplified (就業 → 就业) and case-folded, as region names are
            folded = {to_simplified(c).casefold(): c for c in present}
            close = [
                folded[c]
                for q in sorted(selection.categories)
                for c in suggest(to_simplified(q), folded, limit=3, cutoff=0.5)
            ]
            return Emptiness("category", categories=tuple(present), close=tuple(close))
    rows = [evaluate(g, as_of, thresholds, dataset.by_id) for g in goals]
    present_statuses = tuple(s for s in SEVERITY if any(e.status is s for e in rows))
    if selection.statuses and not any(e.status in selection.statuses for e in rows):
        return Emptiness("status", statuses=present_statuses)
    if all(e.status in selection.hidden for e in rows):
        return Emptiness("hide", statuses=present_statuses)
    return Emptiness("due", statuses=present_statuses)
