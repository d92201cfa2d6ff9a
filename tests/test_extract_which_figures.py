"""Which numbers are figures: wordings of fresh pages (民生实事 notices, progress notices, reviews,
statistics releases) where a number is no work done, or a figure was missed; each sentence
written for its rule and read as written and as one line."""

from __future__ import annotations

import datetime as dt

from one_line import rows_both_ways
from tracker.extract.article import Figure, extract

_DATE = dt.date(2023, 12, 28)


def _rows(text: str, **kwargs: object) -> list[tuple[str, ...]]:
    def row(f: Figure) -> tuple[str, ...]:
        return (f.role, f.value, f.unit or "")

    kwargs.setdefault("date", _DATE)
    return rows_both_ways(text, row, **kwargs)  # type: ignore[return-value]


def _values(text: str, **kwargs: object) -> list[str]:
    return [r[1] for r in _rows(text, **kwargs)]


def test_a_projects_size_named_before_the_project_is_not_work_done() -> None:
    text = (
        "1-9月固定资产投资已完成8.14亿元,其中,总投资20亿元的光伏项目已完成5.44亿元;"
        "投资约5.05亿元的农业科技园已完成2.7亿元。"
    )
    assert _values(text) == ["8.14亿", "5.44亿", "2.7亿"]


def test_investment_done_and_a_total_of_the_years_plan_stay_figures() -> None:
    text = "全年完成投资5亿元,计划总投资277亿元,完成投资12亿元的目标。"
    assert _values(text) == ["5亿", "277亿", "12亿"]


def test_the_headings_a_list_of_work_falls_under_are_not_figures() -> None:
    text = (
        "今年实施就业、住房等3个领域共23个项目。确保了10个方面的72个具体项目圆满完成,"
        "全年新建保障性住房1200套,民生实事10大类50个事项全部完成。"
    )
    assert "3" not in _values(text)
    assert "10" not in _values(text)
    assert "1200" in _values(text)


def test_the_one_of_a_definition_is_not_a_figure() -> None:
    text = (
        "截至12月底,全国实现有1家以上普通门诊费用跨省联网定点医疗机构的县达2804个。"
        "各乡镇至少有1所公办中心幼儿园,全年新建幼儿园1所、改造卫生院5所。"
    )
    assert _values(text) == ["2804", "1", "5"]


def test_a_number_takes_the_measure_word_of_the_next_in_its_list() -> None:
    text = (
        "第一产业比重上升3.82个百分点,第二、第三产业比重分别回落2.16和1.66个百分点;"
        "两项指标分别增长7.5、8.1%。"
    )
    rows = _rows(text)
    assert [(v, u) for _, v, u in rows] == [
        ("3.82", "个百分点"),
        ("2.16", "个百分点"),
        ("1.66", "个百分点"),
        ("7.5%", "%"),
        ("8.1%", "%"),
    ]


def test_a_list_of_bare_integers_shares_no_measure_word() -> None:
    assert _values("地铁1、2号线建成通车,新建站点12个。") == ["12"]


def test_a_bare_wan_takes_its_unit_from_the_other_end_of_the_change() -> None:
    # the first end is the second's baseline: the second, 0.8万, is the figure proposed
    assert [(v, u) for _, v, u in _rows("全县贫困人口由1.2万减少到0.8万。")] == [("0.8万", "人")]
    assert [(v, u) for _, v, u in _rows("全县低保对象从3.5万减少至2.1万人。")] == [("2.1万", "人")]
    figure = extract("全县低保对象从3.5万减少至2.1万人。", date=_DATE).figures[0]
    assert figure.baseline is not None


def test_measure_words_after_a_scale() -> None:
    text = "截至目前共计排查13.3万余车次、近15.2万人次,全年投放鱼苗50万尾,新装路灯1.2万盏。"
    assert [(v, u) for _, v, u in _rows(text)] == [
        ("13.3万余", "车次"),
        ("近15.2万", "人次"),
        ("50万", "尾"),
        ("1.2万", "盏"),
    ]


def test_a_headline_ends_at_a_news_leads_byline() -> None:
    text = (
        "31个民生实事项目全部启动 相城区推动项目加速建设实施\n"
        "苏报讯(驻相城区记者 薛卿)截至今年7月,相城区2023年31个民生实事项目已全部启动实施,"
        "累计完成投资12.09亿元。"
    )
    assert _values(text) == ["31", "12.09亿"]


def test_a_size_per_head_a_rule_sets_is_not_a_figure() -> None:
    text = (
        "按照每网格不超过20户要求,将全镇农户划分为529个网格。"
        "对困难群众按每人每月500元标准发放生活补助,全年发放补助资金120万元。"
    )
    assert _values(text) == ["529", "120万"]


def test_a_ranks_move_is_not_a_figure() -> None:
    text = (
        "上半年,全县规上工业增加值同比增长1.3%,增速居全市第6位,较1-5月上升1位;"
        "固定资产投资增长10.4%,居全省第11位,比一季度前移4位,排名提升2名。"
    )
    assert _values(text, date=dt.date(2021, 7, 20)) == ["1.3%", "10.4%"]


def test_meetings_held_and_papers_issued_are_not_figures() -> None:
    text = (
        "全年共召开常务会议12次,组织召开专题协调会议研究8次,出台政策文件5个,印发工作简报20期;"
        "举办现场招聘会15场,开展技能培训班30期,全县城镇新增就业5200人。"
    )
    assert _values(text) == ["15", "30", "5200"]


def test_the_industries_a_statistic_counts_are_headings() -> None:
    text = "全市35个行业大类中28个行业增加值实现增长,规模以上工业增加值增长13.3%。"
    assert "35" not in _values(text, date=dt.date(2021, 7, 20))
