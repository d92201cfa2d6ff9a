"""``tracker show GOAL_ID``: one goal in full, with the history of its outcomes."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import click

from tracker.commands.common import (
    Context,
    DateParam,
    FractionParam,
    emit,
    global_options,
    load_dataset,
)
from tracker.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from tracker.i18n import t


@click.command()
@global_options
@click.argument("goal_id")
@click.option(
    "--as-of", "as_of", type=DateParam(), default=None, help="Evaluation date (default: today)."
)
@click.option(
    "--on-track",
    "on_track",
    type=FractionParam(),
    default=Fraction(95, 100),
    show_default="0.95",
    help="Pace at or above which a goal is on track.",
)
@click.option(
    "--at-risk",
    "at_risk",
    type=FractionParam(),
    default=Fraction(60, 100),
    show_default="0.60",
    help="Pace at or above which a goal is at risk (below: behind).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.pass_obj
def show(
    obj: Context,
    goal_id: str,
    as_of: dt.date | None,
    on_track: Fraction,
    at_risk: Fraction,
    fmt: str,
) -> None:
    """One goal in full: definition, every outcome with its ratio and pace at that date,
    sources and quotes, and a chart of the history."""
    from tracker.compute import Thresholds  # noqa: PLC0415
    from tracker.render import RenderOptions  # noqa: PLC0415
    from tracker.summary import find_goal, goal_detail, unknown_goal_suggestions  # noqa: PLC0415

    if at_risk > on_track:
        raise UsageError(
            f"--at-risk ({float(at_risk)}) must not exceed --on-track ({float(on_track)})"
        )
    dataset = load_dataset(obj)
    goal = find_goal(dataset, goal_id.strip())
    if goal is None:
        close = unknown_goal_suggestions(dataset, goal_id.strip())
        hint = (
            t("error.closest", obj.lang, ids=", ".join(close))
            if close
            else t("error.no_close", obj.lang)
        )
        raise UsageError(f"{t('error.unknown_goal', obj.lang, id=goal_id)}\n{hint}")
    detail = goal_detail(dataset, goal, as_of or dt.date.today(), Thresholds(on_track, at_risk))
    text = fmt == "text"
    options = RenderOptions(lang=obj.lang, color=obj.color and text, width=obj.width)
    from tracker.render import show as renderer  # noqa: PLC0415  # rich, on demand

    output = (
        renderer.render_text(detail, options) if text else renderer.render_json(detail, options)
    )
    emit(obj, output, color=text)
    click.get_current_context().exit(EXIT_FINDINGS if dataset.errors else EXIT_OK)
