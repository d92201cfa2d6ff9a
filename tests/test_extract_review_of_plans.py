"""Targets a report restates when it looks back: a year's target list read after the year,
and a bound the outcome kept within. Each sentence is checked as written and as one line."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.extract.article import extract


def _roles(text: str, date: dt.date) -> list[tuple[str, str, str]]:
    got = []
    for variant in (text, "".join(line.strip() for line in text.splitlines())):
        figures = extract(variant, date=date).figures
        got.append([(f.role, f.value, f.period) for f in figures])
    assert got[0] == got[1], "the one-line text gives other figures"
    return got[0]


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
            [("outcome", "3.2%", "2021"), ("target", "4.2%以内", "2021")],
        ),
        (
            "全年细颗粒物平均浓度32微克/立方米,低于35微克/立方米以下的考核要求。",
            [("outcome", "32", "2021"), ("target", "35以下", "2021")],
        ),
        (
            "全年居民消费价格上涨2.1%,保持在3%以内。",
            [("outcome", "2.1%", "2021"), ("target", "3%以内", "2021")],
        ),
        (  # the bound with its own subject is the outcome a review reports
            "城镇登记失业率控制在3.5%以内。",
            [("outcome", "3.5%以内", "2021")],
        ),
    ],
)
def test_a_bound_restated_after_the_outcome_is_its_target(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _roles(text, dt.date(2021, 12, 10)) == expected


def test_units_of_concentration_are_read_whole() -> None:
    text = "全年细颗粒物平均浓度降至28微克/立方米。"
    (figure,) = extract(text, date=dt.date(2021, 12, 10)).figures
    assert (figure.value, figure.unit) == ("28", "微克/立方米")
