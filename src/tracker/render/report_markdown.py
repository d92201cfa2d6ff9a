"""``tracker report``: a Markdown summary for GitHub and GitLab (CommonMark + GFM tables).

Deterministic: the same data and evaluation date give the same bytes. Every piece of data
text goes through :func:`tracker.render.escape.md`; links only to http(s) URLs.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from tabulate import tabulate

from tracker.core import rounding
from tracker.core.compute import Evaluation, Status, Thresholds
from tracker.core.views import RateIssue, RegionSection, ReportData, SourceEntry
from tracker.render import display, escape, web
from tracker.render.filters import region_text
from tracker.render.i18n import Lang, t
from tracker.render.markdown import MARKERS
from tracker.render.options import RenderOptions
from tracker.render.rows import cells


def _table(header: list[str], body: list[list[str]], align: tuple[str, ...]) -> str:
    return tabulate(body, header, tablefmt="pipe", disable_numparse=True, colalign=align)


def goals_text(n: int, lang: Lang) -> str:
    return t("report.goal_one" if n == 1 else "report.goals", lang, n=n)


def title(data: ReportData, lang: Lang) -> str:
    if data.scope:
        return t("report.title_scope", lang, scope="、".join(data.scope))
    return t("report.title", lang)


def subtitle_parts(data: ReportData, lang: Lang) -> list[str]:
    """Evaluation date, goal count and the filters in force, as plain (unescaped) text."""
    parts = [f"{t('as_of', lang)} {data.as_of}", goals_text(data.total, lang)]
    if any(query != name for query, name in data.resolved):  # 新绛县 ← xinjiang
        regions = ", ".join(region_text(query, name) for query, name in data.resolved)
        parts.append(f"{t('report.filter.region', lang)} {regions}")
    if data.years:
        years = ", ".join(str(y) for y in data.years)
        parts.append(f"{t('report.filter.year', lang)} {years}")
    if data.categories:
        parts.append(f"{t('report.filter.category', lang)} {', '.join(data.categories)}")
    if data.statuses:
        statuses = ", ".join(t(s.value, lang) for s in data.statuses)
        parts.append(f"{t('report.filter.status', lang)} {statuses}")
    return parts


def lead(data: ReportData, lang: Lang) -> str | None:
    """The headline sentence: how many goals have a target, and how they stand (plain text)."""
    judged = {s: n for s, n in data.by_status.items() if s is not Status.NO_TARGET}
    if not judged:
        return None
    sep = "、" if lang == "zh" else ", "
    counts = sep.join(
        t("report.lead_count", lang, label=t(s.value, lang), n=n) for s, n in judged.items()
    )
    return t("report.lead", lang, total=data.total, targeted=sum(judged.values()), counts=counts)


def status_cell(e: Evaluation, lang: Lang) -> str:
    marks = display.markers(e)
    return f"{MARKERS[e.status]} {t(e.status.value, lang)}" + (
        f" {escape.md(marks)}" if marks else ""
    )


def counts_line(counts: dict[Status, int], lang: Lang) -> str:
    return " · ".join(f"{MARKERS[s]} {t(s.value, lang)} {n}" for s, n in counts.items())


def _overview(data: ReportData, lang: Lang) -> list[str]:
    header = [t("col.status", lang), t("col.count", lang), t("col.share", lang)]
    body = [
        [f"{MARKERS[s]} {t(s.value, lang)}", str(n), rounding.percent(Fraction(n, data.total))]
        for s, n in data.by_status.items()
    ]
    body.append([f"**{t('report.total', lang)}**", f"**{data.total}**", ""])
    return [
        f"## {t('report.overview', lang)}",
        "",
        _table(header, body, ("left", "right", "right")),
        "",
    ]


def _section(section: RegionSection, lang: Lang) -> list[str]:
    lines = [f"### {escape.md(section.region)}", ""]
    place = " › ".join(escape.md(n) for n in section.chain)
    goals = goals_text(section.total, lang)
    colon = ":" if lang == "zh" else ": "
    lines += [f"{place} · {goals}{colon}{counts_line(section.counts, lang)}", ""]
    if section.targeted:
        header = [
            t(f"col.{k}", lang)
            for k in ("status", "goal", "target", "actual", "as_of", "ratio", "progress", "gap")
        ]
        body = []
        for e in section.targeted:
            c = cells(e, lang)
            body.append(
                [
                    status_cell(e, lang),
                    escape.md(c.title),
                    escape.md(c.target),
                    escape.md(c.actual),
                    c.as_of,
                    c.ratio,
                    f"`{c.bar}`" if c.bar.strip() else "",
                    escape.md(c.gap),
                ]
            )
        align = ("left", "left", "right", "right", "left", "right", "left", "right")
        lines += [_table(header, body, align), ""]
    if section.untargeted:
        lines += [f"**{t('report.figures_only', lang)}**", ""]
        header = [t("col.indicator", lang), t("col.actual", lang), t("col.as_of", lang)]
        body = []
        for e in section.untargeted:
            c = cells(e, lang)
            body.append([escape.md(c.title), escape.md(c.actual), c.as_of])
        lines += [_table(header, body, ("left", "right", "left")), ""]
    return lines


def _attention(data: ReportData, lang: Lang) -> list[str]:
    lines = [f"## {t('report.attention', lang)}", ""]
    if not data.attention:
        return [*lines, t("report.attention_none", lang), ""]
    header = [
        t(f"col.{k}", lang)
        for k in ("status", "region", "goal", "target", "actual", "as_of", "gap")
    ]
    body = []
    for e in data.attention:
        c = cells(e, lang)
        body.append(
            [
                status_cell(e, lang),
                escape.md(c.region),
                escape.md(c.title),
                escape.md(c.target),
                escape.md(c.actual),
                c.as_of,
                escape.md(c.gap),
            ]
        )
    align = ("left", "left", "left", "right", "right", "left", "right")
    return [*lines, _table(header, body, align), ""]


def issue_text(issue: RateIssue, lang: Lang) -> str:
    """What does not add up, as plain (unescaped) text."""
    point = issue.point
    e = point.evaluation
    goal = e.goal
    outcome = point.outcome
    parts = []
    if outcome.stated_rate is not None and point.computed_rate is not None:
        computed = point.computed_rate
        parts.append(
            t(
                "report.stated_vs_computed",
                lang,
                stated=rounding.rate_written(outcome.stated_rate),
                actual=display.actual_text(e, lang),
                target=display.target_text(e, lang),
                computed=rounding.rate_span(computed.low, computed.high, computed.nominal),
            )
        )
    if outcome.numerator is not None and outcome.denominator and outcome.value is not None:
        exact = e.actual.nominal if e.actual else None
        parts.append(
            t(
                "report.fraction_vs_value",
                lang,
                num=display.number(outcome.numerator, lang, 0),
                den=display.number(outcome.denominator, lang, 0),
                exact=display.quantity(exact, goal, lang),
                written=rounding.written(outcome.value.text, goal),
            )
        )
    return ";".join(parts) if lang == "zh" else "; ".join(parts)


def _rate_issues(data: ReportData, lang: Lang, sources: dict[str, SourceEntry]) -> list[str]:
    lines = [f"## {t('report.inconsistent', lang)}", ""]
    if not data.rate_issues:
        return [*lines, t("report.inconsistent_none", lang), ""]
    lines += [t("report.inconsistent_lead", lang), ""]
    for issue in data.rate_issues:
        goal = issue.goal
        outcome = issue.point.outcome
        head = f"**{escape.md(goal.region)} · {escape.md(goal.title)}**"
        text = escape.md(issue_text(issue, lang))
        if lang == "zh":
            lines.append(f"- {head}({outcome.as_of}):{text}。")
        else:
            lines.append(f"- {head} ({outcome.as_of}): {text}.")
        quote = outcome.quote or goal.quote
        if quote:
            source_id = outcome.source or goal.source
            entry = sources.get(source_id) if source_id else None
            cite = f" — {source_name(entry)}" if entry is not None else ""
            lines.append(f"  > {escape.md(quote)}{cite}")
    return [*lines, ""]


def source_name(entry: SourceEntry) -> str:
    """A source's title (escaped), or its id when it has none."""
    source = entry.source
    if source is not None and source.title:
        return escape.md(source.title)
    return f"`{escape.md(entry.id)}`"


def _sources(data: ReportData, lang: Lang) -> list[str]:
    lines = [f"## {t('report.sources', lang)}", ""]
    for entry in data.sources:
        source = entry.source
        name = source_name(entry)
        url = web.http_url(source.url) if source else None
        parts = [f"[{name}]({url})" if url else name]
        if source is not None:
            if source.publisher:
                parts.append(escape.md(source.publisher))
            if source.date:
                parts.append(source.date.isoformat())
        else:
            parts.append(t("report.source_unknown", lang))
        parts.append(t("report.source_goals", lang, n=entry.goals))
        parts.append(f"`{escape.md(entry.id)}`")
        lines.append("- " + " · ".join(parts))
    return [*lines, ""]


def method_lines(data: ReportData, lang: Lang) -> list[str]:
    """The notes on how to read the figures (plain text), legend marks included."""
    return method_notes(data.thresholds, data.rows, lang)


def method_notes(thresholds: Thresholds, rows: Sequence[Evaluation], lang: Lang) -> list[str]:
    """:func:`method_lines` for any evaluated goals (the legend lists the marks they carry)."""
    bands = thresholds.lag_bands
    judged = (
        t(
            "report.method_lag",
            lang,
            green=display.number(bands[0] * 100, lang),
            yellow=display.number(bands[1] * 100, lang),
        )
        if bands is not None
        else t(
            "report.method_pace",
            lang,
            on=rounding.plain(thresholds.on_track),
            risk=rounding.plain(thresholds.at_risk),
        )
    )
    return [
        t("report.method_ratio", lang),
        judged,
        t("report.method_overdue", lang),
        t("report.method_interval", lang),
        *display.legend(rows, lang),
    ]


def render_report(data: ReportData, options: RenderOptions) -> str:
    lang = options.lang
    lines = [f"# {escape.md(title(data, lang))}", ""]
    lines += [" · ".join(escape.md(p) for p in subtitle_parts(data, lang)), ""]
    if not data.sections:
        return "\n".join([*lines, t("none", lang), ""])
    headline = lead(data, lang)
    if headline:
        lines += [escape.md(headline), ""]
    lines += _overview(data, lang)
    lines += [f"## {t('report.by_region', lang)}", ""]
    for section in data.sections:
        lines += _section(section, lang)
    lines += _attention(data, lang)
    sources = {entry.id: entry for entry in data.sources}
    lines += _rate_issues(data, lang, sources)
    lines += _sources(data, lang)
    lines += [f"## {t('report.method', lang)}", ""]
    lines += [f"- {escape.md(line)}" for line in method_lines(data, lang)]
    lines += ["", f"*{t('report.generated', lang)}*", ""]
    return "\n".join(lines)
