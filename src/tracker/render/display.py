"""Figures as the renderers show them, in the user's language: numbers with 万/亿, quantities
with their units, dates, progress bars, the markers and legend of flags, and the target and
actual columns. Rounding itself is :mod:`tracker.core.rounding`'s; data text is made inert by
:mod:`tracker.render.escape`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from fractions import Fraction
from functools import lru_cache

from tracker.core.compute import Evaluation, Flag, Status
from tracker.core.rounding import (
    fixed_text,
    natural_places,
    round_half_even,
    scaled_int,
    trim_zeros,
    written,
)
from tracker.model import Goal, Kind
from tracker.parse.quantity import Qualifier, Quantity
from tracker.render.i18n import Lang, t

_WAN = 10_000
_YI = 100_000_000

# Numbers are rounded with integer arithmetic (numerator × 10**places ÷ denominator): Decimal
# arithmetic and formatting cost several times more. tests/test_display.py compares the results
# with Python's exact rounding of fractions, written out by the Decimal steps used before.


def number(value: Fraction, lang: Lang, places: int | None = None) -> str:
    """A quantity for people: 万/亿 in Chinese, thousands separators in English."""
    numerator, denominator = value.numerator, value.denominator
    magnitude = abs(numerator)
    if lang == "zh":
        text = _zh_number(magnitude, denominator, places)
    else:
        shown = natural_places(magnitude, denominator) if places is None else places
        digits, shown = trim_zeros(scaled_int(magnitude, denominator, shown), shown)
        text = fixed_text(False, digits, shown, ",")
    # a negative figure that rounds to zero is shown as 0, not -0
    return f"-{text}" if numerator < 0 and text.strip("0.,万亿") else text


_ZH_UNITS = ((_YI, "亿"), (_WAN, "万"), (1, ""))


def _zh_number(numerator: int, denominator: int, places: int | None) -> str:
    """万/亿 by magnitude; one unit up when rounding reaches 10000 of it (99,999,999 → 1亿)."""
    for index, (scale, word) in enumerate(_ZH_UNITS):
        if word and numerator < scale * denominator:
            continue
        shown = (
            places if places is not None else 2 if word else natural_places(numerator, denominator)
        )
        digits = scaled_int(numerator, denominator * scale, shown)
        if index > 0 and digits >= 10_000 * 10**shown:
            upper, upper_word = _ZH_UNITS[index - 1]
            shown = 2 if places is None else places
            digits = scaled_int(numerator, denominator * upper, shown)
            return fixed_text(False, *trim_zeros(digits, shown)) + upper_word
        return fixed_text(False, *trim_zeros(digits, shown)) + word
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
    filled = max(0, min(width, round_half_even(ratio.numerator * width, ratio.denominator)))
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
