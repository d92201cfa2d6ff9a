"""``tracker regions``: the region tree with goal counts and statuses."""

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
)
from tracker.core.views import region_tree
from tracker.render.options import RenderOptions
from tracker.render.registry import RegionsFormat, renderer


@click.command()
@global_options
@filter_options
@format_option(RegionsFormat)
@click.pass_obj
def regions(
    obj: Context,
    filters: Filters,
    fmt: str,
) -> None:
    """The region tree: goals per region (its own, and with its sub-regions) by status."""

    evaluated = evaluate_filtered(obj, filters)
    dataset, status = evaluated.dataset, evaluated.report
    tree = region_tree(dataset, status.rows, evaluated.selection)
    table = fmt == "table"
    options = RenderOptions(lang=obj.lang, color=obj.color and table, width=obj.width)
    emit(obj, renderer(RegionsFormat(fmt))(tree, filters.when, options), color=table)
    finish(dataset)
