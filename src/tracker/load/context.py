"""The file being built: where its problems go (one statement per failure), and the
problems schema validation reports, worded with their fix."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, TypeVar

import msgspec

from tracker import problems as codes
from tracker.messages import Localized, localized, message
from tracker.parse.quantity import Quantity, QuantityError, Role, Unit, parse_quantity
from tracker.parse.readers import (
    Locator,
    Path_,
)
from tracker.problems import Problem
from tracker.suggest import did_you_mean

_T = TypeVar("_T")


_PATH_RE = re.compile(r"`\$((?:\.[A-Za-z_]+|\[\d+\])*)`")


_FIELD_RE = re.compile(r"field `([^`]+)`")


@dataclass(slots=True)
class FileContext:
    """One file being built: its name, where its keys are, and the problems found so far."""

    file: str
    locator: Locator
    problems: list[Problem]

    def add(
        self,
        code: str,
        path: Path_,
        goal_id: str | None,
        key: str,
        params: Mapping[str, object] | None = None,
    ) -> None:
        """Record a problem whose message is the catalogue's ``key`` (tracker/messages.py)."""
        line, column = self.locator.find(path)
        found = codes.problem_of(code, self.file, line, goal_id, key, params, column)
        self.problems.append(found)

    def fail(
        self,
        code: str,
        path: Path_,
        goal_id: str | None,
        key: str,
        params: Mapping[str, object] | None = None,
    ) -> InvalidEntryError:
        """Record a problem that makes the entry unusable; ``raise ctx.fail(...)`` skips it."""
        self.add(code, path, goal_id, key, params)
        return InvalidEntryError()

    def line(self, path: Path_) -> int | None:
        """``locator.line(path)``, for a table: its header's position is looked up directly."""
        hit = self.locator.positions.get(path)
        return hit[0] if hit is not None else self.locator.line(path)


class InvalidEntryError(Exception):
    """Raised inside goal building once a problem is recorded: the goal is skipped."""


def unknown_keys(
    table: dict[str, Any],
    known: frozenset[str],
    where: str | Localized,
    path: Path_,
    goal_id: str | None,
    ctx: FileContext,
) -> None:
    for key in table:
        if key not in known:
            name = str(key)  # YAML keys may be numbers, dates, null
            shown = name if len(name) <= 40 else f"{name[:39]}…"
            ctx.add(
                codes.UNKNOWN_KEY,
                (*path, key),
                goal_id,
                "problem.E101",
                {"key": shown, "where": where, "hint": did_you_mean(name, known)},
            )


def _validation_problem(
    exc: msgspec.ValidationError, path: Path_, goal_id: str | None, ctx: FileContext
) -> None:
    """Turn msgspec's message (``Expected `str`, got `int` - at `$.title```) into a Problem."""
    text = str(exc)
    sub: list[str | int] = []
    if m := _PATH_RE.search(text):
        for piece in re.findall(r"\.([A-Za-z_]+)|\[(\d+)\]", m[1]):
            sub.append(piece[0] if piece[0] else int(piece[1]))
    message = text.split(" - at ", maxsplit=1)[0]
    if "missing required field" in message:
        name = _FIELD_RE.search(message)
        field = name[1] if name else "?"
        ctx.add(codes.MISSING, (*path, *sub), goal_id, "problem.E103", {"field": field})
        return
    where: str | Localized = ".".join(str(s) for s in sub) or localized("schema.table")
    code = codes.BAD_VALUE if message.startswith("Invalid enum value") else codes.WRONG_TYPE
    hint: str | Localized = ""
    if code == codes.BAD_VALUE and sub and sub[-1] in ("kind", "measure"):
        hint = localized(f"schema.hint.{sub[-1]}")
    elif code == codes.WRONG_TYPE:
        hint = _type_hint(message, str(sub[-1]) if sub else "key")
    params = {"where": where, "detail": _detail(message), "hint": hint}
    ctx.add(code, (*path, *sub), goal_id, f"problem.{code}", params)


def _detail(said: str) -> Localized:
    """msgspec's message (``Expected `str`, got `int```), lower-cased as the problem quotes
    it, and in Chinese where its form is known (msgspec gives no other handle on it)."""
    english = f"{said.lower()[0]}{said[1:]}"
    if m := _EXPECTED_RE.fullmatch(said):
        return Localized(message("schema.expected", "zh", m.groupdict()), english)
    if m := _ENUM_RE.fullmatch(said):
        return Localized(message("schema.enum", "zh", m.groupdict()), english)
    if said.startswith("Invalid RFC3339 encoded date"):
        return Localized(message("schema.date", "zh"), english)
    return Localized(english, english)


def _type_hint(message: str, key: str) -> str | Localized:
    """How to write the type msgspec expected (``Expected `date | null`, got `int```)."""
    if message.startswith("Invalid RFC3339 encoded date"):
        return localized("schema.hint.calendar_date", key=key)
    expected = re.match(r"Expected `([a-z]+)", message)
    if expected and expected[1] in _TYPE_HINTS:
        return localized(f"schema.hint.{expected[1]}", key=key)
    return ""


_TYPE_HINTS = frozenset(("str", "array", "bool", "date", "object"))
_EXPECTED_RE = re.compile(r"Expected `(?P<expected>[^`]+)`, got `(?P<got>[^`]+)`")
_ENUM_RE = re.compile(r"Invalid enum value (?P<value>.+)")


def array(document: dict[str, Any], key: str, ctx: FileContext) -> list[Any]:
    value = document.get(key, [])
    if isinstance(value, list):
        return value
    ctx.add(codes.STRUCTURE, (key,), None, "problem.E004.array", {"key": key})
    return []


def convert(
    raw: Any, kind: type[_T], path: Path_, goal_id: str | None, ctx: FileContext
) -> _T | None:
    if not isinstance(raw, dict):
        ctx.add(codes.STRUCTURE, path, goal_id, "problem.E004.entries", {"key": path[0]})
        return None
    try:
        return msgspec.convert(raw, kind)
    except msgspec.ValidationError as exc:
        _validation_problem(exc, path, goal_id, ctx)
        return None


# The reasons of a quantity whose unit is not the goal's (E111; any other reason is E110).
_UNIT_REASONS = frozenset(
    (
        "quantity.not_percent",
        "quantity.unit_mismatch",
        "quantity.unit_no_fix",
        "quantity.unit_without_goal_unit",
    )
)


def quantity(
    raw: Any,
    unit: Unit | None,
    role: Role,
    path: Path_,
    goal_id: str,
    ctx: FileContext,
    tolerance: Fraction | None = None,
) -> Quantity:
    """``parse_quantity``, its failure recorded as a problem of the entry at ``path``."""
    try:
        return parse_quantity(raw, unit=unit, role=role, tolerance=tolerance)
    except QuantityError as exc:
        code = codes.UNIT_MISMATCH if exc.key in _UNIT_REASONS else codes.BAD_QUANTITY
        # "baseline.value", not "value", which would send the reader to an outcome
        field = f"{path[-2]}.{path[-1]}" if path[-2:-1] == ("baseline",) else path[-1]
        params = {"field": field, "reason": exc.localized()}
        ctx.add(code, path, goal_id, f"problem.{code}", params)
        raise InvalidEntryError from None
