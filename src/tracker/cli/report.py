"""``tracker report``: a summary to publish, as Markdown or a self-contained HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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
)
from tracker.core.views import build_report
from tracker.edit.files import write_output
from tracker.render.i18n import t
from tracker.render.options import RenderOptions
from tracker.render.registry import ReportFormat, renderer

if TYPE_CHECKING:
    pass


@click.command()
@global_options
@filter_options
@format_option(
    ReportFormat,
    help="Markdown for GitHub/GitLab, or one self-contained HTML page with charts.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (atomically) instead of stdout.",
)
@click.pass_obj
def report(
    obj: Context,
    filters: Filters,
    fmt: str,
    output: Path | None,
) -> None:
    """A summary to share: counts by status, a table per region, what needs attention,
    stated rates that do not add up, and the sources."""

    evaluated = evaluate_filtered(obj, filters)
    dataset = evaluated.dataset
    data = build_report(dataset, evaluated.report, evaluated.selection, evaluated.thresholds)
    options = RenderOptions(lang=obj.lang, color=False, width=obj.width)
    text = renderer(ReportFormat(fmt))(data, options)
    if output is None or str(output) == "-":
        emit(obj, text)
    else:
        write_output(output, text)
        click.echo(t("report.written", obj.lang, path=output), err=True)
    finish(dataset)
