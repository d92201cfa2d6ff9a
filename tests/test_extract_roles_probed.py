"""Roles and attachment on fresh pages of the kinds the unseen third holds (employment
notices, 督查 通报, 民生实事 reviews): rates named after a year's target count, gaps against a
schedule or a plan's investment, quoted names of tasks. Each sentence written for its rule and
read as written and as one line."""

from __future__ import annotations

import datetime as dt

from one_line import rows_both_ways
from tracker.extract.article import Figure

_DATE = dt.date(2021, 7, 5)


def _rows(text: str, **kwargs: object) -> list[tuple[str, ...]]:
    def row(f: Figure) -> tuple[str, ...]:
        return (f.role, f.value, f.stated_rate or "", f.stated_gap or "", f.target or "")

    return rows_both_ways(text, row, **kwargs)  # type: ignore[return-value]


def test_a_rate_of_the_years_target_count_is_the_figures_rate() -> None:
    text = (
        "截至6月底,全县新增城镇就业3120人,完成全年目标数62.4%;\n"
        "农村劳动力转移就业1.1万人,实现全年目标数的57%;"
        "就业困难人员再就业460人,完成全年目标77%;\n"
        "新型农村养老保险参保12.3万人,实现年度目标任务数104.2%。"
    )
    assert _rows(text, date=_DATE) == [
        ("outcome", "3120", "62.4%", "", ""),
        ("outcome", "1.1万", "57%", "", ""),
        ("outcome", "460", "77%", "", ""),
        ("outcome", "12.3万", "104.2%", "", ""),
    ]


def test_a_gap_owed_to_the_target_or_to_a_plans_investment_is_the_figures_gap() -> None:
    text = (
        "1-9月,全县重点项目完成投资41.2亿元,占年度投资计划的68%,\n欠目标进度7个百分点。"
        "全年城建项目完成投资9.6亿元,比计划投资高12.5个百分点;\n"
        "水利项目完成投资2.1亿元,比年度计划投资低4个百分点。"
    )
    assert _rows(text, date=_DATE) == [
        ("outcome", "41.2亿", "68%", "7个百分点", ""),
        ("outcome", "9.6亿", "", "-12.5个百分点", ""),
        ("outcome", "2.1亿", "", "4个百分点", ""),
    ]


def test_a_gap_against_the_schedule_skips_the_growth_told_after_the_share() -> None:
    text = (
        "1-9月,一般公共预算收入完成4.2亿元,为年度预算数的61.8%,\n同比下降3.5%,"
        "低于序时进度13.2个百分点;非税收入完成1.1亿元,为预算数的90.2%,增长6.4%,"
        "高于序时进度15.2个百分点。工程完成进度为82.5%,同比提高4.1%,超序时进度7.5个百分点。"
        "规上工业增加值增长5.2%,低于序时进度1.3个百分点。"
    )
    assert _rows(text, date=_DATE) == [
        ("outcome", "4.2亿", "61.8%", "13.2个百分点", ""),
        ("outcome", "-3.5%", "", "", ""),
        ("outcome", "1.1亿", "90.2%", "-15.2个百分点", ""),
        ("outcome", "6.4%", "", "", ""),
        ("outcome", "82.5%", "", "-7.5个百分点", ""),
        ("outcome", "4.1%", "", "", ""),
        ("outcome", "5.2%", "", "1.3个百分点", ""),
    ]


def test_figures_in_a_run_of_quoted_task_names_are_the_tasks_targets() -> None:
    text = (
        "截止目前,“新增更新公交车50辆”“新增停车泊位84个”“新建幼儿园1所,\n新增学位360个”"
        "等8小项已完成,其余小项顺利推进。"
    )
    rows = _rows(text, date=_DATE)
    assert [r[:2] for r in rows if r[1] in ("50", "84", "1", "360")] == [
        ("target", "50"),
        ("target", "84"),
        ("target", "1"),
        ("target", "360"),
    ]


def test_the_years_task_told_after_what_was_done_is_its_target() -> None:
    text = (
        "截至6月底,全县完成农村危房改造620户,年度任务1000户,完成率62%;\n"
        "新增城镇就业2300人,年度目标任务为4000人,完成57.5%。"
        "2020年,全县改造农村户厕1300户,年度任务为1000户,\n超额完成300户。"
    )
    assert _rows(text, date=_DATE) == [
        ("outcome", "620", "62%", "", "1000"),
        ("outcome", "2300", "57.5%", "", "4000"),
        ("outcome", "1300", "", "-300", "1000"),
    ]


def test_a_bare_share_after_task_and_done_is_the_rate_when_the_ratio_holds() -> None:
    text = "年度任务5000人,已完成4200人,占84%。年度任务60所,已建成45所,为75%。"
    assert _rows(text, date=_DATE) == [
        ("outcome", "4200", "84%", "", "5000"),
        ("outcome", "45", "75%", "", "60"),
    ]


def test_what_was_ensured_or_done_as_planned_is_done() -> None:
    text = (
        "一年来,确保了3.2万名困难群众按时足额领取低保金。\n"
        "按计划完成了新建学校5所,按照年度计划建成村级公路80公里。"
    )
    assert [r[:2] for r in _rows(text, date=_DATE)] == [
        ("outcome", "3.2万"),
        ("outcome", "5"),
        ("outcome", "80"),
    ]
