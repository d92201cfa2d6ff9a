"""What the commands share: option groups (global, filters, format, writing), loading the
dataset, and turning the filters into a selection. The global context is
:mod:`tracker.cli.context`'s.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

import click

from tracker.cli.context import Context, use_color
from tracker.cli.params import (
    MAX_LOCK_TIMEOUT,
    YEAR,
    DateParam,
    FractionParam,
    IntRange,
    LagBandsParam,
    PathParam,
    SecondsParam,
)
from tracker.cli.usage import Choice
from tracker.core.compute import Status, Thresholds
from tracker.core.regions import RegionIndex, RegionInfo, RegionLookupError
from tracker.core.status import Selection, SortKey, StatusReport, build_status, why_empty
from tracker.errors import EXIT_FINDINGS, EXIT_OK, DataError, UsageError, os_reason
from tracker.load.cache import default_dir
from tracker.load.dataset import load
from tracker.load.discover import find_data_dir
from tracker.model import Dataset
from tracker.render.escape import inline
from tracker.render.filters import empty_hint
from tracker.render.i18n import LABELS, LANGS, Lang, t
from tracker.render.options import EXTRA_COLUMNS
from tracker.render.registry import Format, choices

# The statuses as --status and --fail-on take them: the enum's values, in the order of their
# labels (SPEC §2.1: achieved, on track … no target).
STATUS_CHOICES = tuple(sorted((status.value for status in Status), key=list(LABELS).index))
MAX_LISTED_PROBLEMS = 20
BOM = "\ufeff"  # --bom: a UTF-8 byte-order mark, which Excel and WPS need to read UTF-8 CSV


def emit(obj: Context, text: str, *, color: bool = False) -> None:
    """Write a rendered report to stdout (click strips ANSI unless told it is wanted), or
    to the ``--output`` file (atomically; a line on stderr says so)."""
    if obj.output is None:
        _to_stdout(text, color=color and obj.color)
        return
    # only for --output: it imports hashlib and tempfile, which `tracker status` need not
    from tracker.edit.files import write_output  # noqa: PLC0415

    write_output(Path(obj.output), text)
    click.echo(t("report.written", obj.lang, path=obj.output), err=True)


def _set_output(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    del param
    obj = ctx.find_object(Context)
    if obj is not None and value is not None and value != "-":  # "-": stdout
        obj.output = value
        obj.color = False  # a file gets no escape codes


def output_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--output FILE`` (``-o``), the same on every command that prints a report: the
    report is written to FILE instead of stdout (``emit``)."""
    return click.option(
        "--output",
        "-o",
        metavar="FILE",
        type=PathParam(dir_okay=False),
        expose_value=False,
        callback=_set_output,
        help="Write the report to FILE (atomically) instead of stdout.",
    )(func)


def emit_parts(parts: Iterable[bytes]) -> None:
    """Write a report already encoded (UTF-8, no colour), part by part as it is made."""
    for part in parts:
        _to_stdout(part)


def _to_stdout(data: str | bytes, *, color: bool = False) -> None:
    """Write to stdout, or fail naming why: click writes nothing to a closed stdout (the
    report was lost, exit 0), and a full disk was an internal error. A reader that stops
    early (BrokenPipeError) ends the command quietly (cli/group.py)."""
    if sys.stdout is None:
        raise DataError.of("output.stdout_closed")
    try:
        click.echo(data, nl=False, color=color)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise DataError.of("output.stdout_failed", reason=os_reason(exc)) from None


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
            type=Choice(["auto", "always", "never"]),
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
        type=Choice(LANGS),
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
        type=Choice([*LANGS, BOTH]),
        default=None,
        help="zh, en, or both (default: --lang before the command, else $TRACKER_LANG, "
        "else the locale).",
    )
    return _apply(_global(lang), func)


_EVALUATION_KEYS = ("as_of", "on_track", "at_risk", "lag_bands", "grace")
_SELECTION_KEYS = ("regions", "years", "categories", "statuses", "hidden", "due_within")


class Filters(NamedTuple):
    """The reading commands' filters and evaluation settings, as one value.

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
    hidden: tuple[str, ...] = ()
    due_within: int | None = None

    @property
    def when(self) -> dt.date:
        """The evaluation date: --as-of, else today."""
        return self.as_of or dt.date.today()

    def thresholds(self) -> Thresholds:
        """The pace bands; --at-risk above --on-track is a usage error."""

        if self.at_risk > self.on_track:
            raise UsageError.of(
                "option.at_risk_above", at_risk=float(self.at_risk), on_track=float(self.on_track)
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
        help="Pace at or above which a goal is on track (default: 0.95).",
    ),
    click.option(
        "--at-risk",
        "at_risk",
        type=FractionParam(),
        default="0.60",
        help="Pace at or above which a goal is at risk, below it behind (default: 0.60).",
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
        type=IntRange(0, 3660),
        default=0,
        metavar="DAYS",
        help="Days after the deadline before a goal without a final figure is overdue "
        "(default: 0).",
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
                type=YEAR,
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
                help=f"Only goals with these statuses ({', '.join(STATUS_CHOICES)}); "
                "repeatable or comma-separated.",
            ),
            click.option(
                "--hide",
                "hidden",
                multiple=True,
                metavar="STATUS",
                help="Leave out goals with these statuses (keys or zh/en labels, e.g. "
                "no_target,无数据); repeatable or comma-separated.",
            ),
            click.option(
                "--due-within",
                "due_within",
                type=IntRange(0, 3660),
                default=None,
                metavar="DAYS",
                help="Only goals not yet achieved whose deadline falls within DAYS days of "
                "the evaluation date.",
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

    thresholds = filters.thresholds()
    dataset = load_dataset(obj)
    chosen = selection(dataset, obj.lang, filters)
    report = build_status(dataset, filters.when, chosen, thresholds, sort or SortKey.REGION)
    if not report.rows:
        explain_empty(obj, dataset, filters.when, chosen, thresholds)
    return Evaluated(dataset, chosen, thresholds, report)


def explain_empty(
    obj: Context, dataset: Dataset, when: dt.date, chosen: Selection, thresholds: Thresholds
) -> None:
    """Why nothing matched, on stderr: the filter that left no goal and what exists instead,
    or that no goal could be loaded at all (then ``finish`` exits 1)."""
    if not dataset.goals and dataset.errors:
        failed = len({p.file for p in dataset.errors})
        click.echo(t("empty.load_failed", obj.lang, n=failed), err=True)
        return
    click.echo(empty_hint(why_empty(dataset, when, chosen, thresholds), obj.lang), err=True)


def finish(dataset: Dataset, *, findings: bool = False) -> NoReturn:
    """Exit 1 when the data had errors or the command found something (SPEC §6), else 0."""

    failed = findings or bool(dataset.errors)
    click.get_current_context().exit(EXIT_FINDINGS if failed else EXIT_OK)


# The human-readable format has one name in every command: "text"; "table" (status, rank and
# regions' name for it, in SPEC §4) is accepted as its alias everywhere.
HUMAN_FORMATS = ("text", "table")


class FormatChoice(Choice):
    """A view's formats as ``--format`` shows them (the human one as ``text``), converted to
    the registry's value (``table`` for status)."""

    def __init__(self, view: type[Format]) -> None:
        self.values = choices(view)
        super().__init__([HUMAN_FORMATS[0] if v in HUMAN_FORMATS else v for v in self.values])

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        name = str(value).strip().casefold()
        shown = super().convert(HUMAN_FORMATS[0] if name in HUMAN_FORMATS else name, param, ctx)
        return self.values[list(self.choices).index(shown)]


def format_option(view: type[Format], help: str = "Output format.") -> Callable[..., Any]:  # noqa: A002
    """``--format`` (passed as ``fmt``): the view's formats, from the renderer registry; the
    first is the default."""
    kind = FormatChoice(view)
    return click.option(
        "--format",
        "fmt",
        type=kind,
        default=kind.choices[0],
        show_default=True,
        help=help,
    )


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
                default=None,
                metavar="SECONDS",
                help="How long to wait for another tracker writing the same file (0-3600) "
                "[default: 30, plus 6 for each MB of the file].",
            ),
        ],
        func,
    )


def split_values(values: Sequence[str]) -> list[str]:
    """Accept both repeated options and comma-separated lists."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def statuses_option(option: str, values: Sequence[str]) -> list[str]:
    """Status names from a repeatable, comma-separated option; unknown names are usage errors."""

    names = [(name, status_key(name)) for name in split_values(values)]
    unknown = [name for name, key in names if key is None]
    if unknown:
        raise UsageError.of(
            "option.unknown_status",
            option=option,
            names=", ".join(unknown),
            choices=", ".join(STATUS_CHOICES),
        )
    return [key for _, key in names if key is not None]


def columns_option(values: Sequence[str]) -> tuple[str, ...]:
    """``--columns``: extra status columns, each once, in the table's order; an unknown name
    is a usage error."""
    names = [name.casefold() for name in split_values(values)]
    unknown = [name for name in names if name not in EXTRA_COLUMNS]
    if unknown:
        raise UsageError.of(
            "option.unknown_column", names=", ".join(unknown), choices=", ".join(EXTRA_COLUMNS)
        )
    return tuple(name for name in EXTRA_COLUMNS if name in names)


def status_key(name: str) -> str | None:
    """The status a key or a zh / en label names (``on track``, ``On-Track``, ``进度正常``)."""
    wanted = "_".join(name.strip().casefold().replace("-", " ").split())
    for key in STATUS_CHOICES:
        zh, en = LABELS[key]
        if wanted in (key, zh, "_".join(en.casefold().split())):
            return key
    return None


def load_dataset(obj: Context) -> Dataset:
    """Find and load the dataset; notices and data errors go to stderr."""

    root, bundled = find_data_dir(obj.data)
    if bundled:
        click.echo(t("notice.bundled", obj.lang), err=True)
    cache_dir = None
    if obj.cache:
        cache_dir = default_dir()
    dataset = load(root, bundled=bundled, cache_dir=cache_dir, parallel=True)
    report_errors(obj, dataset)
    return dataset


def report_errors(obj: Context, dataset: Dataset, label: str = "") -> None:
    """List a dataset's errors on stderr (the first few, then a count); ``label`` prefixes
    each line (a git revision, for diff)."""

    prefix = f"{label}: " if label else ""
    errors = dataset.errors
    for problem in errors[:MAX_LISTED_PROBLEMS]:
        goal = f" [{problem.goal_id}]" if problem.goal_id else ""
        line = f"{prefix}{problem.location()}: {problem.code}{goal} {problem.text(obj.lang)}"
        click.echo(inline(line), err=True)  # data text: inert on a terminal
    if errors:
        click.echo(prefix + t("notice.problems", obj.lang, n=len(errors)), err=True)


def selection(dataset: Dataset, lang: Lang, filters: Filters) -> Selection:
    """The filters as a :class:`Selection`; an unknown or ambiguous region is a usage error."""

    names = None
    resolved: tuple[tuple[str, str], ...] = ()
    if filters.regions:
        index = RegionIndex(
            RegionInfo(r.name, r.parent, r.aliases) for r in dataset.regions.values()
        )
        queries = split_values(filters.regions)
        try:
            resolved = tuple((query, index.resolve(query)) for query in queries)
            names = index.select(queries)
        except RegionLookupError as exc:
            raise UsageError(exc.message(lang)) from None
    wanted = statuses_option("--status", filters.statuses)
    hidden = statuses_option("--hide", filters.hidden)
    return Selection(
        regions=names,
        years=frozenset(filters.years),
        categories=frozenset(c.casefold() for c in split_values(filters.categories)),
        statuses=frozenset(Status(s) for s in wanted),
        hidden=frozenset(Status(s) for s in hidden),
        due_within=filters.due_within,
        resolved=resolved,
    )
