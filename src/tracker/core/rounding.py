"""Rounding, in one place: the one rule (half to even, at a fixed number of places) by which
exact fractions become text or JSON numbers — for every renderer (through
:mod:`tracker.render.display`) and for the messages of ``tracker check``.

The core keeps exact fractions; thresholds are never compared on these rounded values.
"""

from __future__ import annotations

from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal
from fractions import Fraction

from tracker.model import Goal
from tracker.parse.quantity import Quantity

RATIO_PLACES = 4  # JSON fractions: 1.0419


QUANTITY_PLACES = 4  # JSON quantities: 50964.5822


# Decimal(int).scaleb() is the cheapest way to a Decimal; without a precision limit it cannot round.
_UNROUNDED = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def round_half_even(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` (``denominator`` > 0) rounded half-even to an integer, as
    ``round()`` rounds a Fraction."""
    quotient, rest = divmod(numerator, denominator)
    if 2 * rest > denominator or (2 * rest == denominator and quotient & 1):
        return quotient + 1
    return quotient


def scaled_int(numerator: int, denominator: int, places: int) -> int:
    """``numerator / denominator`` (≥ 0) × 10**places, rounded half-even to an integer: exact,
    from the fraction itself (no intermediate rounding)."""
    return round_half_even(numerator * 10**places, denominator)


def trim_zeros(digits: int, places: int) -> tuple[int, int]:
    """``digits × 10**-places`` as (coefficient, decimals) without trailing zeros."""
    if digits == 0:
        return 0, 0
    while places and digits % 10 == 0:
        digits //= 10
        places -= 1
    return digits, places


def fixed_text(negative: bool, digits: int, places: int, separator: str = "") -> str:
    """``digits × 10**-places`` as Decimal's ``f`` format writes it (``,f`` with a separator)."""
    sign = "-" if negative else ""
    if not places:
        return f"{sign}{digits:,}" if separator else f"{sign}{digits}"
    whole, decimals = divmod(digits, 10**places)
    grouped = f"{whole:,}" if separator else str(whole)
    return f"{sign}{grouped}.{decimals:0{places}d}"


def to_decimal(value: Fraction, places: int, *, trim: bool = True) -> Decimal:
    """``value`` rounded half-even to ``places`` decimals, trailing zeros removed if ``trim``."""
    numerator = value.numerator
    digits = scaled_int(abs(numerator), value.denominator, places)
    if trim:
        digits, places = trim_zeros(digits, places)
    sign = "-" if numerator < 0 else ""
    return Decimal(f"{sign}{digits}E-{places}")  # from text: keeps the sign of a zero (-0.0)


def json_number(value: Fraction | None, places: int = QUANTITY_PLACES) -> int | Decimal | None:
    """A JSON-ready number: an int when whole, else a rounded Decimal; None stays None."""
    if value is None:
        return None
    numerator, denominator = value.numerator, value.denominator
    if denominator == 1:
        return numerator
    digits = scaled_int(abs(numerator), denominator, places)
    scale: int = 10**places
    if digits % scale == 0:
        digits //= scale
        return -digits if numerator < 0 else digits
    while digits % 10 == 0:  # trailing zeros (one decimal at least remains)
        digits //= 10
        places -= 1
    return Decimal(-digits if numerator < 0 else digits).scaleb(-places, _UNROUNDED)


def natural_places(numerator: int, denominator: int) -> int:
    """Decimals worth showing: none for thousands, one for hundreds, else two."""
    if numerator >= 1000 * denominator:
        return 0
    return 1 if numerator >= 100 * denominator else 2


def percent(value: Fraction | None, places: int = 1) -> str:
    """A fraction as a percentage: 1.0412 → ``104.1%``."""
    if value is None:
        return "—"
    numerator = value.numerator
    digits = scaled_int(abs(numerator) * 100, value.denominator, places)
    return f"{fixed_text(numerator < 0, digits, places)}%"


def plain(value: Fraction | None, places: int = 2) -> str:
    """A fraction such as a pace, with fixed decimals so columns line up: ``1.04``."""
    if value is None:
        return "—"
    numerator = value.numerator
    return fixed_text(numerator < 0, scaled_int(abs(numerator), value.denominator, places), places)


def written(text: str, goal: Goal) -> str:
    """A figure as the report wrote it, with the goal's unit when the text leaves it out."""
    unit = goal.unit or ""
    return text if not unit or unit in text else f"{text}{unit}"


def rate_written(q: Quantity) -> str:
    """A stated completion rate as the report wrote it (``104.19%``)."""
    return q.text if "%" in q.text else f"{plain(q.nominal)}%"


def rate_span(low: Fraction | None, high: Fraction | None, nominal: Fraction) -> str:
    """A rate computed from the figures, in percent: ``104.02%–104.22%``, or one figure
    when the figures are exact."""
    if low is None or high is None or low == high:
        return f"{plain(nominal)}%"
    return f"{plain(low)}%–{plain(high)}%"
