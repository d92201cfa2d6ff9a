"""The command line: parse options, call load → compute → render, choose stream and exit code."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import click

from tracker import __version__
from tracker.errors import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    TrackerError,
    UsageError,
)
from tracker.i18n import LANGS, Lang, default_lang, t

STATUS_NAMES = (
    "achieved", "on_track", "at_risk", "behind", "missed", "unclear", "no_data", "no_target",
)
MAX_LISTED_PROBLEMS = 20


@dataclass(slots=True)
class Context:
    """Global options, shared by every command."""

    data: str | None
    lang: Lang
    color: bool
    width: int
    debug: bool


class DateParam(click.ParamType):
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        from tracker.dates import DateError, parse_as_of  # noqa: PLC0415

        try:
            return parse_as_of(str(value))
        except DateError as exc:
            self.fail(str(exc), param, ctx)


class FractionParam(click.ParamType):
    name = "NUMBER"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> Fraction:
        if isinstance(value, Fraction):
            return value
        try:
            result = Fraction(str(value))
        except (ValueError, ZeroDivisionError):
            self.fail(f"{value!r} is not a number (e.g. 0.95)", param, ctx)
        if not 0 <= result <= 10:
            self.fail(f"{value} is out of range: use a pace between 0 and 10", param, ctx)
        return result


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or "NO_COLOR" in os.environ:
        return False
    return sys.stdout.isatty()


def _width() -> int:
    if sys.stdout.isatty():
        return shutil.get_terminal_size((100, 24)).columns
    try:
        return max(60, int(os.environ.get("COLUMNS", "100")))
    except ValueError:
        return 100


class TrackerGroup(click.Group):
    """Maps every outcome to SPEC §6's exit codes, in one place; no traceback for user errors."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except TrackerError as exc:
            click.echo(f"tracker: {exc.message}", err=True)
            ctx.exit(exc.exit_code)
        except Exception as exc:
            if isinstance(ctx.obj, Context) and ctx.obj.debug:
                raise
            click.echo(f"tracker: internal error: {type(exc).__name__}: {exc} "
                       "(re-run with --debug for the traceback, and please report it)", err=True)
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=TrackerGroup,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="tracker")
@click.option("--data", metavar="PATH", help="Data directory or file (default: $TRACKER_DATA, "
              "./targets, the nearest targets/ above, else the bundled sample).")
@click.option("--lang", type=click.Choice(LANGS), default=None,
              help="Language of labels (default: $TRACKER_LANG, else the locale).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour output (NO_COLOR is honoured in auto).")
@click.option("--debug", is_flag=True, help="Show the Python traceback of internal errors.")
@click.pass_context
def cli(ctx: click.Context, data: str | None, lang: Lang | None, color: str, debug: bool) -> None:
    """Track stated targets against reported outcomes: completion, gap, pace and status."""
    ctx.obj = Context(data=data, lang=lang or default_lang(), color=_use_color(color),
                      width=_width(), debug=debug)


def _filters(func: Callable[..., Any]) -> Callable[..., Any]:
    """The filters shared by the reading commands."""
    options = [
        click.option("--region", "regions", multiple=True, metavar="NAME",
                     help="A region and all its descendants (name, alias, pinyin); repeatable."),
        click.option("--year", "years", multiple=True, type=int,
                     help="Goals whose period includes this year; repeatable."),
        click.option("--category", "categories", multiple=True,
                     help="Goals of this category (e.g. 就业); repeatable."),
        click.option("--status", "statuses", multiple=True, type=click.Choice(STATUS_NAMES),
                     help="Only goals with this status; repeatable."),
        click.option("--as-of", "as_of", type=DateParam(), default=None,
                     help="Evaluation date (default: today)."),
        click.option("--on-track", "on_track", type=FractionParam(), default=Fraction(95, 100),
                     show_default="0.95", help="Pace at or above which a goal is on track."),
        click.option("--at-risk", "at_risk", type=FractionParam(), default=Fraction(60, 100),
                     show_default="0.60", help="Pace at or above which a goal is at risk "
                     "(below: behind)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _split(values: Sequence[str]) -> list[str]:
    """Accept both repeated options and comma-separated lists."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@cli.command()
@_filters
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "json", "csv"]),
              default="table", show_default=True, help="Output format.")
@click.option("--sort", type=click.Choice(["region", "gap", "ratio", "pace", "status"]),
              default="region", show_default=True,
              help="Row order: region then deadline, or worst first by gap, ratio, pace, status.")
@click.option("--fail-on", "fail_on", multiple=True, metavar="STATUS",
              help="Exit 1 when any shown goal has one of these statuses (e.g. missed,behind).")
@click.pass_obj
def status(obj: Context, regions: tuple[str, ...], years: tuple[int, ...],
           categories: tuple[str, ...], statuses: tuple[str, ...], as_of: dt.date | None,
           on_track: Fraction, at_risk: Fraction, fmt: str, sort: str,
           fail_on: tuple[str, ...]) -> None:
    """One row per goal: target, latest actual, ratio, pace, gap and status."""
    from tracker.compute import Status, Thresholds  # noqa: PLC0415
    from tracker.render import RenderOptions, StatusFormat, render_status  # noqa: PLC0415
    from tracker.report import SortKey, build_status, matching  # noqa: PLC0415

    failing = _split(fail_on)
    unknown = [s for s in failing if s not in STATUS_NAMES]
    if unknown:
        raise UsageError(f"--fail-on: unknown status {', '.join(unknown)}; "
                         f"choose from {', '.join(STATUS_NAMES)}")
    if at_risk > on_track:
        raise UsageError(f"--at-risk ({float(at_risk)}) must not exceed --on-track "
                         f"({float(on_track)})")
    dataset = _load(obj)
    selection = _selection(dataset, obj.lang, regions, years, categories, statuses)
    report = build_status(dataset, as_of or dt.date.today(), selection,
                          Thresholds(on_track, at_risk), SortKey(sort))
    options = RenderOptions(lang=obj.lang, color=obj.color and fmt == "table", width=obj.width)
    click.echo(render_status(report, StatusFormat(fmt), options), nl=False, color=options.color)
    exit_code = EXIT_FINDINGS if dataset.errors else EXIT_OK
    if failing and matching({Status(s) for s in failing}, report.rows):
        exit_code = EXIT_FINDINGS
    click.get_current_context().exit(exit_code)


# --- shared steps -----------------------------------------------------------------------------

def _load(obj: Context) -> Any:
    """Find and load the dataset; notices and data errors go to stderr."""
    from tracker.loader import find_data_dir, load  # noqa: PLC0415

    root, bundled = find_data_dir(obj.data)
    if bundled:
        click.echo(t("notice.bundled", obj.lang), err=True)
    dataset = load(root, bundled=bundled)
    errors = dataset.errors
    for problem in errors[:MAX_LISTED_PROBLEMS]:
        goal = f" [{problem.goal_id}]" if problem.goal_id else ""
        click.echo(f"{problem.location()}: {problem.code}{goal} {problem.message}", err=True)
    if errors:
        click.echo(t("notice.problems", obj.lang, n=len(errors)), err=True)
    return dataset


def _selection(dataset: Any, lang: Lang, regions: Sequence[str], years: Sequence[int],
               categories: Sequence[str], statuses: Sequence[str]) -> Any:
    from tracker.compute import Status  # noqa: PLC0415
    from tracker.regions import RegionIndex, RegionInfo, RegionLookupError  # noqa: PLC0415
    from tracker.report import Selection  # noqa: PLC0415

    names = None
    if regions:
        index = RegionIndex(RegionInfo(r.name, r.parent, r.aliases)
                            for r in dataset.regions.values())
        try:
            names = index.select(_split(regions))
        except RegionLookupError as exc:
            raise UsageError(exc.message(lang)) from None
    return Selection(
        regions=names,
        years=frozenset(years),
        categories=frozenset(c.casefold() for c in _split(categories)),
        statuses=frozenset(Status(s) for s in statuses),
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="tracker")
