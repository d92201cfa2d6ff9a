"""``tracker rank``: regions ranked on one indicator (docs/indicators.md).

Pure: takes evaluations of one indicator's goals, returns a frozen :class:`Ranking`. Every
figure ranked on is one :mod:`tracker.core.compute` computed (completion, lag, the judged
figure); this module only picks one goal per region, orders, ranks and compares with the
group's mean and median, on exact fractions.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from tracker.core.compute import Evaluation
from tracker.core.indicators import Indicator
from tracker.core.status import region_order
from tracker.model import Dataset, Kind


class RankBy(enum.Enum):
    """What regions are ranked on: higher completion, smaller lag, or the figure itself
    (larger first; smaller first when every goal is a ceiling)."""

    COMPLETION = "completion"
    LAG = "lag"
    VALUE = "value"


class RankNote(enum.Enum):
    """What a reader of the ranking must know (each shown as a sentence in both languages)."""

    NO_GOALS = "no_goals"  # the filters left no goal of the indicator
    SINGLE_REGION = "single_region"  # one region: nothing to rank against
    MIXED_PERIODS = "mixed_periods"  # the ranked goals cover different periods
    LATEST_PERIOD = "latest_period"  # a region had several goals: its latest period is ranked
    UNRANKED = "unranked"  # goals without the figure ranked on, listed after the ranking
    MIXED_UNITS = "mixed_units"  # --by value over goals of different units: not comparable


@dataclass(frozen=True, slots=True)
class RankRow:
    """One region's goal: its place (None when it has no figure to rank on), the figure it is
    ranked on, and that figure's distance from the group's mean and median."""

    rank: int | None
    evaluation: Evaluation
    metric: Fraction | None
    from_mean: Fraction | None
    from_median: Fraction | None
    better: bool | None  # better than the mean (None: unranked, or exactly at it)


@dataclass(frozen=True, slots=True)
class Ranking:
    """What ``tracker rank`` shows."""

    indicator: str
    label: str
    by: RankBy
    as_of: date
    rows: tuple[RankRow, ...]  # ranked rows by rank, then the unranked ones
    ranked: int  # how many regions were ranked (before --top / --bottom)
    mean: Fraction | None
    median: Fraction | None
    higher_is_better: bool
    notes: tuple[RankNote, ...]


def metric(e: Evaluation, by: RankBy) -> Fraction | None:
    """The figure ``e`` is ranked on."""
    if by is RankBy.COMPLETION:
        return e.completion
    if by is RankBy.LAG:
        return e.lag
    return e.actual.nominal if e.actual is not None else None


def median(values: Sequence[Fraction]) -> Fraction:
    """The middle value of sorted ``values`` (the mean of the two middle ones when even)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _latest_per_region(rows: Sequence[Evaluation]) -> tuple[list[Evaluation], bool]:
    """Each region's goal with the latest period (then the latest deadline), and whether
    any region had more than one."""
    chosen: dict[str, Evaluation] = {}
    several = False
    for e in rows:
        region = e.goal.region
        held = chosen.get(region)
        if held is not None:
            several = True
            if (held.goal.deadline, held.goal.start) >= (e.goal.deadline, e.goal.start):
                continue
        chosen[region] = e
    return list(chosen.values()), several


def build_ranking(
    dataset: Dataset,
    indicator: Indicator,
    rows: Sequence[Evaluation],
    as_of: date,
    by: RankBy = RankBy.COMPLETION,
    top: int | None = None,
    bottom: int | None = None,
) -> Ranking:
    """Rank the regions of ``indicator`` on ``by``.

    ``rows`` are the evaluations of the indicator's goals that passed the filters. One goal per
    region is ranked (its latest period). Ties share a rank (1, 2, 2, 4). Goals without the
    figure ranked on follow the ranked ones, without a rank. ``top`` / ``bottom`` keep the
    first / last N places (ties at the edge included) and drop the unranked goals; the mean and
    median are those of every ranked region.
    """
    notes: list[RankNote] = []
    picked, several = _latest_per_region(rows)
    if several:
        notes.append(RankNote.LATEST_PERIOD)
    order = region_order(dataset)
    picked.sort(key=lambda e: (order.get(e.goal.region, len(order)), e.goal.region))
    kinds = {e.goal.kind for e in picked}
    higher = not (by is RankBy.LAG or (by is RankBy.VALUE and kinds == {Kind.AT_MOST}))
    units = {e.goal.unit for e in picked}
    comparable = by is not RankBy.VALUE or len(units) <= 1
    if not comparable:
        notes.append(RankNote.MIXED_UNITS)

    measured = [(e, metric(e, by) if comparable else None) for e in picked]
    scored = [(e, m) for e, m in measured if m is not None]
    unscored = [e for e, m in measured if m is None]
    scored.sort(key=lambda pair: -pair[1] if higher else pair[1])  # stable: region order

    values = [m for _, m in scored]
    # one figure has nothing to be compared with: no mean, no median, no distances
    mean = sum(values, Fraction(0)) / len(values) if len(values) > 1 else None
    middle = median(values) if len(values) > 1 else None
    ranked: list[RankRow] = []
    for index, (e, m) in enumerate(scored):
        place = ranked[-1].rank if ranked and ranked[-1].metric == m else index + 1
        ahead = None
        if mean is not None and m != mean:
            ahead = (m > mean) == higher
        ranked.append(
            RankRow(
                rank=place,
                evaluation=e,
                metric=m,
                from_mean=None if mean is None else m - mean,
                from_median=None if middle is None else m - middle,
                better=ahead,
            )
        )
    rest = [RankRow(None, e, None, None, None, None) for e in unscored]
    if top is not None or bottom is not None:
        ranked = _cut(ranked, top, bottom)
        rest = []
    elif rest:
        notes.append(RankNote.UNRANKED)

    if not picked:
        notes.insert(0, RankNote.NO_GOALS)
    elif len(picked) == 1:
        notes.insert(0, RankNote.SINGLE_REGION)
    periods = {(e.goal.start, e.goal.deadline) for e, _ in scored}
    if len(periods) > 1:
        notes.append(RankNote.MIXED_PERIODS)
    return Ranking(
        indicator=indicator.key,
        label=indicator.label,
        by=by,
        as_of=as_of,
        rows=(*ranked, *rest),
        ranked=len(scored),
        mean=mean,
        median=middle,
        higher_is_better=higher,
        notes=tuple(notes),
    )


def _cut(rows: list[RankRow], top: int | None, bottom: int | None) -> list[RankRow]:
    """The rows placed within the first ``top`` / the last ``bottom`` places (N ≥ 1)."""
    if top is not None and top < len(rows):
        edge = rows[top - 1].rank
        rows = [r for r in rows if r.rank is not None and edge is not None and r.rank <= edge]
    if bottom is not None and bottom < len(rows):
        edge = rows[len(rows) - bottom].rank
        rows = [r for r in rows if r.rank is not None and edge is not None and r.rank >= edge]
    return rows
