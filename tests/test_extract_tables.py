"""Tables written as text (a row's cells on one line, parted by blanks or bars), each row
written for its rule and checked as written and as one line."""

from __future__ import annotations

import datetime as dt

import pytest

from one_line import rows_both_ways
from tracker.extract.article import extract


def _rows(text: str, date: dt.date) -> list[tuple[str, ...]]:
    return rows_both_ways(
        text,
        lambda f: (f.role, f.value, f.unit, f.target or "", f.stated_rate or ""),
        date=date,
    )


def test_task_done_and_rate_in_cells_of_a_row() -> None:
    text = (
        "序号 项目名称 责任单位 目标任务 1-9月实际完成情况 任务完成率\n"
        "1 新增城镇就业 市人社局 6200人 4650人 75%\n"
        "2 新建公办幼儿园 | 市教育局 | 12所 | 9所 | 75.0%\n"
        "3 农村公路提质改造 市交通局 240公里 198.5 82.7%\n"
    )
    assert _rows(text, dt.date(2020, 10, 15)) == [
        ("outcome", "4650", "人", "6200", "75%"),
        ("outcome", "9", "所", "12", "75.0%"),
        ("outcome", "198.5", "公里", "240", "82.7%"),  # the unit of the task's cell
    ]


def test_the_unit_of_a_row_from_its_unit_column_or_its_name() -> None:
    text = (
        "序号 考核指标 单位 工作目标 已完成数 占年任务之比\n"
        "1 新增城镇就业 万人 4.8 5.1  106.3%\n"
        "2 改造农村电网 万元 4200 3990 95.0%\n"
        "3 新建2000个行政村光纤网络 150 148 98.7%\n"
    )
    assert _rows(text, dt.date(2021, 12, 10)) == [
        ("outcome", "5.1", "万人", "4.8", "106.3%"),
        ("outcome", "3990", "万元", "4200", "95.0%"),
        ("target", "2000", "个", "", ""),
        ("outcome", "148", "个", "150", "98.7%"),
    ]


def test_three_numbers_are_a_row_only_when_the_rate_is_theirs() -> None:
    # 15 and 20 make 133%, not 30%: not a task, its work and their rate.
    text = "各项目 15 20 30% 左右\n"
    assert all(row[3] == "" for row in _rows(text, dt.date(2021, 12, 10)))


def test_a_rows_tasks_then_its_progress_as_a_bare_percentage() -> None:
    # Every cell on a line of its own: 序号 / 项目内容 / 当前进度 / 牵头单位.
    text = (
        "民生实事项目进度表\n序号\n项目内容\n当前进度\n牵头单位\n"
        "2\n建设四好农村路55公里。\n95%\n县交通局\n"
        "3\n完成农村公路大中修70公里。\n90%\n县交通局\n"
        "12\n完成18个乡镇应急广播分控中心和752只高音喇叭建设。\n98%\n县文广旅体局\n"
    )
    assert [row[:2] for row in _rows(text, dt.date(2022, 11, 5))] == [
        ("target", "55"),
        ("outcome", "95%"),
        ("target", "70"),  # "3" before 完成: the row's number, not 3 of anything
        ("outcome", "90%"),
        ("target", "18"),
        ("target", "752"),
        ("outcome", "98%"),
    ]


def test_a_bar_tables_column_of_tasks_and_column_of_what_was_done() -> None:
    text = (
        "附件:2022年度本级民生实事项目完成情况\n"
        "序号 | 项 目 内 容 | 年度完成情况 | 完成成效 | 责任单位 |\n"
        "1 | 新增托位1140个,普惠托位685个 | 新增托位1155个,其中新增普惠托位1155个。 "
        "| 超额完成 | 市卫健局 |\n"
        "2 | 新改扩建公办幼儿园3所 | 建成投用幼儿园3所。 | 完成任务 | 市教育局 |\n"
    )
    # Row 2's one task and one result in the same unit are one goal and its outcome; row 1's
    # two tasks and two results are left apart (which result is which task's, the row does not say).
    assert [row[:4] for row in _rows(text, dt.date(2023, 1, 10))] == [
        ("target", "1140", "个", ""),
        ("target", "685", "个", ""),
        ("outcome", "1155", "个", ""),
        ("outcome", "1155", "个", ""),
        ("outcome", "3", "所", "3"),
    ]


def test_figures_in_the_quoted_names_of_projects_are_their_tasks() -> None:
    text = (
        "另,“新开工提标加固海塘18.4公里”(市水利局)、“完成回迁安置857户以上”(市住建局)"
        "等2个项目曾滞后于序时进度,经努力均能如期完成。"
    )
    assert [row[:2] for row in _rows(text, dt.date(2023, 1, 10))][:2] == [
        ("target", "18.4"),
        ("target", "857以上"),
    ]


def test_a_standards_row_under_a_unit_column() -> None:
    text = (
        "序号 考核指标 单 位 工作目标 已完成数 占年任务之比\n"
        "6 提高农村低保标准 元/年/人 不低于3700元 3840  达到目标3840元 民政局\n"
        "7 所有县(市)实现二甲公立医院全覆盖 - - -\n"
    )
    got = extract(text, date=dt.date(2019, 12, 10)).figures
    assert [(f.role, f.value, f.unit, f.target) for f in got][:1] == [
        ("outcome", "3840", "元/年/人", "不低于3700"),
    ]
    assert "7" not in [f.value for f in got]  # 所有: all, not 7 schools


def test_a_tasks_cell_then_its_progress_as_a_bare_percentage() -> None:
    text = "13 标准化建设改造农贸市场 区商务粮食局 2家 98% 已经完成主体工程建设。\n"
    assert [row[:3] for row in _rows(text, dt.date(2019, 7, 25))] == [
        ("target", "2", "家"),
        ("outcome", "98%", "%"),
    ]


def test_a_value_and_its_growth_in_cells_are_not_a_task_and_its_progress() -> None:
    # A statistics table (指标 / 绝对值 / 增长): nothing after the percentage tells work done.
    text = "地区生产总值 1234.5亿元 6.5%\n规模以上工业增加值 300亿元 5.2%\n"
    assert {row[0] for row in _rows(text, dt.date(2023, 2, 1))} == {"outcome"}


def test_a_cells_unit_is_given_not_read_from_an_empty_group() -> None:
    """``_cell`` is told the unit a cell writes: no row pattern keeps an always-empty group
    (the standard's row had ``done_unit``) only so that it can be looked up."""
    from tracker.extract import tables  # noqa: PLC0415

    for pattern in (tables._ROW, tables._STANDARD_ROW):
        for name in pattern.groupindex:
            assert f"(?P<{name}>)" not in pattern.pattern


@pytest.mark.parametrize(
    ("header", "row", "unit"),
    [
        # A task written "不低于3700", without 元, had no figure of its own: the row gave none
        # and the standard reached (3840) went unread. It takes the unit column's unit.
        ("单 位 工作目标 已完成数 占年任务之比", "元/年/人 不低于3700 3840", "元/年/人"),
        # No unit column, and only the standard reached writes 元: the standard set takes its
        # unit (noted as the row's), and 3840元 is the outcome, not a target of its own.
        ("工作目标 已完成数 完成情况", "不低于3700 3840元", "元"),
    ],
)
def test_a_standards_row_whose_task_writes_no_unit(header: str, row: str, unit: str) -> None:
    text = (
        f"序号 考核指标 {header}\n"
        f"5 城乡居民最低生活保障标准 {row} 达到目标 民政局\n"
        "6 新增城镇就业 人 4000 4200 105%\n"
    )
    assert _rows(text, dt.date(2019, 12, 10)) == [
        ("outcome", "3840", unit, "不低于3700", ""),
        ("outcome", "4200", "人", "4000", "105%"),
    ]


def test_a_tables_cells_one_a_line_whose_digits_run_together() -> None:
    # Every cell on a line of its own: with the line breaks dropped the task, the done figure
    # and the rate run into one string of digits. A cut is kept only when the rate confirms it.
    text = (
        "2020年1—10月民生工程进度表\n序号\n项目内容\n目标任务\n责任单位\n进度\n完成目标(%)\n备注\n"
        "1\n农村劳动力转移培训(人)\n1500\n县人社局\n1740\n116\n超额完成\n"
        "2\n新建农村公路(公里)\n80\n62.5\n78.1\n正在施工\n"
        "3\n城镇调查失业率控制在(%)\n5.5\n5\n110\n超额完成\n"
        "4\n乡镇卫生院改造(个)\n12\n9\n80\n"
    )
    assert _rows(text, dt.date(2020, 11, 10)) == [
        ("outcome", "1740", "人", "1500", "116%"),  # the department's cell between
        ("outcome", "62.5", "公里", "80", "78.1%"),  # all three in one run
        ("outcome", "5%", "%", "5.5%", "110%"),  # a ceiling: task over done
    ]  # "12980": no cut makes 80%, so row 4 is left unread


def test_a_row_with_no_unit_anywhere_counts_people_or_things() -> None:
    # No unit column, no unit in the cells nor a figure in the name: a name that counts people
    # gives 人, any other a count of things (个), noted as the row's.
    text = (
        "序号 项目名称 责任单位 目标任务 1-9月完成 完成率\n"
        "1 城乡老人免费体检 县卫健局 42000 37800 90%\n"
        "2 消除农村危房“清零村” 县住建局 36 27 75.0%\n"
    )
    assert _rows(text, dt.date(2021, 10, 8)) == [
        ("outcome", "37800", "人", "42000", "90%"),
        ("outcome", "27", "个", "36", "75.0%"),
    ]


def test_a_bar_table_whose_header_names_the_months_and_an_item_in_sub_rows() -> None:
    # Every cell on a line of its own ending in " |"; the header names the months reported.
    # Item 2 is told in two sub-rows (more cells than the header's): its columns are unknown,
    # and item 3 is counted from its own number again (not shifted by item 2's extra cells).
    cells = (
        "序号|项目名称|责任单位|目标任务|1-6月实际完成情况|完成率%|备注|"
        "1|新建村级养老服务站|县民政局|6个||50%|已完成主体工程|"
        "2|农村改厕|县农业农村局|1200户|864|72%||户用沼气|县农业农村局|30口|20口||"
        "3|新增公交线路|县交通局|4条|开通2条|||"
    )
    text = "".join(f"{cell} |\n" for cell in cells.split("|")[:-1])
    got = [row[:4] for row in _rows(text, dt.date(2021, 7, 5))]
    assert got[:3] == [
        ("target", "6", "个", ""),
        ("outcome", "50%", "%", ""),
        ("outcome", "864", "户", "1200"),
    ]
    assert got[-1] == ("outcome", "2", "条", "4")  # row 3's one task and one result: tied


def test_a_tasks_cell_with_its_scale_and_no_measure_word() -> None:
    # "5000万" with no 元: money as the name tells, and the done cell counts in the same 万元.
    text = (
        "序号 项目名称 责任单位 目标任务 1-9月完成 完成率\n"
        "1 发放创业担保贷款 县人社局 5000万 4120 82.4%\n"
    )
    assert _rows(text, dt.date(2021, 10, 8)) == [("outcome", "4120", "万元", "5000万", "82.4%")]


def test_a_tasks_cell_with_only_a_remark_after_it_is_a_target() -> None:
    text = (
        "序号 项目名称 责任单位 目标任务 1-9月实际完成情况 任务完成率 备注\n"
        "1 新增城镇就业 县人社局 3200人 2880人 90%\n"
        "2 建成智慧停车平台 县公安局 3个 已完成选址,设备进入采购阶段。\n"
        "3 实施老旧小区改造 县住建局 6 因资金下达滞后,尚未开工。\n"
    )
    assert _rows(text, dt.date(2021, 10, 8)) == [
        ("outcome", "2880", "人", "3200", "90%"),
        ("target", "3", "个", "", ""),  # not "已完成" 3: the task, no figure done
        ("target", "6", "个", "", ""),  # no measure word: a count of things
    ]


def test_a_task_in_a_longer_cell_then_who_leads_it_then_a_bare_done_and_its_rate() -> None:
    text = (
        "序号 | 项目名称 | 目标任务 | 牵头单位 | 累计完成 | 累计进度 | 备注 |\n"
        "1 | 稳定就业 | 城镇新增就业3200人 | 县人社局 | 2880 | 90% | |\n"
        "2 | 养老服务 | 推动8家敬老院规范运营,提升服务质量 | 县民政局 | 8 | 100% | |\n"
        "3 | 公墓建设 | 推进不少于4个公益性公墓新建或改扩建 | 县民政局 | 3.4 | 85% | |\n"
    )
    assert _rows(text, dt.date(2024, 10, 15)) == [
        ("outcome", "2880", "人", "3200", "90%"),
        ("outcome", "8", "家", "8", "100%"),
        ("outcome", "3.4", "个", "不少于4", "85%"),
    ]


def test_a_bare_number_after_a_cell_naming_a_count_is_that_count() -> None:
    text = (
        "序号 | 项目名称 | 目标任务 | 牵头单位 | 累计完成 | 备注 |\n"
        "1 | 低保保障 | 城市标准(800元/月) | 县民政局 | | |\n"
        "城市保障人次 | 9120 | 持续推进中 | | | |\n"
        "2 | 退休一次办 | 退休一件事办理人次 | 县人社局 | 870 | 按实际统计 |\n"
    )
    got = [(f.value, f.unit, f.measure) for f in extract(text, date=dt.date(2024, 10, 15)).figures]
    assert got == [("800", "元/月", "level"), ("9120", "人次", "flow"), ("870", "人次", "flow")]


def test_a_headers_column_naming_a_count_is_not_followed_by_its_count() -> None:
    text = "序号 | 项目名称 | 牵头单位 | 帮扶人数 |\n1 | 就业帮扶 | 县人社局 | 320人 |\n"
    got = [(f.value, f.unit) for f in extract(text, date=dt.date(2024, 10, 1)).figures]
    assert got == [("320", "人")]
