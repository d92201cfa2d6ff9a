"""Plans told without a target word at each figure: a sentence that names its tasks, one that
opens on the year's expectation, an undated plan report that calls its year 今年 — each checked
as written and as one line."""

from __future__ import annotations

import datetime as dt

from one_line import rows_both_ways


def _roles(text: str, **kwargs: object) -> list[tuple[str, str]]:
    return rows_both_ways(text, lambda f: (f.role, f.value), **kwargs)


def test_a_sentence_naming_its_tasks_plans_every_figure_in_it() -> None:
    text = (
        "今年以来,全市民生工程扎实推进。实施棚户区改造工程,任务目标是棚改开工8264套,"
        "棚改安置房建成6985套。截至目前,全市棚改项目开工率100%。"
    )
    assert _roles(text, date=dt.date(2022, 9, 21)) == [
        ("target", "8264"),
        ("target", "6985"),
        ("outcome", "100%"),
    ]


def test_what_was_done_after_the_tasks_is_still_done() -> None:
    text = "全年目标任务是新增城镇就业1万人,已完成1.2万人。"
    assert _roles(text, date=dt.date(2022, 12, 20)) == [("target", "1万"), ("outcome", "1.2万")]


def test_a_sentence_opening_on_the_years_expectation_plans_its_later_clauses() -> None:
    text = (
        "2019年,珠海市地区生产总值预期增长7.5%,将着力促进经济平衡增长,"
        "安排年度重点项目208个,投资576亿元。"
    )
    assert _roles(text, date=dt.date(2019, 1, 20)) == [
        ("target", "7.5%"),
        ("target", "208"),
        ("target", "576亿"),
    ]


def test_an_undated_plan_report_that_says_this_year_is_not_a_review_of_it() -> None:
    # No date shown; the text calls 2021 "今年": its figures of 2021 are plans, not looked back on.
    text = (
        "过去的一年,是极不平凡的一年。\n今年主要预期目标\n"
        "2021年地区生产总值目标确定为增长8.5%以上。\n一、创新驱动\n"
        "全年新增各类研发平台40家以上,全年实施重大科技专项50项。\n"
    )
    roles = _roles(text)
    assert ("target", "40以上") in roles
    assert ("target", "50") in roles


def test_an_undated_review_that_writes_its_year_out_still_looks_back() -> None:
    text = "2020年,全市新增城镇就业5.2万人,新建幼儿园12所。"
    assert _roles(text) == [("outcome", "5.2万"), ("outcome", "12")]


def test_a_report_that_looks_back_on_its_year_estimates_it() -> None:
    # Undated; "回顾了2017年工作" names the year looked back on: its 预计 figures are estimates of
    # the outcome, the next year's are plans.
    text = (
        "报告首先回顾了2017年工作。2017年,全市经济社会发展稳中向好。预计全年地区生产总值"
        "2.15万亿元,比上年增长7%以上。2018年,全市地区生产总值预期增长7.5%。"
    )
    roles = _roles(text)
    assert roles[:2] == [("outcome", "2.15万亿"), ("outcome", "7%以上")]
    assert roles[-1] == ("target", "7.5%")


def test_an_items_task_before_a_progress_report_that_names_who_leads_it_first() -> None:
    text = (
        "(一)提前完成任务的民生实事\n"
        "1.实施7285名残疾儿童预防重点干预和残疾儿童抢救性康复项目。市残联牵头实施,分3个子项目,"
        "截至9月底:已为6125名疑似残疾人提供筛查服务。\n"
    )
    roles = _roles(text, date=dt.date(2019, 10, 28))
    assert roles[0] == ("target", "7285")
    assert roles[-1] == ("outcome", "6125")


def test_an_undated_report_looking_back_on_last_year_plans_this_years_written_out_year() -> None:
    # "回顾2018年" makes 2019 今年: "2019年,…安排年度重点项目208个" is a plan, not a review of 2019.
    text = (
        "回顾2018年,全市地区生产总值增长8%。2019年,全市将着力促进经济平衡增长,"
        "谋划推进一批重大投资项目,安排年度重点项目208个。"
    )
    roles = _roles(text)
    assert roles == [("outcome", "8%"), ("target", "208")]
