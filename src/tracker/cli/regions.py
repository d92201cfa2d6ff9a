"""``tracker regions``: the region tree with goal counts and statuses."""

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
)


@click.command()
@global_options
@filter_options
@format_option("table", "json")
@click.pass_obj
def regions(
    obj: Context,
    filters: Filters,
    fmt: str,
) -> None:
    """The region tree: goals per region (its own, and with its sub-regions) by status."""
    from tracker.core.views import region_tree  # noqa: PLC0415
    from tracker.render import regions as renderer  # noqa: PLC0415  # rich, on demand
    from tracker.render.options import RenderOptions  # noqa: PLC0415

    evaluated = evaluate_filtered(obj, filters)
    dataset, status = evaluated.dataset, evaluated.report
    tree = region_tree(dataset, status.rows, evaluated.selection)
    table = fmt == "table"
    options = RenderOptions(lang=obj.lang, color=obj.color and table, width=obj.width)
    render = renderer.render_text if table else renderer.render_json
    emit(obj, render(tree, filters.when, options), color=table)
    finish(dataset)
