"""A goal's page: what ``tracker show`` says about it, for the web — the status now, the
definition with the target and its direction, the history chart, every outcome judged at its
own date with its quote and a link to its source, the stated-rate check, the sources, and the
goal's change history when the data is in git."""

from __future__ import annotations

from collections.abc import Iterator

from tracker.core import rounding
from tracker.core.compute import RateCheck
from tracker.core.figures import TargetRef
from tracker.core.site import Change, GoalEvent, GoalPage, Site
from tracker.core.views import GoalDetail, Point, SourceEntry
from tracker.model import Goal, Kind, Outcome
from tracker.render import display, web
from tracker.render.goal_text import (
    figures_line,
    flags_text,
    interval_text,
    rate_line,
    target_definition,
    written_text,
)
from tracker.render.i18n import Lang, t
from tracker.render.site.chart import chart_key, history_chart
from tracker.render.site.page import Where, crumbs, document, phrase, status_cell

esc = web.html_text


def _facts(rows: list[tuple[str, str]]) -> str:
    """A definition list from (label, already-escaped html) pairs."""
    items = "".join(f"<dt>{esc(name)}</dt><dd>{value}</dd>" for name, value in rows)
    return f'<dl class="facts">{items}</dl>'


def source_html(entry: SourceEntry, lang: Lang) -> str:
    """A source: its title linked to its URL (http and https only), publisher and date."""
    source = entry.source
    if source is None:
        return f"<code>{esc(entry.id)}</code> {phrase('report.source_unknown', lang)}"
    title = esc(source.title or source.id)
    url = web.http_url(source.url)
    parts = [f'<a href="{esc(url)}" rel="noopener noreferrer">{title}</a>' if url else title]
    if source.publisher:
        parts.append(esc(source.publisher))
    if source.date:
        parts.append(source.date.isoformat())
    return " · ".join(parts)


def _headline(page: GoalPage, lang: Lang) -> str:
    e = page.evaluation
    parts = [f"{esc(t('show.now', lang, date=e.as_of))}{status_cell(e, lang)}"]
    if e.completion is not None:
        parts.append(f"{phrase('col.ratio', lang)} {esc(rounding.percent(e.completion))}")
    if e.pace is not None:
        parts.append(f"{phrase('col.pace', lang)} {esc(rounding.plain(e.pace))}")
    if e.lag is not None:
        parts.append(esc(display.lag_text(e.lag, lang)))
    if e.gap is not None:
        parts.append(f"{phrase('col.gap', lang)} {esc(display.difference(e.gap, e.goal, lang))}")
    if e.flags:
        parts.append(f"{phrase('field.flags', lang)}: {esc(flags_text(e, lang))}")
    return f'<p class="headline">{" · ".join(parts)}</p>'


def _definition(detail: GoalDetail, site: Site, where: Where) -> str:
    lang = where.lang
    e = detail.evaluation
    goal = e.goal
    milestone = goal.kind is Kind.MILESTONE
    kind = t(goal.kind.value, lang)
    rows = [
        (
            t("field.kind", lang),
            esc(kind if milestone else f"{kind} · {t(goal.measure.value, lang)}"),
        ),
        (t("field.period", lang), f"{goal.start} – {goal.deadline}"),
    ]
    if not milestone:
        rows.append((t("col.target", lang), esc(target_definition(e, lang))))
    if goal.baseline is not None:
        base = goal.baseline
        when = f" ({base.as_of})" if base.as_of else ""
        rows.append(
            (t("field.baseline", lang), esc(rounding.written(base.value.text, goal) + when))
        )
    if goal.tolerance is not None:
        rows.append((t("field.tolerance", lang), esc(display.quantity(goal.tolerance, goal, lang))))
    if goal.category:
        listed = site.category_pages.get(goal.category)
        name = esc(goal.category)
        if listed is not None:
            name = f'<a href="{where.link(f"lists/{listed}.html")}">{name}</a>'
        rows.append((t("col.category", lang), name))
    for label, value in (
        (t("field.owner", lang), goal.owner),
        (t("field.tags", lang), ", ".join(goal.tags)),
        (t("field.note", lang), goal.note),
    ):
        if value:
            rows.append((label, esc(value)))
    if goal.quote:
        rows.append((t("field.quote", lang), f"<q>{esc(goal.quote)}</q>"))
    for entry in detail.sources:
        rows.append((t("field.source", lang), source_html(entry, lang)))
    rows.append((t("col.id", lang), f"<code>{esc(goal.id)}</code>"))
    return _facts(rows)


def _outcome(point: Point, sources: dict[str, SourceEntry], lang: Lang) -> str:
    e = point.evaluation
    outcome = point.outcome
    written = written_text(point, lang)
    head = f"{outcome.as_of.isoformat()} · {esc(written)}"
    if e.actual is not None and outcome.done is None:
        number = interval_text(e.actual, e.goal)
        if number.replace(" ", "") != written.replace(" ", ""):
            head += f" = {esc(number)}"
    html = [f'<div class="outcome"><h3>{head}</h3>']
    figures = figures_line(point, lang)
    html.append(f"<p>{status_cell(e, lang)} {esc(figures)}</p>")
    rates = rate_line(point, lang)
    if rates:
        cls = "bad" if e.rate_check is RateCheck.INCONSISTENT else ""
        cls = "ok" if e.rate_check is RateCheck.CONSISTENT else cls
        html.append(f'<p class="{cls}">{esc(rates)}</p>')
    if outcome.quote:
        html.append(f"<blockquote>{esc(outcome.quote)}</blockquote>")
    entry = sources.get(outcome.source) if outcome.source else None
    if entry is not None:
        html.append(
            f'<p class="note">{phrase("field.source", lang)}: {source_html(entry, lang)}</p>'
        )
    if outcome.note:
        html.append(f'<p class="note">{esc(outcome.note)}</p>')
    html.append("</div>")
    return "".join(html)


def _figure(outcome: Outcome | None, goal: Goal, lang: Lang) -> str:
    """An outcome in a change: as written."""
    if outcome is None:
        return "—"
    if outcome.done is not None:
        return t("done" if outcome.done else "not_done", lang)
    if outcome.value is not None:
        return rounding.written(outcome.value.text, goal)
    if outcome.numerator is not None and outcome.denominator:
        return (
            f"{display.number(outcome.numerator, 'en')}/{display.number(outcome.denominator, 'en')}"
        )
    return "—"


def _target_then(goal: Goal, referenced: TargetRef | None, lang: Lang) -> str:
    """A goal's target in a change: as written, a relative one in words (``不少于上年``)."""
    if goal.target is not None:
        return goal.target.text
    if goal.target_ref is not None:
        # last year's goal is known by its deadline, where it is the one referenced now
        deadline = None
        if referenced is not None and referenced.goal == goal.target_ref.goal:
            deadline = referenced.deadline
        return display.relative_words(goal, deadline, lang)
    return "—"


def event_text(
    event: GoalEvent, goal: Goal, lang: Lang, referenced: TargetRef | None = None
) -> str:
    """What one commit changed, as plain text; ``referenced`` is the goal's relative target
    as resolved now (the referenced goal's deadline)."""
    if event.change is Change.ADDED:
        return t("site.event.added", lang)
    if event.change is Change.CHANGED:
        sep = "、" if lang == "zh" else ", "
        fields = sep.join(t(f"diff.field.{f}", lang) for f in event.fields)
        text = t("site.event.changed", lang, fields=fields)
        old = event.old
        if "target" in event.fields and old is not None:
            was = _target_then(old, referenced, lang)
            now = _target_then(goal, referenced, lang)
            text += f" ({was} → {now})"
        return text
    outcome = event.after or event.before
    day = outcome.as_of.isoformat() if outcome else ""
    if event.change is Change.OUTCOME_RESTATED:
        was, now = _figure(event.before, goal, lang), _figure(event.after, goal, lang)
        return t("site.event.outcome_restated", lang, date=day, old=was, new=now)
    key = (
        "site.event.outcome_added"
        if event.change is Change.OUTCOME_ADDED
        else "site.event.outcome_removed"
    )
    return t(key, lang, date=day, value=_figure(outcome, goal, lang))


def _history(page: GoalPage, goal: Goal, lang: Lang) -> str:
    items = []
    for event in page.events:
        commit = event.commit
        when = commit.date.isoformat()
        ref = (
            f" · <code>{esc(commit.id[:10])}</code> {esc(commit.subject)}"
            if commit.id
            else f" {phrase('site.history_start', lang)}"
        )
        text = event_text(event, goal, lang, page.evaluation.target_ref)
        items.append(f"<li>{when}: {esc(text)}{ref}</li>")
    return (
        f"<section><h2>{phrase('site.history', lang)}</h2>"
        f'<p class="note">{phrase("site.history_lead", lang)}</p>'
        f'<ul class="events">{"".join(items)}</ul></section>'
    )


def goal_page(page: GoalPage, site: Site, where: Where) -> Iterator[str]:
    """The page's HTML in chunks; nothing is computed until the first is read."""
    detail = site.detail(page)
    yield from document(
        where, detail.goal.title, _body(page, detail, site, where), site.as_of.isoformat()
    )


def _body(page: GoalPage, detail: GoalDetail, site: Site, where: Where) -> Iterator[str]:
    lang = where.lang
    goal = detail.goal
    yield crumbs(where, site, detail.chain)
    yield f"<h1>{esc(goal.title)}</h1>"
    yield _headline(page, lang)
    yield f"<section><h2>{phrase('show.definition', lang)}</h2>"
    yield f"{_definition(detail, site, where)}</section>"
    chart = history_chart(detail, lang)
    if chart:
        yield f"<section><h2>{phrase('show.chart', lang)}</h2>"
        yield f'<figure class="history">{chart_key(detail, lang)}{chart}'
        yield f"<figcaption>{phrase('site.chart_note', lang)}</figcaption></figure></section>"
    yield f"<section><h2>{phrase('show.outcomes', lang)}</h2>"
    if detail.points:
        yield f'<p class="note">{phrase("site.outcomes_lead", lang)}</p>'
        sources = {s.id: s for s in detail.sources}
        for point in reversed(detail.points):  # the latest first, as a reader asks
            yield _outcome(point, sources, lang)
    else:
        yield f"<p>{phrase('show.no_outcomes', lang)}</p>"
    if detail.later:
        yield f'<p class="note">{esc(t("show.later", lang, n=detail.later))}</p>'
    yield "</section>"
    if page.events:
        yield _history(page, goal, lang)
