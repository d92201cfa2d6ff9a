"""The one renderer registry: every view's formats, and the one lookup from a format to the
function that renders it.

Each view (status, show, report, notice, rank, regions, check, diff, extract) has a format enum; its
members, in order, are the view's ``--format`` choices (the first is the default, see
``tracker.cli.options.format_option``). :func:`renderer` maps each member to its function —
exhaustively, checked by ``assert_never`` — and imports the renderer's module on first use,
so a command pays only for the format it prints (rich, for instance, is imported only by the
table and text renderers). Within a view, every renderer takes the same arguments.
``tests/test_renderers.py`` renders every format of every view.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable
from typing import assert_never


class StatusFormat(enum.Enum):
    """``tracker status``: ``(StatusReport, RenderOptions)``."""

    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"


class ShowFormat(enum.Enum):
    """``tracker show``: ``(GoalDetail, RenderOptions)``."""

    TEXT = "text"
    JSON = "json"


class ReportFormat(enum.Enum):
    """``tracker report``: ``(ReportData, RenderOptions)``."""

    MARKDOWN = "markdown"
    HTML = "html"


class NoticeFormat(enum.Enum):
    """``tracker report --style notice``: ``(NoticeData, RenderOptions)``; the same choices
    as :class:`ReportFormat`, which feeds ``report``'s one ``--format`` option."""

    MARKDOWN = "markdown"
    HTML = "html"


class RankFormat(enum.Enum):
    """``tracker rank``: ``(Ranking, RenderOptions)``."""

    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"


class RegionsFormat(enum.Enum):
    """``tracker regions``: ``(rows, as_of, RenderOptions)``."""

    TABLE = "table"
    JSON = "json"


class CheckFormat(enum.Enum):
    """``tracker check``: ``(CheckReport, RenderOptions, *, show_acknowledged)``."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    GITLAB = "gitlab"


class DiffFormat(enum.Enum):
    """``tracker diff``: ``(DataDiff, Revisions, RenderOptions)``."""

    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"


class ExtractFormat(enum.Enum):
    """``tracker extract``: ``(Extraction, DraftOptions)``."""

    TOML = "toml"
    JSON = "json"


Format = (
    StatusFormat
    | ShowFormat
    | ReportFormat
    | NoticeFormat
    | RankFormat
    | RegionsFormat
    | CheckFormat
    | DiffFormat
    | ExtractFormat
)
VIEWS: tuple[type[Format], ...] = (
    StatusFormat,
    ShowFormat,
    ReportFormat,
    NoticeFormat,
    RankFormat,
    RegionsFormat,
    CheckFormat,
    DiffFormat,
    ExtractFormat,
)


def choices(view: type[Format]) -> list[str]:
    """The view's ``--format`` choices, the default first."""
    return [member.value for member in view]


def renderer(fmt: Format) -> Callable[..., str]:
    """The function that renders ``fmt`` (its module imported now, if it was not yet)."""
    module, _, function = _where(fmt).partition(":")
    found: Callable[..., str] = getattr(importlib.import_module(module), function)
    return found


def _where(fmt: Format) -> str:
    """``module:function`` of the renderer of ``fmt``."""
    match fmt:
        case StatusFormat.TABLE:
            return "tracker.render.terminal:render_status"
        case StatusFormat.MARKDOWN:
            return "tracker.render.markdown:render_status"
        case StatusFormat.JSON:
            return "tracker.render.json:render_status"
        case StatusFormat.CSV:
            return "tracker.render.csv:render_status"
        case ShowFormat.TEXT:
            return "tracker.render.show:render_text"
        case ShowFormat.JSON:
            return "tracker.render.show:render_json"
        case ReportFormat.MARKDOWN:
            return "tracker.render.report_markdown:render_report"
        case ReportFormat.HTML:
            return "tracker.render.report_html:render_report"
        case NoticeFormat.MARKDOWN:
            return "tracker.render.notice_markdown:render_notice"
        case NoticeFormat.HTML:
            return "tracker.render.notice_html:render_notice"
        case RankFormat.TABLE:
            return "tracker.render.rank_table:render_rank"
        case RankFormat.MARKDOWN:
            return "tracker.render.rank_markdown:render_rank"
        case RankFormat.JSON:
            return "tracker.render.rank_json:render_rank"
        case RankFormat.CSV:
            return "tracker.render.rank_csv:render_rank"
        case RegionsFormat.TABLE:
            return "tracker.render.regions:render_text"
        case RegionsFormat.JSON:
            return "tracker.render.regions:render_json"
        case CheckFormat.TEXT:
            return "tracker.render.check:render_text"
        case CheckFormat.JSON:
            return "tracker.render.check:render_json"
        case CheckFormat.GITHUB:
            return "tracker.render.check:render_github"
        case CheckFormat.GITLAB:
            return "tracker.render.check:render_gitlab"
        case DiffFormat.TEXT:
            return "tracker.render.diff:render_text"
        case DiffFormat.MARKDOWN:
            return "tracker.render.diff:render_markdown"
        case DiffFormat.JSON:
            return "tracker.render.diff:render_json"
        case ExtractFormat.TOML:
            return "tracker.render.extract_toml:render_extract_toml"
        case ExtractFormat.JSON:
            return "tracker.render.extract_toml:render_extract_json"
        case _:
            assert_never(fmt)
