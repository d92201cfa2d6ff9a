"""Applying an edit: validated, then written atomically under the file's lock."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from pathlib import Path

from tracker.edit import files as fileio
from tracker.edit.files import default_lock_timeout
from tracker.edit.plan import Edit, EditError, NewGoal, NewOutcome, Text, plan_add, plan_record
from tracker.edit.validate import check, new_warnings
from tracker.errors import DataError, os_reason


def record_outcome(
    path: Path,
    file: str,
    goal_id: str,
    outcome: NewOutcome,
    *,
    replace: bool = False,
    dry_run: bool = False,
    lock_timeout: float | None = None,
) -> Edit:
    """Append (or replace) an outcome in ``path``, validated, atomically, under the lock.

    The file is re-read under the lock, so concurrent records each build on the last one.
    """

    _require_toml(path, file)
    result: list[Edit] = []

    def change(snapshot: fileio.Snapshot) -> bytes | None:
        text = Text.decode(snapshot.raw, file)
        edit = plan_record(text, file, goal_id, outcome, replace=replace)
        check(edit, path.suffix)
        warnings = new_warnings(edit, path.suffix, goal_id)
        result.append(dataclasses.replace(edit, warnings=tuple(warnings)))
        return None if dry_run else text.encode(edit.new)

    with _os_errors(file):
        if dry_run:
            change(fileio.Snapshot.read(path))
        else:
            fileio.rewrite(path, change, timeout=_timeout(lock_timeout, path))
    return result[0]


def add_goal(
    path: Path,
    file: str,
    goal: NewGoal,
    *,
    dry_run: bool = False,
    lock_timeout: float | None = None,
) -> Edit:
    """Append a ``[[goal]]`` to ``path`` (creating the file if needed), validated, atomically."""

    _require_toml(path, file)
    result: list[Edit] = []

    def change(raw: bytes) -> bytes | None:
        text = Text.decode(raw, file) if raw else Text("", bom=False, newline="\n")
        edit = plan_add(text, file, goal)
        check(edit, path.suffix)
        warnings = new_warnings(edit, path.suffix, goal.id)
        result.append(dataclasses.replace(edit, warnings=tuple(warnings)))
        return None if dry_run else text.encode(edit.new)

    with _os_errors(file):
        if not path.exists():
            data = change(b"")
            if data is not None:
                fileio.create_atomically(path, data)
        elif dry_run:
            change(path.read_bytes())
        else:
            fileio.rewrite(path, lambda s: change(s.raw), timeout=_timeout(lock_timeout, path))
    return result[0]


@contextlib.contextmanager
def _os_errors(file: str) -> Iterator[None]:
    """A failed read or write (permissions, disk full) is the user's to fix, not a bug."""
    try:
        yield
    except OSError as exc:
        raise DataError.of("edit.cannot_write", file=file, reason=os_reason(exc)) from None


def _timeout(value: float | None, path: Path) -> float:
    return default_lock_timeout(path) if value is None else value


def _require_toml(path: Path, file: str) -> None:
    if path.suffix.lower() != ".toml":
        raise EditError.of("edit.yaml", file=file)
