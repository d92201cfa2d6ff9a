"""Find the data directory, read every data file, validate, and build the :class:`Dataset`.

Problems are collected as values, never raised: a broken file's goals are skipped and every
other file is still read (SPEC §1, §6).
"""

from __future__ import annotations

import dataclasses
import itertools
import operator
import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from tracker import problems as codes
from tracker.errors import UsageError
from tracker.fastbuild import frozen_constructor
from tracker.model import (
    Baseline,
    Dataset,
    Goal,
    Kind,
    Measure,
    Outcome,
    Problem,
    Region,
    Source,
    Target,
)
from tracker.parse.dates import DateError, parse_as_of, parse_period
from tracker.parse.quantity import (
    Qualifier,
    Quantity,
    QuantityError,
    Role,
    Unit,
    parse_quantity,
    parse_unit,
)
from tracker.parse.readers import (
    MAX_DEPTH,
    READERS,
    Locator,
    ParseError,
    Path_,
    RefusedError,
    TooDeepError,
)
from tracker.parse.schema import (
    DEFAULT_KEYS,
    FIELD_NAMES,
    GOAL_KEYS,
    OUTCOME_KEYS,
    TOP_KEYS,
    GoalSpec,
    OutcomeSpec,
    RegionSpec,
    SourceSpec,
)

DATA_SUFFIXES = frozenset(READERS)

# Limits on what a data file may hold (docs/security.md): each is far above what real data
# needs and each, exceeded, is a finding rather than a slow or failed run.
MAX_FILE_BYTES = 10 * 1024 * 1024  # checked with stat, before a byte is read
MAX_NAME = 200  # characters: ids, region names and aliases, units, categories, tags
MAX_TEXT = 10_000  # characters: any other text (titles, quotes, notes, URLs)
MAX_REGION_DEPTH = 16  # levels of the region tree (province → city → county → … is 3 to 6)
# Keys whose text names something (and is matched, filtered on, shown as an id): it must be
# short and may not hide characters (a goal id with U+202E could pass for another).
_NAME_KEYS = frozenset(
    ("id", "name", "parent", "aliases", "region", "source", "unit", "category", "tags", "code")
)
_HIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_T = TypeVar("_T")
_PATH_RE = re.compile(r"`\$((?:\.[A-Za-z_]+|\[\d+\])*)`")
_FIELD_RE = re.compile(r"field `([^`]+)`")

_KINDS = {kind.value: kind for kind in Kind}  # a dict lookup: Kind(value) is much slower
_MEASURES = {measure.value: measure for measure in Measure}
_AS_OF = operator.attrgetter("as_of")
_DIRECTION = {
    Kind.AT_LEAST: {Qualifier.AT_LEAST, Qualifier.MORE_THAN, Qualifier.ABOUT},
    Kind.AT_MOST: {Qualifier.AT_MOST, Qualifier.LESS_THAN, Qualifier.ABOUT},
    Kind.RANGE: {Qualifier.ABOUT},
}


# the model's frozen dataclasses, built without their slow __init__ (see frozen_constructor)
_new_goal = frozen_constructor(Goal)
_new_outcome = frozen_constructor(Outcome)
_new_target = frozen_constructor(Target)


# --- where the data is ----------------------------------------------------------------------


def bundled_data() -> Path:
    """The sample dataset shipped inside the package (or the repository's, in a dev checkout)."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "sample_data"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "targets"


def find_data_dir(
    explicit: str | os.PathLike[str] | None, cwd: Path | None = None
) -> tuple[Path, bool]:
    """SPEC §1.1 order: --data, $TRACKER_DATA, ./targets, nearest parent targets/, bundled.

    Returns the path and whether it is the bundled sample.
    """
    for given, where in ((explicit, "--data"), (os.environ.get("TRACKER_DATA"), "$TRACKER_DATA")):
        if given:
            return _checked_data_path(Path(given), where), False
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "targets"
        if candidate.is_dir():
            return candidate, False
    return bundled_data(), True


def _checked_data_path(path: Path, where: str) -> Path:
    """A data path the user named: it must exist and be a directory or a data file."""
    if not path.exists():
        raise UsageError(f"{where}: {str(path)!r} does not exist: name a data directory or file")
    if not path.is_dir() and path.suffix.lower() not in DATA_SUFFIXES:
        raise UsageError(
            f"{where}: {str(path)!r} is not a data file: name a directory or a "
            f"{', '.join(sorted(DATA_SUFFIXES))} file"
        )
    return path


def iter_data_files(root: Path, links: list[Path] | None = None) -> Iterator[Path]:
    """Every data file below ``root`` (or ``root`` itself), sorted, skipping dot-directories.

    Linked directories are not followed (no loops; nothing outside ``root`` is reached through
    one); they are appended to ``links`` when it is given. Linked files are listed.
    """
    if root.is_file():
        yield root
        return
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if links is not None:
            links.extend(link for d in dirs if (link := Path(folder, d)).is_symlink())
        for name in sorted(files):
            if Path(name).suffix.lower() in DATA_SUFFIXES and not name.startswith("."):
                yield Path(folder, name)


def real_path(path: Path) -> Path:
    """``path.resolve()``, also for a link that loops (which ``resolve`` refuses to follow):
    it then stays where the loop was found, and reading it fails with a finding."""
    return Path(os.path.realpath(path))


def display_path(path: Path) -> str:
    """The path as the user should see it: relative to the working directory when inside it."""
    try:
        return str(real_path(path).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# --- one file -------------------------------------------------------------------------------


def decode(raw: bytes, file: str) -> tuple[str | None, Problem | None]:
    """UTF-8 (a BOM accepted) or a problem naming the fix."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\0" in raw:
        # UTF-16 (whose ASCII is half NUL bytes) or binary data: NUL is never text
        halves = sorted((raw[0::2].count(0), raw[1::2].count(0)))
        utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (
            halves[1] > len(raw) // 4 and halves[0] < len(raw) // 16
        )
        what = "UTF-16 text" if utf16 else "binary data (it contains NUL bytes)"
        fix = (
            f"convert it: `iconv -f UTF-16 -t UTF-8 {file} > {file}.utf8`"
            if utf16
            else "check that it is the data file you meant and save it as UTF-8 text"
        )
        line = None if utf16 else raw[: raw.index(b"\0")].count(b"\n") + 1
        return None, codes.problem(codes.NOT_UTF8, file, line, None, f"file is {what}: {fix}")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        guess = "GBK"
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            guess = "its encoding"
        return None, codes.problem(
            codes.NOT_UTF8,
            file,
            line,
            None,
            f"file is not UTF-8 (byte {exc.start}): convert it, e.g. "
            f"`iconv -f {guess if guess == 'GBK' else 'ENCODING'} -t UTF-8 {file} > {file}.utf8`",
        )


@dataclass(slots=True)
class _FileContext:
    file: str
    locator: Locator
    problems: list[Problem]

    def add(self, code: str, path: Path_, goal_id: str | None, message: str) -> None:
        line, column = self.locator.find(path)
        self.problems.append(codes.problem(code, self.file, line, goal_id, message, column))

    def line(self, path: Path_) -> int | None:
        """``locator.line(path)``, for a table: its header's position is looked up directly."""
        hit = self.locator.positions.get(path)
        return hit[0] if hit is not None else self.locator.line(path)


@dataclass(slots=True)
class FileData:
    """What one file contributes before cross-file checks."""

    regions: list[Region]
    sources: list[Source]
    goals: list[Goal]
    problems: list[Problem]


def load_file(path: Path) -> FileData:
    file = display_path(path)
    data = FileData([], [], [], [])
    try:
        with path.open("rb") as stream:
            info = os.fstat(stream.fileno())
            if not stat.S_ISREG(info.st_mode):  # a FIFO would block, a device never end
                data.problems.append(
                    codes.problem(
                        codes.UNREADABLE,
                        file,
                        None,
                        None,
                        "not a regular file: remove it, or rename it without .toml/.yaml/.yml",
                    )
                )
                return data
            if info.st_size > MAX_FILE_BYTES:
                data.problems.append(_too_large(file, info.st_size))
                return data
            raw = stream.read(MAX_FILE_BYTES + 1)  # + 1: a file that grew is still caught
    except OSError as exc:
        data.problems.append(
            codes.problem(codes.UNREADABLE, file, None, None, f"cannot read file: {exc.strerror}")
        )
        return data
    return load_bytes(raw, file, path.suffix)


def _too_large(file: str, size: int) -> Problem:
    return codes.problem(
        codes.FILE_TOO_LARGE,
        file,
        None,
        None,
        f"file is {size:,} bytes, more than the {MAX_FILE_BYTES:,} a data file may have: "
        "it is not read; split it into several files (one per region or year)",
    )


def load_bytes(raw: bytes, file: str, suffix: str) -> FileData:
    """One file's contribution from its bytes (read from disk, or from git by `tracker diff`)."""
    if len(raw) > MAX_FILE_BYTES:
        return FileData([], [], [], [_too_large(file, len(raw))])
    text, problem = decode(raw, file)
    if text is None:
        assert problem is not None  # noqa: S101  # decode returns one or the other
        return FileData([], [], [], [problem])
    return load_text(text, file, suffix)


def load_text(text: str, file: str, suffix: str) -> FileData:
    """One file's contribution from its decoded text: the path `load_file` takes after
    reading, shared by commands that check text before it is written (`tracker record`).

    ``file`` is the name problems carry; ``suffix`` (".toml", ".yaml", ".yml") picks the reader.
    """
    data = FileData([], [], [], [])
    reader = READERS[suffix.lower()]
    try:
        document, locator = reader(text)
    except (TooDeepError, RefusedError) as exc:  # their message says what to do
        code = codes.TOO_DEEP if isinstance(exc, TooDeepError) else codes.YAML_REFUSED
        data.problems.append(codes.problem(code, file, exc.line, None, exc.message, exc.column))
        return data
    except ParseError as exc:
        message = f"{exc.message}: {_syntax_hint(exc.message)}"
        data.problems.append(codes.problem(codes.SYNTAX, file, exc.line, None, message, exc.column))
        return data
    ctx = _FileContext(file, locator, data.problems)
    if document is None:
        return data  # an empty file is allowed
    if not isinstance(document, dict):
        ctx.add(
            codes.STRUCTURE,
            (),
            None,
            "the top level must be a table: write [[goal]], [[region]], [[source]] and "
            "[defaults] sections",
        )
        return data
    _build_file(document, ctx, data)
    return data


# Parser messages (tomli, PyYAML) → how to fix the usual cause; the first match wins.
_SYNTAX_HINTS = (
    ("Illegal character '\\n'", 'close the quotes on this line (several lines: """…""")'),
    ("Unterminated string", "close the quotes"),
    ('Expected "\'"', "close the quotes"),
    ("Expected '\"'", "close the quotes"),
    (
        "Invalid value",
        'quote text and quantities with straight quotes: title = "…", value = "5.31万" '
        "(not “…”); dates are written 2022-12-31, flags true or false",
    ),
    ("Expected '=' after a key", "write key = value"),
    ("Cannot overwrite a value", "this key is already set in this table: keep one"),
    ("duplicate key", "this key is already set in this table: keep one"),
    ("not allowed in YAML text", 'remove it, or write it as an escape in double quotes: "\\x1b"'),
    ("Invalid date or datetime", "write a date that exists, as YYYY-MM-DD: e.g. 2023-02-28"),
    ("is not a calendar date", "write a date that exists, as YYYY-MM-DD: e.g. 2023-02-28"),
    ("Cannot declare", "this table is declared twice: write repeated entries as [[goal]]"),
    (
        "Expected newline or end of document",
        'write one key = value per line; quote quantities ("5.31万"); '
        "dates are 2022-12-31, with two-digit month and day",
    ),
    ("Unclosed array", "close the list with ]"),
    ("Unclosed inline table", "close the inline table with } on the same line"),
    ("Expected ']]'", "write the header with two brackets on each side: [[goal]]"),
    ("mapping values are not allowed here", 'check the indentation; quote text containing ": "'),
    ("cannot start any token", "indent with spaces, not tabs"),
    ("unexpected end of stream", "close the quotes or brackets"),
    ("expected <block end>", "check the indentation: keys of one table line up"),
    ("expected ',' or ']'", "close the list with ]"),
)


def _syntax_hint(message: str) -> str:
    for fragment, hint in _SYNTAX_HINTS:
        if fragment in message:
            return hint
    return "fix the syntax at this position"


def _did_you_mean(key: str, known: Iterable[str]) -> str:
    return _suggest(key, known)


def _suggest(key: str, known: Iterable[str]) -> str:
    import difflib  # noqa: PLC0415  # only when there is a problem to report

    close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def _unknown_keys(
    table: dict[str, Any],
    known: frozenset[str],
    where: str,
    path: Path_,
    goal_id: str | None,
    ctx: _FileContext,
) -> None:
    for key in table:
        if key not in known:
            name = str(key)  # YAML keys may be numbers, dates, null
            shown = name if len(name) <= 40 else f"{name[:39]}…"
            ctx.add(
                codes.UNKNOWN_KEY,
                (*path, key),
                goal_id,
                f'unknown key "{shown}" in {where}{_did_you_mean(name, known)}: '
                f"fix the spelling or remove it",
            )


def _validation_problem(
    exc: msgspec.ValidationError, path: Path_, goal_id: str | None, ctx: _FileContext
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
        ctx.add(
            codes.MISSING,
            (*path, *sub),
            goal_id,
            f'missing required field "{field}": add {field} = … to this table',
        )
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


def _entry(path: Path_) -> Path_:
    """The table a key path belongs to: ``("goal", 3)``, ``("defaults",)`` …"""
    if len(path) > 1 and path[0] in ("goal", "region", "source") and isinstance(path[1], int):
        return path[:2]
    return path[:1]


def _screen(document: dict[str, Any], ctx: _FileContext) -> set[Path_]:
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

    def report(code: str, path: Path_, message: str) -> None:
        bad.add(_entry(path))
        ctx.add(code, path, goal_id(path), message)

    def check(value: str, name: str, path: Path_) -> None:
        limit = MAX_NAME if name in _NAME_KEYS else MAX_TEXT
        if len(value) > limit:
            report(
                codes.TOO_LONG,
                path,
                f"{name} is {len(value):,} characters long, more than the {limit:,} allowed: "
                f"write a shorter {name}",
            )
        elif limit == MAX_NAME and not value.isprintable() and (hidden := _HIDDEN.search(value)):
            # (every hidden character is unprintable: the regular expression seldom runs)
            report(
                codes.UNSAFE_NAME,
                path,
                f"{name} contains the invisible or control character U+{ord(hidden[0]):04X}: "
                "remove it (names and ids are shown and matched as written, so they may hold "
                "none)",
            )

    stack: list[tuple[dict[Any, Any] | list[Any], Path_, str, int]] = [(document, (), "", 1)]
    while stack:
        container, path, name, level = stack.pop()
        if level > MAX_DEPTH:
            report(
                codes.TOO_DEEP,
                path,
                f"{name} is nested more than {MAX_DEPTH} levels deep: data files need a few "
                "levels; remove the extra nesting",
            )
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
                report(
                    codes.TOO_LONG,
                    path or (key,),
                    f"a key of {len(sub):,} characters in {name or 'the file'}: keys are "
                    'field names such as "title"; remove it',
                )
                continue
            kind = type(value)
            if kind is str:
                if len(value) > MAX_TEXT or sub in _NAME_KEYS:
                    check(value, sub, (*path, key))
            elif kind is dict or kind is list:
                stack.append((value, (*path, key), sub, level + 1))
    return bad


def _build_file(document: dict[str, Any], ctx: _FileContext, data: FileData) -> None:
    bad = _screen(document, ctx)
    _unknown_keys(document, TOP_KEYS, "the top level", (), None, ctx)

    defaults: dict[str, Any] = {}
    raw_defaults = document.get("defaults")
    if ("defaults",) in bad:
        raw_defaults = None
    if raw_defaults is not None:
        if isinstance(raw_defaults, dict):
            _unknown_keys(raw_defaults, DEFAULT_KEYS, "[defaults]", ("defaults",), None, ctx)
            defaults = {k: v for k, v in raw_defaults.items() if k in DEFAULT_KEYS}
        else:
            ctx.add(codes.STRUCTURE, ("defaults",), None, "[defaults] must be a table")

    for index, raw in enumerate(_array(document, "region", ctx)):
        if ("region", index) in bad:
            continue
        region = _convert(raw, RegionSpec, ("region", index), None, ctx)
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
    for index, raw in enumerate(_array(document, "source", ctx)):
        if ("source", index) in bad:
            continue
        spec = _convert(raw, SourceSpec, ("source", index), None, ctx)
        if spec is not None:
            if not spec.id:
                ctx.add(
                    codes.MISSING,
                    ("source", index),
                    None,
                    'missing required field "id": add id = "…" to this [[source]]',
                )
                continue
            data.sources.append(_source(spec, spec.id, ctx, ("source", index)))
    for index, raw in enumerate(_array(document, "goal", ctx)):
        if ("goal", index) in bad:
            continue
        goal = _build_goal(raw, defaults, index, ctx, data)
        if goal is not None:
            data.goals.append(goal)


def _array(document: dict[str, Any], key: str, ctx: _FileContext) -> list[Any]:
    value = document.get(key, [])
    if isinstance(value, list):
        return value
    ctx.add(codes.STRUCTURE, (key,), None, f"{key} must be an array of tables: write [[{key}]]")
    return []


def _convert(
    raw: Any, kind: type[_T], path: Path_, goal_id: str | None, ctx: _FileContext
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


def _source(spec: SourceSpec, source_id: str, ctx: _FileContext, path: Path_) -> Source:
    return Source(
        id=source_id,
        title=spec.title,
        publisher=spec.publisher,
        date=spec.date,
        url=spec.url,
        file=ctx.file,
        line=ctx.line(path),
    )


def _inline_source(
    value: SourceSpec, fallback_id: str, path: Path_, ctx: _FileContext, data: FileData
) -> str:
    """The id of a source given inline, registered under its id or a generated one."""
    source_id = value.id or fallback_id
    data.sources.append(_source(value, source_id, ctx, path))
    return source_id


class _InvalidGoalError(Exception):
    """Raised inside goal building once a problem is recorded: the goal is skipped."""


def _build_goal(
    raw: Any, defaults: dict[str, Any], index: int, ctx: _FileContext, data: FileData
) -> Goal | None:
    path: Path_ = ("goal", index)
    if not isinstance(raw, dict):
        ctx.add(codes.STRUCTURE, path, None, "goal entries must be tables: write [[goal]]")
        return None
    goal_id = raw.get("id") if isinstance(raw.get("id"), str) else None
    # Set tests in C: nearly every table has only known keys, and then is used as it is.
    own = raw
    if not GOAL_KEYS.issuperset(raw):
        _unknown_keys(raw, GOAL_KEYS, f'goal "{goal_id or index + 1}"', path, goal_id, ctx)
        own = {k: v for k, v in raw.items() if k in GOAL_KEYS}
    outcomes_raw = raw.get("outcome", [])
    outcomes_known = True
    if isinstance(outcomes_raw, list):
        for o_index, outcome in enumerate(outcomes_raw):
            if isinstance(outcome, dict) and not OUTCOME_KEYS.issuperset(outcome):
                outcomes_known = False
                _unknown_keys(
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
    spec = _convert(merged, GoalSpec, path, goal_id, ctx)
    if spec is None or len(ctx.problems) > before:
        return None
    try:
        return _goal_from_spec(spec, path, ctx, data)
    except _InvalidGoalError:
        return None


def _quantity(
    raw: Any,
    unit: Unit | None,
    role: Role,
    path: Path_,
    goal_id: str,
    ctx: _FileContext,
    tolerance: Fraction | None = None,
) -> Quantity:
    try:
        return parse_quantity(raw, unit=unit, role=role, tolerance=tolerance)
    except QuantityError as exc:
        message = str(exc)
        code = (
            codes.UNIT_MISMATCH if "unit" in message and "match" in message else codes.BAD_QUANTITY
        )
        ctx.add(code, path, goal_id, f"{path[-1]}: {message}")
        raise _InvalidGoalError from None


def _goal_from_spec(spec: GoalSpec, path: Path_, ctx: _FileContext, data: FileData) -> Goal:
    gid = spec.id

    def fail(code: str, sub: Path_, message: str) -> _InvalidGoalError:
        ctx.add(code, (*path, *sub), gid, message)
        return _InvalidGoalError()

    if not spec.region:
        raise fail(
            codes.MISSING,
            (),
            'missing required field "region": add region = "…" (or set it once in [defaults])',
        )
    kind = _KINDS[spec.kind]

    unit: Unit | None = None
    if spec.unit is not None and spec.unit.strip():
        try:
            unit = parse_unit(spec.unit)
        except QuantityError as exc:
            raise fail(codes.BAD_QUANTITY, ("unit",), f"unit: {exc}") from None
    if kind is Kind.MILESTONE:
        if spec.target is not None:
            raise fail(
                codes.KIND_CONFLICT,
                ("target",),
                "a milestone has no target: remove target, record outcomes with done = true",
            )
        if unit is not None:
            raise fail(
                codes.KIND_CONFLICT,
                ("unit",),
                "a milestone has no unit: remove unit (outcomes say done = true|false)",
            )
    elif unit is None:
        raise fail(
            codes.MISSING, (), 'missing required field "unit": add unit = "人" (or "%", "所" …)'
        )

    measure = (
        _MEASURES[spec.measure]
        if spec.measure
        else (
            Measure.LEVEL if kind is Kind.MILESTONE or (unit and unit.base == "%") else Measure.FLOW
        )
    )

    start, deadline = _span(spec, path, ctx, gid)

    tolerance: Fraction | None = None
    if spec.tolerance is not None:
        tolerance = abs(
            _quantity(spec.tolerance, unit, "exact", (*path, "tolerance"), gid, ctx).nominal
        )

    target = (
        _target(spec.target, kind, unit, tolerance, path, gid, ctx)
        if spec.target is not None
        else None
    )

    baseline = None
    if spec.baseline is not None:
        b_value = _quantity(
            spec.baseline.value, unit, "exact", (*path, "baseline", "value"), gid, ctx
        )
        b_date = None
        if spec.baseline.as_of is not None:
            try:
                b_date = parse_as_of(spec.baseline.as_of)
            except DateError as exc:
                raise fail(
                    codes.BAD_DATE, ("baseline", "as_of"), f"baseline.as_of: {_date_fix(exc)}"
                ) from None
        baseline = Baseline(b_value, b_date)

    source = spec.source  # an id, or a table
    if isinstance(source, SourceSpec):
        source = _inline_source(source, f"{gid}#source", (*path, "source"), ctx, data)
    outcomes = [
        _outcome(o, kind, unit, tolerance, (*path, "outcome", i), gid, ctx, data)
        for i, o in enumerate(spec.outcome)
    ]
    if len(outcomes) > 1:
        outcomes.sort(key=_AS_OF)
    return _new_goal(
        id=gid,
        title=spec.title,
        region=spec.region,
        kind=kind,
        measure=measure,
        start=start,
        deadline=deadline,
        unit=unit.base if unit else None,
        category=spec.category,
        target=target,
        baseline=baseline,
        tolerance=tolerance,
        quote=spec.quote,
        source=source,
        tags=tuple(spec.tags),
        owner=spec.owner,
        note=spec.note,
        outcomes=tuple(outcomes),
        file=ctx.file,
        line=ctx.line(path),
        acknowledge=_acknowledged(spec.acknowledge, path, gid, ctx) if spec.acknowledge else (),
    )


def _date_fix(exc: DateError) -> str:
    """The date error's message, with a fix when it only says what is wrong."""
    message = str(exc)
    if "is not a calendar date" in message:
        return f"{message}: write a day that exists, e.g. 2022-02-28, or the month as 2022-02"
    return message


def _span(spec: GoalSpec, path: Path_, ctx: _FileContext, gid: str) -> tuple[date, date]:
    start = deadline = None
    if spec.period is not None:
        try:
            start, deadline = parse_period(spec.period)
        except DateError as exc:
            ctx.add(codes.BAD_DATE, (*path, "period"), gid, f"period: {exc}")
            raise _InvalidGoalError from None
    start = spec.start or start
    deadline = spec.deadline or deadline
    if deadline is None:
        ctx.add(
            codes.MISSING,
            path,
            gid,
            'no period: add period = 2023 (or "2021-2025"), or start = / deadline = dates',
        )
        raise _InvalidGoalError
    if start is None:
        start = date(deadline.year, 1, 1)
    if start > deadline:
        ctx.add(
            codes.BAD_DATE,
            (*path, "deadline"),
            gid,
            f"deadline {deadline} is before start {start}: swap them or fix the period",
        )
        raise _InvalidGoalError
    return start, deadline


def _target(
    raw: Any,
    kind: Kind,
    unit: Unit | None,
    tolerance: Fraction | None,
    path: Path_,
    gid: str,
    ctx: _FileContext,
) -> Target:
    where = (*path, "target")
    if isinstance(raw, list):
        if kind is not Kind.RANGE:
            ctx.add(
                codes.KIND_CONFLICT,
                where,
                gid,
                'target is a band [low, high] but kind is not "range": set kind = "range"',
            )
            raise _InvalidGoalError
        if len(raw) != 2:
            ctx.add(
                codes.BAD_QUANTITY,
                where,
                gid,
                'a range target needs exactly two values: target = ["2%", "3%"]',
            )
            raise _InvalidGoalError
        low, high = (_quantity(v, unit, "target", where, gid, ctx) for v in raw)
        for q in (low, high):
            if q.qualifier not in (None, Qualifier.ABOUT):
                ctx.add(
                    codes.KIND_CONFLICT,
                    where,
                    gid,
                    f'"{q.text}": a band edge takes no qualifier like 以上/不超过: '
                    "write the number",
                )
                raise _InvalidGoalError
        if low.nominal > high.nominal:
            ctx.add(
                codes.BAD_QUANTITY,
                where,
                gid,
                f"band [{low.text}, {high.text}] runs backwards: write the lower edge first",
            )
            raise _InvalidGoalError
        return _new_target(
            f"{low.text}–{high.text}",
            (low.nominal + high.nominal) / 2,
            low.nominal,
            high.nominal,
            low.approximate or high.approximate,
        )
    value = _quantity(raw, unit, "target", where, gid, ctx, tolerance)
    if value.qualifier is not None and value.qualifier not in _DIRECTION[kind]:
        ctx.add(
            codes.KIND_CONFLICT,
            where,
            gid,
            f'target: "{value.text}" says {value.qualifier.value.replace("_", " ")} but '
            f'kind is "{kind.value}": change kind or the wording',
        )
        raise _InvalidGoalError
    if kind is Kind.RANGE:
        if tolerance is None:
            ctx.add(
                codes.MISSING,
                where,
                gid,
                'a range goal needs target = [low, high] or a tolerance: add tolerance = "0.5%"',
            )
            raise _InvalidGoalError
        return _new_target(
            value.text,
            value.nominal,
            value.nominal - tolerance,
            value.nominal + tolerance,
            approximate=True,
        )
    strict = value.qualifier in (Qualifier.MORE_THAN, Qualifier.LESS_THAN)
    return _new_target(
        value.text, value.nominal, value.nominal, value.nominal, value.approximate, strict
    )


def _outcome(
    spec: OutcomeSpec,
    kind: Kind,
    unit: Unit | None,
    tolerance: Fraction | None,
    path: Path_,
    gid: str,
    ctx: _FileContext,
    data: FileData,
) -> Outcome:
    try:
        as_of = parse_as_of(spec.as_of)
    except DateError as exc:
        ctx.add(codes.BAD_DATE, (*path, "as_of"), gid, f"as_of: {_date_fix(exc)}")
        raise _InvalidGoalError from None
    if kind is Kind.MILESTONE:
        if spec.done is None:
            ctx.add(
                codes.MISSING, path, gid, "a milestone outcome needs done = true or done = false"
            )
            raise _InvalidGoalError
        if spec.value is not None:
            ctx.add(
                codes.KIND_CONFLICT,
                (*path, "value"),
                gid,
                "a milestone outcome has no value: use done = true|false",
            )
            raise _InvalidGoalError
    elif spec.done is not None:
        ctx.add(
            codes.KIND_CONFLICT,
            (*path, "done"),
            gid,
            'done = … is for milestones: remove it, or set kind = "milestone" on the goal',
        )
        raise _InvalidGoalError
    elif spec.value is None and spec.numerator is None:
        ctx.add(
            codes.MISSING,
            path,
            gid,
            "an outcome needs a figure: add value = … (or numerator = … and denominator = …)",
        )
        raise _InvalidGoalError
    value = (
        _quantity(spec.value, unit, "outcome", (*path, "value"), gid, ctx, tolerance)
        if spec.value is not None
        else None
    )
    rate = (
        _quantity(spec.stated_rate, None, "rate", (*path, "stated_rate"), gid, ctx)
        if spec.stated_rate is not None
        else None
    )
    numerator = denominator = None
    if (spec.numerator is None) != (spec.denominator is None):
        ctx.add(codes.MISSING, path, gid, "numerator and denominator go together: give both")
        raise _InvalidGoalError
    if spec.numerator is not None:
        numerator = _quantity(spec.numerator, None, "exact", (*path, "numerator"), gid, ctx).nominal
        denominator = _quantity(
            spec.denominator, None, "exact", (*path, "denominator"), gid, ctx
        ).nominal
        if denominator <= 0:
            ctx.add(
                codes.BAD_QUANTITY,
                (*path, "denominator"),
                gid,
                "denominator must be positive: write the total the figure is a share of",
            )
            raise _InvalidGoalError
    source = spec.source  # an id, or a table
    if isinstance(source, SourceSpec):
        source = _inline_source(source, f"{gid}#outcome{path[-1]}", (*path, "source"), ctx, data)
    return _new_outcome(
        as_of=as_of,
        value=value,
        stated_rate=rate,
        numerator=numerator,
        denominator=denominator,
        done=spec.done,
        quote=spec.quote,
        source=source,
        note=spec.note,
        line=ctx.line(path),
        acknowledge=_acknowledged(spec.acknowledge, path, gid, ctx) if spec.acknowledge else (),
    )


def _acknowledged(listed: list[str], path: Path_, gid: str, ctx: _FileContext) -> tuple[str, ...]:
    """The warning codes ``acknowledge`` lists; a code that cannot be acknowledged is an
    error, recorded without skipping the goal (its other checks still run)."""
    kept: list[str] = []
    for written in listed:
        code = written.strip().upper()
        if code in codes.ACKNOWLEDGEABLE:
            kept.append(code)
            continue
        if code.startswith("E"):
            why = "an error: errors cannot be acknowledged, fix the data instead"
        elif code == codes.UNUSED_ACKNOWLEDGE:
            why = "the unused-acknowledgement warning: remove the unused code instead"
        else:
            why = "not a warning that can be acknowledged"
        ctx.add(
            codes.BAD_ACKNOWLEDGE,
            (*path, "acknowledge"),
            gid,
            f'acknowledge lists "{written}", {why} '
            f"(acknowledgeable: {', '.join(codes.ACKNOWLEDGEABLE)})",
        )
    return tuple(dict.fromkeys(kept))


# --- the whole directory --------------------------------------------------------------------


def load(
    root: Path, *, bundled: bool = False, cache_dir: Path | None = None, parallel: bool = False
) -> Dataset:
    """Read every data file below ``root`` and check what spans files.

    With ``cache_dir``, a file's contribution comes from the parse cache while the file is
    unchanged; with ``parallel``, many files missing from it are parsed by several processes
    (:mod:`tracker.load.cache`). The checks that span files always run.
    """
    links: list[Path] = []
    paths, refused = _outside_links(list(iter_data_files(root, links)), links, root)
    if cache_dir is not None or parallel:
        from tracker.load.cache import load_files  # noqa: PLC0415  # it imports this module

        parts = load_files(paths, root, cache_dir, jobs=None if parallel else 1)
        return build_dataset(root, [*refused, *parts], bundled=bundled)
    parts_read = (load_file(path) for path in paths)
    return build_dataset(root, itertools.chain(refused, parts_read), bundled=bundled)


def _outside_links(
    paths: list[Path], dir_links: list[Path], root: Path
) -> tuple[list[Path], list[FileData]]:
    """``paths`` without the links that lead outside ``root``, and a finding (E008) for each
    of those and for each linked directory that does: data from outside the data directory is
    never read through a link. A link inside it is read as the file it names (a linked
    directory is not followed: its files are read where they are)."""
    if root.is_file():
        return paths, []  # a file named on the command line is the user's choice
    base = os.path.realpath(root)
    prefix = base if base.endswith(os.sep) else base + os.sep

    def outside(link: Path) -> bool:
        real = os.path.realpath(link)
        return real != base and not real.startswith(prefix)

    kept: list[Path] = []
    refused: list[FileData] = []
    for path in paths:
        if path.is_symlink() and outside(path):
            refused.append(_outside_link(path, "file"))
        else:
            kept.append(path)
    refused += [_outside_link(link, "directory") for link in dir_links if outside(link)]
    return kept, refused


def _outside_link(path: Path, what: str) -> FileData:
    try:
        target = str(path.readlink())
    except OSError:
        target = os.path.realpath(path)
    shown = target if len(target) <= 60 else f"…{target[-59:]}"
    problem = codes.problem(
        codes.OUTSIDE_LINK,
        str(Path(display_path(path.parent), path.name)),
        None,
        None,
        f'{what} link to "{shown}" leads outside the data directory: it is not read; '
        "copy the data into the data directory, or point the link inside it",
    )
    return FileData([], [], [], [problem])


def load_paths(paths: Sequence[Path], data_dir: Path | None) -> tuple[Dataset, list[str]]:
    """The data files below ``paths`` as one dataset, and their names (`tracker check PATH…`).

    When they lie inside ``data_dir``, the regions and sources of its other files are read
    too, as context only (their goals and problems are left out), so that checking one file
    does not report the regions and sources it shares with the rest as unknown.
    """
    found: list[Path] = []
    refused: list[FileData] = []
    for path in paths:
        links: list[Path] = []
        kept, outside = _outside_links(list(iter_data_files(path, links)), links, path)
        found += kept
        refused += outside
    selected = list(dict.fromkeys(real_path(f) for f in found))
    parts: list[FileData] = []
    if data_dir is not None and data_dir.is_dir():
        root = data_dir.resolve()
        chosen = set(selected)
        if any(f.is_relative_to(root) for f in selected):
            links = []
            context, _ = _outside_links(list(iter_data_files(root, links)), links, root)
            for other in context:
                if real_path(other) not in chosen:
                    part = load_file(other)
                    parts.append(FileData(part.regions, part.sources, [], []))
    parts.extend(refused)
    parts.extend(load_file(f) for f in selected)
    names = [p.problems[0].file for p in refused] + [display_path(f) for f in selected]
    dataset = build_dataset(paths[0] if len(paths) == 1 else Path(), parts)
    # cross-file checks also see the context's regions: report only the selected files
    chosen_names = set(names)
    dataset.problems = [p for p in dataset.problems if p.file in chosen_names]
    return dataset, names


def build_dataset(root: Path, parts: Iterable[FileData], *, bundled: bool = False) -> Dataset:
    """Merge files' contributions, in order, and run the checks that span files."""
    dataset = Dataset(root=root, bundled=bundled)
    for part in parts:
        dataset.problems.extend(part.problems)
        _merge(dataset, part)
    _cross_check(dataset)
    return dataset


def _merge(dataset: Dataset, part: FileData) -> None:
    for region in part.regions:
        if region.name in dataset.regions:
            first = dataset.regions[region.name]
            dataset.problems.append(
                codes.problem(
                    codes.DUPLICATE_REGION,
                    region.file,
                    region.line,
                    None,
                    f'region "{region.name}" is already defined at {first.file}:{first.line}: '
                    "keep one entry",
                )
            )
            continue
        dataset.regions[region.name] = region
    for source in part.sources:
        if source.id in dataset.sources:
            first_source = dataset.sources[source.id]
            dataset.problems.append(
                codes.problem(
                    codes.DUPLICATE_SOURCE,
                    source.file,
                    source.line,
                    None,
                    f'source id "{source.id}" is already used at {first_source.file}:'
                    f"{first_source.line}: source ids must be unique; rename one (and the "
                    "goals that cite it) or remove the copy",
                )
            )
            continue
        dataset.sources[source.id] = source
    dataset.goals.extend(part.goals)


# Did-you-mean searches over the dataset's regions or sources, per load: each compares one name
# with all of them, so a file of thousands of unknown names would otherwise take minutes.
_SUGGESTIONS = 50


def _cross_check(dataset: Dataset) -> None:
    """Checks that need the whole dataset: unique goal ids, known regions and sources, cycles."""
    problems = dataset.problems
    budget = [_SUGGESTIONS]

    def did_you_mean(name: str, known: Iterable[str], exclude: str | None = None) -> str:
        if budget[0] <= 0:
            return ""
        budget[0] -= 1
        return _suggest(name, (k for k in known if k != exclude))

    for region in dataset.regions.values():
        if region.parent is not None and region.parent not in dataset.regions:
            problems.append(
                codes.problem(
                    codes.UNKNOWN_REGION,
                    region.file,
                    region.line,
                    None,
                    f'parent "{region.parent}" of region "{region.name}" is not a known region'
                    f"{did_you_mean(region.parent, dataset.regions, region.name)}: "
                    "add it as a [[region]] or fix the name",
                )
            )
    cycle = _cycle_members(dataset.regions)
    for name in cycle:
        region = dataset.regions[name]
        problems.append(
            codes.problem(
                codes.REGION_CYCLE,
                region.file,
                region.line,
                None,
                f'region "{name}" is its own ancestor through parent links: break the cycle by '
                "fixing one parent",
            )
        )
    for name in _too_deep(dataset.regions, set(cycle)):
        region = dataset.regions[name]
        problems.append(
            codes.problem(
                codes.REGION_TOO_DEEP,
                region.file,
                region.line,
                None,
                f'region "{name}" would be at level {MAX_REGION_DEPTH + 1} of the region tree, '
                f'below the {MAX_REGION_DEPTH} allowed: its parent "{region.parent}" is not '
                "followed; check the parent links",
            )
        )
        dataset.regions[name] = dataclasses.replace(region, parent=None)

    seen: dict[str, Goal] = {}
    kept: list[Goal] = []
    for goal in dataset.goals:
        if goal.id in seen:
            first = seen[goal.id]
            problems.append(
                codes.problem(
                    codes.DUPLICATE_GOAL,
                    goal.file,
                    goal.line,
                    goal.id,
                    f'goal id "{goal.id}" is already used at {first.file}:{first.line}: '
                    "goal ids must be unique across the dataset; rename one or remove the copy",
                )
            )
            continue
        seen[goal.id] = goal
        if goal.region not in dataset.regions:
            problems.append(
                codes.problem(
                    codes.UNKNOWN_REGION,
                    goal.file,
                    goal.line,
                    goal.id,
                    f'region "{goal.region}" is not a known region'
                    f"{did_you_mean(goal.region, dataset.regions)}: "
                    "use a region's full name or add a [[region]]",
                )
            )
            continue
        for ref, line in ((goal.source, goal.line), *((o.source, o.line) for o in goal.outcomes)):
            if ref is not None and ref not in dataset.sources:
                problems.append(
                    codes.problem(
                        codes.UNKNOWN_SOURCE,
                        goal.file,
                        line,
                        goal.id,
                        f'source "{ref}" is not defined{did_you_mean(ref, dataset.sources)}: '
                        "add a [[source]] with this id or fix the id",
                    )
                )
        kept.append(goal)
    dataset.goals = kept


def _too_deep(regions: dict[str, Region], cycle: set[str]) -> list[str]:
    """Regions whose parent link would put them below level :data:`MAX_REGION_DEPTH` (the
    top being level 1), in the dataset's order; the caller cuts those links, so the levels
    below each cut count from it. Linear: each region's level is worked out once."""
    level: dict[str, int] = {}
    cut: list[str] = []
    for name in regions:
        chain: list[str] = []  # from ``name`` up to the first region whose level is known
        current: str | None = name
        while current is not None and current not in level and current not in chain:
            if current not in regions or current in cycle:
                break
            chain.append(current)
            current = regions[current].parent
        above = level.get(current, 0) if current is not None else 0
        for member in reversed(chain):
            above += 1
            if above > MAX_REGION_DEPTH:
                cut.append(member)
                above = 1
            level[member] = above
    cut_set = set(cut)
    return [name for name in regions if name in cut_set]


def _cycle_members(regions: dict[str, Region]) -> list[str]:
    """The regions on a cycle of parent links, in the dataset's order. Each region is walked
    once (a region has one parent): linear, however long the chains."""
    done: set[str] = set()
    on_cycle: set[str] = set()
    for name in regions:
        path: dict[str, None] = {}  # the walk from ``name``, in order
        current: str | None = name
        while current is not None and current in regions and current not in done:
            if current in path:
                cycle = list(path)
                on_cycle.update(cycle[cycle.index(current) :])
                break
            path[current] = None
            current = regions[current].parent
        done.update(path)
    return [name for name in regions if name in on_cycle]
