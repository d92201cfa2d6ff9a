"""A parsed document → the model's regions, sources and goals (SPEC §1.2–§1.5), each problem
recorded with its file, line, goal and fix."""

from __future__ import annotations

import operator
from datetime import date
from fractions import Fraction
from typing import Any

from tracker import problems as codes
from tracker.load.context import (
    FileContext,
    InvalidEntryError,
    array,
    convert,
    quantity,
    unknown_keys,
)
from tracker.load.screen import screen
from tracker.load.targets import relative_target, stated_target
from tracker.messages import localized
from tracker.model import (
    Baseline,
    FileData,
    Goal,
    Kind,
    Measure,
    Outcome,
    Region,
    Source,
)
from tracker.parse.dates import MAX_YEAR, MIN_YEAR, DateError, parse_as_of, parse_period
from tracker.parse.grammar import COUNT_UNITS
from tracker.parse.quantity import (
    QuantityError,
    Unit,
    parse_unit,
)
from tracker.parse.readers import (
    Path_,
)
from tracker.parse.schema import (
    DEFAULT_KEYS,
    GOAL_KEYS,
    OUTCOME_KEYS,
    TOP_KEYS,
    BaselineSpec,
    GoalSpec,
    OutcomeSpec,
    RegionSpec,
    SourceSpec,
)

_KINDS = {kind.value: kind for kind in Kind}  # a dict lookup: Kind(value) is much slower


_MEASURES = {measure.value: measure for measure in Measure}


_AS_OF = operator.attrgetter("as_of")


def build_file(document: dict[str, Any], ctx: FileContext, data: FileData) -> None:
    bad = screen(document, ctx)
    unknown_keys(document, TOP_KEYS, localized("schema.top_level"), (), None, ctx)

    defaults: dict[str, Any] = {}
    raw_defaults = document.get("defaults")
    if ("defaults",) in bad:
        raw_defaults = None
    if raw_defaults is not None:
        if isinstance(raw_defaults, dict):
            unknown_keys(raw_defaults, DEFAULT_KEYS, "[defaults]", ("defaults",), None, ctx)
            defaults = {k: v for k, v in raw_defaults.items() if k in DEFAULT_KEYS}
        else:
            ctx.add(codes.STRUCTURE, ("defaults",), None, "problem.E004.defaults")

    for index, raw in enumerate(array(document, "region", ctx)):
        if ("region", index) in bad:
            continue
        region = convert(raw, RegionSpec, ("region", index), None, ctx)
        if region is not None:
            data.regions.append(
                Region(
                    name=region.name,
                    parent=region.parent,
                    aliases=tuple(region.aliases),
                    code=region.code,
                    file=ctx.file,
                    line=ctx.line(("region", index)),
                )
            )
    for index, raw in enumerate(array(document, "source", ctx)):
        if ("source", index) in bad:
            continue
        spec = convert(raw, SourceSpec, ("source", index), None, ctx)
        if spec is not None:
            if not spec.id:
                ctx.add(codes.MISSING, ("source", index), None, "problem.E103.source_id")
                continue
            data.sources.append(_source(spec, spec.id, ctx, ("source", index)))
    for index, raw in enumerate(array(document, "goal", ctx)):
        if ("goal", index) in bad:
            continue
        goal = _build_goal(raw, defaults, index, ctx, data)
        if goal is not None:
            data.goals.append(goal)


def _source(spec: SourceSpec, source_id: str, ctx: FileContext, path: Path_) -> Source:
    day = spec.date
    if day is not None and not MIN_YEAR <= day.year <= MAX_YEAR:  # 9999-12-31: a typo
        out = DateError.of("date.year_range", year=day.year, low=MIN_YEAR, high=MAX_YEAR)
        _bad_date(ctx, (*path, "date"), None, out, "date")
        day = None  # the source stays, so goals citing it are not reported twice
    return Source(
        id=source_id,
        title=spec.title,
        publisher=spec.publisher,
        date=day,
        url=spec.url,
        file=ctx.file,
        line=ctx.line(path),
    )


def _inline_source(
    value: SourceSpec, fallback_id: str, path: Path_, ctx: FileContext, data: FileData
) -> str:
    """The id of a source given inline, registered under its id or a generated one."""
    source_id = value.id or fallback_id
    data.sources.append(_source(value, source_id, ctx, path))
    return source_id


def _build_goal(
    raw: Any, defaults: dict[str, Any], index: int, ctx: FileContext, data: FileData
) -> Goal | None:
    path: Path_ = ("goal", index)
    if not isinstance(raw, dict):
        ctx.add(codes.STRUCTURE, path, None, "problem.E004.goal")
        return None
    goal_id = raw.get("id") if isinstance(raw.get("id"), str) else None
    # Set tests in C: nearly every table has only known keys, and then is used as it is.
    own = raw
    if not GOAL_KEYS.issuperset(raw):
        unknown_keys(raw, GOAL_KEYS, f'goal "{goal_id or index + 1}"', path, goal_id, ctx)
        own = {k: v for k, v in raw.items() if k in GOAL_KEYS}
    outcomes_raw = raw.get("outcome", [])
    outcomes_known = True
    if isinstance(outcomes_raw, list):
        for o_index, outcome in enumerate(outcomes_raw):
            if isinstance(outcome, dict) and not OUTCOME_KEYS.issuperset(outcome):
                outcomes_known = False
                unknown_keys(
                    outcome, OUTCOME_KEYS, "outcome", (*path, "outcome", o_index), goal_id, ctx
                )
    inherited = defaults
    if (
        "period" in raw
        and ("start" in defaults or "deadline" in defaults)
        and not {"start", "deadline"} & raw.keys()
    ):
        # the goal's own period replaces the file's default dates, not just its period
        inherited = {k: v for k, v in defaults.items() if k not in ("start", "deadline")}
    merged = {**inherited, **own} if inherited else own
    if not outcomes_known:
        merged = {
            **merged,
            "outcome": [
                {k: v for k, v in o.items() if k in OUTCOME_KEYS} if isinstance(o, dict) else o
                for o in outcomes_raw
            ],
        }
    before = len(ctx.problems)
    spec = convert(merged, GoalSpec, path, goal_id, ctx)
    if spec is None or len(ctx.problems) > before:
        return None
    try:
        return _goal_from_spec(spec, path, ctx, data)
    except InvalidEntryError:
        return None


class _Fields:
    """Each ``with fields:`` block checks one field of an entry: its problem is recorded and
    the next field is checked, so that one run reports every problem of a goal (docs/check.md);
    :attr:`failed` says whether any was found."""

    def __init__(self) -> None:
        self.failed = False

    def __enter__(self) -> _Fields:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> bool:
        if kind is InvalidEntryError:
            self.failed = True
            return True
        return False


def _goal_from_spec(spec: GoalSpec, path: Path_, ctx: FileContext, data: FileData) -> Goal:
    gid = spec.id
    fields = _Fields()

    with fields:
        if not spec.region:
            raise ctx.fail(codes.MISSING, path, gid, "problem.E103.region")
    kind = _KINDS[spec.kind]

    # every figure is read in the goal's unit: without a readable one, only dates are checked
    unit: Unit | None = None
    figures = False
    with fields:
        unit = _goal_unit(spec, kind, path, gid, ctx)
        figures = True
    measure = (
        _MEASURES[spec.measure]
        if spec.measure
        else (
            Measure.LEVEL if kind is Kind.MILESTONE or (unit and unit.base == "%") else Measure.FLOW
        )
    )
    start = deadline = date.min
    with fields:
        start, deadline = _span(spec, path, ctx, gid)

    tolerance: Fraction | None = None
    if figures and spec.tolerance is not None:
        figures = False  # a target read without its tolerance could be wrongly refused
        with fields:
            where = (*path, "tolerance")
            tolerance = abs(quantity(spec.tolerance, unit, "points", where, gid, ctx).nominal)
            figures = True

    target = target_ref = None
    if figures:
        with fields:
            if isinstance(spec.target, dict):
                target_ref = relative_target(spec.target, kind, unit, path, gid, ctx)
            elif spec.target is not None:
                target = stated_target(spec.target, kind, unit, tolerance, path, gid, ctx)
            if target is not None and target.low < 0:
                where = (*path, "target")
                _refuse_negative(spec.target, "target", measure, unit, where, gid, ctx)
    baseline = None
    if spec.baseline is not None:
        with fields:
            baseline = _baseline(spec.baseline, unit, measure, figures, path, gid, ctx)

    source = spec.source  # an id, or a table
    if isinstance(source, SourceSpec):
        source = _inline_source(source, f"{gid}#source", (*path, "source"), ctx, data)
    outcomes = []
    for i, o in enumerate(spec.outcome):
        with fields:
            where = (*path, "outcome", i)
            outcomes.append(_outcome(o, kind, unit, tolerance, where, gid, ctx, data, figures))
    if fields.failed:
        raise InvalidEntryError
    if len(outcomes) > 1:
        outcomes.sort(key=_AS_OF)
    return Goal(
        id=gid,
        title=spec.title,
        region=spec.region or "",  # (never empty: E103 above)
        kind=kind,
        measure=measure,
        start=start,
        deadline=deadline,
        unit=unit.base if unit else None,
        category=spec.category,
        target=target,
        target_ref=target_ref,
        baseline=baseline,
        tolerance=tolerance,
        quote=spec.quote,
        source=source,
        tags=tuple(spec.tags),
        owner=spec.owner,
        indicator=spec.indicator,
        note=spec.note,
        outcomes=tuple(outcomes),
        file=ctx.file,
        line=ctx.line(path),
        acknowledge=_acknowledged(spec.acknowledge, path, gid, ctx) if spec.acknowledge else (),
    )


def _goal_unit(spec: GoalSpec, kind: Kind, path: Path_, gid: str, ctx: FileContext) -> Unit | None:
    """The goal's unit, which its kind requires or forbids."""
    unit = None
    if spec.unit is not None and spec.unit.strip():
        try:
            unit = parse_unit(spec.unit)
        except QuantityError as exc:
            reason = {"field": "unit", "reason": exc.localized()}
            raise ctx.fail(
                codes.BAD_QUANTITY, (*path, "unit"), gid, "problem.E110", reason
            ) from None
    if kind is Kind.MILESTONE:
        if spec.target is not None:
            raise ctx.fail(codes.KIND_CONFLICT, (*path, "target"), gid, "problem.E112")
        if unit is not None:
            raise ctx.fail(codes.KIND_CONFLICT, (*path, "unit"), gid, "problem.E112.unit")
    elif unit is None:
        raise ctx.fail(codes.MISSING, path, gid, "problem.E103.unit")
    return unit


def _baseline(
    spec: BaselineSpec,
    unit: Unit | None,
    measure: Measure,
    figures: bool,  # False: the unit could not be read, nor can the value
    path: Path_,
    gid: str,
    ctx: FileContext,
) -> Baseline:
    """The baseline, both its fields checked."""
    fields = _Fields()
    value = None
    if figures:
        with fields:
            where = (*path, "baseline", "value")
            value = quantity(spec.value, unit, "exact", where, gid, ctx)
            if value.nominal < 0:
                _refuse_negative(spec.value, "baseline.value", measure, unit, where, gid, ctx)
    as_of = None
    if spec.as_of is not None:
        with fields:
            try:
                as_of = parse_as_of(spec.as_of)
            except DateError as exc:
                where = (*path, "baseline", "as_of")
                raise _bad_date(ctx, where, gid, exc, "baseline.as_of") from None
    if fields.failed or value is None:
        raise InvalidEntryError
    return Baseline(value, as_of)


def _refuse_negative(
    raw: object,
    field: str,
    measure: Measure,
    unit: Unit | None,
    path: Path_,
    gid: str,
    ctx: FileContext,
) -> None:
    """E114 for a negative target or baseline where SPEC §1.4 gives it no meaning: a count
    of people or things (人, 所 …), or a flow (counted from zero within the period). A growth
    goal's rate and any other level may be negative (增长-2%)."""
    if measure is Measure.GROWTH:
        return
    if unit is not None and unit.base in COUNT_UNITS:
        why = localized("problem.E114.count", unit=unit.base)
    elif measure is Measure.FLOW:
        why = localized("problem.E114.flow")
    else:
        return
    said = {"field": field, "value": _shown(raw), "why": why}
    raise ctx.fail(codes.NEGATIVE_TARGET, path, gid, "problem.E114", said)


def _shown(raw: object) -> str:
    """A target as written, for a message: ``-12``, ``"-5万"``, ``["-5", "3"]``."""
    if isinstance(raw, list):
        return "[" + ", ".join(_shown(v) for v in raw) + "]"
    return f'"{raw}"' if isinstance(raw, str) else str(raw)


def _bad_date(
    ctx: FileContext, path: Path_, gid: str | None, exc: DateError, field: str
) -> InvalidEntryError:
    """E120 for the date at ``path`` (``as_of: …``), with a fix when the reason only says
    what is wrong."""
    reason = exc.localized()
    if exc.key == "date.not_calendar":
        reason = localized("date.fix", reason=reason)
    return ctx.fail(codes.BAD_DATE, path, gid, "problem.E120", {"field": field, "reason": reason})


def _span(spec: GoalSpec, path: Path_, ctx: FileContext, gid: str) -> tuple[date, date]:
    start = deadline = None
    if spec.period is not None:
        try:
            start, deadline = parse_period(spec.period)
        except DateError as exc:
            raise _bad_date(ctx, (*path, "period"), gid, exc, "period") from None
    for field, day in (("start", spec.start), ("deadline", spec.deadline)):
        if day is not None and not MIN_YEAR <= day.year <= MAX_YEAR:  # 0025-12-31: a typo
            out = DateError.of("date.year_range", year=day.year, low=MIN_YEAR, high=MAX_YEAR)
            raise _bad_date(ctx, (*path, field), gid, out, field)
    start = spec.start or start
    deadline = spec.deadline or deadline
    if deadline is None:
        raise ctx.fail(codes.MISSING, path, gid, "problem.E103.period")
    if start is None:
        start = date(deadline.year, 1, 1)
    if start > deadline:
        dates = {"deadline": deadline, "start": start}
        raise ctx.fail(codes.BAD_DATE, (*path, "deadline"), gid, "problem.E120.order", dates)
    return start, deadline


def _outcome(
    spec: OutcomeSpec,
    kind: Kind,
    unit: Unit | None,
    tolerance: Fraction | None,
    path: Path_,
    gid: str,
    ctx: FileContext,
    data: FileData,
    figures: bool = True,
) -> Outcome:
    """One outcome, every problem of it recorded; ``figures`` False when the goal's unit could
    not be read (its figures cannot be either)."""
    fields = _Fields()
    as_of = date.min
    with fields:
        try:
            as_of = parse_as_of(spec.as_of)
        except DateError as exc:
            raise _bad_date(ctx, (*path, "as_of"), gid, exc, "as_of") from None
    with fields:  # the figures an outcome of this kind has; the others are not read
        if kind is Kind.MILESTONE:
            if spec.done is None:
                raise ctx.fail(codes.MISSING, path, gid, "problem.E103.done")
            if spec.value is not None:
                figures = False
                raise ctx.fail(codes.KIND_CONFLICT, (*path, "value"), gid, "problem.E112.value")
        elif spec.done is not None:
            raise ctx.fail(codes.KIND_CONFLICT, (*path, "done"), gid, "problem.E112.done")
        elif spec.value is None and spec.numerator is None:
            raise ctx.fail(codes.MISSING, path, gid, "problem.E103.figure")
    value = None
    if figures and spec.value is not None:
        with fields:
            value = quantity(spec.value, unit, "outcome", (*path, "value"), gid, ctx, tolerance)
            if value.nominal < 0 and unit is not None and unit.base in COUNT_UNITS:
                said = {"value": spec.value, "unit": unit.base}
                raise ctx.fail(codes.NEGATIVE_COUNT, (*path, "value"), gid, "problem.E113", said)
    rate = None
    if spec.stated_rate is not None:
        with fields:
            rate = quantity(spec.stated_rate, None, "rate", (*path, "stated_rate"), gid, ctx)
    gap = None
    if spec.stated_gap is not None:
        with fields:
            if kind is Kind.MILESTONE:
                where = (*path, "stated_gap")
                raise ctx.fail(codes.KIND_CONFLICT, where, gid, "problem.E112.gap")
            if figures:
                gap = quantity(spec.stated_gap, unit, "gap", (*path, "stated_gap"), gid, ctx)
    numerator = denominator = None
    with fields:
        numerator, denominator = _ratio_parts(spec, path, gid, ctx)
    if fields.failed:
        raise InvalidEntryError
    source = spec.source  # an id, or a table
    if isinstance(source, SourceSpec):
        source = _inline_source(source, f"{gid}#outcome{path[-1]}", (*path, "source"), ctx, data)
    return Outcome(
        as_of=as_of,
        value=value,
        stated_rate=rate,
        stated_gap=gap,
        numerator=numerator,
        denominator=denominator,
        done=spec.done,
        quote=spec.quote,
        source=source,
        note=spec.note,
        line=ctx.line(path),
        acknowledge=_acknowledged(spec.acknowledge, path, gid, ctx) if spec.acknowledge else (),
    )


def _ratio_parts(
    spec: OutcomeSpec, path: Path_, gid: str, ctx: FileContext
) -> tuple[Fraction | None, Fraction | None]:
    """An outcome's numerator and denominator: both or neither, the denominator positive."""
    if (spec.numerator is None) != (spec.denominator is None):
        raise ctx.fail(codes.MISSING, path, gid, "problem.E103.ratio")
    if spec.numerator is None:
        return None, None
    numerator = quantity(spec.numerator, None, "exact", (*path, "numerator"), gid, ctx).nominal
    where = (*path, "denominator")
    denominator = quantity(spec.denominator, None, "exact", where, gid, ctx).nominal
    if denominator <= 0:
        raise ctx.fail(codes.BAD_QUANTITY, where, gid, "problem.E110.denominator")
    return numerator, denominator


def _acknowledged(listed: list[str], path: Path_, gid: str, ctx: FileContext) -> tuple[str, ...]:
    """The warning codes ``acknowledge`` lists; a code that cannot be acknowledged is an
    error, recorded without skipping the goal (its other checks still run)."""
    kept: list[str] = []
    for written in listed:
        code = written.strip().upper()
        if code in codes.ACKNOWLEDGEABLE:
            kept.append(code)
            continue
        if code.startswith("E"):
            key = "problem.E105"
        elif code == codes.UNUSED_ACKNOWLEDGE:
            key = "problem.E105.unused"
        else:
            key = "problem.E105.other"
        said = {"code": written, "codes": ", ".join(codes.ACKNOWLEDGEABLE)}
        ctx.add(codes.BAD_ACKNOWLEDGE, (*path, "acknowledge"), gid, key, said)
    return tuple(dict.fromkeys(kept))
