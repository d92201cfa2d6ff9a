"""Roles and attachment on fresh pages of the kinds the unseen third holds (employment
notices, 督查 通报, 民生实事 reviews): rates named after a year's target count, gaps against a
schedule or a plan's investment, quoted names of tasks. Each sentence written for its rule and
read as written and as one line."""

from __future__ import annotations

import datetime as dt

from one_line import rows_both_ways
from tracker.extract.article import Figure

_DATE = dt.date(2021, 7, 5)


def _rows(text: str, **kwargs: object) -> list[tuple[str, ...]]:
    def row(f: Figure) -> tuple[str, ...]:
        return (f.role, f.value, f.stated_rate or "", f.stated_gap or "", f.target or "")

    return rows_both_ways(text, row, **kwargs)  # type: ignore[return-value]


def test_a_rate_of_the_years_target_count_is_the_figures_rate() -> None:
    text = (
        "截至6月底,全县新增城镇就业3120人,完成全年目标数62.4%;\n"
        "农村劳动力转移就业1.1万人,实现全年目标数的57%;"
        "就业困难人员再就业460人,完成全年目标77%;\n"
        "新型农村养老保险参保12.3万人,实现年度目标任务数104.2%。"
    )
    assert _rows(text, date=_DATE) == [
        ("outcome", "3120", "62.4%", "", ""),
        ("outcome", "1.1万", "57%", "", ""),
        ("outcome", "460", "77%", "", ""),
        ("outcome", "12.3万", "104.2%", "", ""),
    ]
