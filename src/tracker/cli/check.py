"""``tracker check [PATH…]``: validate data files for CI, every problem at once."""

from __future__ import annotations

import datetime
from pathlib import Path

import click

from tracker.cli.context import Context
from tracker.cli.options import emit, format_option, global_options, output_option
from tracker.cli.params import PathParam
from tracker.core.checks import build_report
from tracker.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from tracker.load.dataset import load
from tracker.load.discover import DATA_SUFFIXES, find_data_dir
from tracker.render.check import summary
from tracker.render.i18n import t
from tracker.render.options import RenderOptions
from tracker.render.registry import CheckFormat, renderer


@click.command()
@global_options
@click.argument(
    "paths",
    nargs=-1,
    type=PathParam(exists=True, path_type=Path),
    metavar="[PATH]...",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1 on any).")
@format_option(
    CheckFormat,
    help="text for people, json for programs, github for Actions annotations, "
    "gitlab for a Code Quality report.",
)
@click.option(
    "--show-acknowledged",
    is_flag=True,
    help="Also list the findings the data acknowledges (acknowledge = [...]).",
)
@output_option
@click.pass_obj
def check(
    obj: Context, paths: tuple[Path, ...], strict: bool, fmt: str, show_acknowledged: bool
) -> None:
    """Check data files: every problem at once.

    PATH is a data file or directory (default: the data directory). Each finding has its
    file, line, goal id, a stable code (E… error, W… warning) and a message saying how to
    fix it. Exit status: 0 when there are no errors, 1 otherwise. Codes and the acknowledge
    mechanism: `tracker docs check`.
    """

    data_dir, bundled = find_data_dir(obj.data)
    if not paths:
        if bundled:
            click.echo(t("notice.bundled", obj.lang), err=True)
        paths = (data_dir,)
    for path in paths:
        if path.is_file() and path.suffix.lower() not in DATA_SUFFIXES:
            raise UsageError.of(
                "check.not_data", path=path, suffixes=", ".join(sorted(DATA_SUFFIXES))
            )
    dataset = load(None if bundled else data_dir, select=paths)
    files = dataset.files
    if not files:
        raise UsageError.of("check.no_files", paths=", ".join(map(str, paths)))
    report = build_report(dataset, files, today=datetime.date.today(), strict=strict)
    text = fmt == "text"
    options = RenderOptions(lang=obj.lang, color=obj.color and text, width=obj.width)
    render = renderer(CheckFormat(fmt))
    rendered = render(report, options, show_acknowledged=show_acknowledged)
    emit(obj, rendered, color=text)
    if fmt == "gitlab":  # the report goes to a file; the job's log gets the summary
        click.echo(summary(report, obj.lang), err=True)
    click.get_current_context().exit(EXIT_FINDINGS if report.errors else EXIT_OK)
