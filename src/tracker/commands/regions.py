"""``tracker regions``: the region tree with goal counts and statuses."""

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
)
from tracker.errors import EXIT_FINDINGS, EXIT_OK, UsageError


@click.command()
@global_options
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.pass_obj
def regions(
    obj: Context,
    regions: tuple[str, ...],
    years: tuple[int, ...],
    categories: tuple[str, ...],
    statuses: tuple[str, ...],
    as_of: dt.date | None,
    on_track: Fraction,
    at_risk: Fraction,
    fmt: str,
) -> None:
    """The region tree: goals per region (its own, and with its sub-regions) by status."""
    from tracker.compute import Thresholds  # noqa: PLC0415
    from tracker.render import RenderOptions  # noqa: PLC0415
    from tracker.render import regions as renderer  # noqa: PLC0415  # rich, on demand
    from tracker.report import build_status  # noqa: PLC0415
    from tracker.summary import region_tree  # noqa: PLC0415

    if at_risk > on_track:
        raise UsageError(
            f"--at-risk ({float(at_risk)}) must not exceed --on-track ({float(on_track)})"
        )
    dataset = load_dataset(obj)
    chosen = selection(dataset, obj.lang, regions, years, categories, statuses)
    when = as_of or dt.date.today()
    status = build_status(dataset, when, chosen, Thresholds(on_track, at_risk))
    tree = region_tree(dataset, status.rows, chosen)
    table = fmt == "table"
    options = RenderOptions(lang=obj.lang, color=obj.color and table, width=obj.width)
    render = renderer.render_text if table else renderer.render_json
    emit(obj, render(tree, when, options), color=table)
    click.get_current_context().exit(EXIT_FINDINGS if dataset.errors else EXIT_OK)
