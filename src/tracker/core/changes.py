"""What changed in the data between two versions (`tracker diff`).

Goals added and removed; goals redefined (the target — a moved goalpost —, kind, period,
unit …); outcomes added, removed and restated (same goal and date, a different figure); and
goals whose status at the evaluation date changed.

Pure: takes two loaded datasets, returns a :class:`DataDiff`; never reads files or prints.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from tracker.core.compute import Evaluation, Status, Thresholds, evaluate
from tracker.core.status import SEVERITY
from tracker.model import Dataset, Goal, Outcome
from tracker.parse.quantity import Quantity

# What defines a goal, in the order changes are listed. Editorial fields (quote, note,
# tags, category, owner, source) are left out: they do not move what the goal asks for.
GOAL_FIELDS = (
    "target",
    "kind",
    "period",
    "unit",
    "measure",
    "baseline",
    "tolerance",
    "title",
    "region",
)


def _quantity_key(q: Quantity | None) -> Hashable:
    return None if q is None else (q.nominal, q.low, q.high, q.low_open, q.high_open)


# Each field compared on its meaning, not its wording: "85%" and "85%以上" in an at_least
# goal are the same target.
_FIELD_KEYS: dict[str, Callable[[Goal], Hashable]] = {
    "target": lambda g: (
        (g.target.low, g.target.high, g.target.approximate)
        if g.target is not None
        else None
        if g.target_ref is None
        else (g.target_ref.goal, g.target_ref.change, g.target_ref.plus)
    ),
    "kind": lambda g: g.kind,
    "period": lambda g: (g.start, g.deadline),
    "unit": lambda g: g.unit,
    "measure": lambda g: g.measure,
    "baseline": lambda g: (
        None if g.baseline is None else (_quantity_key(g.baseline.value), g.baseline.as_of)
    ),
    "tolerance": lambda g: g.tolerance,
    "title": lambda g: g.title,
    "region": lambda g: g.region,
}


@dataclass(frozen=True, slots=True)
class TargetMove:
    """How far a goalpost moved: ``amount`` new − old in the goal's unit (percentage points
    for % goals), ``share`` the amount as a fraction of the old target (None when it was 0).
    Raised and lowered are numbers, not verdicts: a lower ceiling (at_most) is stricter."""

    amount: Fraction
    share: Fraction | None

    @property
    def direction(self) -> str:
        """``raised``, ``lowered`` or ``same`` (the wording changed, not the number)."""
        return "raised" if self.amount > 0 else "lowered" if self.amount < 0 else "same"


def target_move(old: Goal, new: Goal) -> TargetMove | None:
    """The move of a single-valued stated target, in the same unit; None for bands, relative
    targets, a target added or dropped, or a change of unit."""
    before, after = old.target, new.target
    if before is None or after is None or old.unit != new.unit:
        return None
    if before.low != before.high or after.low != after.high:
        return None
    amount = after.nominal - before.nominal
    share = amount / before.nominal if before.nominal else None
    return TargetMove(amount, share)


@dataclass(frozen=True, slots=True)
class GoalChange:
    """A goal present in both versions whose definition changed."""

    old: Goal
    new: Goal
    fields: tuple[str, ...]  # in GOAL_FIELDS order

    @property
    def goalpost_moved(self) -> bool:
        return "target" in self.fields

    @property
    def target_move(self) -> TargetMove | None:
        return target_move(self.old, self.new) if self.goalpost_moved else None


@dataclass(frozen=True, slots=True)
class OutcomeChange:
    """An outcome added (``old`` is None), removed (``new`` is None) or restated (both)."""

    goal: Goal
    old: Outcome | None
    new: Outcome | None

    @property
    def as_of(self) -> date:
        outcome = self.new or self.old
        assert outcome is not None  # noqa: S101  # one of them always is
        return outcome.as_of


# For `--fail-on worse`: the triage order (worst first), without the statuses that say nothing
# of progress (unclear, no data, no target): a change to or from them is not worse.
_UNRANKED = (Status.UNCLEAR, Status.NO_DATA, Status.NO_TARGET)
_RANK = {status: rank for rank, status in enumerate(s for s in SEVERITY if s not in _UNRANKED)}


@dataclass(frozen=True, slots=True)
class StatusChange:
    old: Evaluation
    new: Evaluation

    @property
    def worse(self) -> bool:
        before, after = _RANK.get(self.old.status), _RANK.get(self.new.status)
        return before is not None and after is not None and after < before  # worst first


class FailOn(enum.Enum):
    """What `tracker diff --fail-on` can fail a CI job on."""

    GOALPOST = "goalpost"  # a target changed
    RESTATED = "restated"  # an earlier figure changed
    WORSE = "worse"  # a goal's status got worse


@dataclass(frozen=True, slots=True)
class DataDiff:
    as_of: date
    added: tuple[Evaluation, ...]
    removed: tuple[Goal, ...]
    changed: tuple[GoalChange, ...]
    outcomes_added: tuple[OutcomeChange, ...]
    outcomes_removed: tuple[OutcomeChange, ...]
    outcomes_restated: tuple[OutcomeChange, ...]
    status_changed: tuple[StatusChange, ...]
    # every goal's deadline (the new version's where both have it): a relative target names
    # last year's goal as 上年 (render.display.relative_words)
    deadlines: Mapping[str, date] = field(default_factory=dict)

    @property
    def goalposts_moved(self) -> tuple[GoalChange, ...]:
        return tuple(c for c in self.changed if c.goalpost_moved)

    @property
    def worsened(self) -> tuple[StatusChange, ...]:
        return tuple(s for s in self.status_changed if s.worse)

    def failures(self, wanted: Iterable[FailOn]) -> dict[FailOn, int]:
        """For each of ``wanted`` that occurs, how many times (``--fail-on``)."""
        counts = {
            FailOn.GOALPOST: len(self.goalposts_moved),
            FailOn.RESTATED: len(self.outcomes_restated),
            FailOn.WORSE: len(self.worsened),
        }
        return {kind: counts[kind] for kind in wanted if counts[kind]}

    @property
    def empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.changed
            or self.outcomes_added
            or self.outcomes_removed
            or self.outcomes_restated
            or self.status_changed
        )


def _place(goal: Goal) -> tuple[str, int]:
    return goal.file, goal.line or 0


def changed_fields(old: Goal, new: Goal) -> tuple[str, ...]:
    return tuple(f for f in GOAL_FIELDS if _FIELD_KEYS[f](old) != _FIELD_KEYS[f](new))


def _figure_key(outcome: Outcome) -> Hashable:
    """What an outcome reports (not its quote, note or source)."""
    return (
        _quantity_key(outcome.value),
        outcome.numerator,
        outcome.denominator,
        outcome.done,
        _quantity_key(outcome.stated_rate),
    )


def outcome_changes(old: Goal, new: Goal) -> Iterable[OutcomeChange]:
    """Outcomes matched by date: identical figures pair off, the rest are restated in order,
    and what is left over was added or removed."""
    before: dict[date, list[Outcome]] = defaultdict(list)
    after: dict[date, list[Outcome]] = defaultdict(list)
    for outcome in old.outcomes:
        before[outcome.as_of].append(outcome)
    for outcome in new.outcomes:
        after[outcome.as_of].append(outcome)
    for day in sorted(before.keys() | after.keys()):
        olds, news = before[day], after[day]
        for outcome in list(olds):
            same = next((n for n in news if _figure_key(n) == _figure_key(outcome)), None)
            if same is not None:
                olds.remove(outcome)
                news.remove(same)
        for was, now in zip(olds, news, strict=False):
            yield OutcomeChange(new, was, now)
        for was in olds[len(news) :]:
            yield OutcomeChange(old, was, None)
        for now in news[len(olds) :]:
            yield OutcomeChange(new, None, now)


def diff_datasets(
    old: Dataset, new: Dataset, as_of: date, thresholds: Thresholds = Thresholds()
) -> DataDiff:
    """Everything that changed from ``old`` to ``new``; statuses evaluated at ``as_of``."""
    before = {g.id: g for g in old.goals}
    after = {g.id: g for g in new.goals}
    added = [evaluate(g, as_of, thresholds, after) for g in new.goals if g.id not in before]
    removed = sorted((g for g in old.goals if g.id not in after), key=_place)
    changed: list[GoalChange] = []
    outcomes: list[OutcomeChange] = []
    statuses: list[StatusChange] = []
    for goal in sorted((g for g in new.goals if g.id in before), key=_place):
        was = before[goal.id]
        fields = changed_fields(was, goal)
        if fields:
            changed.append(GoalChange(was, goal, fields))
        outcomes.extend(outcome_changes(was, goal))
        then = evaluate(was, as_of, thresholds, before)
        now = evaluate(goal, as_of, thresholds, after)
        if then.status is not now.status:
            statuses.append(StatusChange(then, now))
    return DataDiff(
        as_of=as_of,
        added=tuple(sorted(added, key=lambda e: _place(e.goal))),
        removed=tuple(removed),
        changed=tuple(changed),
        outcomes_added=tuple(c for c in outcomes if c.old is None),
        outcomes_removed=tuple(c for c in outcomes if c.new is None),
        outcomes_restated=tuple(c for c in outcomes if c.old is not None and c.new is not None),
        status_changed=tuple(statuses),
        deadlines={g.id: g.deadline for g in (*old.goals, *new.goals)},
    )
