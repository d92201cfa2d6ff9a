"""A goal's ``target`` as the file writes it → the model's :class:`~tracker.model.Target` (a
number or a band) or :class:`~tracker.model.TargetRef` (relative to another goal, SPEC §1.4),
each mistake recorded with its file, line, goal and fix."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from tracker import problems as codes
from tracker.load.context import FileContext, InvalidEntryError, convert, quantity
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
            raise ctx.fail(
                codes.KIND_CONFLICT,
                where,
                gid,
                'target is a band [low, high] but kind is not "range": set kind = "range"',
            )
        if len(raw) != 2:
            raise ctx.fail(
                codes.BAD_QUANTITY,
                where,
                gid,
                'a range target needs exactly two values: target = ["2%", "3%"]',
            )
        low, high = (quantity(v, unit, "target", where, gid, ctx) for v in raw)
        for q in (low, high):
            if q.qualifier not in (None, Qualifier.ABOUT):
                raise ctx.fail(
                    codes.KIND_CONFLICT,
                    where,
                    gid,
                    f'"{q.text}": a band edge takes no qualifier like 以上/不超过: '
                    "write the number",
                )
        if low.nominal > high.nominal:
            raise ctx.fail(
                codes.BAD_QUANTITY,
                where,
                gid,
                f"band [{low.text}, {high.text}] runs backwards: write the lower edge first",
            )
        return Target(
            f"{low.text}–{high.text}",
            (low.nominal + high.nominal) / 2,
            low.nominal,
            high.nominal,
            low.approximate or high.approximate,
        )
    value = quantity(raw, unit, "target", where, gid, ctx, tolerance)
    if value.qualifier is not None and value.qualifier not in _DIRECTION[kind]:
        raise ctx.fail(
            codes.KIND_CONFLICT,
            where,
            gid,
            f'target: "{value.text}" says {value.qualifier.value.replace("_", " ")} but '
            f'kind is "{kind.value}": change kind or the wording',
        )
    if kind is Kind.RANGE:
        if tolerance is None:
            raise ctx.fail(
                codes.MISSING,
                where,
                gid,
                'a range goal needs target = [low, high] or a tolerance: add tolerance = "0.5%"',
            )
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
        raise ctx.fail(
            codes.BAD_RELATIVE_TARGET,
            where,
            gid,
            f'a relative target needs kind "at_least" or "at_most" (不少于上年, 不高于上年), '
            f'not "{kind.value}": change kind, or state the target as a number',
        )
    if spec.change is not None and spec.plus is not None:
        raise ctx.fail(
            codes.BAD_RELATIVE_TARGET,
            where,
            gid,
            'a relative target takes change (比上年增长5%: change = "5%") or plus '
            '(比上年增加2000人: plus = "2000"), not both: keep the one the source states',
        )
    change = plus = None
    if spec.change is not None:
        change = quantity(spec.change, _PERCENT, "exact", (*where, "change"), gid, ctx).nominal
    if spec.plus is not None:
        plus = quantity(spec.plus, unit, "points", (*where, "plus"), gid, ctx).nominal
    return TargetRef(spec.goal, change, plus)
