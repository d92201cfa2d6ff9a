"""The layout of the status table's columns and lines: the decisions rich's ``Table`` makes
for this one table (column widths from the same measurements, word wrapping and folding,
ellipses, justification, cropping) at a fraction of rich's cost; see
:mod:`tracker.render.terminal`."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
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


# Text that the fast path lays out: no line breaks or tabs (rich splits and expands them), and
# whitespace only where it cannot decide a line break (checked per cell below).
BREAKS = re.compile(r"[\t\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029]")


SPACE = re.compile(r"\s")


class Fallback(Exception):  # noqa: N818  # a signal, not an error
    """The fast path cannot promise rich's output here: let rich lay out the table."""


def measure(text: str) -> tuple[int, int]:
    """(minimum, maximum) width of a text, as rich's ``Text.__rich_measure__``; a text with
    a line break or a tab is left to rich."""
    if SPACE.search(text) is None:  # the usual cell: one word (line breaks are spaces too)
        n = cell_len(text)
        return n, n
    if BREAKS.search(text):
        raise Fallback
    lines = text.splitlines()
    maximum = max(map(cell_len, lines)) if lines else 0
    words = text.split()
    minimum = max(map(cell_len, words)) if words else maximum
    minimum = min(max(0, minimum), maximum)
    return max(0, minimum), max(0, minimum, maximum)


def _column_range(column: Column, minimum: int, maximum: int, width: int) -> tuple[int, int]:
    """rich's ``Table._measure_column`` from the largest cell minimum and maximum."""
    if width < 1:
        return 0, 0
    low, high = min(minimum, width), min(maximum, width)
    if column.min_width is not None:
        low, high = max(low, column.min_width), max(high, column.min_width)
    if column.max_width is not None:
        low, high = min(low, column.max_width), min(high, column.max_width)
    return low, high


def _ratio_reduce(
    total: int, ratios: list[int], maximums: list[int], values: list[int]
) -> list[int]:
    """rich's ``_ratio.ratio_reduce``: take ``total`` away from ``values`` by ``ratios``."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(most, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _collapse(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    """rich's ``Table._collapse_widths``: shrink the widest wrapable columns first."""
    total = sum(widths)
    excess = total - max_width
    if any(wrapable):
        while total and excess > 0:
            widest = max(w for w, can in zip(widths, wrapable, strict=True) if can)
            second = max(
                w if can and w != widest else 0 for w, can in zip(widths, wrapable, strict=True)
            )
            difference = widest - second
            ratios = [int(w == widest and can) for w, can in zip(widths, wrapable, strict=True)]
            if not any(ratios) or not difference:
                break
            widths = _ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
            total = sum(widths)
            excess = total - max_width
    return widths


def column_widths(
    columns: Sequence[Column], extremes: Sequence[tuple[int, int]], available: int
) -> list[int]:
    """rich's ``Table._calculate_column_widths`` (no fixed widths, ratios or expand)."""
    ranges = [
        _column_range(c, low, high, available)
        for c, (low, high) in zip(columns, extremes, strict=True)
    ]
    widths = [high or 1 for _, high in ranges]
    if sum(widths) > available:
        widths = _collapse(widths, [not c.no_wrap for c in columns], available)
        if sum(widths) > available:
            excess = sum(widths) - available
            widths = _ratio_reduce(excess, [1] * len(widths), widths, widths)
        ranges = [
            _column_range(c, low, high, width)
            for c, (low, high), width in zip(columns, extremes, widths, strict=True)
        ]
        widths = [high or 0 for _, high in ranges]
    return widths


# One line of a cell: the part of the cell's text it shows (start, end), with so many spaces
# before it and this after it (padding, or the ellipsis of a cut text).
Line = tuple[int, int, int, str]


def cell_lines(text: str, n: int, width: int, column: Column) -> list[Line]:
    """The lines of one cell (``n`` cells wide), each exactly ``width`` cells wide, as rich's
    ``Text.wrap`` and ``Lines.justify`` make them."""
    if n <= width:
        kept = text
        if column.justify == "right":
            kept = text.rstrip()
        elif not column.no_wrap and len(text) > width and (space := TRAILING_SPACE.search(text)):
            # rich's rstrip_end compares characters with cells: text with combining marks
            # or joined emoji has more of them, and loses trailing spaces beyond the width
            kept = text[: len(text) - min(len(space[0]), len(text) - width)]
        size = n if kept is text else cell_len(kept)
        if column.justify == "left":
            return [(0, len(kept), 0, " " * (width - size))]
        return [(0, len(kept), width - size, "")]
    if width < 2:
        raise Fallback
    if column.no_wrap:  # overflow "ellipsis"
        kept = text.rstrip() if column.justify == "right" else text
        kept_width = cell_len(kept)
        if kept_width <= width:
            return [(0, len(kept), width - kept_width, "")]
        cut = set_cell_size(kept, width - 1)  # a prefix, padded where a wide character went
        shown = len(cut)
        while shown and kept[:shown] != cut[:shown]:
            shown -= 1
        return [(0, shown, 0, cut[shown:] + "…")]
    if SPACE.search(text):
        return _word_wrap(text, width, column)
    lines = []
    start = 0
    for piece in chop_cells(text, width):  # a long word folds at the column's width
        pad = width - cell_len(piece)
        end = start + len(piece)
        lines.append(
            (start, end, 0, " " * pad) if column.justify == "left" else (start, end, pad, "")
        )
        start = end
    return lines


_WORD = re.compile(r"\s*\S+\s*")


TRAILING_SPACE = re.compile(r"\s+$")


def divide_line(text: str, width: int) -> list[int]:
    """rich's ``_wrap.divide_line`` (with ``fold``): where a text breaks into lines."""
    breaks: list[int] = []
    offset = 0
    match = _WORD.match(text)
    while match is not None:
        start, end = match.span()
        word = match[0]
        word_length = cell_len(word.rstrip())
        if width - offset >= word_length:
            offset += cell_len(word)
        elif word_length > width:
            folded = chop_cells(word, width)
            for number, piece in enumerate(folded, start=1):
                if start:
                    breaks.append(start)
                if number == len(folded):
                    offset = cell_len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
        match = _WORD.match(text, end)
    return breaks


def _word_wrap(text: str, width: int, column: Column) -> list[Line]:
    """rich's ``Text.wrap`` then ``Lines.justify`` (fold overflow) for a text with spaces."""
    edges = [0, *divide_line(text, width), len(text)]
    lines: list[Line] = []
    for start, end in itertools.pairwise(edges):
        piece = text[start:end]
        if len(piece) > width and (space := TRAILING_SPACE.search(piece)):
            piece = piece[: len(piece) - min(len(space[0]), len(piece) - width)]  # rstrip_end
        if column.justify == "right":
            piece = piece.rstrip()
        size = cell_len(piece)
        if size > width:  # cropped to the width (a wide character cut in two becomes a space)
            cut = set_cell_size(piece, width)
            kept = len(cut)
            while kept and piece[:kept] != cut[:kept]:
                kept -= 1
            lines.append((start, start + kept, 0, cut[kept:]))
        elif column.justify == "right":
            lines.append((start, start + len(piece), width - size, ""))
        else:
            lines.append((start, start + len(piece), 0, " " * (width - size)))
    return lines


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
    """rich's ``Segment.adjust_line_length`` (no padding): what fits in ``width`` cells."""
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
