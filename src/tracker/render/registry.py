"""One renderer per output format; each takes the computed report and returns text.

``STATUS_FORMATS`` is the one registry behind ``tracker status --format``.
"""

from __future__ import annotations

import enum
from typing import assert_never

from tracker.core.status import StatusReport
from tracker.render.options import RenderOptions


class StatusFormat(enum.Enum):
    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"


def render_status(report: StatusReport, fmt: StatusFormat, options: RenderOptions) -> str:
    """Render ``report`` in ``fmt``; imports only the renderer asked for."""
    if fmt is StatusFormat.TABLE:
        from tracker.render import terminal  # noqa: PLC0415  # rich is imported on demand

        return terminal.render_status(report, options)
    if fmt is StatusFormat.MARKDOWN:
        from tracker.render import markdown  # noqa: PLC0415

        return markdown.render_status(report, options)
    if fmt is StatusFormat.JSON:
        from tracker.render import json  # noqa: PLC0415

        return json.render_status(report, options)
    if fmt is StatusFormat.CSV:
        from tracker.render import csv  # noqa: PLC0415

        return csv.render_status(report, options)
    assert_never(fmt)
