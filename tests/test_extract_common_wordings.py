"""Wordings found in reports of every province, each sentence written for its rule: targets a
report restates when it looks back (a year's target list read after the year, a bound the
outcome kept within, a target in brackets), comparisons with other areas, years in Chinese
numerals, numbered items. Each sentence is checked as written and as one line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from one_line import rows_both_ways
from tracker.cli.group import cli
from tracker.extract.article import extract


def _roles(text: str, date: dt.date) -> list[tuple[str, ...]]:
    return [row[:3] for row in _figures(text, date)]


@pytest.mark.parametrize(
    "text",
    [
        "2020年全县经济社会发展的主要预期目标是:地区生产总值增长7.5%左右;\n"
        "城镇登记失业率控制在4%以内。\n一般公共预算收入增长6%。",
        "2020年主要预期目标为:地区生产总值增长7.5%左右;城镇登记失业率控制在4%以内;"
        "一般公共预算收入增长6%。",
    ],
)
def test_a_past_years_announced_target_list_is_still_targets(text: str) -> None:
    # Read in the year after (a review quoting it, or a page dated later): still the targets.
    for date in (dt.date(2020, 1, 20), dt.date(2021, 3, 1)):
        assert {(role, period) for role, _, period in _roles(text, date)} == {("target", "2020")}


def test_a_past_years_targets_as_the_subject_of_a_review_are_outcomes() -> None:
    text = "2020年主要预期目标完成较好,地区生产总值增长7.8%,一般公共预算收入增长6.2%。"
    assert _roles(text, dt.date(2021, 2, 1)) == [
        ("outcome", "7.8%", "2020"),
        ("outcome", "6.2%", "2020"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1-10月,城镇登记失业率3.2%,控制在4.2%以内。",
            [("outcome", "3.2%", "2021", "4.2%以内")],
        ),
        (
            "全年细颗粒物平均浓度32微克/立方米,低于35微克/立方米以下的考核要求。",
            [("outcome", "32", "2021", ""), ("target", "35以下", "2021", "")],
        ),
        (
            "全年居民消费价格上涨2.1%,保持在3%以内。",
            [("outcome", "2.1%", "2021", "3%以内")],
        ),
        (  # the bound with its own subject is the outcome a review reports
            "城镇登记失业率控制在3.5%以内。",
            [("outcome", "3.5%以内", "2021", "")],
        ),
    ],
)
def test_a_bound_restated_after_the_outcome_is_its_target(
    text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert [row[:4] for row in _figures(text, dt.date(2021, 12, 10))] == expected


def test_units_of_concentration_are_read_whole() -> None:
    text = "全年细颗粒物平均浓度降至28微克/立方米。"
    (figure,) = extract(text, date=dt.date(2021, 12, 10)).figures
    assert (figure.value, figure.unit) == ("28", "微克/立方米")


def _figures(text: str, date: dt.date) -> list[tuple[str, ...]]:
    return rows_both_ways(
        text,
        lambda f: (f.role, f.value, f.period, f.target or "", f.stated_gap or "", f.title),
        date=date,
    )


def test_a_comparison_with_another_area_is_context_not_a_figure() -> None:
    text = (
        "前三季度,全市地区生产总值增长6.8%,高于全省平均水平0.5个百分点,比年度目标低0.7个百分点;"
        "规模以上工业增加值增长8.1%,增速比全国高1.2个百分点。"
    )
    assert _figures(text, dt.date(2019, 10, 25)) == [
        ("outcome", "6.8%", "2019", "", "0.7个百分点", "地区生产总值增速"),
        ("outcome", "8.1%", "2019", "", "", "规模以上工业增加值增速"),
    ]


def test_a_target_in_brackets_after_its_outcome(tmp_path: Path) -> None:
    text = (
        "2010年,地区生产总值增长14%(预期目标12%);城镇登记失业率1.5%(控制目标4%以内);"
        "城镇调查失业率5.2%(预期目标5.5%左右)。"
    )
    assert [row[:4] for row in _figures(text, dt.date(2011, 1, 20))] == [
        ("outcome", "14%", "2010", "12%"),
        ("outcome", "1.5%", "2010", "4%以内"),
        ("outcome", "5.2%", "2010", "5.5%左右"),
    ]
    # The target's wording sets the goal's kind, so the draft passes check.
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    draft = runner.invoke(
        cli, ["extract", str(tmp_path / "a.txt"), "--region", "某市", "--date", "2011-01-20"]
    )
    assert draft.exit_code == 0, draft.output
    (tmp_path / "draft.toml").write_text(draft.stdout, encoding="utf-8")
    assert 'kind = "at_most"' in draft.stdout
    assert 'kind = "range"' in draft.stdout
    checked = runner.invoke(cli, ["check", str(tmp_path / "draft.toml")])
    assert checked.exit_code == 0, checked.output


def test_a_target_quoted_after_its_outcome_takes_its_title() -> None:
    text = "2021年,城镇调查失业率5.2%,低于5.5%左右的预期目标。"
    assert _figures(text, dt.date(2022, 1, 20)) == [
        ("outcome", "5.2%", "2021", "", "", "城镇调查失业率"),
        ("target", "5.5%左右", "2021", "", "", "城镇调查失业率"),
    ]


def test_a_year_in_chinese_numerals() -> None:
    text = "二〇二一年,全区新建5G基站1200个。二○二二年,计划新建5G基站1500个。"
    assert [row[:3] for row in _figures(text, dt.date(2022, 1, 20))] == [
        ("outcome", "1200", "2021"),
        ("target", "1500", "2022"),
    ]


@pytest.mark.parametrize("sep", ["\n", ""])
def test_item_numbers_are_not_part_of_the_title(sep: str) -> None:
    text = sep.join(
        (
            "2012年为民办实事项目:",
            "1、新建公办幼儿园50所。",
            "(2)完成农村危房改造1.2万户。",
            "三、新增城镇就业6万人。",
            "4.新增学位1.5万个。",
        )
    )
    assert [(f.role, f.title) for f in extract(text, date=dt.date(2012, 2, 1)).figures] == [
        ("target", "新建公办幼儿园"),
        ("target", "农村危房改造"),
        ("target", "新增城镇就业"),
        ("target", "新增学位"),
    ]


def test_a_numbered_item_names_its_task_before_what_was_done() -> None:
    text = (
        "2011年为民办实事全面完成。\n一、新增城镇就业50万人。\n全年新增城镇就业68.5万人,完成目标任务的137%。\n"
        "二、新建农村公路5000公里。\n全年完成5862公里,为年度任务的117.2%。\n"
        "三、新增城镇就业6万人。\n新增农村劳动力转移就业3万人,完成年度目标的105%。"
    )
    assert [row[:2] for row in _figures(text, dt.date(2012, 1, 20))] == [
        ("target", "50万"),
        ("outcome", "68.5万"),
        ("target", "5000"),
        ("outcome", "5862"),
        # the next sentence tells another thing done: the item's figure is not its task
        ("outcome", "6万"),
        ("outcome", "3万"),
    ]


def test_what_was_done_of_a_task_named_before_it() -> None:
    text = "2021年,一是新建改扩建幼儿园20所,目前已完工15所。二是改造农村公路300公里,已完成280公里。"
    assert _figures(text, dt.date(2021, 10, 20)) == [
        ("outcome", "15", "2021", "20", "", "新建改扩建幼儿园"),
        ("outcome", "280", "2021", "300", "", "改造农村公路"),
    ]


def test_target_and_actual_growth_in_one_sentence() -> None:
    text = "2011年,城镇居民人均可支配收入目标增长9%,实际增长10.2%;实际利用外资5亿美元。"
    assert _figures(text, dt.date(2012, 1, 20)) == [
        ("target", "9%", "2011", "", "", "城镇居民人均可支配收入增速"),
        ("outcome", "10.2%", "2011", "", "", "城镇居民人均可支配收入增速"),
        ("outcome", "5亿", "2011", "", "", "实际利用外资"),
    ]
    # 实际增长 right after an income is its real growth, a target in a target list
    text = "2012年主要预期目标是:地区生产总值增长10%,城镇居民人均可支配收入实际增长8%。"
    assert [row[0] for row in _figures(text, dt.date(2012, 1, 20))] == ["target", "target"]


def test_each_item_of_a_list_keeps_its_own_name() -> None:
    text = (
        "2011年,全市新增城镇就业3.1万人、失业人员再就业1.2万人、就业困难人员就业5000人,"
        "分别完成年度目标的103%、120%、125%。"
    )
    assert [(row[1], row[5]) for row in _figures(text, dt.date(2012, 1, 20))] == [
        ("3.1万", "新增城镇就业"),
        ("1.2万", "失业人员再就业"),
        ("5000", "就业困难人员就业"),
    ]


def test_titles_of_a_list_of_this_years_targets() -> None:
    text = (
        "今年的政府工作报告列出了一份民生清单。就业方面,城镇新增就业目标为1100万人以上;"
        "教育方面,将新增普惠性幼儿园学位50万个;医疗方面,居民医保人均财政补助标准再提高30元。"
    )
    assert [(row[0], row[1], row[5]) for row in _figures(text, dt.date(2022, 3, 5))] == [
        ("target", "1100万以上", "城镇新增就业"),
        ("target", "50万", "新增普惠性幼儿园学位"),
        ("target", "30", "居民医保人均财政补助标准"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "到2025年,全市新建幼儿园20所。",
        "2025年,全市新建幼儿园20所。",
        "到2025年底,全市新建幼儿园20所。",
        "2023—2025年全市新建幼儿园20所。",
    ],
)
def test_a_figure_of_a_year_still_to_come_is_a_target(text: str) -> None:
    # Dated 2023-03-01: nothing dates the figure as reached, and its year has not come.
    assert [row[0] for row in _roles(text, dt.date(2023, 3, 1))] == ["target"]


@pytest.mark.parametrize(
    "heading",
    ["2020年 市政府要为大家办这十件民生实事", "市政府2020年度十件民生实事项目正式出炉!"],
)
def test_a_shishi_list_announced_in_a_headline_with_numbers_on_lines_of_their_own(
    heading: str,
) -> None:
    text = (
        f"{heading}\n最终由市人大代表“12选10”票决而定。\n一起来看看。\n1\n\n"
        "新建二级实验室1个,全市新增负压救护车30辆。\n2\n\n"
        "提升40万农村居民饮用水标准;实施100个老旧高层住宅小区二次供水设施改造。\n3\n\n"
        "建设城乡放心农贸市场52家。"
    )
    assert [row[:3] for row in _figures(text, dt.date(2020, 4, 28))] == [
        ("target", "1", "2020"),
        ("target", "30", "2020"),
        ("target", "40万", "2020"),  # 人: the people counted after the figure
        ("target", "100", "2020"),
        ("target", "52", "2020"),
    ]


def test_the_years_task_then_what_was_actually_done() -> None:
    text = (
        "困难群众存量危房改造,全年任务为3800户,实际改造4559户;"
        "家庭农场建设,全年计划新创建示范家庭农场80个,新增农户家庭农场271个,"
        "实际分别完成95个、310个。"
    )
    assert [row[:4] for row in _figures(text, dt.date(2020, 12, 17))] == [
        ("outcome", "4559", "2020", "3800"),  # more than the task: still its outcome
        ("outcome", "95", "2020", "80"),  # 实际分别: each figure of the plan's list in turn
        ("outcome", "310", "2020", "271"),
    ]


def test_a_repeated_sentence_still_dates_the_figures_after_it() -> None:
    # The lead repeats the body's first clause; the body's 去年 still dates the body.
    text = (
        "22日上午,省人民代表大会开幕。报告显示,去年全省地区生产总值48810亿元,"
        "今年全省地区生产总值预期增长6.5%。\n"
        "初步统计,去年全省地区生产总值48810亿元,一般公共预算总收入5743亿元、增长11.3%。"
    )
    assert [row[:3] for row in _figures(text, dt.date(2022, 1, 22))] == [
        ("outcome", "48810亿", "2021"),
        ("target", "6.5%", "2022"),
        ("outcome", "5743亿", "2021"),
        ("outcome", "11.3%", "2021"),
    ]


def test_ahead_of_or_behind_the_time_schedule_and_rates_listed_after_their_figures() -> None:
    text = (
        "1-8月累计完成投资90.9亿元,完成年度投资计划的77.9%,快于时间进度11.2个百分点。"
        "三大领域项目分别完成投资额36.8亿元、66.9亿元、24.9亿元,投资完成率分别为59.3%、69.8%、69.9%。"
    )
    got = extract(text, date=dt.date(2023, 9, 20)).figures
    assert [(f.value, f.stated_rate, f.stated_gap) for f in got] == [
        ("90.9亿", "77.9%", "-11.2个百分点"),  # ahead of the schedule: beyond it
        ("36.8亿", "59.3%", None),
        ("66.9亿", "69.8%", None),
        ("24.9亿", "69.9%", None),
    ]


@pytest.mark.parametrize("sep", ["\n", ""])
def test_an_items_heading_names_its_task_and_the_line_under_it_what_was_done(sep: str) -> None:
    text = sep.join(
        (
            "2023年为民办实事项目已全部完成,具体情况如下:",
            "(一)新增养老床位250张",
            "新增378张养老床位,超额完成年度任务。",
            "(二)完成120张认知障碍照护床位改造",
            "完成甲养护院(80张)、乙养老院(48张)共计128张认知障碍照护床位改造。",
            "(三)新增400个公共(含专用)充电桩",
            "完成1581个公共(含专用)充电桩建设,超额完成年度任务。",
            "(四)新建幼儿园5所,其中公办幼儿园3所。",
        )
    )
    got = extract(text, date=dt.date(2024, 1, 19)).figures
    assert [(f.role, f.value, f.target) for f in got if f.target or f.role == "target"] == [
        ("outcome", "378", "250"),
        ("outcome", "128", "120"),
        ("outcome", "1581", "400"),
    ]


# Seventh round: wordings of 为民办实事 notices, 十件实事 progress, 重点项目 序时进度 and employment
# news from 重庆, 山西, 湖北, 福建 and 北京, each written anew for its rule.


def _rows(text: str, date: dt.date) -> list[tuple[object, ...]]:
    return rows_both_ways(
        text,
        lambda f: (f.role, f.value, f.stated_rate, f.stated_gap, f.target, f.as_of, f.measure),
        date=date,
    )


def test_a_count_of_a_grade_is_not_a_count_of_regions() -> None:
    text = "今年创建12个省级美丽乡村示范村、30个市级森林村庄,已全部完工。"
    assert [row[:2] for row in _rows(text, dt.date(2022, 12, 20))] == [
        ("outcome", "12"),
        ("outcome", "30"),
    ]


def test_an_item_that_names_tasks_before_a_dated_progress_report() -> None:
    text = (
        "2023年十件实事最新进展。\n"
        "实事一:新建农村公路200公里,改造危桥60座。\n"
        "截至6月30日,完成农村公路新建项目40个、118.6公里,完成年度里程目标的59.3%;"
        "60座危桥改造已完成45座,完成计划的75%。\n"
        "实事二:新改扩建幼儿园8所,增加学位2400个;新改扩建小学5所,增加学位4500个。\n"
        "截至6月30日,8所幼儿园已全部开工。"
    )
    assert _rows(text, dt.date(2023, 7, 25)) == [
        ("target", "200", None, None, None, None, "flow"),
        ("target", "60", None, None, None, None, "flow"),
        ("outcome", "40", None, None, None, dt.date(2023, 6, 30), "flow"),
        ("outcome", "118.6", "59.3%", None, None, dt.date(2023, 6, 30), "flow"),
        ("outcome", "45", "75%", None, "60", dt.date(2023, 6, 30), "flow"),
        ("target", "8", None, None, None, None, "flow"),
        ("target", "2400", None, None, None, None, "flow"),
        ("target", "5", None, None, None, None, "flow"),
        ("target", "4500", None, None, None, None, "flow"),
        ("outcome", "8", None, None, None, dt.date(2023, 6, 30), "flow"),
    ]
    # An item that tells what was done, or a sentence after it without a date, is no task list.
    done = "实事一:新建农村公路200公里已完成。截至6月30日,改造危桥45座。"
    assert [row[0] for row in _rows(done, dt.date(2023, 7, 25))] == ["outcome", "outcome"]
    undated = (
        "2011年为民办实事全面完成。三、新增城镇就业6万人。"
        "新增农村劳动力转移就业3万人,完成年度目标的105%。"
    )
    assert [row[0] for row in _rows(undated, dt.date(2012, 1, 20))] == ["outcome", "outcome"]


def test_work_rates_rate_the_work_they_name() -> None:
    text = (
        "截至6月30日,实施背街小巷改造40条,目前完工26条,在建12条,开工率95%,完工率65%,"
        "还有2条正在开展前期工作。"
    )
    assert _rows(text, dt.date(2023, 7, 25)) == [
        # 完工率 rates the lanes finished, with the lanes planned as their target
        ("outcome", "26", "65%", None, "40", dt.date(2023, 6, 30), "flow"),
        ("outcome", "12", None, None, None, dt.date(2023, 6, 30), "flow"),
        # 开工率 rates a count the text does not give (26 + 12): the rate itself
        ("outcome", "95%", None, None, None, dt.date(2023, 6, 30), "level"),
        ("outcome", "2", None, None, None, dt.date(2023, 6, 30), "flow"),
    ]
    text = "截至6月底,150个村级基础设施项目全部入库,已开工150个,开工率100%;已完工90个,完工率60%。"
    assert [row[:5] for row in _rows(text, dt.date(2023, 7, 25))] == [
        ("outcome", "150", "100%", None, "150"),
        ("outcome", "90", "60%", None, None),
    ]


def test_a_figure_a_later_rate_implies_is_its_task() -> None:
    text = (
        "一、新增公办学校学位3万个,改造教室照明1.5万间\n"
        "省级财政补助资金下达2.4亿元,完成年度计划的102.5%。\n"
        "(一)全省投用后新增学位3.96万个,完成年度计划的132%。\n"
        "(二)全省完成改造16200间,完成年度计划的108%。"
    )
    assert [row[:3] for row in _rows(text, dt.date(2024, 1, 20))] == [
        ("target", "3万", None),
        ("target", "1.5万", None),
        ("outcome", "2.4亿", "102.5%"),
        ("outcome", "3.96万", "132%"),
        ("outcome", "16200", "108%"),
    ]
    # ... not a figure told done, the scope of the rate after it
    text = "全市1250个行政村设立卫生委员会,实现了全覆盖。1248个村新建村卫生室,完成率99.8%。"
    assert [row[:2] for row in _rows(text, dt.date(2024, 1, 20))] == [
        ("outcome", "1250"),
        ("outcome", "1248"),
    ]


def test_done_right_after_a_planned_figure() -> None:
    text = "全省规划建设校舍面积52.3万平方米全部开工,全省新增35家场馆均已落实开放要求。"
    assert [row[:2] for row in _rows(text, dt.date(2024, 1, 20))] == [
        ("outcome", "52.3万"),
        ("outcome", "35"),
    ]


def test_a_share_of_the_years_plan_and_a_gap_against_the_pace() -> None:
    text = (
        "1-6月,我县12项省重点项目总投资150.2亿元,2024年度计划投资30.5亿元,1-6月份累计完成投资"
        "16.2亿元,完成年度计划投资比例53.11%,超序时进度3.11个百分点。"
    )
    rows = _rows(text, dt.date(2024, 7, 19))
    assert rows[-1] == (
        "outcome",
        "16.2亿",
        "53.11%",
        "-3.11个百分点",
        "30.5亿",
        dt.date(2024, 6, 30),
        "flow",
    )
    text = "1-12月份完成投资31.4亿元,投资完成率125.6%。"
    assert _rows(text, dt.date(2022, 1, 21))[0][2:3] == ("125.6%",)


def test_a_comparison_year_and_the_whole_year_date_nothing() -> None:
    text = (
        "截至3月底,全市城镇新增就业15.2万人,同比增长40.1%,且高于2019年同期水平。"
        "接下来,我市将精准施策,确保全年城镇新增就业60万人以上,城镇调查失业率控制在5.5%左右。"
    )
    rows = _figures(text, dt.date(2021, 4, 26))
    assert [(row[0], row[1], row[2]) for row in rows] == [
        ("outcome", "15.2万", "2021"),
        ("outcome", "40.1%", "2021"),
        ("target", "60万以上", "2021"),
        ("target", "5.5%左右", "2021"),
    ]


def test_a_figure_without_words_of_its_own_takes_the_nearest_name() -> None:
    text = "二、新建农村公路5000公里。\n全年完成5862公里,为年度任务的117.2%。"
    assert [row[5] for row in _figures(text, dt.date(2012, 1, 20))] == ["新建农村公路"] * 2
    text = "农村公路建设方面,全年完成5862公里,为年度任务的117.2%。"
    assert _figures(text, dt.date(2012, 1, 20))[0][5] == "农村公路建设"
    text = "省级财政补助资金下达5.2亿元,完成年度计划的101.5%。"
    assert _figures(text, dt.date(2012, 1, 20))[0][5] == "省级财政补助资金下达"


def test_a_second_rate_or_gap_goes_into_the_note_the_higher_levels_kept() -> None:
    # SPEC §1.4 gives an outcome one stated rate and one stated gap: the province's (the higher
    # level's) is kept, whichever comes first; the other goes into the note, the quote holds both.
    for text in (
        "2021年,全市城镇新增就业4.2万人,完成市下达目标任务的120%,省下达目标任务的115%;"
        "城镇登记失业率为3.1%,低于市控线0.9个百分点,低于省控线1.4个百分点。",
        "2021年,全市城镇新增就业4.2万人,完成省下达目标任务的115%,市下达目标任务的120%;"
        "城镇登记失业率为3.1%,低于省控线1.4个百分点,低于市控线0.9个百分点。",
    ):
        jobs, rate = extract(text, date=dt.date(2022, 1, 20)).figures
        assert (jobs.stated_rate, rate.stated_gap, rate.kind) == ("115%", "-1.4个百分点", "at_most")
        assert jobs.note is not None
        assert "120%" in jobs.note
        assert "120%" in jobs.quote
        assert rate.note is not None
        assert "0.9个百分点" in rate.note


def test_a_year_opening_a_clause_without_its_character() -> None:
    text = (
        "报告提出,2026年主要预期目标是:地区生产总值增长5%左右,城镇调查失业率控制在5%以内。"
        "市长表示,2025北京全市地区生产总值5.2万亿元,增长5.4%,城镇调查失业率4.1%。"
    )
    assert [row[:3] for row in _figures(text, dt.date(2026, 1, 26))] == [
        ("target", "5%左右", "2026"),
        ("target", "5%以内", "2026"),
        ("outcome", "5.2万亿", "2025"),
        ("outcome", "5.4%", "2025"),
        ("outcome", "4.1%", "2025"),
    ]


def test_a_band_held_is_a_range_and_a_concentration_a_level() -> None:
    text = "2026年主要预期目标是:细颗粒物年均浓度控制在29微克/立方米左右。"
    (pm,) = extract(text, date=dt.date(2026, 1, 26)).figures
    assert (pm.role, pm.kind, pm.measure) == ("target", "range", "level")


def test_a_reforms_name_is_not_a_figure() -> None:
    text = "在全省率先实现“34证合一”,推行“多规合一”,游客数量突破3000万人次。"
    assert [row[:2] for row in _figures(text, dt.date(2018, 1, 5))] == [("outcome", "3000万")]


@pytest.mark.parametrize(
    "text",
    [
        "2018年,城镇登记失业率3.2%,低于4.5%的控制目标。",
        "截止6月底,城镇登记失业率为2.95%,低于4%的控制指标。",
        "全年居民消费价格上涨2.1%,低于3%的调控目标。",
    ],
)
def test_a_ceiling_quoted_after_its_outcome(text: str) -> None:
    # The quoted target is a ceiling (kind at_most), and so is the goal of the outcome before it.
    outcome, target = extract(text, date=dt.date(2018, 12, 20)).figures
    assert (outcome.role, outcome.kind) == ("outcome", "at_most")
    assert (target.role, target.kind) == ("target", "at_most")


def test_a_summary_told_again_in_full_by_its_sections() -> None:
    # The summary's rate and gap clauses repeat word for word in the section, after the
    # section's own figure: they rate that figure; the summary's figure is read once, in full.
    text = (
        "[本期综述]\n1-6月,我县5项省重点项目累计完成投资8.6亿元,完成年度计划投资比例55.13%,"
        "超序时进度5.13个百分点。\n§省重点项目§\n我县5项省重点项目总投资120.4亿元,2024年度计划投资"
        "15.6亿元,1-6月份累计完成投资8.6亿元,完成年度计划投资比例55.13%,超序时进度5.13个百分点。"
    )
    rows = [row for row in _rows(text, dt.date(2024, 7, 19)) if row[1] == "8.6亿"]
    assert rows == [
        ("outcome", "8.6亿", "55.13%", "-5.13个百分点", "15.6亿", dt.date(2024, 6, 30), "flow")
    ]
    # A paragraph repeated whole is still read once.
    twice = "全国城镇新增就业1200万人,完成全年目标的109%。" * 2
    assert len(extract(twice, date=dt.date(2019, 1, 20)).figures) == 1


def test_a_gap_in_points_of_a_sum_stays_in_the_note_of_the_draft(tmp_path: Path) -> None:
    # JSON keeps the gap on the figure; the draft cannot (SPEC §1.4: a gap is in the goal's unit,
    # points only for a % goal), so it writes it into the outcome's note and checks clean.
    text = "1-6月,全县重点项目累计完成投资12.8亿元,完成年度计划投资比例53%,超序时进度3个百分点。"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    draft = runner.invoke(
        cli, ["extract", str(tmp_path / "a.txt"), "--region", "某县", "--date", "2024-07-19"]
    )
    assert draft.exit_code == 0, draft.output
    assert "stated_gap" not in draft.stdout
    assert "stated gap -3个百分点" in draft.stdout
    (tmp_path / "draft.toml").write_text(draft.stdout, encoding="utf-8")
    checked = runner.invoke(cli, ["check", str(tmp_path / "draft.toml")])
    assert checked.exit_code == 0, checked.output


def test_titles_after_a_dash_or_a_section_sign() -> None:
    text = (
        "今年一季度,就业形势保持稳定势头——城镇新增就业16.26万人。"
        "§省重点项目§我县8项省重点项目总投资198亿元。"
    )
    assert [row[5] for row in _figures(text, dt.date(2021, 4, 26))] == [
        "城镇新增就业",
        "省重点项目总投资",  # 8项: the count of projects, named with them
        "省重点项目总投资",
    ]


def test_the_whole_years_figure_said_to_exceed_its_task_is_the_outcome() -> None:
    text = (
        "截至2018年12月25日,已完成60个乡镇创建工作。\n"
        "学前教育扩容提质工程。全年新(改)扩建幼儿园48所,超额完成40所的年度目标任务;"
        "增加入学名额1.25万个,超额完成1万个的年度目标任务。"
    )
    assert [row[:2] for row in _figures(text, dt.date(2018, 12, 27))] == [
        ("outcome", "60"),
        ("outcome", "48"),
        ("target", "40"),
        ("outcome", "1.25万"),
        ("target", "1万"),
    ]


def test_percentage_points_as_spoken_in_a_gap() -> None:
    text = "全年居民消费价格上涨5.9%,高出预期目标1.9个点,但12月份涨幅回落至1.5%。"
    got = extract(text, date=dt.date(2009, 1, 20)).figures
    assert [(f.value, f.stated_gap) for f in got][:1] == [("5.9%", "-1.9个百分点")]


def test_a_standard_per_period_is_read_with_its_period() -> None:
    text = "1至7月农村低保标准为3600元/年,人均救助水平211.25元/月;新增生活垃圾转运能力3350吨/天。"
    got = extract(text, date=dt.date(2019, 8, 5)).figures
    assert [(f.value, f.unit) for f in got] == [
        ("3600", "元/年"),
        ("211.25", "元/月"),
        ("3350", "吨/天"),
    ]
