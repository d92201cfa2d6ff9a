"""Wordings of the twelfth round's fresh articles (新疆, 内蒙古, 青海, 黑龙江, 辽宁, 湖南, 河南,
安徽, 江西, 贵州, 四川, 陕西, 河北, 浙江, 广西), each sentence written for its rule and read as
written and as one line."""

from __future__ import annotations

import datetime as dt

from one_line import rows_both_ways
from tracker.extract.article import Figure, extract, read_article_date


def _rows(text: str, **kwargs: object) -> list[tuple[str, ...]]:
    def row(f: Figure) -> tuple[str, ...]:
        rate = f.stated_rate or ""
        return (f.role, f.value, rate, f.as_of.isoformat() if f.as_of else "")

    return rows_both_ways(text, row, **kwargs)  # type: ignore[return-value]


def test_the_years_shishi_announced_in_quotes_head_a_plan_list() -> None:
    # "扎实办好“十件民生实事”。": the quotation mark before the stop does not hide the heading.
    text = (
        "1月31日上午,某州人民代表大会会议开幕。州长代表州人民政府向大会作政府工作报告。\n"
        "报告明确,今年将继续统筹财力,扎实办好“十件民生实事”。\n"
        "(一)\n促进群众就业增收,开展职业技能培训2.5万人次。\n"
        "(二)\n完善生活配套设施,同步建成充电桩450个,建成城镇口袋公园50个。\n"
    )
    assert [r[:2] for r in _rows(text, year=2024)] == [
        ("target", "2.5万"),
        ("target", "450"),
        ("target", "50"),
    ]


def test_a_size_after_a_count_and_a_team_size_are_not_figures() -> None:
    text = (
        "2024年,完成超230个50户以上木质房屋连片村寨消防管网建设,建成社区健身路径或3人制篮球场20个。"
    )
    assert [r[1] for r in _rows(text, date=dt.date(2024, 12, 30))] == ["超230", "20"]


def test_a_full_year_estimate_after_part_of_the_year_is_an_outcome() -> None:
    # Undated: only the 1—10月 figure before "全年预计" tells that the year is nearly over.
    text = "——年计划固定资产投资增长9%以上,1—10月完成170.6亿元,全年预计同比增长8.0%。"
    assert [r[:2] for r in _rows(text, year=2023)] == [
        ("target", "9%以上"),
        ("outcome", "170.6亿"),
        ("outcome", "8.0%"),
    ]


def test_a_stamp_written_day_first_dates_the_article() -> None:
    assert read_article_date("新疆:前三季度就业近230万人次\n\n03.11.2015  12:20\n\n正文") == (
        dt.date(2015, 11, 3)
    )


def test_now_told_after_an_earlier_month_ends_that_months_reach() -> None:
    text = (
        "某市民生实事办理情况\n29.12.2014  19:45\n"
        "2014年,市财政1至11月用于民生领域的支出达245.31亿元。截至目前,我市100件实事已全部落实。\n"
        "一是完成创建充分就业社区43个;二是完成各类职业培训11.6万人次。\n"
    )
    assert [r[3] for r in _rows(text)] == ["2014-11-30", "2014-12-29", "2014-12-29", "2014-12-29"]


def test_a_rate_of_money_does_not_rate_a_count_of_projects() -> None:
    text = "截至9月底,续建项目443个,续建项目年度投资完成率99.6%;完成投资1200亿元,投资完成率95%。"
    rows = _rows(text, date=dt.date(2022, 10, 21))
    assert [r[:3] for r in rows] == [
        ("outcome", "443", ""),
        ("outcome", "99.6%", ""),
        ("outcome", "1200亿", "95%"),
    ]


def test_measure_words_in_latin_letters_are_read() -> None:
    (figure,) = extract("2023年建成农村生态河道60km。").figures
    assert (figure.value, figure.unit) == ("60", "km")


def test_a_row_of_a_table_copied_with_bars_is_named_by_its_name_cell() -> None:
    text = (
        "2022年民生实事项目完成情况表\n"
        "序号 | 项目名称 | 年度目标任务 | 完成情况 | 完成率 | 责任单位 | 责任人\n"
        "1 | 新建城市社区养老服务中心 | 20个 | 22个 | 110% | 市民政局 | 王小明\n"
        "2 | 城镇新增就业 | 3万人 | 3.25万人 | 108.3% | 市人社局 | 李红\n"
        "3 | 促进重点群体稳定就业 | 城镇新增就业2450人 | 县人社局 | 2712 | 110.69% | |\n"
    )
    figures = extract(text).figures
    assert [(f.value, f.title) for f in figures] == [
        ("22", "新建城市社区养老服务中心"),
        ("3.25万", "城镇新增就业"),
        ("2712", "城镇新增就业"),
    ]
    assert [f.title for f in extract(text.replace("\n", "")).figures] == [f.title for f in figures]


def test_a_figure_named_only_by_a_time_takes_its_items_name() -> None:
    text = (
        "关于民生实事项目上半年推进情况的通报\n"
        "1.城镇新增就业。年度目标2.5万人,上半年完成1.48万人,完成年度目标的59.2%。\n"
        "2.新建公办幼儿园。年度目标8所,已开工6所。\n"
    )
    assert [f.title for f in extract(text, year=2024).figures] == ["城镇新增就业", "新建公办幼儿园"]


def test_an_item_whose_task_is_told_done_in_other_words_is_the_task() -> None:
    # The item counts 名, the report 人; the item's name stands after its figure.
    text = (
        "我市2023年十件民生实事全部完成\n"
        "四、为6万名适龄妇女免费开展“两癌”筛查。全年完成筛查6.3万人。\n"
    )
    assert [r[:2] for r in _rows(text, year=2023)] == [("target", "6万"), ("outcome", "6.3万")]


def test_the_next_five_years_are_the_reports_year_and_four_after() -> None:
    text = (
        "政府工作报告\n——2021年1月20日在市第十五届人民代表大会第五次会议上\n"
        "今后五年的主要目标是:地区生产总值年均增长6%左右。\n"
    )
    (figure,) = extract(text).figures
    assert (figure.role, figure.period) == ("target", "2021-2025")


def test_growth_against_last_year_and_news_datelines_name_nothing() -> None:
    text = (
        "新华社北京2022年12月30日电 今年全国新增托位20万个。\n"
        "2022年,全市地区生产总值567.9亿元,比上年增长6.8%。全省固定资产投资比上年同期增长13.8%。\n"
    )
    assert [f.title for f in extract(text).figures] == [
        "新增托位",
        "地区生产总值",
        "地区生产总值增速",
        "固定资产投资增速",
    ]


def test_a_pages_room_postcode_and_visit_counter_are_not_figures() -> None:
    text = (
        "1-9月,全县城镇新增就业3200人。\n联系地址:市政中心517室,联系人:张三\n"
        "邮编:636000\n网站标识码:5119000001\n累计访问量56789次\n"
    )
    assert [r[1] for r in _rows(text, date=dt.date(2023, 10, 25))] == ["3200"]


def test_a_row_number_before_a_rows_name_is_not_a_figure() -> None:
    text = "发布时间:2023-10-20\n序号\n指标名称\n1\n城镇新增就业\n2\n新建农村公路\n"
    assert _rows(text) == []


def test_two_tasks_of_an_item_parted_by_a_list_mark_are_two_targets() -> None:
    text = (
        "某市2023年十件民生实事\n"
        "一、新建300个村级服务社、新建改造20个社区服务站。\n二、新建3所幼儿园、扩建5所小学。\n"
    )
    figures = extract(text, date=dt.date(2023, 1, 20)).figures
    assert [(f.role, f.value, f.title) for f in figures] == [
        ("target", "300", "新建村级服务社"),
        ("target", "20", "新建改造社区服务站"),
        ("target", "3", "新建幼儿园"),
        ("target", "5", "扩建小学"),
    ]


def test_task_and_done_written_with_colons() -> None:
    text = (
        "城镇新增就业。年度目标:5万人;1-9月完成:4.2万人。\n"
        "失业人员再就业。任务数:1万人,完成数:0.8万人,完成率:80%。\n"
    )
    rows = _rows(text, date=dt.date(2023, 10, 25))
    assert [r[:3] for r in rows] == [
        ("target", "5万", ""),
        ("outcome", "4.2万", ""),
        ("outcome", "0.8万", "80%"),
    ]


def test_a_heading_line_is_not_part_of_the_next_lines_title() -> None:
    text = "一、就业工作\n全县城镇新增就业3200人,完成年度目标的80%。\n"
    (figure,) = extract(text, year=2023).figures
    assert figure.title == "全县城镇新增就业"
    # wrapped prose (a long line before the break) keeps its words; one line keeps the heading
    wrapped = "2023年,全县上下认真落实就业优先政策,多措并举稳岗位,城镇新增\n就业3200人。\n"
    assert extract(wrapped).figures[0].title.endswith("城镇新增就业")
    (flat,) = extract(text.replace("\n", ""), year=2023).figures
    assert (flat.role, flat.value, flat.stated_rate) == ("outcome", "3200", "80%")


def test_a_month_range_with_zhi_is_cut_from_a_title_like_one_with_a_dash() -> None:
    assert [f.title for f in extract("1至7月全省工业投资增长10.8%。", year=2018).figures] == [
        "工业投资增速"
    ]
