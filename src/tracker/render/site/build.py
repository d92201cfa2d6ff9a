"""Every file of the site, as (path relative to the site's directory, content): the content
is bytes, or a function that writes the file (the export package's downloads).

One language: its pages at the top. Both: ``zh/`` and ``en/``, each complete, and a top
``index.html`` that sends a browser to the first language and links both. ``assets/`` and
``downloads/`` are shared by the languages.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from tracker.core.site import Site
from tracker.render import web
from tracker.render.i18n import Lang, t
from tracker.render.site import assets
from tracker.render.site.cache import Keys, PageCache
from tracker.render.site.goal import goal_page
from tracker.render.site.index import index_page
from tracker.render.site.listing import list_pages, region_pages
from tracker.render.site.page import CSP, Rows, Where, document, phrase

Content = bytes | Callable[[Path], None]
DOWNLOADS = "downloads"
esc = web.html_text


def _encode(chunks: Iterable[str]) -> bytes:
    return "".join(chunks).encode("utf-8")


def _downloads_page(site: Site, names: Sequence[str], where: Where) -> Iterator[str]:
    lang = where.lang
    items = "".join(
        f'<li><a href="{where.shared(f"{DOWNLOADS}/{name}")}" download>{esc(name)}</a></li>'
        for name in names
    )
    body = [
        f"<h1>{phrase('site.downloads', lang)}</h1>",
        f"<p>{phrase('site.downloads_lead', lang)}</p>",
        f'<ul class="items">{items}</ul>',
    ]
    return document(where, t("site.downloads", lang), body, site.as_of.isoformat())


Page = tuple[str, Callable[[], bytes | None], Iterator[str]]


def _none() -> None:
    return None


def _language(
    site: Site, lang: Lang, both: bool, downloads: Sequence[str], keys: Keys | None
) -> Iterator[Page]:
    """(path, its cache key's inputs, chunks) of every page of one language; a page is
    rendered only when its chunks are read, and its key made only when asked for (the index
    and the downloads page have none: they are made afresh)."""
    prefix = f"{lang}/" if both else ""
    rows = Rows(site, lang)
    has_downloads = bool(downloads)
    yield f"{prefix}index.html", _none, index_page(site, rows, lang, both, has_downloads)
    top = Where(lang, "index.html", both, has_downloads)
    for region in site.regions:
        own = functools.partial(keys.region_page, region) if keys else _none
        for path, chunks in region_pages(region, site, rows, top):
            yield prefix + path, own, chunks
    for listed in (*site.statuses, *site.categories, site.lagging):
        own = functools.partial(keys.list_page, listed) if keys else _none
        for path, chunks in list_pages(listed, site, rows, top):
            yield prefix + path, own, chunks
    for page in site.goals:
        where = Where(lang, f"goals/{page.name}.html", both, has_downloads)
        own = functools.partial(keys.goal_page, page) if keys else _none
        yield prefix + where.path, own, goal_page(page, site, where)
    if downloads:
        where = Where(lang, "downloads.html", both, True)
        yield prefix + where.path, _none, _downloads_page(site, downloads, where)


def _chooser(languages: Sequence[Lang]) -> bytes:
    """The top page of a two-language site: on to the first language, links to both."""
    first = languages[0]
    links = " · ".join(
        f'<a href="{lang}/index.html" hreflang="{lang}">{"中文" if lang == "zh" else "English"}</a>'
        for lang in languages
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f'<meta http-equiv="refresh" content="0; url={first}/index.html">\n'
        f"<title>{esc(t('site.title', 'zh'))} · {esc(t('site.title', 'en'))}</title>\n"
        f'<link rel="stylesheet" href="assets/site.css">\n</head>\n'
        f"<body><main><p>{links}</p></main></body>\n</html>\n"
    ).encode()


def site_files(
    site: Site,
    languages: Sequence[Lang],
    downloads: Mapping[str, Callable[[Path], None]],
    share: int = 0,
    shares: int = 1,
    cache: tuple[Mapping[str, str], PageCache] | None = None,
) -> Iterator[tuple[str, Content]]:
    """Every file of the site, shared files first; with ``shares`` > 1, only share number
    ``share`` of the pages (every ``shares``-th), for one of the processes that write them.
    The shared files are share 0's. With a ``cache`` (:func:`cache_entries` and the
    cache), pages whose inputs did not change since the last build come from it."""
    both = len(languages) > 1
    if share == 0:
        yield "assets/site.css", assets.stylesheet().encode()
        yield "assets/site.js", assets.script().encode()
        for name, write in downloads.items():
            yield f"{DOWNLOADS}/{name}", write
        if both:
            yield "index.html", _chooser(languages)
    names = sorted(downloads)
    entries, pages = cache if cache else ({}, None)
    count = 0
    for lang in languages:
        for path, _, chunks in _language(site, lang, both, names, None):
            if count % shares == share:
                entry = entries.get(path)
                if entry is not None and pages is not None and pages.has(entry):
                    yield (
                        path,
                        functools.partial(pages.link, entry, functools.partial(_encode, chunks)),
                    )
                else:
                    yield path, _encode(chunks)
            count += 1


def cache_entries(
    site: Site, languages: Sequence[Lang], downloads: Mapping[str, str], keys: Keys
) -> dict[str, str]:
    """The cache entry of each file that has one (path → entry name; ``downloads``: the
    export's files, name → entry), made before the pages are shared out, so that the
    processes find them made and the builder knows every entry the build uses."""
    both = len(languages) > 1
    names = sorted(downloads)
    found = {f"{DOWNLOADS}/{name}": entry for name, entry in downloads.items()}
    for lang in languages:
        for path, own, _ in _language(site, lang, both, names, keys):
            key = own()
            if key is not None:
                found[path] = keys.page(lang, both, path, key)
    return found
