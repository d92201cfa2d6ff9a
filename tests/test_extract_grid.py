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


def test_a_markdown_table_with_its_rule_line() -> None:
    text = (
        "| 序号 | 项目名称 | 年度任务 | 完成情况 | 责任单位 |\n"
        "|:---:|:---|---:|---|---|\n"
        "| 1 | 新建改扩建幼儿园 | 12所 | 9所 | 县教育局 |\n"
        "| 2 | 改造农村公路 | 300公里 | 245.6公里 | 县交通局 |\n"
    )
    assert _rows(text) == [
        ("outcome", "9", "所", "12", "", "新建改扩建幼儿园"),
        ("outcome", "245.6", "公里", "300", "", "改造农村公路"),
    ]


def test_a_table_with_no_number_column_is_read_only_when_bars_close_its_rows() -> None:
    # Bars at both ends: "|| " parts every row from the next.
    bars = (
        "| 项目名称 | 年度任务 | 完成情况 | 责任单位 |\n"
        "| 新建改扩建幼儿园 | 12所 | 9所 | 县教育局 |\n"
        "| 改造农村公路 | 300公里 | 245.6公里 | 县交通局 |\n"
    )
    assert [r[:4] for r in _rows(bars)] == [
        ("outcome", "9", "所", "12"),
        ("outcome", "245.6", "公里", "300"),
    ]
    # Tabs and no 序号: read as one line, a row's last cell runs into the next row's first
    # ("县教育局改造农村公路"), and the header into row 1's: no cell's column is known.
    tabs = (
        "项目名称\t年度任务\t完成情况\t责任单位\n"
        "新建改扩建幼儿园\t12所\t9所\t县教育局\n"
        "改造农村公路\t300公里\t245.6公里\t县交通局\n"
    )
    got = rows_both_ways(tabs, lambda f: (f.role, f.value, f.target), date=DATE)
    assert ("target", "9", None) not in got  # not the task column by a shifted count
    assert all(target is None for _, _, target in got)


def test_section_rows_and_sub_rows_are_no_rows_of_the_table() -> None:
    text = (
        "| 序号 | 项目名称 | 年度任务 | 完成情况 | 责任单位 |\n"
        "| 一、教育类 | | | | |\n"
        "| 1 | 新建改扩建幼儿园 | 12所 | 9所 | 县教育局 |\n"
        "| 二、交通类 | | | | |\n"
        "| 2 | 改造农村公路 | 300公里 | 245.6公里 | 县交通局 |\n"
        "| 户用沼气 | 30口 | 20口 | 县农业农村局 | |\n"
        "| 3 | 新增学位 | 3000个 | 2400个 | 县教育局 |\n"
    )
    rows = _rows(text)
    assert rows[:2] == [
        ("outcome", "9", "所", "12", "", "新建改扩建幼儿园"),
        ("outcome", "245.6", "公里", "300", "", "改造农村公路"),
    ]
    assert ("target", "20", "口", "", "", "户用沼气") not in rows  # the sub-row is not counted
    assert rows[-1] == ("outcome", "2400", "个", "3000", "", "新增学位")


def test_a_tab_table_whose_last_cells_are_empty() -> None:
    # A spreadsheet's empty 备注 column: the copy drops the tabs at a line's end, so row 1 has
    # four cells and its last ran into row 2's number ("9所2").
    text = (
        "序号\t项目名称\t年度任务\t完成情况\t备注\n"
        "1\t新建改扩建幼儿园\t12所\t9所\t\n"
        "2\t改造农村公路\t300公里\t245.6公里\t\n"
        "3\t新增学位\t3000个\t2400个\t\n"
        "4\t新增公交线路\t4条\t2条\t已开通\n"
    )
    assert [r[:4] for r in _rows(text)] == [
        ("outcome", "9", "所", "12"),
        ("outcome", "245.6", "公里", "300"),
        ("outcome", "2400", "个", "3000"),
        ("outcome", "2", "条", "4"),
    ]


def test_a_done_cell_ending_in_the_next_number_is_not_cut_when_a_later_cell_is() -> None:
    # "已完成2" is row 1's done cell; row 2's number ran into "县住建局2".
    text = (
        "序号\t项目名称\t年度任务\t完成情况\t责任单位\n"
        "1\t建设口袋公园\t3个\t已完成2个\t县住建局\n"
        "2\t改造农村公路\t300公里\t245.6公里\t县交通局\n"
    )
    assert [r[:4] for r in _rows(text)] == [
        ("outcome", "2", "个", "3"),
        ("outcome", "245.6", "公里", "300"),
    ]


def test_months_done_columns_money_in_the_header_and_a_bare_rate() -> None:
    text = (
        "序号\t项目名称\t年度计划投资(万元)\t1-9月完成(万元)\t完成率(%)\n"
        "1\t县人民医院新院区建设\t50000\t38000\t76\n"
        "2\t城区供水管网改造\t8000\t8400\t105\n"
    )
    assert _rows(text) == [
        ("outcome", "38000万", "元", "50000万", "76%", "县人民医院新院区建设"),
        ("outcome", "8400万", "元", "8000万", "105%", "城区供水管网改造"),
    ]


def test_a_ceiling_in_the_task_column_and_a_rate_cell_run_into_the_next_number() -> None:
    text = (
        "序号\t指标名称\t年度目标\t1-9月完成\t完成率\n"
        "1\t城镇登记失业率\t控制在4.5%以内\t3.8%\t\n"
        "2\t城镇新增就业\t2.8万人\t2.5万人\t89.3%\n"
        "3\t新建改扩建幼儿园\t12所\t9所\t75%\n"
    )
    assert _rows(text) == [
        ("outcome", "3.8%", "%", "4.5%以内", "", "城镇登记失业率"),
        ("outcome", "2.5万", "人", "2.8万", "89.3%", "城镇新增就业"),
        ("outcome", "9", "所", "12", "75%", "新建改扩建幼儿园"),
    ]


def test_a_long_table_is_read_in_time_linear_in_its_length() -> None:
    rows = "".join(
        f"{i}\t新建幼儿园\t{i % 50 + 1}所\t{i % 40}所\t县教育局\n" for i in range(1, 501)
    )
    text = "序号\t项目名称\t年度任务\t完成情况\t责任单位\n" + rows
    got = extract(text, date=DATE).figures
    assert len(got) == 500
    assert (got[-1].value, got[-1].target) == ("20", "1")  # row 500: 20所 of 1所


def test_items_numbered_again_under_each_section() -> None:
    # Row 2's last cell ran into the section's name and its first item's number
    # ("县教育局二、交通类1"); a sub-row's "1" is no new section's first item.
    text = (
        "序号\t项目名称\t年度任务\t完成情况\t责任单位\n"
        "一、教育类\n"
        "1\t新建改扩建幼儿园\t12所\t9所\t县教育局\n"
        "2\t新增学位\t3000个\t2400个\t县教育局\n"
        "二、交通类\n"
        "1\t改造农村公路\t300公里\t245.6公里\t县交通局\n"
        "2\t新增公交线路\t4条\t2条\t县交通局\n"
    )
    assert [r[:4] for r in _rows(text)] == [
        ("outcome", "9", "所", "12"),
        ("outcome", "2400", "个", "3000"),
        ("outcome", "245.6", "公里", "300"),
        ("outcome", "2", "条", "4"),
    ]
    bars = (
        "| 序号 | 项目名称 | 年度任务 | 完成情况 | 责任单位 |\n"
        "| 1 | 农村改厕 | 1200户 | 864户 | 县农业农村局 |\n"
        "| 户用沼气 | 1 | 30口 | 20口 | |\n"
        "| 2 | 新增公交线路 | 4条 | 2条 | 县交通局 |\n"
    )
    got = _rows(bars)
    assert ("outcome", "20", "口", "30", "", "户用沼气") not in got
    assert got[-1][:4] == ("outcome", "2", "条", "4")


def test_what_was_planned_by_now_is_not_the_column_of_what_was_done() -> None:
    text = (
        "序号\t项目名称\t年度任务\t1-9月计划完成\t1-9月实际完成\t责任单位\n"
        "1\t新建改扩建幼儿园\t12所\t8所\t9所\t县教育局\n"
        "2\t改造农村公路\t300公里\t220公里\t245.6公里\t县交通局\n"
    )
    got = [r[:4] for r in _rows(text)]
    assert ("outcome", "9", "所", "12") in got
    assert ("outcome", "245.6", "公里", "300") in got
    assert not [r for r in got if r[1] in ("8", "220") and r[0] == "outcome"]


def test_the_row_numbers_of_a_one_line_bar_table_are_no_figures() -> None:
    text = (
        "序号|项目名称|年度任务|完成情况|责任单位|1|新建幼儿园|12所|9所|县教育局|"
        "2|改造公路|300公里|245.6公里|县交通局|3|新增学位|3000个|2400个|县教育局||||||"
    )
    assert [r[:4] for r in _rows(text)] == [
        ("outcome", "9", "所", "12"),
        ("outcome", "245.6", "公里", "300"),
        ("outcome", "2400", "个", "3000"),
    ]


def test_the_last_rows_last_cell_with_words_before_its_figure() -> None:
    # The empty 备注 lost with the line's end: the table's last cell is "增长6.5%".
    text = (
        "序号\t指标名称\t年度目标\t1-9月完成\t备注\n"
        "1\t城镇新增就业\t2.8万人\t2.5万人\t\n"
        "2\t固定资产投资\t增长8%\t增长6.5%\t\n"
    )
    assert [r[:4] for r in _rows(text)] == [
        ("outcome", "2.5万", "人", "2.8万"),
        ("outcome", "6.5%", "%", "8%"),
    ]
