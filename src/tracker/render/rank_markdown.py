"""``tracker rank --format markdown``: the ranking as a GitHub-flavoured table."""

from __future__ import annotations

from tabulate import tabulate

from tracker.core.rank import Ranking
from tracker.render import escape
from tracker.render.i18n import t
from tracker.render.markdown import MARKERS
from tracker.render.options import RenderOptions
from tracker.render.rank_rows import average_line, heading, note_lines, rank_cells, subheading

_COLUMNS = (
    "rank", "region", "period", "actual", "target", "ratio", "lag_text", "status", "from_mean",
    "from_median",
)  # fmt: skip
_ALIGN = ("right", "left", "left", "right", "right", "right", "right", "left", "right", "right")


def render_rank(ranking: Ranking, options: RenderOptions) -> str:
    lang = options.lang
    lines = [f"## {escape.md(heading(ranking, lang))}", "", escape.md(subheading(ranking, lang))]
    lines.append("")
    if ranking.rows:
        body = []
        for row in ranking.rows:
            c = rank_cells(row, ranking.by, lang)
            status = row.evaluation.status
            marks = f" {escape.md(c.marks)}" if c.marks else ""
            body.append(
                [
                    c.rank,
                    escape.md(c.region),
                    c.period,
                    escape.md(c.value),
                    escape.md(c.target),
                    c.completion,
                    c.lag,
                    f"{MARKERS[status]} {c.status}{marks}",
                    escape.md(c.from_mean),
                    escape.md(c.from_median),
                ]
            )
        header = [t(f"col.{key}", lang) for key in _COLUMNS]
        lines += [
            tabulate(body, header, tablefmt="pipe", disable_numparse=True, colalign=_ALIGN),
            "",
        ]
    average = average_line(ranking, lang)
    if average:
        lines += [escape.md(average), ""]
    lines += [f"> {escape.md(line)}" for line in note_lines(ranking, lang)]
    if ranking.notes:
        lines.append("")
    return "\n".join(lines)
