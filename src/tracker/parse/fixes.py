"""The fixes a quantity's error message suggests, each proved to keep the value.

A suggestion is text the user pastes into the data file, so it must mean exactly what they
wrote: "12000米" in a 公里 goal is "12公里" (never "12000公里"), "四万五千人" is "4.5万人"
(never "四万人"), "百分之八十五" is "85%". Each candidate is parsed again and compared with
the value the original text stands for (nominal value, interval, qualifier); when they differ,
or no exact rewrite exists, there is no suggestion and the message says what to do instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Protocol

from tracker.parse.grammar import SCALES, chinese_int


class _Figure(Protocol):
    @property
    def nominal(self) -> Fraction: ...
    @property
    def low(self) -> Fraction | None: ...
    @property
    def high(self) -> Fraction | None: ...
    @property
    def low_open(self) -> bool: ...
    @property
    def high_open(self) -> bool: ...
    @property
    def approximate(self) -> bool: ...


# Units that measure the same thing, each with its size in the family's smallest unit: a
# figure in one converts exactly into another (1 公顷 = 15 亩 = 10 000 平方米).
_FAMILIES: tuple[dict[str, Fraction], ...] = (
    {"米": Fraction(1), "千米": Fraction(1000), "公里": Fraction(1000)},
    {"克": Fraction(1), "千克": Fraction(1000), "公斤": Fraction(1000), "吨": Fraction(10**6)},
    {
        "平方米": Fraction(1),
        "亩": Fraction(10_000, 15),
        "公顷": Fraction(10_000),
        "平方千米": Fraction(10**6),
        "平方公里": Fraction(10**6),
    },
)


def conversion(written: str, goal: str) -> Fraction | None:
    """How many ``goal`` units one ``written`` unit is, when both measure the same thing."""
    for family in _FAMILIES:
        if written in family and goal in family:
            return family[written] / family[goal]
    return None


def figure_key(figure: _Figure) -> tuple[object, ...]:
    """What a figure stands for: two figures with equal keys mean exactly the same."""
    return scaled(figure, Fraction(1))


def scaled(figure: _Figure, factor: Fraction) -> tuple[object, ...]:
    """:func:`figure_key` of ``figure`` multiplied by ``factor`` (positive)."""
    return (
        figure.nominal * factor,
        None if figure.low is None else figure.low * factor,
        None if figure.high is None else figure.high * factor,
        figure.low_open,
        figure.high_open,
        figure.approximate,
    )


def decimal_text(value: Fraction, places: int | None = None) -> str | None:
    """``value`` in plain decimal digits (with ``places`` decimals), or None when it has no
    finite decimal expansion or would lose digits."""
    den = value.denominator
    while den % 2 == 0:
        den //= 2
    while den % 5 == 0:
        den //= 5
    if den != 1:
        return None
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    text = format(exact.normalize(), "f") if places is None else f"{exact:.{places}f}"
    if Decimal(text) != exact:
        return None
    return text


def first_valid(
    candidates: list[str], parse: Callable[[str], _Figure], matches: Callable[[_Figure], bool]
) -> str | None:
    """The first candidate that parses to the value ``matches`` accepts."""
    for text in candidates:
        try:
            figure = parse(text)
        except ValueError:
            continue
        if matches(figure):
            return text
    return None


# --- numbers spelled in Chinese -------------------------------------------------------------

_SPELLED = re.compile(r"(?P<pct>百分之|千分之)?(?P<num>[零〇一二两三四五六七八九十百千万亿]+)")


def _section(text: str, *, after_higher: bool) -> int | None:
    """One part of a numeral below 万 (below 亿 for the 万 part): 四千五百 → 4500."""
    if not text:
        return 0
    if after_higher and text[0] not in "零〇" and (len(text) < 2 or text[1] != "千"):
        # "四万五" is colloquially 45 000 and "一万五百" may mean 15 000: never guess
        return None
    return chinese_int(text)


def chinese_number(text: str) -> int | None:
    """A Chinese numeral with 万 and 亿 (四万五千 → 45000), or None when it is not one or
    could be read two ways."""
    total = 0
    rest = text
    after_higher = False
    for word in ("亿", "万"):
        head, sep, tail = rest.partition(word)
        if not sep:
            continue
        if word in tail:
            return None
        value = _section(head, after_higher=after_higher) if head else 1
        if value is None or (word == "万" and value >= 10_000):
            return None
        total += value * SCALES[word]
        rest, after_higher = tail, True
    low = _section(rest, after_higher=after_higher)
    return None if low is None else total + low


def spelled_in_digits(text: str) -> str | None:
    """``text`` with its one Chinese numeral written in digits: "四万五千人" → "4.5万人",
    "百分之八十五以上" → "85%以上"; None when there is no such numeral or it cannot be read."""
    found = list(_SPELLED.finditer(text))
    if len(found) != 1:
        return None
    match = found[0]
    value = chinese_number(match["num"])
    if value is None:
        return None
    numeral = match["num"]
    scale = "亿" if "亿" in numeral else "万" if "万" in numeral else ""
    # a numeral with 万 or 亿 keeps its scale word: as an outcome, "4.5万" stands for the same
    # rounding interval as 四万五千 (SPEC §1.5), where "45000" would be exact
    number = decimal_text(Fraction(value, SCALES[scale])) if scale else str(value)
    if number is None:
        return None
    digits = number + scale + {"百分之": "%", "千分之": "‰"}.get(match["pct"] or "", "")
    return text[: match.start()] + digits + text[match.end() :]
