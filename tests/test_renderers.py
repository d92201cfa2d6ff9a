"""Every format of every view, through the one renderer registry: each renders, in both
languages, to text (and the machine formats to valid JSON)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import msgspec
import pytest

from tracker.core.changes import diff_datasets
from tracker.core.checks import build_report as check_report
from tracker.core.compute import Thresholds
from tracker.core.indicators import find_indicator
from tracker.core.notice import build_notice, notice_thresholds
from tracker.core.rank import build_ranking
from tracker.core.status import Selection, build_status
from tracker.core.views import build_report, goal_detail, region_tree
from tracker.extract.article import extract
from tracker.load.dataset import load
from tracker.load.discover import bundled_data
from tracker.render.diff import Revisions
from tracker.render.extract_toml import DraftOptions
from tracker.render.options import RenderOptions
from tracker.render.registry import (
    VIEWS,
    CheckFormat,
    DiffFormat,
    ExtractFormat,
    Format,
    NoticeFormat,
    RankFormat,
    RegionsFormat,
    ReportFormat,
    ShowFormat,
    StatusFormat,
    choices,
    renderer,
)

AS_OF = date(2025, 6, 30)
ARTICLE = "2023年,全市城镇新增就业5.31万人,完成省定任务的104.19%。2024年要确保新增就业5万人以上。"
JSON_FORMATS = {"json", "gitlab"}


@pytest.fixture(scope="module")
def arguments() -> dict[type[Format], tuple[tuple[Any, ...], dict[str, Any]]]:
    """Each view's positional arguments before the options, and its keyword arguments."""
    dataset = load(bundled_data())
    status = build_status(dataset, AS_OF)
    changed = msgspec.structs.replace(dataset.goals[0], title="改过的标题")
    newer = load(bundled_data())
    newer.goals = [changed, *newer.goals[1:]]
    revisions = Revisions("HEAD~1", "0" * 40, None, None, "targets")
    selected = load(bundled_data(), select=[bundled_data()])
    notice = build_status(dataset, AS_OF, thresholds=notice_thresholds(Thresholds()))
    indicator = find_indicator(dataset.goals, "urban-new-jobs")
    assert indicator is not None
    ids = {g.id for g in indicator.goals}
    ranked = [e for e in status.rows if e.goal.id in ids]
    return {
        StatusFormat: ((status,), {}),
        ShowFormat: ((goal_detail(dataset, dataset.goals[0], AS_OF, Thresholds()),), {}),
        ReportFormat: ((build_report(dataset, status, Selection(), Thresholds()),), {}),
        NoticeFormat: (
            (build_notice(dataset, notice, Selection(), notice_thresholds(Thresholds())),),
            {},
        ),
        RankFormat: ((build_ranking(dataset, indicator, ranked, AS_OF),), {}),
        RegionsFormat: ((region_tree(dataset, status.rows), AS_OF), {}),
        CheckFormat: ((check_report(selected, selected.files),), {"show_acknowledged": True}),
        DiffFormat: ((diff_datasets(dataset, newer, AS_OF), revisions), {}),
        ExtractFormat: ((extract(ARTICLE, region="运城市"),), {}),
    }


def test_every_view_is_registered(
    arguments: dict[type[Format], tuple[tuple[Any, ...], dict[str, Any]]],
) -> None:
    assert set(arguments) == set(VIEWS)


@pytest.mark.parametrize("fmt", [fmt for view in VIEWS for fmt in view], ids=str)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_format_renders(
    fmt: Format,
    lang: str,
    arguments: dict[type[Format], tuple[tuple[Any, ...], dict[str, Any]]],
) -> None:
    args, kwargs = arguments[type(fmt)]
    if isinstance(fmt, ExtractFormat):
        options: object = DraftOptions(source_id="draft-2024", id_prefix="draft")
    else:
        options = RenderOptions(lang=lang, width=100)  # type: ignore[arg-type]
    out = renderer(fmt)(*args, options, **kwargs)
    assert isinstance(out, str)
    assert out.strip()
    if fmt.value in JSON_FORMATS:
        json.loads(out)


def test_choices_follow_the_enums() -> None:
    assert choices(StatusFormat) == ["table", "markdown", "json", "csv"]
    assert choices(CheckFormat) == ["text", "json", "github", "gitlab"]
    assert choices(DiffFormat) == ["text", "markdown", "json"]
    assert choices(RankFormat) == ["table", "markdown", "json", "csv"]
    assert choices(NoticeFormat) == choices(ReportFormat)  # report's one --format feeds both
