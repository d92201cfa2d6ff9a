"""The limits on text and nesting a data file may hold (docs/security.md), checked before
anything is converted."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from tracker import problems as codes
from tracker.load.context import FileContext
from tracker.messages import localized
from tracker.parse.readers import (
    MAX_DEPTH,
    Path_,
)
from tracker.parse.schema import (
    FIELD_NAMES,
)

MAX_NAME = 200  # characters: ids, region names and aliases, units, categories, tags


MAX_TEXT = 10_000  # characters: any other text (titles, quotes, notes, URLs)


# Keys whose text names something (and is matched, filtered on, shown as an id): it must be
# short and may not hide characters (a goal id with U+202E could pass for another).
_NAME_KEYS = frozenset(
    ("id", "name", "parent", "aliases", "region", "source", "unit", "category", "tags", "code")
)


_HIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def name_finding(value: str) -> tuple[str, dict[str, object]] | None:
    """Why ``value`` cannot be a name or id (E106 too long, E107 a hidden character), as a
    catalogue key and its parameters but ``name``; None when it can."""
    if len(value) > MAX_NAME:
        return "problem.E106", {"length": f"{len(value):,}", "most": f"{MAX_NAME:,}"}
    if hidden := _HIDDEN.search(value):
        return "problem.E107", {"char": f"U+{ord(hidden[0]):04X}"}
    return None


def _entry(path: Path_) -> Path_:
    """The table a key path belongs to: ``("goal", 3)``, ``("defaults",)`` …"""
    if len(path) > 1 and path[0] in ("goal", "region", "source") and isinstance(path[1], int):
        return path[:2]
    return path[:1]


def screen(document: dict[str, Any], ctx: FileContext) -> set[Path_]:
    """The limits on text and nesting (docs/security.md), before anything is converted: the
    entries breaking one, each finding reported. The caller skips those entries.

    One pass over every value, with an explicit stack: data nested however deep cannot make
    it recurse. Strings, nearly every value, are checked where they are met, without a path
    being built for them (this runs on every file: docs/performance.md).
    """
    bad: set[Path_] = set()
    goals = document.get("goal")

    def goal_id(path: Path_) -> str | None:
        if path[0] != "goal" or len(path) < 2 or not isinstance(goals, list):
            return None
        raw = goals[path[1]] if isinstance(path[1], int) else None
        gid = raw.get("id") if isinstance(raw, dict) else None
        ok = isinstance(gid, str) and len(gid) <= MAX_NAME and not _HIDDEN.search(gid)
        return gid if ok else None

    def report(code: str, path: Path_, key: str, params: Mapping[str, object]) -> None:
        bad.add(_entry(path))
        ctx.add(code, path, goal_id(path), key, params)

    for path, why, params in ctx.locator.refused:  # YAML 1.1 forms (parse.readers._yaml_1_1)
        report(codes.YAML_AMBIGUOUS, path, why, params)

    def check(value: str, name: str, path: Path_) -> None:
        limit = MAX_NAME if name in _NAME_KEYS else MAX_TEXT
        if len(value) > limit:
            said: dict[str, object] = {
                "name": name,
                "length": f"{len(value):,}",
                "most": f"{limit:,}",
            }
            report(codes.TOO_LONG, path, "problem.E106", said)
        elif limit == MAX_NAME and not value.isprintable() and (hidden := _HIDDEN.search(value)):
            # (every hidden character is unprintable: the regular expression seldom runs)
            said = {"name": name, "char": f"U+{ord(hidden[0]):04X}"}
            report(codes.UNSAFE_NAME, path, "problem.E107", said)

    stack: list[tuple[dict[Any, Any] | list[Any], Path_, str, int]] = [(document, (), "", 1)]
    while stack:
        container, path, name, level = stack.pop()
        if level > MAX_DEPTH:
            report(codes.TOO_DEEP, path, "problem.E006", {"name": name, "most": MAX_DEPTH})
            continue
        if type(container) is dict and FIELD_NAMES.issuperset(container):
            # Nearly every table (a set test in C): its keys are field names, short strings
            # with nothing to check, and check() runs only where a limit may be broken.
            for key, value in container.items():
                kind = type(value)
                if kind is str:
                    if key in _NAME_KEYS:
                        if len(value) > MAX_NAME or not value.isprintable():
                            check(value, key, (*path, key))
                    elif len(value) > MAX_TEXT:
                        check(value, key, (*path, key))
                elif kind is dict or kind is list:
                    stack.append((value, (*path, key), key, level + 1))
            continue
        items = container.items() if type(container) is dict else enumerate(container)
        keyed = type(container) is dict
        for key, value in items:
            sub = (key if type(key) is str else str(key)) if keyed else name
            if keyed and len(sub) > MAX_NAME:
                where = {"length": f"{len(sub):,}", "where": name or localized("schema.file")}
                report(codes.TOO_LONG, path or (key,), "problem.E106.key", where)
                continue
            kind = type(value)
            if kind is str:
                if len(value) > MAX_TEXT or sub in _NAME_KEYS:
                    check(value, sub, (*path, key))
            elif kind is dict or kind is list:
                stack.append((value, (*path, key), sub, level + 1))
    return bad
