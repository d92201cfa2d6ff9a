"""``tracker status``: one row per goal."""

from __future__ import annotations

import click

from tracker.cli.context import Context
from tracker.cli.options import (
    BOM,
    Filters,
    columns_option,
    emit,
    evaluate_filtered,
    filter_options,
    finish,
    format_option,
    global_options,
    statuses_option,
)
from tracker.core.compute import Status
from tracker.core.status import SortKey, matching
from tracker.errors import UsageError
from tracker.render.i18n import t
from tracker.render.options import RenderOptions
from tracker.render.registry import StatusFormat, renderer


@click.command()
@global_options
@filter_options
@format_option(StatusFormat)
@click.option(
    "--sort",
    type=click.Choice(["region", "gap", "ratio", "pace", "status"]),
    default="region",
    show_default=True,
    help="Row order: region then deadline, or worst first by gap, ratio, pace, status.",
)
@click.option(
    "--columns",
    "columns",
    multiple=True,
    metavar="NAME,…",
    help="Add columns to the table and Markdown: deadline, owner, lag, indicator "
    "(comma-separated or repeated; JSON and CSV always have them).",
)
@click.option(
    "--bom",
    is_flag=True,
    help="With --format csv: start with a UTF-8 byte-order mark, for Excel and WPS.",
)
@click.option(
    "--fail-on",
    "fail_on",
    multiple=True,
    metavar="STATUS",
    help="Exit 1 when any shown goal has one of these statuses (e.g. missed,behind).",
)
@click.pass_obj
def status(
    obj: Context,
    filters: Filters,
    fmt: str,
    sort: str,
    columns: tuple[str, ...],
    fail_on: tuple[str, ...],
    bom: bool,
) -> None:
    """One row per goal: target, latest actual, ratio, pace, gap and status."""

    failing = statuses_option("--fail-on", fail_on)
    if bom and fmt != "csv":
        raise UsageError(t("export.bom_csv_only", obj.lang))
    extra = columns_option(columns)
    evaluated = evaluate_filtered(obj, filters, SortKey(sort))
    table = fmt == "table"
    options = RenderOptions(
        lang=obj.lang, color=obj.color and table, width=obj.width, columns=extra
    )
    text = renderer(StatusFormat(fmt))(evaluated.report, options)
    emit(obj, BOM + text if bom else text, color=table)
    hit = bool(failing) and bool(matching({Status(s) for s in failing}, evaluated.report.rows))
    finish(evaluated.dataset, findings=hit)
