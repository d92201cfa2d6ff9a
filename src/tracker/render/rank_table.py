"""``tracker rank --format table``: the ranking on a terminal (rich's Table: a ranking has a
row per region, so the status table's fast layout is not needed)."""

from __future__ import annotations

from tracker.core.rank import Ranking
from tracker.render import escape
from tracker.render.i18n import t
from tracker.render.options import RenderOptions
from tracker.render.rank_rows import average_line, heading, note_lines, rank_cells, subheading
from tracker.render.rich_table import console
from tracker.render.terminal import STYLES


def render_rank(ranking: Ranking, options: RenderOptions) -> str:
    from rich import box  # noqa: PLC0415  # rich's table costs ~20 ms to import
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    lang = options.lang
    out, buffer = console(options)
    out.print(Text(escape.safe(heading(ranking, lang)), style="bold"))
    out.print(Text(escape.safe(subheading(ranking, lang)), style="dim"))
    if ranking.rows:
        table = Table(
            box=box.SIMPLE_HEAD,
            pad_edge=False,
            show_edge=False,
            header_style="bold",
            padding=(0, 0),
        )
        for key, justify in (
            ("rank", "right"),
            ("region", "left"),
            ("period", "left"),
            ("actual", "right"),
            ("target", "right"),
            ("ratio", "right"),
            ("lag_text", "right"),
            ("status", "left"),
            ("from_mean", "right"),
            ("from_median", "right"),
        ):
            table.add_column(t(f"col.{key}", lang), justify=justify)  # type: ignore[arg-type]
        for row in ranking.rows:
            c = rank_cells(row, ranking.by, lang)
            style = STYLES[row.evaluation.status]
            status = Text(c.status, style=style)
            if c.marks:
                status.append(f" {c.marks}", style="bold")
            better = {True: "green", False: "red", None: None}[row.better]
            table.add_row(
                c.rank,
                Text(escape.safe(c.region)),
                c.period,
                Text(escape.safe(c.value)),
                Text(escape.safe(c.target)),
                c.completion,
                c.lag,
                status,
                Text(c.from_mean, style=better or ""),
                Text(c.from_median),
            )
        out.print(table)
    average = average_line(ranking, lang)
    if average:
        out.print(average)
    for line in note_lines(ranking, lang):
        out.print(Text(escape.safe(line), style="yellow"))
    return buffer.getvalue()
