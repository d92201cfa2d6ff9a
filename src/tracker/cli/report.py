"""``tracker report``: a summary to publish, as Markdown or a self-contained HTML page."""

from __future__ import annotations

import click

from tracker.cli.context import Context
from tracker.cli.options import (
    Filters,
    emit,
    evaluate_filtered,
    filter_options,
    finish,
    format_option,
    global_options,
    output_option,
)
from tracker.cli.usage import Choice
from tracker.core.notice import DUE_DAYS, NOTICE_BANDS, build_notice
from tracker.core.views import build_report
from tracker.load.git import data_version
from tracker.render.options import RenderOptions
from tracker.render.registry import NoticeFormat, ReportFormat, renderer


@click.command()
@global_options
@filter_options
@format_option(
    ReportFormat,
    help="Markdown for GitHub/GitLab, or one self-contained HTML page with charts.",
)
@click.option(
    "--style",
    type=Choice(["summary", "notice"]),
    default="summary",
    show_default=True,
    help="summary: counts, a table per region, what needs attention. notice: a 督查 notice "
    "(红黄绿灯 grid by lag, default --lag-bands 10,30; overdue, lagging and due-soon lists, "
    "where --due-within sets the due-soon horizon, default 30 days).",
)
@output_option
@click.pass_obj
def report(
    obj: Context,
    filters: Filters,
    fmt: str,
    style: str,
) -> None:
    """A summary to share: counts by status, a table per region, what needs attention,
    stated rates that do not add up, and the sources."""
    options = RenderOptions(lang=obj.lang, color=False, width=obj.width)
    if style == "notice":
        # the notice judges by lag (10,30 unless chosen) and lists what is due within
        # --due-within days rather than keeping only that
        due_days = DUE_DAYS if filters.due_within is None else filters.due_within
        filters = filters._replace(lag_bands=filters.lag_bands or NOTICE_BANDS, due_within=None)
        evaluated = evaluate_filtered(obj, filters)
        dataset = evaluated.dataset
        version = None if dataset.bundled else data_version(dataset.root)
        notice = build_notice(
            dataset, evaluated.report, evaluated.selection, evaluated.thresholds, due_days, version
        )
        text = renderer(NoticeFormat(fmt))(notice, options)
    else:
        evaluated = evaluate_filtered(obj, filters)
        dataset = evaluated.dataset
        data = build_report(dataset, evaluated.report, evaluated.selection, evaluated.thresholds)
        text = renderer(ReportFormat(fmt))(data, options)
    emit(obj, text)
    finish(dataset)
