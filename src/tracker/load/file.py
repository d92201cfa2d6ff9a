"""One data file → its :class:`~tracker.model.FileData`: read (with the size limit), decode,
parse with the reader of its format, then build (:mod:`tracker.load.build`).

Problems are collected as values, never raised: a broken file's goals are skipped and every
other file is still read (SPEC §1, §6)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tracker import problems as codes
from tracker.load.build import build_file
from tracker.load.context import FileContext
from tracker.load.discover import display_path
from tracker.model import (
    FileData,
)
from tracker.parse.readers import (
    READERS,
    ParseError,
    RefusedError,
    TooDeepError,
)
from tracker.problems import Problem

# Limits on what a data file may hold (docs/security.md): each is far above what real data
# needs and each, exceeded, is a finding rather than a slow or failed run.
MAX_FILE_BYTES = 10 * 1024 * 1024  # checked with stat, before a byte is read
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX only, like FIFOs
_NOCTTY = getattr(os, "O_NOCTTY", 0)  # a terminal device named *.toml never becomes ours


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


def load_file(path: Path) -> FileData:
    file = display_path(path)
    data = FileData([], [], [], [])
    try:
        # O_NONBLOCK: opening a FIFO for reading would wait for a writer, forever; opened so,
        # it is found not to be a regular file. (Reads of regular files ignore the flag.)
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY)
        with os.fdopen(fd, "rb") as stream:
            info = os.fstat(fd)
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
                data.problems.append(too_large(file, info.st_size))
                return data
            raw = stream.read(MAX_FILE_BYTES + 1)  # + 1: a file that grew is still caught
    except OSError as exc:
        data.problems.append(
            codes.problem(codes.UNREADABLE, file, None, None, f"cannot read file: {exc.strerror}")
        )
        return data
    return load_bytes(raw, file, path.suffix)


def too_large(file: str, size: int) -> Problem:
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
        return FileData([], [], [], [too_large(file, len(raw))])
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
    ctx = FileContext(file, locator, data.problems)
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
    build_file(document, ctx, data)
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
