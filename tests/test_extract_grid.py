"""Tables whose cells are parted by bars or tabs, read by the columns their header names
(`extract/grid.py`), each checked as written and as one line."""

from __future__ import annotations

import datetime as dt

from one_line import rows_both_ways
from tracker.extract.article import extract

DATE = dt.date(2023, 10, 10)


def _rows(text: str) -> list[tuple[str, ...]]:
    return rows_both_ways(
        text,
        lambda f: (f.role, f.value, f.unit, f.target or "", f.stated_rate or "", f.title),
        date=DATE,
    )


def test_a_tab_table_with_units_in_its_cells_ties_task_and_done() -> None:
    # Pasted from a spreadsheet: tabs between cells, no rate column, no bar at the rows' ends.
    text = (
        "2023年1-9月民生实事项目进展情况表\n"
        "序号\t项目名称\t年度任务\t完成情况\t责任单位\n"
        "1\t新建改扩建幼儿园\t12所\t9所\t县教育局\n"
        "2\t改造农村公路\t300公里\t245.6公里\t县交通局\n"
        "3\t城镇新增就业\t2.8万人\t2.5万人\t县人社局\n"
    )
    assert _rows(text) == [
        ("outcome", "9", "所", "12", "", "新建改扩建幼儿园"),
        ("outcome", "245.6", "公里", "300", "", "改造农村公路"),
        ("outcome", "2.5万", "人", "2.8万", "", "城镇新增就业"),
    ]


def test_bare_numbers_take_the_unit_column() -> None:
    # The task and what was done as bare numbers, the unit in a column of its own; the last
    # row's last cell has no tab after it.
    text = (
        "2023年1-9月民生实事项目进展情况表\n"
        "序号\t项目名称\t单位\t年度任务\t完成数\n"
        "1\t新建改扩建幼儿园\t所\t12\t9\n"
        "2\t改造农村公路\t公里\t300\t245.6\n"
        "3\t城镇新增就业\t万人\t2.8\t2.5\n"
    )
    assert _rows(text) == [
        ("outcome", "9", "所", "12", "", "新建改扩建幼儿园"),
        ("outcome", "245.6", "公里", "300", "", "改造农村公路"),
        ("outcome", "2.5万", "人", "2.8万", "", "城镇新增就业"),
    ]


def test_the_header_names_the_unit_and_the_rate_column_gives_the_rate() -> None:
    text = (
        "附件:2023年1-9月民生实事项目进展情况表\n"
        "序号\t项目名称\t年度任务(万人)\t完成数(万人)\t完成率\t责任单位\n"
        "1\t城镇新增就业\t2.8\t2.5\t89.3%\t县人社局\n"
        "2\t农村劳动力转移就业\t5\t4.6\t92%\t县人社局\n"
        "下一步,各单位要加快进度。\n"
    )
    figures = extract(text, region="某县", date=DATE).figures
    assert [(f.role, f.parsed, f.unit, f.target, f.stated_rate) for f in figures] == [
        ("outcome", 25000, "人", "2.8万", "89.3%"),
        ("outcome", 46000, "人", "5万", "92%"),
    ]


def test_a_bar_table_without_bars_at_the_rows_ends() -> None:
    text = (
        "| 序号 | 项目名称 | 年度任务 | 完成情况 | 责任单位\n"
        "| 1 | 新建改扩建幼儿园 | 12所 | 9所 | 县教育局\n"
        "| 2 | 改造农村公路 | 300公里 | 245.6公里 | 县交通局\n"
    )
    assert _rows(text) == [
        ("outcome", "9", "所", "12", "", "新建改扩建幼儿园"),
        ("outcome", "245.6", "公里", "300", "", "改造农村公路"),
    ]


def test_a_cell_ending_in_the_next_rows_number_is_not_cut_when_the_number_follows() -> None:
    # Bars at the rows' ends: "12" is what was done, and row 2's number stands in its own cell.
    text = (
        "| 序号 | 项目名称 | 年度任务 | 完成情况 |\n"
        "| 1 | 新建公办幼儿园 | 15所 | 12 |\n"
        "| 2 | 改造农村公路 | 300公里 | 245.6公里 |\n"
    )
    rows = _rows(text)
    assert ("outcome", "12", "所", "15", "", "新建公办幼儿园") in rows


def test_a_task_cell_with_two_figures_marks_them_but_ties_none() -> None:
    text = (
        "序号\t项目内容\t完成情况\t责任单位\n1\t新建公办园5所,新增学位1000个\t已完成4所\t县教育局\n"
    )
    rows = _rows(text)  # titles: the row's cell, not the next cell ("已完成4所", "县教育局")
    assert [r[:4] for r in rows] == [
        ("target", "5", "所", ""),
        ("target", "1000", "个", ""),
        ("outcome", "4", "所", ""),
    ]
    assert [r[5] for r in rows][:2] == ["新建公办园", "新增学位"]


def test_a_rows_figures_are_quoted_with_their_row_not_the_whole_table() -> None:
    text = (
        "序号\t项目名称\t年度任务\t完成情况\t责任单位\n"
        "1\t新建改扩建幼儿园\t12所\t9所\t县教育局\n"
        "2\t城镇新增就业\t2.8万人\t2.5万人\t县人社局\n"
    )
    figures = extract(text, region="某县", date=DATE).figures
    assert [f.quote for f in figures] == [
        "1\t新建改扩建幼儿园\t12所\t9所\t县教育局",
        "2\t城镇新增就业\t2.8万人\t2.5万人",
    ]
    assert [f.category for f in figures] == ["教育", "就业"]  # not 就业 from the other row


def test_cells_of_words_shaped_like_a_header_do_not_end_the_table() -> None:
    # "| 完成任务 | 市卫健局 | 仇永亲 |" has a header's shape but names no column of tasks.
    text = (
        "序号 | 项目内容 | 年度完成情况 | 完成成效 | 责任单位 | 责任人 |\n"
        "1 | 新增乡镇托育机构2个 | 完成新增托育机构2个。 | 完成任务 | 市卫健局 | 张三 |\n"
        "2 | 新改扩建公办幼儿园3所 | 建成投用幼儿园3所。 | 完成任务 | 市教育局 | 李四 |\n"
    )
    rows = [r[:4] for r in _rows(text)]
    assert rows == [("outcome", "2", "个", "2"), ("outcome", "3", "所", "3")]


def test_a_months_range_is_not_a_last_cell() -> None:
    # The copy's last cell is long prose opening with "1-12月": no figure "1" is made of it.
    text = (
        "序号 | 内容与要求 | 完成情况 | 责任单位 |\n"
        "1 | 战略性新兴产业增加值占规上工业比提升达44%以上。 | " + "1-12月,全市比重为44%。" * 30
    )
    rows = [r[:2] for r in _rows(text)]
    assert rows[:2] == [("target", "44%以上"), ("outcome", "44%")]
    assert ("outcome", "1") not in rows
