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
from tracker.messages import Localized, message
from tracker.parse.quantity import Quantity, QuantityError, Role, Unit, parse_quantity
from tracker.parse.readers import (
    Locator,
    Path_,
)
from tracker.problems import Problem
from tracker.suggest import suggest

_T = TypeVar("_T")


_PATH_RE = re.compile(r"`\$((?:\.[A-Za-z_]+|\[\d+\])*)`")


_FIELD_RE = re.compile(r"field `([^`]+)`")


@dataclass(slots=True)
class FileContext:
    """One file being built: its name, where its keys are, and the problems found so far."""

    file: str
    locator: Locator
    problems: list[Problem]

    def add(self, code: str, path: Path_, goal_id: str | None, message: str) -> None:
        line, column = self.locator.find(path)
        self.problems.append(codes.problem(code, self.file, line, goal_id, message, column))

    def add_key(
        self, code: str, path: Path_, goal_id: str | None, key: str, params: Mapping[str, object]
    ) -> None:
        """Record a problem whose message is the catalogue's ``key`` (tracker/messages.py)."""
        line, column = self.locator.find(path)
        found = codes.problem_of(code, self.file, line, goal_id, key, params, column)
        self.problems.append(found)

    def fail(self, code: str, path: Path_, goal_id: str | None, message: str) -> InvalidEntryError:
        """Record a problem that makes the entry unusable; ``raise ctx.fail(...)`` skips it."""
        self.add(code, path, goal_id, message)
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
    where: str,
    path: Path_,
    goal_id: str | None,
    ctx: FileContext,
) -> None:
    for key in table:
        if key not in known:
            name = str(key)  # YAML keys may be numbers, dates, null
            shown = name if len(name) <= 40 else f"{name[:39]}…"
            close = suggest(name, known)
            hint = {"name": close[0]} if close else None
            ctx.add_key(
                codes.UNKNOWN_KEY,
                (*path, key),
                goal_id,
                "problem.E101",
                {
                    "key": shown,
                    "where": where,
                    "hint": Localized(
                        message("hint.close", "zh", hint), message("hint.close", "en", hint)
                    )
                    if hint
                    else "",
                },
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
        ctx.add_key(codes.MISSING, (*path, *sub), goal_id, "problem.E103", {"field": field})
        return
    where = ".".join(str(s) for s in sub) or "table"
    code = codes.BAD_VALUE if message.startswith("Invalid enum value") else codes.WRONG_TYPE
    hint = ""
    if code == codes.BAD_VALUE and sub and sub[-1] == "kind":
        hint = ": use at_least, at_most, range or milestone"
    elif code == codes.BAD_VALUE and sub and sub[-1] == "measure":
        hint = ": use flow or level"
    elif code == codes.WRONG_TYPE:
        hint = _type_hint(message, str(sub[-1]) if sub else "key")
    ctx.add(code, (*path, *sub), goal_id, f"{where}: {message.lower()[0]}{message[1:]}{hint}")


def _type_hint(message: str, key: str) -> str:
    """How to write the type msgspec expected (``Expected `date | null`, got `int```)."""
    if message.startswith("Invalid RFC3339 encoded date"):
        return f": write a calendar date without quotes, e.g. {key} = 2022-12-31"
    expected = re.match(r"Expected `([a-z]+)", message)
    hints = {
        "str": f': write text in double quotes, e.g. {key} = "…"',
        "array": f': write a list, e.g. {key} = ["…"]',
        "bool": ": write true or false, without quotes",
        "date": f": write a date without quotes, e.g. {key} = 2022-12-31",
        "object": f": write a table, e.g. {key} = {{ … }} or a [{key}] section",
    }
    return hints.get(expected[1], "") if expected else ""


def array(document: dict[str, Any], key: str, ctx: FileContext) -> list[Any]:
    value = document.get(key, [])
    if isinstance(value, list):
        return value
    ctx.add(codes.STRUCTURE, (key,), None, f"{key} must be an array of tables: write [[{key}]]")
    return []


def convert(
    raw: Any, kind: type[_T], path: Path_, goal_id: str | None, ctx: FileContext
) -> _T | None:
    if not isinstance(raw, dict):
        ctx.add(
            codes.STRUCTURE,
            path,
            goal_id,
            f"{path[0]} entries must be tables: write each as a [[{path[0]}]] section",
        )
        return None
    try:
        return msgspec.convert(raw, kind)
    except msgspec.ValidationError as exc:
        _validation_problem(exc, path, goal_id, ctx)
        return None


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
        message = str(exc)
        code = (
            codes.UNIT_MISMATCH if "unit" in message and "match" in message else codes.BAD_QUANTITY
        )
        params = {"field": path[-1], "reason": exc.localized()}
        ctx.add_key(code, path, goal_id, "problem.quantity", params)
        raise InvalidEntryError from None
