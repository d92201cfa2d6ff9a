"""Every report wording of issue 16 (and of the real-article development set's failure list),
each with a sentence of that shape and the figures `tracker extract` must give for it.

Each case is also run as one line with its line breaks removed: the figures must not change.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from one_line import one_line, rows_both_ways
from tracker.cli.group import cli
from tracker.extract.article import Figure, extract

# A figure as the tests compare it: role, value, unit, stated rate, target, stated gap, measure.
Row = tuple[str, str, str, str | None, str | None, str | None, str]


def rows(text: str, **kwargs: object) -> list[Row]:
    return rows_both_ways(text, _row, **kwargs)  # type: ignore[return-value]


def _row(f: Figure) -> Row:
    return (f.role, f.value, f.unit, f.stated_rate, f.target, f.stated_gap, f.measure)


def one(text: str, **kwargs: object) -> Figure:
    (figure,) = extract(text, **kwargs).figures  # type: ignore[arg-type]
    return figure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 为/完成 not followed directly by the rate
        (
            "全市城镇新增就业5.6万人,为任务的112.3%。",
            [("outcome", "5.6万", "人", "112.3%", None, None, "flow")],
        ),
        (
            "农村劳动力转移就业3.2万人,完成省定任务的107%。",
            [("outcome", "3.2万", "人", "107%", None, None, "flow")],
        ),
        (
            "9月,我省扶持农村贫困残疾人发展生产新增85466人,达565965人,为目标任务的565.97%。",
            [
                ("outcome", "85466", "人", None, None, None, "flow"),
                ("outcome", "565965", "人", "565.97%", None, None, "flow"),
            ],
        ),
        (
            "全省招募西部计划志愿者3153人,占目标任务的210.2%。",
            [("outcome", "3153", "人", "210.2%", None, None, "flow")],
        ),
        (
            "完成新增城镇管输天然气用户18691户,完成进度为82.7%。",
            [("outcome", "18691", "户", "82.7%", None, None, "flow")],
        ),
        # a target figure between 完成 and the rate
        (
            "城镇新增就业7680人,完成年目标任务8000人的96.2%。",
            [("outcome", "7680", "人", "96.2%", "8000", None, "flow")],
        ),
        (
            "城镇新增就业11.17万人,完成全年12万人目标任务的93.08%。",
            [("outcome", "11.17万", "人", "93.08%", "12万", None, "flow")],
        ),
        # lists distributed in order
        (
            "三县分别新增就业5400人、6050人、3960人,分别完成省定任务的108%、121%、99%。",
            [
                ("outcome", "5400", "人", "108%", None, None, "flow"),
                ("outcome", "6050", "人", "121%", None, None, "flow"),
                ("outcome", "3960", "人", "99%", None, None, "flow"),
            ],
        ),
        # the rate is not the year-on-year increase's
        (
            "1-10月份,全国城镇新增就业1200万人,比上年同期增加9万人,完成全年目标的109%。",
            [("outcome", "1200万", "人", "109%", None, None, "flow")],
        ),
        # the rate of the task figure, not of a per-head level after it
        (
            "新增托位540个,千人口托位数达到3.88个,完成率260%。",
            [
                ("outcome", "540", "个", "260%", None, None, "flow"),
                ("outcome", "3.88", "个", None, None, None, "level"),
            ],
        ),
        # negative figures
        (
            "一般公共预算收入增长-3.6%,规上工业增加值-12.4%。",
            [
                ("outcome", "-3.6%", "%", None, None, None, "growth"),
                ("outcome", "-12.4%", "%", None, None, None, "level"),
            ],
        ),
        # measure words the vocabulary does not list
        (
            "全县已新建沼气池1200口,打机井35眼。",
            [
                ("outcome", "1200", "口", None, None, None, "flow"),
                ("outcome", "35", "眼", None, None, None, "flow"),
            ],
        ),
        # measure words written as Latin symbols
        (
            "全县已建成农村生态河道60km,新增光伏装机100MW,改造面积1.2万㎡,绿化3000m²。",
            [
                ("outcome", "60", "km", None, None, None, "flow"),
                ("outcome", "100", "MW", None, None, None, "flow"),
                ("outcome", "1.2万", "平方米", None, None, None, "flow"),
                ("outcome", "3000", "平方米", None, None, None, "flow"),
            ],
        ),
        # growth, declines and stated gaps
        (
            "上半年,全区实现地区生产总值806亿元,同比增长3.2%,塌目标1.8个百分点;"
            "规模以上工业增加值同比增长10.1%,高于目标2.1个百分点;固定资产投资同比下降37.8%。",
            [
                ("outcome", "806亿", "元", None, None, None, "flow"),
                ("outcome", "3.2%", "%", None, None, "1.8个百分点", "growth"),
                ("outcome", "10.1%", "%", None, None, "-2.1个百分点", "growth"),
                ("outcome", "-37.8%", "%", None, None, None, "growth"),
            ],
        ),
        (
            "城镇居民人均可支配收入29092元,超任务17元。",
            [("outcome", "29092", "元", None, None, "-17", "flow")],
        ),
        # 超额完成 (上级下达的) 任务 N: a gap in the figure's unit
        (
            "城镇新增就业2.3万人,超额完成省下达的目标任务0.3万人。",
            [("outcome", "2.3万", "人", None, None, "-0.3万", "flow")],
        ),
        (
            "全年完成造林面积12万亩,超额完成年度任务2万亩。",
            [("outcome", "12万", "亩", None, None, "-2万", "flow")],
        ),
        # 比控制目标低: below a ceiling, so beyond the target
        (
            "城镇调查失业率5.1%,比控制目标低0.4个百分点。",
            [("outcome", "5.1%", "%", None, None, "-0.4个百分点", "level")],
        ),
        (
            "城镇登记失业率控制在3.2%以内,低于省定指标0.8个百分点。",
            [("outcome", "3.2%以内", "%", None, None, "-0.8个百分点", "level")],
        ),
        # 增长9%左右 as a target: a band
        (
            "预期目标为:全省生产总值增长9%左右。",
            [("target", "9%左右", "%", None, None, None, "growth")],
        ),
    ],
)
def test_rates_gaps_growth_and_units(text: str, expected: list[Row]) -> None:
    assert rows(text, year=2023) == expected


def test_kinds_of_growth_targets_and_unknown_measure_words() -> None:
    assert one("预期目标为:全省生产总值增长9%左右。", year=2023).kind == "range"
    assert dict(one("全县新打机井35眼。", year=2023).guessed)["unit"].startswith('"眼"')
    assert one("全县新建沼气池1200口。", year=2023).unit == "口"  # a known measure word now


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("1.研发经费投入强度提升至6%。", "target"),
        ("办好65件民生实事项目是县政府对全县人民的庄严承诺。", "target"),
        ("“为1万名贫困白内障患者实施免费复明手术”一项中,9月新增1203例。", "target"),
        ("今年居民消费价格涨幅为2.1%,比“3%左右”的既定目标低。", "outcome"),
    ],
)
def test_target_wordings(text: str, role: str) -> None:
    assert extract(text, year=2023).figures[0].role == role


def test_a_count_of_days_is_a_figure_but_a_duration_is_not() -> None:
    # "优良天数稳定在300天以上": the days are what is counted; "工期180天" is a duration
    text = "力争全市空气质量优良天数稳定在320天以上,新建公园12个,工期180天。"
    assert [(r[0], r[1], r[2]) for r in rows(text, year=2023)] == [
        ("target", "320以上", "天"),
        ("target", "12", "个"),
    ]


def test_a_quarter_planned_in_an_undated_text_is_still_to_come() -> None:
    # "一季度开工重点项目57个,确保…开门红": the quarter's task, not figures dated by it
    text = (
        "今年全县将扩大投资。推进基本建设前期工作,一季度开工重点项目30个,确保首战即决战。"
        "招引品牌首店50家以上。"
    )
    assert [(r[0], r[1]) for r in rows(text, year=2025)] == [("target", "30"), ("target", "50以上")]


def test_project_preparation_is_not_now() -> None:
    # "项目前期工作" holds 目前 ("now") only by its letters
    text = "今年全县将加快重大项目前期工作,新开工项目30个。"
    assert [(r[0], r[1]) for r in rows(text, year=2025)] == [("target", "30")]


def test_a_modal_leading_the_sentence_plans_its_later_clauses() -> None:
    # "确保…达到120亿元以上,…同比增长20%以上": 同比 is the basis of the planned growth
    text = "确保社会消费品零售总额达到80亿元以上,外贸进出口同比增长10%以上。"
    assert [(r[0], r[1]) for r in rows(text, year=2025)] == [
        ("target", "80亿以上"),
        ("target", "10%以上"),
    ]
    done = "确保了工程顺利推进,累计完成投资8亿元。"  # told as done: an outcome
    assert [(r[0], r[1]) for r in rows(done, year=2025)] == [("outcome", "8亿")]


def test_a_quoted_target_inside_an_outcome_sentence() -> None:
    figures = extract("今年居民消费价格涨幅为2.1%,比“3%左右”的既定目标低。", year=2023).figures
    assert [(f.role, f.value) for f in figures][-1] == ("target", "3%左右")
    assert "既定目标" not in figures[-1].title


def test_tasks_named_by_their_target_figures_are_targets() -> None:
    text = (
        "未达到序时进度11项、占比20.0%,为“交通建设提升年”活动完成投资80亿元、"
        "普惠性幼儿园覆盖率达80%、新建安置区5个。"
    )
    assert [(f.role, f.value) for f in extract(text, year=2020).figures][-3:] == [
        ("target", "80亿"),
        ("target", "80%"),
        ("target", "5"),
    ]


def test_a_baseline_with_its_year() -> None:
    figure = one("全省研发经费投入强度由2019年2.85%提高到2023年3.2%。", year=2023)
    assert (figure.value, figure.baseline, figure.title) == ("3.2%", "2.85%", "研发经费投入强度")


@pytest.mark.parametrize(
    ("text", "not_figures"),
    [
        ("全市39项项目中有27项完成进度超过60%。", {"60%", "超过60%"}),
        ("超时间进度指标(完成进度在80%到100%之间)的项目有7项。", {"80%", "100%"}),
        ("经县人大代表投票表决,由231名代表投票表决产生。", {"231"}),
        ("31个大城市城镇调查失业率为4.7%。", {"31"}),
        ("满意95票,基本满意27票,不满意0票。", {"95", "27", "0"}),
        ("落实公交票价优惠,普通卡7折、学生卡5折。", {"7", "5"}),
        ("今年以来,出台支持企业稳岗“12条,开发就业岗位3000个。", {"12"}),
        ("印发“援企稳岗20条”等政策文件。", {"20"}),
    ],
)
def test_non_figures(text: str, not_figures: set[str]) -> None:
    values = {f.value for f in extract(text, year=2023).figures}
    assert not values & not_figures


@pytest.mark.parametrize(
    ("text", "given", "period", "as_of"),
    [
        ("2020年1-11月份,全市新增就业1.2万人。", "2021-01-05", "2020", "2020-11-30"),
        ("1-11月份,全市新增就业1.2万人。", "2021-01-05", "2020", "2020-11-30"),
        ("2019年上半年,全市新增就业1.2万人。", "2020-03-01", "2019", "2019-06-30"),
        ("前三季度,全市新增就业1.2万人。", "2015-10-30", "2015", "2015-09-30"),
        ("截至12月10日,城镇新增就业3030人。", "2024", "2024", "2024-12-10"),
        ("截止7月底,全市已新增就业3030人。", "2015-07-17", "2015", "2015-07-31"),
        ("截至1031日,65件民生实事已完成26件。", "2023", "2023", "2023-10-31"),
        ("萧县9月份民生工程进展情况\n2025年全县新建公厕12座。", "2025-10-09", "2025", "2025-09-30"),
    ],
)
def test_periods_in_the_right_year(text: str, given: str, period: str, as_of: str) -> None:
    """``given`` is the --date of the article, or its --year."""
    kwargs = {"year": int(given)} if given.isdigit() else {"date": dt.date.fromisoformat(given)}
    figure = extract(text, **kwargs).figures[-1]  # type: ignore[arg-type]
    assert (figure.period, figure.as_of) == (period, dt.date.fromisoformat(as_of))


def test_a_date_carries_to_the_sentences_after_it() -> None:
    text = "截至9月底,全县新建公厕12座。改造农村危房300户。\n新增城镇就业1500人。"
    assert {f.as_of for f in extract(text, date=dt.date(2025, 10, 9)).figures} == {
        dt.date(2025, 9, 30)
    }


def test_the_date_line_dates_the_article_not_the_figures() -> None:
    text = (
        "某区上半年计划执行情况的报告\n——2023年8月31日在区人大常委会会议上\n"
        "2023年上半年,全区实现地区生产总值806亿元。城镇居民人均可支配收入29092元。"
    )
    assert [f.as_of for f in extract(text).figures] == [dt.date(2023, 6, 30)] * 2


def test_a_date_one_item_gives_is_not_the_whole_years_nor_the_pages() -> None:
    """A "截至…日" near the top dated the page (so "the year was not over"), and the items told
    of "全年" after it took that day too."""
    text = (
        "2022年十件民生实事全面完成\n公园建设。截至2022年12月26日,已建成口袋公园30个。\n"
        "养老服务。全年新建社区养老服务站15个,超额完成12个的年度任务。"
    )
    got = {f.value: (f.period, f.as_of) for f in extract(text).figures if f.role == "outcome"}
    assert got == {"30": ("2022", dt.date(2022, 12, 26)), "15": ("2022", dt.date(2022, 12, 31))}


def test_without_any_date_an_outcome_is_not_dated_after_today() -> None:
    """No year, no date: the figures were this year's, as of its last day — a date to come,
    which `tracker check` warns of (W211) in every draft of such a text."""
    today = dt.date.today()
    for text in ("全县城镇新增就业3000人。", "目前,全县已建成公厕12座。"):
        figure = one(text)
        assert figure.period == str(today.year)
        assert figure.as_of == today


def test_years_from_the_text_then_date_then_date_line() -> None:
    assert one("2022年,全市新增就业1.2万人。", date=dt.date(2024, 3, 1)).period == "2022"
    assert one("今年以来,全市新增就业1.2万人。", date=dt.date(2024, 3, 1)).period == "2024"
    assert one("发布时间:2021-06-01\n今年以来,全市新增就业1.2万人。").period == "2021"


def test_a_day_past_its_months_end_is_the_months_last_day() -> None:
    # a writer's slip ("2月30日") keeps its year and month; it does not become today's year
    figure = one("2023年2月30日讯 截至2月底,全市城镇新增就业1.2万人。")
    assert (figure.period, figure.as_of) == ("2023", dt.date(2023, 2, 28))
    assert one("截至2024年6月31日,全县新建公厕12座。").as_of == dt.date(2024, 6, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # what was done, named only by its verb, takes the name of its task
            "一、新建城乡公厕。年度目标新建公厕50座,实际建成52座。",
            [("target", "50", "新建公厕"), ("outcome", "52", "新建公厕")],
        ),
        (  # a task named only as such takes the item's name; 任务数 before a figure plans it
            "七、养老床位。任务数200张,完成数210张。",
            [("target", "200", "养老床位"), ("outcome", "210", "养老床位")],
        ),
        (
            "三、城镇新增就业。2023年目标任务4000人,完成4520人,完成率113%。",
            [("target", "4000", "城镇新增就业"), ("outcome", "4520", "城镇新增就业")],
        ),
        (  # a bare verb ("投资") is the investment of the item named before it
            "四、农村道路建设。计划投资2.1亿元,完成投资2.3亿元。",
            [("target", "2.1亿", "农村道路建设投资"), ("outcome", "2.3亿", "农村道路建设投资")],
        ),
        (  # "年初确定" is how the task was set, not its name
            "八、危房改造。年初确定改造农村危房300户的目标,已完成320户。",
            [("target", "300", "改造农村危房"), ("outcome", "320", "改造农村危房")],
        ),
    ],
)
def test_a_figure_named_only_by_task_or_report_words_takes_its_tasks_name(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    day = dt.date(2024, 1, 15)  # a review of 2023
    for figures in (extract(text, date=day).figures, extract(one_line(text), date=day).figures):
        assert [(f.role, f.value, f.title) for f in figures] == expected


def test_headline_figures_run_together_keep_their_own_names() -> None:
    """A list of headline lines without stops, as one line: the words up to the next figure
    name that figure, not this one; a count's noun after its measure word stays its own."""
    text = "城镇新增就业1206万人\n年末城镇调查失业率降到5.5%\n全市476个重点项目完成投资406亿元。"
    for figures in (extract(text, year=2022).figures, extract(one_line(text), year=2022).figures):
        titles = [f.title for f in figures]
        assert titles[:2] == ["城镇新增就业", "年末城镇调查失业率"]
        assert titles[2].startswith("重点项目")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("同时,专家长期驻点乡(街道)120人。", "专家长期驻点乡(街道)"),
        ("开展“订单式”“定向式”培训3000人次。", "“订单式”“定向式”培训"),
        ("居民消费价格涨幅回落至2.1%。", "居民消费价格涨幅"),
        ("也新增城镇就业1.2万人。", "新增城镇就业"),
    ],
)
def test_titles_are_whole_noun_phrases(text: str, title: str) -> None:
    got = extract(text, year=2023).figures[0].title
    for opening, closing in (("(", ")"), ("“", "”")):
        assert got.count(opening) == got.count(closing)
    assert title in got or got in title
    assert not got.startswith(("比", "加上", "也"))
    assert not got.endswith("回落至")


def test_one_line_text_is_split_into_sentences() -> None:
    text = (
        "(一)主要目标完成情况\n2023年上半年,全区实现地区生产总值806亿元,同比增长3.2%。\n"
        "(二)民生实事\n截至6月底,新建幼儿园5所。"
    )
    assert [r[0] for r in rows(text)] == ["outcome"] * 3


def test_the_extractor_is_linear_in_the_text() -> None:
    unit = "全县新增就业1200人,完成率96%,同比增长3.2%,新建学校5所"
    small, large = unit * 1000, unit * 8000  # the large one is about 0.4 MB on one line
    start = time.perf_counter()
    extract(small, year=2023)
    t_small = time.perf_counter() - start
    start = time.perf_counter()
    extract(large, year=2023)
    t_large = time.perf_counter() - start
    assert t_large < 8 * t_small * 2.5 + 1.0  # linear, with room for a noisy machine


def test_outcomes_of_goals_already_in_the_data(tmp_path: Path) -> None:
    data = tmp_path / "targets"
    data.mkdir()
    (data / "regions.toml").write_text('[[region]]\nname = "官渡区"\n', encoding="utf-8")
    (data / "gd.toml").write_text(
        '[[source]]\nid = "s"\ntitle = "计划"\ndate = 2023-01-10\n\n'
        '[[goal]]\nid = "gd-gdp"\ntitle = "地区生产总值"\nregion = "官渡区"\nunit = "元"\n'
        'period = 2023\ntarget = "1700亿"\nsource = "s"\n',
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text(
        "2023年上半年,全区实现地区生产总值806亿元。新建幼儿园5所。", encoding="utf-8"
    )
    runner = CliRunner()
    args = ["--data", str(data), "extract", str(article), "--region", "官渡"]
    draft = runner.invoke(cli, args)
    assert draft.exit_code == 0, draft.stderr
    assert "# tracker record gd-gdp 806亿 --as-of 2023-06-30" in draft.stdout
    assert draft.stdout.count("[[goal]]") == 1  # the kindergartens; no duplicate GDP goal
    assert "[[region]]" not in draft.stdout  # 官渡区 is known
    as_json = json.loads(runner.invoke(cli, [*args, "--format", "json"]).stdout)
    assert [f["goal_id"] for f in as_json["figures"]] == ["gd-gdp", None]


def test_a_data_directory_with_errors_is_named_not_silently_ignored(tmp_path: Path) -> None:
    data = tmp_path / "targets"
    data.mkdir()
    (data / "regions.toml").write_text('[[region]]\nname = "官渡区"\n', encoding="utf-8")
    (data / "broken.toml").write_text("[[goal]\nid = 1\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("2023年上半年,全区新建幼儿园5所。", encoding="utf-8")
    for lang, words in (("zh", "有1处错误"), ("en", "has 1 error ")):
        args = ["--lang", lang, "--data", str(data), "extract", str(article), "--region", "官渡"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.stderr
        assert words in result.stderr
        assert "幼儿园" in result.stdout  # the draft is still made


def test_drafts_check_inside_and_outside_the_data_directory(tmp_path: Path) -> None:
    data = tmp_path / "targets"
    data.mkdir()
    (data / "regions.toml").write_text('[[region]]\nname = "官渡区"\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("2023年,全区新建幼儿园5所,新增就业1.2万人。", encoding="utf-8")
    runner = CliRunner()
    for region, where in (
        ("官渡区", data / "d.toml"),
        ("官渡区", tmp_path / "d.toml"),
        ("新区", tmp_path / "n.toml"),
    ):
        draft = runner.invoke(
            cli, ["--data", str(data), "extract", str(article), "--region", region]
        )
        assert draft.exit_code == 0
        where.write_text(draft.stdout, encoding="utf-8")
        checked = runner.invoke(cli, ["--data", str(data), "check", str(where)])
        assert checked.exit_code == 0, checked.stdout
        where.unlink()
    unknown = runner.invoke(cli, ["--data", str(data), "extract", str(article), "--region", "新区"])
    assert '[[region]]\nname = "新区"' in unknown.stdout


# A work report's plan list and its review of the year before (the development set's second
# round): the sentences are written for the tests, in the shapes of 政府工作报告 and of
# 计划执行情况与草案 reports.

_KIND = tuple[str, str, str, str, str]  # role, value, kind, measure, period


def plan(text: str, **kwargs: object) -> list[_KIND]:
    rows(text, **kwargs)  # the same figures as one line
    figures = extract(text, **kwargs).figures  # type: ignore[arg-type]
    return [(f.role, f.value, f.kind, f.measure, f.period) for f in figures]


def test_a_plan_list_after_its_heading_is_all_targets() -> None:
    text = (
        "今年全县经济社会发展的主要预期目标是:地区生产总值增长6.5%左右;"
        "一般公共预算收入增长5%以上;城镇新增就业4500人;城镇登记失业率控制在4%以内;"
        "居民人均可支配收入增长与经济增长同步。"
    )
    assert plan(text, date=dt.date(2024, 2, 20)) == [
        ("target", "6.5%左右", "range", "growth", "2024"),
        ("target", "5%以上", "at_least", "growth", "2024"),
        ("target", "4500", "at_least", "flow", "2024"),
        ("target", "4%以内", "at_most", "level", "2024"),
    ]


def test_a_numbered_plan_list_under_a_heading_is_all_targets() -> None:
    text = (
        "二、2025年发展主要预期目标\n"
        "1、全市生产总值增长5.5%左右。\n"
        "2、社会消费品零售总额增长7%。\n"
        "3、城镇新增就业3.2万人以上,城镇调查失业率5.5%以内。\n"
    )
    assert plan(text, date=dt.date(2025, 1, 20)) == [
        ("target", "5.5%左右", "range", "growth", "2025"),
        ("target", "7%", "at_least", "growth", "2025"),
        ("target", "3.2万以上", "at_least", "flow", "2025"),
        ("target", "5.5%以内", "at_most", "level", "2025"),
    ]


def test_a_plan_list_continued_after_its_first_sentence() -> None:
    text = (
        "报告提出了2026年全区的主要预期目标:地区生产总值增长6%;固定资产投资增长8%。"
        "2026年,城镇登记失业率控制在3.5%以内;农村居民人均可支配收入增长7%左右。"
    )
    assert plan(text, date=dt.date(2026, 1, 28)) == [
        ("target", "6%", "at_least", "growth", "2026"),
        ("target", "8%", "at_least", "growth", "2026"),
        ("target", "3.5%以内", "at_most", "level", "2026"),
        ("target", "7%左右", "range", "growth", "2026"),
    ]


def test_a_plan_list_ends_at_review_wording() -> None:
    text = (
        "今年的主要预期目标是:全市生产总值增长5%左右。"
        "去年,全市生产总值增长5.4%,城镇新增就业2.1万人。"
    )
    assert plan(text, date=dt.date(2024, 2, 1)) == [
        ("target", "5%左右", "range", "growth", "2024"),
        ("outcome", "5.4%", "at_least", "growth", "2023"),
        ("outcome", "2.1万", "at_least", "flow", "2023"),
    ]


def test_last_years_figures_in_this_years_report_are_outcomes() -> None:
    text = (
        "过去一年,全县地区生产总值达到156.3亿元、增长7.2%;城乡居民人均可支配收入分别增长"
        "6.1%、8.3%。2023年,预计全年规模以上工业增加值增长9%以上,固定资产投资增长6%左右。"
    )
    got = plan(text, date=dt.date(2024, 1, 25))
    assert [(role, value, period) for role, value, _k, _m, period in got] == [
        ("outcome", "156.3亿", "2023"),
        ("outcome", "7.2%", "2023"),
        ("outcome", "6.1%", "2023"),
        ("outcome", "8.3%", "2023"),
        ("outcome", "9%以上", "2023"),
        ("outcome", "6%左右", "2023"),
    ]
    assert {f.as_of for f in extract(text, date=dt.date(2024, 1, 25)).figures} == {
        dt.date(2023, 12, 31)
    }


def test_a_year_just_begun_states_plans() -> None:
    text = "会议提出,2024年全市地区生产总值增长6%,城镇新增就业5万人以上。"
    assert plan(text, date=dt.date(2024, 2, 3)) == [
        ("target", "6%", "at_least", "growth", "2024"),
        ("target", "5万以上", "at_least", "flow", "2024"),
    ]


def test_a_five_year_plan_named_is_not_a_period() -> None:
    text = "2021年是“十四五”开局之年。据统计,全县地区生产总值增长8.2%达120.5亿元。"
    got = plan(text, date=dt.date(2022, 1, 20))
    assert [(role, period) for role, _v, _k, _m, period in got] == [
        ("outcome", "2021"),
        ("outcome", "2021"),
    ]
    text = "“十三五”时期,全市城镇新增就业累计达到25.6万人。"
    assert plan(text, date=dt.date(2021, 2, 1))[0][4] == "2016-2020"


@pytest.mark.parametrize(
    ("text", "value", "baseline", "measure"),
    [
        ("农村贫困人口从2015年年底的3.2万人减到2020年年底的0.1万人。", "0.1万", "3.2万", "level"),
        ("全市贫困发生率由6.4%降至0.3%。", "0.3%", "6.4%", "level"),
        ("常住人口城镇化率从52.1%提高到58.7%。", "58.7%", "52.1%", "level"),
    ],
)
def test_baselines_from_to(text: str, value: str, baseline: str, measure: str) -> None:
    figure = one(text, year=2021)
    assert (figure.role, figure.value, figure.baseline, figure.measure) == (
        "outcome",
        value,
        baseline,
        measure,
    )


def test_a_count_reached_is_a_level() -> None:
    assert one("全市外商投资企业增至3200余户。", year=2023).measure == "level"


def test_the_parts_of_a_speech_are_not_figures() -> None:
    text = "为实现今年目标,主要做好7个方面的工作,提出3点意见:"
    assert extract(text, year=2024).figures == ()


def test_a_headline_without_title_word_or_source_line_is_read_once() -> None:
    text = "全市新增就业5.6万人\n截至10月底,全市城镇新增就业5.6万人,完成全年目标的112%。"
    assert [(f.value, f.stated_rate) for f in extract(text, year=2023).figures] == [
        ("5.6万", "112%")
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n\x00\x01\x02\xff\xfe\x80\x81 stream \x00\x00\x10\x11",  # not UTF-8 either
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00 word/document.xml",  # valid UTF-8, with NULs
    ],
)
def test_binary_input_is_refused_without_an_encoding_hint(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "article.pdf"
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 1
    assert "is not text in any encoding" in result.stderr
    assert "--encoding" not in result.stderr


def test_the_five_years_before_and_an_item_relative_to_last_year() -> None:
    text = (
        "过去五年,全市地区生产总值从3120亿元增加到4380亿元,服务业比重由45.2%提高到51.8%。"
        "二、今年主要预期目标\n(一)地区生产总值增长6%左右。\n(二)城乡居民收入比上年增长6.5%。\n"
    )
    got = plan(text, date=dt.date(2024, 1, 30))
    assert got == [
        ("outcome", "4380亿", "at_least", "level", "2019-2023"),
        ("outcome", "51.8%", "at_least", "level", "2019-2023"),
        ("target", "6%左右", "range", "growth", "2024"),
        ("target", "6.5%", "at_least", "growth", "2024"),
    ]
    assert extract(text, date=dt.date(2024, 1, 30)).figures[0].as_of == dt.date(2023, 12, 31)


def test_a_bulleted_plan_list() -> None:
    text = (
        "直通2024两会 报告速览\n全年经济社会发展预期目标\n●地区生产总值增长5.5%左右\n"
        "●城镇新增就业8万人以上\n●城镇调查失业率5.5%以内\n●粮食产能稳定在500万吨以上\n"
    )
    figures = extract(text, date=dt.date(2024, 1, 20)).figures
    assert [(f.role, f.value, f.title, f.measure) for f in figures] == [
        ("target", "5.5%左右", "地区生产总值增速", "growth"),
        ("target", "8万以上", "城镇新增就业", "flow"),
        ("target", "5.5%以内", "城镇调查失业率", "level"),
        ("target", "500万以上", "粮食产能", "level"),
    ]
    assert figures[0].tolerance == "0.5"


def test_a_target_heading_that_tells_it_reached_opens_no_list() -> None:
    text = "全市全面完成年初确定的主要预期目标。全市生产总值增长6.1%;城镇新增就业5.2万人。"
    assert [f.role for f in extract(text, date=dt.date(2024, 12, 28)).figures] == [
        "outcome",
        "outcome",
    ]


@pytest.mark.parametrize(
    ("date", "period"), [(dt.date(2024, 1, 20), "2023"), (dt.date(2024, 12, 26), "2024")]
)
def test_a_year_looked_back_on(date: dt.date, period: str) -> None:
    text = "一年来,全县城镇新增就业4200人,地区生产总值增长6.8%。"
    assert [(f.role, f.period) for f in extract(text, date=date).figures] == [
        ("outcome", period),
        ("outcome", period),
    ]


def test_a_plan_list_ends_at_a_date_of_figures_reached() -> None:
    text = "今年主要预期目标是:全市生产总值增长6%左右。1-9月,全市生产总值增长5.8%。"
    assert [f.role for f in extract(text, date=dt.date(2024, 10, 20)).figures] == [
        "target",
        "outcome",
    ]


# --- third round: 实事 lists, multi-year tasks, estimates late in the year ------------------


def test_a_list_of_the_years_shishi_is_all_targets() -> None:
    text = (
        "2024年,县委、县政府为民兴办8件实事:\n"
        "一是新建和改扩建中小学6所,新增学位3000个。\n"
        "二是完成农村改厕1.2万户,新建乡村公厕80座。\n"
        "三是开工建设安置房2000套。\n"
    )
    # (the count of items, 8件, is the list's size: neither right nor wrong)
    assert plan(text, date=dt.date(2024, 2, 20))[1:] == [
        ("target", "6", "at_least", "flow", "2024"),
        ("target", "3000", "at_least", "flow", "2024"),
        ("target", "1.2万", "at_least", "flow", "2024"),
        ("target", "80", "at_least", "flow", "2024"),
        ("target", "2000", "at_least", "flow", "2024"),
    ]
    text = "确定了今年的为民十件实事。这10件实事分别为:一是新增停车位500个;二是改扩建公交站台12对。"
    assert [(f.role, f.value, f.unit) for f in extract(text, year=2016).figures][-2:] == [
        ("target", "500", "个"),
        ("target", "12", "对"),
    ]


def test_a_shishi_list_told_done_is_not_a_plan() -> None:
    text = "2023年为民办实事完成情况:新建和改扩建中小学6所,新增学位3000个。"
    assert {f.role for f in extract(text, date=dt.date(2024, 1, 10)).figures} == {"outcome"}


def test_a_task_over_several_years_and_its_progress() -> None:
    text = (
        "今年重点民生实事主要进度如下:3000个行政村通客车(2018—2020年)。上半年已完成建设"
        "800个。累计完成2500个,占总计划的83.3%。\n"
        "完成4.2万口山坪塘整治(2018—2020年)。全市4.2万口山坪塘已提前完成总目标任务。"
    )
    got = extract(text, date=dt.date(2019, 7, 20)).figures
    assert [(f.role, f.value, f.unit, f.period, f.stated_rate) for f in got] == [
        ("target", "3000", "个", "2018-2020", None),
        ("outcome", "800", "个", "2019", None),
        ("outcome", "2500", "个", "2018-2020", "83.3%"),
        ("target", "4.2万", "口", "2018-2020", None),
        ("outcome", "4.2万", "口", "2018-2020", None),
    ]
    assert got[1].as_of == dt.date(2019, 6, 30)


def test_an_estimate_of_the_whole_year_late_in_it_is_an_outcome() -> None:
    text = (
        "今年1至11月,全国城镇新增就业1105万人,预计全年将超过1200万人。三季度末,城镇登记"
        "失业率为4.0%。截至今年11月底,累计帮助8.6万户零就业家庭实现每户至少1人就业。"
        "今年城镇新增就业的预期目标是900万人。"
    )
    got = extract(text, date=dt.date(2007, 12, 21)).figures
    assert [(f.role, f.value, f.as_of) for f in got] == [
        ("outcome", "1105万", dt.date(2007, 11, 30)),
        ("outcome", "超过1200万", dt.date(2007, 12, 31)),
        ("outcome", "4.0%", dt.date(2007, 9, 30)),
        ("outcome", "8.6万", dt.date(2007, 11, 30)),
        ("target", "900万", None),
    ]
    # Early in the year, 预计 is a plan.
    assert one("预计全年新增就业1200万人。", date=dt.date(2007, 3, 5)).role == "target"


def test_an_undated_review_heading_names_the_year_looked_back_on() -> None:
    text = "一、2014年工作回顾\n过去的一年,全省城镇新增就业81.9万人,生产总值增长9.7%。"
    assert {(f.role, f.period) for f in extract(text).figures} == {("outcome", "2014")}


def test_an_undated_estimate_after_huigu_the_year_is_an_outcome() -> None:
    text = (
        "明年的主要预期目标是:生产总值增长6%左右。回顾2019年,预计2019年全年全省实现生产总值"
        "8120亿元,增长6.5%;城镇登记失业率3.2%。2019年全省粮食产量稳定。"
    )
    assert [(f.role, f.value) for f in extract(text).figures] == [
        ("target", "6%左右"),
        ("outcome", "8120亿"),
        ("outcome", "6.5%"),
        ("outcome", "3.2%"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit", "measure"),
    [
        ("困难人员实现再就业1.21万,开发公益性岗位1402个。", "1.21万", "人", "flow"),
        ("今年关闭煤矿42个、退出产能347万吨。", "347万", "吨", "flow"),
        ("主要进度如下:2606个撤并村通公路已建成。", "2606", "个", "flow"),
    ],
)
def test_units_and_measures_of_the_third_round(
    text: str, value: str, unit: str, measure: str
) -> None:
    figures = {f.value: f for f in extract(text, year=2018).figures}
    assert (figures[value].unit, figures[value].measure) == (unit, measure)


def test_pilot_counties_and_one_per_household_are_not_figures() -> None:
    text = "上半年,14个试点区县稳步推进,惠及学生88.27万人;零就业家庭实现每户至少1人就业。"
    assert [f.value for f in extract(text, year=2015).figures] == ["88.27万"]


def test_an_older_plans_targets_and_results_in_a_report() -> None:
    text = (
        "省长在报告中表示,全省规划“十二五”时期生产总值年均增长9%,比“十一五”规划的目标低1个"
        "百分点。2011年全省"
        "生产总值增长目标也调低为9%。“十一五”期间,全省生产总值年均增长12%以上。"
    )
    got = extract(text, date=dt.date(2011, 1, 20)).figures
    assert [(f.role, f.value, f.measure, f.period) for f in got if f.unit == "%"] == [
        ("target", "9%", "growth", "2011-2015"),
        ("target", "9%", "growth", "2011"),
        ("outcome", "12%以上", "growth", "2006-2010"),
    ]


def test_last_years_target_quoted_in_a_review_sentence() -> None:
    text = (
        "2019年年初,市政府工作报告提到的全市发展主要预期目标是地区生产总值增长7%左右。"
        "全市最后交上的答卷为15373亿元,同比增长6.8%。"
    )
    got = extract(text, year=2020).figures
    assert [(f.role, f.value, f.period) for f in got] == [
        ("target", "7%左右", "2019"),
        ("outcome", "15373亿", "2019"),
        ("outcome", "6.8%", "2019"),
    ]


def test_a_band_of_rates_is_one_range_figure() -> None:
    text = "今年发展主要预期目标是:经济增长4.5%-5%,城镇新增就业1200万人以上。"
    band = extract(text, date=dt.date(2026, 3, 5)).figures[0]
    assert (band.role, band.value, band.upper, band.kind, band.measure, band.tolerance) == (
        "target",
        "4.5%",
        "5%",
        "range",
        "growth",
        None,
    )
    assert band.written == "4.5%-5%"
    # quoted as the target reached in a review sentence: still the target
    text = "全年国内生产总值增长6.7%,实现了6.5%至7%的预期目标。"
    assert [(f.role, f.value, f.upper) for f in extract(text, year=2016).figures] == [
        ("outcome", "6.7%", None),
        ("target", "6.5%", "7%"),
    ]


def test_a_band_target_in_the_draft(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("今年发展主要预期目标是:经济增长4.5%-5%。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--year", "2026"])
    assert result.exit_code == 0, result.output
    assert 'target = ["4.5%", "5%"]' in result.stdout
    result = CliRunner().invoke(cli, ["extract", str(path), "--year", "2026", "--format", "json"])
    assert json.loads(result.stdout)["figures"][0]["upper"] == "5%"


@pytest.mark.parametrize(
    "text",
    [
        "一、主要目标任务完成情况:上半年全市新增城镇就业3.2万人,完成年度计划的56%。",
        "2023年计划执行情况:全市地区生产总值增长5.2%。",
    ],
)
def test_a_heading_of_results_against_the_plan_is_no_plan_wording(text: str) -> None:
    assert {f.role for f in extract(text, date=dt.date(2023, 7, 15)).figures} == {"outcome"}


@pytest.mark.parametrize(
    "text",
    [
        "全市城镇新增就业5200人,任务完成比例为104%。",
        "前三季度,全市城镇新增就业5200人,完成年度任务104%。",
        "前三季度,全市城镇新增就业5200人,年度任务完成104%。",
    ],
)
def test_a_completion_share_is_a_stated_rate(text: str) -> None:
    figure = one(text, year=2023)
    assert (figure.role, figure.value, figure.stated_rate) == ("outcome", "5200", "104%")


def test_targets_quoted_in_a_year_end_review() -> None:
    text = (
        "去年,国内生产总值增长6.7%,在6.5%-7%的预期区间内;居民消费价格上涨2%,低于3%左右的"
        "调控目标。全省规模以上工业增加值增长6.8%,低于7.5%的年度目标0.7个百分点。"
    )
    got = extract(text, date=dt.date(2017, 1, 20)).figures
    assert [(f.role, f.value, f.measure, f.stated_gap) for f in got] == [
        ("outcome", "6.7%", "growth", None),
        ("target", "6.5%", "growth", None),
        ("outcome", "2%", "growth", None),
        ("target", "3%左右", "growth", None),
        ("outcome", "6.8%", "growth", "0.7个百分点"),
        ("target", "7.5%", "growth", None),
    ]


def test_a_plan_list_of_themes_each_with_its_targets() -> None:
    text = (
        "今年全省经济社会发展的主要预期目标是:\n"
        "——经济保持平稳较快增长。生产总值增长7.5%左右,一般公共预算收入增长8%。\n"
        "——结构调整取得新进展。服务业增加值占比提高1个百分点。\n"
        "——人民生活持续改善。城镇新增就业110万人。\n"
    )
    assert {f.role for f in extract(text, year=2016).figures} == {"target"}
    # ... but themes under a heading that tells the targets reached are a review
    text = (
        "一年来,全年主要目标任务较好完成。\n"
        "——经济保持恢复发展。国内生产总值达到114万亿元,增长8.1%。\n"
        "——创新能力进一步增强。企业研发经费增长15.5%。\n"
    )
    assert {f.role for f in extract(text, date=dt.date(2022, 3, 5)).figures} == {"outcome"}


def test_planned_and_actual() -> None:
    text = (
        "“过街天桥项目”计划完成工程量5%,实际完成工程量6%;“文化惠民活动项目”计划三季度完成"
        "公益惠民演出活动20场,实际完成27场。"
    )
    got = extract(text, date=dt.date(2021, 10, 20)).figures
    assert [(f.role, f.value) for f in got] == [
        ("target", "5%"),
        ("outcome", "6%"),
        ("target", "20"),
        ("outcome", "27"),
    ]


# Fourth round: reviews of a report's proposals, quoted targets, page stamps, comparisons,
# plan lists of 指标, projects named by their targets, periods listed, rates of a budget.

D2019 = {"date": dt.date(2019, 1, 20)}
D2024 = {"date": dt.date(2024, 3, 2)}
RV = ("role", "value")


def fields(text: str, names: tuple[str, ...], **kwargs: object) -> list[tuple[str, ...]]:
    """The named fields of every figure, as text (as_of as its ISO date)."""
    figures = extract(text, **kwargs).figures  # type: ignore[arg-type]
    return [tuple(str(getattr(f, n)) for n in names) for f in figures]


def assert_as_text_and_one_line(
    text: str, names: tuple[str, ...], kwargs: dict[str, object], expected: list[tuple[str, ...]]
) -> None:
    """The named fields of every figure are as expected, in the text and as one line."""
    assert fields(text, names, **kwargs) == expected
    flat = "".join(line.strip() for line in text.splitlines())
    assert fields(flat, names, **kwargs) == expected


@pytest.mark.parametrize(
    ("text", "kwargs", "names", "expected"),
    [
        (  # what a report proposed, then what was done
            "去年政府工作报告提出,全年新建改造农村公路15万公里,新增高效节水灌溉面积2000万亩。"
            "而实际全年新建改造农村公路18.2万公里。此外,报告提出粮食产量稳定在1.3万亿斤以上,"
            "而实际产量为1.39万亿斤。",
            D2024,
            ("role", "value", "period"),
            [
                ("target", "15万", "2023"),
                ("target", "2000万", "2023"),
                ("outcome", "18.2万", "2023"),
                ("target", "1.3万亿以上", "2023"),
                ("outcome", "1.39万亿", "2023"),
            ],
        ),
        (  # …以上的目标, …的承诺
            "去年承诺了新增城镇就业200万人以上的目标,全年实际新增215万人。"
            "宽带资费较上年下降了25%,超额完成了降低20%的承诺。",
            D2024,
            ("role", "value", "period", "measure"),
            [
                ("target", "200万以上", "2023", "flow"),
                ("outcome", "215万", "2023", "flow"),
                ("outcome", "-25%", "2023", "growth"),
                ("target", "-20%", "2023", "growth"),
            ],
        ),
        (  # a % after 低于…任务 is the target, not a gap
            "全年城镇调查失业率为5.2%,低于指标任务5.5%。",
            {"year": 2024},
            ("role", "value", "stated_gap", "measure"),
            [("outcome", "5.2%", "None", "level"), ("target", "5.5%", "None", "level")],
        ),
        (  # a page stamp dates the article: 去年 is the year before it
            "全省就业工作综述\n2021-03-04 09:30:00\n来源:省人社厅\n去年全省城镇新增就业50万人。\n",
            {},
            ("role", "value", "period"),
            [("outcome", "50万", "2020")],
        ),
        (  # the quarter under way ("大干四季度" in October) dates no figure
            "发布日期:2021-10-20\n前三季度,全市地区生产总值增长6.1%,低于目标0.9个百分点。"
            "各部门要大干四季度。\n2.固定资产投资:增长5%,低于目标3个百分点。",
            {},
            ("value", "period", "as_of"),
            [("6.1%", "2021", "2021-09-30"), ("5%", "2021", "2021-09-30")],
        ),
        (  # 比去年: the base of a comparison, not a date
            "上半年,区级财政收入2.12亿元,比去年同口径增长15.2%。",
            {"date": dt.date(2006, 7, 20)},
            ("value", "period", "as_of"),
            [("2.12亿", "2006", "2006-06-30"), ("15.2%", "2006", "2006-06-30")],
        ),
        (  # lists headed by 主要预期指标 / 约束性指标
            "主要预期指标是:地区生产总值增长6%左右,城镇新增就业30万人。\n"
            "约束性指标是:万元地区生产总值能耗下降3%。民生方面,农村危房改造2万户。\n",
            {"year": 2019},
            RV,
            [("target", "6%左右"), ("target", "30万"), ("target", "-3%"), ("target", "2万")],
        ),
        (  # gaps against 预期, targets after 预期 or before 的预期; 31省份 is no figure
            "2018年,全省地区生产总值增长6%,低于预期2个百分点;出口增长9%,高于预期0.5个百分点;"
            "财政收入下降3.1%,好于下降5%的预期;城镇登记失业率3.4%,控制在预期4.5%以内。"
            "全国31省份中,增速居第20位。",
            D2019,
            ("role", "value", "stated_gap"),
            [
                ("outcome", "6%", "2个百分点"),
                ("outcome", "9%", "-0.5个百分点"),
                ("outcome", "-3.1%", "None"),
                ("target", "-5%", "None"),
                ("outcome", "3.4%", "None"),
                ("target", "4.5%以内", "None"),
            ],
        ),
        (  # periods listed, then their figures
            "2020年,全市地区生产总值一季度、上半年、前三季度分别增长5.1%、5.3%、5.2%。",
            {"date": dt.date(2020, 10, 25)},
            ("value", "as_of"),
            [("5.1%", "2020-03-31"), ("5.3%", "2020-06-30"), ("5.2%", "2020-09-30")],
        ),
        (  # a report's targets said to be reached introduce outcomes
            "年初政府工作报告提出的各项目标顺利实现:地区生产总值增长7.1%,城镇新增就业55万人。",
            {"date": dt.date(2019, 1, 25)},
            RV,
            [("outcome", "7.1%"), ("outcome", "55万")],
        ),
        (  # rates of a budget, with 是, and a share with no figure before it
            "上半年,一般公共预算收入8.1亿元,为年度预算的55.3%;全区城镇新增就业5.2千人,"
            "是年度目标9千人的57.8%。地区生产总值完成年度目标的50.2%。",
            {"date": dt.date(2021, 7, 20)},
            ("role", "value", "stated_rate", "target"),
            [
                ("outcome", "8.1亿", "55.3%", "None"),
                ("outcome", "5.2千", "57.8%", "9千"),
                ("outcome", "50.2%", "None", "None"),
            ],
        ),
        (  # …的增长目标 after the outcome
            "过去一年,全省生产总值增长7.5%,完成了省人大确定的7%的增长目标。",
            {"date": dt.date(2017, 1, 20)},
            ("role", "value", "measure", "period"),
            [("outcome", "7.5%", "growth", "2016"), ("target", "7%", "growth", "2016")],
        ),
    ],
)
def test_fourth_round_wordings(
    text: str, kwargs: dict[str, object], names: tuple[str, ...], expected: list[tuple[str, ...]]
) -> None:
    assert_as_text_and_one_line(text, names, kwargs, expected)


def test_projects_named_by_their_targets_and_spaced_figures() -> None:
    text = (
        "截至8月底,新建村道120公里、改造危桥8座等5个项目超额完成了节点任务,居民消费价格涨幅 1.5%。"
    )
    got = extract(text, year=2020).figures
    # (the count of projects, 5个, is neither right nor wrong)
    assert [(f.role, f.value, f.measure) for f in got if f.unit != "个"] == [
        ("target", "120", "flow"),
        ("target", "8", "flow"),
        ("outcome", "1.5%", "growth"),
    ]
    assert rows("社会消费品零售总额30.61 亿元,完成年度计划的51.02%。", year=2006) == [
        ("outcome", "30.61亿", "元", "51.02%", None, None, "flow")
    ]
    assert rows("全年环境空气质量综合指数改善9.6%。", year=2018) == [
        ("outcome", "9.6%", "%", None, None, None, "growth")
    ]


_SHISHI_LIST = (
    "某县第五届人民代表大会第三次会议公告(第2号)\n发布日期:2021-4-28\n\n"
    "经县第五届人民代表大会第三次会议投票表决,以下8个项目为本县2021年度民生实事项目:\n\n"
    "一、推进教育提升工程。新建幼儿园3所,新增学位1500个;改造校舍1.2万平方米;"
    "配备课桌椅800套,配置率达到90%。\n\n"
    "二、加强医疗服务。建设村卫生室20个;培训村医300人;配置救护车6辆;开展义诊40场、健康讲座20场。\n\n"
    "三、改善交通出行。新建公交站台50个;新增公交车30辆;改造农村公路60公里;建设停车位2000个。\n\n"
    "四、提升人居环境。建设公园4个;新增绿地12万平方米;改造公厕45座;"
    "完成投用3座污水处理站,实现镇区污水全收集。"
)


@pytest.mark.parametrize(
    ("text", "kwargs", "names", "expected"),
    [
        (  # "完成目标X%" (no 的) states the rate of the figure before it
            "2012年,全省新建乡村公路85公里,完成目标113%;培训农民工3200人,完成目标96.4%。",
            {"date": dt.date(2013, 1, 8)},
            ("role", "value", "stated_rate", "period"),
            [("outcome", "85", "113%", "2012"), ("outcome", "3200", "96.4%", "2012")],
        ),
        (  # a gap against the plan without 于, after an aside in brackets
            "全年规模以上工业增加值增长2.4%(一季度为-8.1%),低年度计划3.6个百分点。",
            {"date": dt.date(2021, 3, 20)},
            ("value", "stated_gap"),
            [("2.4%", "3.6个百分点"), ("-8.1%", "None")],
        ),
        (  # gaps against 时序进度, with 较…低 and with 距…还差
            "1-6月,城镇新增就业2842人,完成年度目标任务的61.78%,高于时序进度11.78个百分点;"
            "地区生产总值增长6.1%,较年度目标低0.9个百分点;财政收入增长4.2%,距年度目标还差1.3个百分点。",
            {"date": dt.date(2019, 7, 15)},
            ("value", "stated_rate", "stated_gap"),
            [
                ("2842", "61.78%", "-11.78个百分点"),
                ("6.1%", "None", "0.9个百分点"),
                ("4.2%", "None", "1.3个百分点"),
            ],
        ),
        (  # above the budget: a gap of money, negative (above the target)
            "全年民生工程实际投入86.5亿元,超资金预算安排12.3亿元。",
            {"date": dt.date(2012, 1, 15)},
            ("role", "value", "stated_gap"),
            [("outcome", "86.5亿", "-12.3亿")],
        ),
        (  # …的控制指标 after a figure quotes the target
            "截至6月底,城镇登记失业率2.9%,低于4.2%的控制指标。",
            {"date": dt.date(2019, 7, 10)},
            RV,
            [("outcome", "2.9%"), ("target", "4.2%")],
        ),
        (  # a rate named after it: "X%的完成进度"
            "截至9月底,全县城镇新增就业4200人,达到84%的完成进度。",
            {"date": dt.date(2019, 10, 15)},
            ("role", "value", "stated_rate"),
            [("outcome", "4200", "84%")],
        ),
        (  # a target in brackets after its outcome, then the rate of the outcome
            "截至9月底,全县城镇新增就业4200人(年度目标5000人),完成率84%。",
            {"date": dt.date(2019, 10, 15)},
            ("role", "value", "stated_rate", "target"),
            [("outcome", "4200", "84%", "5000")],
        ),
        (  # a space before the measure word; a road's number is its name
            "今年将新改扩建乡镇卫生院6 所,改造208国道绕城段12公里。",
            {"date": dt.date(2021, 2, 1)},
            ("role", "value", "unit"),
            [("target", "6", "所"), ("target", "12", "公里")],
        ),
    ],
)
def test_fifth_round_wordings(
    text: str, kwargs: dict[str, object], names: tuple[str, ...], expected: list[tuple[str, ...]]
) -> None:
    assert_as_text_and_one_line(text, names, kwargs, expected)


def test_a_year_after_bi_or_jiao_is_a_comparisons_base() -> None:
    text = "2012年全县民生工程共有18个项目,较2011年增加3个项目。全年建成安置房460套。"
    got = extract(text, date=dt.date(2013, 1, 10)).figures
    assert [(f.value, f.period) for f in got if f.unit == "套"] == [("460", "2012")]


def test_a_long_shishi_list_is_all_targets() -> None:
    for text in (_SHISHI_LIST, "".join(line.strip() for line in _SHISHI_LIST.splitlines())):
        got = extract(text).figures
        # (the count of projects in the heading, 8个, is neither right nor wrong)
        assert {f.role for f in got if f.value != "8"} == {"target"}, [
            (f.role, f.value) for f in got
        ]
        assert len(got) == 19


@pytest.mark.parametrize(
    ("text", "kwargs", "names", "expected"),
    [
        (  # the share of the year's investment after the investment done
            "截至9月底,全市民生实事已完成投资32.6亿元,完成年度总投资的81.5%。",
            {"date": dt.date(2021, 10, 10)},
            ("role", "value", "stated_rate"),
            [("outcome", "32.6亿", "81.5%")],
        ),
        (  # 开工率 / 竣工率 after the work counted; of a count of projects, a figure of its own
            "截至6月底,全县棚户区改造已开工2300套,开工率为76.7%;基本建成1200套,竣工率为40%。"
            "已开工项目18项,开工率达90%。",
            {"date": dt.date(2016, 7, 12)},
            ("role", "value", "stated_rate"),
            [
                ("outcome", "2300", "76.7%"),
                ("outcome", "1200", "40%"),
                ("outcome", "18", "None"),
                ("outcome", "90%", "None"),
            ],
        ),
        (  # funds paid out (下达…资金) are done, not a target handed down
            "2020年,省级财政下达专项资金45.6亿元,补助资金下达后全省新建农村公路3200公里。",
            {"date": dt.date(2021, 1, 20)},
            RV,
            [("outcome", "45.6亿"), ("outcome", "3200")],
        ),
        (  # the basis of a payment is a parameter of the policy, not a figure of the work
            "今年以来,按每人2000元标准向1.5万名困难学生发放助学金,"
            "并按照3100万人的经费测算口径下达补助资金9.3亿元。",
            {"date": dt.date(2019, 11, 2)},
            RV,
            [("outcome", "1.5万"), ("outcome", "9.3亿")],
        ),
        (  # a meeting's roll is not work done
            "县第十八届人民代表大会第一次会议应出席代表236名,实际出席代表221名,符合法定人数。"
            "会议听取了县长所作的报告:去年全县城镇新增就业4500人。",
            {"date": dt.date(2022, 1, 10)},
            RV,
            [("outcome", "4500")],
        ),
        (  # "X亿元以上项目" defines a class of projects; "总数达" counts a stock (a level)
            "2018年全市新增规上工业企业126家,总数达1380家;签约一批5亿元以上项目,完成投资86亿元。",
            {"date": dt.date(2019, 1, 12)},
            ("role", "value", "measure", "period"),
            [
                ("outcome", "126", "flow", "2018"),
                ("outcome", "1380", "level", "2018"),
                ("outcome", "86亿", "flow", "2018"),
            ],
        ),
        (  # a target list goes on past an item without a figure that ends with ";"
            "2016年全市经济社会发展的主要预期目标是:生产总值增长7%左右。进出口稳中向好;"
            "城镇居民人均可支配收入增长8%,农村居民人均可支配收入增长8.5%。",
            {},
            RV,
            [("target", "7%左右"), ("target", "8%"), ("target", "8.5%")],
        ),
        (  # the year's 实事 announced without a colon, then items "一是…" with sentences
            # that hold no figure
            "2015年,省政府将努力办好十件民生实事。\n一是改善办学条件。新建幼儿园120所。\n"
            "二是加强污水治理。推进城镇污水处理设施建设,全面提升处理能力。"
            "改造污水管网300公里,受益农户达到50万户。",
            {},
            RV,
            [("target", "120"), ("target", "300"), ("target", "50万")],
        ),
        (  # ... but not when the 实事 were done ("办好了")
            "2019年,市政府办好了十件民生实事。\n一是改善办学条件。新建幼儿园12所。",
            {},
            RV,
            [("outcome", "12")],
        ),
        (  # a gap from a ceiling (省控线) is beyond the target when below it; a second rate or
            # gap goes into the note; a change against a year named is not a figure
            "2020年,全县城镇新增就业6210人,完成省下达目标任务的124.2%,市下达目标任务的118%;"
            "城镇登记失业率为3.2%,比2019年下降0.2个百分点,低于省控线1.3个百分点,"
            "低于市控线0.8个百分点。",
            {"date": dt.date(2021, 1, 15)},
            ("role", "value", "stated_rate", "stated_gap", "kind", "note"),
            [
                (
                    "outcome",
                    "6210",
                    "124.2%",
                    "None",
                    "at_least",
                    "another rate: 市下达目标任务的118%",
                ),
                (
                    "outcome",
                    "3.2%",
                    "None",
                    "-1.3个百分点",
                    "at_most",
                    "比2019年下降0.2个百分点; another gap: 低于市控线0.8个百分点",
                ),
            ],
        ),
        (  # a space between a rate's words and the rate
            "截至9月底,全区城镇新增就业1.25万人,完成率 96.2%;"
            "开发公益性岗位320个,完成年度任务的 80%。",
            {"date": dt.date(2021, 10, 15)},
            ("role", "value", "stated_rate"),
            [("outcome", "1.25万", "96.2%"), ("outcome", "320", "80%")],
        ),
        (  # a figure before "的节点目标" / "的阶段目标" is the milestone, a target
            "截至6月底,老旧小区改造累计完成总工程量55%,超额完成6月份设置的累计完成总工程量40%的节点目标;"
            "新建村级养老服务站32个,超过25个的阶段目标。",
            {"date": dt.date(2021, 7, 10)},
            RV,
            [("outcome", "55%"), ("target", "40%"), ("outcome", "32"), ("target", "超过25")],
        ),
        (  # gaps from the target set at the start of the year (年初预期目标, 年初确定的目标)
            "2019年,全市地区生产总值增长6.2%,低于年初预期目标0.8个百分点;一般公共预算收入增长8.1%,"
            "高于年初确定的目标0.1个百分点;固定资产投资增长9%,比年初预期目标低1个百分点。",
            {"date": dt.date(2020, 1, 15)},
            ("role", "value", "stated_gap"),
            [
                ("outcome", "6.2%", "0.8个百分点"),
                ("outcome", "8.1%", "-0.1个百分点"),
                ("outcome", "9%", "1个百分点"),
            ],
        ),
        (  # last year's target list quoted with its colon, then what was done
            "去年全市经济社会发展的主要预期目标是:地区生产总值增长7.5%左右,城镇新增就业4万人以上。"
            "实际执行结果是:地区生产总值增长7.1%,城镇新增就业4.3万人。",
            {"date": dt.date(2018, 3, 2)},
            ("role", "value", "period"),
            [
                ("target", "7.5%左右", "2017"),
                ("target", "4万以上", "2017"),
                ("outcome", "7.1%", "2017"),
                ("outcome", "4.3万", "2017"),
            ],
        ),
        (  # a ceiling right after the rate it bounds is the rate's target
            "前三季度,全区城镇登记失业率为2.95%,控制在4%以内;城镇调查失业率5.2%。",
            {"date": dt.date(2021, 10, 20)},
            ("role", "value", "target", "kind"),
            [("outcome", "2.95%", "4%以内", "at_most"), ("outcome", "5.2%", "None", "at_least")],
        ),
    ],
)
def test_sixth_round_wordings(
    text: str, kwargs: dict[str, object], names: tuple[str, ...], expected: list[tuple[str, ...]]
) -> None:
    assert_as_text_and_one_line(text, names, kwargs, expected)


def test_a_year_long_past_with_yiqian_names_what_is_counted_not_a_date() -> None:
    text = (
        "2022年市政府十项民生实事项目:\n一、打通36条城区规划路;\n"
        "二、加快推进1975年以前危旧住房更新试点建设;\n三、建设200个球类运动场地。"
    )
    figures = extract(text, date=dt.date(2022, 1, 25)).figures
    assert [(f.role, f.value, f.period) for f in figures] == [
        ("target", "36", "2022"),
        ("target", "200", "2022"),
    ]


# --- ninth round: 督查 tables, long 实事 lists, shares that are not completion rates ---------


def test_a_long_shishi_list_under_section_headings_is_all_targets() -> None:
    # forty numbered items under section headings ("一、教育方面(5项)") run far past the
    # reach of a list of targets; every item is still one of the year's 实事
    works = ["新建幼儿园", "改造农村公路", "新增停车位", "建设口袋公园", "改造老旧小区"]
    units = ["所", "公里", "个", "个", "个"]
    lines = ["2021年市政府实事项目:", "全市实事项目共有八个方面40个项目。"]
    for section in range(8):
        lines.append(f"{'一二三四五六七八'[section]}、第{section + 1}方面(5项)")
        for item in range(5):
            n = section * 5 + item + 1
            lines.append(f"{n}、{works[item]}{10 + n}{units[item]},进一步提升城乡公共服务水平。")
    text = "\n".join(lines)
    assert len(text) > 1200
    figures = [f for f in extract(text).figures if f.unit != "项"]
    assert len(figures) == 41
    assert {f.role for f in figures} == {"target"}
    assert (figures[-1].value, figures[-1].period) == ("50", "2021")


@pytest.mark.parametrize(
    ("text", "kwargs", "names", "expected"),
    [
        (  # a 督查 table of the work report's tasks: 内容与要求 is the column of targets
            "序号 | 内容与要求 | 完成情况 | 责任单位 |\n"
            "1 | 确保城镇新增就业1.2万人以上。 | 全年城镇新增就业1.35万人。 | 市人社局 |\n",
            {"date": dt.date(2021, 1, 20)},
            ("role", "value", "target"),
            [("outcome", "1.35万", "1.2万以上")],  # the row's one task and one result: tied
        ),
        (  # projects a mayor or county head leads are counted, not administrative units
            "2020年,全市18个市县长项目中,已开工15个。",
            {"date": dt.date(2021, 1, 20)},
            ("value", "unit"),
            [("18", "个"), ("15", "个")],
        ),
        (  # the growth named after the rate ("实现8%以上增长")
            "今年要确保4个重点领域投资均实现8%以上增长。",
            {"date": dt.date(2021, 2, 20)},
            ("role", "value", "measure"),
            [("target", "4", "flow"), ("target", "8%以上", "growth")],
        ),
        (  # "一年来" after the date line's time, the line break lost: last year looked back on
            "发布日期:2020-05-14 17:30\n一年来,全市地区生产总值增长5.2%。",
            {},
            ("role", "value", "period"),
            [("outcome", "5.2%", "2019")],
        ),
        (  # a share of the budget's spending is not a completion rate; 年度预算 still is
            "2019年,全市民生支出60.9亿元,占一般公共预算支出的83.8%;"
            "一般公共预算收入8.1亿元,为年度预算的101.3%。",
            {"date": dt.date(2020, 1, 20)},
            ("role", "value", "stated_rate"),
            [
                ("outcome", "60.9亿", "None"),
                ("outcome", "83.8%", "None"),
                ("outcome", "8.1亿", "101.3%"),
            ],
        ),
        (  # a 建成率 rates the count built, as a 竣工率 does; the task is its target
            "截至6月底,全省口袋公园建设任务120个,已全部开工,其中已建成100个、建成率83.3%。",
            {"date": dt.date(2023, 7, 20)},
            ("role", "value", "stated_rate", "target"),
            [("outcome", "100", "83.3%", "120")],
        ),
        (  # a band whose lower bound leaves out the %
            "2016年主要预期目标是:地区生产总值预期增长6.5-7%,财政收入增长6%左右。",
            {"date": dt.date(2016, 1, 25)},
            ("role", "value", "upper", "kind"),
            [("target", "6.5%", "7%", "range"), ("target", "6%左右", "None", "range")],
        ),
        (  # a task put on the year's list of 实事 and its scope, in a report of progress
            "截至10月底,全市民生实事进展顺利。此外,今年将120个行政村污水治理任务列入民生实事项目,"
            "共涉及1.5万户,截至目前已完成80个。",
            {"date": dt.date(2023, 11, 20)},
            ("role", "value"),
            [("target", "120"), ("target", "1.5万"), ("outcome", "80")],
        ),
        (  # an item's tasks, then its funds and a heading of the progress made (推进情况:)
            "2023年全市十件民生实事1-3月进展情况\n"
            "一、保障重点群体就业,开展职业技能培训2万人次,安置就业困难人员3370人。\n"
            "年度投资目标15495万元,1-3月完成投资2513万元,占年度投资目标的16.22%。\n"
            "推进情况:1. 全市开展职业技能培训5585人次。",
            {"date": dt.date(2023, 4, 10)},
            ("role", "value", "stated_rate", "target"),
            [
                ("target", "2万", "None", "None"),
                ("target", "3370", "None", "None"),
                ("outcome", "2513万", "16.22%", "15495万"),
                ("outcome", "5585", "None", "None"),
            ],
        ),
        (  # a share of the year's target without 的
            "全年涉及投资目标5.79亿元。1-3月,完成投资1.17亿元,占年度投资目标20.2%。",
            {"date": dt.date(2023, 4, 10)},
            ("role", "value", "stated_rate"),
            [("target", "5.79亿", "None"), ("outcome", "1.17亿", "20.2%")],
        ),
        (  # an item's tasks (its heading run into the report of its funds), then sub-items
            # that restate each as done
            "2023年为民办实事完成情况\n三、新增200所学校体育场向社会开放,新增30家图书馆错时开放\n"
            "省级财政补助资金下达2000万元,完成年度计划的100%。\n"
            "(一)全省新增205所学校均已向社会开放体育场地。\n(二)全省新增30家场馆均已实施错时开放。",
            {"date": dt.date(2024, 1, 20)},
            ("role", "value", "stated_rate"),
            [
                ("target", "200", "None"),
                ("target", "30", "None"),
                ("outcome", "2000万", "100%"),
                ("outcome", "205", "None"),
                ("outcome", "30", "None"),
            ],
        ),
        (  # items whose verb is one of completion, each followed by its remark and a heading
            # of its progress (推进情况:): tasks all the same
            "某县2023年度十件民生实事1-3月推进情况\n"
            "1.完成800亩历史遗留矿山生态修复。(责任单位:县自然资源局)\n"
            "推进情况:目前累计完成320亩矿山生态修复,完成年度任务的40%。\n"
            "2.实现农村生活垃圾收运覆盖率达95%以上。(责任单位:县住建局)\n推进情况:覆盖率达97.5%。",
            {"date": dt.date(2023, 4, 20)},
            ("role", "value", "stated_rate"),
            [
                ("target", "800", "None"),
                ("outcome", "320", "40%"),
                ("target", "95%以上", "None"),
                ("outcome", "97.5%", "None"),
            ],
        ),
        (  # floors set for standards (不低于), in a report dated by its months
            "某区2019年1-7月重点民生实事项目完成情况\n"
            "5 提高城乡低保标准 区民政局 标准不低于3480元/年,人均救助水平不低于185元/月 100%\n"
            "6 提高困难残疾人生活补贴 区民政局 发放标准不低于每人每月60元 100% 已达标完成。",
            {"date": dt.date(2019, 7, 25)},
            ("role", "value", "unit"),
            [
                ("target", "不低于3480", "元/年"),
                ("target", "不低于185", "元/月"),
                ("outcome", "100%", "%"),
                ("target", "60", "元"),
                ("outcome", "100%", "%"),
            ],
        ),
        (  # a list of gaps after a list of rates, distributed in order; 目标人群 (the people
            # a service is for) is no target wording
            "一季度,全省孕妇产前筛查分别完成14.2万例、14.6万例,目标人群覆盖率分别达到65.8%、67.9%,"
            "分别高出年度目标任务10.8个、12.9个百分点。",
            {"date": dt.date(2021, 4, 20)},
            ("role", "value", "stated_gap"),
            [
                ("outcome", "14.2万", "None"),
                ("outcome", "14.6万", "None"),
                ("outcome", "65.8%", "-10.8个百分点"),
                ("outcome", "67.9%", "-12.9个百分点"),
            ],
        ),
        (  # the plan a figure counts, named after it in its clause, then what was begun
            "一季度,全省5000个配电台区改造升级计划,已开工建设891个配电台区。",
            {"date": dt.date(2021, 4, 20)},
            ("role", "value"),
            [("target", "5000"), ("outcome", "891")],
        ),
    ],
)
def test_ninth_round_wordings(
    text: str, kwargs: dict[str, object], names: tuple[str, ...], expected: list[tuple[str, ...]]
) -> None:
    assert_as_text_and_one_line(text, names, kwargs, expected)


@pytest.mark.parametrize(
    ("text", "kwargs", "names", "expected"),
    [
        (  # gaps listed after one gap word, each of the figure in its place, 百分点 said once
            "截至3月底,全省免费产前超声筛查、血清学产前筛查目标人群覆盖率分别达到61.5%、70.2%,"
            "分别高出年度目标任务6.5个、15.2个百分点。",
            {"date": dt.date(2021, 4, 20)},
            ("role", "value", "stated_gap"),
            [("outcome", "61.5%", "-6.5个百分点"), ("outcome", "70.2%", "-15.2个百分点")],
        ),
        (  # an item headed by its task (its verb 完成 or 实现), then 推进情况: with the figure done
            "2.完成3200亩废弃矿山生态修复。(责任单位:市自然资源局)\n"
            "推进情况:目前累计完成1450亩废弃矿山生态修复。\n"
            "3.实现行政村垃圾收运覆盖率达90%以上。(责任单位:市住建局)\n"
            "推进情况:目前覆盖率达93.2%。",
            {"date": dt.date(2023, 4, 20)},
            RV,
            [
                ("target", "3200"),
                ("outcome", "1450"),
                ("target", "90%以上"),
                ("outcome", "93.2%"),
            ],
        ),
        (  # a share of the year's investment target without 的
            "1-3月,完成投资2.35亿元,占年度投资目标18.6%。",
            {"date": dt.date(2023, 4, 20)},
            ("role", "value", "stated_rate"),
            [("outcome", "2.35亿", "18.6%")],
        ),
        (  # people with no measure word: a money word past the clause's end is not its unit
            "今年的主要预期目标是:农村贫困人口减少12万,居民收入增长与经济增长同步。",
            {"date": dt.date(2019, 1, 28)},
            ("role", "value", "unit"),
            [("target", "12万", "人")],
        ),
        (  # 争取到位 funds: secured, not planned
            "一年来,全县争取到位上级补助资金6.8亿元,其中专项债券资金1.2亿元。",
            {"date": dt.date(2016, 3, 1)},
            RV,
            [("outcome", "6.8亿"), ("outcome", "1.2亿")],
        ),
        (  # a plan named by its figure, the plan noun closing the clause, then what was started
            "一季度,全市1200户农村危房改造计划,已开工改造430户。",
            {"date": dt.date(2021, 4, 30)},
            RV,
            [("target", "1200"), ("outcome", "430")],
        ),
        (  # a gap told of one part of the list the sentence before tells figures and rates of
            "1-9月,交通工程、水利工程两类项目分别完成投资12.5亿元、8.2亿元,投资完成率分别为61.2%、"
            "80.4%。其中,交通工程慢于时间进度13.8个百分点。",
            {"date": dt.date(2023, 10, 15)},
            ("value", "stated_rate", "stated_gap"),
            [("12.5亿", "61.2%", "13.8个百分点"), ("8.2亿", "80.4%", "None")],
        ),
    ],
)
def test_gap_and_progress_wordings(
    text: str, kwargs: dict[str, object], names: tuple[str, ...], expected: list[tuple[str, ...]]
) -> None:
    assert_as_text_and_one_line(text, names, kwargs, expected)


def test_a_place_name_ending_in_yi_inside_a_list_opens_no_item() -> None:
    # "真西一、" is a name in a list of places, not the item mark "一、": the count after the
    # list is what was done, not a task restated by the sub-item (二) after it
    text = (
        "2023年区为民办实事项目已全部完成。\n(一)完成2家社区为老服务中心建设\n"
        "完成长征镇祥和片区、真如镇真西一、真如镇高陵片区等4家社区为老服务中心建设,超额完成年度任务。\n"
        "(二)新增养老床位250张\n全年新增养老床位378张,已全部完成。"
    )
    figures = extract(text, date=dt.date(2024, 1, 19)).figures
    assert [f.role for f in figures if f.value == "4"] == ["outcome"]


def test_a_figures_category_comes_from_its_own_clause() -> None:
    text = "主要预期目标是:地区生产总值增长6%左右,城镇新增就业5万人以上,新建幼儿园20所。"
    figures = extract(text, year=2024).figures
    assert [f.category for f in figures] == [None, "就业", "教育"]


def test_a_clause_telling_the_task_done_does_not_name_the_figure_before_it() -> None:
    text = "2022年,全市实施了22项民生工程,完成投资72.56亿元,全部完成年度目标任务。"
    (_, investment) = extract(text, year=2022).figures
    assert investment.title == "投资"


@pytest.mark.parametrize(
    ("text", "kwargs", "names", "expected"),
    [
        (  # each item's task under 目标任务:, then what was done under 完成情况:
            "1.推进农村公路建设\n目标任务:新改建农村公路800公里,新建停车泊位3000个以上。\n"
            "完成情况:新改建农村公路926公里,新建停车泊位3415个以上。\n"
            "2.扩大社会保险覆盖\n目标任务:全市失业保险参保人数80万人以上。\n"
            "完成情况:全市失业保险参保人数达83.5万人以上",
            {"year": 2022},
            ("role", "value", "measure"),
            [
                ("target", "800", "flow"),
                ("target", "3000以上", "flow"),
                ("outcome", "926", "flow"),
                ("outcome", "3415以上", "flow"),
                ("target", "80万以上", "level"),
                ("outcome", "83.5万以上", "level"),
            ],
        ),
        (  # the insured added in the year: a flow
            "今年以来,全县城乡居民医保参保人数新增1.2万人。",
            {"date": dt.date(2022, 10, 8)},
            ("role", "value", "measure"),
            [("outcome", "1.2万", "flow")],
        ),
        (  # a lead dates every numbered item of the list, one told with 全年 too
            "某市2022年民生实事完成情况\n截至2022年12月20日,全市民生实事项目已全部完成年度任务。\n"
            "1.促进就业\n"
            "完成情况:全年城镇新增就业5.2万人。\n2.改善办学条件\n完成情况:新建幼儿园6所。",
            {},
            ("role", "value", "as_of"),
            [("outcome", "5.2万", "2022-12-20"), ("outcome", "6", "2022-12-20")],
        ),
        (  # the projects named after their count, all begun, then how many done
            "2023年,全区18个农贸市场改造项目全部开工,完成12个。",
            {"year": 2023},
            ("role", "value", "target"),
            [("outcome", "12", "18")],
        ),
        (  # a task, those left out of it, and the rest told done
            "2023年计划改造燃气管道120公里,除8公里因拆迁暂缓外,其余112公里已全部完成改造。",
            {"year": 2023},
            RV,
            [("target", "120"), ("outcome", "8"), ("outcome", "112")],
        ),
        (  # removed (消除了, 拆除了) is something done, not 除了 (except)
            "某省连续两年将“改善农村出行条件”纳入省级民生实事,2023年完成200公里农村公路安全防护"
            "工程,2024年又消除了85座危桥,并提升了600公里交通安全设施。",
            {"date": dt.date(2024, 12, 30)},
            RV,
            [("outcome", "200"), ("outcome", "85"), ("outcome", "600")],
        ),
        (  # a task done beyond itself, with the share told: the task is the target
            "全省打造60家社区食堂,实际投入运营的社区食堂已达75家,完成率为125%。",
            {"date": dt.date(2024, 12, 30)},
            ("role", "value", "target", "stated_rate"),
            [("outcome", "75", "60", "125%")],
        ),
        (  # a gap to the year's plan (年计划) of a rate held under it: beyond the target
            "1至5月,全市城镇新增就业3.2万人,完成年计划的45%;城镇登记失业率3.1%,低于年计划0.9个百分点。",
            {"date": dt.date(2023, 6, 10)},
            ("role", "value", "stated_rate", "stated_gap"),
            [("outcome", "3.2万", "45%", "None"), ("outcome", "3.1%", "None", "-0.9个百分点")],
        ),
        (  # a size class of the things counted next is a threshold; counties off the poverty list
            "2020年,全市建成1000亩以上高标准农田示范区35个,新增3个贫困县脱贫摘帽。",
            {"date": dt.date(2021, 2, 1)},
            RV,
            [("outcome", "35"), ("outcome", "3")],
        ),
        (  # the scope of the investment statistics (500万元以上) is no figure
            "2022年,全县500万元以上固定资产投资完成18.4亿元,增长6.5%。",
            {"date": dt.date(2023, 2, 1)},
            RV,
            [("outcome", "18.4亿"), ("outcome", "6.5%")],
        ),
        (  # counts in being (发展到, 稳定在, 数量达到); 高标准 says how well, not a standard
            "2023年,全县家庭农场发展到320家,茶园面积稳定在12万亩,有机认证数量达到45个,"
            "高标准建设农业示范基地8个,粮食总产量稳定在52万吨。",
            {"date": dt.date(2024, 1, 10)},
            ("role", "value", "measure"),
            [
                ("outcome", "320", "level"),
                ("outcome", "12万", "level"),
                ("outcome", "45", "level"),
                ("outcome", "8", "flow"),
                ("outcome", "52万", "flow"),
            ],
        ),
        (  # an average (平均) is a level
            "2022年,全县茶叶基地平均亩产值达到6500元,增长12%。",
            {"date": dt.date(2023, 2, 1)},
            ("role", "value", "measure"),
            [("outcome", "6500", "level"), ("outcome", "12%", "growth")],
        ),
    ],
)
def test_round_eleven_a_wordings(
    text: str, kwargs: dict[str, object], names: tuple[str, ...], expected: list[tuple[str, ...]]
) -> None:
    assert_as_text_and_one_line(text, names, kwargs, expected)


@pytest.mark.parametrize(
    ("text", "kwargs", "names", "expected"),
    [
        (  # people counted after a scale, with who they are between ("万农村特困群众")
            "今年为群众办好实事:将8万城镇困难群众纳入救助范围,6.5万农村“五保”对象实现集中供养,"
            "2.3万剩余贫困人口全部脱贫。",
            {"year": 2022},
            ("role", "value", "unit"),
            [("target", "8万", "人"), ("target", "6.5万", "人"), ("target", "2.3万", "人")],
        ),
        (  # gaps against a five-year plan, in a review of it ("比“十二五”计划高出")
            "“十二五”时期,全市固定资产投资年均增长15.2%,比“十二五”计划高出3.2个百分点;"
            "地方财政收入年均增长12.5%,超过“十二五”计划2.5个百分点。",
            {"date": dt.date(2016, 2, 1)},
            ("role", "value", "stated_gap"),
            [("outcome", "15.2%", "-3.2个百分点"), ("outcome", "12.5%", "-2.5个百分点")],
        ),
        (  # a relative excess over a target not restated
            "2022年,全县敬老院消防设施改造完成86所,超额完成23%。",
            {"year": 2022},
            ("role", "value", "stated_gap"),
            [("outcome", "86", "-23%")],
        ),
    ],
)
def test_wordings_of_target_lists_and_reviews(
    text: str, kwargs: dict[str, object], names: tuple[str, ...], expected: list[tuple[str, ...]]
) -> None:
    assert_as_text_and_one_line(text, names, kwargs, expected)


@pytest.mark.parametrize(
    ("text", "kwargs", "names", "expected"),
    [
        (  # started or resumed (开复工) and its rate; the things counted, then how many of them
            # reached the stage, with no rate
            "1-6月,全市128个重点项目累计开复工110个,开复工率86%。其中,60个新开工项目已开工42个。",
            {"date": dt.date(2022, 7, 15)},
            ("role", "value", "target", "stated_rate"),
            [("outcome", "110", "128", "86%"), ("outcome", "42", "60", "None")],
        ),
        (  # a bare 完成 before a rate: the done figure's rate when done / task makes it
            "计划新增公共停车位3000个,目前已建成1200个,完成40%。全县计划新建公厕50座,已建成20座,完成60%。",
            {"date": dt.date(2024, 10, 15)},
            ("role", "value", "target", "stated_rate"),
            [
                ("outcome", "1200", "3000", "40%"),
                ("outcome", "20", "50", "None"),  # 20 / 50 is not 60%: not its rate
                ("outcome", "60%", "None", "None"),
            ],
        ),
    ],
)
def test_eleventh_round_progress_wordings(
    text: str, kwargs: dict[str, object], names: tuple[str, ...], expected: list[tuple[str, ...]]
) -> None:
    assert_as_text_and_one_line(text, names, kwargs, expected)


def test_a_count_of_projects_before_those_left_out_is_the_task() -> None:
    text = (
        "2023年,全区加快改善居住条件。\n二、住房安居\n"
        "40个老旧小区改造项目除暂缓实施的3个小区外,其余37个小区已全部开工,并完成改造30个。"
    )
    roles = {f.value: f.role for f in extract(text, year=2023).figures}
    assert (roles["40"], roles["30"]) == ("target", "outcome")


def test_now_in_a_report_of_a_press_conference_is_its_day() -> None:
    text = (
        "某省十件民生实事全部完成\n2024年12月30日 09:53 来源:某网\n"
        "某网12月30日电 某省新闻办公室27日召开的新闻发布会,介绍了民生实事的落实情况。"
        "截至目前,全省共有12.5万人完成免费接种。"
    )
    extraction = extract(text)
    assert extraction.date == dt.date(2024, 12, 30)
    assert [f.as_of for f in extraction.figures] == [dt.date(2024, 12, 27)]


def test_completion_wording_of_the_year_before_in_lines_without_full_stops() -> None:
    # a page of short lines: last year's results, then this year's targets, no full stop between
    text = (
        "一、报告要点\n2024年\n全市城镇新增就业12万人\n粮食产量创历史新高\n2025年\n"
        "地区生产总值增长5.5%左右\n城镇新增就业11万人以上"
    )
    assert_as_text_and_one_line(
        text,
        RV,
        {"date": dt.date(2025, 2, 20)},
        [("outcome", "12万"), ("target", "5.5%左右"), ("target", "11万以上")],
    )


def test_a_pages_counters_and_the_parts_of_an_article_are_not_figures() -> None:
    text = (
        "8个关键词,读懂今年的政府工作报告\n来源:市政府网站 发布时间:2025年03月06日 浏览次数:125次\n"
        "2025年,全市城镇新增就业11万人以上。"
    )
    assert fields(text, RV, date=dt.date(2025, 3, 6)) == [("target", "11万以上")]


def test_a_work_named_by_its_task_in_a_list_of_works_done() -> None:
    # the list is closed by the count of works: the figure names the task, it is no outcome
    text = "三季度,全市陆续完成了开展老年助餐服务、建设提升30处街心公园、增建健身场地等9项工作。"
    for flat in (text, text.replace("、", "、\n")):
        figures = extract(flat, date=dt.date(2023, 10, 20)).figures
        assert [f.role for f in figures if f.value == "30"] == ["target"]


def test_a_five_year_plans_results_and_targets_as_headings() -> None:
    # "“十三五”成就:" and "“十四五”目标:" head lists of the plan's five years
    text = (
        "“十三五”成就:\n地区生产总值年均增长7.1%\n对外贸易年均增长12.3%\n"
        "“十四五”目标:\n人均生产总值达到8万元左右\n2021年目标:\n地区生产总值增长6%左右"
    )
    assert_as_text_and_one_line(
        text,
        ("role", "value", "period"),
        {"date": dt.date(2021, 1, 28)},
        [
            ("outcome", "7.1%", "2016-2020"),
            ("outcome", "12.3%", "2016-2020"),
            ("target", "8万左右", "2021-2025"),
            ("target", "6%左右", "2021"),
        ],
    )


def test_the_day_of_a_cited_report_dates_neither_the_article_nor_its_figures() -> None:
    # an undated year-end notice citing a broadcast of the year: the year's outcomes are of its end
    text = (
        "2022年民生实事完成情况\n2022年,全市敬老院改造完成86所。"
        "市电视台2022年6月18日播出专题片报道全市养老服务工作。"
    )
    figures = extract(text).figures
    assert [(f.value, str(f.as_of)) for f in figures] == [("86", "2022-12-31")]


def test_levels_at_a_five_year_plans_end() -> None:
    # a level reached at the period's end (a baseline before it, a multiple of the last plan's
    # end) against averages and sums over its years
    text = (
        "“十二五”时期,全市地区生产总值年均增长11.2%,达到356.4亿元,是“十一五”末的1.9倍;"
        "城镇化率由42%提高到51%;固定资产投资累计完成1200亿元,是“十一五”的2.1倍。"
    )
    assert_as_text_and_one_line(
        text,
        ("value", "period"),
        {"date": dt.date(2016, 2, 1)},
        [
            ("11.2%", "2011-2015"),
            ("356.4亿", "2015"),
            ("51%", "2011-2015"),
            ("1200亿", "2011-2015"),
        ],
    )


@pytest.mark.parametrize(
    ("text", "kwargs", "names", "expected"),
    [
        (  # a repost's stamp, then the day the report was given: "一年来" is the year before
            "某县政府工作报告(全文)\n资料站 2022-08-15 09:30:12 报告\n"
            "——2020年2月18日在某县第十届人民代表大会第四次会议上\n"
            "一年来,地区生产总值增长6.2%,一般公共预算收入完成4.1亿元。",
            {},
            ("value", "period", "as_of"),
            [("6.2%", "2019", "2019-12-31"), ("4.1亿", "2019", "2019-12-31")],
        ),
        (  # a level from one month to another; a running total since New Year after it is
            # as of the latest date stated, not of the month the level started from
            "1-4月底,全省城镇新增就业3.2万人。城镇调查失业率由1月份5.6%回落至3月份的5.1%。\n"
            "今年以来,开发公益性岗位5200个。",
            {"year": 2022},
            ("role", "value", "baseline", "as_of"),
            [
                ("outcome", "3.2万", "None", "2022-04-30"),
                ("outcome", "5.1%", "5.6%", "2022-03-31"),
                ("outcome", "5200", "None", "2022-04-30"),
            ],
        ),
        (  # a half-year named in a judgement, no figure after it, does not date the page
            "1-5月,全市新增就业1.1万人。今年以来,帮助困难人员就业800人。\n"
            "上半年全市就业工作成效明显,但形势依然严峻。",
            {"year": 2023},
            ("value", "as_of"),
            [("1.1万", "2023-05-31"), ("800", "2023-05-31")],
        ),
        (  # the month a work opens is no date of the figures after it
            "截至6月底,累计完成投资9.2亿元。3所学校进入装修阶段,9月份投入使用;"
            "完成老旧小区改造12个。",
            {"date": dt.date(2024, 7, 12)},
            ("value", "as_of"),
            [("9.2亿", "2024-06-30"), ("3", "2024-06-30"), ("12", "2024-06-30")],
        ),
        (  # months written after an indicator's name in a review given after the year: that
            # indicator's, not those after its clause
            "——2020年1月15日在某市第五届人民代表大会第三次会议上\n"
            "2019年,全市生产总值增长6.8%,规模以上工业利润1-11月增长12.4%;税收收入增长5.1%;"
            "城镇新增就业3.6万人。",
            {},
            ("value", "as_of"),
            [
                ("6.8%", "2019-12-31"),
                ("12.4%", "2019-11-30"),
                ("5.1%", "2019-12-31"),
                ("3.6万", "2019-12-31"),
            ],
        ),
        (  # counties that left the poverty list: work done, not the administrative structure
            "2019年,全省12个县区退出贫困序列,贫困县从40个减少到28个。",
            {},
            ("role", "value"),
            [("outcome", "12"), ("outcome", "28")],
        ),
    ],
)
def test_eleventh_round_date_wordings(
    text: str, kwargs: dict[str, object], names: tuple[str, ...], expected: list[tuple[str, ...]]
) -> None:
    assert_as_text_and_one_line(text, names, kwargs, expected)
