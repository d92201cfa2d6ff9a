"""One data file → its :class:`~tracker.model.FileData`: read (with the size limit), decode,
parse with the reader of its format, then build (:mod:`tracker.load.build`).

Problems are collected as values, never raised: a broken file's goals are skipped and every
other file is still read (SPEC §1, §6)."""

from __future__ import annotations

import os
import shlex
import stat
from pathlib import Path

from tracker import problems as codes
from tracker.errors import os_reason
from tracker.load.build import build_file
from tracker.load.context import FileContext
from tracker.load.discover import display_path
from tracker.messages import localized
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


def shell_word(path: str) -> str:
    """``path`` as one word a POSIX shell reads literally: quoted where it holds spaces or
    ``;`` (a file named ``a b;rm x.toml`` must not run ``rm`` when the command is pasted),
    and prefixed with ``./`` where it starts with ``-`` (else iconv reads it as an option)."""
    if path.startswith("-"):
        path = "./" + path
    return shlex.quote(path)


def _iconv(file: str) -> dict[str, str]:
    """The source and destination of the suggested iconv command, shell-quoted."""
    return {"file": file, "src": shell_word(file), "dst": shell_word(file + ".utf8")}


def decode(raw: bytes, file: str) -> tuple[str | None, Problem | None]:
    """UTF-8 (a BOM accepted) or a problem naming the fix."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\0" in raw:
        # UTF-16 (whose ASCII is half NUL bytes) or binary data: NUL is never text
        halves = sorted((raw[0::2].count(0), raw[1::2].count(0)))
        utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (
            halves[1] > len(raw) // 4 and halves[0] < len(raw) // 16
        )
        key = "problem.E002.utf16" if utf16 else "problem.E002.binary"
        line = None if utf16 else raw[: raw.index(b"\0")].count(b"\n") + 1
        return None, codes.problem_of(codes.NOT_UTF8, file, line, None, key, _iconv(file))
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        guess = "GBK"
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            guess = "its encoding"
        said = {
            "byte": exc.start,
            "encoding": "GBK" if guess == "GBK" else "ENCODING",
            **_iconv(file),
        }
        return None, codes.problem_of(codes.NOT_UTF8, file, line, None, "problem.E002", said)


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
                    codes.problem_of(codes.UNREADABLE, file, None, None, "problem.E001.not_regular")
                )
                return data
            if info.st_size > MAX_FILE_BYTES:
                data.problems.append(too_large(file, info.st_size))
                return data
            raw = stream.read(MAX_FILE_BYTES + 1)  # + 1: a file that grew is still caught
    except OSError as exc:
        said = {"reason": os_reason(exc)}
        data.problems.append(
            codes.problem_of(codes.UNREADABLE, file, None, None, "problem.E001", said)
        )
        return data
    return load_bytes(raw, file, path.suffix)


def too_large(file: str, size: int) -> Problem:
    said = {"size": f"{size:,}", "most": f"{MAX_FILE_BYTES:,}"}
    return codes.problem_of(codes.FILE_TOO_LARGE, file, None, None, "problem.E005", said)


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
        key = exc.key or "problem.E003"  # (every one is raised by key)
        found = codes.problem_of(code, file, exc.line, None, key, exc.params, exc.column)
        data.problems.append(found)
        return data
    except ParseError as exc:
        said = {"error": exc.localized(), "hint": localized(_syntax_hint(exc.message))}
        found = codes.problem_of(
            codes.SYNTAX, file, exc.line, None, "problem.E003", said, exc.column
        )
        data.problems.append(found)
        return data
    ctx = FileContext(file, locator, data.problems)
    if document is None:
        return data  # an empty file is allowed
    if not isinstance(document, dict):
        ctx.add(codes.STRUCTURE, (), None, "problem.E004")
        return data
    build_file(document, ctx, data)
    return data


# Parser messages (tomli, PyYAML) → how to fix the usual cause (a catalogue key); the first
# match wins.
_SYNTAX_HINTS = (
    ("Illegal character '\\n'", "syntax.hint.close_line"),
    ("Unterminated string", "syntax.hint.close_quotes"),
    ('Expected "\'"', "syntax.hint.close_quotes"),
    ("Expected '\"'", "syntax.hint.close_quotes"),
    ("Invalid value", "syntax.hint.straight_quotes"),
    ("Expected '=' after a key", "syntax.hint.key_value"),
    ("Cannot overwrite a value", "syntax.hint.duplicate_key"),
    ("duplicate key", "syntax.hint.duplicate_key"),
    ("not allowed in YAML text", "syntax.hint.escape"),
    ("Invalid date or datetime", "syntax.hint.date"),
    ("is not a calendar date", "syntax.hint.date"),
    ("Cannot declare", "syntax.hint.declared_twice"),
    ("Expected newline or end of document", "syntax.hint.one_per_line"),
    ("Unclosed array", "syntax.hint.close_list"),
    ("Unclosed inline table", "syntax.hint.close_inline_table"),
    ("Expected ']]'", "syntax.hint.array_header"),
    ("mapping values are not allowed here", "syntax.hint.indent_colon"),
    ("cannot start any token", "syntax.hint.tabs"),
    ("unexpected end of stream", "syntax.hint.close_any"),
    ("expected <block end>", "syntax.hint.indent_keys"),
    ("expected ',' or ']'", "syntax.hint.close_list"),
)


def _syntax_hint(message: str) -> str:
    for fragment, hint in _SYNTAX_HINTS:
        if fragment in message:
            return hint
    return "syntax.hint.other"
