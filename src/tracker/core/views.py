"""What the reports show, built once and rendered by every format: the history of one goal
(``tracker show``), the sections of ``tracker report`` and the region tree of
``tracker regions``.

Pure: takes the dataset and evaluations, returns frozen dataclasses. Every figure comes from
:mod:`tracker.core.compute`; this module only chooses, groups and orders.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

import msgspec

from tracker.core.compute import (
    Evaluation,
    RateCheck,
    Status,
    Thresholds,
    computed_rate,
    evaluate,
    on_pace,
)
from tracker.core.figures import Interval
from tracker.core.status import SEVERITY, Selection, StatusReport, count_by_status, region_order
from tracker.model import Dataset, Goal, Kind, Measure, Outcome, Source
from tracker.suggest import suggest

# The statuses the "needs attention" section lists: what a supervisor must act on.
ATTENTION = (Status.MISSED, Status.OVERDUE, Status.BEHIND, Status.UNCLEAR)
_NO_GOALS: Mapping[str, Goal] = {}


# --- one goal's history ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Point:
    """One outcome, evaluated as of its own date (as if later outcomes did not exist yet)."""

    outcome: Outcome
    evaluation: Evaluation
    computed_rate: Interval | None  # the figures' own completion rate, percent
    on_pace: Fraction | None  # the figure pace 1 would give at this date


def history(
    goal: Goal, thresholds: Thresholds = Thresholds(), goals: Mapping[str, Goal] = _NO_GOALS
) -> tuple[Point, ...]:
    """Every outcome of ``goal`` with its ratio, pace, rate check and status at its date.

    Each outcome is evaluated on the goal cut after it, so that two outcomes of the same day
    are each judged on their own figure (at a shared date the later one wins, SPEC §2.1).
    """
    points = []
    for i, outcome in enumerate(goal.outcomes):
        upto = msgspec.structs.replace(goal, outcomes=goal.outcomes[: i + 1])
        evaluation = evaluate(upto, outcome.as_of, thresholds, goals)
        target = evaluation.effective_target
        points.append(
            Point(
                outcome=outcome,
                evaluation=evaluation,
                computed_rate=computed_rate(goal, outcome, evaluation.target),
                on_pace=on_pace(goal, target, outcome.as_of) if target is not None else None,
            )
        )
    return tuple(points)


@dataclass(frozen=True, slots=True)
class GoalDetail:
    """Everything ``tracker show`` shows about one goal."""

    evaluation: Evaluation  # at the evaluation date
    chain: tuple[str, ...]  # the goal's region and its ancestors, root first
    points: tuple[Point, ...]  # outcomes dated at or before the evaluation date
    later: int  # outcomes dated after it (not shown)
    sources: tuple[SourceEntry, ...]  # the goal's source, then its outcomes'
    # the time-elapsed line of the chart, from (start, B) to (deadline, T); None without pace
    pace_line: tuple[tuple[date, Fraction], tuple[date, Fraction]] | None

    @property
    def goal(self) -> Goal:
        return self.evaluation.goal


def goal_detail(
    dataset: Dataset, goal: Goal, as_of: date, thresholds: Thresholds = Thresholds()
) -> GoalDetail:
    """``goal`` evaluated at ``as_of``, with the history of its outcomes up to that date."""
    return detail_of(dataset, evaluate(goal, as_of, thresholds, dataset.by_id), thresholds)


def detail_of(
    dataset: Dataset,
    evaluation: Evaluation,
    thresholds: Thresholds = Thresholds(),
    goals: Mapping[str, Goal] | None = None,
) -> GoalDetail:
    """:func:`goal_detail` for a goal already evaluated (at ``evaluation.as_of``); ``goals``
    is ``dataset.by_id`` when the caller has it already (the site builds thousands)."""
    goal = evaluation.goal
    as_of = evaluation.as_of
    points = history(goal, thresholds, dataset.by_id if goals is None else goals)
    shown = tuple(p for p in points if p.outcome.as_of <= as_of)
    target = evaluation.effective_target
    line = None
    if target is not None:
        first = on_pace(goal, target, goal.start)
        last = on_pace(goal, target, goal.deadline)
        if first is not None and last is not None:
            line = ((goal.start, first), (goal.deadline, last))
    return GoalDetail(
        evaluation=evaluation,
        chain=region_chain(dataset, goal.region),
        points=shown,
        later=len(points) - len(shown),
        sources=tuple(SourceEntry(i, dataset.sources.get(i), 1) for i in goal_sources(goal)),
        pace_line=line,
    )


def target_edges(detail: GoalDetail) -> tuple[Fraction, ...]:
    """The target line(s) of a history chart: both edges of a band, else the (stated or
    implied) target; none without a target."""
    goal = detail.goal
    if goal.target is not None and goal.kind is Kind.RANGE:
        return tuple(dict.fromkeys((goal.target.low, goal.target.high)))
    target = detail.evaluation.effective_target
    return () if target is None else (target,)


@dataclass(frozen=True, slots=True)
class ChartExtent:
    """What a history chart spans: the period (or up to the last outcome, when later) and
    every value it draws — outcomes, target line(s), the time-elapsed line, the baseline."""

    start: date
    end: date
    low: Fraction
    high: Fraction  # > low


def chart_extent(detail: GoalDetail) -> ChartExtent | None:
    """The history chart's extent; None when no outcome has a figure (no chart). Flow goals
    start at zero: they count up from it."""
    goal = detail.goal
    values = [p.evaluation.actual.nominal for p in detail.points if p.evaluation.actual]
    if not values:
        return None
    last = max(p.outcome.as_of for p in detail.points if p.evaluation.actual)
    values += target_edges(detail)
    if detail.pace_line is not None:
        values += [detail.pace_line[0][1], detail.pace_line[1][1]]
    if goal.baseline is not None:
        values.append(goal.baseline.value.nominal)
    low, high = min(values), max(values)
    if goal.measure is Measure.FLOW:
        low = min(low, Fraction(0))
    if high == low:
        high = low + (abs(low) / 10 or 1)
    return ChartExtent(goal.start, max(goal.deadline, last), low, high)


def region_chain(dataset: Dataset, name: str) -> tuple[str, ...]:
    """The region and its ancestors, root first (``山西省, 运城市, 盐湖区``)."""
    chain = [name]
    region = dataset.regions.get(name)
    while region is not None and region.parent and region.parent not in chain:
        chain.append(region.parent)
        region = dataset.regions.get(region.parent)
    return tuple(reversed(chain))


def goal_sources(goal: Goal) -> tuple[str, ...]:
    """The source ids a goal cites (its own, then its outcomes'), each once, in order."""
    ids = [goal.source] + [o.source for o in goal.outcomes]
    return tuple(dict.fromkeys(i for i in ids if i))


def unknown_goal_suggestions(dataset: Dataset, query: str, limit: int = 5) -> list[str]:
    """The goal ids closest to ``query``: ids containing it first, then similar spellings."""
    return suggest(query, (g.id for g in dataset.goals), limit=limit, cutoff=0.5, containing=True)


# --- the report -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegionSection:
    """The goals of one region (not its sub-regions, which have their own sections)."""

    region: str
    chain: tuple[str, ...]
    targeted: tuple[Evaluation, ...]  # goals with a stated or implied target, and milestones
    untargeted: tuple[Evaluation, ...]  # figures reported without a target (status no_target)
    counts: dict[Status, int]

    @property
    def total(self) -> int:
        return len(self.targeted) + len(self.untargeted)


@dataclass(frozen=True, slots=True)
class RateIssue:
    """An outcome whose stated rate (or printed value) the figures themselves contradict."""

    point: Point

    @property
    def goal(self) -> Goal:
        return self.point.evaluation.goal


@dataclass(frozen=True, slots=True)
class SourceEntry:
    id: str
    source: Source | None  # None when the id names no [[source]]
    goals: int


@dataclass(frozen=True, slots=True)
class Bar:
    """One goal in the completion chart: how far along it is, and how much time has passed."""

    evaluation: Evaluation
    completion: Fraction
    elapsed: Fraction | None  # only where pace applies: it is what completion is compared to


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything ``tracker report`` shows, in the order it shows it."""

    as_of: date
    scope: tuple[str, ...]  # the regions asked for (their descendants included); () = all
    years: tuple[int, ...]
    categories: tuple[str, ...]
    statuses: tuple[Status, ...]
    total: int
    by_status: dict[Status, int]
    sections: tuple[RegionSection, ...]
    attention: tuple[Evaluation, ...]
    rate_issues: tuple[RateIssue, ...]
    sources: tuple[SourceEntry, ...]
    thresholds: Thresholds
    resolved: tuple[tuple[str, str], ...] = ()  # --region queries and the regions they named

    @property
    def rows(self) -> tuple[Evaluation, ...]:
        return tuple(e for s in self.sections for e in (*s.targeted, *s.untargeted))


def bars(rows: Iterable[Evaluation]) -> tuple[Bar, ...]:
    """The completion chart's bars, for the goals that have a completion figure (the one every
    完成率 column shows, SPEC §2)."""
    found = []
    for e in rows:
        value = e.completion
        if value is not None:
            found.append(Bar(e, value, e.elapsed if e.progress is not None else None))
    return tuple(found)


def report_scope(dataset: Dataset, selection: Selection) -> tuple[str, ...]:
    """The regions asked for, without those inside another one asked for; () = all."""
    if selection.regions is None:
        return ()
    order = region_order(dataset)
    roots = [
        name
        for name in selection.regions
        if (region := dataset.regions.get(name)) is None or region.parent not in selection.regions
    ]
    return tuple(sorted(roots, key=lambda n: (order.get(n, len(order)), n)))


def _sections(dataset: Dataset, rows: Sequence[Evaluation]) -> tuple[RegionSection, ...]:
    grouped: dict[str, list[Evaluation]] = {}
    for e in rows:  # rows come in region (tree) order, then deadline
        grouped.setdefault(e.goal.region, []).append(e)
    return tuple(
        RegionSection(
            region=region,
            chain=region_chain(dataset, region),
            targeted=tuple(e for e in group if e.status is not Status.NO_TARGET),
            untargeted=tuple(e for e in group if e.status is Status.NO_TARGET),
            counts=count_by_status(group),
        )
        for region, group in grouped.items()
    )


def rate_issues(rows: Sequence[Evaluation], thresholds: Thresholds) -> tuple[RateIssue, ...]:
    """Every outcome up to the evaluation date whose stated rate, gap or printed value its
    own figures contradict."""
    issues = []
    for e in rows:
        for point in history(e.goal, thresholds):
            if point.outcome.as_of > e.as_of:
                break
            if point.evaluation.rate_check is RateCheck.INCONSISTENT:
                issues.append(RateIssue(point))
    return tuple(issues)


def _sources(dataset: Dataset, rows: Sequence[Evaluation]) -> tuple[SourceEntry, ...]:
    used: dict[str, int] = {}
    for e in rows:
        for source_id in goal_sources(e.goal):
            used[source_id] = used.get(source_id, 0) + 1
    return tuple(SourceEntry(i, dataset.sources.get(i), n) for i, n in used.items())


def build_report(
    dataset: Dataset,
    status: StatusReport,
    selection: Selection = Selection(),
    thresholds: Thresholds = Thresholds(),
) -> ReportData:
    """Group an evaluated (region-sorted) status report into the sections of the summary."""
    rows = status.rows
    severity = {s: i for i, s in enumerate(SEVERITY)}
    attention = sorted(
        (e for e in rows if e.status in ATTENTION), key=lambda e: severity[e.status]
    )  # stable: region order within a status
    return ReportData(
        as_of=status.as_of,
        scope=report_scope(dataset, selection),
        years=tuple(sorted(selection.years)),
        categories=tuple(sorted(selection.categories)),
        statuses=tuple(s for s in SEVERITY if s in selection.statuses),
        total=len(rows),
        by_status=count_by_status(rows),
        sections=_sections(dataset, rows),
        attention=tuple(attention),
        rate_issues=rate_issues(rows, thresholds),
        sources=_sources(dataset, rows),
        thresholds=thresholds,
        resolved=selection.resolved,
    )


# --- the region tree ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegionRow:
    """One region of the tree, with its own goals and its whole subtree's."""

    name: str
    parent: str | None
    code: str | None
    aliases: tuple[str, ...]
    depth: int
    last: tuple[bool, ...]  # per level down to this one: is that ancestor the last sibling
    own: dict[Status, int]
    subtree: dict[Status, int]

    @property
    def own_total(self) -> int:
        return sum(self.own.values())

    @property
    def subtree_total(self) -> int:
        return sum(self.subtree.values())


def region_tree(
    dataset: Dataset, rows: Sequence[Evaluation], selection: Selection = Selection()
) -> tuple[RegionRow, ...]:
    """The region tree in depth-first order (siblings as the files list them), restricted to
    the selected regions, each with goal counts by status for itself and its subtree.

    Goals naming a region that is not in the tree are counted under that name at the top.
    """
    known = set(dataset.regions)
    names = [
        *dataset.regions,
        *dict.fromkeys(e.goal.region for e in rows if e.goal.region not in known),
    ]
    parent_of = {
        n: (r.parent if (r := dataset.regions.get(n)) and r.parent in known else None)
        for n in names
    }
    children: dict[str | None, list[str]] = {}
    for name in names:
        children.setdefault(parent_of[name], []).append(name)
    own: dict[str, list[Evaluation]] = {}
    for e in rows:
        own.setdefault(e.goal.region, []).append(e)

    shown = selection.regions
    result: list[RegionRow] = []
    visited: set[str] = set()

    def walk(name: str, last: tuple[bool, ...]) -> list[Evaluation]:
        visited.add(name)
        index = len(result)
        subtree = list(own.get(name, []))
        kids = [k for k in children.get(name, []) if k not in visited]
        region = dataset.regions.get(name)
        result.append(
            RegionRow(
                name=name,
                parent=parent_of[name],
                code=region.code if region else None,
                aliases=region.aliases if region else (),
                depth=len(last) - 1,
                last=last,
                own=count_by_status(own.get(name, [])),
                subtree={},
            )
        )
        for i, kid in enumerate(kids):
            subtree += walk(kid, (*last, i == len(kids) - 1))
        result[index] = dataclasses.replace(result[index], subtree=count_by_status(subtree))
        return subtree

    roots = children.get(None, [])
    for i, root in enumerate(roots):
        walk(root, (i == len(roots) - 1,))
    for name in names:  # only reachable through a parent cycle
        if name not in visited:
            walk(name, (True,))
    if shown is None:
        return tuple(r for r in result if r.name in known or r.own)
    return _relink([r for r in result if r.name in shown], shown)


def _relink(rows: list[RegionRow], names: Set[str]) -> tuple[RegionRow, ...]:
    """The tree guides recomputed for the selected regions only, re-rooted where the
    selection starts."""
    parent = {r.name: (r.parent if r.parent in names else None) for r in rows}
    siblings: dict[str | None, list[str]] = {}
    for r in rows:
        siblings.setdefault(parent[r.name], []).append(r.name)
    guides: dict[str, tuple[bool, ...]] = {}
    result = []
    for r in rows:
        p = parent[r.name]
        mine = siblings[p]
        is_last = mine[-1] == r.name
        # a parent not yet seen sits in a region cycle: draw the region as a root
        guides[r.name] = (*guides.get(p, ()), is_last) if p is not None else (is_last,)
        result.append(
            dataclasses.replace(r, parent=p, depth=len(guides[r.name]) - 1, last=guides[r.name])
        )
    return tuple(result)
