"""``tracker add``: a new goal, from options or by answering prompts, appended to a file."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from tracker.cli.context import Context
from tracker.cli.options import TEXT, emit, global_options, load_dataset, write_options
from tracker.cli.record import report_warnings
from tracker.edit.apply import add_goal
from tracker.edit.new_goal import GoalInput, plan_goal
from tracker.errors import TrackerError, UsageError
from tracker.render.i18n import t

KINDS = ("at_least", "at_most", "range", "milestone")
MEASURES = ("flow", "level")


def interactive() -> bool:
    """Prompt for what is missing only when a person is at the keyboard."""
    return sys.stdin.isatty()


@click.command()
@global_options
@click.option("--file", "file", metavar="PATH", help="The TOML file to add the goal to.")
@click.option(
    "--id", "goal_id", metavar="ID", type=TEXT, help="Goal id (default: region-year-title)."
)
@click.option("--region", metavar="NAME", type=TEXT, help="Region (name, alias or pinyin).")
@click.option("--title", metavar="TEXT", type=TEXT, help="The indicator as the report names it.")
@click.option(
    "--unit", metavar="UNIT", type=TEXT, help="Base unit: 人, %, 所, 元 … (not for milestones)."
)
@click.option("--kind", type=click.Choice(KINDS), help="How the target is met [at_least].")
@click.option("--measure", type=click.Choice(MEASURES), help="flow or level (default: by unit).")
@click.option("--period", metavar="YEARS", type=TEXT, help='A year (2023) or a span ("2021-2025").')
@click.option(
    "--target",
    metavar="QUANTITY",
    type=TEXT,
    help='The stated target ("5.1万", "85%以上"; "2%,3%" a band).',
)
@click.option("--category", metavar="TEXT", type=TEXT, help="Free-text category (就业, 教育 …).")
@click.option(
    "--source", metavar="ID", type=TEXT, help="Id of the [[source]] that states the goal."
)
@click.option(
    "--quote", metavar="TEXT", type=TEXT, help="The sentence that states the goal, verbatim."
)
@write_options
@click.pass_obj
def add(obj: Context, /, dry_run: bool, lock_timeout: float | None, **options: str | None) -> None:
    """Add a goal to a data file.

    Give the fields as options; on a terminal, whatever required field is missing is asked
    for (with defaults). Without a terminal a missing required field is an error naming the
    option. The id is made from region, period and title when --id is not given.
    """

    dataset = load_dataset(obj)
    if dataset.bundled:
        raise UsageError(t("record.bundled", obj.lang))
    ask = _asker(obj) if interactive() else None
    spec = plan_goal(dataset, GoalInput(**options), ask)
    edit = add_goal(spec.path, spec.shown, spec.goal, dry_run=dry_run, lock_timeout=lock_timeout)
    if not spec.inside:
        click.echo(t("add.outside", obj.lang, file=spec.shown, root=dataset.root), err=True)
    if dry_run:
        emit(obj, edit.diff())
        report_warnings(obj, edit)
        click.echo(t("write.dry_run", obj.lang), err=True)
        return
    click.echo(t("add.done", obj.lang, goal=spec.goal.id, where=f"{spec.shown}:{edit.line}"))
    report_warnings(obj, edit)


def _asker(obj: Context) -> Callable[..., Any]:
    """``ask(field, default, check)``: a click prompt re-asked until ``check`` accepts it."""

    def ask(
        field: str,
        default: str | None,
        check: Callable[[str], Any],
        choices: tuple[str, ...] | None = None,
    ) -> Any:
        def value_proc(raw: str) -> Any:
            try:
                return check(raw)
            except TrackerError as exc:
                raise click.BadParameter(exc.message) from None

        return click.prompt(
            t(f"prompt.{field}", obj.lang),
            default=default if default is not None else "",
            show_default=bool(default),
            type=click.Choice(choices) if choices else None,
            value_proc=None if choices else value_proc,
        )

    return ask
