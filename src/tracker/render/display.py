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
    scaled_int,
    trim_zeros,
    written,
)
from tracker.model import Goal, Kind, Target
from tracker.parse.quantity import Qualifier, Quantity, written_qualifier
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


def is_percent(goal: Goal) -> bool:
    """% goals (levels and growth rates alike) measure their differences in percentage points."""
    return goal.unit == "%"


def points(value: Fraction, lang: Lang, places: int = 2) -> str:
    """A difference of two percentages: ``-1.11个百分点`` / ``-1.11 pp``."""
    text = number(value, lang, places)
    return f"{text}个百分点" if lang == "zh" else f"{text} pp"


def difference(value: Fraction | None, goal: Goal, lang: Lang) -> str:
    """A gap or tolerance in the goal's unit: percentage points for % goals (SPEC §2.2)."""
    if value is None:
        return "—"
    if is_percent(goal):
        return points(value, lang)
    return quantity(value, goal, lang)


def lag_text(lag: Fraction | None, lang: Lang) -> str:
    """Lag as 督查 notices write it: ``落后19.6个百分点`` / ``19.6 pp behind`` (ahead when < 0).

    A lag of 0 (or one that rounds to ``0.0``) is neither behind nor ahead (SPEC §2: positive
    is behind, negative ahead): ``与序时进度持平`` / ``on schedule``."""
    if lag is None:
        return "—"
    size = lag_points(lag)
    if size == "0.0":
        return "与序时进度持平" if lang == "zh" else "on schedule"
    if lang == "zh":
        return f"{'超前' if lag < 0 else '落后'}{size}个百分点"
    return f"{size} pp {'ahead' if lag < 0 else 'behind'}"


def lag_points(lag: Fraction) -> str:
    """The size of a lag (or any difference of two fractions) in percentage points, one
    decimal, without its sign: 0.19589 → ``19.6``."""
    return fixed_text(False, scaled_int(abs(lag.numerator) * 100, lag.denominator, 1), 1)


def lag_signed(lag: Fraction | None) -> str:
    """A lag as a table column shows it: percentage points behind, negative when ahead
    (``19.6``, ``-4.2``)."""
    if lag is None:
        return "—"
    size = lag_points(lag)
    return f"-{size}" if lag < 0 and size != "0.0" else size


def signed_points(value: Fraction, lang: Lang) -> str:
    """A difference of two fractions in percentage points, signed: ``+5.2个百分点``."""
    sign = "-" if value < 0 and lag_points(value) != "0.0" else "+"
    return f"{sign}{lag_points(value)}{'个百分点' if lang == 'zh' else ' pp'}"


def period_text(goal: Goal) -> str:
    """``2022``, ``2021–2025``, or the two dates when the period is not whole years."""
    start, end = goal.start, goal.deadline
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    return f"{start}…{end}"


def long_date(day: date, lang: Lang) -> str:
    """A date in running text: ``2023年7月1日`` / ``2023-07-01``."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return day.isoformat()


@lru_cache(maxsize=4096)
def iso_date(day: date) -> str:
    """``day.isoformat()``, remembered: a report repeats a few dates thousands of times."""
    return day.isoformat()


def short_date(day: date) -> str:
    """``2022-12`` for a month's last day (how most figures are dated), else ``2024-12-10``."""
    if day == date.max or (day + timedelta(days=1)).day == 1:  # date.max + 1 day overflows
        return day.strftime("%Y-%m")
    return day.isoformat()


# The cells of a text progress bar, in every format that draws one (terminal, Markdown).
BAR_CELLS = 10


def bar(ratio: Fraction | None) -> str:
    """A text progress bar of the completion ratio, :data:`BAR_CELLS` cells, each cell filled
    only when its whole share is done (rounded down): full only at 100 % and beyond, so that a
    bar never contradicts the status next to it (a goal missed at 99.9 % is not full)."""
    if ratio is None:
        return " " * BAR_CELLS
    filled = max(0, min(BAR_CELLS, ratio.numerator * BAR_CELLS // ratio.denominator))
    return "█" * filled + "░" * (BAR_CELLS - filled)


# where "past deadline, no final figure" adds nothing (overdue says it already)
_UNJUDGED = (Status.NO_TARGET, Status.NO_DATA, Status.OVERDUE)


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
    if Flag.LATE in evaluation.flags:
        marks += "»"
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
    ("»", Flag.LATE, "legend.late"),
)


def legend(rows: Iterable[Evaluation], lang: Lang) -> list[str]:
    """Legend entries for the marks that appear in ``rows``."""
    shown = {mark for e in rows for mark in markers(e)}
    shown |= {"*" for e in rows if Flag.IMPLIED_TARGET in e.flags}
    return [t(key, lang) for mark, _, key in _LEGEND if mark in shown]


def target_text(evaluation: Evaluation, lang: Lang) -> str:
    """The target with its direction (SPEC §2.2): stated, relative (``不少于上年 (2.5万人)``),
    or implied and marked with ``*``."""
    goal = evaluation.goal
    target = goal.target
    if target is not None:
        return _stated_target(target, goal, lang)
    if goal.target_ref is not None:
        return relative_target_text(evaluation, lang)
    if evaluation.implied is not None:
        return f"{quantity(evaluation.implied.nominal, goal, lang)}*"
    if goal.kind is Kind.MILESTONE:
        return t("milestone", lang)
    return "—"


_DIRECTION = {  # (kind, strict) → (zh prefix, en symbol)
    (Kind.AT_LEAST, False): ("不低于", "≥"),
    (Kind.AT_LEAST, True): ("超过", ">"),
    (Kind.AT_MOST, False): ("不超过", "≤"),
    (Kind.AT_MOST, True): ("低于", "<"),
}


def _stated_target(target: Target, goal: Goal, lang: Lang) -> str:
    """Chinese readers see the report's wording, with the direction added where a ceiling's
    text leaves it out (``不超过5%``); English readers a symbol and a number (``≤ 5%``)."""
    band = target.low != target.high and not target.approximate
    if lang == "zh" and len(target.text) <= _WRITTEN_MAX:
        text = written(target.text, goal)
        if goal.kind is Kind.AT_MOST and written_qualifier(target.text) is None:
            return f"不超过{text}"
        return text
    if band:
        return f"{quantity(target.low, goal, lang)}–{quantity(target.high, goal, lang)}"
    shown = quantity(target.nominal, goal, lang)
    if target.approximate:
        return f"约{shown}" if lang == "zh" else f"≈ {shown}"
    prefix, symbol = _DIRECTION.get((goal.kind, target.strict), ("", ""))
    if lang == "zh":
        return f"{prefix}{shown}"
    return f"{symbol} {shown}".strip()


def relative_target_text(evaluation: Evaluation, lang: Lang) -> str:
    """``不少于上年 (2.5万人)`` / ``≥ last year (25,000 人)``; no figure while the
    referenced goal has none."""
    resolved = evaluation.target_ref
    words = relative_words(evaluation.goal, resolved.deadline if resolved else None, lang)
    # the referenced figure in brackets; none while the referenced goal has no figure yet
    goal = evaluation.goal
    value = "" if evaluation.target is None else f" ({quantity(evaluation.target, goal, lang)})"
    return f"{words}{value}"


def relative_words(goal: Goal, referenced_deadline: date | None, lang: Lang) -> str:
    """A relative target in words, without its figure: ``不少于上年``, ``≥ last year+5%``, or
    the referenced goal's id when it is not last year's (``referenced_deadline``: that goal's
    deadline, None when unknown)."""
    ref = goal.target_ref
    assert ref is not None  # noqa: S101  # only called for relative targets
    what = ref.goal
    if referenced_deadline is not None and referenced_deadline.year == goal.deadline.year - 1:
        what = "上年" if lang == "zh" else "last year"
    if ref.change is not None:
        what += f"{'+' if ref.change >= 0 else ''}{number(ref.change, 'en')}%"
    if ref.plus is not None:
        plus = points(ref.plus, lang) if is_percent(goal) else quantity(ref.plus, goal, lang)
        what += f"{'+' if ref.plus >= 0 else ''}{plus}"
    prefix, symbol = _DIRECTION.get((goal.kind, False), ("", ""))
    if goal.kind is Kind.AT_LEAST and lang == "zh":
        prefix = "不少于"
    if lang == "zh":
        return f"{prefix}{what}"
    return f"{symbol} {what}"


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
