"""``tracker report --style notice --format html``: the 督查 notice as one self-contained page.

No network, no scripts, no external fonts (like the summary page, whose base style it
shares). Every grid cell carries its light as a class (``light-green`` …) and its status as
``data-status``, and names both in text: colour is never the only signal. Every piece of data
text goes through :func:`tracker.render.web.html_text`.
"""

from __future__ import annotations

from tracker.core.notice import Light, NoticeData
from tracker.render import web
from tracker.render.i18n import Lang, t
from tracker.render.notice_text import (
    cell_text,
    due_item,
    grid_rows,
    lagging_item,
    lagging_none,
    legend,
    light_label,
    meta,
    method_lines,
    mixed_periods,
    overdue_item,
    overview,
    title,
)
from tracker.render.options import RenderOptions
from tracker.render.report_html import CSS, page_start
from tracker.render.report_markdown import issue_text

esc = web.html_text

# (border and dot, cell background, text): a light's colour, with dark text on a pale fill
LIGHT_COLORS: dict[Light, tuple[str, str, str]] = {
    Light.GREEN: ("#1a7f37", "#dafbe1", "#0b2e13"),
    Light.YELLOW: ("#bf8700", "#fff8c5", "#3b2300"),
    Light.RED: ("#cf222e", "#ffebe9", "#5a0a0f"),
    Light.NONE: ("#8c959f", "#f6f8fa", "#1f2328"),
}

NOTICE_CSS = "\n".join(
    [
        "h1 { text-align: center; letter-spacing: .05em; }",
        ".meta { text-align: center; }",
        "table.grid td, table.grid th { vertical-align: top; }",
        "table.grid th.row { white-space: normal; min-width: 8em; text-align: left; }",
        "table.grid td { min-width: 9em; padding: 4px; }",
        ".cell { border-left: 5px solid; border-radius: 4px; padding: 4px 6px; margin: 0 0 4px;"
        " font-size: .9em; line-height: 1.45; }",
        ".cell b { display: block; }",
        ".cell:last-child { margin-bottom: 0; }",
        ".lights .n { display: inline; font-size: 1.3em; margin-right: .2em; }",
        "ol.items li { margin-bottom: 6px; }",
        ".request { font-weight: 600; }",
        *(
            f".light-{light.value} {{ border-color: {edge}; background: {fill}; color: {ink}; }}"
            for light, (edge, fill, ink) in LIGHT_COLORS.items()
        ),
        *(
            f".dot-{light.value} {{ background: {edge}; }}"
            for light, (edge, _, _) in LIGHT_COLORS.items()
        ),
    ]
)


def _grid(data: NoticeData, lang: Lang) -> list[str]:
    grid = data.grid
    if not grid.row_labels:
        return [f"<p>{esc(t('none', lang))}</p>"]
    period = mixed_periods(data)
    corner = esc(t("col.region" if grid.rows_are_regions else "col.task", lang))
    head = "".join(f'<th scope="col">{esc(label)}</th>' for label in grid.column_labels)
    body = []
    for label, line in zip(grid.row_labels, grid.cells, strict=True):
        cells = []
        for cell in line:
            parts = []
            for e in cell:
                c = cell_text(e, lang, period=period)
                parts.append(
                    f'<div class="cell light-{c.light.value}" data-light="{c.light.value}" '
                    f'data-status="{e.status.value}" title="{esc(e.goal.id)}">'
                    f"<b>{esc(c.label)}</b>{esc(c.target)}<br>{esc(c.progress)}<br>"
                    f"{esc(c.completion)}</div>"
                )
            cells.append(f"<td>{''.join(parts)}</td>")
        body.append(f'<tr><th class="row" scope="row">{esc(label)}</th>{"".join(cells)}</tr>')
    return [
        f'<p class="note">{esc(legend(data, lang))}</p>',
        f'<div class="wrap"><table class="grid"><thead><tr><th>{corner}</th>{head}</tr>'
        f"</thead><tbody>{''.join(body)}</tbody></table></div>",
    ]


def _lights(data: NoticeData, lang: Lang) -> str:
    items = "".join(
        f'<li><span class="n">{data.lights[light]}</span>'
        f'<span class="dot dot-{light.value}"></span>{esc(light_label(light, lang))}</li>'
        for light in Light
    )
    return f'<ul class="cards lights">{items}</ul>'


def _list(items: list[str], empty: str) -> str:
    if not items:
        return f"<p>{esc(empty)}</p>"
    return '<ol class="items">' + "".join(f"<li>{esc(item)}</li>" for item in items) + "</ol>"


def _rate_issues(data: NoticeData, lang: Lang) -> str:
    if not data.rate_issues:
        return f"<p>{esc(t('report.inconsistent_none', lang))}</p>"
    items = []
    for issue in data.rate_issues:
        goal = issue.goal
        when = issue.point.outcome.as_of
        head = f"<strong>{esc(goal.region)} · {esc(goal.title)}</strong>"
        text = esc(issue_text(issue, lang))
        items.append(
            f"<li>{head}({when}):{text}。</li>"
            if lang == "zh"
            else f"<li>{head} ({when}): {text}.</li>"
        )
    lead = f"<p>{esc(t('report.inconsistent_lead', lang))}</p>"
    return f'{lead}<ul class="items">{"".join(items)}</ul>'


def _section(heading: str, *content: str) -> str:
    return f"<section><h2>{esc(heading)}</h2>{''.join(content)}</section>"


def render_notice(data: NoticeData, options: RenderOptions) -> str:
    lang = options.lang
    heading = title(data, lang)
    html = [
        *page_start(f"{heading} · {data.as_of}", lang, f"{CSS}\n{NOTICE_CSS}"),
        f"<header><h1>{esc(heading)}</h1>",
        f'<p class="meta">{" · ".join(esc(p) for p in meta(data, lang))}</p></header>',
        _section(
            t("notice.overview", lang),
            f'<p class="lead">{esc(overview(data, lang))}</p>',
            _lights(data, lang),
        ),
        _section(t("notice.grid", lang), *_grid(data, lang)),
        _section(
            t("notice.overdue", lang),
            _list([overdue_item(i, lang) for i in data.overdue], t("notice.overdue_none", lang)),
        ),
        _section(
            t("notice.lagging", lang),
            _list([lagging_item(e, lang) for e in data.lagging], lagging_none(data, lang)),
        ),
        _section(
            t("notice.due", lang, days=data.due_days),
            _list(
                [due_item(i, lang) for i in data.due],
                t("notice.due_none", lang, days=data.due_days),
            ),
        ),
        _section(t("notice.inconsistent", lang), _rate_issues(data, lang)),
    ]
    if data.overdue or data.lagging:
        html.append(f'<p class="request">{esc(t("notice.request", lang))}</p>')
    notes = "".join(f"<li>{esc(line)}</li>" for line in method_lines(data, lang, grid_rows(data)))
    html += [
        _section(t("notice.method", lang), f'<ul class="items">{notes}</ul>'),
        f"<footer><p>{esc(t('notice.generated', lang))}</p></footer>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(html)
