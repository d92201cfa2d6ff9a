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
2. **Validity.** The new text goes through the loader (:func:`tracker.load.loader.load_text`, the
   path ``tracker check`` takes) and must not bring a single new error.

Only TOML is edited. A YAML round-trip (ruamel.yaml) re-indents and re-flows what it writes,
which is exactly what this command promises not to do, so YAML files are refused with a
message saying how to add the outcome by hand.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import datetime as dt
import difflib
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from tracker.errors import DataError, UsageError
from tracker.model import Dataset, Goal
from tracker.parse.dates import DateError, parse_as_of
from tracker.parse.tomltext import toml_string
from tracker.problems import Problem, Severity

if TYPE_CHECKING:
    from tracker.model import FileData

BOM = "\ufeff"
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_DEFAULT_INDENT = "  "


class EditError(UsageError):
    """The edit cannot be made as asked (exit 2); the message says what to do instead."""


class InvalidResultError(UsageError):
    """The edited file would not pass ``tracker check``; nothing was written."""

    def __init__(self, message: str, problems: Sequence[Problem]) -> None:
        super().__init__(message)
        self.problems = tuple(problems)


# --- what is written ------------------------------------------------------------------------


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


def toml_scalar(text: str) -> str:
    """A figure as typed: a plain integer stays a TOML integer (``814``), everything else a
    string (``"5.6万"``), so no decimal is ever turned into a binary float."""
    text = text.strip()
    return text if _INTEGER.fullmatch(text) else toml_string(text)


def toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else toml_string(key)


# --- reading a TOML file's layout -----------------------------------------------------------

_BLANK, _COMMENT, _HEADER, _CONTENT = "blank", "comment", "header", "content"


@dataclass(frozen=True, slots=True)
class _Line:
    kind: str
    indent: str = ""
    header: tuple[str, ...] = ()
    array: bool = False


def _split_dotted(key: str) -> tuple[str, ...]:
    parts: list[str] = []
    current: list[str] = []
    quote: str | None = None
    for ch in key:
        if quote:
            if ch == quote:
                quote = None
            else:
                current.append(ch)
        elif ch in "\"'":
            quote = ch
        elif ch == ".":
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    parts.append("".join(current).strip())
    return tuple(parts)


def _header(stripped: str) -> tuple[tuple[str, ...], bool]:
    array = stripped.startswith("[[")
    body = stripped[2:] if array else stripped[1:]
    close = "]]" if array else "]"
    end = body.find(close)
    return _split_dotted(body[:end] if end >= 0 else body), array


def _advance(text: str, string: str | None, depth: int) -> tuple[str | None, int]:
    """Carry the multi-line string / open bracket state over one line of a value."""
    i, n = 0, len(text)
    while i < n:
        if string is not None:
            if string == '"""' and text[i] == "\\":
                i += 2
                continue
            if text.startswith(string, i):
                i += 3
                while i < n and text[i] == string[0]:  # """" ends with a quote inside
                    i += 1
                string = None
                continue
            i += 1
            continue
        ch = text[i]
        if ch == "#":
            break
        if text.startswith('"""', i) or text.startswith("'''", i):
            string = text[i : i + 3]
            i += 3
        elif ch == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            i += 1
        elif ch == "'":
            end = text.find("'", i + 1)
            i = n if end < 0 else end + 1
        else:
            if ch in "[{":
                depth += 1
            elif ch in "]}":
                depth = max(0, depth - 1)
            i += 1
    return string, depth


def _scan(lines: Sequence[str]) -> list[_Line]:
    """Classify each line: blank, comment, table header, or part of a key = value."""
    out: list[_Line] = []
    string: str | None = None
    depth = 0
    for line in lines:
        body = line.rstrip("\r\n")
        stripped = body.strip()
        indent = body[: len(body) - len(body.lstrip())]
        if string is None and depth == 0:
            if not stripped:
                out.append(_Line(_BLANK, indent))
                continue
            if stripped.startswith("#"):
                out.append(_Line(_COMMENT, indent))
                continue
            if stripped.startswith("["):
                key, array = _header(stripped)
                out.append(_Line(_HEADER, indent, key, array))
                continue
        out.append(_Line(_CONTENT, indent))
        string, depth = _advance(body, string, depth)
    return out


@dataclass(frozen=True, slots=True)
class _GoalLayout:
    start: int  # the [[goal]] header's line index
    end: int  # exclusive: the next header that is not part of this goal, or EOF
    outcomes: tuple[tuple[int, int], ...]  # each [[goal.outcome]]: (header, last content line)
    last_content: int


def _last_content(scanned: Sequence[_Line], start: int, end: int) -> int:
    for index in range(end - 1, start - 1, -1):
        if scanned[index].kind in (_CONTENT, _HEADER):
            return index
    return start


def _goal_layouts(scanned: Sequence[_Line]) -> list[_GoalLayout]:
    headers = [i for i, line in enumerate(scanned) if line.kind == _HEADER]
    layouts: list[_GoalLayout] = []
    for pos, index in enumerate(headers):
        line = scanned[index]
        if not (line.array and line.header == ("goal",)):
            continue
        end = len(scanned)
        members: list[int] = []
        for later in headers[pos + 1 :]:
            path = scanned[later].header
            if len(path) < 2 or path[0] != "goal":
                end = later
                break
            members.append(later)
        outcomes: list[tuple[int, int]] = []
        for m_pos, member in enumerate(members):
            m_line = scanned[member]
            if not (m_line.array and m_line.header == ("goal", "outcome")):
                continue
            o_end = end
            for later in members[m_pos + 1 :]:
                path = scanned[later].header
                if not (len(path) > 2 and path[:2] == ("goal", "outcome")):
                    o_end = later
                    break
            outcomes.append((member, _last_content(scanned, member, o_end)))
        layouts.append(_GoalLayout(index, end, tuple(outcomes), _last_content(scanned, index, end)))
    return layouts


def _key_indent(lines: Sequence[str], scanned: Sequence[_Line], header: int) -> str:
    for index in range(header + 1, len(scanned)):
        if scanned[index].kind == _CONTENT:
            return scanned[index].indent
        if scanned[index].kind == _HEADER:
            break
    del lines
    return scanned[header].indent


# --- the text as a whole --------------------------------------------------------------------


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
            raise DataError(
                f"{file} is not UTF-8: convert it first (e.g. iconv -f GBK -t UTF-8), "
                "then run tracker check"
            ) from None
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


def _parse(text: str, file: str) -> dict[str, Any]:
    import tomli  # noqa: PLC0415

    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        raise DataError(
            f"{file} is not valid TOML ({exc}): fix it first (run tracker check)"
        ) from None


def _find_goal(document: dict[str, Any], goal_id: str, file: str) -> int:
    goals = document.get("goal")
    if not isinstance(goals, list):
        raise EditError(f'{file} has no [[goal]] tables: goal "{goal_id}" is not in it')
    hits = [i for i, g in enumerate(goals) if isinstance(g, dict) and g.get("id") == goal_id]
    if not hits:
        raise EditError(f'goal "{goal_id}" is not in {file}')
    if len(hits) > 1:
        raise DataError(
            f'goal id "{goal_id}" is used {len(hits)} times in {file}: '
            "make the ids unique first (run tracker check)"
        )
    return hits[0]


def _as_of(raw: object) -> dt.date | None:
    try:
        return parse_as_of(raw)
    except DateError:
        return None


def _unsupported_layout(goal_id: str, file: str, why: str) -> EditError:
    return EditError(
        f'cannot append to goal "{goal_id}" in {file}: {why}; tracker record writes '
        "[[goal.outcome]] tables — add the outcome by hand, or rewrite the goal's outcomes "
        "as [[goal.outcome]] tables"
    )


def plan_record(
    text: Text, file: str, goal_id: str, outcome: NewOutcome, *, replace: bool = False
) -> Edit:
    """The file with ``outcome`` appended after the goal's last outcome (or replacing the
    outcome of the same date, with ``replace``). Pure: reads and writes nothing."""
    document = _parse(text.body, file)
    goal_index = _find_goal(document, goal_id, file)
    goal = document["goal"][goal_index]
    existing = goal.get("outcome", [])
    if not isinstance(existing, list):
        raise _unsupported_layout(goal_id, file, "its outcome key is not a list of tables")

    lines = text.body.splitlines(keepends=True)
    scanned = _scan(lines)
    layouts = _goal_layouts(scanned)
    if len(layouts) != len(document["goal"]):
        raise _unsupported_layout(goal_id, file, "its goals are not all written as [[goal]]")
    layout = layouts[goal_index]
    if len(layout.outcomes) != len(existing):
        raise _unsupported_layout(goal_id, file, "its outcomes are written as an inline array")

    same_date = [i for i, o in enumerate(existing) if _as_of(o.get("as_of")) == outcome.as_of]
    if same_date and not replace:
        previous = existing[same_date[0]]
        shown = previous.get("value", previous.get("done", "…"))
        raise EditError(
            f'goal "{goal_id}" already has an outcome for {outcome.as_of} '
            f"(value {shown!s}, {file}:{layout.outcomes[same_date[0]][0] + 1}): "
            "add --replace to overwrite it, or check --as-of"
        )
    if len(same_date) > 1:
        raise EditError(
            f'goal "{goal_id}" has {len(same_date)} outcomes for {outcome.as_of}: '
            "cannot tell which to replace; edit the file by hand"
        )

    # Indentation: as this goal's outcomes, else as any outcome in the file, else two spaces.
    sample = (
        layout.outcomes[-1][0]
        if layout.outcomes
        else next(
            (
                i
                for i, line in enumerate(scanned)
                if line.kind == _HEADER and line.array and line.header == ("goal", "outcome")
            ),
            None,
        )
    )
    header_indent = scanned[sample].indent if sample is not None else _DEFAULT_INDENT
    key_indent = _key_indent(lines, scanned, sample) if sample is not None else _DEFAULT_INDENT
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
        after = [nl] if anchor + 1 < len(lines) and scanned[anchor + 1].kind != _BLANK else []
        new_lines[anchor + 1 : anchor + 1] = [nl, *block, *after]
        at = anchor + 2
    new_body = "".join(new_lines)

    # The meaning check: the old document plus (or with, replaced) exactly this outcome.
    added = _parse("".join(f"{k} = {v}\n" for k, v in outcome.fields()), file)
    expected = copy.deepcopy(document)
    outcomes = expected["goal"][goal_index].setdefault("outcome", [])
    if same_date:
        outcomes[same_date[0]] = added
    else:
        outcomes.append(added)
    if _parse(new_body, file) != expected:
        raise RuntimeError(f"the edit of {file} would change more than the new outcome")
    return Edit(file, text.body, new_body, at + 1, replaced=bool(same_date))


def plan_add(text: Text, file: str, goal: NewGoal) -> Edit:
    """The file with a new ``[[goal]]`` block at its end. Pure."""
    document = _parse(text.body, file) if text.body.strip() else {}
    goals = document.get("goal", [])
    if any(isinstance(g, dict) and g.get("id") == goal.id for g in goals):
        raise EditError(f'goal "{goal.id}" already exists in {file}: choose another --id')
    nl = text.newline
    body = text.body
    if body and not body.endswith("\n"):
        body += nl
    separator = nl if body.strip() and not body.endswith(nl + nl) else ""
    block = f"[[goal]]{nl}" + "".join(f"{toml_key(k)} = {v}{nl}" for k, v in goal.pairs)
    new_body = body + separator + block

    added = _parse("".join(f"{toml_key(k)} = {v}\n" for k, v in goal.pairs), file)
    expected = copy.deepcopy(document)
    if not isinstance(expected.get("goal", []), list):
        raise EditError(f"{file}: its goal key is not a list of [[goal]] tables; fix it first")
    expected.setdefault("goal", []).append(added)
    if _parse(new_body, file) != expected:
        raise RuntimeError(f"the edit of {file} would change more than the new goal")
    line = new_body.count("\n", 0, len(body) + len(separator)) + 1
    return Edit(file, text.body, new_body, line)


# --- validity -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _load_text(text: str, file: str, suffix: str) -> FileData:
    """The loader's reading of a text; remembered, since both the errors and the warnings
    of an edit compare the same two texts."""
    from tracker.load.file import load_text  # noqa: PLC0415

    return load_text(text, file, suffix)


def _fresh(before: Sequence[Problem], after: Sequence[Problem]) -> list[Problem]:
    """The problems of ``after`` that ``before`` does not have (compared by code, goal and
    message: an edit moves the lines below it)."""
    fresh = Counter(_key(p) for p in after) - Counter(_key(p) for p in before)
    found = []
    for problem in after:
        if fresh[_key(problem)] > 0:
            fresh[_key(problem)] -= 1
            found.append(problem)
    return found


def _key(problem: Problem) -> tuple[str, str | None, str]:
    return (problem.code, problem.goal_id, problem.message)


def new_errors(edit: Edit, suffix: str) -> list[Problem]:
    """Errors the loader finds in the edited text that it did not find before."""

    def errors(text: str) -> list[Problem]:
        problems = _load_text(text, edit.file, suffix).problems
        return [p for p in problems if p.severity is Severity.ERROR]

    return _fresh(errors(edit.old), errors(edit.new))


def new_warnings(edit: Edit, suffix: str, goal_id: str) -> list[Problem]:
    """Warnings ``tracker check`` would report for goal ``goal_id`` in the edited text that
    it did not report before (a cumulative figure below an earlier one, W205, …); the
    goal's acknowledgements apply. Lines are those of the edited text."""
    from tracker.core.checks import check_goals, sort_problems  # noqa: PLC0415

    def warnings(text: str) -> list[Problem]:
        part = _load_text(text, edit.file, suffix)
        reported, _ = check_goals((g for g in part.goals if g.id == goal_id), dt.date.today())
        found = [p for p in [*part.problems, *reported] if p.goal_id == goal_id]
        return [p for p in found if p.severity is Severity.WARNING]

    return sort_problems(_fresh(warnings(edit.old), warnings(edit.new)))


def check(edit: Edit, suffix: str) -> None:
    """Refuse an edit that would make the file fail ``tracker check``."""
    problems = new_errors(edit, suffix)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise InvalidResultError(
            f"nothing written: the result would not pass tracker check: "
            f"{first.location()}: {first.code} {first.message}{more}",
            problems,
        )


# --- applying ---------------------------------------------------------------------------------


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
    from tracker.edit import files as fileio  # noqa: PLC0415

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
            fileio.rewrite(path, change, timeout=_timeout(lock_timeout))
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
    from tracker.edit import files as fileio  # noqa: PLC0415

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
            fileio.rewrite(path, lambda s: change(s.raw), timeout=_timeout(lock_timeout))
    return result[0]


@contextlib.contextmanager
def _os_errors(file: str) -> Iterator[None]:
    """A failed read or write (permissions, disk full) is the user's to fix, not a bug."""
    try:
        yield
    except OSError as exc:
        raise DataError(
            f"cannot write {file}: {exc.strerror or exc}; the file is unchanged"
        ) from None


def _timeout(value: float | None) -> float:
    from tracker.edit.files import DEFAULT_LOCK_TIMEOUT  # noqa: PLC0415

    return DEFAULT_LOCK_TIMEOUT if value is None else value


def _require_toml(path: Path, file: str) -> None:
    if path.suffix.lower() != ".toml":
        raise EditError(
            f"{file} is a YAML file; tracker writes TOML files only (a YAML round-trip would "
            "re-indent the file): add the entry by hand, then run tracker check"
        )


# --- from the command line to a checked outcome -----------------------------------------------

_DONE_WORDS = {
    "true": True, "yes": True, "done": True, "y": True, "1": True,
    "是": True, "完成": True, "已完成": True,
    "false": False, "no": False, "not-done": False, "not_done": False, "n": False, "0": False,
    "否": False, "未完成": False,
}  # fmt: skip
_RATIO = re.compile(r"\s*([0-9０-９.,，]+)\s*/\s*([0-9０-９.,，]+)\s*")  # 18909/20037


def find_goal(dataset: Dataset, goal_id: str) -> Goal:
    """The goal with this id; an unknown id is a usage error naming the closest ids."""
    for goal in dataset.goals:
        if goal.id == goal_id:
            return goal
    broken = [p for p in dataset.errors if p.goal_id == goal_id]
    if broken:
        first = broken[0]
        raise DataError(
            f'goal "{goal_id}" has errors ({first.location()}: {first.code} {first.message}): '
            "fix them first (run tracker check)"
        )
    close = difflib.get_close_matches(goal_id, [g.id for g in dataset.goals], n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else "; list the ids with tracker status"
    raise EditError(f'unknown goal id "{goal_id}"{hint}')


def data_file(dataset: Dataset, shown: str) -> Path:
    """The path of the data file the loader showed as ``shown``."""
    from tracker.load.discover import display_path, iter_data_files  # noqa: PLC0415

    for path in iter_data_files(dataset.root):
        if display_path(path) == shown:
            return path
    raise DataError(f"{shown} is no longer in the data directory: run the command again")


def check_source(dataset: Dataset, source: str | None) -> None:
    if source is not None and source not in dataset.sources:
        close = difflib.get_close_matches(source, sorted(dataset.sources), n=1, cutoff=0.6)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        raise EditError(
            f'--source: no source with id "{source}"{hint}: use an id from a [[source]] table '
            "(add the source to a data file first)"
        )


def build_outcome(
    dataset: Dataset,
    goal: Goal,
    value: str,
    as_of: dt.date,
    *,
    stated_rate: str | None = None,
    source: str | None = None,
    quote: str | None = None,
    note: str | None = None,
) -> NewOutcome:
    """Check the user's input against the goal (unit, kind, dates, sources): usage errors
    with the fix, before any file is touched."""
    from tracker.model import Kind  # noqa: PLC0415
    from tracker.parse.quantity import QuantityError, parse_quantity, parse_unit  # noqa: PLC0415

    if as_of < goal.start:
        raise EditError(
            f"--as-of {as_of} is before the goal's start ({goal.start}): "
            "an outcome is a figure for a date inside the period; check the date or the goal id"
        )
    check_source(dataset, source)
    common: dict[str, Any] = {"source": source, "quote": quote, "note": note}
    if goal.kind is Kind.MILESTONE:
        done = _DONE_WORDS.get(value.strip().casefold())
        if done is None:
            raise EditError(
                f'goal "{goal.id}" is a milestone: VALUE is done or not-done '
                f"(true/false, 完成/未完成), not {value!r}"
            )
        if stated_rate is not None:
            raise EditError("--stated-rate: a milestone has no completion rate; drop it")
        return NewOutcome(as_of, done=done, **common)
    try:
        if stated_rate is not None:
            parse_quantity(stated_rate, unit=None, role="rate")
    except QuantityError as exc:
        raise EditError(f"--stated-rate: {exc}") from None
    if ratio := _RATIO.fullmatch(value):
        numerator, denominator = ratio[1], ratio[2]
        try:
            low = parse_quantity(denominator, unit=None, role="exact")
            parse_quantity(numerator, unit=None, role="exact")
        except QuantityError as exc:
            raise EditError(f"VALUE {value!r} as numerator/denominator: {exc}") from None
        if low.nominal <= 0:
            raise EditError(f"VALUE {value!r}: the denominator must be positive")
        return NewOutcome(
            as_of, numerator=numerator, denominator=denominator, stated_rate=stated_rate, **common
        )
    try:
        unit = parse_unit(goal.unit) if goal.unit else None
        parse_quantity(value, unit=unit, role="outcome", tolerance=goal.tolerance)
    except QuantityError as exc:
        raise EditError(f"VALUE: {exc}") from None
    return NewOutcome(as_of, value=value.strip(), stated_rate=stated_rate, **common)


# --- tracker add: from options and answers to a checked goal ----------------------------------

_SLUG_MAX = 40
_KINDS = ("at_least", "at_most", "range", "milestone")
_MEASURES = ("flow", "level")


class Ask(Protocol):
    """Asks the user for a field: ``ask(field, default, check, choices)`` → the checked value."""

    def __call__(
        self,
        field: str,
        default: str | None,
        check: Callable[[str], Any],
        choices: tuple[str, ...] | None = None,
    ) -> Any: ...


@dataclass(frozen=True, slots=True)
class GoalInput:
    """``tracker add``'s options, as typed (None = not given)."""

    file: str | None = None
    goal_id: str | None = None
    region: str | None = None
    title: str | None = None
    unit: str | None = None
    kind: str | None = None
    measure: str | None = None
    period: str | None = None
    target: str | None = None
    category: str | None = None
    source: str | None = None
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class GoalPlan:
    path: Path
    shown: str  # the file as the user should see it
    inside: bool  # whether the file is inside the data directory (and so will be read)
    goal: NewGoal


def _pinyin(text: str) -> str:
    """Toneless pinyin of the Han characters, ASCII letters and digits kept, lower case,
    pieces joined with "-": 城镇新增就业 → chengzhenxinzengjiuye, 5G网络 → 5g-wangluo."""
    from pypinyin import lazy_pinyin  # noqa: PLC0415  # heavy; only ids need it

    pieces: list[str] = []
    for run in re.findall(r"[\u3400-\u9fff]+|[A-Za-z0-9]+", unicodedata.normalize("NFKC", text)):
        if run.isascii():
            pieces.append(run.lower())
        else:
            pieces.append("".join(s.lower() for s in lazy_pinyin(run) if s.isascii()))
    slug = "-".join(p for p in pieces if p)
    if len(slug) > _SLUG_MAX:
        slug = slug[:_SLUG_MAX].rstrip("-")
    return slug


def generate_id(region: str, period: str, title: str, taken: set[str]) -> str:
    """``<region pinyin>-<period>-<title pinyin>``, with -2, -3 … when taken."""
    from tracker.core.regions import strip_suffix  # noqa: PLC0415

    stem = "-".join(p for p in (_pinyin(strip_suffix(region)), period, _pinyin(title)) if p)
    candidate, n = stem, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def _file_defaults(path: Path, shown: str) -> dict[str, Any]:
    if not path.is_file():
        return {}
    document = _parse(Text.decode(path.read_bytes(), shown).body, shown)
    defaults = document.get("defaults", {})
    return defaults if isinstance(defaults, dict) else {}


def plan_goal(dataset: Dataset, given: GoalInput, ask: Ask | None) -> GoalPlan:
    """Every field of a new goal, from the options, the file's [defaults] and, on a terminal,
    the user's answers; each checked as it comes. A missing required field without a
    terminal is a usage error naming its option."""
    return _GoalBuilder(dataset, given, ask).build()


def _optional(check: Callable[[str], Any]) -> Callable[[str], Any]:
    """An optional field: an empty answer means "none"."""
    return lambda raw: check(raw.strip()) if raw.strip() else None


def _text(raw: str) -> str:
    if not raw.strip():
        raise EditError("cannot be empty")
    return raw.strip()


def _choice(options: tuple[str, ...]) -> Callable[[str], str]:
    def check(raw: str) -> str:
        value = raw.strip()
        if value not in options:
            raise EditError(f"{value!r} is not one of {', '.join(options)}")
        return value

    return check


class _GoalBuilder:
    """One ``tracker add``: each field from its option, else the user (on a terminal), else
    its default; each checked by the method named after it."""

    def __init__(self, dataset: Dataset, given: GoalInput, ask: Ask | None) -> None:
        self.dataset = dataset
        self.given = given
        self.ask = ask
        # A person at a terminal who left out a required field is asked for every field not
        # given; one who gave them all is asked only what has no default.
        self.session = ask is not None and None in (given.title, given.period)
        self.kind = "at_least"
        self.unit: str | None = None
        self.taken = {g.id for g in dataset.goals}

    def get(
        self,
        field: str,
        raw: str | None,
        check: Callable[[str], Any],
        *,
        default: str | None = None,
        required: bool = False,
        choices: tuple[str, ...] | None = None,
        hint: str = "",
    ) -> Any:
        if raw is not None:
            return check(raw)
        if self.ask is not None and (self.session or (required and default is None)):
            return self.ask(field, default, check, choices)
        if default is not None:
            return check(default)
        if required:
            raise EditError(f"missing --{field}{hint}")
        return None

    # --- field checks ---

    def region_name(self, raw: str) -> str:
        from tracker.core.regions import RegionIndex, RegionInfo, RegionLookupError  # noqa: PLC0415

        index = RegionIndex(
            RegionInfo(r.name, r.parent, r.aliases) for r in self.dataset.regions.values()
        )
        try:
            return index.resolve(raw.strip())
        except RegionLookupError as exc:
            raise EditError(f"--region: {exc.message()}") from None

    def file_path(self, raw: str) -> Path:
        """As typed (relative to the working directory, else to the data directory)."""
        path = Path(raw.strip()).expanduser()
        if not path.is_absolute() and not path.exists():
            root = self.dataset.root
            in_data = (root if root.is_dir() else root.parent) / path
            if in_data.exists():
                path = in_data
        if path.suffix.lower() != ".toml":
            raise EditError(f"--file {raw}: tracker add writes TOML files (name it *.toml)")
        if not path.parent.is_dir():
            raise EditError(f"--file {raw}: directory {path.parent} does not exist")
        return path

    def unit_text(self, raw: str) -> str:
        from tracker.parse.quantity import QuantityError, parse_unit  # noqa: PLC0415

        try:
            parse_unit(raw.strip())
        except QuantityError as exc:
            raise EditError(f"--unit: {exc}") from None
        return raw.strip()

    def period_text(self, raw: str) -> str:
        from tracker.parse.dates import parse_period  # noqa: PLC0415

        try:
            start, end = parse_period(raw.strip())
        except DateError as exc:
            raise EditError(f"--period: {exc}") from None
        return str(start.year) if start.year == end.year else f"{start.year}-{end.year}"

    def target_literal(self, raw: str) -> str:
        from tracker.parse.quantity import QuantityError, parse_quantity, parse_unit  # noqa: PLC0415

        if self.kind == "milestone":
            raise EditError("--target: a milestone has no target; drop it")
        parts = [p.strip() for p in re.split(r"[,,]", raw)] if self.kind == "range" else [raw]
        if len(parts) > 2:
            raise EditError('--target: a band is two values, "2%,3%"')
        try:
            for part in parts:
                parse_quantity(part, unit=parse_unit(self.unit or ""), role="target")
        except QuantityError as exc:
            raise EditError(f"--target: {exc}") from None
        if len(parts) == 2:
            return f"[{toml_scalar(parts[0])}, {toml_scalar(parts[1])}]"
        return toml_scalar(parts[0])

    def source_id(self, raw: str) -> str:
        check_source(self.dataset, raw)
        return raw

    def goal_id(self, raw: str) -> str:
        value = _text(raw)
        if value in self.taken:
            raise EditError(f'--id: goal id "{value}" is already used: choose another')
        return value

    def holders(self, region: str | None) -> list[str]:
        """The TOML files that hold the region's goals; the file whose [defaults] name the
        region (its home file) alone when there is exactly one."""
        files = sorted(
            {
                g.file
                for g in self.dataset.goals
                if g.region == region and g.file.lower().endswith(".toml")
            }
        )
        home = [f for f in files if _file_defaults(Path(f), f).get("region") == region]
        return home if len(home) == 1 else files

    # --- the whole goal ---

    def build(self) -> GoalPlan:
        from tracker.load.discover import display_path  # noqa: PLC0415

        given = self.given
        title: str = self.get("title", given.title, _text, required=True, hint=" (its name)")
        region = self.region_name(given.region) if given.region is not None else None
        holders = self.holders(region)
        path: Path = self.get(
            "file",
            given.file,
            self.file_path,
            default=holders[0] if len(holders) == 1 or (holders and self.ask) else None,
            required=True,
            hint=(
                f": {region}'s goals are in {', '.join(holders)}; choose one"
                if holders
                else " (the TOML file to add the goal to)"
            ),
        )
        shown = display_path(path)
        defaults = _file_defaults(path, shown)
        default_region = _str_or_none(defaults.get("region"))
        default_source = _str_or_none(defaults.get("source"))
        if region is None:
            region = self.get(
                "region", None, self.region_name, default=default_region, required=True,
                hint=" (a region name, alias or pinyin)",
            )  # fmt: skip
        assert region is not None  # noqa: S101  # required above

        self.kind = self.get(
            "kind", given.kind, _choice(_KINDS), default="at_least", choices=_KINDS
        )
        if self.kind == "milestone":
            if given.unit is not None:
                raise EditError("--unit: a milestone has no unit; drop it")
        else:
            self.unit = self.get(
                "unit", given.unit, self.unit_text, required=True, hint=" (人, % …)"
            )
        measure = self.get("measure", given.measure, _optional(_choice(_MEASURES)), default="")
        period: str = self.get(
            "period", given.period, self.period_text, required=True, hint=" (2023 or 2021-2025)"
        )
        target = None
        if self.kind != "milestone" or given.target is not None:
            target = self.get("target", given.target, _optional(self.target_literal), default="")
        category = self.get("category", given.category, _optional(str), default="")
        source = self.get(
            "source", given.source, _optional(self.source_id), default=default_source or ""
        )
        quote = self.get("quote", given.quote, _optional(str), default="")
        generated = (
            generate_id(region, period, title, self.taken) if given.goal_id is None else None
        )
        gid: str = self.get("id", given.goal_id, self.goal_id, default=generated)

        pairs: list[tuple[str, str]] = [("id", toml_string(gid)), ("title", toml_string(title))]
        if region != default_region:
            pairs.append(("region", toml_string(region)))
        if category:
            pairs.append(("category", toml_string(category)))
        if self.unit is not None:
            pairs.append(("unit", toml_string(self.unit)))
        if self.kind != "at_least":
            pairs.append(("kind", toml_string(self.kind)))
        if measure:
            pairs.append(("measure", toml_string(measure)))
        pairs.append(("period", period if _INTEGER.fullmatch(period) else toml_string(period)))
        if target is not None:
            pairs.append(("target", target))
        if quote:
            pairs.append(("quote", toml_string(quote)))
        if source and source != default_source:
            pairs.append(("source", toml_string(source)))

        root = self.dataset.root.resolve()
        resolved = path.resolve()
        inside = resolved == root or root in resolved.parents
        return GoalPlan(path, shown, inside, NewGoal(gid, tuple(pairs)))


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None
