"""``tracker report``: a summary to publish, as Markdown or a self-contained HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.cli.options import (
    Context,
    Filters,
    emit,
    evaluate_filtered,
    filter_options,
    finish,
    format_option,
    global_options,
)
from tracker.render.i18n import t

if TYPE_CHECKING:
    from tracker.core.views import ReportData
    from tracker.render.options import RenderOptions


def _render(data: ReportData, fmt: str, options: RenderOptions) -> str:
    """The one renderer asked for (each imported on demand)."""
    if fmt == "html":
        from tracker.render import report_html  # noqa: PLC0415

        return report_html.render_report(data, options)
    from tracker.render import report_markdown  # noqa: PLC0415

    return report_markdown.render_report(data, options)


@click.command()
@global_options
@filter_options
@format_option(
    "markdown",
    "html",
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
    from tracker.core.views import build_report  # noqa: PLC0415
    from tracker.render.options import RenderOptions  # noqa: PLC0415

    evaluated = evaluate_filtered(obj, filters)
    dataset = evaluated.dataset
    data = build_report(dataset, evaluated.report, evaluated.selection, evaluated.thresholds)
    options = RenderOptions(lang=obj.lang, color=False, width=obj.width)
    text = _render(data, fmt, options)
    if output is None or str(output) == "-":
        emit(obj, text)
    else:
        from tracker.edit.files import write_output  # noqa: PLC0415

        write_output(output, text)
        click.echo(t("report.written", obj.lang, path=output), err=True)
    finish(dataset)
