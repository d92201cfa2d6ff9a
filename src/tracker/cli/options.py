"""What the subcommands share: the global context, option groups, loading and selection.

Imports here stay light (click only): heavy modules are imported inside the functions.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

import click

from tracker.render.i18n import LANGS, Lang, t
from tracker.render.registry import Format, choices

if TYPE_CHECKING:
    from fractions import Fraction

    from tracker.core.compute import Thresholds
    from tracker.core.status import Selection, SortKey, StatusReport
    from tracker.model import Dataset

STATUS_NAMES = (
    "achieved",
    "on_track",
    "at_risk",
    "behind",
    "missed",
    "overdue",
    "unclear",
    "no_data",
    "no_target",
)
MAX_LISTED_PROBLEMS = 20


class Context:
    """Global options, shared by every command.

    A plain class rather than a dataclass: `tracker --version` should not pay for importing
    dataclasses (docs/performance.md).
    """

    __slots__ = ("cache", "color", "data", "debug", "lang", "width")

    def __init__(
        self,
        data: str | None,
        lang: Lang,
        color: bool,
        width: int,
        debug: bool,
        cache: bool = True,
    ) -> None:
        self.data = data
        self.lang = lang
        self.color = color
        self.width = width
        self.debug = debug
        self.cache = cache  # use the parse cache (--no-cache: False)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Context({fields})"


def use_color(choice: str) -> bool:
    """--color: always, never, or auto (a terminal, and NO_COLOR unset)."""
    if choice == "always":
        return True
    if choice == "never" or "NO_COLOR" in os.environ:
        return False
    return _stdout_is_terminal()


def _stdout_is_terminal() -> bool:
    """False also when there is no stdout at all (closed by the caller: ``>&-``)."""
    stream = sys.stdout
    return stream is not None and stream.isatty()


def terminal_width() -> int:
    """The terminal's width; $COLUMNS or 100 when writing to a file or pipe."""
    if _stdout_is_terminal():
        import shutil  # noqa: PLC0415  # only for a terminal: shutil costs ~4 ms to import

        return shutil.get_terminal_size((100, 24)).columns
    try:
        return max(60, int(os.environ.get("COLUMNS", "100")))
    except ValueError:
        return 100


def emit(obj: Context, text: str, *, color: bool = False) -> None:
    """Write a rendered report to stdout (click strips ANSI unless told it is wanted)."""
    click.echo(text, nl=False, color=color and obj.color)


class DateParam(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    name = "DATE"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        from tracker.parse.dates import DateError, parse_as_of  # noqa: PLC0415

        try:
            return parse_as_of(str(value))
        except DateError as exc:
            self.fail(str(exc), param, ctx)


class FractionParam(click.ParamType):  # type: ignore[type-arg]
    name = "NUMBER"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Fraction:
        from fractions import Fraction  # noqa: PLC0415  # not needed by `tracker --version`

        if isinstance(value, Fraction):
            return value
        try:
            result = Fraction(str(value))
        except (ValueError, ZeroDivisionError):
            self.fail(f"{value!r} is not a number (e.g. 0.95)", param, ctx)
        if not 0 <= result <= 10:
            self.fail(f"{value} is out of range: use a pace between 0 and 10", param, ctx)
        return result


def _apply(options: Sequence[Callable[[Any], Any]], func: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(options):
        func = option(func)
    return func


def _override(field: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    """A global option repeated after the subcommand overrides the one given before it."""

    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        del param
        obj = ctx.find_object(Context)
        if value is None or obj is None:
            return
        if field == "color":
            obj.color = use_color(value)
        elif field == "cache":
            obj.cache = obj.cache and not value
        else:
            setattr(obj, field, value)

    return callback


def _global(lang: Callable[[Any], Any]) -> list[Callable[[Any], Any]]:
    return [
        click.option(
            "--data",
            metavar="PATH",
            expose_value=False,
            callback=_override("data"),
            help="Data directory or file (as before the command).",
        ),
        lang,
        click.option(
            "--color",
            type=click.Choice(["auto", "always", "never"]),
            expose_value=False,
            callback=_override("color"),
            help="auto, always or never (as before the command).",
        ),
        click.option(
            "--no-cache",
            is_flag=True,
            expose_value=False,
            callback=_override("cache"),
            help="Parse every data file afresh (as before the command).",
        ),
    ]


def global_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Accept --data, --lang, --color and --no-cache after the subcommand too (SPEC §4:
    global options)."""
    lang = click.option(
        "--lang",
        type=click.Choice(LANGS),
        expose_value=False,
        callback=_override("lang"),
        help="zh or en (as before the command).",
    )
    return _apply(_global(lang), func)


BOTH = "both"


def global_options_both_languages(func: Callable[..., Any]) -> Callable[..., Any]:
    """:func:`global_options` for a command that can write both languages at once: its
    ``--lang`` also takes ``both`` and is passed as ``languages`` (None: the global one)."""
    lang = click.option(
        "--lang",
        "languages",
        type=click.Choice([*LANGS, BOTH]),
        default=None,
        help="zh, en, or both (default: --lang before the command, else $TRACKER_LANG, "
        "else the locale).",
    )
    return _apply(_global(lang), func)


class LagBandsParam(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """``--lag-bands A,B``: percentage points behind schedule, 0 ≤ A ≤ B ≤ 100, as fractions."""

    name = "A,B"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[Fraction, Fraction]:
        from fractions import Fraction  # noqa: PLC0415  # not needed by `tracker --version`

        if isinstance(value, tuple):
            return value
        parts = str(value).split(",")
        try:
            low, high = (Fraction(part.strip()) for part in parts)
        except (ValueError, ZeroDivisionError):
            self.fail(
                f"{value!r} is not two numbers: write the green and yellow limits in "
                "percentage points behind schedule, e.g. 10,30",
                param,
                ctx,
            )
        if not 0 <= low <= high <= 100:
            self.fail(
                f"{value!r}: the limits must satisfy 0 ≤ A ≤ B ≤ 100 (percentage points), "
                "e.g. 10,30",
                param,
                ctx,
            )
        return low / 100, high / 100


_EVALUATION_KEYS = ("as_of", "on_track", "at_risk", "lag_bands", "grace")
_SELECTION_KEYS = ("regions", "years", "categories", "statuses")


class Filters(NamedTuple):
    """The reading commands' filters and evaluation settings, as one value.

    A NamedTuple, not a dataclass: this module stays cheap to import (docs/performance.md).
    The pace bands have no defaults here: --on-track and --at-risk always supply them.
    """

    on_track: Fraction
    at_risk: Fraction
    lag_bands: tuple[Fraction, Fraction] | None = None
    grace: int = 0
    as_of: dt.date | None = None
    regions: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()

    @property
    def when(self) -> dt.date:
        """The evaluation date: --as-of, else today."""
        return self.as_of or dt.date.today()

    def thresholds(self) -> Thresholds:
        """The pace bands; --at-risk above --on-track is a usage error."""
        from tracker.core.compute import Thresholds  # noqa: PLC0415
        from tracker.errors import UsageError  # noqa: PLC0415

        if self.at_risk > self.on_track:
            raise UsageError(
                f"--at-risk ({float(self.at_risk)}) must not exceed --on-track "
                f"({float(self.on_track)})"
            )
        return Thresholds(self.on_track, self.at_risk, self.lag_bands, self.grace)


def _collect(keys: Sequence[str], func: Callable[..., Any]) -> Callable[..., Any]:
    """Hand the command one ``filters`` argument instead of one argument per option."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {key: kwargs.pop(key) for key in keys}
        return func(*args, filters=Filters(**values), **kwargs)

    return wrapper


_EVALUATION_OPTIONS = [
    click.option(
        "--as-of", "as_of", type=DateParam(), default=None, help="Evaluation date (default: today)."
    ),
    click.option(
        "--on-track",
        "on_track",
        type=FractionParam(),
        default="0.95",
        show_default="0.95",
        help="Pace at or above which a goal is on track.",
    ),
    click.option(
        "--at-risk",
        "at_risk",
        type=FractionParam(),
        default="0.60",
        show_default="0.60",
        help="Pace at or above which a goal is at risk (below: behind).",
    ),
    click.option(
        "--lag-bands",
        "lag_bands",
        type=LagBandsParam(),
        default=None,
        help="Judge by lag instead of pace (红黄绿灯): at most A percentage points behind "
        "schedule is on track, at most B at risk, more behind. E.g. 10,30.",
    ),
    click.option(
        "--grace",
        "grace",
        type=click.IntRange(0, 3660),
        default=0,
        show_default="0",
        metavar="DAYS",
        help="Days after the deadline before a goal without a final figure is overdue.",
    ),
]


def evaluation_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--as-of, --on-track, --at-risk, passed to the command as ``filters``."""
    return _apply(_EVALUATION_OPTIONS, _collect(_EVALUATION_KEYS, func))


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The filters shared by the reading commands (SPEC §4), passed as ``filters``."""
    return _apply(
        [
            click.option(
                "--region",
                "regions",
                multiple=True,
                metavar="NAME",
                help="A region and all its descendants (name, alias, pinyin); repeatable.",
            ),
            click.option(
                "--year",
                "years",
                multiple=True,
                type=int,
                help="Goals whose period includes this year; repeatable.",
            ),
            click.option(
                "--category",
                "categories",
                multiple=True,
                help="Goals of this category (e.g. 就业); repeatable.",
            ),
            click.option(
                "--status",
                "statuses",
                multiple=True,
                metavar="STATUS",
                help=f"Only goals with these statuses ({', '.join(STATUS_NAMES)}); "
                "repeatable or comma-separated.",
            ),
            *_EVALUATION_OPTIONS,
        ],
        _collect((*_SELECTION_KEYS, *_EVALUATION_KEYS), func),
    )


class Evaluated(NamedTuple):
    """What a reading command works from: the data, the selection and its evaluation."""

    dataset: Dataset
    selection: Selection
    thresholds: Thresholds
    report: StatusReport


def evaluate_filtered(obj: Context, filters: Filters, sort: SortKey | None = None) -> Evaluated:
    """load → select → evaluate, as every reading command starts."""
    from tracker.core.status import SortKey, build_status  # noqa: PLC0415

    thresholds = filters.thresholds()
    dataset = load_dataset(obj)
    chosen = selection(dataset, obj.lang, filters)
    report = build_status(dataset, filters.when, chosen, thresholds, sort or SortKey.REGION)
    return Evaluated(dataset, chosen, thresholds, report)


def finish(dataset: Dataset, *, findings: bool = False) -> NoReturn:
    """Exit 1 when the data had errors or the command found something (SPEC §6), else 0."""
    from tracker.errors import EXIT_FINDINGS, EXIT_OK  # noqa: PLC0415

    failed = findings or bool(dataset.errors)
    click.get_current_context().exit(EXIT_FINDINGS if failed else EXIT_OK)


def format_option(view: type[Format], help: str = "Output format.") -> Callable[..., Any]:  # noqa: A002
    """``--format`` (passed as ``fmt``): the view's formats, from the renderer registry; the
    first is the default."""
    formats = choices(view)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(formats),
        default=formats[0],
        show_default=True,
        help=help,
    )


MAX_LOCK_TIMEOUT = 3600


class SecondsParam(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """A wait in seconds, from 0 to ``maximum``. Not click.FloatRange: NaN compares false
    with both bounds and would pass it (and then never time out, or time out at once)."""

    name = "SECONDS"

    def __init__(self, maximum: float) -> None:
        self.maximum = maximum

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        import math  # noqa: PLC0415  # only when the option is used

        fix = f"give a number of seconds from 0 to {self.maximum:g}, e.g. 30"
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number: {fix}", param, ctx)
        if not math.isfinite(seconds):
            self.fail(f"{str(value).strip()} is not a number of seconds: {fix}", param, ctx)
        if not 0 <= seconds <= self.maximum:
            self.fail(f"{str(value).strip()} is out of range: {fix}", param, ctx)
        return seconds


def write_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--dry-run and --lock-timeout, for the commands that write data files."""
    return _apply(
        [
            click.option(
                "--dry-run", is_flag=True, help="Print the change as a diff; write nothing."
            ),
            click.option(
                "--lock-timeout",
                type=SecondsParam(MAX_LOCK_TIMEOUT),
                default=30.0,
                show_default=True,
                metavar="SECONDS",
                help="How long to wait for another tracker writing the same file (0-3600).",
            ),
        ],
        func,
    )


def split_values(values: Sequence[str]) -> list[str]:
    """Accept both repeated options and comma-separated lists."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def statuses_option(option: str, values: Sequence[str]) -> list[str]:
    """Status names from a repeatable, comma-separated option; unknown names are usage errors."""
    from tracker.errors import UsageError  # noqa: PLC0415

    names = [(name, status_key(name)) for name in split_values(values)]
    unknown = [name for name, key in names if key is None]
    if unknown:
        raise UsageError(
            f"{option}: unknown status {', '.join(unknown)}; choose from {', '.join(STATUS_NAMES)}"
            " (or their zh / en labels, e.g. 逾期未报, overdue)"
        )
    return [key for _, key in names if key is not None]


def status_key(name: str) -> str | None:
    """The status a key or a zh / en label names (``on track``, ``On-Track``, ``进度正常``)."""
    from tracker.render.i18n import LABELS  # noqa: PLC0415

    wanted = "_".join(name.strip().casefold().replace("-", " ").split())
    for key in STATUS_NAMES:
        zh, en = LABELS[key]
        if wanted in (key, zh, "_".join(en.casefold().split())):
            return key
    return None


def load_dataset(obj: Context) -> Dataset:
    """Find and load the dataset; notices and data errors go to stderr."""
    from tracker.load.dataset import load  # noqa: PLC0415
    from tracker.load.discover import find_data_dir  # noqa: PLC0415

    root, bundled = find_data_dir(obj.data)
    if bundled:
        click.echo(t("notice.bundled", obj.lang), err=True)
    cache_dir = None
    if obj.cache:
        from tracker.load.cache import default_dir  # noqa: PLC0415

        cache_dir = default_dir()
    dataset = load(root, bundled=bundled, cache_dir=cache_dir, parallel=True)
    report_errors(obj, dataset)
    return dataset


def report_errors(obj: Context, dataset: Dataset, label: str = "") -> None:
    """List a dataset's errors on stderr (the first few, then a count); ``label`` prefixes
    each line (a git revision, for diff)."""
    from tracker.render.escape import safe  # noqa: PLC0415

    prefix = f"{label}: " if label else ""
    errors = dataset.errors
    for problem in errors[:MAX_LISTED_PROBLEMS]:
        goal = f" [{problem.goal_id}]" if problem.goal_id else ""
        line = f"{prefix}{problem.location()}: {problem.code}{goal} {problem.message}"
        click.echo(safe(line).replace("\n", " "), err=True)  # data text: inert on a terminal
    if errors:
        click.echo(prefix + t("notice.problems", obj.lang, n=len(errors)), err=True)


def selection(dataset: Dataset, lang: Lang, filters: Filters) -> Selection:
    """The filters as a :class:`Selection`; an unknown or ambiguous region is a usage error."""
    from tracker.core.compute import Status  # noqa: PLC0415
    from tracker.core.status import Selection  # noqa: PLC0415

    names = None
    if filters.regions:
        from tracker.core.regions import RegionIndex, RegionInfo, RegionLookupError  # noqa: PLC0415
        from tracker.errors import UsageError  # noqa: PLC0415

        index = RegionIndex(
            RegionInfo(r.name, r.parent, r.aliases) for r in dataset.regions.values()
        )
        try:
            names = index.select(split_values(filters.regions))
        except RegionLookupError as exc:
            raise UsageError(exc.message(lang)) from None
    wanted = statuses_option("--status", filters.statuses)
    return Selection(
        regions=names,
        years=frozenset(filters.years),
        categories=frozenset(c.casefold() for c in split_values(filters.categories)),
        statuses=frozenset(Status(s) for s in wanted),
    )
