"""``tracker add``: a new goal, from options or by answering prompts, appended to a file."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

import click

from tracker.cli.context import Context
from tracker.cli.options import emit, global_options, load_dataset, write_options
from tracker.cli.params import TEXT
from tracker.cli.record import report_warnings
from tracker.cli.usage import Choice
from tracker.edit.apply import add_goal
from tracker.edit.new_goal import Ask, GoalInput, plan_goal
from tracker.edit.plan import EditError
from tracker.errors import TrackerError, UsageError
from tracker.messages import Localized
from tracker.render.i18n import LABELS, Lang, t

KINDS = ("at_least", "at_most", "range", "milestone")
MEASURES = ("flow", "level", "growth")


def interactive() -> bool:
    """Prompt for what is missing only when a person is at the keyboard."""
    return sys.stdin.isatty()


@click.command()
@global_options
@click.option(
    "--file",
    "file",
    metavar="PATH",
    help="The TOML file to add the goal to (default: the region's file; a new one is "
    "created with [defaults] region).",
)
@click.option(
    "--id", "goal_id", metavar="ID", type=TEXT, help="Goal id (default: region-year-title)."
)
@click.option("--region", metavar="NAME", type=TEXT, help="Region (name, alias or pinyin).")
@click.option("--title", metavar="TEXT", type=TEXT, help="The indicator as the report names it.")
@click.option(
    "--unit", metavar="UNIT", type=TEXT, help="Base unit: 人, %, 所, 元 … (not for milestones)."
)
@click.option("--kind", type=Choice(KINDS), help="How the target is met (default: at_least).")
@click.option("--measure", type=Choice(MEASURES), help="flow, level or growth (default: by unit).")
@click.option(
    "--period",
    metavar="YEARS",
    type=TEXT,
    help='A year (2023) or a span ("2021-2025") (default: this year).',
)
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

    Give the fields as options. On a terminal, whatever required field is missing is asked
    for, region first (name, alias or pinyin, with did-you-mean), then the file it proposes,
    each answer checked as it is typed. Without a terminal, answers may be piped, one a
    line in the same order; with none, the missing options are named in one error. The id
    is made from region, period and title when --id is not given.
    """

    dataset = load_dataset(obj)
    if dataset.bundled:
        raise UsageError(t("record.bundled", obj.lang))
    given = GoalInput(**options)
    ask: Ask | None = None
    if interactive():
        ask = _asker(obj)
    elif given.missing() and (answers := _piped_answers()):
        ask = _asker(obj, answers)
    spec = plan_goal(dataset, given, ask, dt.date.today())
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


def _label(field: str, choices: tuple[str, ...] | None, lang: Lang) -> str:
    """The question, with its choices: ``类型(at_least 不低于 · at_most 不超过 …)``."""
    text = t(f"prompt.{field}", lang)
    if not choices:
        return text
    if lang == "zh":
        listed = " · ".join(f"{c} {t(c, lang)}" for c in choices)
        return f"{text}({listed})"
    return f"{text} ({' · '.join(choices)})"


def _answer(raw: str, choices: tuple[str, ...] | None) -> str:
    """A choice may be answered by its key or its zh / en label (不低于, at least)."""
    wanted = raw.strip().casefold()
    for choice in choices or ():
        if wanted in (choice, *(label.casefold() for label in LABELS.get(choice, ()))):
            return choice
    return raw


def _asker(obj: Context, answers: list[str] | None = None) -> Ask:
    """``ask(field, default, check, choices)``: a prompt asked again (with the reason, in the
    run's language) until ``check`` accepts the answer; or, with ``answers`` (piped), the
    next line — empty or missing takes the default, and a wrong one is an error naming its
    line (nobody is there to answer again)."""
    lines = iter(enumerate(answers or (), start=1))

    def ask(
        field: str,
        default: str | None,
        check: Callable[[str], Any],
        choices: tuple[str, ...] | None = None,
    ) -> Any:
        while True:
            if answers is None:
                number, raw = (
                    0,
                    click.prompt(
                        _label(field, choices, obj.lang),
                        default=default if default is not None else "",
                        show_default=bool(default),
                    ),
                )
            else:
                number, raw = next(lines, (len(answers) + 1, ""))
                if not raw.strip():
                    if default is None:
                        raise EditError.of("add.missing", options=f"--{field}")
                    raw = default
            try:
                return check(_answer(raw, choices))
            except TrackerError as exc:
                if answers is not None:
                    reason = Localized(exc.text("zh"), exc.text("en"))
                    raise EditError.of(
                        "add.piped_invalid", n=number, field=field, reason=reason
                    ) from None
                click.echo(t("add.retry", obj.lang, reason=exc.text(obj.lang)), err=True)

    return ask


def _piped_answers() -> list[str]:
    """The answers piped on stdin, one a line (none when stdin is empty or closed)."""
    try:
        lines = sys.stdin.read().splitlines()
    except (OSError, ValueError):  # closed, or not readable
        return []
    return lines if any(line.strip() for line in lines) else []
