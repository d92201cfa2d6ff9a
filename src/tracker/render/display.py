"""Rounding for display, in one place shared by every renderer.

The core keeps exact fractions; only here do they become text (or JSON numbers). Thresholds
are never compared on these rounded values.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal
from fractions import Fraction
from functools import lru_cache

from tracker.core.compute import Evaluation, Flag, Status
from tracker.model import Goal, Kind
from tracker.parse.quantity import Qualifier, Quantity
from tracker.render.i18n import Lang, t

RATIO_PLACES = 4  # JSON fractions: 1.0419
QUANTITY_PLACES = 4  # JSON quantities: 50964.5822
_WAN = 10_000
_YI = 100_000_000

# Numbers are rounded with integer arithmetic (numerator × 10**places ÷ denominator): Decimal
# arithmetic and formatting cost several times more. tests/test_display.py compares the results
# with Python's exact rounding of fractions, written out by the Decimal steps used before.

# Decimal(int).scaleb() is the cheapest way to a Decimal; without a precision limit it cannot round.
_UNROUNDED = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def _half_even(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` (``denominator`` > 0) rounded half-even to an integer, as
    ``round()`` rounds a Fraction."""
    quotient, rest = divmod(numerator, denominator)
    if 2 * rest > denominator or (2 * rest == denominator and quotient & 1):
        return quotient + 1
    return quotient


def _scaled(numerator: int, denominator: int, places: int) -> int:
    """``numerator / denominator`` (≥ 0) × 10**places, rounded half-even to an integer: exact,
    from the fraction itself (no intermediate rounding)."""
    return _half_even(numerator * 10**places, denominator)


def _trimmed(digits: int, places: int) -> tuple[int, int]:
    """``digits × 10**-places`` as (coefficient, decimals) without trailing zeros."""
    if digits == 0:
        return 0, 0
    while places and digits % 10 == 0:
        digits //= 10
        places -= 1
    return digits, places


def _fixed(negative: bool, digits: int, places: int, separator: str = "") -> str:
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
    digits = _scaled(abs(numerator), value.denominator, places)
    if trim:
        digits, places = _trimmed(digits, places)
    sign = "-" if numerator < 0 else ""
    return Decimal(f"{sign}{digits}E-{places}")  # from text: keeps the sign of a zero (-0.0)


def json_number(value: Fraction | None, places: int = QUANTITY_PLACES) -> int | Decimal | None:
    """A JSON-ready number: an int when whole, else a rounded Decimal; None stays None."""
    if value is None:
        return None
    numerator, denominator = value.numerator, value.denominator
    if denominator == 1:
        return numerator
    digits = _scaled(abs(numerator), denominator, places)
    scale: int = 10**places
    if digits % scale == 0:
        digits //= scale
        return -digits if numerator < 0 else digits
    while digits % 10 == 0:  # trailing zeros (one decimal at least remains)
        digits //= 10
        places -= 1
    return Decimal(-digits if numerator < 0 else digits).scaleb(-places, _UNROUNDED)


def _places(numerator: int, denominator: int) -> int:
    """Decimals worth showing: none for thousands, one for hundreds, else two."""
    if numerator >= 1000 * denominator:
        return 0
    return 1 if numerator >= 100 * denominator else 2


def number(value: Fraction, lang: Lang, places: int | None = None) -> str:
    """A quantity for people: 万/亿 in Chinese, thousands separators in English."""
    numerator, denominator = value.numerator, value.denominator
    magnitude = abs(numerator)
    if lang == "zh":
        text = _zh_number(magnitude, denominator, places)
    else:
        shown = _places(magnitude, denominator) if places is None else places
        digits, shown = _trimmed(_scaled(magnitude, denominator, shown), shown)
        text = _fixed(False, digits, shown, ",")
    # a negative figure that rounds to zero is shown as 0, not -0
    return f"-{text}" if numerator < 0 and text.strip("0.,万亿") else text


_ZH_UNITS = ((_YI, "亿"), (_WAN, "万"), (1, ""))


def _zh_number(numerator: int, denominator: int, places: int | None) -> str:
    """万/亿 by magnitude; one unit up when rounding reaches 10000 of it (99,999,999 → 1亿)."""
    for index, (scale, word) in enumerate(_ZH_UNITS):
        if word and numerator < scale * denominator:
            continue
        shown = places if places is not None else 2 if word else _places(numerator, denominator)
        digits = _scaled(numerator, denominator * scale, shown)
        if index > 0 and digits >= 10_000 * 10**shown:
            upper, upper_word = _ZH_UNITS[index - 1]
            shown = 2 if places is None else places
            digits = _scaled(numerator, denominator * upper, shown)
            return _fixed(False, *_trimmed(digits, shown)) + upper_word
        return _fixed(False, *_trimmed(digits, shown)) + word
    return "0"  # unreachable: the last unit takes everything


def quantity(value: Fraction | None, goal: Goal, lang: Lang) -> str:
    """A value with the goal's unit: ``5.31万人``, ``85%``, ``53,100 人``."""
    if value is None:
        return "—"
    text = number(value, lang)
    unit = goal.unit or ""
    if unit == "%" or lang == "zh":
        return f"{text}{unit}"
    return f"{text} {unit}".rstrip()


def percent(value: Fraction | None, places: int = 1) -> str:
    """A fraction as a percentage: 1.0412 → ``104.1%``."""
    if value is None:
        return "—"
    numerator = value.numerator
    digits = _scaled(abs(numerator) * 100, value.denominator, places)
    return f"{_fixed(numerator < 0, digits, places)}%"


def plain(value: Fraction | None, places: int = 2) -> str:
    """A fraction such as a pace, with fixed decimals so columns line up: ``1.04``."""
    if value is None:
        return "—"
    numerator = value.numerator
    return _fixed(numerator < 0, _scaled(abs(numerator), value.denominator, places), places)


@lru_cache(maxsize=4096)
def iso_date(day: date) -> str:
    """``day.isoformat()``, remembered: a report repeats a few dates thousands of times."""
    return day.isoformat()


def short_date(day: date) -> str:
    """``2022-12`` for a month's last day (how most figures are dated), else ``2024-12-10``."""
    if (day + timedelta(days=1)).day == 1:
        return day.strftime("%Y-%m")
    return day.isoformat()


def bar(ratio: Fraction | None, width: int = 10) -> str:
    """A text progress bar of the completion ratio, full at 100 %."""
    if ratio is None:
        return " " * width
    filled = max(0, min(width, _half_even(ratio.numerator * width, ratio.denominator)))
    return "█" * filled + "░" * (width - filled)


_UNJUDGED = (Status.NO_TARGET, Status.NO_DATA)


def markers(evaluation: Evaluation) -> str:
    """Marks beside the status (the implied target's ``*`` is on the target itself)."""
    marks = ""
    if Flag.APPROXIMATE in evaluation.flags:
        marks += "~"
    if Flag.RATE_INCONSISTENT in evaluation.flags:
        marks += "!"
    # stale only matters where there is a verdict to doubt
    if Flag.STALE in evaluation.flags and evaluation.status not in _UNJUDGED:
        marks += "#"
    return marks


# Longer wording than this is shown as a number: a table cell is not the place for prose.
_WRITTEN_MAX = 16
_SYMBOL = {
    Qualifier.AT_LEAST: "≥",
    Qualifier.AT_MOST: "≤",
    Qualifier.MORE_THAN: ">",
    Qualifier.LESS_THAN: "<",
    Qualifier.ABOUT: "≈",
}


def written(text: str, goal: Goal) -> str:
    """A figure as the report wrote it, with the goal's unit when the text leaves it out."""
    unit = goal.unit or ""
    return text if not unit or unit in text else f"{text}{unit}"


def reported(q: Quantity, goal: Goal, lang: Lang) -> str:
    """Chinese readers see the report's own wording (``5000余``); English readers a number
    with a qualifier symbol (``>5,000 人次``)."""
    if lang == "zh" and len(q.text) <= _WRITTEN_MAX:
        return written(q.text, goal)
    symbol = _SYMBOL.get(q.qualifier, "") if q.qualifier else ""
    return symbol + quantity(q.nominal, goal, lang)


_LEGEND = (
    ("*", Flag.IMPLIED_TARGET, "legend.implied"),
    ("~", Flag.APPROXIMATE, "legend.approximate"),
    ("!", Flag.RATE_INCONSISTENT, "legend.inconsistent"),
    ("#", Flag.STALE, "legend.stale"),
)


def legend(rows: Iterable[Evaluation], lang: Lang) -> list[str]:
    """Legend entries for the marks that appear in ``rows``."""
    shown = {mark for e in rows for mark in markers(e)}
    shown |= {"*" for e in rows if Flag.IMPLIED_TARGET in e.flags}
    return [t(key, lang) for mark, _, key in _LEGEND if mark in shown]


def target_text(evaluation: Evaluation, lang: Lang) -> str:
    """The stated target, or the implied one marked with ``*``."""
    goal = evaluation.goal
    target = goal.target
    if target is not None:
        if lang == "zh" and len(target.text) <= _WRITTEN_MAX:
            return written(target.text, goal)
        if target.low != target.high:
            return f"{quantity(target.low, goal, lang)}–{quantity(target.high, goal, lang)}"
        return quantity(target.nominal, goal, lang)
    if evaluation.implied is not None:
        return f"{quantity(evaluation.implied.nominal, goal, lang)}*"
    if goal.kind is Kind.MILESTONE:
        return t("milestone", lang)
    return "—"


def actual_text(evaluation: Evaluation, lang: Lang) -> str:
    """The latest figure: as reported, the exact ratio for numerator/denominator, or done."""
    outcome = evaluation.outcome
    if outcome is None:
        return "—"
    if outcome.done is not None:
        return t("done" if outcome.done else "not_done", lang)
    if outcome.value is not None and outcome.numerator is None:
        return reported(outcome.value, evaluation.goal, lang)
    nominal = evaluation.actual.nominal if evaluation.actual else None
    return quantity(nominal, evaluation.goal, lang)


# --- making data text inert ------------------------------------------------------------------

# C0/C1 controls (ESC starts ANSI/OSC sequences) and bidi overrides/isolates
_UNSAFE = dict.fromkeys(
    [
        *range(0x09),
        *range(0x0B, 0x20),
        0x7F,
        *range(0x80, 0xA0),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0x200E,
        0x200F,
    ],
    None,
)
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\|`*_[]<>#!~&$"})
# GitHub turns bare URLs and www. names into links (GFM autolinks); a backslash before the
# ":" or "." they are recognised at keeps them text. ("&" would start an entity, "$" maths.
# A bare e-mail address still becomes a mailto: link, whose text is its target.)
_AUTOLINK = re.compile(r"(?i)(?:https?|ftp|mailto|xmpp)(?=:)|www(?=\.)")


def safe(text: str) -> str:
    """Data text for a terminal: control and bidi characters removed, newlines kept."""
    return text.translate(_UNSAFE)


def md(text: str) -> str:
    """Data text for a Markdown table cell: inert (no markup, links, HTML or broken pipes)."""
    escaped = safe(text).replace("\n", " ").translate(_MD_SPECIAL)
    return _AUTOLINK.sub(lambda m: m[0] + "\\", escaped)


def html_text(text: str) -> str:
    """Data text for HTML and inline SVG (elements and attributes): control and bidi
    characters removed, ``& < > " '`` escaped."""
    return html.escape(safe(text), quote=True)


# Characters a URL may keep as they are; everything else (spaces, quotes, <>, parentheses,
# backslashes) is percent-encoded so that the URL cannot end a Markdown link or an attribute.
_URL_SAFE = "/:?#[]@!$&'*+,;=%~-._"


def http_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL, percent-encoded for use in a Markdown or
    HTML link; ``None`` for anything else (``javascript:``, ``data:``, relative paths)."""
    if not url:
        return None
    text = safe(url).strip()
    try:
        parts = urllib.parse.urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return urllib.parse.quote(text, safe=_URL_SAFE)


def rate_written(q: Quantity) -> str:
    """A stated completion rate as the report wrote it (``104.19%``)."""
    return q.text if "%" in q.text else f"{plain(q.nominal)}%"


def rate_span(low: Fraction | None, high: Fraction | None, nominal: Fraction) -> str:
    """A rate computed from the figures, in percent: ``104.02%–104.22%``, or one figure
    when the figures are exact."""
    if low is None or high is None or low == high:
        return f"{plain(nominal)}%"
    return f"{plain(low)}%–{plain(high)}%"
