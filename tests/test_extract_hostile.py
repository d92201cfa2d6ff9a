"""`tracker extract` on hostile article text: pathological runs of characters finish in time
linear in the text, and what it writes stays what the text says."""

from __future__ import annotations

import random
import re
import time

import pytest

from tracker.core.regions import RegionInfo
from tracker.extract.article import extract
from tracker.extract.text import Names, alternation, clean_quote, strip_edges

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


def test_a_data_directory_with_many_regions_does_not_slow_extraction_down() -> None:
    """The regions' names were one regular expression, an alternation tried name by name at
    every place: with 40,000 regions (the townships of a few provinces) each figure cost
    0.1 s, an hour for a long article. Matching now costs the same however many there are."""
    rng = random.Random(1)  # noqa: S311  # reproducible names, not secrets
    cjk = [chr(c) for c in range(0x4E00, 0x9FA5)]
    regions = [
        RegionInfo(
            "".join(rng.choices(cjk, k=rng.randint(2, 4))) + rng.choice("县区市镇"), None, ()
        )
        for _ in range(40_000)
    ]
    text = "".join(
        f"新增就业{i}人,完成率{i % 100}%,同比增长{i % 10}.2%,新建学校{i}所。" for i in range(500)
    )
    start = time.perf_counter()
    few = extract(text, year=2023, regions=regions[:10])
    t_few = time.perf_counter() - start
    start = time.perf_counter()
    many = extract(text, year=2023, regions=regions)
    t_many = time.perf_counter() - start
    assert len(many.figures) == len(few.figures) == 1500
    assert t_many < 10 * t_few + 5, (t_few, t_many)


def test_region_names_are_found_as_before() -> None:
    """The matcher finds what the alternation of the names, longest first, found."""
    rng = random.Random(5)  # noqa: S311  # reproducible names, not secrets
    alphabet = "甲乙丙丁市县"
    for _ in range(2000):
        names = {"".join(rng.choices(alphabet, k=rng.randint(2, 5))) for _ in range(6)}
        pattern, matcher = re.compile(alternation(names)), Names(names)
        text = "".join(rng.choices(alphabet + "x", k=rng.randint(0, 40)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        want = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, lo, hi)]
        assert [(m.start(), m.end(), m.group()) for m in matcher.finditer(text, lo, hi)] == want
        first, found = pattern.match(text), matcher.match(text)
        assert (first and first.group()) == (found and found.group())


@pytest.mark.parametrize("mark", ["\u200b", "\u200d", "\u00ad", "\ufeff", "\u2060"])
def test_an_invisible_character_inside_a_figure_is_not_read(mark: str) -> None:
    """A zero-width space inside "1000" made the extractor propose "000人", i.e. 0: a silent
    wrong number. Invisible format characters are not part of the text the rules read."""
    text = f"2022年全市城镇新增就业1{mark}000人,完成率5.3{mark}1%。"
    (figure,) = extract(text).figures
    assert (figure.value, figure.parsed, figure.stated_rate) == ("1000", 1000, "5.31%")
    assert figure.written == f"1{mark}000人"  # as written


@pytest.mark.parametrize("number", ["1 000", "1\u2009000", "\u202e0001\u202c", "05"])
def test_a_number_with_a_leading_zero_is_not_a_figure(number: str) -> None:
    """A space in "1 000人" gave a figure "000人" (0), and "0001" shown reversed by U+202E (it
    reads 1000 on screen) gave 1: no figure is proposed rather than a wrong one."""
    assert extract(f"2022年全市城镇新增就业{number}人。").figures == ()
