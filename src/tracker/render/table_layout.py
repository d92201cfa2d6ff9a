"""The status table's cells and lines, shared by its two layouts
(:mod:`tracker.render.terminal`): cells as text with styled runs, one line of a cell as a
slice of its text with padding, lines joined with escape codes, cut at the terminal's edge.

:func:`cell_lines` and :func:`fold` are the plain layout of very large tables: a cell wider
than its column folds onto more lines, at a space when one is near, else between characters;
a column that may not wrap ends its cell with "…". Not rich's wrapping, and need not be:
rich's costs about a millisecond a row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal, TypeVar

from rich.cells import cell_len, chop_cells, set_cell_size

# A cell: its text, its styled runs (text, style) when any part is styled, and the style of
# the whole cell (which its padding takes too, as in rich).
Run = tuple[str, str | None]


Cell = tuple[str, tuple[Run, ...] | None, str | None]


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    justify: Literal["left", "right"] = "left"
    no_wrap: bool = False
    min_width: int | None = None
    max_width: int | None = None
    fold: bool = False  # overflow: fold long words onto the next line, else end with "…"
    style: str | None = None


# Line breaks and tabs: rich splits and expands them, so a cell holding one is not laid out here
# when the table should look as rich draws it; the plain layout shows them as spaces.
BREAKS = re.compile(r"[\t\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029]")


SPACE = re.compile(r"\s")


def simple(text: str) -> bool:
    """A text rich draws as it is when it fits: one line, no trailing space to strip."""
    return not text[-1:].isspace() and BREAKS.search(text) is None


def one_line(text: str) -> str:
    """A cell's text for the plain layout: line breaks and tabs as spaces, none at the end."""
    return BREAKS.sub(" ", text).rstrip()


# One line of a cell: the part of the cell's text it shows (start, end), with so many spaces
# before it and this after it (padding, or the ellipsis of a cut text).
Line = tuple[int, int, int, str]


def padded(text: str, n: int, width: int, column: Column) -> Line:
    """A one-line cell ``n`` cells wide that fits its column, padded to ``width``."""
    if column.justify == "left":
        return (0, len(text), 0, " " * (width - n))
    return (0, len(text), width - n, "")


def cell_lines(text: str, n: int, width: int, column: Column) -> list[Line]:
    """The lines of one cell (``n`` cells wide), each exactly ``width`` cells wide: the text
    padded when it fits, else cut with "…" (a column that may not wrap) or folded."""
    if n <= width:
        return [padded(text, n, width, column)]
    if column.no_wrap or width < 2:
        cut = set_cell_size(text, max(0, width - 1))  # a prefix, padded where a wide character went
        shown = len(cut)
        while shown and text[:shown] != cut[:shown]:
            shown -= 1
        return [(0, shown, 0, cut[shown:] + "…"[: max(0, width)])]
    lines = []
    for start, end in fold(text, width):
        pad = width - cell_len(text[start:end])
        left = column.justify == "left"
        lines.append((start, end, 0, " " * pad) if left else (start, end, pad, ""))
    return lines


def fold(text: str, width: int) -> list[tuple[int, int]]:
    """Where ``text`` breaks into lines no wider than ``width`` cells: each line as long as
    fits, ending at its last space when that is in its second half (so words stay whole);
    spaces at the ends of lines are dropped."""
    pieces: list[tuple[int, int]] = []
    start, length = 0, len(text)
    while True:
        while start < length and text[start] == " ":
            start += 1
        if start == length:
            return pieces or [(0, 0)]
        end = start + max(1, len(chop_cells(text[start:], width)[0]))
        if end < length and text[end] != " ":
            space = text.rfind(" ", start, end)
            if space - start >= (end - start) // 2:
                end = space
        kept = end
        while kept > start and text[kept - 1] == " ":
            kept -= 1
        pieces.append((start, kept))
        start = end


def plain_text(text: str, line: Line) -> str:
    start, end, before, after = line
    return " " * before + text[start:end] + after


@cache
def _sgr(style: str) -> tuple[str, str]:
    """The escape codes that open and close ``style`` (rich parses the style names)."""
    from rich.color import ColorSystem  # noqa: PLC0415
    from rich.style import Style  # noqa: PLC0415

    opened = Style.parse(style).render("\0", color_system=ColorSystem.STANDARD)
    before, _, after = opened.partition("\0")
    return before, after


def _paint(text: str, style: str | None = None) -> str:
    if not style or not text:
        return text
    before, after = _sgr(style)
    return f"{before}{text}{after}"


def styled_runs(cell: Cell, line: Line, column: Column) -> list[Run]:
    """One line of ``cell`` as styled runs; its padding takes the style of the whole cell."""
    text, runs, base = cell
    start, end, before, after = line
    whole = " ".join(s for s in (column.style, base) if s) or None
    pieces: list[Run] = [(" " * before, whole)] if before else []
    if runs is None:
        pieces.append((text[start:end], whole))
    else:
        position = 0
        for run, style in runs:
            lo, hi = max(position, start), min(position + len(run), end)
            if lo < hi:
                pieces.append((text[lo:hi], " ".join(s for s in (column.style, style) if s)))
            position += len(run)
    if after:
        pieces.append((after, whole))
    return pieces


def join_runs(runs: list[Run]) -> str:
    """Styled runs as text with escape codes, one code per stretch of the same style."""
    out = []
    text, style = "", None
    for run, run_style in runs:
        if run_style == style or not run:
            text += run
        else:
            out.append(_paint(text, style))
            text, style = run, run_style
    out.append(_paint(text, style))
    return "".join(out)


def crop_runs(runs: list[Run], width: int) -> list[Run]:
    """What of a line of styled runs fits in ``width`` cells."""
    kept: list[Run] = []
    used = 0
    for text, style in runs:
        size = cell_len(text)
        if used + size < width:
            kept.append((text, style))
            used += size
        else:
            kept.append((set_cell_size(text, width - used), style))
            break
    return kept


_T = TypeVar("_T")


def row_lines(
    laid: list[list[_T]], blanks: list[_T], *, header: bool, divider: _T
) -> Iterator[list[_T]]:
    """The lines of one row: each cell's lines, with the columns' divider between them; a
    cell with fewer lines than the row gets blank ones (below; above in the header row)."""
    height = max(map(len, laid))
    if height > 1:
        for index, its_lines in enumerate(laid):
            missing = [blanks[index]] * (height - len(its_lines))
            laid[index] = missing + its_lines if header else its_lines + missing
    for number in range(height):
        line: list[_T] = []
        for index, its_lines in enumerate(laid):
            if index:
                line.append(divider)
            line.append(its_lines[number])
        yield line
