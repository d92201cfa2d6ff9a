"""``--format table``: the coloured terminal report.

The table is laid out here, not by rich's ``Table``: rich measures, wraps and pads every cell
through its renderable protocol, about a millisecond a row (11 s for 10,000 goals). This
module makes the decisions rich's ``Table`` makes for this one table — column widths from the
same measurements (``column_widths`` follows ``Table._calculate_column_widths`` and
``_collapse_widths``), the same word wrapping and folding (``divide_line``), ellipses,
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
from datetime import date
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size

from tracker.core.compute import Status
from tracker.core.status import StatusReport
from tracker.render import display, escape
from tracker.render.i18n import Lang, t
from tracker.render.options import RenderOptions
from tracker.render.rows import cells
from tracker.render.table_layout import (
    BREAKS,
    SPACE,
    TRAILING_SPACE,
    Cell,
    Column,
    Fallback,
    Run,
    cell_lines,
    column_widths,
    crop_runs,
    divide_line,
    join_runs,
    measure,
    plain_text,
    row_lines,
    styled_runs,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

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
        if with_bar and c.bar:
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


# --- layout (rich's Table algorithm for this table) -----------------------------------------


# --- colour ---------------------------------------------------------------------------------


# --- the report -----------------------------------------------------------------------------


def render_status(report: StatusReport, options: RenderOptions) -> str:
    """The status table, laid out as rich's Table lays it out (see the module docstring)."""
    if not report.rows:
        return render_status_rich(report, options)
    try:
        return _render_fast(report, options)
    except Fallback:
        return render_status_rich(report, options)


def _render_fast(report: StatusReport, options: RenderOptions) -> str:
    lang = options.lang
    rows = _rows(report, options)
    status_width = max(cell_len(row[_STATUS][0].strip()) for row in rows)
    columns = _columns(lang, status_width, options.columns)
    table: list[list[Cell]] = [[(c.header, None, "bold") for c in columns], *rows]

    # measure every cell once, keeping each one's width (it has one line) for the layout
    lengths: list[list[int]] = []
    extremes = []
    for index in range(len(columns)):
        texts = [row[index][0] for row in table]
        sizes = [cell_len(text) for text in texts]  # one line each (else: rich lays it out)
        spaced = [number for number, text in enumerate(texts) if SPACE.search(text)]
        # a text with spaces can wrap at them: its minimum is its widest word
        minimum = max((measure(texts[number])[0] for number in spaced), default=0)
        if len(spaced) < len(texts):
            skip = set(spaced)
            minimum = max(minimum, *(n for i, n in enumerate(sizes) if i not in skip))
        lengths.append(sizes)
        extremes.append((minimum, max(sizes)))
    widths = column_widths(columns, extremes, options.width - (len(columns) - 1))
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
                [
                    styled_runs(cell, line, column)
                    for line in cell_lines(cell[0], size, width, column)
                ]
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
        out.extend(_plain_rows(table, lengths, widths, columns, rule, options.width if crop else 0))
    out.extend(_footer(report, options))
    return "\n".join(out) + "\n"


def _plain_rows(
    table: list[list[Cell]],
    lengths: list[list[int]],
    widths: list[int],
    columns: list[Column],
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
                laid = cell_lines(text, sizes[number], width, column)
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
    """A line of styled text as rich's ``Console.print`` shows it: folded at spaces (or inside a
    word longer than the width) into lines no wider than the terminal."""
    text = "".join(run for run, _ in runs)
    if BREAKS.search(text):
        return _print_rich(runs, base, options)
    width = options.width
    pieces: list[tuple[int, int, str]] = []
    breaks = divide_line(text, width) if cell_len(text) > width else []
    for start, end in itertools.pairwise([0, *breaks, len(text)]):
        piece = text[start:end]
        # rich's rstrip_end: characters against cells (see cell_lines)
        if len(piece) > width and (space := TRAILING_SPACE.search(piece)):
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
        lines.append(join_runs(painted))
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
    table.add_column(t("col.gap", lang), justify="right", max_width=14, overflow="fold")
    rows = [(e, cells(e, lang)) for e in report.rows]
    status_width = max(cell_len(f"{c.status} {c.marks}".strip()) for _, c in rows)
    table.add_column(t("col.status", lang), no_wrap=True, min_width=status_width)
    for column in extra_columns(lang, options.columns):
        table.add_column(
            column.header,
            justify=column.justify,
            no_wrap=column.no_wrap,
            max_width=column.max_width,
            overflow="fold" if column.fold else "ellipsis",
            style=column.style,
        )

    previous_region = None
    for e, c in rows:
        region = "" if c.region == previous_region else c.region
        previous_region = c.region
        actual = Text(escape.safe(c.actual))
        as_of = display.short_date(e.outcome.as_of) if e.outcome else ""
        ratio = Text(f"{c.ratio:>7}")
        if with_bar:
            shown = bool(c.bar)
            ratio.append(f" {c.bar[:8]}" if shown else "", style=STYLES[e.status])
        status = Text(c.status, style=STYLES[e.status])
        if c.marks:
            status.append(f" {c.marks}", style="bold")
        table.add_row(
            Text(escape.safe(region)),
            Text(escape.safe(c.title)),
            Text(escape.safe(c.target)),
            actual,
            as_of,
            ratio,
            c.pace,
            Text(c.gap),
            status,
            *(Text(escape.safe(c.column(name))) for name in options.columns),
        )
    out.print(table)
    out.print(summary_text(report, options))
    legend = display.legend(report.rows, lang)
    if legend:
        out.print(Text("   ".join(legend), style="dim"))
    return buffer.getvalue()
