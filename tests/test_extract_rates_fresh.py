"""Rates, gaps and benchmarks of the twelfth round's fresh pages: a rate shared past a count of
those served, a list of rates over figures interleaved with counts of projects, shares with no
figure before them, targets restated with two words naming them, the schedule's share. Each
sentence written for its rule and read as written and as one line."""

from __future__ import annotations

import datetime as dt

from one_line import rows_both_ways
from tracker.extract.article import Figure

_DATE = dt.date(2023, 12, 28)


def _rows(text: str, **kwargs: object) -> list[tuple[str, ...]]:
    def row(f: Figure) -> tuple[str, ...]:
        return (f.role, f.value, f.stated_rate or "", f.stated_gap or "", f.target or "", f.kind)

    return rows_both_ways(text, row, **kwargs)  # type: ignore[return-value]


def test_a_rate_after_those_the_work_serves_rates_the_work() -> None:
    text = (
        "2023年,全县新建村级污水处理站36座,\n受益农户8600户,完成年度任务的112.5%。"
        "硬化通村道路85公里,\n覆盖群众2.4万人,完成年度计划的106%。"
    )
    assert _rows(text, date=_DATE) == [
        ("outcome", "36", "112.5%", "", "", "at_least"),
        ("outcome", "8600", "", "", "", "at_least"),
        ("outcome", "85", "106%", "", "", "at_least"),
        ("outcome", "2.4万", "", "", "", "at_least"),
    ]


def test_a_figure_listed_before_the_one_a_rate_follows_is_done_too() -> None:
    text = "2023年,全市新建公办幼儿园学位3600个、\n托育托位900个,完成年度目标的118%。"
    assert [r[:3] for r in _rows(text, date=_DATE)] == [
        ("outcome", "3600", ""),
        ("outcome", "900", "118%"),
    ]


def test_a_rate_list_skips_the_counts_of_projects_between_its_figures() -> None:
    text = (
        "1—9月,全市35个交通项目完成投资41.6亿元,\n28个水利项目完成投资12.3亿元,"
        "分别占年度计划的76.2%、81.5%。"
    )
    assert [r[:3] for r in _rows(text, date=_DATE)] == [
        ("outcome", "35", ""),
        ("outcome", "41.6亿", "76.2%"),
        ("outcome", "28", ""),
        ("outcome", "12.3亿", "81.5%"),
    ]


def test_shares_listed_with_no_figure_before_them_are_outcomes() -> None:
    text = "上半年,全省两个重点工程进展较快,\n分别占年度计划的64%和58%。"
    assert [r[:2] for r in _rows(text, date=_DATE)] == [("outcome", "64%"), ("outcome", "58%")]


def test_a_target_named_with_two_words_is_a_target_and_the_gap_is_the_outcomes() -> None:
    text = (
        "前三季度,全市地区生产总值增长5.4%,\n低于6.5%的全年预期目标1.1个百分点。"
        "城镇调查失业率4.9%,低于5.5%的年度控制目标。"
        "社会消费品零售总额增长6.1%,\n比7%的年度目标低0.9个百分点。"
    )
    assert _rows(text, date=_DATE) == [
        ("outcome", "5.4%", "", "1.1个百分点", "", "at_least"),
        ("target", "6.5%", "", "", "", "at_least"),
        ("outcome", "4.9%", "", "", "", "at_most"),
        ("target", "5.5%", "", "", "", "at_most"),
        ("outcome", "6.1%", "", "0.9个百分点", "", "at_least"),
        ("target", "7%", "", "", "", "at_least"),
    ]


def test_the_schedules_share_is_a_benchmark_not_a_figure() -> None:
    text = (
        "截至10月底,全县农村劳动力转移就业2.6万人,完成年度目标任务的91%,\n高于83%的序时进度。"
        "全县重点项目完成投资33.2亿元,完成年度计划的77%,低于序时进度(83%)6个百分点。"
        "民生实事完成投资5.1亿元,完成年度计划的85%,达到时序进度。"
    )
    figures = rows_both_ways(text, lambda f: (f.role, f.value, f.stated_rate, f.note), date=_DATE)
    assert figures == [
        ("outcome", "2.6万", "91%", "against the schedule: 高于83%的序时进度"),
        ("outcome", "33.2亿", "77%", "against the schedule: 低于序时进度(83%)6个百分点"),
        ("outcome", "5.1亿", "85%", None),
    ]
