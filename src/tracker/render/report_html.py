"""``tracker report --format html``: one self-contained page with inline SVG charts.

No network, no scripts, no external fonts: CSS and SVG are inline and the page works from a
file. Every piece of data text goes through :func:`tracker.render.escape.html_text`; links only to
http(s) URLs. Deterministic, like the Markdown report it mirrors.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from fractions import Fraction

from wcwidth import wcwidth

from tracker.core import rounding
from tracker.core.compute import Evaluation, Status
from tracker.core.status import SEVERITY
from tracker.core.views import Bar, RegionSection, ReportData, SourceEntry, bars
from tracker.render import display, web
from tracker.render.i18n import Lang, t
from tracker.render.options import RenderOptions
from tracker.render.report_markdown import (
    goals_text,
    issue_text,
    lead,
    method_lines,
    subtitle_parts,
)
from tracker.render.report_markdown import title as report_title
from tracker.render.rows import cells

esc = web.html_text

# (fill, text on the fill): colour-blind-friendlier than pure red/green, dark text on light fills
COLORS: dict[Status, tuple[str, str]] = {
    Status.ACHIEVED: ("#1a7f37", "#ffffff"),
    Status.ON_TRACK: ("#4ac26b", "#0b2e13"),
    Status.AT_RISK: ("#d4a72c", "#2b2100"),
    Status.BEHIND: ("#e16f24", "#ffffff"),
    Status.MISSED: ("#cf222e", "#ffffff"),
    Status.OVERDUE: ("#82071e", "#ffffff"),
    Status.UNCLEAR: ("#8250df", "#ffffff"),
    Status.NO_DATA: ("#afb8c1", "#1f2328"),
    Status.NO_TARGET: ("#dde3e8", "#1f2328"),
}

CSS = """
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --soft: #f6f8fa; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.5;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC",
  "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif; }
main { max-width: 1000px; margin: 0 auto; padding: 20px 16px 40px; }
h1 { font-size: 1.6em; line-height: 1.3; margin: 0 0 4px; }
h2 { font-size: 1.3em; margin: 36px 0 12px; padding-bottom: 4px;
  border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1em; margin: 28px 0 2px; }
.meta, .chain, .note, figcaption, footer { color: var(--muted); font-size: .9em; }
.chain { margin: 0 0 10px; }
.lead { font-size: 1.05em; margin: 0 0 8px; }
.cards { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 16px; padding: 0;
  list-style: none; }
.cards li { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px;
  min-width: 104px; }
.cards .n { display: block; font-size: 1.5em; font-weight: 600; line-height: 1.2; }
.cards .total { background: var(--soft); }
.dot { display: inline-block; width: .7em; height: .7em; border-radius: 50%; margin-right: .35em; }
.st { display: inline-block; white-space: nowrap; border-radius: 10px; padding: 0 8px;
  font-size: .85em; line-height: 1.6; }
.marks { margin-left: 3px; font-weight: 600; color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0 0 6px; padding: 0;
  list-style: none; font-size: .85em; color: var(--muted); }
figure { margin: 8px 0 16px; }
svg { display: block; overflow: visible; }
svg text { font-family: inherit; fill: var(--fg); }
.wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 6px 0 12px; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top;
  text-align: left; }
th { background: var(--soft); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; color: var(--muted); }
td.goal { min-width: 9em; }
.bar { display: inline-block; width: 80px; height: 8px; border-radius: 4px; background: var(--soft);
  border: 1px solid var(--line); vertical-align: middle; overflow: hidden; }
.bar span { display: block; height: 100%; }
.m-only { display: none; }
details { margin: 8px 0 12px; }
summary { cursor: pointer; color: var(--muted); }
blockquote { margin: 6px 0 0; padding: 2px 12px; border-left: 3px solid var(--line);
  color: var(--muted); }
ul.items { padding-left: 1.2em; }
ul.items li { margin-bottom: 10px; }
a { color: #0969da; }
@media (max-width: 640px) {
  body { font-size: 14px; }
  main { padding: 14px 10px 32px; }
  h1 { font-size: 1.35em; }
  .c-bar, .c-date, .c-status { display: none; }
  .m-only { display: inline; }
  th, td { padding: 5px 5px; }
  .cards li { min-width: 86px; padding: 6px 10px; }
}
@media print { details { display: block; } .wrap { overflow: visible; } }
""".strip()

# Chart geometry: heights in CSS pixels, horizontal positions in percent of the page column.
FONT = 13
ROW = 38  # label line, bar, gap
BAR = 12
MAX_LABEL = 44  # display columns of a label before it is cut (CJK characters count two)


def _cut(text: str, columns: int = MAX_LABEL) -> str:
    """``text`` shortened to ``columns`` display columns, with an ellipsis when cut."""
    used = 0
    for i, ch in enumerate(text):
        used += max(wcwidth(ch), 0)
        if used > columns:
            return text[: max(i - 1, 0)] + "…"
    return text


def _status_pill(e: Evaluation, lang: Lang) -> str:
    fill, ink = COLORS[e.status]
    marks = display.markers(e)
    label = esc(t(e.status.value, lang))
    pill = f'<span class="st" style="background:{fill};color:{ink}">{label}</span>'
    return pill + (f'<span class="marks">{esc(marks)}</span>' if marks else "")


def _dot(status: Status) -> str:
    return f'<span class="dot" style="background:{COLORS[status][0]}"></span>'


def _legend(statuses: Iterable[Status], lang: Lang) -> str:
    items = "".join(f"<li>{_dot(s)}{esc(t(s.value, lang))}</li>" for s in statuses)
    return f'<ul class="legend">{items}</ul>'


def _pct(value: Fraction, scale: Fraction, span: int = 100) -> str:
    """A horizontal position as a percentage of the chart's width: charts scale with the
    page while their text keeps its size (there is no viewBox to shrink it on a phone)."""
    clamped = min(max(value, Fraction(0)), scale)
    return f"{rounding.plain(clamped / scale * span, 1)}%"


def _svg(height: int, label: str) -> str:
    return (
        f'<svg width="100%" height="{height}" role="img" aria-label="{esc(label)}" '
        f'font-size="{FONT}" xmlns="http://www.w3.org/2000/svg">'
    )


def status_chart(sections: Sequence[RegionSection], lang: Lang) -> str:
    """Counts by status per region: one stacked bar per region, on a common scale."""
    if not sections:
        return ""
    biggest = max(s.total for s in sections)
    parts = [_svg(ROW * len(sections) + 4, t("chart.status_by_region", lang))]
    for row, section in enumerate(sections):
        y = row * ROW + FONT + 2
        parts.append(f'<text x="0" y="{y}">{esc(_cut(section.region))}  {section.total}</text>')
        done = 0
        bar_y = y + 5
        for status in SEVERITY:
            n = section.counts.get(status, 0)
            if not n:
                continue
            fill, ink = COLORS[status]
            tip = f"{section.region} · {t(status.value, lang)} {n}"
            x, w = Fraction(done, biggest), Fraction(n, biggest)
            parts.append(
                f'<rect x="{_pct(x, Fraction(1))}" y="{bar_y}" width="{_pct(w, Fraction(1))}" '
                f'height="{BAR + 4}" fill="{fill}"><title>{esc(tip)}</title></rect>'
            )
            if w >= Fraction(5, 100):  # room for the number even on a phone
                parts.append(
                    f'<text x="{_pct(x + w / 2, Fraction(1))}" y="{bar_y + BAR}" '
                    f'text-anchor="middle" font-size="11" style="fill:{ink}">{n}</text>'
                )
            done += n
    parts.append("</svg>")
    return "".join(parts)


SPAN = 86  # percent of the chart's width the completion scale spans; the rest holds labels


def completion_chart(chart: Sequence[Bar], lang: Lang) -> str:
    """Completion by goal against the 100 % line, with a tick where time elapsed stands."""
    if not chart:
        return ""
    top = max([Fraction(1), *(b.completion for b in chart), *(b.elapsed or 0 for b in chart)])
    scale = min(max(top * Fraction(21, 20), Fraction(11, 10)), Fraction(2))
    head = FONT + 6
    height = head + ROW * len(chart) + 4
    hundred = _pct(Fraction(1), scale, SPAN)
    parts = [
        _svg(height, t("chart.completion", lang)),
        f'<text x="{hundred}" y="{FONT}" text-anchor="middle" font-size="11">100%</text>',
    ]
    for row, item in enumerate(chart):
        e = item.evaluation
        y = head + row * ROW + FONT
        bar_y = y + 5
        fill, _ = COLORS[e.status]
        tip = f"{e.goal.title} · {t(e.status.value, lang)} · {rounding.percent(item.completion)}"
        parts.append(
            f'<text x="0" y="{y}">{esc(_cut(e.goal.title))}<title>{esc(tip)}</title></text>'
        )
        parts.append(
            f'<rect x="0" y="{bar_y}" width="{SPAN}%" height="{BAR}" rx="2" fill="#eef1f4"/>'
        )
        end = _pct(item.completion, scale, SPAN)
        if item.completion > 0:
            parts.append(
                f'<rect x="0" y="{bar_y}" width="{end}" height="{BAR}" rx="2" fill="{fill}">'
                f"<title>{esc(tip)}</title></rect>"
            )
        more = "›" if item.completion > scale else ""
        parts.append(  # in a column of its own, clear of the bar's end and the ticks
            f'<text x="{SPAN}%" dx="6" y="{bar_y + BAR - 2}" font-size="11">'
            f"{esc(rounding.percent(item.completion))}{more}</text>"
        )
        parts.append(  # the 100 % line, across the bar only: labels stay legible
            f'<line x1="{hundred}" x2="{hundred}" y1="{bar_y - 4}" y2="{bar_y + BAR + 4}" '
            'stroke="#1f2328" stroke-width="1" stroke-dasharray="2 2"/>'
        )
        if item.elapsed is not None:
            x = _pct(item.elapsed, scale, SPAN)
            elapsed_tip = f"{t('chart.elapsed', lang)} {rounding.percent(item.elapsed, 0)}"
            parts.append(
                f'<line x1="{x}" x2="{x}" y1="{bar_y - 3}" y2="{bar_y + BAR + 3}" '
                f'stroke="#1f2328" stroke-width="3"><title>{esc(elapsed_tip)}</title></line>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _bar(ratio: Fraction | None, status: Status) -> str:
    if ratio is None:
        return ""
    # whole percents rounded down, as the text bars' cells: full only at 100 % (99.9 % is 99)
    width = math.floor(min(max(ratio, Fraction(0)), Fraction(1)) * 100)
    style = f"width:{width}%;background:{COLORS[status][0]}"
    return f'<span class="bar"><span style="{style}"></span></span>'


def _table(header: Sequence[tuple[str, str]], rows: Iterable[Sequence[tuple[str, str]]]) -> str:
    """A table from (css class, already-escaped html) cells."""
    head = "".join(f'<th class="{cls}">{text}</th>' for cls, text in header)
    body = "".join(
        "<tr>" + "".join(f'<td class="{cls}">{text}</td>' for cls, text in row) + "</tr>"
        for row in rows
    )
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return f'<div class="wrap">{table}</div>'


def _goal_table(rows: Sequence[Evaluation], lang: Lang, *, region: bool = False) -> str:
    header = [("c-status", esc(t("col.status", lang)))]
    if region:
        header.append(("", esc(t("col.region", lang))))
    header += [
        ("", esc(t("col.goal", lang))),
        ("num", esc(t("col.target", lang))),
        ("num", esc(t("col.actual", lang))),
        ("c-date", esc(t("col.as_of", lang))),
        ("num", esc(t("col.ratio", lang))),
        ("c-bar", esc(t("col.progress", lang))),
        ("num", esc(t("col.gap", lang))),
    ]
    body = []
    for e in rows:
        c = cells(e, lang)
        row = [("c-status", _status_pill(e, lang))]
        if region:
            row.append(("", esc(c.region)))
        row += [
            (
                "goal",
                f'<span class="m-only">{_status_pill(e, lang)}<br></span>'
                f'<span title="{esc(e.goal.id)}">{esc(c.title)}</span>',
            ),
            ("num", esc(c.target)),
            ("num", esc(c.actual)),
            ("date c-date", esc(c.as_of)),
            ("num", esc(c.ratio)),
            ("c-bar", _bar(e.completion, e.status) if c.bar.strip() else ""),
            ("num", esc(c.gap)),
        ]
        body.append(row)
    return _table(header, body)


def _figures_table(rows: Sequence[Evaluation], lang: Lang) -> str:
    header = [
        ("", esc(t("col.indicator", lang))),
        ("num", esc(t("col.actual", lang))),
        ("", esc(t("col.as_of", lang))),
    ]
    body = []
    for e in rows:
        c = cells(e, lang)
        body.append(
            [
                ("goal", f'<span title="{esc(e.goal.id)}">{esc(c.title)}</span>'),
                ("num", esc(c.actual)),
                ("date", esc(c.as_of)),
            ]
        )
    return _table(header, body)


def _overview(data: ReportData, lang: Lang) -> list[str]:
    cards = [
        f'<li class="total"><span class="n">{data.total}</span>{esc(t("report.total", lang))}</li>'
    ]
    for status, n in data.by_status.items():
        share = rounding.percent(Fraction(n, data.total), 0)
        cards.append(
            f'<li><span class="n">{n}</span>{_dot(status)}{esc(t(status.value, lang))}'
            f' <span class="note">{esc(share)}</span></li>'
        )
    headline = lead(data, lang)
    html = [
        f"<section><h2>{esc(t('report.overview', lang))}</h2>",
        f'<p class="lead">{esc(headline)}</p>' if headline else "",
        f'<ul class="cards">{"".join(cards)}</ul>',
    ]
    if len(data.sections) > 1:
        html += [
            f"<figure><figcaption>{esc(t('chart.status_by_region', lang))}</figcaption>",
            _legend(data.by_status, lang),
            status_chart(data.sections, lang),
            "</figure>",
        ]
    html.append("</section>")
    return html


def _section(section: RegionSection, lang: Lang) -> list[str]:
    counts = " · ".join(f"{t(s.value, lang)} {n}" for s, n in section.counts.items())
    place = " › ".join(section.chain)
    html = [
        "<section>",
        f"<h3>{esc(section.region)}</h3>",
        f'<p class="chain">{esc(place)} · {esc(goals_text(section.total, lang))}'
        f" · {esc(counts)}</p>",
    ]
    chart = bars(section.targeted)
    if chart:
        html += [
            "<figure>",
            completion_chart(chart, lang),
            f"<figcaption>{esc(t('chart.completion_note', lang))}</figcaption>",
            "</figure>",
        ]
    if section.targeted:
        html.append(_goal_table(section.targeted, lang))
    if section.untargeted:
        html += [
            "<details>",
            f"<summary>{esc(t('report.figures_only', lang))} ({len(section.untargeted)})</summary>",
            _figures_table(section.untargeted, lang),
            "</details>",
        ]
    html.append("</section>")
    return html


def _source_name(entry: SourceEntry) -> str:
    source = entry.source
    return (
        esc(source.title)
        if source is not None and source.title
        else f"<code>{esc(entry.id)}</code>"
    )


def _sources(data: ReportData, lang: Lang) -> list[str]:
    items = []
    for entry in data.sources:
        source = entry.source
        url = web.http_url(source.url) if source else None
        name = _source_name(entry)
        parts = [f'<a href="{esc(url)}" rel="noopener noreferrer">{name}</a>' if url else name]
        if source is not None:
            if source.publisher:
                parts.append(esc(source.publisher))
            if source.date:
                parts.append(source.date.isoformat())
        else:
            parts.append(esc(t("report.source_unknown", lang)))
        parts.append(esc(t("report.source_goals", lang, n=entry.goals)))
        parts.append(f"<code>{esc(entry.id)}</code>")
        items.append(f"<li>{' · '.join(parts)}</li>")
    return [
        f"<section><h2>{esc(t('report.sources', lang))}</h2>",
        f'<ul class="items">{"".join(items)}</ul></section>',
    ]


def _rate_issues(data: ReportData, lang: Lang) -> list[str]:
    html = [f"<section><h2>{esc(t('report.inconsistent', lang))}</h2>"]
    if not data.rate_issues:
        return [*html, f"<p>{esc(t('report.inconsistent_none', lang))}</p></section>"]
    html.append(f"<p>{esc(t('report.inconsistent_lead', lang))}</p>")
    sources = {entry.id: entry for entry in data.sources}
    items = []
    for issue in data.rate_issues:
        goal = issue.goal
        outcome = issue.point.outcome
        head = f"<strong>{esc(goal.region)} · {esc(goal.title)}</strong>"
        text = esc(issue_text(issue, lang))
        if lang == "zh":
            item = f"<li>{head}({outcome.as_of}):{text}。"
        else:
            item = f"<li>{head} ({outcome.as_of}): {text}."
        quote = outcome.quote or goal.quote
        if quote:
            source_id = outcome.source or goal.source
            entry = sources.get(source_id) if source_id else None
            cite = f" — {_source_name(entry)}" if entry is not None else ""
            item += f"<blockquote>{esc(quote)}{cite}</blockquote>"
        items.append(item + "</li>")
    html.append(f'<ul class="items">{"".join(items)}</ul></section>')
    return html


def page_start(title: str, lang: Lang, style: str) -> list[str]:
    """A self-contained page up to its ``<main>``: language, viewport, title and inline CSS
    (``title`` is data text, escaped here)."""
    return [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f"<style>\n{style}\n</style>",
        "</head>",
        "<body>",
        "<main>",
    ]


def render_report(data: ReportData, options: RenderOptions) -> str:
    lang = options.lang
    heading = report_title(data, lang)
    html = [
        *page_start(f"{heading} · {data.as_of}", lang, CSS),
        f"<header><h1>{esc(heading)}</h1>",
        f'<p class="meta">{" · ".join(esc(p) for p in subtitle_parts(data, lang))}</p></header>',
    ]
    if not data.sections:
        html += [f"<p>{esc(t('none', lang))}</p>"]
    else:
        html += _overview(data, lang)
        html.append(f"<section><h2>{esc(t('report.by_region', lang))}</h2>")
        for section in data.sections:
            html += _section(section, lang)
        html.append("</section>")
        html.append(f"<section><h2>{esc(t('report.attention', lang))}</h2>")
        if data.attention:
            html.append(_goal_table(data.attention, lang, region=True))
        else:
            html.append(f"<p>{esc(t('report.attention_none', lang))}</p>")
        html.append("</section>")
        html += _rate_issues(data, lang)
        html += _sources(data, lang)
        notes = "".join(f"<li>{esc(line)}</li>" for line in method_lines(data, lang))
        method = esc(t("report.method", lang))
        html.append(f'<section><h2>{method}</h2><ul class="items">{notes}</ul></section>')
    html += [
        f"<footer><p>{esc(t('report.generated', lang))}</p></footer>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(html)
