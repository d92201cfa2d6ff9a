"""A goal's ``target`` as the file writes it → the model's :class:`~tracker.model.Target` (a
number or a band) or :class:`~tracker.model.TargetRef` (relative to another goal, SPEC §1.4),
each mistake recorded with its file, line, goal and fix."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from tracker import problems as codes
from tracker.load.context import FileContext, InvalidEntryError, convert, quantity
from tracker.messages import localized
from tracker.model import Kind, Target, TargetRef
from tracker.parse.quantity import Qualifier, Unit, parse_unit
from tracker.parse.readers import Path_
from tracker.parse.schema import RelativeTarget

_DIRECTION = {
    Kind.AT_LEAST: {Qualifier.AT_LEAST, Qualifier.MORE_THAN, Qualifier.ABOUT},
    Kind.AT_MOST: {Qualifier.AT_MOST, Qualifier.LESS_THAN, Qualifier.ABOUT},
    Kind.RANGE: {Qualifier.ABOUT},
}


def stated_target(
    raw: Any,
    kind: Kind,
    unit: Unit | None,
    tolerance: Fraction | None,
    path: Path_,
    gid: str,
    ctx: FileContext,
) -> Target:
    where = (*path, "target")
    if isinstance(raw, list):
        if kind is not Kind.RANGE:
            raise ctx.fail(codes.KIND_CONFLICT, where, gid, "problem.E112.band")
        if len(raw) != 2:
            raise ctx.fail(codes.BAD_QUANTITY, where, gid, "problem.E110.band")
        low, high = (quantity(v, unit, "target", where, gid, ctx) for v in raw)
        for q in (low, high):
            if q.qualifier not in (None, Qualifier.ABOUT):
                said = {"text": q.text}
                raise ctx.fail(codes.KIND_CONFLICT, where, gid, "problem.E112.band_edge", said)
        if low.nominal > high.nominal:
            said = {"low": low.text, "high": high.text}
            raise ctx.fail(codes.BAD_QUANTITY, where, gid, "problem.E110.backwards", said)
        return Target(
            f"{low.text}–{high.text}",
            (low.nominal + high.nominal) / 2,
            low.nominal,
            high.nominal,
            low.approximate or high.approximate,
        )
    value = quantity(raw, unit, "target", where, gid, ctx, tolerance)
    if value.qualifier is not None and value.qualifier not in _DIRECTION[kind]:
        wording = {
            "text": value.text,
            "qualifier": localized(f"qualifier.{value.qualifier.value}"),
            "kind": kind.value,
        }
        raise ctx.fail(codes.KIND_CONFLICT, where, gid, "problem.E112.direction", wording)
    if kind is Kind.RANGE:
        if tolerance is None:
            raise ctx.fail(codes.MISSING, where, gid, "problem.E103.range")
        return Target(
            value.text,
            value.nominal,
            value.nominal - tolerance,
            value.nominal + tolerance,
            approximate=True,
        )
    strict = value.qualifier in (Qualifier.MORE_THAN, Qualifier.LESS_THAN)
    return Target(
        value.text, value.nominal, value.nominal, value.nominal, value.approximate, strict
    )


_PERCENT = parse_unit("%")


def relative_target(
    raw: dict[str, Any], kind: Kind, unit: Unit | None, path: Path_, gid: str, ctx: FileContext
) -> TargetRef:
    """``target = { goal = "ID", change = "5%" }`` or ``{ goal = "ID", plus = "2000" }``."""
    where = (*path, "target")
    spec = convert(raw, RelativeTarget, where, gid, ctx)
    if spec is None:
        raise InvalidEntryError
    if kind not in (Kind.AT_LEAST, Kind.AT_MOST):
        said = {"kind": kind.value}
        raise ctx.fail(codes.BAD_RELATIVE_TARGET, where, gid, "problem.E143", said)
    if spec.change is not None and spec.plus is not None:
        raise ctx.fail(codes.BAD_RELATIVE_TARGET, where, gid, "problem.E143.both")
    change = plus = None
    if spec.change is not None:
        change = quantity(spec.change, _PERCENT, "exact", (*where, "change"), gid, ctx).nominal
    if spec.plus is not None:
        plus = quantity(spec.plus, unit, "points", (*where, "plus"), gid, ctx).nominal
    return TargetRef(spec.goal, change, plus)
