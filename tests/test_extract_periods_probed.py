"""Periods and dates of figures in fresh pages of in-year progress and of reviews (a month after
今年 / 去年, a cut-off date with its year written, a plan named by its vision's year, a repost's
stamp and its news dateline, a date only at the page's foot, "全年" in a page of January, a
five-year plan "以来", the past five years told late in a year, a month a task was done in),
each sentence written for its rule and read as written and as one line."""

from __future__ import annotations

import datetime as dt

from one_line import rows_both_ways
from tracker.extract.article import Figure, read_article_date


def _rows(text: str, **kwargs: object) -> list[tuple[str, ...]]:
    def row(f: Figure) -> tuple[str, ...]:
        return (f.role, f.value, f.period, f.as_of.isoformat() if f.as_of else "")

    return rows_both_ways(text, row, **kwargs)


def test_a_month_after_this_year_or_last_year_dates_the_figures_after_it() -> None:
    text = (
        "今年9月,全县城镇新增就业1200人。\n"
        "今年3月份,全市新建公园4个,新增学位800个。\n"
        "去年12月,全区新开工项目15个。\n"
    )
    assert _rows(text, date=dt.date(2023, 11, 20)) == [
        ("outcome", "1200", "2023", "2023-09-30"),
        ("outcome", "4", "2023", "2023-03-31"),
        ("outcome", "800", "2023", "2023-03-31"),
        ("outcome", "15", "2022", "2022-12-31"),
    ]


def test_a_cut_off_date_with_its_year_sets_the_year_of_its_figures() -> None:
    # an earlier year of the paragraph does not widen the period ("2020-2021")
    text = (
        "2020年扩招157.44万人。截至2021年12月底,全国建成5G基站142.5万个。\n"
        "2022年,全区新建公园8个。截至今年7月,全区新建公园12个,新增学位600个。\n"
    )
    assert _rows(text, date=dt.date(2023, 8, 26)) == [
        ("outcome", "157.44万", "2020", "2020-12-31"),
        ("outcome", "142.5万", "2021", "2021-12-31"),
        ("outcome", "8", "2022", "2022-12-31"),
        ("outcome", "12", "2023", "2023-07-31"),
        ("outcome", "600", "2023", "2023-07-31"),
    ]


def test_the_year_of_a_plan_named_as_a_vision_is_not_a_time() -> None:
    # "2035年远景目标纲要" names a plan: the figures after it are not of 2035, nor targets
    text = (
        "发布日期:2023-12-26\n"
        "国家发展改革委作“十四五”规划和2035年远景目标纲要实施中期评估报告。"
        "2023年,全国新增城镇就业1244万人。\n"
    )
    assert [r[1:3] for r in _rows(text)] == [("1244万", "2023")]
    assert _rows("“十四五”规划和2035年远景目标纲要实施以来,新建公园120个。", year=2023)[0][2] == (
        "2023"
    )


def test_a_news_dateline_later_in_the_year_than_the_page_stamp_dates_the_news() -> None:
    # a page reposted on 2024-11-16 of a dispatch "12月26日电": that day of the year before
    text = (
        "发布时间:2024-11-16 05:50:03 来源:某网\n"
        "新华社北京12月26日电 题:某项规划实施进展\n"
        "目前,全国新建公园120个。\n"
    )
    assert read_article_date(text) == dt.date(2023, 12, 26)
    assert _rows(text) == [("outcome", "120", "2023", "2023-12-26")]
    # a dateline not after the stamp leaves the stamp
    assert read_article_date("发布时间:2021-11-18 09:00\n新华社北京11月16日电 …") == dt.date(
        2021, 11, 18
    )


def test_a_page_dated_only_at_its_foot_gives_its_year_to_its_months() -> None:
    text = (
        "本报北京11月16日电 1—10月份,全国城镇新增就业1133万人,提前完成全年目标任务。\n"
        "前三季度,国内生产总值同比增长9.8%。\n"
        "《 某某日报 》( 2021年11月17日 04 版)\n"
    )
    assert _rows(text) == [
        ("outcome", "1133万", "2021", "2021-10-31"),
        ("outcome", "9.8%", "2021", "2021-09-30"),
    ]


def test_the_whole_year_in_a_page_of_january_is_the_year_just_ended() -> None:
    text = (
        "全年全县城镇新增就业1.2万人,完成年度目标的120%。\n"
        "预计全年地区生产总值增长6.5%,完成年度目标。\n"
    )
    rows = _rows(text, date=dt.date(2023, 1, 10))
    assert [r[:1] + r[2:] for r in rows] == [
        ("outcome", "2022", "2022-12-31"),
        ("outcome", "2022", "2022-12-31"),
    ]
    # a plan for the whole year stays this year's
    plan = "确保全年全县城镇新增就业1.2万人。全年目标:新建公园5个。全年主要预期目标:新建学校3所。"
    assert {r[2] for r in _rows(plan, date=dt.date(2023, 1, 10))} == {"2023"}


def test_a_five_year_plan_since_its_start_is_a_running_total_while_it_runs() -> None:
    text = "“十四五”以来,全市累计新增就业5.3万人。十四五以来,全市新建公园40个。"
    assert _rows(text, date=dt.date(2022, 5, 8)) == [
        ("outcome", "5.3万", "2021-2022", "2022-05-08"),
        ("outcome", "40", "2021-2022", "2022-05-08"),
    ]
    # the plan's period told after it ended stays the plan's five years
    assert _rows("“十三五”以来,全市累计新增就业25万人。", date=dt.date(2021, 3, 1))[0][2] == (
        "2016-2020"
    )


def test_the_past_five_years_told_late_in_a_year_end_with_that_year() -> None:
    text = "过去五年,全县引进世界500强企业4家。"
    assert _rows(text, date=dt.date(2016, 12, 13)) == [("outcome", "4", "2012-2016", "2016-12-13")]
    assert _rows(text, date=dt.date(2017, 1, 13)) == [("outcome", "4", "2012-2016", "2016-12-31")]


def test_a_month_a_task_was_done_in_dates_no_figures_after_it() -> None:
    # "5月份完成全年任务" tells when one task was done; the figures after it keep 截至6月底
    text = (
        "截至6月底,全市新建公园12个。“婚姻登记跨区通办”5月份完成全年任务。\n"
        "老旧小区改造项目实际完成22.12公里。书吧项目3月开工,实际完成活动11场。\n"
    )
    assert [r[2:] for r in _rows(text, date=dt.date(2021, 7, 15))] == [
        ("2021", "2021-06-30"),
        ("2021", "2021-06-30"),
        ("2021", "2021-06-30"),
    ]
    # a month with its own figure still dates it
    assert _rows("10月份完成投资5亿元。", date=dt.date(2021, 12, 15))[0][3] == "2021-10-31"
