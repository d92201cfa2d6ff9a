"""Quantities as reports write them (SPEC §1.5): tables of examples, then properties."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tracker.parse.quantity import (
    Qualifier,
    Quantity,
    QuantityError,
    Role,
    Unit,
    parse_quantity,
    parse_unit,
)

F = Fraction
AT_LEAST, AT_MOST = Qualifier.AT_LEAST, Qualifier.AT_MOST
MORE_THAN, LESS_THAN, ABOUT = Qualifier.MORE_THAN, Qualifier.LESS_THAN, Qualifier.ABOUT

# nominal, low, high, low_open, high_open, qualifier, approximate
Shape = tuple[Fraction, Fraction | None, Fraction | None, bool, bool, Qualifier | None, bool]


def shape(q: Quantity) -> Shape:
    return (q.nominal, q.low, q.high, q.low_open, q.high_open, q.qualifier, q.approximate)


def exact(n: str | int | Fraction, qualifier: Qualifier | None = None) -> Shape:
    return (F(n), F(n), F(n), False, False, qualifier, False)


def closed(n: str | int | Fraction, low: str | int | Fraction, high: str | int | Fraction) -> Shape:
    return (F(n), F(low), F(high), False, False, None, False)


def at_least(n: str | int | Fraction) -> Shape:
    return (F(n), F(n), None, False, False, AT_LEAST, False)


def at_most(n: str | int | Fraction) -> Shape:
    return (F(n), None, F(n), False, False, AT_MOST, False)


def more_than(n: str | int | Fraction, high: str | int | Fraction | None = None) -> Shape:
    return (F(n), F(n), None if high is None else F(high), True, high is not None, MORE_THAN, False)


def less_than(n: str | int | Fraction) -> Shape:
    return (F(n), None, F(n), False, True, LESS_THAN, False)


def about(n: str | int | Fraction, tolerance: str | int | Fraction = 0) -> Shape:
    return (F(n), F(n) - F(tolerance), F(n) + F(tolerance), False, False, ABOUT, True)


def unit_of(text: str | None) -> Unit | None:
    return None if text is None else parse_unit(text)


WORDS = {
    "以上": AT_LEAST,
    "不低于": AT_LEAST,
    "不少于": AT_LEAST,
    "至少": AT_LEAST,
    "以下": AT_MOST,
    "以内": AT_MOST,
    "不超过": AT_MOST,
    "不高于": AT_MOST,
    "超": MORE_THAN,
    "超过": MORE_THAN,
    "逾": MORE_THAN,
    "多于": MORE_THAN,
    "近": LESS_THAN,
    "将近": LESS_THAN,
    "接近": LESS_THAN,
    "不到": LESS_THAN,
    "不足": LESS_THAN,
    "约": ABOUT,
    "大约": ABOUT,
    "左右": ABOUT,
    "上下": ABOUT,
}
OUTCOME_SHAPE = {
    AT_LEAST: at_least,
    AT_MOST: at_most,
    MORE_THAN: more_than,
    LESS_THAN: less_than,
    ABOUT: about,
}
SCALES = {"千": 10**3, "万": 10**4, "百万": 10**6, "千万": 10**7, "亿": 10**8, "万亿": 10**12}


# --- parse_unit -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("人", Unit("人")),
        ("万人", Unit("人", F(10**4))),
        ("亿元", Unit("元", F(10**8))),
        ("万亿元", Unit("元", F(10**12))),
        ("千万元", Unit("元", F(10**7))),
        ("百万人次", Unit("人次", F(10**6))),
        ("千人", Unit("人", F(10**3))),
        ("%", Unit("%")),
        ("％", Unit("%")),
        ("‰", Unit("%", F(1, 10))),
        ("人次", Unit("人次")),
        ("所", Unit("所")),
        ("个", Unit("个")),
        ("场次", Unit("场次")),
        (" 万 人 ", Unit("人", F(10**4))),
        ("百分点", Unit("百分点")),
        ("千瓦", Unit("千瓦")),
        ("万千瓦", Unit("千瓦", F(10**4))),
        ("千瓦时", Unit("千瓦时")),
        ("万元/亩", Unit("元/亩", F(10**4))),
    ],
)
def test_parse_unit(text: str, expected: Unit) -> None:
    assert parse_unit(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "  ", "万", "亿", "5人", "-人", "万万人", "亿万元", "万%", "人以上", "约人", 5, None],
)
def test_parse_unit_rejects(text: str) -> None:
    with pytest.raises(QuantityError) as info:
        parse_unit(text)
    message = str(info.value)
    assert message
    assert len(message.splitlines()) == 1


# --- parse_quantity: what reports write ------------------------------------------------------

GOOD: list[tuple[object, str | None, Role, Shape]] = [
    # SPEC §1.5 and §2 worked examples
    ("5.31万", "人", "outcome", closed(53100, 53050, 53150)),
    ("5.31万人", "人", "outcome", closed(53100, 53050, 53150)),
    ("94.4%", "%", "outcome", closed("94.4", "94.35", "94.45")),
    ("104.19%", None, "rate", closed("104.19", "104.185", "104.195")),
    ("3732", "人", "outcome", exact(3732)),
    ("5.1万", "人", "target", exact(51000)),
    ("85%以上", "%", "target", exact(85, AT_LEAST)),
    ("57.2%", "%", "outcome", closed("57.2", "57.15", "57.25")),
    # rounding intervals of outcomes
    ("187万", "人", "outcome", closed(1870000, 1865000, 1875000)),
    ("180万", "人", "outcome", closed(1800000, 1795000, 1805000)),
    ("1.5千", "人", "outcome", closed(1500, 1450, 1550)),
    ("5千", "人", "outcome", closed(5000, 4500, 5500)),
    ("3.00", "人", "outcome", closed(3, "2.995", "3.005")),
    ("15,000", "人", "outcome", exact(15000)),
    ("15,000.5", "人", "outcome", closed("15000.5", "15000.45", "15000.55")),
    ("5‰", "%", "outcome", exact("0.5")),
    ("5.5‰", "%", "outcome", closed("0.55", "0.545", "0.555")),
    # 余 / 多
    ("5000余", "人", "outcome", more_than(5000, 6000)),
    ("5000余人次", "人次", "outcome", more_than(5000, 6000)),
    ("10余万", "人", "outcome", more_than(100000, 200000)),
    ("10万余", "人", "outcome", more_than(100000, 200000)),
    ("1.7万余户", "户", "outcome", more_than(17000, 18000)),
    ("2664余", "人", "outcome", more_than(2664, 2665)),
    ("13万多场", "场", "outcome", more_than(130000, 140000)),
    ("300多人", "人", "outcome", more_than(300, 400)),
    ("15,000余", "人", "outcome", more_than(15000, 16000)),
    ("万余人", "人", "outcome", more_than(10000, 20000)),
    ("5000余", "人", "target", exact(5000, MORE_THAN)),
    # Chinese numerals
    ("百余场", "场", "outcome", more_than(100, 200)),
    ("两万", "人", "target", exact(20000)),
    ("两万", "人", "outcome", closed(20000, 15000, 25000)),
    ("三百", "人", "outcome", exact(300)),
    ("十", "人", "outcome", exact(10)),
    ("一千二百", "人", "outcome", exact(1200)),
    ("一千零五", "人", "outcome", exact(1005)),
    ("二十五", "人", "outcome", exact(25)),
    ("千", "人", "target", exact(1000)),
    ("千余人", "人", "outcome", more_than(1000, 2000)),
    ("三十万", "人", "target", exact(300000)),
    ("近百所", "所", "outcome", less_than(100)),
    # full-width digits and punctuation, spaces
    ("３，７３２", "人", "outcome", exact(3732)),
    ("５．３１万人", "人", "outcome", closed(53100, 53050, 53150)),
    ("８５％以上", "%", "outcome", at_least(85)),
    (" 5.31 万 人 ", "人", "outcome", closed(53100, 53050, 53150)),
    ("5.31\u3000万", "人", "target", exact(53100)),
    # goal units written with a scale
    ("5.31", "万人", "outcome", closed(53100, 53050, 53150)),
    ("5.31", "万人", "target", exact(53100)),
    ("53100人", "万人", "outcome", exact(53100)),
    ("5.31万", "万人", "target", exact(53100)),
    ("5.31万人", "万人", "target", exact(53100)),
    ("5", "万人", "target", exact(50000)),
    ("2", "亿元", "target", exact(200_000_000)),
    ("5", "‰", "target", exact("0.5")),
    ("0.5%", "‰", "target", exact("0.5")),
    ("5‰", "‰", "target", exact("0.5")),
    ("5千瓦", "千瓦", "target", exact(5)),
    ("0.5万千瓦", "千瓦", "target", exact(5000)),
    ("3万", "万千瓦", "target", exact(30000)),
    # percent
    ("85", "%", "target", exact(85)),
    ("85%", "%", "target", exact(85)),
    ("85%", None, "target", exact(85)),
    ("12", None, "target", exact(12)),
    ("3%左右", "%", "target", about(3)),
    # stated rates: always percent, unit ignored
    ("104.19", None, "rate", closed("104.19", "104.185", "104.195")),
    ("104.19%", "人", "rate", closed("104.19", "104.185", "104.195")),
    ("104.19%", "万人", "rate", closed("104.19", "104.185", "104.195")),
    ("99.9%", None, "rate", closed("99.9", "99.85", "99.95")),
    ("100%", None, "rate", closed(100, "99.5", "100.5")),  # a stated rate is always rounded
    ("超100%", None, "rate", more_than(100)),
    ("15‰", None, "rate", closed("1.5", "1.45", "1.55")),
    # exact: baselines, tolerances, numerators
    ("23.7%", "%", "exact", exact("23.7")),
    ("-5%", "%", "exact", exact(-5)),
    ("-1.5万", "人", "exact", exact(-15000)),
    ("−3", "人", "exact", exact(-3)),
    ("0.5%", "%", "exact", exact("0.5")),
    ("18909", None, "exact", exact(18909)),
    # numbers from TOML / YAML
    (53100, "人", "outcome", exact(53100)),
    (5, "万人", "outcome", exact(50000)),
    (5, "万人", "target", exact(50000)),
    (94.4, "%", "outcome", closed("94.4", "94.35", "94.45")),
    (94.4, "%", "target", exact("94.4")),
    (5.31, "万人", "outcome", closed(53100, 53050, 53150)),
    (5.0, "人", "outcome", closed(5, "4.95", "5.05")),
    (0.1, "%", "exact", exact("0.1")),
    (1e16, "人", "outcome", exact(10**16)),
    (1.5e-7, "%", "outcome", closed("0.00000015", "0.000000145", "0.000000155")),
    (104.19, None, "rate", closed("104.19", "104.185", "104.195")),
    (-2.5, "%", "exact", exact("-2.5")),
    (-7, "人", "exact", exact(-7)),
    (Decimal("94.4"), "%", "outcome", closed("94.4", "94.35", "94.45")),
    (Decimal("5.00"), "人", "outcome", closed(5, "4.995", "5.005")),
    (Decimal("1E+3"), "人", "outcome", exact(1000)),
    (Decimal("5.31"), "万人", "target", exact(53100)),
    (Decimal("-0.5"), "%", "exact", exact("-0.5")),
    (0, "人", "outcome", exact(0)),
    ("0", "人", "outcome", exact(0)),
]


@pytest.mark.parametrize(("raw", "unit", "role", "expected"), GOOD)
def test_parse_quantity(raw: object, unit: str | None, role: Role, expected: Shape) -> None:
    q = parse_quantity(raw, unit=unit_of(unit), role=role)
    assert shape(q) == expected
    assert q.text == (raw if isinstance(raw, str) else str(raw))


QUALIFIED = [
    pytest.param(
        f"{word}5000人" if position == "prefix" else f"5000人{word}",
        qualifier,
        id=f"{word}-{position}",
    )
    for word, qualifier in WORDS.items()
    for position in ("prefix", "suffix")
]


@pytest.mark.parametrize(("raw", "qualifier"), QUALIFIED)
def test_qualifier_words_in_outcomes(raw: str, qualifier: Qualifier) -> None:
    q = parse_quantity(raw, unit=Unit("人"), role="outcome")
    assert shape(q) == OUTCOME_SHAPE[qualifier](5000)


@pytest.mark.parametrize(("raw", "qualifier"), QUALIFIED)
def test_qualifier_words_in_targets(raw: str, qualifier: Qualifier) -> None:
    q = parse_quantity(raw, unit=Unit("人"), role="target")
    assert shape(q) == (exact(5000, qualifier) if qualifier is not ABOUT else about(5000))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("不超过5%", at_most(5)),  # not 超 + 过5%
        ("超过5%", more_than(5)),  # not 超 + 过5%
        ("将近5%", less_than(5)),  # not 将 + 近5%
        ("大约5%", about(5)),  # not 大 + 约5%
        ("5%不超过", at_most(5)),
        ("5%超过", more_than(5)),
        ("5多于", more_than(5)),  # 多于 as a suffix, not 5多 + 于
        ("约5%左右", about(5)),  # the same meaning twice is redundant, not wrong
        ("至少85%以上", at_least(85)),
        ("不低于85%以上", at_least(85)),
    ],
)
def test_longest_qualifier_wins(raw: str, expected: Shape) -> None:
    assert shape(parse_quantity(raw, unit=Unit("%"), role="outcome")) == expected


@pytest.mark.parametrize(
    ("role", "tolerance", "expected"),
    [
        ("target", F(100), about(5000, 100)),
        ("outcome", F(100), about(5000, 100)),
        ("exact", F(100), about(5000, 100)),
        ("target", None, about(5000)),
        ("outcome", None, about(5000)),
    ],
)
def test_about_uses_tolerance(role: Role, tolerance: Fraction | None, expected: Shape) -> None:
    for raw in ("约5000人", "5000人左右", "大约5000", "5000上下"):
        q = parse_quantity(raw, unit=Unit("人"), role=role, tolerance=tolerance)
        assert shape(q) == expected


def test_tolerance_only_affects_about() -> None:
    q = parse_quantity("5000", unit=Unit("人"), role="target", tolerance=F(100))
    assert shape(q) == exact(5000)
    q = parse_quantity("5.31万", unit=Unit("人"), role="outcome", tolerance=F(1000))
    assert shape(q) == closed(53100, 53050, 53150)


@pytest.mark.parametrize(("scale", "factor"), SCALES.items())
def test_every_scale(scale: str, factor: int) -> None:
    assert shape(parse_quantity(f"3{scale}", unit=Unit("元"), role="target")) == exact(3 * factor)
    assert shape(parse_quantity(f"3{scale}元", unit=Unit("元"), role="outcome")) == closed(
        3 * factor, F(5, 2) * factor, F(7, 2) * factor
    )
    assert shape(parse_quantity(f"3{scale}余", unit=Unit("元"), role="outcome")) == more_than(
        3 * factor, 4 * factor
    )
    # written with a scale, the goal's own scale does not apply again
    assert parse_quantity(f"3{scale}", unit=parse_unit("万元"), role="target").nominal == (
        3 * factor
    )


def test_quantity_exact_property() -> None:
    assert parse_quantity("3732", unit=Unit("人"), role="outcome").exact
    assert not parse_quantity("5.31万", unit=Unit("人"), role="outcome").exact
    assert not parse_quantity("5000余", unit=Unit("人"), role="outcome").exact


# --- what is refused --------------------------------------------------------------------------

BAD: list[tuple[object, str | None, Role, str]] = [
    ("", "人", "outcome", "empty"),
    ("   ", "人", "outcome", "empty"),
    ("abc", "人", "outcome", "no number"),
    ("以上", "人", "outcome", "no number"),
    ("人", "人", "outcome", "no number"),
    ("5.3.1", "人", "outcome", "one decimal point"),
    ("5.3.1万", "人", "outcome", '"5.3.1万"'),
    ("5万万", "人", "outcome", "two scale words"),
    ("5亿万", "人", "outcome", "two scale words"),
    ("5万3", "人", "outcome", "cannot read"),
    ("5.", "人", "outcome", "decimal point"),
    (".5", "人", "outcome", '"0.5"'),
    ("15,00", "人", "outcome", "three digits"),
    ("1,5", "%", "outcome", "three digits"),
    ("1e400", "人", "outcome", "exponent"),
    ("1E5", "人", "outcome", "exponent"),
    ("--5", "人", "exact", 'one leading "-"'),
    ("-5", None, "rate", "negative"),
    ("-5000余", "人", "exact", "negative"),
    ("5-6", "%", "target", "band"),
    ("2%~3%", "%", "target", "band"),
    ("5元", "人", "outcome", 'unit "元" in "5元" does not match the goal\'s unit "人"'),
    ("5.31万元", "人", "outcome", 'write "5.31万人"'),
    ("85%", "人", "outcome", "does not match"),
    ("5人", None, "target", "no unit"),
    ("104人", "人", "rate", "percentage"),
    ("5千瓦", "瓦", "target", "does not match"),
    ("不超过5以上", "人", "outcome", "contradict"),
    ("超5以下", "人", "outcome", "contradict"),
    ("约5以上", "人", "target", "contradict"),
    ("超5000余", "人", "outcome", "超"),
    ("5000余以上", "人", "outcome", "以上"),
    ("近5000多", "人", "outcome", "近"),
    ("5余万余", "人", "outcome", "two of 余/多"),
    ("0余", "人", "outcome", "non-zero"),
    ("一千二", "人", "outcome", "digits"),
    ("二三", "人", "outcome", "digits"),
    ("十百", "人", "outcome", "digits"),
    ("1" * 31, "人", "outcome", "too many digits"),
    ("0." + "1" * 31, "%", "outcome", "too many digits"),
    ("5" + "人" * 200, "人", "outcome", "characters long"),
    ("5\n元", "人", "outcome", "\\u000a"),
    ('5"\u2028人', "人", "outcome", "\\u2028"),
    (float("nan"), "人", "outcome", "nan"),
    (float("inf"), "人", "outcome", "inf"),
    (float("-inf"), "人", "exact", "inf"),
    (1e300, "人", "outcome", "too large"),
    (5e-324, "%", "outcome", "decimal places"),
    (10**40, "人", "outcome", "too large"),
    (10**5000, "人", "outcome", "too large"),
    (Decimal("1" * 5000), "人", "outcome", "too large"),
    (Decimal("1E-5000"), "人", "outcome", "decimal places"),
    ("1" * 5000, "人", "outcome", "characters long"),
    (Decimal("NaN"), "人", "outcome", "NaN"),
    (Decimal("sNaN"), "人", "outcome", "NaN"),
    (Decimal("Infinity"), "人", "outcome", "Infinity"),
    (Decimal("1E+400"), "人", "outcome", "too large"),
    (True, "人", "outcome", "true"),
    (False, "人", "outcome", "false"),
    (None, "人", "outcome", "null"),
    ([1, 2], "人", "outcome", "a list"),
    ({"value": 1}, "人", "outcome", "a table"),
    (F(1, 3), "人", "outcome", "Fraction"),
    (b"5", "人", "outcome", "bytes"),
]


def short_id(value: object) -> str | None:
    """Test ids that pytest can print: huge numbers and texts are cut short."""
    if isinstance(value, int) and abs(value) > 10**40:
        return "huge-int"
    if isinstance(value, (str, Decimal)) and len(str(value)) > 40:
        return f"{type(value).__name__}-{len(str(value))}-chars"
    return None


@pytest.mark.parametrize(("raw", "unit", "role", "fragment"), BAD, ids=short_id)
def test_bad_quantity(raw: object, unit: str | None, role: Role, fragment: str) -> None:
    with pytest.raises(QuantityError) as info:
        parse_quantity(raw, unit=unit_of(unit), role=role)
    message = str(info.value)
    assert message
    assert len(message.splitlines()) == 1
    assert fragment in message


@pytest.mark.parametrize("raw", ["3732¹人", "2²", "²", "¹²³", "5₂人", "5.31万²"])
def test_superscripts_are_never_digits_of_the_number(raw: str) -> None:
    """NFKC makes ¹ a 1: a footnote mark copied with a figure ("3732¹人") was read as 37321,
    a silent wrong number; now it is a unit mismatch or no number, with the fix."""
    with pytest.raises(QuantityError):
        parse_quantity(raw, unit=Unit("人"), role="outcome")


def test_a_unit_written_with_a_superscript_keeps_it() -> None:
    assert parse_unit("m²") == Unit("m²")
    assert parse_unit("万km²") == Unit("km²", F(10_000))
    assert parse_quantity("500m²", unit=parse_unit("m²"), role="outcome").nominal == 500
    assert parse_quantity("1.2万km²", unit=parse_unit("km²"), role="outcome").nominal == 12_000


def test_unit_mismatch_messages_say_so() -> None:
    """The loader tells unit mismatches from other problems by these words."""
    for raw, unit in (("5元", "人"), ("85%", "人"), ("5.31万元", "万人")):
        with pytest.raises(QuantityError, match=r"unit.*match"):
            parse_quantity(raw, unit=parse_unit(unit), role="outcome")
    for raw in ("5.3.1", "abc", "5万万", "--5"):
        with pytest.raises(QuantityError) as info:
            parse_quantity(raw, unit=Unit("人"), role="outcome")
        assert not ("unit" in str(info.value) and "match" in str(info.value))


def test_bad_tolerance() -> None:
    with pytest.raises(QuantityError, match="tolerance"):
        parse_quantity("约5", unit=Unit("人"), role="target", tolerance=F(-1))


@pytest.mark.parametrize("role", ["goal", None, ["target"]])
def test_bad_role(role: object) -> None:
    with pytest.raises(QuantityError, match="role"):
        parse_quantity("5", unit=Unit("人"), role=role)  # type: ignore[arg-type]


# --- properties -------------------------------------------------------------------------------

UNITS = [None, Unit("人"), Unit("人", F(10**4)), Unit("%"), Unit("%", F(1, 10)), Unit("元")]
ROLES: list[Role] = ["target", "outcome", "rate", "exact"]
GRAMMAR_CHARS = list("0123456789０１５.,，．-−%％‰万亿千百十两一三余多约超近以上下不足逾人元次 e")


def check_interval(q: Quantity) -> None:
    assert q.low is None or q.low <= q.nominal
    assert q.high is None or q.nominal <= q.high
    if q.low_open:
        assert q.low is not None
    if q.high_open:
        assert q.high is not None


def parse_or_error(raw: object, unit: Unit | None, role: Role) -> Quantity | None:
    try:
        q = parse_quantity(raw, unit=unit, role=role, tolerance=F(1))
    except QuantityError as exc:
        message = str(exc)
        assert message
        assert len(message.splitlines()) == 1
        return None
    check_interval(q)
    return q


@given(
    st.one_of(st.text(max_size=40), st.text(st.sampled_from(GRAMMAR_CHARS), max_size=12)),
    st.sampled_from(UNITS),
    st.sampled_from(ROLES),
)
@example("5.31万", Unit("人"), "outcome")
@example("1,5", Unit("%"), "outcome")
@example("\ud800", Unit("人"), "outcome")
def test_any_text_parses_or_raises_quantity_error(raw: str, unit: Unit | None, role: Role) -> None:
    parse_or_error(raw, unit, role)


@given(
    st.one_of(
        st.integers(),
        st.floats(),
        st.decimals(),
        st.booleans(),
        st.none(),
        st.lists(st.integers(), max_size=2),
        st.fractions(),
        st.binary(max_size=3),
        st.dates(),
    ),
    st.sampled_from(UNITS),
    st.sampled_from(ROLES),
)
@example(Decimal("-0E+5"), Unit("人"), "outcome")
@example(Decimal("0E-50"), Unit("人"), "outcome")
def test_any_value_parses_or_raises_quantity_error(
    raw: object, unit: Unit | None, role: Role
) -> None:
    q = parse_or_error(raw, unit, role)
    if q is not None and isinstance(raw, (int, float, Decimal)):
        scale = F(1) if role == "rate" or unit is None else unit.scale
        assert q.nominal == F(Decimal(repr(raw)) if isinstance(raw, float) else raw) * scale


QUALIFIER_CHOICES = [None, "余", "多", *(f"pre:{w}" for w in WORDS), *(f"suf:{w}" for w in WORDS)]


@st.composite
def well_formed(draw: st.DrawFn) -> tuple[str, int, int, int, str | None]:
    """A string as a report writes it, with the parts it was built from."""
    whole = draw(st.integers(0, 10**9))
    places = draw(st.integers(0, 3))
    frac = draw(st.integers(0, 10**places - 1)) if places else 0
    scale = draw(st.sampled_from(["", *SCALES]))
    qualifier = draw(st.sampled_from(QUALIFIER_CHOICES))
    unit = draw(st.sampled_from(["", "人"]))
    number = f"{whole}.{frac:0{places}d}" if places else str(whole)
    if draw(st.booleans()) and not places:
        number = f"{whole:,}"
    if qualifier is not None and (whole or frac) == 0 and qualifier in ("余", "多"):
        qualifier = None
    text = number
    if qualifier in ("余", "多"):
        text = (
            f"{number}{qualifier}{scale}{unit}"
            if draw(st.booleans())
            else (f"{number}{scale}{qualifier}{unit}")
        )
    else:
        text = f"{number}{scale}{unit}"
        if qualifier is not None:
            position, word = qualifier.split(":")
            text = f"{word}{text}" if position == "pre" else f"{text}{word}"
    mantissa = int(f"{whole}{frac:0{places}d}" if places else whole)
    return text, mantissa, places, SCALES.get(scale, 1), qualifier


def last_place(mantissa: int) -> int:
    place = 1
    while mantissa % (place * 10) == 0:
        place *= 10
    return place


@given(well_formed(), st.sampled_from(["target", "outcome", "exact"]))
def test_well_formed_strings(case: tuple[str, int, int, int, str | None], role: Role) -> None:
    text, mantissa, places, scale, written = case
    q = parse_quantity(text, unit=Unit("人"), role=role, tolerance=F(7))
    n = F(mantissa, 10**places) * scale
    assert q.nominal == n
    assert q.text == text
    check_interval(q)
    word = None if written is None else written.split(":")[-1]
    qualifier = None if word is None else MORE_THAN if word in ("余", "多") else WORDS[word]
    assert q.qualifier is qualifier
    if qualifier is ABOUT:
        assert shape(q) == about(n, 7)
    elif role != "outcome":
        assert shape(q) == (n, n, n, False, False, qualifier, False)
    elif qualifier is None:
        half = F(scale, 2 * 10**places) if places or scale > 1 else 0
        assert shape(q) == closed(n, n - half, n + half)
    elif word in ("余", "多"):
        assert shape(q) == more_than(n, n + F(last_place(mantissa), 10**places) * scale)
    else:
        assert shape(q) == OUTCOME_SHAPE[qualifier](n)
    # full-width forms read the same (NFKC)
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    assert shape(parse_quantity(wide, unit=Unit("人"), role=role, tolerance=F(7))) == shape(q)
    # the same figure in a goal counted in 万人 is the same when a scale or unit is written
    if scale > 1 or "人" in text:
        in_wan = parse_quantity(text, unit=parse_unit("万人"), role=role, tolerance=F(7))
        assert shape(in_wan) == shape(q)


@given(st.integers(0, 10**12), st.sampled_from(ROLES))
def test_numbers_and_their_strings_agree(value: int, role: Role) -> None:
    for unit in (Unit("人"), Unit("人", F(10**4))):
        assert shape(parse_quantity(value, unit=unit, role=role)) == shape(
            parse_quantity(str(value), unit=unit, role=role)
        )


@given(st.floats(min_value=0, max_value=1e15, allow_nan=False), st.sampled_from(ROLES))
def test_floats_read_as_written(value: float, role: Role) -> None:
    """A float is the decimal its repr() shows: 94.4 is 94.4, not 94.400000000000005684…."""
    text = repr(value)
    if "e" in text:
        return
    q = parse_quantity(value, unit=Unit("%"), role=role)
    assert q.nominal == F(text)
    assert shape(q) == shape(parse_quantity(text, unit=Unit("%"), role=role))
    assert math.isclose(float(q.nominal), value)


def test_remembered_figures_keep_their_type_and_precision() -> None:
    """Figures are read once and remembered; values that are equal in Python but written
    differently (5, "5", 5.0, 5.00, True) still read as written, every time."""
    percent = parse_unit("%")
    for _ in range(2):  # the second round is answered from memory
        assert parse_quantity(5, unit=percent, role="outcome").low == 5
        assert parse_quantity("5.0%", unit=percent, role="outcome").low == F("4.95")
        assert parse_quantity(Decimal("5.0"), unit=percent, role="outcome").low == F("4.95")
        assert parse_quantity(Decimal("5.00"), unit=percent, role="outcome").low == F("4.995")
        assert parse_quantity(1, unit=percent, role="exact").nominal == 1
        with pytest.raises(QuantityError, match="true"):
            parse_quantity(True, unit=percent, role="exact")
        # the goal's unit and the tolerance are part of what is remembered
        assert parse_quantity("5", unit=parse_unit("万人"), role="target").nominal == 50_000
        assert parse_quantity("5", unit=parse_unit("人"), role="target").nominal == 5
        assert parse_quantity("约5", unit=percent, role="target", tolerance=F(1)).low == 4
        assert parse_quantity("约5", unit=percent, role="target", tolerance=F(2)).low == 3


def test_units_hash_as_they_compare() -> None:
    assert parse_unit("万人") == Unit("人", F(10_000))
    assert hash(parse_unit("万人")) == hash(Unit("人", F(10_000)))
    assert Unit("人") != Unit("人", F(10_000))
    assert len({Unit("人"), Unit("人", F(10_000)), parse_unit("人")}) == 2
