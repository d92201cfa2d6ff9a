"""``--format table``: the coloured terminal report.

rich's ``Table`` measures, wraps and pads every cell through its renderable protocol: about a
millisecond a row (11 s for 10,000 goals). Here rich is asked only what needs deciding
(:mod:`tracker.render.rich_table`): the columns' widths, by rich's Table on one row of
stand-in cells that measure as their columns (kept when they fit the terminal and cut
nothing; else fitted so that titles, figures and owners wrap, the bars give way, and the
status is never cut), and the lines of each cell wider than its column, by ``Text.wrap``.
A cell that fits is padded here and the rows are assembled here, so the table is the one
rich draws with the same widths, byte for byte (``tests/test_terminal.py`` compares them at
many widths, with generated and random text), at a small fraction of the cost.

Two exceptions: a table with a line break or tab in a cell is drawn by rich's Table itself
(:func:`render_status_rich`); and a very large one (more than :data:`RICH_ROWS` rows) folds
its cells with the plain rules of :mod:`tracker.render.table_layout` instead of rich's word
wrapping. With colour, the text is the same as rich's and the escape codes are grouped
differently. Neither ends a line with spaces (:func:`trimmed`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from rich.cells import cell_len, set_cell_size

from tracker.core.compute import Status
from tracker.core.status import StatusReport
from tracker.render import display, escape
from tracker.render.filters import status_title
from tracker.render.i18n import Lang, t
from tracker.render.options import RenderOptions
from tracker.render.rich_table import (
    RichCells,
    column_widths,
    console,
    cramped,
    measure,
    table_width,
)
from tracker.render.rows import cells
from tracker.render.table_layout import (
    Cell,
    Column,
    Line,
    Run,
    cell_lines,
    crop_runs,
    join_runs,
    one_line,
    plain_text,
    row_lines,
    simple,
    styled_runs,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from tracker.core.compute import Evaluation
    from tracker.render.rows import Cells

STYLES: dict[Status, str] = {
    Status.ACHIEVED: "bold green",
    Status.ON_TRACK: "green",
    Status.AT_RISK: "yellow",
    Status.BEHIND: "bold red",
    Status.MISSED: "bold white on red",
    Status.OVERDUE: "bold white on magenta",
    Status.UNCLEAR: "magenta",
    Status.NO_DATA: "dim",
    Status.NO_TARGET: "dim",
}


# Below this width the progress bars give way to the titles.
WIDE = 110


def summary_text(report: StatusReport, options: RenderOptions) -> Text:
    from rich.text import Text  # noqa: PLC0415

    lang = options.lang
    line = Text(t("total", lang, n=report.summary.total), style="bold")
    for status, count in report.summary.by_status.items():
        line.append("  ·  ")
        line.append(f"{t(status.value, lang)} {count}", style=STYLES[status])
    return line


# --- the table's cells ----------------------------------------------------------------------


_STATUS = 8  # the status column's index: the extra columns follow it


def extra_columns(lang: Lang, names: tuple[str, ...]) -> list[Column]:
    """The columns ``--columns`` adds, after the status: on a terminal too narrow for them
    they are what is cut at the edge, never the status."""
    found = {
        "deadline": Column(t("col.due", lang), no_wrap=True, style="dim"),
        "owner": Column(t("col.owner", lang), max_width=12, fold=True),
        "lag": Column(t("col.lag", lang), justify="right", no_wrap=True),
        "indicator": Column(t("col.indicator", lang), max_width=16, fold=True),
    }
    return [found[name] for name in names]


def _columns(lang: Lang, status_width: int, extra: tuple[str, ...] = ()) -> list[Column]:
    """The status table's columns (what ``render_status_rich`` gives rich's Table)."""
    return [
        Column(t("col.region", lang), no_wrap=True, max_width=12),
        Column(t("col.goal", lang), min_width=12, fold=True),
        Column(t("col.target", lang), justify="right", max_width=14, fold=True),
        Column(t("col.actual", lang), justify="right", max_width=14, fold=True),
        Column(t("col.as_of", lang), no_wrap=True, style="dim"),
        Column(t("col.ratio", lang), no_wrap=True),
        Column(t("col.pace", lang), justify="right", no_wrap=True),
        Column(t("col.gap", lang), justify="right", max_width=14, fold=True),
        Column(t("col.status", lang), no_wrap=True, min_width=status_width),
        *extra_columns(lang, extra),
    ]


def _rows(report: StatusReport, options: RenderOptions, with_bar: bool) -> list[list[Cell]]:
    lang = options.lang
    rows: list[list[Cell]] = []
    previous_region = None
    dates: dict[date, str] = {}  # a few dates recur in every row: format each once
    for e in report.rows:
        c = cells(e, lang)
        style = STYLES[e.status]
        region = "" if c.region == previous_region else c.region
        previous_region = c.region
        ratio: Cell = (f"{c.ratio:>7}", None, None)
        if with_bar and c.bar:
            bar = f" {c.bar}"
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
                (escape.safe(region), None, None),
                (escape.safe(c.title), None, None),
                (escape.safe(c.target), None, None),
                (escape.safe(c.actual), None, None),
                (as_of, None, None),
                ratio,
                (c.pace, None, None),
                (c.gap, None, None),
                status,
                *((escape.safe(c.column(name)), None, None) for name in options.columns),
            ]
        )
    return rows


# --- the report -----------------------------------------------------------------------------


# Up to this many rows, a cell wider than its column is wrapped by rich (about 0.1 ms a cell);
# beyond, folded by the plain rules of :mod:`tracker.render.table_layout`.
RICH_ROWS = 500


def render_status(report: StatusReport, options: RenderOptions) -> str:
    """The status table, with the widths rich's Table gives its columns, its cells padded
    here and wrapped by rich (folded here in a very large table): see the module docstring."""
    if not report.rows:
        return render_status_rich(report, options)
    large = len(report.rows) > RICH_ROWS

    def build(with_bar: bool) -> Built[tuple[list[list[Cell]], list[list[int]]]]:
        rows = _rows(report, options, with_bar)
        status_width = max(cell_len(row[_STATUS][0].strip()) for row in rows)
        columns = _columns(options.lang, status_width, options.columns)
        table: list[list[Cell]] = [[(c.header, None, "bold") for c in columns], *rows]
        if not all(simple(cell[0]) for row in table for cell in row):
            if not large:  # rich splits lines and expands tabs: let it lay out the whole table
                raise _NeedsRichError
            table = [[(one_line(text), runs, style) for text, runs, style in row] for row in table]
        # every cell has one line: its width is its length in cells
        texts = [[row[index][0] for row in table] for index in range(len(columns))]
        lengths = [list(map(cell_len, column)) for column in texts]
        return columns, [measure(column) for column in texts], (table, lengths)

    try:
        columns, widths, (table, lengths) = _fit(options, build)
    except _NeedsRichError:
        return render_status_rich(report, options)
    lines_of = cell_lines if large else RichCells(options)
    return _draw(report, options, columns, table, lengths, widths, lines_of)


_T = TypeVar("_T")

# A table laid out with or without the bars: its columns, each column's (minimum, maximum)
# width, and its cells as the layout keeps them.
Built = tuple[list[Column], list[tuple[int, int]], _T]


class _NeedsRichError(Exception):
    """A cell that only rich's Table lays out as rich does (a line break, a tab)."""


def _fit(
    options: RenderOptions, build: Callable[[bool], Built[_T]]
) -> tuple[list[Column], list[int], _T]:
    """The table ``build`` lays out (with the progress bars, or without), and its columns'
    widths: with the bars when the terminal is wide and they cramp nothing, else without (the
    bars give way before anything else is squeezed or cut). Both layouts fit this way."""
    with_bar = options.width >= WIDE
    while True:
        columns, extremes, cells_ = build(with_bar)
        widths = column_widths(columns, extremes, options, _STATUS)
        if not (with_bar and cramped(columns, extremes, widths, options.width)):
            return columns, widths, cells_
        with_bar = False


# The lines of a cell: (text, its width in cells, the column's width, the column).
CellLines = Callable[[str, int, int, Column], list[Line]]


def _draw(
    report: StatusReport,
    options: RenderOptions,
    columns: list[Column],
    table: list[list[Cell]],
    lengths: list[list[int]],
    widths: list[int],
    lines_of: CellLines,
) -> str:
    # A table wider than the terminal (its columns at their floors) is cut at the edge.
    crop = sum(widths) + len(columns) - 1 > options.width
    out = [_line([(status_title(report, options.lang), None)], "bold", options)]
    rule = "─" * (sum(widths) + len(widths) - 1)
    if options.color:
        blanks: list[list[Run]] = [
            [(" " * w, c.style)] for w, c in zip(widths, columns, strict=True)
        ]
        divider: list[Run] = [(" ", None)]
        for number, row in enumerate(table):
            laid = [
                [styled_runs(cell, line, column) for line in lines_of(cell[0], size, width, column)]
                for cell, size, width, column in zip(
                    row, (c[number] for c in lengths), widths, columns, strict=True
                )
            ]
            for cells_runs in row_lines(laid, blanks, header=number == 0, divider=divider):
                joined = [run for runs in cells_runs for run in runs]
                out.append(join_runs(crop_runs(joined, options.width) if crop else joined))
            if number == 0:
                out.append(set_cell_size(rule, options.width) if crop else rule)
    else:
        out.extend(
            _plain_rows(
                table, lengths, widths, columns, rule, options.width if crop else 0, lines_of
            )
        )
    out.extend(_footer(report, options))
    return trimmed("\n".join(out) + "\n")


def trimmed(text: str) -> str:
    """``text`` without the spaces that end its lines: the padding of a row's last cell, which
    shows nothing and makes a saved table (and its diff) noisy. With colour, the escape codes
    among them are kept (a coloured status ends where its text does)."""
    return "\n".join(
        _LINE_END.sub(_codes, line) if "\x1b" in line else line.rstrip(" ")
        for line in text.split("\n")
    )


# A line's end: its spaces and the escape codes (SGR) among them.
_LINE_END = re.compile(r"(?:\x1b\[[0-9;]*m| )+$")
_SGR = re.compile(r"\x1b\[[0-9;]*m")


def _codes(end: re.Match[str]) -> str:
    return "".join(_SGR.findall(end.group()))


def _plain_rows(
    table: list[list[Cell]],
    lengths: list[list[int]],
    widths: list[int],
    columns: list[Column],
    rule: str,
    crop: int,
    lines_of: CellLines,
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
        # a cell that fits is padded inline
        if column.justify == "left":
            cells_ = [
                text + pad[width - size] if size <= width else None
                for text, size in zip(texts, sizes, strict=True)
            ]
        else:
            cells_ = [
                pad[width - size] + text if size <= width else None
                for text, size in zip(texts, sizes, strict=True)
            ]
        folded: dict[str, list[str]] = {}  # titles recur: fold each once
        for number, cell in enumerate(cells_):
            if cell is not None:
                continue
            text = texts[number]
            lines = folded.get(text)
            if lines is None:
                laid = lines_of(text, sizes[number], width, column)
                lines = folded[text] = [plain_text(text, piece) for piece in laid]
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
    """A line of styled text as rich's ``Console.print`` shows it: as it is when it fits on
    one line, else folded by rich."""
    text = "".join(run for run, _ in runs)
    if not simple(text) or cell_len(text) > options.width:
        return _print_rich(runs, base, options)
    if not options.color:
        return text
    return join_runs([(run, " ".join(filter(None, (base, style)))) for run, style in runs])


def _print_rich(runs: list[Run], base: str, options: RenderOptions) -> str:
    from rich.text import Text  # noqa: PLC0415

    text = Text(style=base)
    for run, style in runs:
        text.append(run, style=style)
    out, buffer = console(options)
    out.print(text)
    return buffer.getvalue().removesuffix("\n")


def render_status_rich(report: StatusReport, options: RenderOptions) -> str:
    """The status table drawn by rich's Table: the reference layout, and the fallback. The
    columns' widths are decided as :func:`render_status` decides them
    (:func:`tracker.render.rich_table.column_widths`), from rich's measurement of the cells."""
    from rich.text import Text  # noqa: PLC0415

    lang = options.lang
    out, buffer = console(options)
    out.print(Text(status_title(report, lang), style="bold"))
    if not report.rows:
        out.print(t("none", lang))
        return trimmed(buffer.getvalue())
    rows = [(e, cells(e, lang)) for e in report.rows]
    status_width = max(cell_len(f"{c.status} {c.marks}".strip()) for _, c in rows)
    columns = _columns(lang, status_width, options.columns)

    def build(with_bar: bool) -> Built[list[list[Text]]]:
        table = [[Text(c.header) for c in columns], *_rich_rows(rows, options, with_bar)]
        extremes = [_measured(out, [row[n] for row in table]) for n in range(len(columns))]
        return columns, extremes, table

    _, widths, table = _fit(options, build)
    out.print(_rich_table(columns, widths, table, options))
    out.print(summary_text(report, options))
    legend = display.legend(report.rows, lang)
    if legend:
        out.print(Text("   ".join(legend), style="dim"))
    return trimmed(buffer.getvalue())


def _measured(out: Console, texts: list[Text]) -> tuple[int, int]:
    """A column's (minimum, maximum) width as rich's Table measures its cells."""
    from rich.measure import Measurement  # noqa: PLC0415

    sizes = [Measurement.get(out, out.options, text) for text in texts]
    return max(size.minimum for size in sizes), max(size.maximum for size in sizes)


def _rich_rows(
    rows: list[tuple[Evaluation, Cells]], options: RenderOptions, with_bar: bool
) -> list[list[Text]]:
    from rich.text import Text  # noqa: PLC0415

    table = []
    previous_region = None
    for e, c in rows:
        region = "" if c.region == previous_region else c.region
        previous_region = c.region
        as_of = display.short_date(e.outcome.as_of) if e.outcome else ""
        ratio = Text(f"{c.ratio:>7}")
        if with_bar and c.bar:
            ratio.append(f" {c.bar}", style=STYLES[e.status])
        status = Text(c.status, style=STYLES[e.status])
        if c.marks:
            status.append(f" {c.marks}", style="bold")
        table.append(
            [
                Text(escape.safe(region)),
                Text(escape.safe(c.title)),
                Text(escape.safe(c.target)),
                Text(escape.safe(c.actual)),
                Text(as_of),
                ratio,
                Text(c.pace),
                Text(c.gap),
                status,
                *(Text(escape.safe(c.column(name))) for name in options.columns),
            ]
        )
    return table


def _rich_table(
    columns: list[Column], widths: list[int], table: list[list[Text]], options: RenderOptions
) -> Table:
    """rich's Table of these cells, its columns as wide as given: a table wider than the
    terminal (its columns after the status) is cut at the edge."""
    from rich import box  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    whole = table_width(widths)
    drawn = Table(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        expand=False,
        header_style="bold",
        padding=(0, 0),
        width=whole if whole > options.width else None,
    )  # the box draws a space between
    for column, width in zip(columns, widths, strict=True):
        drawn.add_column(
            table[0][len(drawn.columns)],
            justify=column.justify,
            no_wrap=column.no_wrap,
            width=width,
            overflow="fold" if column.fold else "ellipsis",
            style=column.style,
        )
    for row in table[1:]:
        drawn.add_row(*row)
    return drawn
