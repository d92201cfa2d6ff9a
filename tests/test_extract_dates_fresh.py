"""Times in fresh pages that dated figures wrongly (a date line run into the next line's months,
a comparison with last year, a quarter still to come, the first months counted, an item's
deadline), each sentence written for its rule and read as written and as one line."""

from __future__ import annotations

import datetime as dt

from one_line import rows_both_ways
from tracker.extract.article import Figure, read_article_date


def _rows(text: str, **kwargs: object) -> list[tuple[str, ...]]:
    def row(f: Figure) -> tuple[str, ...]:
        return (f.role, f.value, f.period, f.as_of.isoformat() if f.as_of else "")

    return rows_both_ways(text, row, **kwargs)


def test_a_bare_date_line_before_a_line_of_months_dates_the_article() -> None:
    text = "关于前三季度重点工作推进情况的通报\n2024/10/18\n1-9月,全区新建公园12个。\n"
    assert read_article_date(text) == dt.date(2024, 10, 18)
    assert read_article_date("某县通报\n2022-11-05\n10月份,全县新增就业800人。") == (
        dt.date(2022, 11, 5)
    )
    assert _rows(text) == [("outcome", "12", "2024", "2024-09-30")]


def test_a_date_whose_day_may_run_into_a_month_is_not_read() -> None:
    # "2023-10-2" then "10月": the day is not told apart from the month
    assert read_article_date("某县通报\n2023-10-2\n10月份,全县新增就业800人。") is None


def test_a_comparison_with_last_year_does_not_year_the_figures_after_it() -> None:
    text = (
        "今年1-8月,全省完成造林面积30万亩,是去年同期的近两倍;新建公园20个。\n"
        "全省新增就业5万人,高于去年同期水平。城镇新增就业6万人,超过去年全年。新建学校12所。\n"
        "全市固定资产投资增长6%,进度快于去年同期;新开工项目40个。\n"
    )
    rows = _rows(text, date=dt.date(2023, 9, 20))
    assert {r[2:] for r in rows} == {("2023", "2023-08-31")}
    assert len(rows) == 7


def test_last_year_opening_a_clause_is_still_its_time() -> None:
    text = "去年全年,全省新增就业8万人。去年同期,全省新建公园15个。"
    assert [r[2:] for r in _rows(text, date=dt.date(2023, 9, 20))] == [
        ("2022", "2022-12-31"),
        ("2022", "2022-12-31"),
    ]


def test_a_quarter_still_to_come_does_not_date_the_figures_after_it() -> None:
    text = (
        "1-4月,全省新建公园20个,为决胜四季度奠定基础。新建学校12所。\n"
        "各地冲刺三季度,全省新增就业5万人。\n"
    )
    for kwargs in ({"date": dt.date(2023, 5, 12)}, {"year": 2023}):
        assert [r[3] for r in _rows(text, **kwargs)] == ["2023-04-30"] * 3


def test_the_half_year_aimed_at_on_a_june_page_is_a_plan() -> None:
    text = "1-5月,全市新建道路30公里。确保上半年开工项目40个,全市新增就业5万人。"
    rows = _rows(text, date=dt.date(2023, 6, 10))
    assert rows[0][3] == "2023-05-31"
    assert rows[-1][3] == "2023-05-31"


def test_a_quarter_past_on_the_page_date_still_dates_its_figures() -> None:
    text = "确保三季度开工项目40个的目标已完成,三季度全市新开工项目42个。"
    assert _rows(text, date=dt.date(2023, 10, 20))[-1][3] == "2023-09-30"


def test_the_first_months_counted_or_in_words_are_a_period() -> None:
    text = (
        "今年前11个月,全省新增就业5万人。前两个月,全省新建公园20个。"
        "一至九月份,新建学校12所。前三季,新建道路30公里。提前2个月完成造林4万亩。"
    )
    assert [r[3] for r in _rows(text, date=dt.date(2023, 12, 20))] == [
        "2023-11-30",
        "2023-02-28",
        "2023-09-30",
        "2023-09-30",
        "2023-09-30",
    ]


def test_an_items_deadline_dates_neither_it_nor_the_next_item() -> None:
    text = (
        "2024年3月5日\n现将2024年区为民办实事项目清单印发如下,请抓好落实。\n"
        "1.新建公园20个。(责任单位:区住建局;完成时限:2024年9月底)\n"
        "2.新建学校12所。(责任单位:区教育局;完成时限:10月底)\n"
        "3.新建道路30公里。\n"
    )
    assert _rows(text) == [
        ("target", "20", "2024", ""),
        ("target", "12", "2024", ""),
        ("target", "30", "2024", ""),
    ]


def test_a_table_cell_of_the_month_a_work_opens_is_not_a_date() -> None:
    text = (
        "发布日期:2019-03-02\n序号\t项目\t责任单位\t完成时限\n"
        "1\t新建2座过街天桥。\t市建设局\t8月投入使用\n"
        "2\t新建养老院3所。\t市民政局\t年底前\n"
    )
    assert {r[3] for r in _rows(text)} == {"2019-03-02"}


def test_last_year_named_within_a_clause_without_a_comparison_is_its_time() -> None:
    text = "全市去年全年新增就业8万人。"
    assert [r[2:] for r in _rows(text, date=dt.date(2023, 9, 20))] == [("2022", "2022-12-31")]
