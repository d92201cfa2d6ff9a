"""The arithmetic of SPEC §2: ratio, progress, elapsed, pace, completion, lag, gap, implied
and relative targets, the rate and gap checks, status and flags — each formula exactly once,
on exact ``Fraction`` values.

Pure: takes model objects, returns frozen dataclasses; never reads files or prints.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from tracker.core.figures import (
    NO_TARGET,
    ONE,
    ZERO,
    ImpliedTarget,
    Interval,
    JudgedTarget,
    TargetRef,
    figure,
    judged_figure,
    judged_target,
    latest_outcome,
)
from tracker.model import Goal, Kind, Measure, Outcome

_BEYOND = Fraction(10**30)  # a shortfall against a zero target: larger than any share


class Status(enum.Enum):
    """The statuses of SPEC §2.1 (the ladder's order is :func:`_status`'s)."""

    NO_TARGET = "no_target"
    NO_DATA = "no_data"
    ACHIEVED = "achieved"
    MISSED = "missed"
    OVERDUE = "overdue"
    UNCLEAR = "unclear"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BEHIND = "behind"


class Flag(enum.Enum):
    IMPLIED_TARGET = "implied_target"
    RELATIVE_TARGET = "relative_target"
    APPROXIMATE = "approximate"
    STALE = "stale"
    RATE_INCONSISTENT = "rate_inconsistent"
    EARLY = "early"
    LATE = "late"


class RateCheck(enum.Enum):
    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """How a goal that is neither settled nor overdue is judged (SPEC §2.1).

    By pace (Eurostat's bands: on track at ≥ 0.95, at risk at ≥ 0.60, else behind), or, with
    ``lag_bands`` (A, B) as fractions, by lag as 督查 notices do: lag ≤ A on track, ≤ B at risk,
    else behind. ``grace_days``: how long after the deadline a goal without a final figure is
    still awaited before it is overdue.
    """

    on_track: Fraction = Fraction(95, 100)
    at_risk: Fraction = Fraction(60, 100)
    lag_bands: tuple[Fraction, Fraction] | None = None
    grace_days: int = 0


@dataclass(frozen=True, slots=True)
class Evaluation:
    """One goal evaluated at one date: every derived figure, the status and its flags."""

    goal: Goal
    as_of: date
    outcome: Outcome | None
    actual: Interval | None
    target: Fraction | None  # the stated (or relative) target's nominal value; band midpoint
    target_low: Fraction | None  # the band the target accepts (a range's edges; a relative
    target_high: Fraction | None  # target's interval); both equal ``target`` otherwise
    implied: ImpliedTarget | None
    target_ref: TargetRef | None
    ratio: Fraction | None
    progress: Fraction | None
    elapsed: Fraction | None
    pace: Fraction | None
    completion: Fraction | None
    lag: Fraction | None
    gap: Fraction | None
    stated_rate: Fraction | None  # as a fraction: 104.19 % → 1.0419
    stated_gap: Fraction | None  # in the goal's unit (percentage points for % goals)
    rate_check: RateCheck | None
    status: Status
    flags: tuple[Flag, ...]

    @property
    def effective_target(self) -> Fraction | None:
        """The target status is judged against: stated or relative, else the implied nominal."""
        if self.target is not None:
            return self.target
        return self.implied.nominal if self.implied else None

    @property
    def relative_gap(self) -> Fraction | None:
        """The gap as a share of the target, so that shortfalls in different units compare:
        what ``--sort gap`` orders by. A zero target makes any shortfall the largest."""
        target, gap = self.effective_target, self.gap
        if target is None or gap is None:
            return None
        if target:
            return gap / abs(target)
        if not gap:
            return ZERO
        return _BEYOND if gap > 0 else -_BEYOND


def elapsed(goal: Goal, when: date) -> Fraction:
    """Time elapsed (时序进度), day basis, both ends inclusive, clamped to [0, 1]."""
    total = (goal.deadline - goal.start).days + 1
    done = (when - goal.start).days + 1
    # clamped in integers, before building a Fraction (the loader ensures start ≤ deadline)
    if done <= 0:
        return ZERO
    if done >= total:
        return ONE
    return Fraction(done, total)


def computed_rate(goal: Goal, outcome: Outcome, target: Fraction | None) -> Interval | None:
    """The completion rate the figures give, in percent: [A_lo / T, A_hi / T] × 100.

    What a stated rate is checked against; ``None`` without a positive target or a figure.
    """
    if target is None:
        return None
    return _rate_of(figure(goal, outcome), (target, target))


def _rate_of(actual: Interval | None, band: tuple[Fraction, Fraction]) -> Interval | None:
    """[A_lo / T_hi, A_hi / T_lo] × 100, for a target band of positive values."""
    low_edge, high_edge = band
    if actual is None or low_edge <= 0:
        return None
    return Interval(
        actual.nominal * 100 / ((low_edge + high_edge) / 2),
        actual.low * 100 / high_edge if actual.low is not None else None,
        actual.high * 100 / low_edge if actual.high is not None else None,
    )


def computed_gap(
    goal: Goal, actual: Interval, band: tuple[Fraction, Fraction]
) -> tuple[Fraction | None, Fraction | None]:
    """The gaps the whole interval of ``actual`` allows: what a stated gap is checked against."""
    low_edge, high_edge = band
    lo, hi = actual.low, actual.high
    if goal.kind is Kind.AT_LEAST:
        return (None if hi is None else low_edge - hi, None if lo is None else high_edge - lo)
    if goal.kind is Kind.AT_MOST:
        return (None if lo is None else lo - high_edge, None if hi is None else hi - low_edge)
    ends = [_gap(goal, x, (low_edge + high_edge) / 2, band) for x in (lo, hi) if x is not None]
    inside = (lo is None or lo <= high_edge) and (hi is None or hi >= low_edge)
    if inside:
        ends.append(ZERO)
    return (min(ends) if lo is not None else None, max(ends) if hi is not None else None)


def rate_check(goal: Goal, outcome: Outcome, target: Fraction | None) -> RateCheck | None:
    """Does the report's own arithmetic hold? (stated rate and stated gap against the stated
    target ``target``; numerator/denominator against the printed value). ``None`` when there is
    nothing to check."""
    band = NO_TARGET if target is None else JudgedTarget(target, (target, target), stated=True)
    return _check(goal, outcome, figure(goal, outcome), band)


def _check(
    goal: Goal, outcome: Outcome, actual: Interval | None, target: JudgedTarget
) -> RateCheck | None:
    """:func:`rate_check` of an outcome whose figure is ``actual``. Only a stated (or relative)
    target is checked against: against an implied one the check would be circular."""
    results: list[bool] = []
    judged = target.judged if target.stated else None
    # the completion rate only when there is a stated rate to check it against; a range's
    # rate is against its midpoint
    if outcome.stated_rate is not None and judged is not None:
        band = (judged, judged) if goal.kind is Kind.RANGE else target.band
        computed = _rate_of(actual, band)
        if computed is not None:
            results.append(computed.meets(Interval.of(outcome.stated_rate)))
    if outcome.stated_gap is not None and judged is not None and actual is not None:
        low, high = computed_gap(goal, actual, target.band)
        gap = Interval.of(outcome.stated_gap)
        results.append(Interval(gap.nominal, low, high).meets(gap))
    if outcome.numerator is not None and outcome.value is not None and actual is not None:
        results.append(Interval.exact(actual.nominal).meets(Interval.of(outcome.value)))
    if not results:
        return None
    return RateCheck.CONSISTENT if all(results) else RateCheck.INCONSISTENT


def _verdict(
    goal: Goal, actual: Interval, band: tuple[Fraction, Fraction], strict: bool = False
) -> tuple[bool, bool]:
    """(whole interval satisfies, whole interval fails) the target band.

    ``band`` is (T, T) for a single target, a range's edges, or a relative target's interval:
    at least is met when every figure reaches its top, failed when none reaches its bottom.
    ``strict``: the target excludes its own value (超N, N余: more than N; 不到N: less than N).
    """
    lo, hi = actual.low, actual.high
    low_edge, high_edge = band
    if goal.kind is Kind.AT_LEAST:
        if strict:  # every x > T
            satisfies = lo is not None and (lo > high_edge or (lo == high_edge and actual.low_open))
            fails = hi is not None and hi <= low_edge
        else:  # every x >= T
            satisfies = lo is not None and lo >= high_edge
            fails = hi is not None and (hi < low_edge or (hi == low_edge and actual.high_open))
    elif goal.kind is Kind.AT_MOST:
        if strict:  # every x < T
            satisfies = hi is not None and (hi < low_edge or (hi == low_edge and actual.high_open))
            fails = lo is not None and lo >= high_edge
        else:  # every x <= T
            satisfies = hi is not None and hi <= low_edge
            fails = lo is not None and (lo > high_edge or (lo == high_edge and actual.low_open))
    else:
        satisfies = lo is not None and hi is not None and lo >= low_edge and hi <= high_edge
        fails = (hi is not None and (hi < low_edge or (hi == low_edge and actual.high_open))) or (
            lo is not None and (lo > high_edge or (lo == high_edge and actual.low_open))
        )
    return satisfies, fails


def _gap(
    goal: Goal, actual: Fraction, target: Fraction, band: tuple[Fraction, Fraction]
) -> Fraction:
    """Shortfall in the goal's unit; positive = still short, negative = beyond the target."""
    if goal.kind is Kind.AT_LEAST:
        return target - actual
    if goal.kind is Kind.AT_MOST:
        return actual - target
    low_edge, high_edge = band
    if actual < low_edge:
        return low_edge - actual
    if actual > high_edge:
        return actual - high_edge
    return ZERO


def progress_base(goal: Goal, target: Fraction) -> Fraction | None:
    """Where progress starts: the baseline; zero for flow goals (not ceilings); else none.

    A ceiling without a baseline (at_most) has no meaningful progress: spending less of a cap
    is not "behind". Growth rates are never cumulative: no time-elapsed pace (SPEC §1.4).
    """
    if goal.measure is Measure.GROWTH:
        return None
    if goal.baseline is not None:
        return goal.baseline.value.nominal
    # target.numerator > 0: the sign test without Fraction's comparison machinery (hot path)
    if goal.measure is Measure.FLOW and goal.kind is not Kind.AT_MOST and target.numerator > 0:
        return ZERO
    return None


def _progress(goal: Goal, actual: Fraction, target: Fraction) -> Fraction | None:
    """(A − B) / (T − B) from :func:`progress_base`; none where it does not apply or T = B."""
    base = progress_base(goal, target)
    if base is None or target == base:
        return None
    return (actual - base) / (target - base)


def on_pace(goal: Goal, target: Fraction, when: date) -> Fraction | None:
    """The figure a goal exactly on pace (pace 1) would show at ``when``: B + (T − B) × elapsed.

    The time-elapsed line of the history charts; ``None`` where pace does not apply.
    """
    base = progress_base(goal, target)
    if base is None or target == base:
        return None
    return base + (target - base) * elapsed(goal, when)


def _approximate(goal: Goal, outcome: Outcome | None) -> bool:
    """A target written with 约/左右…, or a judged figure written with any qualifier."""
    if goal.target is not None and goal.target.approximate:
        return True
    return outcome is not None and outcome.value is not None and outcome.value.qualifier is not None


_NO_GOALS: Mapping[str, Goal] = {}
_SETTLED = (Status.ACHIEVED, Status.MISSED)


def evaluate(
    goal: Goal,
    as_of: date,
    thresholds: Thresholds = Thresholds(),
    goals: Mapping[str, Goal] = _NO_GOALS,
) -> Evaluation:
    """Evaluate ``goal`` at ``as_of`` from the latest outcome dated at or before it.

    ``goals``: the dataset's goals by id, where relative targets find their reference.
    """
    outcome = latest_outcome(goal, as_of)
    target = judged_target(goal, as_of, goals)
    judged = target.judged
    flags: list[Flag] = []
    if target.implied is not None:
        flags.append(Flag.IMPLIED_TARGET)
    if goal.target_ref is not None:
        flags.append(Flag.RELATIVE_TARGET)
    if _approximate(goal, outcome):
        flags.append(Flag.APPROXIMATE)

    actual = ratio = progress = time = pace = gap = stated_rate = stated_gap = None
    check = None
    if outcome is not None:
        actual = judged_figure(goal, outcome)
        time = elapsed(goal, outcome.as_of)
        check = _check(goal, outcome, actual, target)
        if check is RateCheck.INCONSISTENT:
            flags.append(Flag.RATE_INCONSISTENT)
        if outcome.stated_rate is not None:
            stated_rate = outcome.stated_rate.nominal / 100
        if outcome.stated_gap is not None:
            stated_gap = outcome.stated_gap.nominal
    if actual is not None and judged is not None:
        ratio = actual.nominal / judged if judged.numerator > 0 else None
        progress = _progress(goal, actual.nominal, judged)
        gap = _gap(goal, actual.nominal, judged, target.band)
        if progress is not None and time:
            pace = progress / time
    completion = progress if progress is not None else None
    if completion is None and goal.kind is Kind.AT_LEAST:
        completion = ratio
    lag = time - progress if time is not None and progress is not None else None

    status = _status(goal, as_of, outcome, actual, target, pace, lag, thresholds)
    # stale: past the deadline, judged on an earlier figure, with no settled verdict
    if (
        outcome is not None
        and as_of > goal.deadline
        and outcome.as_of < goal.deadline
        and status not in _SETTLED
    ):
        flags.append(Flag.STALE)
    if outcome is not None and status is Status.ACHIEVED and outcome.as_of < goal.deadline:
        flags.append(Flag.EARLY)
    if outcome is not None and outcome.as_of > goal.deadline:
        flags.append(Flag.LATE)
    has_band = target.judged is not None and not target.implied
    return Evaluation(
        goal=goal,
        as_of=as_of,
        outcome=outcome,
        actual=actual,
        target=judged if has_band else None,
        target_low=target.band[0] if has_band else None,
        target_high=target.band[1] if has_band else None,
        implied=target.implied,
        target_ref=target.ref,
        ratio=ratio,
        progress=progress,
        elapsed=time,
        pace=pace,
        completion=completion,
        lag=lag,
        gap=gap,
        stated_rate=stated_rate,
        stated_gap=stated_gap,
        rate_check=check,
        status=status,
        flags=tuple(flags),
    )


def _status(
    goal: Goal,
    as_of: date,
    outcome: Outcome | None,
    actual: Interval | None,
    target: JudgedTarget,
    pace: Fraction | None,
    lag: Fraction | None,
    thresholds: Thresholds,
) -> Status:
    """The first matching rung of the ladder (SPEC §2.1)."""
    milestone = goal.kind is Kind.MILESTONE
    if not milestone and target.judged is None:
        return Status.NO_TARGET
    overdue = (as_of - goal.deadline).days > thresholds.grace_days  # no date overflow
    if outcome is None or (not milestone and actual is None):
        return Status.OVERDUE if overdue else Status.NO_DATA
    if milestone:
        satisfies, fails = outcome.done is True, outcome.done is not True
    else:
        assert actual is not None  # noqa: S101  # checked above
        strict = goal.target is not None and goal.target.strict
        satisfies, fails = _verdict(goal, actual, target.band, strict)
    final = outcome.as_of >= goal.deadline
    # Cumulative totals only grow: an at_least flow that reached its target cannot fall back,
    # and an at_most flow over its cap cannot come back under it.
    growing = goal.measure is Measure.FLOW
    if satisfies and (final or milestone or (growing and goal.kind is Kind.AT_LEAST)):
        return Status.ACHIEVED
    if fails and (final or (growing and goal.kind is Kind.AT_MOST)):
        return Status.MISSED
    if overdue and not final:
        return Status.OVERDUE
    if not satisfies and not fails:
        return Status.UNCLEAR
    if thresholds.lag_bands is not None and lag is not None:
        green, yellow = thresholds.lag_bands
        if lag <= green:
            return Status.ON_TRACK
        return Status.AT_RISK if lag <= yellow else Status.BEHIND
    if pace is None:  # a level, growth or ceiling before its deadline: is it met now?
        return Status.ON_TRACK if satisfies else Status.AT_RISK
    if pace >= thresholds.on_track:
        return Status.ON_TRACK
    if pace >= thresholds.at_risk:
        return Status.AT_RISK
    return Status.BEHIND
