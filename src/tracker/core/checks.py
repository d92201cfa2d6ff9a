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
            yield codes.problem(
                codes.REGION_NAMES_COLLIDE,
                region.file,
                region.line,
                None,
                f'region "{region.name}" and region "{first.name}" ({first.file}:{first.line}) '
                "are one name once normalised (simplified and traditional characters, full-width "
                "letters, case and spaces are not told apart): if they are one region keep one "
                "entry, else rename one (e.g. with its parent: 巴彦淖尔临河)",
            )
    for region in regions:
        for alias in region.aliases:
            other = named.get(normalise(alias))
            if other is not None and other.name != region.name:
                yield codes.problem(
                    codes.ALIAS_IS_A_NAME,
                    region.file,
                    region.line,
                    None,
                    f'alias "{alias}" of region "{region.name}" is the name of region '
                    f'"{other.name}" ({other.file}:{other.line}): --region {alias} selects '
                    f'"{other.name}"; remove the alias',
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
            if index is not None and code in _GOAL_LEVEL:
                advice = (
                    f"{code} is reported on the goal, not on an outcome: move it to the goal's "
                    "acknowledge, or remove it"
                )
            else:
                where = "this goal" if index is None else "this outcome"
                advice = (
                    f"{where} has no {code} finding ({_WHAT[code]}): remove it from acknowledge"
                )
            yield codes.problem(
                codes.UNUSED_ACKNOWLEDGE,
                goal.file,
                line,
                goal.id,
                f'acknowledge lists "{code}" but {advice}',
            )


_GOAL_LEVEL = frozenset((codes.NO_SOURCE, codes.NO_QUOTE))
_WHAT = {
    codes.RATE_INCONSISTENT: "a stated rate that value ÷ target does not give",
    codes.RATIO_INCONSISTENT: "a value that numerator ÷ denominator does not give",
    codes.NO_SOURCE: "a goal without a source",
    codes.NO_QUOTE: "a goal without a quote",
    codes.FLOW_DECREASES: "a cumulative figure that falls",
    codes.GAP_INCONSISTENT: "a stated gap that the figures do not give",
}


# How an outcome's check records a finding: found(code, message).
_Found = Callable[[str, str], Problem]


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
    def found(code: str, message: str) -> Problem:
        return codes.problem(code, goal.file, outcome.line, goal.id, message)

    if outcome.as_of < goal.start:
        yield found(
            codes.OUTCOME_BEFORE_START,
            f"outcome as_of {outcome.as_of} is before the goal's start {goal.start}: "
            "fix as_of or the goal's period; a figure from before the period belongs in "
            f"baseline = {{ value = …, as_of = {outcome.as_of} }}",
        )
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
            f"cumulative figure {_figure_text(goal, outcome)} at {outcome.as_of} is below "
            f"{_figure_text(goal, before)} at {before.as_of}: a flow goal's outcomes are "
            f"running totals since the period start ({goal.start}), so they cannot fall; fix "
            'the figure, or set measure = "level" if the goal counts a state, not a total',
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
        yield codes.problem(
            codes.SAME_DATE,
            goal.file,
            outcome.line,
            goal.id,
            f"two outcomes are dated {outcome.as_of} (lines {earlier.line} and {outcome.line}): "
            "until one is removed or redated, the goal is judged on both figures at once; keep "
            "the one the latest source states and move the other to a note",
        )
    if today is not None and outcome.as_of > today:
        yield codes.problem(
            codes.FUTURE_OUTCOME,
            goal.file,
            outcome.line,
            goal.id,
            f"outcome as_of {outcome.as_of} is after today ({today}): a reported figure "
            "refers to a date that has passed; fix as_of (the date the figure refers to, "
            "not a planned date), or put a plan in the goal's note",
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
        f'stated_rate "{rounding.rate_written(outcome.stated_rate)}" does not match the '
        f"figures: {_figure_text(goal, outcome)} ÷ target "
        f'"{rounding.written(goal.target.text, goal)}" = {span}; check value, target and '
        "stated_rate against the source, and if the source itself prints these figures, "
        f'add acknowledge = ["{codes.RATE_INCONSISTENT}"] to this outcome',
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
        f'stated_gap "{outcome.stated_gap.text}" does not match the figures: the gap of '
        f"{_figure_text(goal, outcome)} to the target "
        f'"{rounding.written(goal.target.text, goal)}" is {span}{unit}; a gap is signed like '
        "the gap column (positive = still short, negative = beyond the target); check it "
        f"against the source, and if the source itself prints it, add acknowledge = "
        f'["{codes.GAP_INCONSISTENT}"] to this outcome',
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
    stands = ""
    if written.low is not None and written.high is not None and written.low != written.high:
        stands = f" (that is {_num(written.low)}–{_num(written.high)}{unit} once rounded)"
    yield found(
        codes.RATIO_INCONSISTENT,
        f'value "{rounding.written(outcome.value.text, goal)}"{stands} disagrees with '
        f"numerator / denominator: {_num(outcome.numerator)} / {_num(outcome.denominator)} = "
        f"{_num(actual.nominal)}{unit}; check the three figures against the source, and if "
        f'the source itself prints them, add acknowledge = ["{codes.RATIO_INCONSISTENT}"] '
        "to this outcome",
    )


def _sourcing(goal: Goal) -> Iterator[tuple[Problem, None]]:
    """W203 / W204, once per goal: the goal states something (a target, a milestone) or has
    an outcome that carries no source (quote) of its own."""
    states = goal.target is not None or goal.kind is Kind.MILESTONE or not goal.outcomes
    if goal.source is None and (states or any(o.source is None for o in goal.outcomes)):
        yield (
            codes.problem(
                codes.NO_SOURCE,
                goal.file,
                goal.line,
                goal.id,
                'goal has no source: add source = "<source id>" (defined by a [[source]]), '
                "or set it once for the file in [defaults]",
            ),
            None,
        )
    if goal.quote is None and (states or any(o.quote is None for o in goal.outcomes)):
        yield (
            codes.problem(
                codes.NO_QUOTE,
                goal.file,
                goal.line,
                goal.id,
                'goal has no quote: add quote = "…" with the sentence of the source that states '
                "it (or a quote on each outcome), so a reader can verify it",
            ),
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
