"""The words and digits of a quantity (SPEC §1.5): qualifiers, scales, Chinese numerals and
the one-pass grammar, with the messages that quote the input and say how to fix it.

:mod:`tracker.parse.quantity` turns what is read here into a :class:`Quantity`."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import NoReturn

from tracker.messages import Localized, Reason, localized


class QuantityError(Reason, ValueError):
    """A value that cannot be read as a quantity; the message says why and how to fix it
    (in English; with a catalogue ``key`` and ``params``, also in the run's language)."""


class Qualifier(enum.Enum):
    """What a prefix or suffix word says about the number it qualifies."""

    AT_LEAST = "at_least"  # 以上 不低于 不少于 至少: closed lower bound
    AT_MOST = "at_most"  # 以下 以内 不超过 不高于: closed upper bound
    MORE_THAN = "more_than"  # 超 超过 逾 多于, N余 / N多: open lower bound
    LESS_THAN = "less_than"  # 近 将近 接近 不到 不足: open upper bound
    ABOUT = "about"  # 约 大约 左右 上下: N ± tolerance, approximate


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


_QUALIFIER_NAMES = {  # catalogue keys
    Qualifier.AT_LEAST: "qualifier.at_least",
    Qualifier.AT_MOST: "qualifier.at_most",
    Qualifier.MORE_THAN: "qualifier.more_than",
    Qualifier.LESS_THAN: "qualifier.just_under",
    Qualifier.ABOUT: "qualifier.about",
}


SCALES: dict[str, int] = {
    "万亿": 10**12,
    "千万": 10**7,
    "百万": 10**6,
    "亿": 10**8,
    "万": 10**4,
    "千": 10**3,
}


# Units that count people or things: a figure in one of them is a number of them, never
# negative (a flow's cumulative total since the period start, or a level: those in place).
COUNT_UNITS = frozenset(
    [
        "人",
        "人次",
        "名",
        "户",
        "家",
        "所",
        "个",
        "座",
        "处",
        "项",
        "件",
        "场",
        "次",
        "套",
        "辆",
        "台",
        "间",
        "条",
        "张",
        "批",
        "宗",
        "栋",
        "床",
        "位",
        "支",
        "部",
        "本",
        "册",
        "头",
        "只",
    ]
)


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


MAX_DIGITS = 30  # before and, separately, after the decimal point


MAX_LENGTH = 100  # characters, after normalisation


TOO_LARGE = 10**MAX_DIGITS


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation trying longer words first (不超过 before 超过 before 超)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_QUALIFIER_RE = _alternation(_QUALIFIER_WORDS)


_SCALE_RE = rf"(?!{_alternation(_KILO_UNITS)})(?:{_alternation(SCALES)})"


_CN_CLASS = "".join((*_CN_DIGITS, *_CN_PLACES))


# One pass over the whole (normalised) text. Every group is optional and the unit is a lazy
# catch-all, so the match never fails and never backtracks far: what does not fit the grammar
# ends up in `unit` (or is missing) and is diagnosed afterwards. `[余多](?!于)` leaves 多于 to
# the suffix; the unit being lazy lets the suffix take the longest qualifier at the end.
GRAMMAR = re.compile(
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


SCALE_START = re.compile(_SCALE_RE)


QUALIFIER_EDGE = re.compile(rf"^(?:{_QUALIFIER_RE})|(?:{_QUALIFIER_RE})$")


_EXPONENT = re.compile(r"[eE][-+]?[0-9]")


_RANGE = re.compile(r"[-~至到][0-9]")


# What, right after the number, shows that the number itself is malformed ("5.3.1", "1e400",
# "5-6", "5万3") rather than followed by a unit.
_NUMBER_TAIL = re.compile(r"[0-9.,\-−]|[eE][-+]?[0-9]|[~至到][0-9]")


# Superscript and subscript digits and signs (¹ ² ³ ⁰ … ₉ ⁺ ⁻): NFKC makes them ordinary
# digits, so a footnote mark copied with a figure ("3732¹人") was read as part of it (37321).
_SCRIPTS = re.compile("([\u00b2\u00b3\u00b9\u2070-\u209f]+)")


def normal_form(text: str) -> str:
    """``text`` as the grammar reads it: NFKC, with no whitespace, but super- and subscripts
    kept as written (never digits of the number: a unit such as m² keeps its ²)."""
    if _SCRIPTS.search(text) is None:
        return "".join(unicodedata.normalize("NFKC", text).split())
    parts = _SCRIPTS.split(text)  # odd items: the runs of scripts, kept
    parts[::2] = (unicodedata.normalize("NFKC", part) for part in parts[::2])
    return "".join("".join(parts).split())


def written_qualifier(text: str) -> tuple[str, str, Qualifier] | None:
    """The qualifier word a figure is written with, where it stands and what it means:
    ``"3万以上"`` → ``("以上", "suffix", AT_LEAST)``; ``None`` without one (余/多 aside)."""
    norm = normal_form(text)
    found = QUALIFIER_EDGE.search(norm)
    if found is None:
        return None
    word = found.group()
    return word, "prefix" if found.start() == 0 else "suffix", _QUALIFIER_WORDS[word]


def quoted(text: str) -> str:
    """``text`` in double quotes, shortened and escaped so a message stays on one line."""
    chars = []
    for ch in shortened(text):
        if ch in '"\\':
            chars.append("\\" + ch)
        elif ch.isprintable():
            chars.append(ch)
        else:
            chars.append(f"\\u{ord(ch):04x}")
    return '"' + "".join(chars) + '"'


def shortened(text: str) -> str:
    """``text`` cut short for a message if it is very long."""
    return text if len(text) <= 40 else text[:39] + "…"


def fail_key(key: str, **params: object) -> NoReturn:
    """Fail with the catalogue's ``key`` (English text as the error's message)."""
    raise QuantityError.of(key, **params)


def described(raw: object) -> str | Localized:
    """How to name a value of the wrong type, in TOML/YAML words (never calls its repr)."""
    if raw is None:
        return localized("value.null")
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, (list, tuple)):
        return localized("value.list")
    if isinstance(raw, dict):
        return localized("value.table")
    return localized("value.other", type=type(raw).__name__)


def read_number(
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


def read_qualifier(
    raw: str, match: re.Match[str], digits: str, mantissa: int
) -> tuple[Qualifier | None, str | None]:
    """The qualifier, and the 余/多 that stood for it if that is how it was written."""
    pre, yu1, yu2, suf = match["pre"], match["yu1"], match["yu2"], match["suf"]
    if yu1 and yu2:
        fail_key("quantity.two_yu", raw=quoted(raw))
    yu = yu1 or yu2
    if yu:
        if pre or suf:
            fail_key(
                "quantity.yu_qualifier", raw=quoted(raw), word=pre or suf, yu=yu, digits=digits
            )
        if mantissa == 0:
            fail_key("quantity.yu_zero", raw=quoted(raw), yu=yu)
        return Qualifier.MORE_THAN, yu
    if not (pre or suf):
        return None, None
    qualifier = _QUALIFIER_WORDS[pre or suf]
    if pre and suf and _QUALIFIER_WORDS[suf] is not qualifier:
        fail_key(
            "quantity.contradiction",
            raw=quoted(raw),
            pre=pre,
            first=localized(_QUALIFIER_NAMES[qualifier]),
            suf=suf,
            second=localized(_QUALIFIER_NAMES[_QUALIFIER_WORDS[suf]]),
        )
    return qualifier, None


def _read_digits(num: str, raw: str) -> tuple[int, int, str]:
    """``"15,000.5"`` → (150005, 1, "150005"): mantissa, decimal places, the digits."""
    if num.count(".") > 1:
        fail_key("number.two_points", raw=quoted(raw))
    if "," in num:
        if not _THOUSANDS.fullmatch(num):
            fail_key("number.thousands", raw=quoted(raw))
        num = num.replace(",", "")
    whole, dot, frac = num.partition(".")
    if dot and not frac:
        fail_key("number.trailing_point", raw=quoted(raw), whole=whole)
    if len(whole) > MAX_DIGITS or len(frac) > MAX_DIGITS:
        fail_key("number.too_many_digits", raw=quoted(raw), most=MAX_DIGITS)
    digits = whole + frac
    return int(digits), len(frac), digits


def _read_chinese(cn: str, raw: str) -> int:
    value = chinese_int(cn)
    if value is None:
        fail_key("number.chinese", raw=quoted(raw), numeral=quoted(cn))
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
        elif ch not in _CN_DIGITS:
            return None  # "十万亿百": a larger place (万, 亿) is not read here
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


def refuse_negative(shown: str) -> NoReturn:
    fail_key("quantity.negative_rate", raw=shown)


def _no_number(raw: str, written: str, *, after_number: bool) -> NoReturn:
    """Fail for text where a number should be: say what looks wrong about it."""
    if not after_number and written.startswith(("-", "−")):
        fail_key("number.minus", raw=quoted(raw))
    if _EXPONENT.match(written):
        fail_key("number.exponent", raw=quoted(raw))
    if _RANGE.search(written):
        fail_key("number.range", raw=quoted(raw))
    if written.startswith("."):
        fail_key("number.leading_point", raw=quoted(raw))
    if any("0" <= ch <= "9" for ch in written):
        fail_key("number.malformed", raw=quoted(raw))
    fail_key("number.missing", raw=quoted(raw))
