"""``--format table``: the coloured terminal report (rich)."""

from __future__ import annotations

import io

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tracker import display
from tracker.compute import Status
from tracker.i18n import t
from tracker.render import RenderOptions
from tracker.render.rows import cells
from tracker.report import StatusReport

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
    lang = options.lang
    line = Text(t("total", lang, n=report.summary.total), style="bold")
    for status, count in report.summary.by_status.items():
        line.append("  ·  ")
        line.append(f"{t(status.value, lang)} {count}", style=STYLES[status])
    return line


def render_status(report: StatusReport, options: RenderOptions) -> str:
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
            ratio.append(f" {c.bar[:8]}" if e.ratio is not None else "", style=STYLES[e.status])
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
