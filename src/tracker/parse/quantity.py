"""Quantities as Chinese reports write them (SPEC §1.5).

``"5.31万人"``, ``"85%以上"``, ``"不超过5%"``, ``"5000余人次"``, ``"近300人"``, ``"３，７３２"`` …
become a :class:`Quantity`: a nominal value and the interval the wording covers, in the
goal's base unit, with exact (``Fraction``) arithmetic.

Grammar, after Unicode NFKC and removing all whitespace::

    [qualifier] [-] number [余|多] [scale] [余|多] [unit] [qualifier]

:func:`parse_unit` reads a goal's ``unit``; :func:`parse_quantity` reads everything else.
Every failure is a :class:`QuantityError` with a one-line message that quotes the input and
says how to fix it; the caller adds file, line, goal and field.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, NoReturn, TypeVar

import msgspec

from tracker.parse.fixes import (
    conversion,
    decimal_text,
    figure_key,
    first_valid,
    scaled,
    spelled_in_digits,
)
from tracker.parse.grammar import (
    GRAMMAR,
    MAX_DIGITS,
    MAX_LENGTH,
    QUALIFIER_EDGE,
    SCALE_START,
    SCALES,
    TOO_LARGE,
    Qualifier,
    QuantityError,
    described,
    fail_key,
    normal_form,
    quoted,
    read_number,
    read_qualifier,
    refuse_negative,
    shortened,
    written_qualifier,
)

if TYPE_CHECKING:
    pass

# QuantityError and Qualifier are the grammar's; they belong to this module's API
__all__ = [
    "Qualifier",
    "Quantity",
    "QuantityError",
    "Role",
    "Unit",
    "parse_quantity",
    "parse_unit",
    "written_qualifier",
]

Role = Literal["target", "outcome", "rate", "gap", "exact", "points"]
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Unit:
    """A goal's unit: the base unit and the scale it was written with (``万人`` = 人 × 10⁴)."""

    base: str
    scale: Fraction = Fraction(1)

    def __hash__(self) -> int:
        # the base alone (equal units share it): a Fraction's hash is slow, and every figure
        # is looked up in the parse memo with its goal's unit
        return hash(self.base)


class Quantity(msgspec.Struct, frozen=True, gc=False):
    """A reported number: its nominal value and the interval it stands for, in base units.

    ``low``/``high`` of ``None`` mean unbounded on that side. Percentages stay in percent
    (``"94.4%"`` → nominal 94.4, interval [94.35, 94.45]).
    """

    text: str
    nominal: Fraction
    low: Fraction | None
    high: Fraction | None
    low_open: bool = False
    high_open: bool = False
    qualifier: Qualifier | None = None
    approximate: bool = False

    @property
    def exact(self) -> bool:
        """True when the interval is the single nominal value."""
        return self.low == self.nominal == self.high


# --- vocabulary (SPEC §1.5) -----------------------------------------------------------------


_ROLES = frozenset(("target", "outcome", "rate", "gap", "exact", "points"))
_ROUNDED_ROLES = frozenset(("outcome", "rate", "gap"))
# A stated rate or gap is always a rounded figure, whole numbers included: "115%" is
# [114.5 %, 115.5 %] (SPEC §1.5). An outcome is rounded only when written with decimals or a scale.
_ALWAYS_ROUNDED = frozenset(("rate", "gap"))
# Differences between two percentages: a stated gap, a tolerance, a relative target's plus.
_DIFFERENCE_ROLES = frozenset(("gap", "points"))
_POINTS = frozenset(("个百分点", "百分点", "pp"))
_PERCENT = Unit("%")
_PER_MILLE = Unit("%", Fraction(1, 10))  # per-mille figures are stored in percent
_ONE = Fraction(1)


# --- messages -------------------------------------------------------------------------------


# --- units ----------------------------------------------------------------------------------


def parse_unit(text: str) -> Unit:
    """Read a goal's ``unit``: ``"人"`` → ``Unit("人")``, ``"万人"`` → ``Unit("人", 10**4)``.

    ``"%"`` is percent; ``"‰"`` is stored in percent (``Unit("%", 1/10)``). A leading scale
    word (千 万 百万 千万 亿 万亿) becomes the scale, except in units that are named with 千
    (千瓦, 千克, 千米 …). Raises :class:`QuantityError` for an empty unit, a unit that is only
    a scale or starts with a number, two scale words, or a qualifier word (以上 …).
    """
    if not isinstance(text, str):
        fail_key("unit.not_text", what=described(text))
    return _read_unit(str.__str__(text))


@lru_cache(maxsize=1024)
def _read_unit(text: str) -> Unit:
    norm = normal_form(text)
    if not norm:
        fail_key("unit.empty")
    if norm == "%":
        return _PERCENT
    if norm == "‰":
        return _PER_MILLE
    if norm[0] in "0123456789.,-−":
        fail_key("unit.number", unit=quoted(text))
    edge = QUALIFIER_EDGE.search(norm)
    if edge is not None:
        fail_key("unit.qualifier", unit=quoted(text), word=edge.group())
    scale = SCALE_START.match(norm)
    if scale is None:
        return Unit(norm)
    rest = norm[scale.end() :]
    if not rest:
        fail_key("unit.only_scale", unit=quoted(text), scale=norm)
    if SCALE_START.match(rest):
        fail_key("unit.two_scales", unit=quoted(text))
    if rest in ("%", "‰"):
        fail_key("unit.scaled_percent", unit=quoted(text))
    return Unit(rest, Fraction(SCALES[scale.group()]))


# --- quantities -----------------------------------------------------------------------------


def parse_quantity(
    raw: object, *, unit: Unit | None, role: Role, tolerance: Fraction | None = None
) -> Quantity:
    """Read a quantity as TOML/YAML gave it: a string as reports write it, or a number.

    ``unit`` is the goal's unit (``None`` for goals without one); the result is in its base
    unit, percentages in percent. ``role`` decides the interval (SPEC §1.5):

    * ``"target"`` and ``"exact"`` (baselines, tolerances, numerators): exactly the number
      written, the qualifier recorded for the caller to check. Negative numbers are figures
      like growth rates (``"-2.1%"``); only a stated completion rate may not be negative.
    * ``"outcome"``: a qualifier sets the interval (``"5000余"`` → (5000, 6000)); without one,
      a figure written with a scale or decimals stands for its rounding interval
      (``"5.31万"`` → [53050, 53150]); plain integers are exact.
    * ``"rate"``: a stated completion rate, always in percent (``unit`` is ignored) and always
      a rounded figure, whole numbers included (``"115%"`` → [114.5, 115.5]).
    * ``"gap"``: a stated gap, signed, always rounded like a rate, in the goal's unit; for a %
      goal in percentage points (``"-0.82个百分点"``, or a bare number; ``"%"`` is refused).
    * ``"points"``: an exact difference (a tolerance, a relative target's ``plus``), in the
      goal's unit; a % goal also takes percentage points. Only these two roles take
      个百分点 / 百分点 / pp.

    约/大约/左右/上下 give ``nominal ± tolerance`` (0 when ``None``), in the base unit, with
    ``approximate=True``, for every role. Any failure raises :class:`QuantityError`.
    """
    if not isinstance(role, str) or role not in _ROLES:
        shown = quoted(role) if isinstance(role, str) else described(role)
        fail_key("quantity.unknown_role", role=shown, roles=", ".join(sorted(_ROLES)))
    if (type(raw) is str or type(raw) is int) and (
        tolerance is None or type(tolerance) is Fraction
    ):
        return _parse_memo(raw, unit, role, tolerance)
    if isinstance(raw, str):
        return _parse_text(str.__str__(raw), unit, role, tolerance)
    if isinstance(raw, bool) or raw is None:
        fail_key("quantity.wrong_type", what=described(raw))
    if isinstance(raw, int):
        return _parse_int(int.__int__(raw), unit, role, tolerance)
    if isinstance(raw, float):
        return _parse_float(raw, unit, role, tolerance)
    if isinstance(raw, Decimal):
        return _parse_decimal(raw, Decimal.__str__(raw), unit, role, tolerance)
    raise QuantityError.of("quantity.wrong_type_one", what=described(raw))


# Datasets repeat figures (0, "100%", round numbers, a unit's usual values): each is read once.
# Keyed on exact str and int only (True == 1 and Decimal("5.0") == 5 would share an entry);
# a Quantity is immutable, so one may be shared. A failure raises every time.
@lru_cache(maxsize=8192)
def _parse_memo(
    raw: str | int, unit: Unit | None, role: Role, tolerance: Fraction | None
) -> Quantity:
    if isinstance(raw, str):
        return _parse_text(raw, unit, role, tolerance)
    return _parse_int(raw, unit, role, tolerance)


def _parse_int(value: int, unit: Unit | None, role: Role, tolerance: Fraction | None) -> Quantity:
    if abs(value) >= TOO_LARGE:  # checked before repr(): huge ints cannot be printed
        fail_key("number.int_too_large", most=MAX_DIGITS)
    text = int.__repr__(value)
    return _finish_number(text, value, 0, unit=unit, role=role, tolerance=tolerance)


def _parse_float(
    value: float, unit: Unit | None, role: Role, tolerance: Fraction | None
) -> Quantity:
    text = float.__repr__(value)
    if not math.isfinite(value):
        fail_key("number.not_finite", raw=text)
    if "e" in text:  # 1e+16, 5e-07: let Decimal spell out the digits
        return _parse_decimal(Decimal(text), text, unit, role, tolerance)
    # repr() is the shortest text that reads back as the same float: 94.4 stays "94.4".
    whole, _, frac = text.partition(".")
    mantissa = int(whole + frac)
    return _finish_number(text, mantissa, len(frac), unit=unit, role=role, tolerance=tolerance)


def _parse_decimal(
    value: Decimal, text: str, unit: Unit | None, role: Role, tolerance: Fraction | None
) -> Quantity:
    if not Decimal.is_finite(value):
        fail_key("number.not_finite", raw=text)
    sign, digits, exponent = Decimal.as_tuple(value)
    if not isinstance(exponent, int):  # only NaN and infinities have a letter here
        fail_key("number.not_finite", raw=text)
    if not any(digits):
        return _finish_number(
            text, 0, min(max(-exponent, 0), MAX_DIGITS), unit=unit, role=role, tolerance=tolerance
        )
    if len(digits) + exponent > MAX_DIGITS:
        fail_key("number.too_large", raw=shortened(text), most=MAX_DIGITS)
    if -exponent > MAX_DIGITS:
        fail_key("number.too_many_places", raw=shortened(text), most=MAX_DIGITS)
    mantissa = int("".join(map(str, digits)))  # at most 2 × MAX_DIGITS digits, checked above
    if exponent >= 0:
        mantissa *= 10**exponent
    return _finish_number(
        text,
        -mantissa if sign else mantissa,
        max(-exponent, 0),
        unit=unit,
        role=role,
        tolerance=tolerance,
    )


def _finish_number(
    text: str,
    mantissa: int,
    places: int,
    *,
    unit: Unit | None,
    role: Role,
    tolerance: Fraction | None,
) -> Quantity:
    """A TOML/YAML number: no scale, unit or qualifier, so the goal's own scale applies."""
    if mantissa < 0 and role == "rate":
        refuse_negative(text)
    mult = _ONE if role == "rate" or unit is None else unit.scale
    return _build(
        text,
        mantissa,
        places,
        mult,
        1,
        role=role,
        rounded=places > 0 or role in _ALWAYS_ROUNDED,
        qualifier=None,
        yu_place=None,
        tolerance=tolerance,
    )


def _parse_text(raw: str, unit: Unit | None, role: Role, tolerance: Fraction | None) -> Quantity:
    text = normal_form(raw)
    if not text:
        fail_key("quantity.empty", raw=quoted(raw))
    if len(text) > MAX_LENGTH:
        fail_key("quantity.too_long", raw=quoted(raw), length=len(text))
    match = GRAMMAR.fullmatch(text)
    if match is None:  # cannot happen: every part of the grammar is optional
        fail_key("quantity.unreadable", raw=quoted(raw))
    pre, sign, num, cn, yu1, scale, yu2, written, suf = match.groups()
    if cn and written.startswith(_SPELLED_ON):
        _spelled(raw, text, unit, role)
    mantissa, places, digits = read_number(raw, num, cn, scale, written)
    qualifier, yu = (
        read_qualifier(raw, match, digits, mantissa) if pre or suf or yu1 or yu2 else (None, None)
    )
    if sign:
        if role == "rate":
            refuse_negative(quoted(raw))
        if yu:
            fail_key("quantity.negative_yu", raw=quoted(raw), yu=yu)
        mantissa = -mantissa
    mult = _multiplier(raw, match, unit, role)
    yu_place = None
    if yu:  # one unit of the last non-zero place: 5000余 → 1000, 1.7万余 → 0.1万
        yu_place = 10 ** (len(digits) - len(digits.rstrip("0")))
    rounded = (
        role in _ROUNDED_ROLES
        and qualifier is None
        and (places > 0 or bool(scale) or role in _ALWAYS_ROUNDED)
    )
    return _build(
        raw,
        mantissa,
        places,
        mult,
        SCALES[scale] if scale else 1,
        role=role,
        rounded=rounded,
        qualifier=qualifier,
        yu_place=yu_place,
        tolerance=tolerance,
    )


def _multiplier(raw: str, match: re.Match[str], goal: Unit | None, role: Role) -> Fraction:
    """What the written number times its scale word is multiplied by to be in base units."""
    written, scale = match.group("unit", "scale")
    if written.lower() in _POINTS:
        return _points(raw, match.string[: match.start("unit")], goal, role)
    if written:
        if SCALE_START.match(written):
            fail_key("quantity.two_scales", raw=quoted(raw))
        mult = _written_unit(raw, match, goal, role)
    elif role == "rate" or goal is None or scale:
        mult = _ONE
    else:  # neither scale nor unit written: "5.31" in a 万人 goal is 5.31万
        mult = goal.scale
    return mult


def _points(raw: str, number: str, goal: Unit | None, role: Role) -> Fraction:
    """Percentage points (个百分点, pp): the unit of a difference between two percentages."""
    if goal is None or goal.base != "%":
        if goal is None:
            fail_key("points.no_unit", raw=quoted(raw))
        fail_key("points.unit", raw=quoted(raw), unit=goal.base)
    if role not in _DIFFERENCE_ROLES:
        fail_key("points.role", raw=quoted(raw), number=number)
    return _ONE


def _written_unit(raw: str, match: re.Match[str], goal: Unit | None, role: Role) -> Fraction:
    """The scale of the unit written in ``raw``, after checking it against the goal's."""
    written, text = match["unit"], match.string
    try:
        unit = _read_unit(written)
    except QuantityError as exc:
        fail_key("quantity.bad_unit", raw=quoted(raw), reason=exc.localized())
    if role == "rate":
        if unit.base != "%":
            fail_key("quantity.rate_not_percent", raw=quoted(raw))
    elif unit.base == "%":
        if role == "gap" and goal is not None and goal.base == "%":
            number = text[: match.start("unit")]
            fail_key("points.gap_percent", raw=quoted(raw), number=number)
        if goal is not None and goal.base != "%":
            fail_key("quantity.not_percent", written=written, raw=quoted(raw), unit=goal.base)
    elif goal is None:
        fail_key("quantity.unit_without_goal_unit", raw=quoted(raw), unit=unit.base)
    elif unit.base != goal.base:
        _unit_mismatch(raw, match, unit, goal, role)
    return unit.scale


# What, right after a Chinese numeral, shows that the numeral went on and was not read whole
# ("四万五千人": 四 and 万 are read, "五千人" would be the unit; "百分之八十五": 百, "分之八十五").
_SPELLED_ON = ("分之", *"零〇一二两三四五六七八九十百千万亿")


def _spelled(raw: str, text: str, goal: Unit | None, role: Role) -> NoReturn:
    """Fail for a Chinese numeral the grammar cannot read whole, with its exact rewrite in
    digits when there is one that reads back (tracker.parse.fixes)."""
    fixed = spelled_in_digits(text)
    if fixed is not None:
        try:
            _parse_text(fixed, goal, role, None)
        except QuantityError:
            fixed = None
    if fixed is None:
        fail_key("number.spelled_no_fix", raw=quoted(raw))
    fail_key("number.spelled", raw=quoted(raw), fixed=quoted(fixed))


def _unit_mismatch(raw: str, match: re.Match[str], unit: Unit, goal: Unit, role: Role) -> NoReturn:
    """Fail for a figure in another unit than the goal's, suggesting only a rewrite that keeps
    its value: converted exactly (米 → 公里), or the same number in the goal's unit when the
    units do not measure the same thing (a slip of the pen: 元 for 人)."""
    text, written = match.string, match["unit"]
    start, end = match.start("unit"), match.end("unit")
    factor = conversion(unit.base, goal.base)
    try:  # what the text stands for in its own unit, to compare each rewrite with
        original = _parse_text(text, Unit(unit.base), role, None)
    except QuantityError:
        fail_key("quantity.unit_no_fix", written=written, raw=quoted(raw), unit=goal.base)
    if factor is None:
        candidates = [text[:start] + goal.base + text[end:]]
        expected = figure_key(original)
    else:
        candidates = _converted(match, original.nominal * factor, goal.base)
        expected = scaled(original, factor)
    fixed = first_valid(
        candidates,
        lambda candidate: _parse_text(candidate, goal, role, None),
        lambda figure: figure_key(figure) == expected,
    )
    if fixed is None:
        fail_key("quantity.unit_no_fix", written=written, raw=quoted(raw), unit=goal.base)
    fail_key(
        "quantity.unit_mismatch",
        written=written,
        raw=quoted(raw),
        unit=goal.base,
        fixed=quoted(fixed),
    )


def _converted(match: re.Match[str], value: Fraction, base: str) -> list[str]:
    """``value`` written in the goal's unit with the original's qualifiers, with as few
    decimals as it needs and then with more (a rounded figure keeps its precision)."""
    pre, suf = match["pre"] or "", match["suf"] or ""
    numbers = [decimal_text(value), *(decimal_text(value, places) for places in range(1, 7))]
    return [f"{pre}{number}{base}{suf}" for number in numbers if number is not None]


def _ratio(numerator: int, denominator: int) -> Fraction:
    """``Fraction(numerator, denominator)`` for ints, ``denominator > 0``."""
    if denominator == 1:
        return Fraction(numerator)
    return Fraction(numerator, denominator)


def _build(
    text: str,
    mantissa: int,
    places: int,
    mult: Fraction,
    scale: int,
    *,
    role: Role,
    rounded: bool,
    qualifier: Qualifier | None,
    yu_place: int | None,
    tolerance: Fraction | None,
) -> Quantity:
    """The quantity ``mantissa / 10**places * scale * mult`` and the interval it stands for."""
    # Integer arithmetic, one Fraction per bound: this runs for every figure in the dataset.
    mult_num, mult_den = mult.as_integer_ratio()
    step = mult_num * scale  # one unit of the last written digit is step / den
    num = mantissa * step
    den = 10**places * mult_den
    nominal = _ratio(num, den)
    if qualifier is Qualifier.ABOUT:
        tol = _tolerance(tolerance, text)
        return Quantity(
            text, nominal, nominal - tol, nominal + tol, qualifier=qualifier, approximate=True
        )
    if role not in _ROUNDED_ROLES:
        return Quantity(text, nominal, nominal, nominal, qualifier=qualifier)
    if qualifier is None:
        if not rounded:
            return Quantity(text, nominal, nominal, nominal)
        # ± half a unit of the last written digit: 5.31万 → [5.305万, 5.315万]
        return Quantity(
            text, nominal, _ratio(2 * num - step, 2 * den), _ratio(2 * num + step, 2 * den)
        )
    if qualifier is Qualifier.AT_LEAST:
        return Quantity(text, nominal, nominal, None, qualifier=qualifier)
    if qualifier is Qualifier.AT_MOST:
        return Quantity(text, nominal, None, nominal, qualifier=qualifier)
    if qualifier is Qualifier.LESS_THAN:
        return Quantity(text, nominal, None, nominal, high_open=True, qualifier=qualifier)
    # MORE_THAN: open below; 余/多 also bounded above by one unit of the last non-zero place.
    high = None if yu_place is None else _ratio(num + yu_place * step, den)
    return Quantity(
        text, nominal, nominal, high, low_open=True, high_open=high is not None, qualifier=qualifier
    )


def _tolerance(tolerance: object, text: str) -> Fraction:
    if tolerance is None:
        return Fraction(0)
    if isinstance(tolerance, (Fraction, int, Decimal)) and not isinstance(tolerance, bool):
        tol = Fraction(tolerance)
        if tol >= 0:
            return tol
    raise QuantityError.of("quantity.bad_tolerance", raw=quoted(text))
