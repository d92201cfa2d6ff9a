"""``tracker status``: one row per goal."""

from __future__ import annotations

import click

from tracker.cli.options import (
    Context,
    Filters,
    emit,
    evaluate_filtered,
    filter_options,
    finish,
    format_option,
    global_options,
    statuses_option,
)


@click.command()
@global_options
@filter_options
@format_option("table", "markdown", "json", "csv")
@click.option(
    "--sort",
    type=click.Choice(["region", "gap", "ratio", "pace", "status"]),
    default="region",
    show_default=True,
    help="Row order: region then deadline, or worst first by gap, ratio, pace, status.",
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
    fail_on: tuple[str, ...],
) -> None:
    """One row per goal: target, latest actual, ratio, pace, gap and status."""
    from tracker.core.compute import Status  # noqa: PLC0415
    from tracker.core.status import SortKey, matching  # noqa: PLC0415
    from tracker.render.options import RenderOptions  # noqa: PLC0415
    from tracker.render.registry import StatusFormat, render_status  # noqa: PLC0415

    failing = statuses_option("--fail-on", fail_on)
    evaluated = evaluate_filtered(obj, filters, SortKey(sort))
    table = fmt == "table"
    options = RenderOptions(lang=obj.lang, color=obj.color and table, width=obj.width)
    emit(obj, render_status(evaluated.report, StatusFormat(fmt), options), color=table)
    hit = bool(failing) and bool(matching({Status(s) for s in failing}, evaluated.report.rows))
    finish(evaluated.dataset, findings=hit)
