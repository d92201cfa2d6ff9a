"""A TOML file's layout, read by a small line scanner: headers, key lines, comments, blank
lines, multi-line strings and arrays — enough to insert lines at the right place and leave
every other byte alone (why not a TOML round-trip library: :mod:`tracker.edit.plan`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.parse.tomltext import toml_string

BLANK, _COMMENT, HEADER, _CONTENT = "blank", "comment", "header", "content"
INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


DEFAULT_INDENT = "  "


def toml_scalar(text: str) -> str:
    """A figure as typed: a plain integer stays a TOML integer (``814``), everything else a
    string (``"5.6万"``), so no decimal is ever turned into a binary float."""
    text = text.strip()
    return text if INTEGER.fullmatch(text) else toml_string(text)


def toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else toml_string(key)


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


def scan(lines: Sequence[str]) -> list[_Line]:
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
                out.append(_Line(BLANK, indent))
                continue
            if stripped.startswith("#"):
                out.append(_Line(_COMMENT, indent))
                continue
            if stripped.startswith("["):
                key, array = _header(stripped)
                out.append(_Line(HEADER, indent, key, array))
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
        if scanned[index].kind in (_CONTENT, HEADER):
            return index
    return start


def goal_layouts(scanned: Sequence[_Line]) -> list[_GoalLayout]:
    headers = [i for i, line in enumerate(scanned) if line.kind == HEADER]
    layouts: list[_GoalLayout] = []
    for pos, index in enumerate(headers):
        line = scanned[index]
        if not (line.array and line.header == ("goal",)):
            continue
        end = len(scanned)
        members: list[int] = []
        # indices, not a slice: a copy of the rest of the headers per goal was quadratic
        for later_pos in range(pos + 1, len(headers)):
            later = headers[later_pos]
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
            for later in members[m_pos + 1 :]:  # a goal's own few headers
                path = scanned[later].header
                if not (len(path) > 2 and path[:2] == ("goal", "outcome")):
                    o_end = later
                    break
            outcomes.append((member, _last_content(scanned, member, o_end)))
        layouts.append(_GoalLayout(index, end, tuple(outcomes), _last_content(scanned, index, end)))
    return layouts


def indent_of_keys(lines: Sequence[str], scanned: Sequence[_Line], header: int) -> str:
    for index in range(header + 1, len(scanned)):
        if scanned[index].kind == _CONTENT:
            return scanned[index].indent
        if scanned[index].kind == HEADER:
            break
    del lines
    return scanned[header].indent
