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

import enum
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, NoReturn, TypeVar

from tracker.fastbuild import coprime_fraction, frozen_constructor

if TYPE_CHECKING:
    from collections.abc import Iterable

Role = Literal["target", "outcome", "rate", "exact"]
_T = TypeVar("_T")


class QuantityError(ValueError):
    """A value that cannot be read as a quantity; the message says why and how to fix it."""


class Qualifier(enum.Enum):
    """What a prefix or suffix word says about the number it qualifies."""

    AT_LEAST = "at_least"  # 以上 不低于 不少于 至少: closed lower bound
    AT_MOST = "at_most"  # 以下 以内 不超过 不高于: closed upper bound
    MORE_THAN = "more_than"  # 超 超过 逾 多于, N余 / N多: open lower bound
    LESS_THAN = "less_than"  # 近 将近 接近 不到 不足: open upper bound
    ABOUT = "about"  # 约 大约 左右 上下: N ± tolerance, approximate


@dataclass(frozen=True, slots=True)
class Unit:
    """A goal's unit: the base unit and the scale it was written with (``万人`` = 人 × 10⁴)."""

    base: str
    scale: Fraction = Fraction(1)

    def __hash__(self) -> int:
        # the base alone (equal units share it): a Fraction's hash is slow, and every figure
        # is looked up in the parse memo with its goal's unit
        return hash(self.base)


@dataclass(frozen=True, slots=True)
class Quantity:
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


_new_quantity = frozen_constructor(Quantity)


# --- vocabulary (SPEC §1.5) -----------------------------------------------------------------

_QUALIFIER_WORDS: dict[str, Qualifier] = {
    "以上": Qualifier.AT_LEAST,
    "不低于": Qualifier.AT_LEAST,
    "不少于": Qualifier.AT_LEAST,
    "至少": Qualifier.AT_LEAST,
    "以下": Qualifier.AT_MOST,
    "以内": Qualifier.AT_MOST,
    "不超过": Qualifier.AT_MOST,
    "不高于": Qualifier.AT_MOST,
    "超": Qualifier.MORE_THAN,
    "超过": Qualifier.MORE_THAN,
    "逾": Qualifier.MORE_THAN,
    "多于": Qualifier.MORE_THAN,
    "近": Qualifier.LESS_THAN,
    "将近": Qualifier.LESS_THAN,
    "接近": Qualifier.LESS_THAN,
    "不到": Qualifier.LESS_THAN,
    "不足": Qualifier.LESS_THAN,
    "约": Qualifier.ABOUT,
    "大约": Qualifier.ABOUT,
    "左右": Qualifier.ABOUT,
    "上下": Qualifier.ABOUT,
}
_QUALIFIER_NAMES = {
    Qualifier.AT_LEAST: "at least",
    Qualifier.AT_MOST: "at most",
    Qualifier.MORE_THAN: "more than",
    Qualifier.LESS_THAN: "just under",
    Qualifier.ABOUT: "about",
}

_SCALES: dict[str, int] = {
    "万亿": 10**12,
    "千万": 10**7,
    "百万": 10**6,
    "亿": 10**8,
    "万": 10**4,
    "千": 10**3,
}

# Units whose name starts with 千 but which are units in their own right: "5千瓦" is five
# kilowatts, not five thousand 瓦, and a 千瓦 goal keeps 千瓦 as its base unit.
_KILO_UNITS = ("千瓦时", "千瓦", "千克", "千米", "千伏安", "千伏", "千帕", "千卡", "千焦", "千赫")

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_PLACES = {"十": 10, "百": 100, "千": 1000}

_ROLES = frozenset(("target", "outcome", "rate", "exact"))
_ROUNDED_ROLES = frozenset(("outcome", "rate"))
_MAX_DIGITS = 30  # before and, separately, after the decimal point
_MAX_LENGTH = 100  # characters, after normalisation
_PERCENT = Unit("%")
_PER_MILLE = Unit("%", Fraction(1, 10))  # per-mille figures are stored in percent
_ONE = Fraction(1)
_TOO_LARGE = 10**_MAX_DIGITS


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation trying longer words first (不超过 before 超过 before 超)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_QUALIFIER_RE = _alternation(_QUALIFIER_WORDS)
_SCALE_RE = rf"(?!{_alternation(_KILO_UNITS)})(?:{_alternation(_SCALES)})"
_CN_CLASS = "".join((*_CN_DIGITS, *_CN_PLACES))

# One pass over the whole (normalised) text. Every group is optional and the unit is a lazy
# catch-all, so the match never fails and never backtracks far: what does not fit the grammar
# ends up in `unit` (or is missing) and is diagnosed afterwards. `[余多](?!于)` leaves 多于 to
# the suffix; the unit being lazy lets the suffix take the longest qualifier at the end.
_GRAMMAR = re.compile(
    rf"(?P<pre>{_QUALIFIER_RE})?"
    r"(?P<sign>[-−])?"
    rf"(?:(?P<num>[0-9][0-9.,]*)|(?P<cn>[{_CN_CLASS}]+))?"
    r"(?P<yu1>[余多](?!于))?"
    rf"(?P<scale>{_SCALE_RE})?"
    r"(?P<yu2>[余多](?!于))?"
    r"(?P<unit>.*?)"
    rf"(?P<suf>{_QUALIFIER_RE})?",
    re.DOTALL,
)
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_SCALE_START = re.compile(_SCALE_RE)
_QUALIFIER_EDGE = re.compile(rf"^(?:{_QUALIFIER_RE})|(?:{_QUALIFIER_RE})$")
_EXPONENT = re.compile(r"[eE][-+]?[0-9]")
_RANGE = re.compile(r"[-~至到][0-9]")
# What, right after the number, shows that the number itself is malformed ("5.3.1", "1e400",
# "5-6", "5万3") rather than followed by a unit.
_NUMBER_TAIL = re.compile(r"[0-9.,\-−]|[eE][-+]?[0-9]|[~至到][0-9]")


# --- messages -------------------------------------------------------------------------------


def _q(text: str) -> str:
    """``text`` in double quotes, shortened and escaped so a message stays on one line."""
    chars = []
    for ch in _short(text):
        if ch in '"\\':
            chars.append("\\" + ch)
        elif ch.isprintable():
            chars.append(ch)
        else:
            chars.append(f"\\u{ord(ch):04x}")
    return '"' + "".join(chars) + '"'


def _short(text: str) -> str:
    """``text`` cut short for a message if it is very long."""
    return text if len(text) <= 40 else text[:39] + "…"


def _fail(message: str) -> NoReturn:
    raise QuantityError(message)


def _what(raw: object) -> str:
    """How to name a value of the wrong type, in TOML/YAML words (never calls its repr)."""
    if raw is None:
        return "an empty value (null)"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, (list, tuple)):
        return "a list"
    if isinstance(raw, dict):
        return "a table"
    return f"a value of type {type(raw).__name__}"


# --- units ----------------------------------------------------------------------------------


def parse_unit(text: str) -> Unit:
    """Read a goal's ``unit``: ``"人"`` → ``Unit("人")``, ``"万人"`` → ``Unit("人", 10**4)``.

    ``"%"`` is percent; ``"‰"`` is stored in percent (``Unit("%", 1/10)``). A leading scale
    word (千 万 百万 千万 亿 万亿) becomes the scale, except in units that are named with 千
    (千瓦, 千克, 千米 …). Raises :class:`QuantityError` for an empty unit, a unit that is only
    a scale or starts with a number, two scale words, or a qualifier word (以上 …).
    """
    if not isinstance(text, str):
        _fail(f'a unit is text such as "人", "万元" or "%", not {_what(text)}')
    return _read_unit(str.__str__(text))


@lru_cache(maxsize=1024)
def _read_unit(text: str) -> Unit:
    norm = "".join(unicodedata.normalize("NFKC", text).split())
    if not norm:
        _fail('the unit is empty: write the goal\'s unit, e.g. "人", "万元" or "%"')
    if norm == "%":
        return _PERCENT
    if norm == "‰":
        return _PER_MILLE
    if norm[0] in "0123456789.,-−":
        _fail(
            f'unit {_q(text)} starts with a number: write the unit alone, e.g. "人" or '
            '"万人", and the number in target or value'
        )
    edge = _QUALIFIER_EDGE.search(norm)
    if edge is not None:
        _fail(
            f'unit {_q(text)} contains the qualifier "{edge.group()}": write the unit alone '
            f'and the qualifier with the number, e.g. target = "5000{edge.group()}"'
        )
    scale = _SCALE_START.match(norm)
    if scale is None:
        return Unit(norm)
    rest = norm[scale.end() :]
    if not rest:
        _fail(f'unit {_q(text)} is only a scale: add what it counts, e.g. "{norm}人" or "{norm}元"')
    if _SCALE_START.match(rest):
        _fail(f'unit {_q(text)} has two scale words: write one, e.g. "亿元" rather than "万万元"')
    if rest in ("%", "‰"):
        _fail(f'unit {_q(text)} puts a scale on a percentage: write "%" (or "‰")')
    return Unit(rest, Fraction(_SCALES[scale.group()]))


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
    * ``"rate"``: a stated completion rate, like an outcome but always in percent; ``unit``
      is ignored.

    约/大约/左右/上下 give ``nominal ± tolerance`` (0 when ``None``), in the base unit, with
    ``approximate=True``, for every role. Any failure raises :class:`QuantityError`.
    """
    if not isinstance(role, str) or role not in _ROLES:
        shown = _q(role) if isinstance(role, str) else _what(role)
        _fail(f'unknown role {shown}: use "target", "outcome", "rate" or "exact"')
    if (type(raw) is str or type(raw) is int) and (
        tolerance is None or type(tolerance) is Fraction
    ):
        return _parse_memo(raw, unit, role, tolerance)
    if isinstance(raw, str):
        return _parse_text(str.__str__(raw), unit, role, tolerance)
    if isinstance(raw, bool) or raw is None:
        _fail(
            f"cannot read {_what(raw)} as a quantity: write a number such as 5.31 or a "
            'string such as "5.31万"'
        )
    if isinstance(raw, int):
        return _parse_int(int.__int__(raw), unit, role, tolerance)
    if isinstance(raw, float):
        return _parse_float(raw, unit, role, tolerance)
    if isinstance(raw, Decimal):
        return _parse_decimal(raw, Decimal.__str__(raw), unit, role, tolerance)
    _fail(
        f"cannot read {_what(raw)} as a quantity: write one number such as 5.31 or a string "
        'such as "5.31万"'
    )


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
    if abs(value) >= _TOO_LARGE:  # checked before repr(): huge ints cannot be printed
        _fail(
            f"a number of more than {_MAX_DIGITS} digits is too large: write a string with a "
            'scale such as "5.31亿"'
        )
    text = int.__repr__(value)
    return _finish_number(text, value, 0, unit=unit, role=role, tolerance=tolerance)


def _parse_float(
    value: float, unit: Unit | None, role: Role, tolerance: Fraction | None
) -> Quantity:
    text = float.__repr__(value)
    if not math.isfinite(value):
        _fail(f"cannot read {text} as a quantity: write a finite number such as 5.31")
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
        _fail(f"cannot read {text} as a quantity: write a finite number such as 5.31")
    sign, digits, exponent = Decimal.as_tuple(value)
    if not isinstance(exponent, int):  # only NaN and infinities have a letter here
        _fail(f"cannot read {text} as a quantity: write a finite number such as 5.31")
    if not any(digits):
        return _finish_number(
            text, 0, min(max(-exponent, 0), _MAX_DIGITS), unit=unit, role=role, tolerance=tolerance
        )
    if len(digits) + exponent > _MAX_DIGITS:
        _fail(
            f"{_short(text)} is too large: write at most {_MAX_DIGITS} digits before the "
            'decimal point, or a string with a scale such as "5.31亿"'
        )
    if -exponent > _MAX_DIGITS:
        _fail(f"{_short(text)} has too many decimal places: write at most {_MAX_DIGITS}")
    mantissa = int("".join(map(str, digits)))  # at most 2 × _MAX_DIGITS digits, checked above
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
        _negative(text)
    mult = _ONE if role == "rate" or unit is None else unit.scale
    return _build(
        text,
        mantissa,
        places,
        mult,
        1,
        role=role,
        rounded=places > 0,
        qualifier=None,
        yu_place=None,
        tolerance=tolerance,
    )


def _parse_text(raw: str, unit: Unit | None, role: Role, tolerance: Fraction | None) -> Quantity:
    text = "".join(unicodedata.normalize("NFKC", raw).split())
    if not text:
        _fail(f'{_q(raw)} is empty: write a number such as "5.31万" or 85')
    if len(text) > _MAX_LENGTH:
        _fail(
            f"{_q(raw)} is {len(text)} characters long: a quantity is a short text such as "
            '"5.31万人"; put sentences in quote or note'
        )
    match = _GRAMMAR.fullmatch(text)
    if match is None:  # cannot happen: every part of the grammar is optional
        _fail(f'cannot read {_q(raw)} as a quantity: write e.g. "5.31万人" or "85%以上"')
    pre, sign, num, cn, yu1, scale, yu2, written, suf = match.groups()
    mantissa, places, digits = _number(raw, num, cn, scale, written)
    qualifier, yu = (
        _qualifier(raw, match, digits, mantissa) if pre or suf or yu1 or yu2 else (None, None)
    )
    if sign:
        if role == "rate":
            _negative(_q(raw))
        if yu:
            _fail(f'{_q(raw)}: "{yu}" cannot follow a negative number; write e.g. "-5000"')
        mantissa = -mantissa
    mult = _multiplier(raw, match, unit, role)
    yu_place = None
    if yu:  # one unit of the last non-zero place: 5000余 → 1000, 1.7万余 → 0.1万
        yu_place = 10 ** (len(digits) - len(digits.rstrip("0")))
    rounded = role in _ROUNDED_ROLES and qualifier is None and (places > 0 or bool(scale))
    return _build(
        raw,
        mantissa,
        places,
        mult,
        _SCALES[scale] if scale else 1,
        role=role,
        rounded=rounded,
        qualifier=qualifier,
        yu_place=yu_place,
        tolerance=tolerance,
    )


def _number(
    raw: str, num: str | None, cn: str | None, scale: str | None, written: str
) -> tuple[int, int, str]:
    """The number written: mantissa, decimal places and its digits (for 余's last place)."""
    if num is not None:
        mantissa, places, digits = _read_digits(num, raw)
    elif cn is not None:
        mantissa, places = _read_chinese(cn, raw), 0
        digits = str(mantissa)
    elif scale is not None:  # 万余人: one 万
        mantissa, places, digits = 1, 0, "1"
    else:
        _no_number(raw, written, after_number=False)
    if written and _malformed_number_tail(written):
        _no_number(raw, written, after_number=True)
    return mantissa, places, digits


@lru_cache(maxsize=1024)  # what follows the number is nearly always one of a few units
def _malformed_number_tail(written: str) -> bool:
    return bool(_NUMBER_TAIL.match(written) or _RANGE.search(written))


def _qualifier(
    raw: str, match: re.Match[str], digits: str, mantissa: int
) -> tuple[Qualifier | None, str | None]:
    """The qualifier, and the 余/多 that stood for it if that is how it was written."""
    pre, yu1, yu2, suf = match["pre"], match["yu1"], match["yu2"], match["suf"]
    if yu1 and yu2:
        _fail(f'{_q(raw)} has two of 余/多: write one, e.g. "5000余" or "1.7万余"')
    yu = yu1 or yu2
    if yu:
        if pre or suf:
            _fail(
                f'{_q(raw)} combines "{pre or suf}" with "{yu}": write one of them, e.g. '
                f'"{digits}{yu}" or "超{digits}"'
            )
        if mantissa == 0:
            _fail(f'{_q(raw)}: "{yu}" needs a non-zero number before it, e.g. "5000{yu}"')
        return Qualifier.MORE_THAN, yu
    if not (pre or suf):
        return None, None
    qualifier = _QUALIFIER_WORDS[pre or suf]
    if pre and suf and _QUALIFIER_WORDS[suf] is not qualifier:
        _fail(
            f'{_q(raw)} has two qualifiers that contradict each other: "{pre}" '
            f'({_QUALIFIER_NAMES[qualifier]}) and "{suf}" '
            f"({_QUALIFIER_NAMES[_QUALIFIER_WORDS[suf]]}): keep one"
        )
    return qualifier, None


def _multiplier(raw: str, match: re.Match[str], goal: Unit | None, role: Role) -> Fraction:
    """What the written number times its scale word is multiplied by to be in base units."""
    written, scale = match.group("unit", "scale")
    if written:
        if _SCALE_START.match(written):
            _fail(f'{_q(raw)} has two scale words: write one, e.g. "5.31万" or "2亿" (not "2万万")')
        mult = _written_unit(raw, match, goal, role)
    elif role == "rate" or goal is None or scale:
        mult = _ONE
    else:  # neither scale nor unit written: "5.31" in a 万人 goal is 5.31万
        mult = goal.scale
    return mult


def _read_digits(num: str, raw: str) -> tuple[int, int, str]:
    """``"15,000.5"`` → (150005, 1, "150005"): mantissa, decimal places, the digits."""
    if num.count(".") > 1:
        _fail(
            f"cannot read {_q(raw)} as a number: write digits with at most one decimal "
            'point, e.g. "5.31万"'
        )
    if "," in num:
        if not _THOUSANDS.fullmatch(num):
            _fail(
                f"cannot read {_q(raw)} as a number: thousands separators group three digits "
                '(e.g. "15,000"), and the decimal point is "." (e.g. "1.5")'
            )
        num = num.replace(",", "")
    whole, dot, frac = num.partition(".")
    if dot and not frac:
        _fail(
            f"cannot read {_q(raw)} as a number: write digits after the decimal point, or "
            f'none: "{whole}"'
        )
    if len(whole) > _MAX_DIGITS or len(frac) > _MAX_DIGITS:
        _fail(
            f"{_q(raw)} has too many digits: write at most {_MAX_DIGITS} before and after "
            "the decimal point, with a scale such as 万 or 亿 for large numbers"
        )
    digits = whole + frac
    return int(digits), len(frac), digits


def _read_chinese(cn: str, raw: str) -> int:
    value = chinese_int(cn)
    if value is None:
        _fail(
            f"cannot read {_q(raw)}: {_q(cn)} is not a Chinese numeral this tool reads; "
            'write it with digits, e.g. "1200" for 一千二百'
        )
    return value


def chinese_int(cn: str) -> int | None:
    """A Chinese numeral below 10000 (十, 三百, 一千二百, 一千零五), or None.

    Colloquial shortenings that drop the last place (一千二 for 1200) are refused rather
    than guessed; a place word without a digit (十, 百, 千) means one only at the start.
    """
    if cn in ("零", "〇"):
        return 0
    total, digit, last_place, zero = 0, None, 10_000, False
    for i, ch in enumerate(cn):
        place = _CN_PLACES.get(ch)
        if place is not None:
            if place >= last_place:
                return None
            if digit is None:
                if i:
                    return None
                digit = 1
            total += digit * place
            digit, last_place, zero = None, place, False
        elif _CN_DIGITS[ch] == 0:
            if digit is not None or zero or last_place <= 10:
                return None
            zero = True
        else:
            if digit is not None:
                return None
            digit = _CN_DIGITS[ch]
    if digit is None:
        return None if zero else total
    if last_place in (10, 10_000) or zero:
        return total + digit
    return None


def _negative(shown: str) -> NoReturn:
    _fail(f'{shown} is negative: a completion rate cannot be; write the amount without "-"')


def _no_number(raw: str, written: str, *, after_number: bool) -> NoReturn:
    """Fail for text where a number should be: say what looks wrong about it."""
    if not after_number and written.startswith(("-", "−")):
        _fail(f'cannot read {_q(raw)} as a number: write at most one leading "-", e.g. "-5"')
    if _EXPONENT.match(written):
        _fail(
            f"cannot read {_q(raw)} as a number: exponents are not accepted; write the "
            'digits, with a scale such as 万 or 亿 for large numbers, e.g. "5.31亿"'
        )
    if _RANGE.search(written):
        _fail(
            f"cannot read {_q(raw)} as one number: write a band as two values, e.g. "
            'target = ["2%", "3%"]'
        )
    if written.startswith("."):
        _fail(
            f'cannot read {_q(raw)} as a number: write a digit before the decimal point, e.g. "0.5"'
        )
    if any("0" <= ch <= "9" for ch in written):
        _fail(
            f"cannot read {_q(raw)} as a number: write digits with at most one decimal "
            'point and at most one leading "-", then the scale and unit, e.g. "5.31万人"'
        )
    _fail(f'{_q(raw)} has no number: write digits, e.g. "5.31万", "85%以上" or "5000余人"')


def _written_unit(raw: str, match: re.Match[str], goal: Unit | None, role: Role) -> Fraction:
    """The scale of the unit written in ``raw``, after checking it against the goal's."""
    written, text = match["unit"], match.string
    try:
        unit = _read_unit(written)
    except QuantityError as exc:
        _fail(f"cannot read the unit in {_q(raw)}: {exc}")
    if role == "rate":
        if unit.base != "%":
            _fail(
                f'{_q(raw)} is not a percentage: a completion rate is written with "%" or '
                'as a bare number, e.g. "104.19%"'
            )
    elif unit.base == "%":
        if goal is not None and goal.base != "%":
            _fail(
                f'unit "{written}" in {_q(raw)} does not match the goal\'s unit "{goal.base}": '
                f'write a number of {goal.base} or set the goal\'s unit to "%"'
            )
    elif goal is None:
        _fail(
            f'{_q(raw)} names the unit "{unit.base}" but the goal has no unit to match: write '
            "a bare number or a percentage"
        )
    elif unit.base != goal.base:
        fixed = text[: match.start("unit")] + goal.base + text[match.end("unit") :]
        _fail(
            f'unit "{written}" in {_q(raw)} does not match the goal\'s unit "{goal.base}": '
            f"write {_q(fixed)} or change the goal's unit"
        )
    return unit.scale


def _ratio(numerator: int, denominator: int) -> Fraction:
    """``Fraction(numerator, denominator)`` for ints, ``denominator > 0``."""
    if denominator == 1:
        return coprime_fraction(numerator, 1)
    common = math.gcd(numerator, denominator)
    return coprime_fraction(numerator // common, denominator // common)


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
        return _new_quantity(
            text, nominal, nominal - tol, nominal + tol, qualifier=qualifier, approximate=True
        )
    if role not in _ROUNDED_ROLES:
        return _new_quantity(text, nominal, nominal, nominal, qualifier=qualifier)
    if qualifier is None:
        if not rounded:
            return _new_quantity(text, nominal, nominal, nominal)
        # ± half a unit of the last written digit: 5.31万 → [5.305万, 5.315万]
        return _new_quantity(
            text, nominal, _ratio(2 * num - step, 2 * den), _ratio(2 * num + step, 2 * den)
        )
    if qualifier is Qualifier.AT_LEAST:
        return _new_quantity(text, nominal, nominal, None, qualifier=qualifier)
    if qualifier is Qualifier.AT_MOST:
        return _new_quantity(text, nominal, None, nominal, qualifier=qualifier)
    if qualifier is Qualifier.LESS_THAN:
        return _new_quantity(text, nominal, None, nominal, high_open=True, qualifier=qualifier)
    # MORE_THAN: open below; 余/多 also bounded above by one unit of the last non-zero place.
    high = None if yu_place is None else _ratio(num + yu_place * step, den)
    return _new_quantity(
        text, nominal, nominal, high, low_open=True, high_open=high is not None, qualifier=qualifier
    )


def _tolerance(tolerance: object, text: str) -> Fraction:
    if tolerance is None:
        return Fraction(0)
    if isinstance(tolerance, (Fraction, int, Decimal)) and not isinstance(tolerance, bool):
        tol = Fraction(tolerance)
        if tol >= 0:
            return tol
    _fail(
        f"cannot apply the tolerance to {_q(text)}: it must be a number of at least zero, "
        'e.g. tolerance = "0.5%"'
    )
