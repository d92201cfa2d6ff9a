"""``tracker status``: one row per goal."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import click

from tracker.commands.common import (
    Context,
    emit,
    filter_options,
    global_options,
    load_dataset,
    selection,
    statuses_option,
)
from tracker.errors import EXIT_FINDINGS, EXIT_OK, UsageError


@click.command()
@global_options
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
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
    regions: tuple[str, ...],
    years: tuple[int, ...],
    categories: tuple[str, ...],
    statuses: tuple[str, ...],
    as_of: dt.date | None,
    on_track: Fraction,
    at_risk: Fraction,
    fmt: str,
    sort: str,
    fail_on: tuple[str, ...],
) -> None:
    """One row per goal: target, latest actual, ratio, pace, gap and status."""
    from tracker.compute import Status, Thresholds  # noqa: PLC0415
    from tracker.render import RenderOptions, StatusFormat, render_status  # noqa: PLC0415
    from tracker.report import SortKey, build_status, matching  # noqa: PLC0415

    failing = statuses_option("--fail-on", fail_on)
    if at_risk > on_track:
        raise UsageError(
            f"--at-risk ({float(at_risk)}) must not exceed --on-track ({float(on_track)})"
        )
    dataset = load_dataset(obj)
    chosen = selection(dataset, obj.lang, regions, years, categories, statuses)
    report = build_status(
        dataset, as_of or dt.date.today(), chosen, Thresholds(on_track, at_risk), SortKey(sort)
    )
    table = fmt == "table"
    options = RenderOptions(lang=obj.lang, color=obj.color and table, width=obj.width)
    emit(obj, render_status(report, StatusFormat(fmt), options), color=table)
    exit_code = EXIT_FINDINGS if dataset.errors else EXIT_OK
    if failing and matching({Status(s) for s in failing}, report.rows):
        exit_code = EXIT_FINDINGS
    click.get_current_context().exit(exit_code)
