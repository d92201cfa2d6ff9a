"""The arithmetic of SPEC §2: ratio, progress, elapsed, pace, gap, implied target, rate
check, status and flags — each formula exactly once, on exact ``Fraction`` values.

Pure: takes model objects, returns frozen dataclasses; never reads files or prints.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from tracker.model import Goal, Kind, Measure, Outcome
from tracker.parse.quantity import Qualifier, Quantity

ZERO = Fraction(0)
ONE = Fraction(1)
_NO_BAND = (ZERO, ZERO)  # the band of a goal with no target (never compared)


class Status(enum.Enum):
    """The status ladder of SPEC §2.1, in ladder order."""

    NO_TARGET = "no_target"
    NO_DATA = "no_data"
    ACHIEVED = "achieved"
    MISSED = "missed"
    UNCLEAR = "unclear"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BEHIND = "behind"


class Flag(enum.Enum):
    IMPLIED_TARGET = "implied_target"
    APPROXIMATE = "approximate"
    STALE = "stale"
    RATE_INCONSISTENT = "rate_inconsistent"
    EARLY = "early"


class RateCheck(enum.Enum):
    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Pace bands (Eurostat's defaults): on track at ≥ 0.95, at risk at ≥ 0.60, else behind."""

    on_track: Fraction = Fraction(95, 100)
    at_risk: Fraction = Fraction(60, 100)


@dataclass(frozen=True, slots=True)
class Interval:
    """Where a reported figure lies; ``None`` bounds are unbounded."""

    nominal: Fraction
    low: Fraction | None
    high: Fraction | None
    low_open: bool = False
    high_open: bool = False

    @classmethod
    def exact(cls, value: Fraction) -> Interval:
        return cls(value, value, value)

    @classmethod
    def of(cls, q: Quantity) -> Interval:
        return cls(q.nominal, q.low, q.high, q.low_open, q.high_open)

    def meets(self, other: Interval) -> bool:
        """True when the two closed intervals share a point (open ends treated as closed)."""
        below = self.high is not None and other.low is not None and self.high < other.low
        above = self.low is not None and other.high is not None and self.low > other.high
        return not (below or above)


@dataclass(frozen=True, slots=True)
class ImpliedTarget:
    low: Fraction | None
    high: Fraction | None
    nominal: Fraction


@dataclass(frozen=True, slots=True)
class Evaluation:
    """One goal evaluated at one date: every derived figure, the status and its flags."""

    goal: Goal
    as_of: date
    outcome: Outcome | None
    actual: Interval | None
    target: Fraction | None  # the stated target's nominal value (band midpoint)
    implied: ImpliedTarget | None
    ratio: Fraction | None
    progress: Fraction | None
    elapsed: Fraction | None
    pace: Fraction | None
    gap: Fraction | None
    stated_rate: Fraction | None  # as a fraction: 104.19 % → 1.0419
    rate_check: RateCheck | None
    status: Status
    flags: tuple[Flag, ...]

    @property
    def effective_target(self) -> Fraction | None:
        """The target status is judged against: stated, else the implied nominal."""
        if self.target is not None:
            return self.target
        return self.implied.nominal if self.implied else None


def latest_outcome(goal: Goal, as_of: date) -> Outcome | None:
    """The latest outcome dated at or before ``as_of`` (outcomes are sorted by date)."""
    found = None
    for outcome in goal.outcomes:
        if outcome.as_of > as_of:
            break
        found = outcome
    return found


def figure(goal: Goal, outcome: Outcome) -> Interval | None:
    """The outcome's figure: numerator/denominator's exact ratio if given, else its value."""
    if outcome.numerator is not None and outcome.denominator:
        ratio = outcome.numerator / outcome.denominator
        return Interval.exact(ratio * 100 if goal.unit == "%" else ratio)
    if outcome.value is not None:
        return Interval.of(outcome.value)
    return None


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


def implied_target(goal: Goal, as_of: date) -> tuple[ImpliedTarget, Outcome] | None:
    """T ∈ [A_lo / r_hi, A_hi / r_lo] from the latest outcome with a stated rate."""
    for outcome in reversed(goal.outcomes):
        if outcome.as_of > as_of or outcome.stated_rate is None:
            continue
        actual = figure(goal, outcome)
        rate = outcome.stated_rate
        if actual is None or rate.nominal <= 0:
            continue
        low = actual.low * 100 / rate.high if actual.low is not None and rate.high else None
        high = actual.high * 100 / rate.low if actual.high is not None and rate.low else None
        return ImpliedTarget(low, high, actual.nominal * 100 / rate.nominal), outcome
    return None


def computed_rate(goal: Goal, outcome: Outcome, target: Fraction | None) -> Interval | None:
    """The completion rate the figures give, in percent: [A_lo / T, A_hi / T] × 100.

    What a stated rate is checked against; ``None`` without a positive target or a figure.
    """
    return _rate_of(figure(goal, outcome), target)


def _rate_of(actual: Interval | None, target: Fraction | None) -> Interval | None:
    """:func:`computed_rate` of an outcome whose figure is ``actual``."""
    if target is None or target <= 0 or actual is None:
        return None
    return Interval(
        actual.nominal * 100 / target,
        actual.low * 100 / target if actual.low is not None else None,
        actual.high * 100 / target if actual.high is not None else None,
    )


def rate_check(goal: Goal, outcome: Outcome, target: Fraction | None) -> RateCheck | None:
    """Does the report's own arithmetic hold? (stated rate vs target; numerator/denominator
    vs the printed value). ``None`` when there is nothing to check."""
    return _check(outcome, figure(goal, outcome), target)


def _check(outcome: Outcome, actual: Interval | None, target: Fraction | None) -> RateCheck | None:
    """:func:`rate_check` of an outcome whose figure is ``actual``."""
    consistent: bool | None = None
    # the completion rate only when there is a stated rate to check it against
    if outcome.stated_rate is not None:
        computed = _rate_of(actual, target)
        if computed is not None:
            consistent = computed.meets(Interval.of(outcome.stated_rate))
    if outcome.numerator is not None and outcome.value is not None and actual is not None:
        matches = Interval.exact(actual.nominal).meets(Interval.of(outcome.value))
        consistent = matches if consistent is None else consistent and matches
    if consistent is None:
        return None
    return RateCheck.CONSISTENT if consistent else RateCheck.INCONSISTENT


def _verdict(
    goal: Goal,
    actual: Interval,
    target: Fraction,
    band: tuple[Fraction, Fraction],
    strict: bool = False,
) -> tuple[bool, bool]:
    """(whole interval satisfies, whole interval fails) for at_least / at_most / range.

    ``strict``: the target excludes its own value (超N, N余: more than N; 不到N: less than N).
    """
    lo, hi = actual.low, actual.high
    low_edge, high_edge = band
    if goal.kind is Kind.AT_LEAST:
        if strict:  # every x > T
            satisfies = lo is not None and (lo > target or (lo == target and actual.low_open))
            fails = hi is not None and hi <= target
        else:  # every x >= T
            satisfies = lo is not None and lo >= target
            fails = hi is not None and (hi < target or (hi == target and actual.high_open))
    elif goal.kind is Kind.AT_MOST:
        if strict:  # every x < T
            satisfies = hi is not None and (hi < target or (hi == target and actual.high_open))
            fails = lo is not None and lo >= target
        else:  # every x <= T
            satisfies = hi is not None and hi <= target
            fails = lo is not None and (lo > target or (lo == target and actual.low_open))
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


def _progress(
    goal: Goal, actual: Fraction, target: Fraction, ratio: Fraction | None
) -> Fraction | None:
    """(A − B) / (T − B) with a baseline; A / T for flow goals; else none. ``ratio``: A / T
    if already computed.

    A ceiling without a baseline (at_most, flow) has no meaningful progress: spending less of
    a cap is not "behind" (docs/arithmetic.md).
    """
    base = progress_base(goal, target)
    if base is None or target == base:
        return None
    if not base:  # (A − 0) / (T − 0) is the ratio: no need to compute it again
        return ratio if ratio is not None else actual / target
    return (actual - base) / (target - base)


def progress_base(goal: Goal, target: Fraction) -> Fraction | None:
    """Where progress starts: the baseline; zero for flow goals (not ceilings); else none."""
    if goal.baseline is not None:
        return goal.baseline.value.nominal
    # target.numerator > 0: the sign test without Fraction's comparison machinery (hot path)
    if goal.measure is Measure.FLOW and goal.kind is not Kind.AT_MOST and target.numerator > 0:
        return ZERO
    return None


def on_pace(goal: Goal, target: Fraction, when: date) -> Fraction | None:
    """The figure a goal exactly on pace (pace 1) would show at ``when``: B + (T − B) × elapsed.

    The time-elapsed line of the history charts; ``None`` where pace does not apply.
    """
    base = progress_base(goal, target)
    if base is None or target == base:
        return None
    return base + (target - base) * elapsed(goal, when)


def evaluate(goal: Goal, as_of: date, thresholds: Thresholds = Thresholds()) -> Evaluation:
    """Evaluate ``goal`` at ``as_of`` from the latest outcome dated at or before it."""
    outcome = latest_outcome(goal, as_of)
    flags: list[Flag] = []

    stated = goal.target
    target = judged = None
    band = _NO_BAND
    implied: ImpliedTarget | None = None
    if stated is not None:
        target = judged = stated.nominal
        band = (stated.low, stated.high)
    elif goal.kind is not Kind.MILESTONE:
        found = implied_target(goal, as_of)
        if found:
            implied = found[0]
            judged = implied.nominal
            band = (judged, judged)
            flags.append(Flag.IMPLIED_TARGET)

    if (stated is not None and stated.approximate) or (
        outcome is not None
        and outcome.value is not None
        and outcome.value.qualifier is Qualifier.ABOUT
    ):
        flags.append(Flag.APPROXIMATE)

    actual = ratio = progress = time = pace = gap = stated_rate = None
    check = None
    if outcome is not None:
        actual = figure(goal, outcome)
        time = elapsed(goal, outcome.as_of)
        check = _check(outcome, actual, target)
        if check is RateCheck.INCONSISTENT:
            flags.append(Flag.RATE_INCONSISTENT)
        if as_of > goal.deadline and outcome.as_of < goal.deadline:
            flags.append(Flag.STALE)
        if outcome.stated_rate is not None:
            stated_rate = outcome.stated_rate.nominal / 100
    if actual is not None and judged is not None:
        ratio = actual.nominal / judged if judged.numerator > 0 else None
        progress = _progress(goal, actual.nominal, judged, ratio)
        gap = _gap(goal, actual.nominal, judged, band)
        if progress is not None and time:
            pace = progress / time

    status = _status(goal, as_of, outcome, actual, judged, band, pace, thresholds)
    if status is Status.ACHIEVED and outcome is not None and outcome.as_of < goal.deadline:
        flags.append(Flag.EARLY)
    return Evaluation(
        goal=goal,
        as_of=as_of,
        outcome=outcome,
        actual=actual,
        target=target,
        implied=implied,
        ratio=ratio,
        progress=progress,
        elapsed=time,
        pace=pace,
        gap=gap,
        stated_rate=stated_rate,
        rate_check=check,
        status=status,
        flags=tuple(flags),
    )


def _status(
    goal: Goal,
    as_of: date,
    outcome: Outcome | None,
    actual: Interval | None,
    target: Fraction | None,
    band: tuple[Fraction, Fraction],
    pace: Fraction | None,
    thresholds: Thresholds,
) -> Status:
    """The first matching rung of the ladder (SPEC §2.1)."""
    milestone = goal.kind is Kind.MILESTONE
    if not milestone and target is None:
        return Status.NO_TARGET
    if outcome is None:
        return Status.NO_DATA
    if milestone:
        satisfies, fails = bool(outcome.done), not outcome.done
    elif actual is None or target is None:
        return Status.NO_DATA
    else:
        strict = goal.target is not None and goal.target.strict
        satisfies, fails = _verdict(goal, actual, target, band, strict)
    final = outcome.as_of >= goal.deadline
    # A ceiling on a cumulative flow is only met once the period is over (the total can still
    # grow), and once broken it cannot be mended (the total cannot fall): docs/arithmetic.md.
    capped_flow = goal.kind is Kind.AT_MOST and goal.measure is Measure.FLOW
    if satisfies and capped_flow and not final:
        return Status.ON_TRACK  # the ladder's "no pace: currently satisfied before the deadline"
    if satisfies:
        return Status.ACHIEVED
    if fails and (final or capped_flow or (milestone and as_of > goal.deadline)):
        return Status.MISSED
    if not fails:
        return Status.UNCLEAR
    if pace is None:
        return Status.AT_RISK  # not yet satisfied, before the deadline
    if pace >= thresholds.on_track:
        return Status.ON_TRACK
    if pace >= thresholds.at_risk:
        return Status.AT_RISK
    return Status.BEHIND
