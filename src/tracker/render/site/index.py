"""The site's front page: goals by status, by region and by category, the overdue goals and
those furthest behind schedule (the first few, with a link to the whole list), and how to
read the figures."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tracker.core.compute import Status
from tracker.core.site import ListKind, ListPage, Site
from tracker.core.status import SEVERITY
from tracker.render import web
from tracker.render.i18n import Lang, t
from tracker.render.report_markdown import goals_text, method_notes
from tracker.render.site.listing import list_title
from tracker.render.site.page import Rows, Tables, Where, document, phrase, status_cards

esc = web.html_text
HEAD_ROWS = 20  # rows of the overdue and lagging lists on the front page
ALL_REGIONS_UP_TO = 60  # regions listed in full on the front page; beyond, the top two levels


def _excerpt(page: ListPage, tables: Tables, where: Where, lead: str) -> Iterator[str]:
    lang = where.lang
    title = list_title(page, lang)
    yield f"<section><h2>{esc(title)}</h2><p>{esc(lead)}</p>"
    if not page.rows:
        yield f"<p>{phrase('site.none', lang)}</p></section>"
        return
    yield tables.goals(page.rows[:HEAD_ROWS], title, controls=False, heading=True)
    if len(page.rows) > HEAD_ROWS:
        link = where.link(f"lists/{page.name}.html")
        more = esc(t("site.all", lang, n=len(page.rows)))
        yield f'<p class="more"><a href="{link}">{more}</a></p>'
    yield "</section>"


def _counts(
    tables: Tables,
    title: str,
    first: str,
    items: Sequence[tuple[str, str, int, dict[Status, int], int]],
    statuses: Sequence[Status],
    note: str = "",
) -> str:
    """A section with a table of counts: (page, name, total, counts, depth) per row."""
    where = tables.where
    lang = where.lang
    rows = (
        (
            f'<a href="{where.link(f"{page}.html")}">{esc(name)}</a>',
            total,
            counts,
            f"tree d{min(depth, 4)}" if depth else "",
        )
        for page, name, total, counts, depth in items
    )
    table = tables.counts(t(title, lang), t(first, lang), rows, statuses, heading=True)
    return f"<section><h2>{phrase(title, lang)}</h2>{note}{table}</section>"


def index_page(site: Site, rows: Rows, lang: Lang, both: bool, downloads: bool) -> Iterator[str]:
    where = Where(lang, "index.html", both, downloads)
    tables = Tables(rows, where)
    statuses = [s for s in SEVERITY if s in site.by_status]

    def body() -> Iterator[str]:
        yield f"<h1>{phrase('site.title', lang)}</h1>"
        meta = f"{t('as_of', lang)} {site.as_of.isoformat()} · {goals_text(site.total, lang)}"
        yield f'<p class="meta">{esc(meta)}</p>'
        yield f"<section><h2>{phrase('site.by_status', lang)}</h2>"
        yield status_cards(where, site, site.by_status, site.total)
        yield "</section>"
        if site.tree:
            shown = site.tree
            note = ""
            if len(shown) > ALL_REGIONS_UP_TO:
                shown = tuple(r for r in shown if r.depth <= 1)
                note = f'<p class="note">{phrase("site.regions_top", lang)}</p>'
            regions = [
                (
                    f"regions/{site.region_pages[r.name]}",
                    r.name,
                    r.subtree_total,
                    r.subtree,
                    r.depth,
                )
                for r in shown
            ]
            yield _counts(tables, "site.by_region", "col.region", regions, statuses, note)
        if site.categories:
            names = [
                (
                    f"lists/{c.name}",
                    c.key or t("site.uncategorised", lang),
                    len(c.rows),
                    c.counts,
                    0,
                )
                for c in site.categories
            ]
            yield _counts(tables, "site.by_category", "col.category", names, statuses)
        overdue = site.status_list(Status.OVERDUE) or ListPage(
            "status-overdue", ListKind.STATUS, Status.OVERDUE.value, (), {}
        )
        yield from _excerpt(overdue, tables, where, t("site.overdue_lead", lang))
        yield from _excerpt(site.lagging, tables, where, t("site.lagging_lead", lang))
        notes = "".join(
            f"<li>{esc(line)}</li>"
            for line in method_notes(site.thresholds, [g.evaluation for g in site.goals], lang)
        )
        method = phrase("report.method", lang)
        yield f'<section><h2>{method}</h2><ul class="items">{notes}</ul></section>'

    return document(where, t("site.title", lang), body(), site.as_of.isoformat())
