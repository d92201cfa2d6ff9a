"""Select, evaluate, sort and summarise goals: the computed report every renderer shows."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from tracker.core.compute import Evaluation, Status, Thresholds, evaluate
from tracker.model import Dataset, Goal

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

    def admits_goal(self, goal: Goal) -> bool:
        if self.regions is not None and goal.region not in self.regions:
            return False
        if self.years and not any(goal.start.year <= y <= goal.deadline.year for y in self.years):
            return False
        return not self.categories or (goal.category or "").casefold() in self.categories

    def admits(self, e: Evaluation) -> bool:
        """Whether an evaluated goal passes the filters that need its verdict."""
        if self.statuses and e.status not in self.statuses:
            return False
        if e.status in self.hidden:
            return False
        return self.due_within is None or due_within(e, self.due_within)


def due_within(e: Evaluation, days: int) -> bool:
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

    def by_region(e: Evaluation) -> tuple[int, date, str, int]:
        goal = e.goal
        return (order.get(goal.region, len(order)), goal.deadline, goal.file, goal.line or 0)

    rows = sorted(rows, key=by_region)
    if key is SortKey.GAP:  # as a share of the target: shortfalls in different units compare
        rows.sort(key=lambda e: _nulls_last(e.relative_gap, reverse=True))
    elif key is SortKey.RATIO:  # the headline completion figure, the one the bars show
        rows.sort(key=lambda e: _nulls_last(e.completion))
    elif key is SortKey.PACE:
        rows.sort(key=lambda e: _nulls_last(e.pace))
    elif key is SortKey.STATUS:
        rows.sort(key=lambda e: SEVERITY.index(e.status))
    return rows


def count_by_status(rows: Iterable[Evaluation]) -> dict[Status, int]:
    """Goals per status, worst first, statuses with none left out."""
    found = Counter(e.status for e in rows)
    return {s: found[s] for s in SEVERITY if found[s]}


def summarise(rows: Sequence[Evaluation]) -> Summary:
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
    return StatusReport(as_of, ordered, summarise(ordered))


def matching(statuses: Collection[Status], rows: Iterable[Evaluation]) -> list[Evaluation]:
    """Rows whose status is one of ``statuses`` (for --fail-on)."""
    return [e for e in rows if e.status in statuses]
