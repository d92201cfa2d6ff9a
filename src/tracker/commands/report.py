"""``tracker report``: a summary to publish, as Markdown or a self-contained HTML page."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.commands.common import (
    Context,
    Filters,
    emit,
    evaluate_filtered,
    filter_options,
    finish,
    global_options,
)
from tracker.errors import UsageError
from tracker.i18n import t

if TYPE_CHECKING:
    from tracker.render import RenderOptions
    from tracker.summary import ReportData


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same directory and
    ``os.replace``, so a reader never sees half a report and a failure leaves no trace."""
    directory = path.parent if str(path.parent) else Path()
    if not directory.is_dir():
        raise UsageError(f"--output: directory {directory} does not exist")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UsageError(f"--output: cannot write in {directory}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        Path(temp).chmod(0o644)
        Path(temp).replace(path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            Path(temp).unlink()
        if isinstance(exc, OSError):
            raise UsageError(f"--output: cannot write {path}: {exc.strerror}") from None
        raise


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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html"]),
    default="markdown",
    show_default=True,
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
    from tracker.render import RenderOptions  # noqa: PLC0415
    from tracker.summary import build_report  # noqa: PLC0415

    evaluated = evaluate_filtered(obj, filters)
    dataset = evaluated.dataset
    data = build_report(dataset, evaluated.report, evaluated.selection, evaluated.thresholds)
    options = RenderOptions(lang=obj.lang, color=False, width=obj.width)
    text = _render(data, fmt, options)
    if output is None:
        emit(obj, text)
    else:
        write_atomically(output, text)
        click.echo(t("report.written", obj.lang, path=output), err=True)
    finish(dataset)
