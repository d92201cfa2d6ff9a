"""One reader per file format, with the same tiny API.

``read(text) -> (document, Locator)``. A :class:`Locator` maps a key path such as
``("goal", 3, "outcome", 1, "value")`` to the line (and column) where it is written, so that
problems found later can point at the right line. Parser errors are raised as
:class:`ParseError` with their position.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from tracker.errors import Interrupted
from tracker.messages import Reason, localized

Path_ = tuple[str | int, ...]

# Tables and lists inside one another, the file's top-level table being level 1 (a [[goal]]
# table is level 3, an outcome's inline source level 6). Deeper data is refused before it
# can exhaust the parser's recursion (docs/security.md).
MAX_DEPTH = 32


class ParseError(Reason):
    """A document that cannot be read, at ``line`` and ``column`` when the parser knows them;
    raised by catalogue key (``ParseError.of(key, line=…, column=…, **params)``)."""

    def __init__(
        self,
        text: str,
        key: str | None = None,
        /,
        *,
        line: int | None = None,
        column: int | None = None,
        **params: object,
    ) -> None:
        super().__init__(text, key, **params)
        self.message = text
        self.line = line
        self.column = column


class TooDeepError(ParseError):
    """Tables and lists nested deeper than :data:`MAX_DEPTH` (or than the parser follows)."""


class RefusedError(ParseError):
    """YAML that would build more than plain data: anchors and aliases, explicit tags."""


@dataclass(slots=True)
class Locator:
    """Key paths → (line, column), both 1-based.

    ``pending``, when set, computes a fuller map on first need: a reader may record only
    what every file needs (table headers) and leave the positions of single keys, wanted
    only when a problem points at one, to a second scan that most files never pay for.
    """

    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    pending: Callable[[], dict[Path_, tuple[int, int]]] | None = None
    # values the reader would not guess at (YAML 1.1 forms): key path → what to write instead
    # (a catalogue key and its parameters)
    refused: list[tuple[Path_, str, dict[str, object]]] = field(default_factory=list)

    def find(self, path: Path_) -> tuple[int | None, int | None]:
        """The position of ``path``, else of its nearest enclosing table."""
        hit = self.positions.get(path)
        if hit is not None:
            return hit
        if self.pending is not None:
            self.positions, self.pending = self.pending(), None
        for end in range(len(path), 0, -1):
            hit = self.positions.get(path[:end])
            if hit is not None:
                return hit
        return None, None

    def line(self, path: Path_) -> int | None:
        return self.find(path)[0]


# --- TOML -----------------------------------------------------------------------------------

# Each name ends in a character its trailing \s* cannot take: a lazy name followed by \s*
# would try every split of a long run of spaces, quadratic in the line's length.
_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([^\[\]]*[^\[\]\s])\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\[\]]*[^\[\]\s])\s*\]")
_KEY = re.compile(r"""^(\s*)([A-Za-z0-9_\-."' ]*[A-Za-z0-9_\-."'])\s*=""")
# A line that starts with "[", found from the newline before it: a pattern that begins with a
# literal character is searched for much faster than one anchored at every line (^, MULTILINE).
_HEADER_LINE = re.compile(r"\n[^\S\n]*\[[^\n]*")


@lru_cache(maxsize=1024)  # files repeat the same few headers ([[goal.outcome]]) and keys
def _split_key(key: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in key.split("."))


def _locate_toml(text: str) -> Locator:
    """Scan TOML source for table headers and keys.

    A light line scan rather than a second parser: it follows ``[[goal]]``,
    ``[[goal.outcome]]``, ``[table]`` headers and ``key =`` lines, skipping multi-line strings.
    Lines are counted at ``\\n``, as TOML (and tomli's error positions) count them.
    """
    loc = Locator()
    counters: dict[tuple[str | int, ...], int] = {}
    table: Path_ = ()
    in_string: str | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if in_string:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        if m := _ARRAY_HEADER.match(line):
            table = _array_header(m[1], counters)
            loc.positions[table] = (number, len(line) - len(line.lstrip()) + 1)
            continue
        if m := _TABLE_HEADER.match(line):
            table = _table_header(m[1], counters)
            loc.positions.setdefault(table, (number, len(line) - len(line.lstrip()) + 1))
            continue
        if m := _KEY.match(line):
            path = (*table, *_split_key(m[2]))
            loc.positions.setdefault(path, (number, len(m[1]) + 1))
            rest = line[m.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_string = quote
    return loc


def _array_header(key: str, counters: dict[Path_, int]) -> Path_:
    """The path of the table a ``[[key]]`` header opens (``[[goal.outcome]]`` belongs to the
    latest ``[[goal]]``), counting the entries of each array."""
    parts = _split_key(key)
    parent: Path_ = ()
    for part in parts[:-1]:
        index = counters.get((*parent, part), 0) - 1
        parent = (*parent, part, index) if index >= 0 else (*parent, part)
    array = (*parent, parts[-1])
    counters[array] = counters.get(array, 0) + 1
    return (*array, counters[array] - 1)


def _table_header(key: str, counters: dict[Path_, int]) -> Path_:
    resolved: Path_ = ()
    for part in _split_key(key):
        index = counters.get((*resolved, part), 0) - 1
        resolved = (*resolved, part, index) if index >= 0 else (*resolved, part)
    return resolved


def _locate_toml_tables(text: str) -> Locator:
    """The positions of table headers only — all that goals, outcomes, regions and sources
    need for their line numbers — with the full scan of :func:`_locate_toml` left pending.

    Only lines that start with ``[`` are looked at, so this costs a small part of the full
    scan. A file with multi-line strings (whose lines could look like headers) gets the full
    scan at once.
    """
    if '"""' in text or "'''" in text:
        return _locate_toml(text)
    loc = Locator(pending=lambda: _locate_toml(text).positions)
    positions = loc.positions
    counters: dict[Path_, int] = {}
    number, last = 1, 0
    # the first line has no newline before it: search from a newline put in front
    for m in _HEADER_LINE.finditer(f"\n{text}"):
        start = m.start()  # of the newline: in ``text``, where the line starts
        number += text.count("\n", last, start)
        last = start
        line = m[0][1:]
        header = _header(line) if len(line) < 200 else _header.__wrapped__(line)
        if header is None:
            continue
        array, key, column = header
        if array:
            positions[_array_header(key, counters)] = (number, column)
        else:
            positions.setdefault(_table_header(key, counters), (number, column))
    return loc


@lru_cache(maxsize=1024)  # the same few header lines, over and over
def _header(line: str) -> tuple[bool, str, int] | None:
    """A header line as (array of tables?, its key, its column), or None."""
    column = len(line) - len(line.lstrip()) + 1
    if header := _ARRAY_HEADER.match(line):
        return True, header[1], column
    if header := _TABLE_HEADER.match(line):
        return False, header[1], column
    return None


def read_toml(text: str) -> tuple[Any, Locator]:
    document = _read_toml_fast(text)
    if document is not None:
        return document, _locate_toml_tables(text)
    import tomli  # noqa: PLC0415  # deferred: only paid when a TOML file is read

    try:
        # floats as Decimal: a figure keeps the decimals it was written with (SPEC §1.5)
        document = tomli.loads(text, parse_float=Decimal)
    except RecursionError as exc:  # tomli's own nesting limits, or Python's
        raise TooDeepError.of("problem.E006.toml", detail=exc, most=MAX_DEPTH) from None
    except tomli.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        column = getattr(exc, "colno", None)
        message = getattr(exc, "msg", None) or re.sub(r"\s*\(at line .*\)$", "", str(exc))
        raise ParseError.of("syntax.toml", line=line, column=column, detail=message) from None
    return document, _locate_toml_tables(text)


def _read_toml_fast(text: str) -> dict[str, Any] | None:
    """The document as rtoml (compiled, ~3× tomli's speed) reads it, or ``None`` when tomli
    must read it: a file rtoml refuses (tomli then gives the error and its position, in the
    words the syntax hints expect) or one holding a float (tomli reads floats as Decimal,
    keeping the decimals they were written with; rtoml only has binary floats).

    Where both accept a file without floats they give equal documents (tests/test_readers.py
    compares them on the data and on mutated files).
    """
    try:
        import rtoml  # noqa: PLC0415  # deferred like tomli
    except ImportError:  # a platform without its wheel: tomli alone is correct, only slower
        return None
    try:
        document: dict[str, Any] = rtoml.loads(text)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # noqa: BLE001  # a syntax error, or a Rust panic (a BaseException)
        Interrupted.reraise_if_raised()  # Ctrl-C inside rtoml comes back as a parse error
        return None
    return None if _has_float(document) else document


def _has_float(document: dict[str, Any]) -> bool:
    stack: list[dict[str, Any] | list[Any]] = [document]
    while stack:
        container = stack.pop()
        values: Any = container.values() if type(container) is dict else container
        for value in values:
            kind = type(value)
            if kind is float:
                return True
            if kind is dict or kind is list:
                stack.append(value)
    return False


# --- YAML -----------------------------------------------------------------------------------


def _locate_yaml_node(
    node: Any, path: Path_, loc: Locator, refused: dict[int, _Refused] | None = None
) -> None:
    """Record where ``node`` and everything in it are written; the nodes in ``refused``
    (``id(node)`` → message) are recorded in ``loc.refused`` with their key paths."""
    import yaml  # noqa: PLC0415

    mark = node.start_mark
    loc.positions.setdefault(path, (mark.line + 1, mark.column + 1))
    if refused and id(node) in refused:
        loc.refused.append((path, *refused[id(node)]))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = getattr(key_node, "value", None)
            if isinstance(key, str):
                child = (*path, key)
                loc.positions.setdefault(
                    child, (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                )
                if refused and id(key_node) in refused:
                    loc.refused.append((child, *refused[id(key_node)]))
                _locate_yaml_node(value_node, child, loc, refused)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _locate_yaml_node(item, (*path, index), loc, refused)


# The plain scalars YAML 1.1 (PyYAML) and YAML 1.2 read differently, or read as a number a
# person may not have meant: 017 (octal 15 in 1.1, 17 in 1.2), 0x1F, 0b101, 1_000, 1:30
# (sexagesimal 90), yes/no/on/off (booleans in 1.1, text in 1.2), .inf and .nan. They are
# refused with what to write instead (docs/security.md); plain decimals, true and false are
# read as both versions read them.
_YAML_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_YAML_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_YAML_BOOL = frozenset(("true", "True", "TRUE", "false", "False", "FALSE"))


_Refused = tuple[str, dict[str, object]]  # (catalogue key, its parameters)


def _yaml_1_1(text: str, value: object) -> _Refused:
    """Why the plain scalar ``text`` (which YAML 1.1 reads as ``value``) is refused, and the fix."""
    shown = _shown(text)
    if isinstance(value, bool):
        return "problem.E108.bool", {"text": shown, "value": str(value).lower()}
    if isinstance(value, float) and not math.isfinite(value):
        return "problem.E108.infinite", {"text": shown}
    if ":" in text:
        what = "yaml11.base60"
    elif "_" in text:
        what = "yaml11.separators"
    elif text.lstrip("+-")[:2].lower() == "0x":
        what = "yaml11.hexadecimal"
    elif text.lstrip("+-")[:2].lower() == "0b":
        what = "yaml11.binary"
    elif text.lstrip("+-").isdigit():  # a leading 0: octal in YAML 1.1, decimal in 1.2
        return "problem.E108.octal", {"text": shown, "value": value, "decimal": int(text)}
    else:
        what = "yaml11.other"
    return "problem.E108", {"text": shown, "what": localized(what), "value": value}


def _shown(text: str) -> str:
    """Data text quoted in a message: short, on one line."""
    text = text if len(text) <= 40 else text[:39] + "…"
    return text.replace("\n", " ")


@cache
def _strict_loader() -> type[Any]:
    """PyYAML's SafeLoader, refusing what plain data never needs (built on first use: YAML
    is imported lazily)."""
    import yaml  # noqa: PLC0415

    class StrictLoader(yaml.SafeLoader):
        """Anchors and aliases are refused (a "billion laughs" file expands a few hundred
        bytes into gigabytes), and so are explicit tags (``!!python/…``, ``!!binary``,
        ``!custom``), nesting deeper than :data:`MAX_DEPTH` (checked as the document is
        composed, before any recursion gets deep) and duplicate keys (the last would
        silently win). Impossible dates (2023-02-30) are errors with their position."""

        depth = 0
        refused: dict[int, _Refused]  # id(node) → why: the YAML 1.1 forms met (_yaml_1_1)

        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.peek_event()  # type: ignore[no-untyped-call]  # untyped in the stubs
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            if isinstance(event, yaml.AliasEvent):
                raise RefusedError.of(
                    "problem.E007.alias", line=line, column=column, name=_shown(event.anchor or "")
                )
            if getattr(event, "anchor", None) is not None:
                raise RefusedError.of(
                    "problem.E007.anchor", line=line, column=column, name=_shown(event.anchor)
                )
            tag = getattr(event, "tag", None)
            if tag is not None:
                tag = re.sub(r"^tag:yaml\.org,2002:", "!!", tag)
                raise RefusedError.of("problem.E007", line=line, column=column, tag=_shown(tag))
            if not isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                return super().compose_node(parent, index)
            if self.depth >= MAX_DEPTH:
                raise TooDeepError.of("problem.E006.yaml", line=line, column=column, most=MAX_DEPTH)
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

        def compose_mapping_node(self, anchor: Any) -> Any:
            node = super().compose_mapping_node(anchor)
            seen: dict[str, int] = {}
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key, mark = key_node.value, key_node.start_mark
                    if key in seen:
                        raise ParseError.of(
                            "syntax.yaml_duplicate",
                            line=mark.line + 1,
                            column=mark.column + 1,
                            key=_shown(key),
                            first=seen[key],
                        )
                    seen[key] = mark.line + 1
            return node

        def construct_yaml_timestamp(self, node: Any) -> Any:
            try:
                return super().construct_yaml_timestamp(node)
            except (ValueError, OverflowError) as exc:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"{_shown(node.value)} is not a calendar date ({exc})",
                    node.start_mark,
                ) from None

        def construct_yaml_float(self, node: Any) -> Any:
            """A float as written (``94.40`` keeps its two decimals: SPEC §1.5 precision)."""
            text = str(node.value)
            if not _YAML_FLOAT.fullmatch(text):
                return self._refuse(node, super().construct_yaml_float(node))
            return Decimal(text)

        def construct_yaml_int(self, node: Any) -> Any:
            text = str(node.value)
            if not _YAML_INT.fullmatch(text):
                return self._refuse(node, super().construct_yaml_int(node))
            return int(text)

        def construct_yaml_bool(self, node: Any) -> Any:
            value = super().construct_yaml_bool(node)
            return value if node.value in _YAML_BOOL else self._refuse(node, value)

        def _refuse(self, node: Any, value: object) -> str:
            """Note a YAML 1.1 form (reported by the loader, with the goal it is in) and
            read it as the text it is written as."""
            self.refused[id(node)] = _yaml_1_1(str(node.value), value)
            return str(node.value)

    StrictLoader.add_constructor(
        "tag:yaml.org,2002:timestamp", StrictLoader.construct_yaml_timestamp
    )
    StrictLoader.add_constructor("tag:yaml.org,2002:float", StrictLoader.construct_yaml_float)
    StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)
    StrictLoader.add_constructor("tag:yaml.org,2002:bool", StrictLoader.construct_yaml_bool)
    return StrictLoader


def read_yaml(text: str) -> tuple[Any, Locator]:
    import yaml  # noqa: PLC0415  # deferred: YAML is rare and slow to import

    try:
        loader = _strict_loader()(text)  # the reader refuses control characters at once
        loader.refused = {}
    except yaml.reader.ReaderError as exc:
        raise ParseError.of(
            "syntax.yaml_character",
            line=text.count("\n", 0, exc.position) + 1,
            char=f"U+{exc.character:04X}",
        ) from None
    try:
        node = loader.get_single_node()
        document = loader.construct_document(node) if node is not None else None
    except RecursionError:  # not reached through the composer's check; kept as a guard
        raise TooDeepError.of("problem.E006.yaml_recursion", most=MAX_DEPTH) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise ParseError.of(
            "syntax.yaml",
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            detail=problem,
        ) from None
    except yaml.YAMLError as exc:
        raise ParseError.of("syntax.yaml_error", detail=exc) from None
    except (ValueError, OverflowError) as exc:  # a constructor's own check, with no position
        raise ParseError.of("syntax.yaml_value", detail=exc) from None
    finally:
        loader.dispose()
    loc = Locator()
    if node is not None:
        _locate_yaml_node(node, (), loc, loader.refused)
    return document, loc


READERS: dict[str, Callable[[str], tuple[Any, Locator]]] = {
    ".toml": read_toml,
    ".yaml": read_yaml,
    ".yml": read_yaml,
}
