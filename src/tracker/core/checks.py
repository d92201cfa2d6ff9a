"""The checks of `tracker check` that need the loaded, evaluated dataset (SPEC §1.4, §2).

The loader already reports what one table can show (syntax, keys, types, quantities, dates,
references). This module adds what needs the goal as a whole: outcomes dated before the goal
starts, cumulative flows that fall, the report's own arithmetic (rate check), and goals
without a source or a quote. It also applies ``acknowledge = [...]``: a warning recorded on
purpose is set aside as acknowledged, and an acknowledgement that matches nothing is itself
reported, so that a fixed figure does not leave a stale exemption behind.

Pure: takes a :class:`Dataset`, returns problems; never reads files or prints.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

import msgspec

from tracker import problems as codes
from tracker.core import rounding
from tracker.core.compute import RateCheck, computed_gap, computed_rate, rate_check
from tracker.core.figures import Interval, figure
from tracker.core.regions import normalise
from tracker.messages import Localized, localized, message
from tracker.model import Dataset, Goal, Kind, Measure, Outcome, Region
from tracker.problems import Problem, Severity


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What `tracker check` found: the problems to report and those acknowledged in the data."""

    files: tuple[str, ...]
    problems: tuple[Problem, ...]
    acknowledged: tuple[Problem, ...]
    strict: bool = False

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)

    @property
    def promoted(self) -> int:
        """Warnings reported as errors because of --strict."""
        return sum(p.severity is Severity.ERROR and p.code.startswith("W") for p in self.problems)


def build_report(
    dataset: Dataset, files: Iterable[str], *, today: date | None = None, strict: bool = False
) -> CheckReport:
    """The loader's problems and this module's, sorted by file and line; with ``strict``,
    warnings become errors. ``today``: outcomes dated after it are reported (W211)."""
    reported, acknowledged = check_dataset(dataset, today)
    problems = sort_problems([*dataset.problems, *reported])
    if strict:
        problems = [
            msgspec.structs.replace(p, severity=Severity.ERROR)
            if p.severity is Severity.WARNING
            else p
            for p in problems
        ]
    return CheckReport(tuple(files), tuple(problems), tuple(sort_problems(acknowledged)), strict)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0, p.code))


def check_dataset(
    dataset: Dataset, today: date | None = None
) -> tuple[list[Problem], list[Problem]]:
    """Every goal's findings, split into (reported, acknowledged), and the regions'."""
    reported, acknowledged = check_goals(dataset.goals, today)
    return [*reported, *check_region_names(dataset.regions.values())], acknowledged


def check_region_names(regions: Collection[Region]) -> Iterator[Problem]:
    """Names and aliases that ``--region`` (SPEC §3) cannot tell apart: two regions whose
    names are the same once normalised (临河 and 臨河: E137), and an alias that is another
    region's name (W207: the name wins, so the alias never selects its own region)."""

    named: dict[str, Region] = {}
    for region in regions:
        key = normalise(region.name)
        first = named.setdefault(key, region)
        if first is not region:
            said = {"name": region.name, "first": first.name, "where": f"{first.file}:{first.line}"}
            yield codes.problem_of(
                codes.REGION_NAMES_COLLIDE, region.file, region.line, None, "problem.E137", said
            )
    for region in regions:
        for alias in region.aliases:
            other = named.get(normalise(alias))
            if other is not None and other.name != region.name:
                said = {
                    "alias": alias,
                    "name": region.name,
                    "other": other.name,
                    "where": f"{other.file}:{other.line}",
                }
                yield codes.problem_of(
                    codes.ALIAS_IS_A_NAME, region.file, region.line, None, "problem.W207", said
                )


def check_goals(
    goals: Iterable[Goal], today: date | None = None
) -> tuple[list[Problem], list[Problem]]:
    """These goals' findings, split into (reported, acknowledged). Each goal is checked on
    its own, so checking some goals of a dataset reports what checking all of it reports
    for them (``tracker record`` checks the goal it writes to). ``today``: outcomes dated
    after it are reported (W211); ``None`` skips that check."""
    reported: list[Problem] = []
    acknowledged: list[Problem] = []
    for goal in goals:
        used: set[tuple[int | None, str]] = set()  # (outcome index, or None for the goal; code)
        for problem, index in _goal_findings(goal, today):
            code = problem.code
            if index is not None and code in goal.outcomes[index].acknowledge:
                used.add((index, code))
            elif code in goal.acknowledge:  # a goal's acknowledgement covers its outcomes
                used.add((None, code))
            else:
                reported.append(problem)
                continue
            acknowledged.append(problem)
        reported.extend(_unused(goal, used))
    return reported, acknowledged


def _unused(goal: Goal, used: set[tuple[int | None, str]]) -> Iterator[Problem]:
    scopes: list[tuple[int | None, int | None, tuple[str, ...]]] = [
        (None, goal.line, goal.acknowledge),
        *((i, o.line, o.acknowledge) for i, o in enumerate(goal.outcomes)),
    ]
    for index, line, listed in scopes:
        for code in listed:
            if (index, code) in used:
                continue
            said: dict[str, object] = {"code": code}
            if index is not None and code in _GOAL_LEVEL:
                key = "problem.W206.goal_level"
            else:
                key = "problem.W206" if index is None else "problem.W206.outcome"
                said["what"] = localized(f"finding.{code}")
            yield codes.problem_of(codes.UNUSED_ACKNOWLEDGE, goal.file, line, goal.id, key, said)


_GOAL_LEVEL = frozenset((codes.NO_SOURCE, codes.NO_QUOTE))


# How an outcome's check records a finding: found(code, message).
_Found = Callable[..., Problem]  # found(code, **params): the code's catalogue message


# --- the checks -------------------------------------------------------------------------------


def _goal_findings(goal: Goal, today: date | None) -> Iterator[tuple[Problem, int | None]]:
    """(problem, index of the outcome it is about or None for the goal itself)."""
    yield from _sourcing(goal)
    previous: tuple[Outcome, Interval] | None = None
    for index, outcome in enumerate(goal.outcomes):
        for problem in _outcome_findings(goal, outcome, previous):
            yield problem, index
        for problem in _dating(goal, index, today):
            yield problem, index
        actual = figure(goal, outcome)
        if actual is not None:
            previous = (outcome, actual)


def _outcome_findings(
    goal: Goal, outcome: Outcome, previous: tuple[Outcome, Interval] | None
) -> Iterator[Problem]:
    def found(code: str, **params: object) -> Problem:
        return codes.problem_of(code, goal.file, outcome.line, goal.id, f"problem.{code}", params)

    if outcome.as_of < goal.start:
        yield found(codes.OUTCOME_BEFORE_START, as_of=outcome.as_of, start=goal.start)
    actual = figure(goal, outcome)
    if (
        goal.measure is Measure.FLOW
        and previous is not None
        and actual is not None
        and _below(actual, previous[1])
    ):
        before = previous[0]
        yield found(
            codes.FLOW_DECREASES,
            figure=_figure_text(goal, outcome),
            as_of=outcome.as_of,
            before=_figure_text(goal, before),
            before_as_of=before.as_of,
            start=goal.start,
        )
    if outcome.stated_rate is not None and goal.target is not None:
        yield from _stated_rate(goal, outcome, found)
    if outcome.stated_gap is not None and goal.target is not None:
        yield from _stated_gap(goal, outcome, found)
    if outcome.numerator is not None and outcome.value is not None:
        yield from _ratio(goal, outcome, found)


def _dating(goal: Goal, index: int, today: date | None) -> Iterator[Problem]:
    """W210: a second outcome on the same date; W211: an outcome dated after today. Neither
    decides a status silently (docs/arithmetic.md): the judged figure of a shared date holds
    both, and an outcome counts only from its date on."""
    outcome = goal.outcomes[index]
    earlier = goal.outcomes[index - 1] if index else None
    if earlier is not None and earlier.as_of == outcome.as_of:
        yield codes.problem_of(
            codes.SAME_DATE,
            goal.file,
            outcome.line,
            goal.id,
            "problem.W210",
            {"as_of": outcome.as_of, "first": earlier.line, "second": outcome.line},
        )
    if today is not None and outcome.as_of > today:
        yield codes.problem_of(
            codes.FUTURE_OUTCOME,
            goal.file,
            outcome.line,
            goal.id,
            "problem.W211",
            {"as_of": outcome.as_of, "today": today},
        )


def _below(later: Interval, earlier: Interval) -> bool:
    """True when the whole later interval lies below the whole earlier one."""
    return later.high is not None and earlier.low is not None and later.high < earlier.low


def _stated_rate(goal: Goal, outcome: Outcome, found: _Found) -> Iterator[Problem]:
    assert goal.target is not None  # noqa: S101  # checked by the caller
    assert outcome.stated_rate is not None  # noqa: S101
    # The stated-rate half of SPEC §2's rate check alone: without the printed value, the
    # numerator/denominator half (W202) has nothing to compare.
    alone = (
        msgspec.structs.replace(outcome, value=None) if outcome.numerator is not None else outcome
    )
    if rate_check(goal, alone, goal.target.nominal) is not RateCheck.INCONSISTENT:
        return
    computed = computed_rate(goal, outcome, goal.target.nominal)
    if computed is None:
        return
    span = rounding.rate_span(computed.low, computed.high, computed.nominal)
    yield found(
        codes.RATE_INCONSISTENT,
        stated=rounding.rate_written(outcome.stated_rate),
        figure=_figure_text(goal, outcome),
        target=rounding.written(goal.target.text, goal),
        span=span,
    )


def _stated_gap(goal: Goal, outcome: Outcome, found: _Found) -> Iterator[Problem]:
    assert goal.target is not None  # noqa: S101  # checked by the caller
    assert outcome.stated_gap is not None  # noqa: S101
    alone = msgspec.structs.replace(outcome, stated_rate=None, numerator=None, denominator=None)
    actual = figure(goal, outcome)
    if actual is None or rate_check(goal, alone, goal.target.nominal) is not (
        RateCheck.INCONSISTENT
    ):
        return
    band = (goal.target.low, goal.target.high)
    if goal.kind is not Kind.RANGE:
        band = (goal.target.nominal, goal.target.nominal)
    low, high = computed_gap(goal, actual, band)
    unit = "个百分点" if goal.unit == "%" else goal.unit or ""
    span = "–".join(_num(x) for x in dict.fromkeys((low, high)) if x is not None)
    yield found(
        codes.GAP_INCONSISTENT,
        stated=outcome.stated_gap.text,
        figure=_figure_text(goal, outcome),
        target=rounding.written(goal.target.text, goal),
        span=span,
        unit=unit,
    )


def _ratio(goal: Goal, outcome: Outcome, found: _Found) -> Iterator[Problem]:
    assert outcome.value is not None  # noqa: S101  # checked by the caller
    if rate_check(goal, outcome, None) is not RateCheck.INCONSISTENT:
        return
    actual = figure(goal, outcome)
    if actual is None or outcome.numerator is None or outcome.denominator is None:
        return
    unit = "%" if goal.unit == "%" else ""
    written = Interval.of(outcome.value)
    stands = Localized("", "")
    if written.low is not None and written.high is not None and written.low != written.high:
        bounds = {"low": _num(written.low), "high": _num(written.high), "unit": unit}
        stands = Localized(
            message("problem.W202.stands", "zh", bounds),
            message("problem.W202.stands", "en", bounds),
        )
    yield found(
        codes.RATIO_INCONSISTENT,
        value=rounding.written(outcome.value.text, goal),
        stands=stands,
        numerator=_num(outcome.numerator),
        denominator=_num(outcome.denominator),
        exact=_num(actual.nominal),
        unit=unit,
    )


def _sourcing(goal: Goal) -> Iterator[tuple[Problem, None]]:
    """W203 / W204, once per goal: the goal states something (a target, a milestone) or has
    an outcome that carries no source (quote) of its own."""
    states = goal.target is not None or goal.kind is Kind.MILESTONE or not goal.outcomes
    if goal.source is None and (states or any(o.source is None for o in goal.outcomes)):
        yield (
            codes.problem_of(codes.NO_SOURCE, goal.file, goal.line, goal.id, "problem.W203"),
            None,
        )
    if goal.quote is None and (states or any(o.quote is None for o in goal.outcomes)):
        yield (
            codes.problem_of(codes.NO_QUOTE, goal.file, goal.line, goal.id, "problem.W204"),
            None,
        )


def _num(value: Fraction, places: int = 2) -> str:
    """A number in a message: rounded, trailing zeros dropped (44, 57.14)."""
    return f"{rounding.to_decimal(value, places):f}"


def _figure_text(goal: Goal, outcome: Outcome) -> str:
    """An outcome's figure as written: its value, or numerator/denominator."""
    if outcome.value is not None:
        return f'"{rounding.written(outcome.value.text, goal)}"'
    if outcome.numerator is not None and outcome.denominator is not None:
        return f"{_num(outcome.numerator)}/{_num(outcome.denominator)}"
    return "—"
