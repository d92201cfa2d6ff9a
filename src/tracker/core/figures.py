"""Which figure a goal reports and which target it is judged against (SPEC §1.4, §2): the
outcome at a date, the interval a figure stands for, and the stated, relative or implied target.

Pure: takes model objects, returns frozen dataclasses; :mod:`tracker.core.compute` judges them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from tracker.model import Goal, Kind, Outcome
from tracker.parse.quantity import Quantity

ZERO = Fraction(0)
ONE = Fraction(1)
HUNDRED = Fraction(100)


@dataclass(frozen=True, slots=True)
class Interval:
    """Where a figure lies; ``None`` bounds are unbounded."""

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

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both (``other``'s nominal): two figures for one date."""
        low = None if self.low is None or other.low is None else min(self.low, other.low)
        high = None if self.high is None or other.high is None else max(self.high, other.high)
        return Interval(other.nominal, low, high)


@dataclass(frozen=True, slots=True)
class ImpliedTarget:
    low: Fraction | None
    high: Fraction | None
    nominal: Fraction


@dataclass(frozen=True, slots=True)
class TargetRef:
    """A relative target resolved at the evaluation date: the referenced goal and its figure
    (``None`` while that goal has no figure yet)."""

    goal: str
    value: Interval | None
    deadline: date | None = None  # the referenced goal's (None when it is unknown)


@dataclass(frozen=True, slots=True)
class JudgedTarget:
    """What the goal is judged against, however it was given."""

    judged: Fraction | None = None  # the nominal value status and ratio use
    band: tuple[Fraction, Fraction] = (ZERO, ZERO)
    stated: bool = False  # stated or relative: checked against stated rates and gaps
    implied: ImpliedTarget | None = None
    ref: TargetRef | None = None


NO_TARGET = JudgedTarget()


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


def judged_figure(goal: Goal, outcome: Outcome) -> Interval | None:
    """The figure of ``outcome``, widened to hold every other figure the goal reports for the
    same date: two different figures for one day are both possible until the data says which
    (``tracker check`` warns, W210), so neither decides the status alone."""
    found = figure(goal, outcome)
    for other in goal.outcomes:
        if other.as_of != outcome.as_of or other is outcome:
            continue
        alternative = figure(goal, other)
        if found is not None and alternative is not None and alternative != found:
            found = alternative.hull(found)
    return found


def _divide(top: Fraction | None, bottom: Fraction | None) -> Fraction | None:
    return None if top is None or not bottom else top / bottom


def _from_rate(actual: Interval, rate: Quantity) -> ImpliedTarget | None:
    """T ∈ [A_lo / r_hi, A_hi / r_lo], nominal A / r (SPEC §2)."""
    if rate.nominal <= 0:
        return None
    return ImpliedTarget(
        _divide(actual.low * 100 if actual.low is not None else None, rate.high),
        _divide(actual.high * 100 if actual.high is not None else None, rate.low),
        actual.nominal * 100 / rate.nominal,
    )


def _from_gap(goal: Goal, actual: Interval, gap: Quantity) -> ImpliedTarget | None:
    """T = A + g (at least) or A − g (at most), as an interval from A's and g's."""

    def add(a: Fraction | None, g: Fraction | None, sign: int) -> Fraction | None:
        return None if a is None or g is None else a + sign * g

    if goal.kind is Kind.AT_LEAST:
        return ImpliedTarget(
            add(actual.low, gap.low, 1), add(actual.high, gap.high, 1), actual.nominal + gap.nominal
        )
    if goal.kind is Kind.AT_MOST:
        return ImpliedTarget(
            add(actual.low, gap.high, -1),
            add(actual.high, gap.low, -1),
            actual.nominal - gap.nominal,
        )
    return None


def implied_target(goal: Goal, as_of: date) -> ImpliedTarget | None:
    """The target the latest outcome (≤ ``as_of``) with a stated rate or gap implies; a stated
    rate is preferred when one outcome states both."""
    for outcome in reversed(goal.outcomes):
        if outcome.as_of > as_of or (outcome.stated_rate is None and outcome.stated_gap is None):
            continue
        actual = figure(goal, outcome)
        if actual is None:
            continue
        found = None
        if outcome.stated_rate is not None:
            found = _from_rate(actual, outcome.stated_rate)
        if found is None and outcome.stated_gap is not None:
            found = _from_gap(goal, actual, outcome.stated_gap)
        if found is not None:
            return found
    return None


def resolve_ref(goal: Goal, as_of: date, goals: Mapping[str, Goal]) -> TargetRef | None:
    """A relative target's referenced figure: the referenced goal's latest outcome dated at or
    before the earlier of this goal's deadline and ``as_of`` (SPEC §1.4)."""
    ref = goal.target_ref
    if ref is None:
        return None
    other = goals.get(ref.goal)
    if other is None:
        return TargetRef(ref.goal, None)
    outcome = latest_outcome(other, min(goal.deadline, as_of))
    value = None if outcome is None else figure(other, outcome)
    return TargetRef(ref.goal, value, other.deadline)


def _relative_band(goal: Goal, value: Interval) -> tuple[Fraction, Fraction, Fraction] | None:
    """(nominal, low, high) of R × (1 + change) + plus; ``None`` when R is unbounded."""
    ref = goal.target_ref
    assert ref is not None  # noqa: S101  # only called for goals with a relative target
    if value.low is None or value.high is None:
        return None
    scale = ONE + (ref.change or ZERO) / HUNDRED
    plus = ref.plus or ZERO
    return (value.nominal * scale + plus, value.low * scale + plus, value.high * scale + plus)


def judged_target(goal: Goal, as_of: date, goals: Mapping[str, Goal]) -> JudgedTarget:
    stated = goal.target
    if stated is not None:
        return JudgedTarget(stated.nominal, (stated.low, stated.high), stated=True)
    if goal.target_ref is not None:
        ref = resolve_ref(goal, as_of, goals)
        band = None if ref is None or ref.value is None else _relative_band(goal, ref.value)
        if band is None:
            return JudgedTarget(ref=ref)
        return JudgedTarget(band[0], (band[1], band[2]), stated=True, ref=ref)
    if goal.kind is Kind.MILESTONE:
        return NO_TARGET
    implied = implied_target(goal, as_of)
    if implied is None:
        return NO_TARGET
    # status uses the implied nominal value (SPEC §2)
    return JudgedTarget(implied.nominal, (implied.nominal, implied.nominal), implied=implied)
