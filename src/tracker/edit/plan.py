"""Editing data files: append an outcome to a goal, or a new goal to a file, changing
nothing else.

Why text splicing and not a TOML round-trip library: tomlkit (0.15) re-renders what it parses,
and does not do so exactly — ``baseline = { value = 1598, as_of = 2021-12-31 }`` comes back as
``…2021-12-31}``, three unrelated lines of the shipped ``yuncheng.toml``. So this module reads
the file's *layout* with a small line scanner (headers, key lines, comments, blank lines,
multi-line strings and arrays), inserts the new lines at the right place, and leaves every
other byte alone. Two checks guard each edit before anything is written:

1. **Meaning.** The new text is parsed and must equal the old document plus exactly the new
   outcome (or goal) — anything else is a bug here and nothing is written.
2. **Validity.** The new text goes through the loader (:func:`tracker.load.file.load_text`, the
   path ``tracker check`` takes) and must not bring a single new error.

Only TOML is edited. A YAML round-trip (ruamel.yaml) re-indents and re-flows what it writes,
which is exactly what this command promises not to do, so YAML files are refused with a
message saying how to add the outcome by hand.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import tomli

from tracker.edit.layout import (
    BLANK,
    DEFAULT_INDENT,
    HEADER,
    goal_layouts,
    indent_of_keys,
    scan,
    toml_key,
    toml_scalar,
)
from tracker.errors import DataError, UsageError
from tracker.messages import localized, message
from tracker.parse.dates import DateError, parse_as_of
from tracker.parse.tomltext import toml_string
from tracker.problems import Problem

BOM = "\ufeff"


class EditError(UsageError):
    """The edit cannot be made as asked (exit 2); the message says what to do instead."""


class InvalidResultError(UsageError):
    """The edited file would not pass ``tracker check``; nothing was written. The message
    names the first of ``problems`` (at least one)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        first, n = problems[0], len(problems) - 1
        params = {
            "where": first.location(),
            "code": first.code,
            "problem": first.localized(),
            "more": localized("edit.invalid_result.more", n=n) if n else "",
        }
        super().__init__(message(_INVALID, "en", params), key=_INVALID, **params)
        self.problems = tuple(problems)


_INVALID = "edit.invalid_result"


@dataclass(frozen=True, slots=True)
class NewOutcome:
    """An outcome as the user typed it. Text fields are written as typed (quoted strings),
    plain integers as TOML integers, the way the shipped data writes them."""

    as_of: dt.date
    value: str | None = None
    numerator: str | None = None
    denominator: str | None = None
    done: bool | None = None
    stated_rate: str | None = None
    quote: str | None = None
    source: str | None = None
    note: str | None = None

    def fields(self) -> list[tuple[str, str]]:
        """(key, TOML literal) pairs, in the order SPEC §1.4 shows them."""
        pairs: list[tuple[str, str]] = [("as_of", self.as_of.isoformat())]
        for key in ("value", "numerator", "denominator"):
            raw = getattr(self, key)
            if raw is not None:
                pairs.append((key, toml_scalar(raw)))
        if self.done is not None:
            pairs.append(("done", "true" if self.done else "false"))
        for key in ("stated_rate", "quote", "source", "note"):
            raw = getattr(self, key)
            if raw is not None:
                pairs.append((key, toml_scalar(raw) if key == "stated_rate" else toml_string(raw)))
        return pairs


@dataclass(frozen=True, slots=True)
class NewGoal:
    """A goal for ``tracker add``: ``(key, TOML literal)`` pairs in writing order."""

    id: str
    pairs: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    # a new file's [defaults] (the region its goals are of), written before the goal
    defaults: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Text:
    """A decoded data file: its text (without BOM), whether it had one, its line ending."""

    body: str
    bom: bool
    newline: str

    @classmethod
    def decode(cls, raw: bytes, file: str) -> Text:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise DataError.of("edit.not_utf8", file=file) from None
        bom = text.startswith(BOM)
        body = text[1:] if bom else text
        newline = "\r\n" if "\r\n" in body.split("\n", 1)[0] + "\n" else "\n"
        return cls(body, bom, newline)

    def encode(self, body: str) -> bytes:
        return ((BOM if self.bom else "") + body).encode("utf-8")


@dataclass(frozen=True, slots=True)
class Edit:
    """The result of planning an edit: the new text and where the new block is."""

    file: str
    old: str
    new: str
    line: int  # 1-based line of the new block's header
    replaced: bool = False
    # warnings `tracker check` reports for the edited goal after the edit and not before
    warnings: tuple[Problem, ...] = ()

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.old.splitlines(keepends=True),
                self.new.splitlines(keepends=True),
                fromfile=f"a/{self.file}",
                tofile=f"b/{self.file}",
            )
        )


def parse_toml(text: str, file: str) -> dict[str, Any]:

    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        raise DataError.of("edit.not_toml", file=file, detail=exc) from None


def _find_goal(document: dict[str, Any], goal_id: str, file: str) -> int:
    goals = document.get("goal")
    if not isinstance(goals, list):
        raise EditError.of("edit.no_goals", file=file, id=goal_id)
    hits = [i for i, g in enumerate(goals) if isinstance(g, dict) and g.get("id") == goal_id]
    if not hits:
        raise EditError.of("edit.goal_not_in_file", id=goal_id, file=file)
    if len(hits) > 1:
        raise DataError.of("edit.duplicate_id", id=goal_id, n=len(hits), file=file)
    return hits[0]


def _as_of(raw: object) -> dt.date | None:
    try:
        return parse_as_of(raw)
    except DateError:
        return None


def _unsupported_layout(goal_id: str, file: str, why: str) -> EditError:
    """``why``: the catalogue key of what is unusual about the goal's layout."""
    return EditError.of("edit.layout", id=goal_id, file=file, why=localized(why))


def plan_record(
    text: Text, file: str, goal_id: str, outcome: NewOutcome, *, replace: bool = False
) -> Edit:
    """The file with ``outcome`` appended after the goal's last outcome (or replacing the
    outcome of the same date, with ``replace``). Pure: reads and writes nothing."""
    document = parse_toml(text.body, file)
    goal_index = _find_goal(document, goal_id, file)
    goal = document["goal"][goal_index]
    existing = goal.get("outcome", [])
    if not isinstance(existing, list):
        raise _unsupported_layout(goal_id, file, "edit.layout.outcome_key")

    lines = text.body.splitlines(keepends=True)
    scanned = scan(lines)
    layouts = goal_layouts(scanned)
    if len(layouts) != len(document["goal"]):
        raise _unsupported_layout(goal_id, file, "edit.layout.goals")
    layout = layouts[goal_index]
    if len(layout.outcomes) != len(existing):
        raise _unsupported_layout(goal_id, file, "edit.layout.inline")

    same_date = [i for i, o in enumerate(existing) if _as_of(o.get("as_of")) == outcome.as_of]
    if same_date and not replace:
        previous = existing[same_date[0]]
        shown = previous.get("value", previous.get("done", "…"))
        raise EditError.of(
            "edit.same_date",
            id=goal_id,
            as_of=outcome.as_of,
            value=shown,
            where=f"{file}:{layout.outcomes[same_date[0]][0] + 1}",
        )
    if len(same_date) > 1:
        raise EditError.of(
            "edit.several_same_date", id=goal_id, n=len(same_date), as_of=outcome.as_of
        )

    # Indentation: as this goal's outcomes, else as any outcome in the file, else two spaces.
    sample = (
        layout.outcomes[-1][0]
        if layout.outcomes
        else next(
            (
                i
                for i, line in enumerate(scanned)
                if line.kind == HEADER and line.array and line.header == ("goal", "outcome")
            ),
            None,
        )
    )
    header_indent = scanned[sample].indent if sample is not None else DEFAULT_INDENT
    key_indent = indent_of_keys(lines, scanned, sample) if sample is not None else DEFAULT_INDENT
    nl = text.newline
    block = [f"{header_indent}[[goal.outcome]]{nl}"] + [
        f"{key_indent}{key} = {value}{nl}" for key, value in outcome.fields()
    ]

    new_lines = list(lines)
    if same_date:
        first, last = layout.outcomes[same_date[0]]
        new_lines[first : last + 1] = block
        at = first
    else:
        anchor = layout.outcomes[-1][1] if layout.outcomes else layout.last_content
        if not new_lines[anchor].endswith("\n"):
            new_lines[anchor] += nl
        after = [nl] if anchor + 1 < len(lines) and scanned[anchor + 1].kind != BLANK else []
        new_lines[anchor + 1 : anchor + 1] = [nl, *block, *after]
        at = anchor + 2
    new_body = "".join(new_lines)

    # The meaning check: the old document plus (or with, replaced) exactly this outcome.
    added = parse_toml("".join(f"{k} = {v}\n" for k, v in outcome.fields()), file)
    expected = copy.deepcopy(document)
    outcomes = expected["goal"][goal_index].setdefault("outcome", [])
    if same_date:
        outcomes[same_date[0]] = added
    else:
        outcomes.append(added)
    if parse_toml(new_body, file) != expected:
        raise RuntimeError(f"the edit of {file} would change more than the new outcome")
    return Edit(file, text.body, new_body, at + 1, replaced=bool(same_date))


def plan_add(text: Text, file: str, goal: NewGoal) -> Edit:
    """The file with a new ``[[goal]]`` block at its end. Pure."""
    document = parse_toml(text.body, file) if text.body.strip() else {}
    goals = document.get("goal", [])
    if any(isinstance(g, dict) and g.get("id") == goal.id for g in goals):
        raise EditError.of("edit.goal_exists", id=goal.id, file=file)
    nl = text.newline
    body = text.body
    if not body.strip() and goal.defaults:
        body = f"[defaults]{nl}" + "".join(f"{toml_key(k)} = {v}{nl}" for k, v in goal.defaults)
        document = parse_toml(body, file)
    if body and not body.endswith("\n"):
        body += nl
    separator = nl if body.strip() and not body.endswith(nl + nl) else ""
    block = f"[[goal]]{nl}" + "".join(f"{toml_key(k)} = {v}{nl}" for k, v in goal.pairs)
    new_body = body + separator + block

    added = parse_toml("".join(f"{toml_key(k)} = {v}\n" for k, v in goal.pairs), file)
    expected = copy.deepcopy(document)
    if not isinstance(expected.get("goal", []), list):
        raise EditError.of("edit.goal_key", file=file)
    expected.setdefault("goal", []).append(added)
    if parse_toml(new_body, file) != expected:
        raise RuntimeError(f"the edit of {file} would change more than the new goal")
    line = new_body.count("\n", 0, len(body) + len(separator)) + 1
    return Edit(file, text.body, new_body, line)
