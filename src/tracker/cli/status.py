"""``tracker status``: one row per goal."""

from __future__ import annotations

import click

from tracker.cli.context import Context
from tracker.cli.options import (
    BOM,
    Filters,
    columns_option,
    emit,
    emit_parts,
    evaluate_filtered,
    filter_options,
    finish,
    format_option,
    global_options,
    load_dataset,
    output_option,
    selection,
    statuses_option,
)
from tracker.cli.usage import Choice
from tracker.core.compute import Status
from tracker.core.status import SortKey, matching
from tracker.errors import UsageError
from tracker.load.cache import default_dir
from tracker.render.i18n import t
from tracker.render.options import RenderOptions
from tracker.render.registry import StatusFormat, renderer
from tracker.render.status_rows import status_json


@click.command()
@global_options
@filter_options
@format_option(StatusFormat)
@click.option(
    "--sort",
    type=Choice(["region", "gap", "ratio", "pace", "status"]),
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
@output_option
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
    if fmt == "json" and SortKey(sort) is SortKey.REGION and obj.cache and obj.output is None:
        # the row cache: rows evaluated and rendered by an earlier run are reused, the
        # document written to stdout in parts (--output takes the exact path)
        dataset = load_dataset(obj)
        chosen = selection(dataset, obj.lang, filters)
        report, parts = status_json(
            dataset, filters.when, chosen, filters.thresholds(), default_dir()
        )
        emit_parts(parts)
        hit = bool(failing) and bool(matching({Status(s) for s in failing}, report.rows))
        finish(dataset, findings=hit)
    evaluated = evaluate_filtered(obj, filters, SortKey(sort))
    table = fmt == "table"
    options = RenderOptions(
        lang=obj.lang, color=obj.color and table, width=obj.width, columns=extra
    )
    text = renderer(StatusFormat(fmt))(evaluated.report, options)
    emit(obj, BOM + text if bom else text, color=table)
    hit = bool(failing) and bool(matching({Status(s) for s in failing}, evaluated.report.rows))
    finish(evaluated.dataset, findings=hit)
