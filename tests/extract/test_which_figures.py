"""Which numbers are figures: wordings of fresh pages (民生实事 notices, progress notices, reviews,
statistics releases) where a number is no work done, or a figure was missed; each sentence
written for its rule and read as written and as one line."""

from __future__ import annotations

import datetime as dt

from one_line import rows_both_ways
from tracker.extract.article import Figure

_DATE = dt.date(2023, 12, 28)


def _rows(text: str, **kwargs: object) -> list[tuple[str, ...]]:
    def row(f: Figure) -> tuple[str, ...]:
        return (f.role, f.value, f.unit or "")

    kwargs.setdefault("date", _DATE)
    return rows_both_ways(text, row, **kwargs)  # type: ignore[return-value]


def _values(text: str, **kwargs: object) -> list[str]:
    return [r[1] for r in _rows(text, **kwargs)]


def test_a_headline_ends_at_a_news_leads_byline() -> None:
    text = (
        "31个民生实事项目全部启动 相城区推动项目加速建设实施\n"
        "苏报讯(驻相城区记者 薛卿)截至今年7月,相城区2023年31个民生实事项目已全部启动实施,"
        "累计完成投资12.09亿元。"
    )
    assert _values(text) == ["31", "12.09亿"]
