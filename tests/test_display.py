"""Display rounding (display.py): the one place numbers become text."""

from __future__ import annotations

import math
from decimal import MAX_PREC, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tracker.core import rounding
from tracker.render import display
from tracker.render.display import number


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        ("-5035.4", "-5035", "-5,035"),
        ("5035.4", "5035", "5,035"),
        ("9999", "9999", "9,999"),
        ("9999.7", "1万", "10,000"),
        ("99999999", "1亿", "99,999,999"),
        ("12345", "1.23万", "12,345"),
        ("-12345", "-1.23万", "-12,345"),
        ("53100", "5.31万", "53,100"),
        ("134000000", "1.34亿", "134,000,000"),
        ("123.456", "123.5", "123.5"),
        ("3.891", "3.89", "3.89"),
        ("-0.001", "0", "0"),
    ],
)
def test_number(value: str, zh: str, en: str) -> None:
    assert number(Fraction(value), "zh") == zh
    assert number(Fraction(value), "en") == en


# --- integer rounding: exact half-even, written as the Decimal implementation wrote it ----------
# display.py rounds with integer arithmetic; these are the Decimal functions it replaced, kept
# as the reference every rounded figure must equal (the same Decimal, exponent and sign of zero
# included, so that JSON, CSV and tables are written as before), except that the reference now
# rounds the exact fraction: the old code first divided to 28 significant digits, which could
# turn a figure just off a tie into the tie (0.12345000…01 → 0.1234 instead of 0.1235).


def reference_to_decimal(value: Fraction, places: int, *, trim: bool = True) -> Decimal:
    # round() of a Fraction is exact, half to even; the Decimal steps then write it as before
    # (a negative figure that rounds to zero keeps its sign: -0.0000)
    digits = round(abs(value) * 10**places)
    rounded = Decimal(f"{'-' if value < 0 else ''}{digits}E-{places}")
    if not trim:
        return rounded
    with localcontext() as context:
        context.prec = MAX_PREC
        normal = rounded.normalize()
        return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


def reference_json_number(value: Fraction | None, places: int = 4) -> int | Decimal | None:
    if value is None:
        return None
    if value.denominator == 1:
        return value.numerator
    rounded = reference_to_decimal(value, places)
    return int(rounded) if rounded == rounded.to_integral_value() else rounded


def reference_places(magnitude: Fraction) -> int:
    return 0 if magnitude >= 1000 else 1 if magnitude >= 100 else 2


REFERENCE_ZH_UNITS = ((Fraction(10**8), "亿"), (Fraction(10**4), "万"), (Fraction(1), ""))


def reference_zh_number(magnitude: Fraction, places: int | None) -> str:
    for index, (scale, word) in enumerate(REFERENCE_ZH_UNITS):
        if magnitude < scale and word:
            continue
        digits = places if places is not None else 2 if word else reference_places(magnitude)
        scaled = reference_to_decimal(magnitude / scale, digits)
        if scaled >= 10_000 and index > 0:
            upper, upper_word = REFERENCE_ZH_UNITS[index - 1]
            rounded = reference_to_decimal(magnitude / upper, 2 if places is None else places)
            return f"{rounded:f}{upper_word}"
        return f"{scaled:f}{word}"
    return "0"


def reference_number(value: Fraction, lang: str, places: int | None = None) -> str:
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    if lang == "zh":
        text = reference_zh_number(magnitude, places)
    else:
        shown = reference_places(magnitude) if places is None else places
        text = f"{reference_to_decimal(magnitude, shown):,f}"
    return f"{sign}{text}" if sign and text.strip("0.,万亿") else text


def same_decimal(got: object, expected: object) -> bool:
    """Equal and written the same: type, digits, exponent and the sign of zero."""
    if isinstance(expected, Decimal):
        return isinstance(got, Decimal) and got.as_tuple() == expected.as_tuple()
    return type(got) is type(expected) and got == expected


@st.composite
def near_ties(draw: st.DrawFn) -> Fraction:
    """Just off (or on) a rounding tie at 0–4 decimals: where rounding through a limited
    precision first would turn a near-tie into a tie."""
    places = draw(st.integers(0, 4))
    tie = Fraction(2 * draw(st.integers(-(10**35), 10**35)) + 1, 2 * 10**places)
    offset = Fraction(
        draw(st.integers(-9, 9)), draw(st.integers(1, 7)) * 10 ** draw(st.integers(0, 60))
    )
    return tie + offset


fractions = st.one_of(
    st.fractions(),
    st.builds(Fraction, st.integers(-(10**40), 10**40), st.integers(1, 10**30)),
    st.builds(Fraction, st.integers(-(10**6), 10**6), st.integers(1, 10**6)),
    st.builds(Fraction, st.integers(-(10**6), 10**6), st.sampled_from([3, 7, 77, 365, 20037])),
    near_ties(),
)
TIES = (
    Fraction(12345, 10**5) + Fraction(1, 10**40),  # 0.1235 at four places, not 0.1234
    Fraction(2 * 10**35 + 1, 2 * 10**4) + Fraction(1, 10**50),
    Fraction(-5, 10**5),
    Fraction(-1, 10**40),
    Fraction(10**31 + 1, 2),
)


@given(fractions, st.integers(0, 6), st.booleans())
@example(Fraction(0), 4, True)
@example(Fraction(51000), 4, True)
@example(Fraction(-1, 3 * 10**6), 4, False)
@example(Fraction(10**40 + 1, 10**5), 4, True)
def test_to_decimal_matches_the_reference(value: Fraction, places: int, trim: bool) -> None:
    got = rounding.to_decimal(value, places, trim=trim)
    assert same_decimal(got, reference_to_decimal(value, places, trim=trim))


@pytest.mark.parametrize("value", TIES)
@pytest.mark.parametrize("places", [0, 1, 2, 4])
def test_rounding_near_ties_matches_the_reference(value: Fraction, places: int) -> None:
    for trim in (True, False):
        got = rounding.to_decimal(value, places, trim=trim)
        assert same_decimal(got, reference_to_decimal(value, places, trim=trim))
    assert same_decimal(rounding.json_number(value, places), reference_json_number(value, places))


@given(st.one_of(st.none(), fractions), st.sampled_from([4, 2, 0]))
def test_json_number_matches_the_reference(value: Fraction | None, places: int) -> None:
    assert same_decimal(rounding.json_number(value, places), reference_json_number(value, places))


@given(fractions, st.sampled_from(["zh", "en"]), st.sampled_from([None, 0, 1, 2, 4]))
@example(Fraction(99_999_999), "zh", None)
@example(Fraction(-99995, 10), "zh", None)
@example(Fraction(-1, 10**9), "en", 2)
def test_number_matches_the_reference(value: Fraction, lang: str, places: int | None) -> None:
    assert display.number(value, lang, places) == reference_number(value, lang, places)  # type: ignore[arg-type]


@given(fractions, st.integers(0, 4))
@example(Fraction(-1, 10**6), 1)
def test_percent_and_plain_match_the_reference(value: Fraction, places: int) -> None:
    assert rounding.percent(value, places) == (
        f"{reference_to_decimal(value * 100, places, trim=False):f}%"
    )
    assert rounding.plain(value, places) == f"{reference_to_decimal(value, places, trim=False):f}"


@given(st.one_of(st.none(), fractions))
def test_bar_matches_the_reference(ratio: Fraction | None) -> None:
    cells = display.BAR_CELLS
    expected = " " * cells
    if ratio is not None:
        filled = max(0, min(cells, math.floor(ratio * cells)))  # rounded down
        expected = "█" * filled + "░" * (cells - filled)
    assert display.bar(ratio) == expected


@pytest.mark.parametrize(
    ("percent", "filled"),
    [("75", 7), ("99.9", 9), ("100", 10), ("0", 0), ("69.2", 6), ("130", 10), ("-5", 0)],
)
def test_a_bar_is_full_only_at_100_percent(percent: str, filled: int) -> None:
    """docs/arithmetic.md: a bar never contradicts the status next to it, so a goal missed at
    99.9 % does not show a full bar: cells are rounded down, full only at ≥ 100 %."""
    assert display.BAR_CELLS == 10
    assert display.bar(Fraction(percent) / 100) == "█" * filled + "░" * (10 - filled)


@pytest.mark.parametrize(
    ("lag", "zh", "en"),
    [
        (Fraction(0), "与序时进度持平", "on schedule"),
        (Fraction(1, 10_000), "与序时进度持平", "on schedule"),  # 0.01 pp: shown as 0.0
        (Fraction(-1, 10_000), "与序时进度持平", "on schedule"),
        (Fraction(196, 1000), "落后19.6个百分点", "19.6 pp behind"),
        (Fraction(-42, 1000), "超前4.2个百分点", "4.2 pp ahead"),
    ],
)
def test_a_lag_of_zero_reads_as_on_schedule(lag: Fraction, zh: str, en: str) -> None:
    """SPEC §2: positive lag is behind, negative ahead; 0 is neither, so no "0.0 pp behind"."""
    assert display.lag_text(lag, "zh") == zh
    assert display.lag_text(lag, "en") == en


@pytest.mark.parametrize(("percent", "width"), [("75", 75), ("99.9", 99), ("100", 100), ("0", 0)])
def test_the_html_bar_is_full_only_at_100_percent(percent: str, width: int) -> None:
    from tracker.core.compute import Status  # noqa: PLC0415
    from tracker.render.report_html import _bar  # noqa: PLC0415

    assert f"width:{width}%;" in _bar(Fraction(percent) / 100, Status.MISSED)
