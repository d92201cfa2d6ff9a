"""Select, evaluate, sort and summarise goals: the computed report every renderer shows."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from tracker.core.compute import Evaluation, Status, Thresholds, evaluate
from tracker.model import Dataset, Goal

# Worst first: the order a reader triages in, also used for --sort status.
SEVERITY = (
    Status.MISSED,
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

    def admits_goal(self, goal: Goal) -> bool:
        if self.regions is not None and goal.region not in self.regions:
            return False
        if self.years and not any(goal.start.year <= y <= goal.deadline.year for y in self.years):
            return False
        return not self.categories or (goal.category or "").casefold() in self.categories


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
    if key is SortKey.GAP:
        rows.sort(key=lambda e: _nulls_last(e.gap, reverse=True))
    elif key is SortKey.RATIO:
        rows.sort(key=lambda e: _nulls_last(e.ratio))
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
    rows = [evaluate(g, as_of, thresholds) for g in dataset.goals if selection.admits_goal(g)]
    if selection.statuses:
        rows = [e for e in rows if e.status in selection.statuses]
    ordered = tuple(sort_rows(rows, sort, region_order(dataset)))
    return StatusReport(as_of, ordered, summarise(ordered))


def matching(statuses: Collection[Status], rows: Iterable[Evaluation]) -> list[Evaluation]:
    """Rows whose status is one of ``statuses`` (for --fail-on)."""
    return [e for e in rows if e.status in statuses]
