"""The pages that list goals: a region's (its sub-regions, then its goals and theirs) and the
lists by status, by category and behind schedule. A long table is cut into pages of
:data:`~tracker.render.site.page.PAGE_ROWS` rows, linked by a pager, so no page grows past a
few hundred kilobytes however many goals a province has."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence

from tracker.core.compute import Evaluation
from tracker.core.site import ListKind, ListPage, RegionPage, Site
from tracker.core.views import bars
from tracker.render import web
from tracker.render.i18n import Lang, t
from tracker.render.report_html import completion_chart
from tracker.render.report_markdown import goals_text
from tracker.render.site.page import (
    Rows,
    Tables,
    Where,
    crumbs,
    document,
    page_file,
    pager,
    pages_of,
    phrase,
    status_cards,
)

esc = web.html_text
MAX_CHART_BARS = 40  # a region's own completion chart; more bars would not be read


def _table_part(
    name: str, tables: Tables, chunk: Sequence[Evaluation], caption: str, number: int, total: int
) -> Iterator[str]:
    """One page of a paged goal table, with the pager above and below."""
    lang = tables.where.lang
    if total > 1:
        caption += f" ({t('site.page_of', lang, n=number, pages=total)})"
    yield pager(name, number, total, lang)
    yield tables.goals(chunk, caption)
    yield pager(name, number, total, lang)


def _children(page: RegionPage, site: Site, tables: Tables) -> str:
    where = tables.where
    lang = where.lang
    items = []
    for child in page.children:
        link = where.link(f"regions/{site.region_pages[child.name]}.html")
        items.append(
            (f'<a href="{link}">{esc(child.name)}</a>', child.subtree_total, child.subtree, "")
        )
    caption, first = t("site.subregions", lang), t("col.region", lang)
    return tables.counts(caption, first, items, list(page.row.subtree))


def _region_body(
    page: RegionPage,
    site: Site,
    tables: Tables,
    chunk: Sequence[Evaluation],
    number: int,
    total: int,
) -> Iterator[str]:
    where = tables.where
    lang = where.lang
    region = page.row.name
    yield crumbs(where, site, page.chain, current=region)
    yield f"<h1>{esc(region)}</h1>"
    yield f'<p class="meta">{esc(goals_text(len(page.rows), lang))}</p>'
    if number == 1:
        yield status_cards(where, site, page.row.subtree, len(page.rows))
        if page.children:
            yield _children(page, site, tables)
        chart = bars(e for e in page.rows if e.goal.region == region)
        if 0 < len(chart) <= MAX_CHART_BARS:
            note = phrase("chart.completion_note", lang)
            yield f"<figure>{completion_chart(chart, lang)}<figcaption>{note}</figcaption></figure>"
    caption = t("site.region_goals", lang, region=region)
    yield from _table_part(page.name, tables, chunk, caption, number, total)


Body = Callable[[Tables, Sequence[Evaluation], int, int], Iterator[str]]


def _paged(
    folder: str,
    page: RegionPage | ListPage,
    title: str,
    body: Body,
    site: Site,
    where: Where,
    rows: Rows,
) -> Iterator[tuple[str, Iterator[str]]]:
    """(path, chunks) of each page of a paged goal table; ``body`` renders one page from
    its tables, its rows, its number and the number of pages."""
    chunks = pages_of(page.rows)
    for number, chunk in enumerate(chunks, start=1):
        here = Where(
            where.lang, f"{folder}/{page_file(page.name, number)}", where.both, where.downloads
        )
        content = body(Tables(rows, here), chunk, number, len(chunks))
        yield here.path, document(here, title, content, site.as_of.isoformat())


def region_pages(
    page: RegionPage, site: Site, rows: Rows, where: Where
) -> Iterator[tuple[str, Iterator[str]]]:
    """(path, chunks) of each page of a region (``where``: the language's index)."""
    body = functools.partial(_region_body, page, site)
    return _paged("regions", page, page.row.name, body, site, where, rows)


def list_title(page: ListPage, lang: Lang) -> str:
    if page.kind is ListKind.STATUS:
        return t("site.status", lang, name=t(page.key, lang))
    if page.kind is ListKind.CATEGORY:
        return t("site.category", lang, name=page.key or t("site.uncategorised", lang))
    return t("site.lagging", lang)


def _list_body(
    page: ListPage, site: Site, tables: Tables, chunk: Sequence[Evaluation], number: int, total: int
) -> Iterator[str]:
    where = tables.where
    lang = where.lang
    title = list_title(page, lang)
    yield crumbs(where, site, ())
    yield f"<h1>{esc(title)}</h1>"
    yield f'<p class="meta">{esc(goals_text(len(page.rows), lang))}</p>'
    if page.kind is ListKind.LAGGING:
        yield f"<p>{phrase('site.lagging_lead', lang)}</p>"
    if number == 1 and page.kind is not ListKind.STATUS:
        yield status_cards(where, site, page.counts, len(page.rows))
    yield from _table_part(page.name, tables, chunk, title, number, total)


def list_pages(
    page: ListPage, site: Site, rows: Rows, where: Where
) -> Iterator[tuple[str, Iterator[str]]]:
    """(path, chunks) of each page of a list (``where``: the language's index)."""
    body = functools.partial(_list_body, page, site)
    return _paged("lists", page, list_title(page, where.lang), body, site, where, rows)
