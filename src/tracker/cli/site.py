"""``tracker site DIR``: the dataset as a static website (docs/site.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click

from tracker.cli.context import Context
from tracker.cli.options import (
    BOTH,
    Filters,
    evaluate_filtered,
    filter_options,
    finish,
    global_options_both_languages,
)
from tracker.cli.params import IntRange, PathParam
from tracker.core.site import build_site, goal_events
from tracker.load.cache import code_fingerprint, default_dir, default_jobs
from tracker.load.git import data_history
from tracker.render.i18n import LANGS, Lang, t
from tracker.render.site import downloads
from tracker.render.site.build import Content, cache_entries, site_files
from tracker.render.site.cache import Keys, PageCache
from tracker.render.site.output import check_target, write_site

DEFAULT_HISTORY = 20


@click.command()
@global_options_both_languages
@filter_options
@click.argument("directory", metavar="DIR", type=PathParam(path_type=Path))
@click.option(
    "--force",
    is_flag=True,
    help="Write into a non-empty DIR: replace what tracker site writes there, keep the rest.",
)
@click.option(
    "--history",
    type=IntRange(0, 1000),
    default=DEFAULT_HISTORY,
    show_default=True,
    metavar="N",
    help="Goal change history from the last N git commits of the data (0: none).",
)
@click.pass_obj
def site(
    obj: Context,
    filters: Filters,
    languages: str | None,
    directory: Path,
    force: bool,
    history: int,
) -> None:
    """Write a static website of the dataset to DIR: a page per region and per goal, charts,
    tables that sort and filter, and the export package as downloads.

    An index, region pages with their sub-regions, goal pages (chart, every outcome, sources,
    change history), both languages with --lang both. Works from file:// and any static host.

    The filters and judgement options work as in `tracker status`. Example:
    tracker site out/ --lang both --as-of 2024-12-31
    """
    langs: tuple[Lang, ...] = LANGS if languages == BOTH else ((languages or obj.lang),)  # type: ignore[assignment]
    obj.lang = langs[0]
    check_target(directory, force=force, lang=obj.lang)
    evaluated = evaluate_filtered(obj, filters)
    dataset = evaluated.dataset
    states = data_history(dataset.root, history) if not dataset.bundled else []
    pages = build_site(dataset, evaluated.report, evaluated.thresholds, goal_events(states))
    cache = PageCache(default_dir(), directory) if obj.cache else None
    fingerprint = code_fingerprint()
    # every site has the export package as downloads (the nav of every page links it)
    keys = Keys(pages, fingerprint, downloads=True) if cache else None
    shared = downloads.export_files(
        dataset,
        evaluated.report,
        filters._asdict(),
        thresholds=evaluated.thresholds,
        cache=cache,
        fingerprint=fingerprint,
        goals=keys.goal if keys else None,
    )
    entries = cache_entries(pages, langs, cache.exported, keys) if cache and keys else {}
    kept = (entries, cache) if cache else None

    def files(share: int, shares: int) -> Iterator[tuple[str, Content]]:
        return site_files(pages, langs, shared, share, shares, kept)

    total = len(langs) * (len(pages.goals) + len(pages.regions))
    count = write_site(directory, files, lang=obj.lang, jobs=default_jobs(), total=total)
    if cache is not None:
        cache.update(directory, entries)
    click.echo(t("site.done", obj.lang, pages=count, dir=directory), err=True)
    finish(dataset)
