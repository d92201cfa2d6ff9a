"""``tracker show GOAL_ID``: one goal in full, with the history of its outcomes."""

from __future__ import annotations

import click

from tracker.cli.context import Context
from tracker.cli.options import (
    Filters,
    emit,
    evaluation_options,
    finish,
    format_option,
    global_options,
    load_dataset,
)
from tracker.core.views import goal_detail, unknown_goal_suggestions
from tracker.errors import UsageError
from tracker.render.i18n import t
from tracker.render.options import RenderOptions
from tracker.render.registry import ShowFormat, renderer


@click.command()
@global_options
@click.argument("goal_id")
@evaluation_options
@format_option(ShowFormat)
@click.pass_obj
def show(
    obj: Context,
    filters: Filters,
    goal_id: str,
    fmt: str,
) -> None:
    """One goal in full: definition, every outcome with its ratio and pace at that date,
    sources and quotes, and a chart of the history."""

    thresholds = filters.thresholds()
    dataset = load_dataset(obj)
    goal = dataset.goal(goal_id.strip())
    if goal is None:
        close = unknown_goal_suggestions(dataset, goal_id.strip())
        hint = (
            t("error.closest", obj.lang, ids=", ".join(close))
            if close
            else t("error.no_close", obj.lang)
        )
        raise UsageError(f"{t('error.unknown_goal', obj.lang, id=goal_id)}\n{hint}")
    detail = goal_detail(dataset, goal, filters.when, thresholds)
    text = fmt == "text"
    options = RenderOptions(lang=obj.lang, color=obj.color and text, width=obj.width)
    output = renderer(ShowFormat(fmt))(detail, options)
    emit(obj, output, color=text)
    finish(dataset)
