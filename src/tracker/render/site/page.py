"""What every page of the site shares: where it is (relative links that work from ``file://``
and under any path of a static host), the document around its content (Content-Security-
Policy, navigation, language switch, footer), status labels with a shape, and the goal tables
that site.js sorts and filters.

Every piece of data text goes through :func:`tracker.render.web.html_text`; no inline script,
style or event handler is ever written (the policy would refuse them anyway).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction

from tracker.core import rounding
from tracker.core.compute import Evaluation, Status
from tracker.core.site import Site
from tracker.core.status import SEVERITY
from tracker.render import display, web
from tracker.render.i18n import LANGS, Lang, t
from tracker.render.rows import cells

esc = web.html_text


@functools.lru_cache(maxsize=1024)
def phrase(key: str, lang: Lang) -> str:
    """A label of :mod:`~tracker.render.i18n`, escaped for HTML (once: pages repeat them)."""
    return esc(t(key, lang))


# No inline script or style, nothing from elsewhere: the site works offline and from file://.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'none'"
)
PAGE_ROWS = 250  # rows of a goal table per page: a few hundred KB at most
ASSETS = "assets"

# A shape for each status, so that colour is never the only signal (and print in black works)
SHAPES: dict[Status, str] = {
    Status.ACHIEVED: "✔",
    Status.ON_TRACK: "▲",
    Status.AT_RISK: "◆",
    Status.BEHIND: "▼",
    Status.MISSED: "✖",
    Status.OVERDUE: "■",
    Status.UNCLEAR: "?",
    Status.NO_DATA: "○",
    Status.NO_TARGET: "–",
}
_SEVERITY = {s: i for i, s in enumerate(SEVERITY)}


@dataclass(frozen=True, slots=True)
class Where:
    """A page's place: its language, its path inside the language's folder, and whether the
    site has both languages (then each has a folder: ``zh/``, ``en/``)."""

    lang: Lang
    path: str  # "index.html", "goals/x.html"
    both: bool
    downloads: bool = False  # the site has a downloads page

    def link(self, target: str) -> str:
        """A page of the same language, from here."""
        return "../" * self.path.count("/") + target

    def shared(self, target: str) -> str:
        """A file shared by both languages (assets, downloads), from here."""
        return "../" * (self.path.count("/") + self.both) + target

    def other(self, lang: Lang) -> str:
        """This page in ``lang``."""
        return "../" * (self.path.count("/") + 1) + f"{lang}/{self.path}"


def status_label(status: Status, lang: Lang, count: int | None = None) -> str:
    """The status as text with its shape, coloured by class (``st s-behind``)."""
    number = f" {count}" if count is not None else ""
    return (
        f'<span class="st s-{status.value}"><span class="sh" aria-hidden="true">'
        f"{SHAPES[status]}</span>{esc(t(status.value, lang))}{number}</span>"
    )


def status_cell(e: Evaluation, lang: Lang) -> str:
    marks = display.markers(e)
    extra = f'<span class="marks">{esc(marks)}</span>' if marks else ""
    return status_label(e.status, lang) + extra


def mini_bar(completion: Fraction | None, status: Status) -> str:
    """A small completion bar (SVG: its width is an attribute, not a forbidden inline style)."""
    if completion is None:
        return ""
    share = min(max(completion, Fraction(0)), Fraction(1))
    width = rounding.plain(share * 100, 1)
    return (
        '<svg class="mini" width="64" height="8" aria-hidden="true" focusable="false">'
        '<rect class="track" width="100%" height="8" rx="3"/>'
        f'<rect class="s-{status.value}" width="{width}%" height="8" rx="3"/></svg>'
    )


def _sort_key(value: Fraction | None) -> str:
    return "" if value is None else f"{float(value):.6g}"


HEADER = ("status", "region", "goal", "target", "actual", "as_of", "ratio", "lag_text", "gap")
_TYPES = {"status": "num", "ratio": "num", "lag_text": "num", "gap": "num", "as_of": "text"}
_NUMERIC = {"target", "actual", "ratio", "lag_text", "gap"}


class Rows:
    """The table row of each goal in one language, rendered once and reused by every table
    that lists the goal (its region's pages, the lists, the index)."""

    def __init__(self, site: Site, lang: Lang) -> None:
        self.site = site
        self.lang = lang
        self._done: dict[tuple[str, str], str] = {}

    def row(self, e: Evaluation, where: Where) -> str:
        key = (e.goal.id, where.link(""))
        found = self._done.get(key)
        if found is None:
            found = self._done[key] = self._render(e, where)
        return found

    def _render(self, e: Evaluation, where: Where) -> str:
        lang = self.lang
        c = cells(e, lang)
        page = self.site.goal_pages[e.goal.id]
        region = self.site.region_pages.get(e.goal.region)
        region_html = (
            f'<a href="{where.link(f"regions/{region}.html")}">{esc(c.region)}</a>'
            if region
            else esc(c.region)
        )
        lag = e.lag if e.lag is not None else None
        return (
            f'<tr data-status="{e.status.value}">'
            f'<td class="c-status" data-sort="{_SEVERITY[e.status]}">{status_cell(e, lang)}</td>'
            f"<td>{region_html}</td>"
            f'<td class="goal"><a href="{where.link(f"goals/{page}.html")}">{esc(c.title)}</a></td>'
            f'<td class="num" data-sort="{_sort_key(e.effective_target)}">{esc(c.target)}</td>'
            f'<td class="num" data-sort="{_sort_key(e.actual.nominal if e.actual else None)}">'
            f"{esc(c.actual)}</td>"
            f'<td class="date">{esc(c.as_of)}</td>'
            f'<td class="num" data-sort="{_sort_key(e.completion)}">{esc(c.ratio)} '
            f"{mini_bar(e.completion, e.status)}</td>"
            f'<td class="num" data-sort="{_sort_key(lag)}">{esc(c.lag if lag is not None else "")}'
            "</td>"
            f'<td class="num" data-sort="{_sort_key(e.relative_gap)}">{esc(c.gap)}</td>'
            "</tr>"
        )


class Tables:
    """Numbers each table of a page (ids for site.js) and renders goal tables."""

    def __init__(self, rows: Rows, where: Where) -> None:
        self.rows = rows
        self.where = where
        self.count = 0

    def goals(
        self,
        rows: Sequence[Evaluation],
        caption: str,
        *,
        controls: bool = True,
        heading: bool = False,
    ) -> str:
        """A goal table; ``heading``: the caption repeats the section's heading, so it is
        for screen readers only."""
        lang = self.where.lang
        self.count += 1
        table_id = f"t{self.count}"
        head = "".join(
            f'<th scope="col" class="{"num" if k in _NUMERIC else k}" '
            f'data-type="{_TYPES.get(k, "text")}">{esc(t(f"col.{k}", lang))}</th>'
            for k in HEADER
        )
        body = "".join(self.rows.row(e, self.where) for e in rows)
        parts = [self.controls(table_id, rows) if controls else ""]
        parts.append(
            f'<div class="wrap"><table class="goals sortable" id="{table_id}">'
            f"{_caption(caption, heading)}<thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table></div>"
        )
        return "".join(parts)

    def controls(self, table_id: str, rows: Sequence[Evaluation]) -> str:
        """The filter box and status chips, hidden until site.js shows them."""
        lang = self.where.lang
        present = [s for s in SEVERITY if any(e.status is s for e in rows)]
        chips = "".join(
            f'<button type="button" class="chip s-{s.value}" aria-pressed="true" '
            f'data-status="{s.value}"><span class="sh" aria-hidden="true">{SHAPES[s]}</span>'
            f"{esc(t(s.value, lang))}</button>"
            for s in present
        )
        template = phrase("site.shown", lang)
        return (
            f'<div class="controls" hidden data-for="{table_id}">'
            f"<label>{phrase('site.filter', lang)} "
            f'<input type="search" placeholder="{phrase("site.filter_hint", lang)}" '
            f'aria-controls="{table_id}"></label>'
            f'<span class="chips" role="group" aria-label="{phrase("site.chips", lang)}">'
            f"{chips}</span>"
            f'<span class="count" aria-live="polite" data-template="{template}"></span></div>'
        )

    def counts(
        self,
        caption: str,
        first: str,
        items: Iterable[tuple[str, int, dict[Status, int], str]],
        statuses: Sequence[Status],
        *,
        heading: bool = False,
    ) -> str:
        """A table of counts: (name html, total, counts by status, extra class of the name
        cell) per row; one column per status in ``statuses``."""
        lang = self.where.lang
        self.count += 1
        head = [f'<th scope="col" data-type="text">{esc(first)}</th>']
        head.append(f'<th scope="col" class="num" data-type="num">{phrase("col.count", lang)}</th>')
        head += [
            f'<th scope="col" class="num" data-type="num">{status_label(s, lang)}</th>'
            for s in statuses
        ]
        body = []
        for name, total, counts, cls in items:
            cols = "".join(f'<td class="num">{counts.get(s, 0) or ""}</td>' for s in statuses)
            body.append(
                f'<tr><th scope="row" class="{cls}">{name}</th>'
                f'<td class="num">{total}</td>{cols}</tr>'
            )
        return (
            f'<div class="wrap"><table class="sortable counts" id="t{self.count}">'
            f"{_caption(caption, heading)}<thead><tr>{''.join(head)}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></div>"
        )


def _caption(text: str, heading: bool) -> str:
    hidden = ' class="vh"' if heading else ""
    return f"<caption{hidden}>{esc(text)}</caption>"


def pages_of(rows: Sequence[Evaluation]) -> list[Sequence[Evaluation]]:
    """A long table cut into pages of :data:`PAGE_ROWS` rows (at least one page)."""
    return [rows[i : i + PAGE_ROWS] for i in range(0, len(rows), PAGE_ROWS)] or [rows]


def page_file(name: str, number: int) -> str:
    """The file of page ``number`` (from 1) of a paged table."""
    return f"{name}.html" if number == 1 else f"{name}-p{number}.html"


def pager(name: str, number: int, total: int, lang: Lang) -> str:
    if total <= 1:
        return ""
    items = []
    for n in range(1, total + 1):
        label = esc(t("site.page", lang, n=n))
        if n == number:
            items.append(f'<li><span aria-current="page">{label}</span></li>')
        else:
            items.append(f'<li><a href="{page_file(name, n)}">{label}</a></li>')
    label = phrase("site.pages", lang)
    return f'<nav aria-label="{label}"><ul class="pager">{"".join(items)}</ul></nav>'


def crumbs(where: Where, site: Site, chain: Sequence[str], current: str | None = None) -> str:
    """Home › region › … (each linked), then the current page's name if given."""
    items = [f'<li><a href="{where.link("index.html")}">{phrase("site.home", where.lang)}</a></li>']
    for name in chain:
        page = site.region_pages.get(name)
        text = esc(name)
        items.append(
            f'<li><a href="{where.link(f"regions/{page}.html")}">{text}</a></li>'
            if page and name != current
            else f"<li>{text}</li>"
        )
    label = "面包屑导航" if where.lang == "zh" else "Breadcrumbs"
    return f'<nav aria-label="{label}"><ol class="crumbs">{"".join(items)}</ol></nav>'


def document(where: Where, title: str, body: Iterable[str], as_of: str) -> Iterator[str]:
    """The page around ``body`` (already-escaped HTML)."""
    lang = where.lang
    site_title = phrase("site.title", lang)
    yield "<!DOCTYPE html>\n"
    yield f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
    yield f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
    yield '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    yield '<meta name="referrer" content="no-referrer">\n'
    yield f"<title>{esc(title)} · {site_title}</title>\n"
    yield f'<link rel="stylesheet" href="{where.shared(f"{ASSETS}/site.css")}">\n'
    yield f'<script src="{where.shared(f"{ASSETS}/site.js")}" defer></script>\n'
    if where.both:
        for other in LANGS:
            hreflang = "zh-CN" if other == "zh" else "en"
            yield f'<link rel="alternate" hreflang="{hreflang}" href="{where.other(other)}">\n'
    yield "</head>\n<body>\n"
    yield f'<a class="skip" href="#main">{phrase("site.skip", lang)}</a>\n'
    yield '<header class="top"><nav aria-label="tracker">'
    yield f'<a class="home" href="{where.link("index.html")}">{site_title}</a>'
    if where.downloads:
        yield f'<a href="{where.link("downloads.html")}">{phrase("site.downloads", lang)}</a>'
    if where.both:
        yield f'<span class="lang" role="group" aria-label="{phrase("site.language", lang)}">'
        for other in LANGS:
            name = "中文" if other == "zh" else "English"
            hreflang = "zh-CN" if other == "zh" else "en"
            if other == lang:
                yield f'<a aria-current="true" href="{where.path.rsplit("/", 1)[-1]}">'
                yield f"{name}</a> "
            else:
                yield f'<a hreflang="{hreflang}" lang="{hreflang}" href="{where.other(other)}">'
                yield f"{name}</a> "
        yield "</span>"
    yield '</nav></header>\n<main id="main">\n'
    yield from body
    yield f"\n<footer><p>{esc(t('site.generated', lang, date=as_of))}</p></footer>\n"
    yield "</main>\n</body>\n</html>\n"


def status_cards(where: Where, site: Site, counts: dict[Status, int], total: int) -> str:
    """One card per status (linked to its list when the site has one), and the total."""
    lang = where.lang
    cards = [f'<li class="total"><span class="n">{total}</span>{phrase("report.total", lang)}</li>']
    for status, n in counts.items():
        share = rounding.percent(Fraction(n, total), 0) if total else ""
        inner = (
            f'<span class="n">{n}</span>{status_label(status, lang)} '
            f'<span class="note">{esc(share)}</span>'
        )
        listed = site.status_list(status)
        if listed is not None:
            inner = f'<a href="{where.link(f"lists/{listed.name}.html")}">{inner}</a>'
        cards.append(f"<li>{inner}</li>")
    return f'<ul class="cards">{"".join(cards)}</ul>'
