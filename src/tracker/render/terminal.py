"""``--format table``: the coloured terminal report.

The table is laid out here, not by rich's ``Table``: rich measures, wraps and pads every cell
through its renderable protocol, about a millisecond a row (11 s for 10,000 goals). This
module makes the decisions rich's ``Table`` makes for this one table — column widths from the
same measurements (``_column_widths`` follows ``Table._calculate_column_widths`` and
``_collapse_widths``), the same word wrapping and folding (``_divide_line``), ellipses,
justification and cropping at the terminal's edge — so the output is the same, byte for byte,
at a small fraction of the cost; ``tests/test_terminal.py`` checks that against rich itself.
rich still does what it is good at: measuring text in terminal cells (``rich.cells``: East
Asian widths, combining marks, emoji sequences), folding long words, turning style names into
escape codes, and laying out what this fast path leaves to it — a cell with a line break or a
tab, a column narrower than two cells, an empty report — through :func:`render_status_rich`,
the reference implementation. With colour, the text is the same and the escape codes are
grouped differently.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Literal, TypeVar

from rich.cells import cell_len, chop_cells, set_cell_size

from tracker.core.compute import Status
from tracker.core.status import StatusReport
from tracker.render import display
from tracker.render.i18n import Lang, t
from tracker.render.registry import RenderOptions
from tracker.render.rows import cells

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

STYLES: dict[Status, str] = {
    Status.ACHIEVED: "bold green",
    Status.ON_TRACK: "green",
    Status.AT_RISK: "yellow",
    Status.BEHIND: "bold red",
    Status.MISSED: "bold white on red",
    Status.UNCLEAR: "magenta",
    Status.NO_DATA: "dim",
    Status.NO_TARGET: "dim",
}


# Below this width the progress bars give way to the titles.
WIDE = 96


def console(options: RenderOptions) -> tuple[Console, io.StringIO]:
    """A console that renders to a string: fixed width, colour only when asked."""
    from rich.console import Console  # noqa: PLC0415  # rich's console costs ~30 ms to import

    buffer = io.StringIO()
    return Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    ), buffer


def summary_text(report: StatusReport, options: RenderOptions) -> Text:
    from rich.text import Text  # noqa: PLC0415

    lang = options.lang
    line = Text(t("total", lang, n=report.summary.total), style="bold")
    for status, count in report.summary.by_status.items():
        line.append("  ·  ")
        line.append(f"{t(status.value, lang)} {count}", style=STYLES[status])
    return line


# --- the table's cells ----------------------------------------------------------------------

# A cell: its text, its styled runs (text, style) when any part is styled, and the style of
# the whole cell (which its padding takes too, as in rich).
Run = tuple[str, str | None]
Cell = tuple[str, tuple[Run, ...] | None, str | None]


@dataclass(frozen=True, slots=True)
class _Column:
    header: str
    justify: Literal["left", "right"] = "left"
    no_wrap: bool = False
    min_width: int | None = None
    max_width: int | None = None
    fold: bool = False  # overflow: fold long words onto the next line, else end with "…"
    style: str | None = None


def _columns(lang: Lang, status_width: int) -> list[_Column]:
    """The status table's columns (what ``render_status_rich`` gives rich's Table)."""
    return [
        _Column(t("col.region", lang), no_wrap=True, max_width=12),
        _Column(t("col.goal", lang), min_width=12, fold=True),
        _Column(t("col.target", lang), justify="right", max_width=14, fold=True),
        _Column(t("col.actual", lang), justify="right", max_width=14, fold=True),
        _Column(t("col.as_of", lang), no_wrap=True, style="dim"),
        _Column(t("col.ratio", lang), no_wrap=True),
        _Column(t("col.pace", lang), justify="right", no_wrap=True),
        _Column(t("col.gap", lang), justify="right", max_width=12, fold=True),
        _Column(t("col.status", lang), no_wrap=True, min_width=status_width),
    ]


def _rows(report: StatusReport, options: RenderOptions) -> list[list[Cell]]:
    lang = options.lang
    with_bar = options.width >= WIDE
    rows: list[list[Cell]] = []
    previous_region = None
    dates: dict[date, str] = {}  # a few dates recur in every row: format each once
    for e in report.rows:
        c = cells(e, lang)
        style = STYLES[e.status]
        region = "" if c.region == previous_region else c.region
        previous_region = c.region
        ratio: Cell = (f"{c.ratio:>7}", None, None)
        if with_bar and e.ratio is not None and c.bar:
            bar = f" {c.bar[:8]}"
            ratio = (ratio[0] + bar, ((ratio[0], None), (bar, style)), None)
        status: Cell = (c.status, ((c.status, style),), style)
        if c.marks:
            marks = f" {c.marks}"
            status = (c.status + marks, ((c.status, style), (marks, f"{style} bold")), style)
        as_of = ""
        if e.outcome:
            day = e.outcome.as_of
            as_of = dates.get(day) or dates.setdefault(day, display.short_date(day))
        rows.append(
            [
                (display.safe(region), None, None),
                (display.safe(c.title), None, None),
                (display.safe(c.target), None, None),
                (display.safe(c.actual), None, None),
                (as_of, None, None),
                ratio,
                (c.pace, None, None),
                (c.gap, None, None),
                status,
            ]
        )
    return rows


# --- layout (rich's Table algorithm for this table) -----------------------------------------

# Text that the fast path lays out: no line breaks or tabs (rich splits and expands them), and
# whitespace only where it cannot decide a line break (checked per cell below).
_BREAKS = re.compile(r"[\t\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029]")
_SPACE = re.compile(r"\s")


class _Fallback(Exception):  # noqa: N818  # a signal, not an error
    """The fast path cannot promise rich's output here: let rich lay out the table."""


def _measure(text: str) -> tuple[int, int]:
    """(minimum, maximum) width of a text, as rich's ``Text.__rich_measure__``; a text with
    a line break or a tab is left to rich."""
    if _SPACE.search(text) is None:  # the usual cell: one word (line breaks are spaces too)
        n = cell_len(text)
        return n, n
    if _BREAKS.search(text):
        raise _Fallback
    lines = text.splitlines()
    maximum = max(map(cell_len, lines)) if lines else 0
    words = text.split()
    minimum = max(map(cell_len, words)) if words else maximum
    minimum = min(max(0, minimum), maximum)
    return max(0, minimum), max(0, minimum, maximum)


def _column_range(column: _Column, minimum: int, maximum: int, width: int) -> tuple[int, int]:
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


def _column_widths(
    columns: Sequence[_Column], extremes: Sequence[tuple[int, int]], available: int
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


def _lines(text: str, n: int, width: int, column: _Column) -> list[Line]:
    """The lines of one cell (``n`` cells wide), each exactly ``width`` cells wide, as rich's
    ``Text.wrap`` and ``Lines.justify`` make them."""
    if n <= width:
        kept = text
        if column.justify == "right":
            kept = text.rstrip()
        elif not column.no_wrap and len(text) > width and (space := _TRAILING_SPACE.search(text)):
            # rich's rstrip_end compares characters with cells: text with combining marks
            # or joined emoji has more of them, and loses trailing spaces beyond the width
            kept = text[: len(text) - min(len(space[0]), len(text) - width)]
        size = n if kept is text else cell_len(kept)
        if column.justify == "left":
            return [(0, len(kept), 0, " " * (width - size))]
        return [(0, len(kept), width - size, "")]
    if width < 2:
        raise _Fallback
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
    if _SPACE.search(text):
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
_TRAILING_SPACE = re.compile(r"\s+$")


def _divide_line(text: str, width: int) -> list[int]:
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


def _word_wrap(text: str, width: int, column: _Column) -> list[Line]:
    """rich's ``Text.wrap`` then ``Lines.justify`` (fold overflow) for a text with spaces."""
    edges = [0, *_divide_line(text, width), len(text)]
    lines: list[Line] = []
    for start, end in itertools.pairwise(edges):
        piece = text[start:end]
        if len(piece) > width and (space := _TRAILING_SPACE.search(piece)):
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


def _plain(text: str, line: Line) -> str:
    start, end, before, after = line
    return " " * before + text[start:end] + after


# --- colour ---------------------------------------------------------------------------------


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


def _styled(cell: Cell, line: Line, column: _Column) -> list[Run]:
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


def _join(runs: list[Run]) -> str:
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


def _crop(runs: list[Run], width: int) -> list[Run]:
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


# --- the report -----------------------------------------------------------------------------


def render_status(report: StatusReport, options: RenderOptions) -> str:
    """The status table, laid out as rich's Table lays it out (see the module docstring)."""
    if not report.rows:
        return render_status_rich(report, options)
    try:
        return _render_fast(report, options)
    except _Fallback:
        return render_status_rich(report, options)


def _render_fast(report: StatusReport, options: RenderOptions) -> str:
    lang = options.lang
    rows = _rows(report, options)
    status_width = max(cell_len(row[-1][0].strip()) for row in rows)
    columns = _columns(lang, status_width)
    table: list[list[Cell]] = [[(c.header, None, "bold") for c in columns], *rows]

    # measure every cell once, keeping each one's width (it has one line) for the layout
    lengths: list[list[int]] = []
    extremes = []
    for index in range(len(columns)):
        texts = [row[index][0] for row in table]
        sizes = [cell_len(text) for text in texts]  # one line each (else: rich lays it out)
        spaced = [number for number, text in enumerate(texts) if _SPACE.search(text)]
        # a text with spaces can wrap at them: its minimum is its widest word
        minimum = max((_measure(texts[number])[0] for number in spaced), default=0)
        if len(spaced) < len(texts):
            skip = set(spaced)
            minimum = max(minimum, *(n for i, n in enumerate(sizes) if i not in skip))
        lengths.append(sizes)
        extremes.append((minimum, max(sizes)))
    widths = _column_widths(columns, extremes, options.width - (len(columns) - 1))
    # A table wider than the terminal (its columns' minimum widths) is cut at the edge.
    crop = sum(widths) + len(columns) - 1 > options.width

    title = f"{t('title.status', lang)}  ·  {t('as_of', lang)} {report.as_of}"
    out = [_line([(title, None)], "bold", options)]
    rule = "─" * (sum(widths) + len(widths) - 1)
    if options.color:
        blanks: list[list[Run]] = [
            [(" " * w, c.style)] for w, c in zip(widths, columns, strict=True)
        ]
        divider: list[Run] = [(" ", None)]
        for number, row in enumerate(table):
            laid = [
                [_styled(cell, line, column) for line in _lines(cell[0], size, width, column)]
                for cell, size, width, column in zip(
                    row, (c[number] for c in lengths), widths, columns, strict=True
                )
            ]
            for cells_runs in _row_lines(laid, blanks, header=number == 0, divider=divider):
                joined = [run for runs in cells_runs for run in runs]
                out.append(_join(_crop(joined, options.width) if crop else joined))
            if number == 0:
                out.append(set_cell_size(rule, options.width) if crop else rule)
    else:
        out.extend(_plain_rows(table, lengths, widths, columns, rule, options.width if crop else 0))
    out.extend(_footer(report, options))
    return "\n".join(out) + "\n"


def _plain_rows(
    table: list[list[Cell]],
    lengths: list[list[int]],
    widths: list[int],
    columns: list[_Column],
    rule: str,
    crop: int,
) -> list[str]:
    """The table's lines without colour; ``crop``, when not 0, is the terminal's width.

    The hot loop of large tables: a cell that fits its column (most do) is padded inline.
    """
    spaces = [" " * n for n in range(max(widths) + 1)]
    blank = [spaces[w] for w in widths]
    multi: dict[int, dict[int, list[str]]] = {}  # row → column → lines, for cells that wrap
    laid_out: list[list[str]] = []  # column by column: each cell's first (usually only) line
    for index, column in enumerate(columns):
        width, pad = widths[index], spaces
        texts = [row[index][0] for row in table]
        sizes = lengths[index]
        # a cell that fits, without trailing spaces (rich strips those), is padded inline
        if column.justify == "left":
            cells_ = [
                text + pad[width - size] if size <= width and not text[-1:].isspace() else None
                for text, size in zip(texts, sizes, strict=True)
            ]
        else:
            cells_ = [
                pad[width - size] + text if size <= width and not text[-1:].isspace() else None
                for text, size in zip(texts, sizes, strict=True)
            ]
        folded: dict[str, list[str]] = {}  # titles recur: fold each once
        for number, cell in enumerate(cells_):
            if cell is not None:
                continue
            text = texts[number]
            lines = folded.get(text)
            if lines is None:
                laid = _lines(text, sizes[number], width, column)
                lines = folded[text] = [_plain(text, piece) for piece in laid]
            cells_[number] = lines[0]
            if len(lines) > 1:
                multi.setdefault(number, {})[index] = lines
        laid_out.append(cells_)  # type: ignore[arg-type]  # every None replaced above
    out: list[str] = []
    for number, parts in enumerate(zip(*laid_out, strict=True)):
        wrapped = multi.get(number)
        if wrapped is None:
            out.append(" ".join(parts))
        else:
            height = max(map(len, wrapped.values()))
            header = number == 0  # aligns to the bottom; the other rows to the top
            for line in range(height):
                pieces: list[str] = []
                for index, part in enumerate(parts):
                    lines = wrapped.get(index, [part])
                    shift = line - (height - len(lines) if header else 0)
                    pieces.append(lines[shift] if 0 <= shift < len(lines) else blank[index])
                out.append(" ".join(pieces))
        if number == 0:
            out.append(rule)
    return [set_cell_size(line, crop) for line in out] if crop else out


_T = TypeVar("_T")


def _row_lines(
    laid: list[list[_T]], blanks: list[_T], *, header: bool, divider: _T
) -> Iterator[list[_T]]:
    """The lines of one row: each cell's lines, with the columns' divider between them; a
    cell with fewer lines than the row gets blank ones (below; above in the header row)."""
    height = max(map(len, laid))
    if height > 1:
        for index, cell_lines in enumerate(laid):
            missing = [blanks[index]] * (height - len(cell_lines))
            laid[index] = missing + cell_lines if header else cell_lines + missing
    for number in range(height):
        line: list[_T] = []
        for index, cell_lines in enumerate(laid):
            if index:
                line.append(divider)
            line.append(cell_lines[number])
        yield line


def _footer(report: StatusReport, options: RenderOptions) -> list[str]:
    """The summary and the legend: one line each when they fit, else as rich wraps them."""
    lang = options.lang
    runs: list[Run] = [(t("total", lang, n=report.summary.total), None)]
    for status, count in report.summary.by_status.items():
        runs.append(("  ·  ", None))
        runs.append((f"{t(status.value, lang)} {count}", STYLES[status]))
    lines = [(runs, "bold")]
    legend = display.legend(report.rows, lang)
    if legend:
        lines.append(([("   ".join(legend), None)], "dim"))
    return [_line(line_runs, base, options) for line_runs, base in lines]


def _line(runs: list[Run], base: str, options: RenderOptions) -> str:
    """A line of styled text as rich's ``Console.print`` shows it: folded at spaces (or inside a
    word longer than the width) into lines no wider than the terminal."""
    text = "".join(run for run, _ in runs)
    if _BREAKS.search(text):
        return _print_rich(runs, base, options)
    width = options.width
    pieces: list[tuple[int, int, str]] = []
    breaks = _divide_line(text, width) if cell_len(text) > width else []
    for start, end in itertools.pairwise([0, *breaks, len(text)]):
        piece = text[start:end]
        # rich's rstrip_end: characters against cells (see _lines)
        if len(piece) > width and (space := _TRAILING_SPACE.search(piece)):
            piece = piece[: len(piece) - min(len(space[0]), len(piece) - width)]
        if cell_len(piece) > width:
            cut = set_cell_size(piece, width)
            kept = len(cut)
            while kept and piece[:kept] != cut[:kept]:
                kept -= 1
            pieces.append((start, start + kept, cut[kept:]))
        else:
            pieces.append((start, start + len(piece), ""))
    if not options.color:
        return "\n".join(text[start:end] + after for start, end, after in pieces)
    lines = []
    for start, end, after in pieces:
        painted: list[Run] = []
        position = 0
        for run, style in runs:
            lo, hi = max(position, start), min(position + len(run), end)
            if lo < hi:
                painted.append((text[lo:hi], " ".join(filter(None, (base, style)))))
            position += len(run)
        painted.append((after, base))
        lines.append(_join(painted))
    return "\n".join(lines)


def _print_rich(runs: list[Run], base: str, options: RenderOptions) -> str:
    from rich.text import Text  # noqa: PLC0415

    text = Text(style=base)
    for run, style in runs:
        text.append(run, style=style)
    out, buffer = console(options)
    out.print(text)
    return buffer.getvalue().removesuffix("\n")


def render_status_rich(report: StatusReport, options: RenderOptions) -> str:
    """The status table drawn by rich's Table: the reference layout, and the fallback."""
    from rich import box  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    lang = options.lang
    out, buffer = console(options)
    out.print(
        Text(f"{t('title.status', lang)}  ·  {t('as_of', lang)} {report.as_of}", style="bold")
    )
    if not report.rows:
        out.print(t("none", lang))
        return buffer.getvalue()
    table = Table(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        expand=False,
        header_style="bold",
        padding=(0, 0),
    )  # the box draws a space between
    table.add_column(t("col.region", lang), no_wrap=True, max_width=12)
    table.add_column(t("col.goal", lang), min_width=12, overflow="fold")
    table.add_column(t("col.target", lang), justify="right", max_width=14, overflow="fold")
    table.add_column(t("col.actual", lang), justify="right", max_width=14, overflow="fold")
    table.add_column(t("col.as_of", lang), no_wrap=True, style="dim")
    table.add_column(t("col.ratio", lang), no_wrap=True)
    with_bar = options.width >= WIDE
    table.add_column(t("col.pace", lang), justify="right", no_wrap=True)
    table.add_column(t("col.gap", lang), justify="right", max_width=12, overflow="fold")
    rows = [(e, cells(e, lang)) for e in report.rows]
    status_width = max(cell_len(f"{c.status} {c.marks}".strip()) for _, c in rows)
    table.add_column(t("col.status", lang), no_wrap=True, min_width=status_width)

    previous_region = None
    for e, c in rows:
        region = "" if c.region == previous_region else c.region
        previous_region = c.region
        actual = Text(display.safe(c.actual))
        as_of = display.short_date(e.outcome.as_of) if e.outcome else ""
        ratio = Text(f"{c.ratio:>7}")
        if with_bar:
            shown = e.ratio is not None and c.bar
            ratio.append(f" {c.bar[:8]}" if shown else "", style=STYLES[e.status])
        status = Text(c.status, style=STYLES[e.status])
        if c.marks:
            status.append(f" {c.marks}", style="bold")
        table.add_row(
            Text(display.safe(region)),
            Text(display.safe(c.title)),
            Text(display.safe(c.target)),
            actual,
            as_of,
            ratio,
            c.pace,
            Text(c.gap),
            status,
        )
    out.print(table)
    out.print(summary_text(report, options))
    legend = display.legend(report.rows, lang)
    if legend:
        out.print(Text("   ".join(legend), style="dim"))
    return buffer.getvalue()
