"""`tracker extract` on hostile article text: pathological runs of characters finish in time
linear in the text, and what it writes stays what the text says."""

from __future__ import annotations

import time

import pytest

from tracker.extract.article import extract
from tracker.extract.text import clean_quote, strip_edges

# A hang guard, far above any machine's load (the quadratic cases took minutes to hours).
HANG = 20.0


def _timed(text: str) -> float:
    start = time.perf_counter()
    extract(text, year=2023)
    return time.perf_counter() - start


@pytest.mark.parametrize("blank", [" ", "\t", "\u3000", "\xa0", "\r", "\x0c", "\u2028"])
def test_a_long_run_of_blanks_is_linear(blank: str) -> None:
    # "\s*\n\s*" and "[…\s]+$" tried every start in a run of blanks: 40,000 took 10 s
    run = blank * 200_000
    assert _timed("全市新增就业5" + run + "万人。" + run + "新建学校3所") < HANG
    start = time.perf_counter()
    assert clean_quote("a" + run + "b") in ("a" + run + "b", "ab")
    assert strip_edges("," + run + "、x" + run + "、" + run) == "x"
    assert time.perf_counter() - start < HANG


def test_quotes_hold_no_line_break_of_any_kind() -> None:
    for brk in ("\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\r\n"):
        text = f"全市新增就业5{brk}{brk} 万人,完成年度目标的104%。"
        (figure,) = extract(text, year=2023).figures
        assert figure.quote == "全市新增就业5万人,完成年度目标的104%", repr(brk)


@pytest.mark.parametrize("mark", ["¹", "²³", "⁽²⁾", "₁"])
def test_a_footnote_mark_is_not_a_digit_of_the_figure(mark: str) -> None:
    """NFKC makes ¹ a 1: "3732¹人" was proposed as 37321人, a silent wrong number."""
    text = f"2022年全市城镇新增就业3732{mark}人,完成年度目标的104%。"
    (figure,) = extract(text).figures
    assert (figure.value, figure.parsed, figure.unit) == ("3732", 3732, "人")
    assert figure.written == f"3732{mark}人"  # as written, and the quote too
    assert figure.quote == text[:-1]
