"""``tracker rank INDICATOR``: regions ranked on one indicator."""

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
from tracker.cli.params import IntRange
from tracker.cli.usage import Choice
from tracker.core.indicators import find_indicator, indicator_suggestions
from tracker.core.rank import RankBy, build_ranking
from tracker.errors import UsageError
from tracker.render.i18n import t
from tracker.render.options import RenderOptions
from tracker.render.registry import RankFormat, renderer


@click.command()
@global_options
@click.argument("indicator")
@filter_options
@click.option(
    "--by",
    type=Choice(["completion", "lag", "value"]),
    default="completion",
    show_default=True,
    help="Rank on completion (highest first), lag behind schedule (least first) or the "
    "figure itself (largest first; smallest for ceilings).",
)
@click.option(
    "--top", type=IntRange(min=1), default=None, metavar="N", help="Only the first N places."
)
@click.option(
    "--bottom",
    type=IntRange(min=1),
    default=None,
    metavar="N",
    help="Only the last N places.",
)
@format_option(RankFormat)
@output_option
@click.pass_obj
def rank(
    obj: Context,
    filters: Filters,
    indicator: str,
    by: str,
    top: int | None,
    bottom: int | None,
    fmt: str,
) -> None:
    """Regions ranked on one indicator (its key, e.g. urban-new-jobs, or a goal title): rank,
    figure, target, completion, lag, status and the distance from the mean and median."""
    if top is not None and bottom is not None:
        raise UsageError.of("rank.top_bottom")
    evaluated = evaluate_filtered(obj, filters)
    dataset = evaluated.dataset
    found = find_indicator(dataset.goals, indicator)
    if found is None:
        close = indicator_suggestions(dataset.goals, indicator)
        hint = (
            t("error.closest_indicators", obj.lang, names=", ".join(close))
            if close
            else t("error.no_close_indicator", obj.lang)
        )
        raise UsageError(f"{t('error.unknown_indicator', obj.lang, query=indicator)}\n{hint}")
    ids = {goal.id for goal in found.goals}
    rows = [e for e in evaluated.report.rows if e.goal.id in ids]
    ranking = build_ranking(dataset, found, rows, filters.when, RankBy(by), top, bottom)
    table = fmt == "table"
    options = RenderOptions(lang=obj.lang, color=obj.color and table, width=obj.width)
    emit(obj, renderer(RankFormat(fmt))(ranking, options), color=table)
    finish(dataset)
