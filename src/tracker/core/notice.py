"""``tracker report --style notice``: what a 督查 notice shows (docs/report.md).

A region × indicator grid of 红黄绿灯 cells, the overdue goals (逾期未报), the goals lagging
behind the time-elapsed schedule (落后时序进度N个百分点, worst first), the goals due within a
few days, and the stated rates their own figures contradict.

Pure: takes evaluations (judged with lag bands, 10,30 unless the user chose others), returns
frozen dataclasses. Goals without a target (status ``no_target``) are figures, not tasks:
a notice counts them but does not list them.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from tracker.core.compute import Evaluation, Status, Thresholds
from tracker.core.indicators import indicator_keys
from tracker.core.status import (
    Selection,
    StatusReport,
    count_by_status,
    due_within,
    region_order,
)
from tracker.core.views import RateIssue, rate_issues, report_scope
from tracker.load.git import DataVersion
from tracker.model import Dataset

# The lag bands a notice judges by when the user gave none: green at most 10 percentage
# points behind schedule, yellow at most 30, red beyond (SPEC §2.1, as 督查 notices do).
NOTICE_BANDS = (Fraction(10, 100), Fraction(30, 100))
DUE_DAYS = 30  # the due-soon list's horizon when --due-within is not given


class Light(enum.Enum):
    """A cell's 红黄绿灯. Colour is never the only signal: every cell also names it."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    NONE = "none"  # no verdict yet (no data, unclear)


LIGHTS: dict[Status, Light] = {
    Status.ACHIEVED: Light.GREEN,
    Status.ON_TRACK: Light.GREEN,
    Status.AT_RISK: Light.YELLOW,
    Status.BEHIND: Light.RED,
    Status.MISSED: Light.RED,
    Status.OVERDUE: Light.RED,
    Status.UNCLEAR: Light.NONE,
    Status.NO_DATA: Light.NONE,
    Status.NO_TARGET: Light.NONE,
}


def notice_thresholds(thresholds: Thresholds) -> Thresholds:
    """``thresholds`` with the notice's lag bands when none were chosen."""
    if thresholds.lag_bands is not None:
        return thresholds
    return Thresholds(thresholds.on_track, thresholds.at_risk, NOTICE_BANDS, thresholds.grace_days)


@dataclass(frozen=True, slots=True)
class Grid:
    """The grid: one line per row label, one column per column label; each cell holds the
    goals of that region and indicator (several when the data has several periods).

    The longer of the two lists runs down the page: regions are the rows when there are more
    regions than indicators (a county's towns on a few shared tasks), else indicators are."""

    rows_are_regions: bool
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    cells: tuple[tuple[tuple[Evaluation, ...], ...], ...]


@dataclass(frozen=True, slots=True)
class Dated:
    """A goal with a count of days: past its deadline (overdue) or left before it (due)."""

    evaluation: Evaluation
    days: int


@dataclass(frozen=True, slots=True)
class NoticeData:
    """Everything the notice shows, in the order it shows it."""

    as_of: date
    scope: tuple[str, ...]  # the regions asked for; () = all
    years: tuple[int, ...]
    categories: tuple[str, ...]
    version: DataVersion | None  # the data's commit, when the data is in git
    thresholds: Thresholds
    tasks: int  # goals with a target or a deadline to meet (the grid's goals)
    figures_only: int  # goals without a target: counted, not listed
    lights: dict[Light, int]
    by_status: dict[Status, int]
    grid: Grid
    overdue: tuple[Dated, ...]  # longest overdue first
    lagging: tuple[Evaluation, ...]  # most percentage points behind schedule first
    due: tuple[Dated, ...]  # nearest deadline first
    due_days: int
    rate_issues: tuple[RateIssue, ...]


def _grid(dataset: Dataset, tasks: Sequence[Evaluation]) -> Grid:
    order = region_order(dataset)
    regions = sorted(
        dict.fromkeys(e.goal.region for e in tasks),
        key=lambda n: (order.get(n, len(order)), n),
    )
    indicator = indicator_keys(dataset.goals)
    keys: dict[str, str] = {}  # indicator key → label (the first goal's title), in row order
    for e in tasks:
        keys.setdefault(indicator[e.goal.id], e.goal.title)
    found: dict[tuple[str, str], list[Evaluation]] = {}
    for e in sorted(tasks, key=lambda e: (e.goal.deadline, e.goal.start)):
        found.setdefault((e.goal.region, indicator[e.goal.id]), []).append(e)
    by_region = len(regions) > len(keys)
    lines, columns = (regions, list(keys)) if by_region else (list(keys), regions)
    cells = tuple(
        tuple(
            tuple(found.get((line, column) if by_region else (column, line), ()))
            for column in columns
        )
        for line in lines
    )
    labels = [keys[k] for k in keys]
    return Grid(
        rows_are_regions=by_region,
        row_labels=tuple(regions if by_region else labels),
        column_labels=tuple(labels if by_region else regions),
        cells=cells,
    )


def build_notice(
    dataset: Dataset,
    status: StatusReport,
    selection: Selection,
    thresholds: Thresholds,
    due_days: int = DUE_DAYS,
    version: DataVersion | None = None,
) -> NoticeData:
    """The notice for an evaluated (region-sorted) status report."""
    rows = status.rows
    tasks = [e for e in rows if e.status is not Status.NO_TARGET]
    lights = dict.fromkeys(Light, 0)
    for e in tasks:
        lights[LIGHTS[e.status]] += 1
    as_of = status.as_of
    overdue = sorted(
        (Dated(e, (as_of - e.goal.deadline).days) for e in tasks if e.status is Status.OVERDUE),
        key=lambda d: -d.days,
    )
    lagging = sorted(
        (e for e in tasks if e.lag is not None and e.status in (Status.AT_RISK, Status.BEHIND)),
        key=lambda e: -(e.lag or 0),
    )
    due = sorted(
        (Dated(e, (e.goal.deadline - as_of).days) for e in tasks if due_within(e, due_days)),
        key=lambda d: d.days,
    )
    return NoticeData(
        as_of=as_of,
        scope=report_scope(dataset, selection),
        years=tuple(sorted(selection.years)),
        categories=tuple(sorted(selection.categories)),
        version=version,
        thresholds=thresholds,
        tasks=len(tasks),
        figures_only=len(rows) - len(tasks),
        lights=lights,
        by_status=count_by_status(tasks),
        grid=_grid(dataset, tasks),
        overdue=tuple(overdue),
        lagging=tuple(lagging),
        due=tuple(due),
        due_days=due_days,
        rate_issues=rate_issues(rows, thresholds),
    )
