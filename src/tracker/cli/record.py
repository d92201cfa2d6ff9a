"""``tracker record GOAL_ID VALUE --as-of DATE``: append an outcome to the goal's file."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from tracker.cli.context import Context
from tracker.cli.options import emit, global_options, load_dataset, write_options
from tracker.cli.params import TEXT, DateParam
from tracker.core.compute import Thresholds, evaluate
from tracker.edit.apply import record_outcome
from tracker.edit.outcome import build_outcome, data_file, goal_to_edit
from tracker.errors import UsageError
from tracker.render.check import problem_line
from tracker.render.escape import inline
from tracker.render.i18n import t
from tracker.render.options import RenderOptions
from tracker.render.show import render_status_line

if TYPE_CHECKING:
    from tracker.edit.plan import Edit


@click.command()
@global_options
@click.argument("goal_id", metavar="GOAL_ID", type=TEXT)
@click.argument("value", metavar="VALUE", type=TEXT)
@click.option(
    "--as-of",
    "as_of",
    type=DateParam(),
    required=True,
    help="The date the figure refers to: 2023-12-31, a year (2023 = Dec 31) or 2024-10.",
)
@click.option(
    "--stated-rate",
    metavar="RATE",
    type=TEXT,
    help='The completion rate the source claims ("104.19%").',
)
@click.option(
    "--source", metavar="ID", type=TEXT, help="Id of the [[source]] that reports the figure."
)
@click.option(
    "--quote", metavar="TEXT", type=TEXT, help="The sentence that states the figure, verbatim."
)
@click.option("--note", metavar="TEXT", type=TEXT, help="A note of your own.")
@click.option(
    "--replace", is_flag=True, help="Overwrite the goal's outcome of the same date, if any."
)
@click.option(
    "--allow-future",
    is_flag=True,
    help="Accept an --as-of date after today (a planned figure).",
)
@write_options
@click.pass_obj
def record(
    obj: Context,
    goal_id: str,
    value: str,
    as_of: dt.date,
    stated_rate: str | None,
    source: str | None,
    quote: str | None,
    note: str | None,
    replace: bool,
    allow_future: bool,
    dry_run: bool,
    lock_timeout: float | None,
) -> None:
    """Append an outcome (a reported figure) to the goal GOAL_ID.

    VALUE is written as typed ("5.6万", "94.4%", 3732); "18909/20037" records a numerator and
    a denominator; for a milestone VALUE is done or not-done. The file keeps every comment
    and blank line; the result is checked like `tracker check` before it is written, and
    written atomically.
    """

    dataset = load_dataset(obj)
    if dataset.bundled:
        raise UsageError(t("record.bundled", obj.lang))
    goal = goal_to_edit(dataset, goal_id)
    today = dt.date.today()
    if as_of > today and not allow_future:
        raise UsageError.of("record.future", as_of=as_of, today=today)
    outcome = build_outcome(
        dataset,
        goal,
        value,
        as_of,
        stated_rate=stated_rate,
        source=source,
        quote=quote,
        note=note,
    )
    path = data_file(dataset, goal.file)
    edit = record_outcome(
        path,
        goal.file,
        goal.id,
        outcome,
        replace=replace,
        dry_run=dry_run,
        lock_timeout=lock_timeout,
    )
    if dry_run:
        emit(obj, edit.diff())
        report_warnings(obj, edit)
        click.echo(t("write.dry_run", obj.lang), err=True)
        return
    shown = value if outcome.done is None else t("done" if outcome.done else "not_done", obj.lang)
    key = "record.replaced" if edit.replaced else "record.done"
    click.echo(
        t(
            key,
            obj.lang,
            goal=goal.id,
            value=shown,
            as_of=as_of,
            where=inline(f"{goal.file}:{edit.line}"),
        )
    )
    report_warnings(obj, edit)
    show_status(obj, goal.id, max(today, as_of))


def show_status(obj: Context, goal_id: str, when: dt.date) -> None:
    """The goal's status line with the new figure, as ``tracker show`` prints it (at
    ``when``: today, or the planned figure's date)."""
    dataset = load_dataset(obj)
    goal = dataset.goal(goal_id)
    if goal is None:  # the file changed again meanwhile: nothing to show
        return
    evaluation = evaluate(goal, when, Thresholds(), dataset.by_id)
    emit(obj, render_status_line(evaluation, RenderOptions(obj.lang, obj.color, obj.width)))


def report_warnings(obj: Context, edit: Edit) -> None:
    """The warnings `tracker check` now reports for the goal and did not before (W205: the
    new figure is below an earlier cumulative one …), on stderr as `check` prints them.
    They do not change the exit status: the data is valid, and `check --strict` decides."""

    for problem in edit.warnings:
        click.echo(problem_line(problem, obj.lang), err=True)
