"""An article's opening tells whether it hands out a plan or reports work done: a figure whose own
wording settles nothing takes its role from that (sentences written for the tests, in the shape
of 民生实事 notices). Each text is read as written and as one line."""

from __future__ import annotations

import datetime as dt

import pytest

from one_line import rows_both_ways
from tracker.extract.stance import article_stance
from tracker.extract.text import normalised_view

_NOTICE = (
    "某市人民政府关于印发2020年市级民生实事项目的通知\n"
    "各县(市、区)人民政府,市政府各部门:\n"
    "经市政府研究,确定2020年市级民生实事项目5件,现印发给你们,请认真组织实施。\n"
    "一、新建改扩建公办幼儿园12所,新增学位3600个。\n"
    "二、改造农村公路300公里。\n"
    "三、新建城市社区养老服务中心20个。\n"
)


def _roles(text: str, **kwargs: object) -> list[tuple[str, str]]:
    return rows_both_ways(text, lambda f: (f.role, f.value), **kwargs)  # type: ignore[return-value]


@pytest.mark.parametrize("date", [None, dt.date(2020, 4, 20), dt.date(2020, 8, 3)])
def test_a_notice_handing_out_the_years_projects_lists_targets(date: dt.date | None) -> None:
    # Undated, dated in spring or late in the year: the items are the year's tasks.
    assert _roles(_NOTICE, date=date)[1:] == [
        ("target", "12"),
        ("target", "3600"),
        ("target", "300"),
        ("target", "20"),
    ]


def test_the_same_items_in_a_report_of_their_progress_are_outcomes() -> None:
    text = _NOTICE.replace("关于印发2020年市级民生实事项目的通知", "2020年1-9月民生实事进展情况")
    text = text.replace("现印发给你们,请认真组织实施", "截至9月底,各项目进展顺利")
    assert [role for role, _ in _roles(text)[1:]] == ["outcome"] * 4


@pytest.mark.parametrize(
    ("opening", "stance"),
    [
        ("关于印发2021年为民办实事项目的通知。", "plan"),
        ("人大代表票决确定2021年10项民生实事项目。", "plan"),
        ("2020年杭州市政府要为大家办这十件民生实事。", "plan"),
        ("关于2023年为民办实事项目实施情况的通报。", "report"),
        ("2024年1-9月歙县50项民生实事实施进展情况。", "report"),
        ("29项为民办实事项目,如期完成!近日省委发布通报。", "report"),
        # a work report, or a plan's execution report, holds a review and a plan alike
        ("2019年政府工作报告。各位代表:现在,我代表市人民政府向大会报告工作。", None),
        ("新乡市人民政府关于印发新乡市2024年国民经济和社会发展计划的通知。", None),
        ("2月14日,山东省十三届人大二次会议在济南开幕。", None),
    ],
)
def test_the_opening_tells_a_plan_from_a_report(opening: str, stance: str | None) -> None:
    assert article_stance(normalised_view(opening).norm) == stance


def test_a_report_of_work_done_does_not_read_a_bare_figure_as_planned() -> None:
    # The paragraph's plan words ("加快推进") are the work's, not a plan of the report's.
    text = "民生实事项目完成情况\n加快推进城乡环境整治。新建公厕30座。\n"
    assert _roles(text, date=dt.date(2023, 12, 20)) == [("outcome", "30")]


def test_a_programme_launched_for_the_year_is_a_plan() -> None:
    launched = "本报讯 日前,区委、区政府全面启动2019年惠民工程。据了解,共涉及20项。"
    assert article_stance(launched) == "plan"
    assert article_stance("2019年惠民工程启动以来,已完成投资5亿元。") == "report"
    assert article_stance("全区惠民工程自启动实施以来进展顺利。") == "report"
