"""``tracker report --style notice``: the 督查 notice as Markdown (CommonMark + GFM tables).

Deterministic, like the summary report. Every piece of data text goes through
:func:`tracker.render.escape.md`; a grid cell's lines are joined with ``<br>``, which GitHub
and GitLab render inside table cells.
"""

from __future__ import annotations

from tabulate import tabulate

from tracker.core.notice import NoticeData
from tracker.render import escape
from tracker.render.i18n import Lang, t
from tracker.render.notice_text import (
    MARKERS,
    cell_text,
    due_item,
    grid_rows,
    lagging_item,
    lagging_none,
    legend,
    meta,
    method_lines,
    mixed_periods,
    overdue_item,
    overview,
    title,
)
from tracker.render.options import RenderOptions
from tracker.render.report_markdown import issue_text


def _grid(data: NoticeData, lang: Lang) -> list[str]:
    grid = data.grid
    if not grid.row_labels:
        return [t("none", lang), ""]
    period = mixed_periods(data)
    corner = t("col.region" if grid.rows_are_regions else "col.task", lang)
    header = [corner, *(escape.md(label) for label in grid.column_labels)]
    body = []
    for label, line in zip(grid.row_labels, grid.cells, strict=True):
        row = [f"**{escape.md(label)}**"]
        for cell in line:
            parts = []
            for e in cell:
                c = cell_text(e, lang, period=period)
                parts.append(
                    "<br>".join(
                        [
                            f"{MARKERS[c.light]} **{escape.md(c.label)}**",
                            escape.md(c.target),
                            escape.md(c.progress),
                            escape.md(c.completion),
                        ]
                    )
                )
            row.append("<br>".join(parts))
        body.append(row)
    table = tabulate(body, header, tablefmt="pipe", disable_numparse=True)
    return [escape.md(legend(data, lang)), "", table, ""]


def _numbered(items: list[str]) -> list[str]:
    return [f"{n}. {escape.md(item)}" for n, item in enumerate(items, start=1)]


def _rate_issues(data: NoticeData, lang: Lang) -> list[str]:
    if not data.rate_issues:
        return [t("report.inconsistent_none", lang), ""]
    lines = [t("report.inconsistent_lead", lang), ""]
    for issue in data.rate_issues:
        goal = issue.goal
        when = issue.point.outcome.as_of
        head = f"**{escape.md(goal.region)} · {escape.md(goal.title)}**"
        text = escape.md(issue_text(issue, lang))
        lines.append(
            f"- {head}({when}):{text}。" if lang == "zh" else f"- {head} ({when}): {text}."
        )
    return [*lines, ""]


def render_notice(data: NoticeData, options: RenderOptions) -> str:
    lang = options.lang
    lines = [f"# {escape.md(title(data, lang))}", ""]
    lines += [" · ".join(escape.md(part) for part in meta(data, lang)), ""]
    lines += [f"## {t('notice.overview', lang)}", ""]
    lines += [escape.md(overview(data, lang)), ""]
    lines += [f"## {t('notice.grid', lang)}", ""]
    lines += _grid(data, lang)
    lines += [f"## {t('notice.overdue', lang)}", ""]
    overdue = [overdue_item(item, lang) for item in data.overdue]
    lines += [*(_numbered(overdue) or [t("notice.overdue_none", lang)]), ""]
    lines += [f"## {t('notice.lagging', lang)}", ""]
    lagging = [lagging_item(e, lang) for e in data.lagging]
    lines += [*(_numbered(lagging) or [escape.md(lagging_none(data, lang))]), ""]
    lines += [f"## {t('notice.due', lang, days=data.due_days)}", ""]
    due = [due_item(item, lang) for item in data.due]
    lines += [*(_numbered(due) or [t("notice.due_none", lang, days=data.due_days)]), ""]
    lines += [f"## {t('notice.inconsistent', lang)}", ""]
    lines += _rate_issues(data, lang)
    if data.overdue or data.lagging:
        lines += [f"**{t('notice.request', lang)}**", ""]
    lines += [f"## {t('notice.method', lang)}", ""]
    lines += [f"- {escape.md(line)}" for line in method_lines(data, lang, grid_rows(data))]
    lines += ["", f"*{t('notice.generated', lang)}*", ""]
    return "\n".join(lines)
