"""One goal's figures as plain text, in the user's language: numbers with their intervals,
the outcome as written, the target with what it means, sources, the figures and the rate check
of an outcome. Shared by ``tracker show`` (terminal, JSON) and the site's goal pages; no rich,
no markup: each format makes the text safe its own way."""

from __future__ import annotations

from fractions import Fraction

from tracker.core import rounding
from tracker.core.compute import Evaluation
from tracker.core.figures import Interval
from tracker.core.views import Point, SourceEntry
from tracker.model import Goal, Kind
from tracker.render import display, web
from tracker.render.i18n import Lang, t

INTERVAL_PLACES = 3  # enough for the ends of a rounding interval: 3.885, 104.185


def number_text(value: Fraction, goal: Goal) -> str:
    """A figure as a full number with thousands separators (``53,100``), for every language:
    the report's own wording is shown beside it."""
    text = display.number(value, "en", INTERVAL_PLACES)
    return f"{text}%" if goal.unit == "%" else text


def unit_suffix(goal: Goal) -> str:
    return f" {goal.unit}" if goal.unit and goal.unit != "%" else ""


def interval_text(interval: Interval, goal: Goal) -> str:
    """``53,100 (53,050–53,150)``, ``> 5,000``, or one number when exact."""
    low, high = interval.low, interval.high
    unit = unit_suffix(goal)
    if low is not None and high is not None and low == high:
        return number_text(low, goal) + unit
    nominal = number_text(interval.nominal, goal) + unit
    if low is None and high is None:
        return nominal
    if low is None:
        assert high is not None  # noqa: S101  # narrowed above
        return f"{'<' if interval.high_open else '≤'} {number_text(high, goal)}{unit}"
    if high is None:
        return f"{'>' if interval.low_open else '≥'} {number_text(low, goal)}{unit}"
    return f"{nominal} ({number_text(low, goal)}–{number_text(high, goal)})"


def written_text(point: Point, lang: Lang) -> str:
    """The outcome as the source wrote it."""
    outcome = point.outcome
    goal = point.evaluation.goal
    if outcome.done is not None:
        return t("done" if outcome.done else "not_done", lang)
    if outcome.numerator is not None and outcome.denominator:
        fraction = t(
            "show.fraction",
            lang,
            num=display.number(outcome.numerator, "en", 0),
            den=display.number(outcome.denominator, "en", 0),
            exact=display.quantity(point.evaluation.actual.nominal, goal, lang)
            if point.evaluation.actual
            else "—",
        )
        if outcome.value is not None:
            return f"{rounding.written(outcome.value.text, goal)} · {fraction}"
        return fraction
    if outcome.value is not None:
        return rounding.written(outcome.value.text, goal)
    return "—"


def target_definition(e: Evaluation, lang: Lang) -> str:
    """The stated target as written, with what it means: ``85%以上 (≥ 85%)``."""
    goal = e.goal
    target = goal.target
    if target is None:
        if goal.target_ref is not None:
            return f"{t('relative_target', lang)}: {display.relative_target_text(e, lang)}"
        if e.implied is not None:
            implied = e.implied
            shown = display.quantity(implied.nominal, goal, lang)
            if implied.low is not None and implied.high is not None:
                # the interval in full numbers, rounded like any figure (50,914–51,015 人)
                low, high = (display.number(x, "en") for x in (implied.low, implied.high))
                unit = "%" if goal.unit == "%" else unit_suffix(goal)
                shown += f" ({low}–{high}{unit})"
            return f"{t('implied_target', lang)}: {shown}"
        return t("milestone", lang) if goal.kind is Kind.MILESTONE else "—"
    if goal.kind is Kind.RANGE:
        meaning = f"{number_text(target.low, goal)}–{number_text(target.high, goal)}"
    else:
        symbol = "≥" if goal.kind is Kind.AT_LEAST else "≤"
        meaning = f"{symbol} {number_text(target.nominal, goal)}"
    meaning += unit_suffix(goal)
    approx = f" · {t('approximate', lang)}" if target.approximate else ""
    written = rounding.written(target.text, goal)
    if meaning.replace(" ", "") == written.replace(" ", ""):
        return written + approx
    return f"{written} ({meaning}){approx}"


def source_text(entry: SourceEntry, lang: Lang) -> str:
    source = entry.source
    if source is None:
        return f"{entry.id} {t('report.source_unknown', lang)}"
    parts = [source.title or source.id]
    if source.publisher:
        parts.append(source.publisher)
    if source.date:
        parts.append(source.date.isoformat())
    url = web.http_url(source.url)
    if url:
        parts.append(url)
    return " · ".join(parts)


def figures_line(point: Point, lang: Lang) -> str:
    """Ratio, elapsed, pace and status of an outcome at its date."""
    e = point.evaluation
    parts = []
    if e.completion is not None:
        parts.append(f"{t('col.ratio', lang)} {rounding.percent(e.completion)}")
    if e.elapsed is not None and e.pace is not None:
        parts.append(f"{t('col.elapsed', lang)} {rounding.percent(e.elapsed)}")
        parts.append(f"{t('col.pace', lang)} {rounding.plain(e.pace)}")
    if e.lag is not None:
        parts.append(display.lag_text(e.lag, lang))
    if e.gap is not None:
        parts.append(f"{t('col.gap', lang)} {display.difference(e.gap, e.goal, lang)}")
    return " · ".join(parts)


def rate_line(point: Point, lang: Lang) -> str:
    """The stated rate, what the figures give, and whether they agree."""
    outcome = point.outcome
    e = point.evaluation
    parts = []
    if outcome.stated_rate is not None:
        parts.append(f"{t('col.stated_rate', lang)} {rounding.rate_written(outcome.stated_rate)}")
        computed = point.computed_rate
        if computed is not None:
            span = rounding.rate_span(computed.low, computed.high, computed.nominal)
            parts.append(t("show.stated_vs_computed", lang, computed=span))
    if e.rate_check is not None:
        parts.append(f"{t('col.rate_check', lang)}: {t(e.rate_check.value, lang)}")
    return " · ".join(parts)


def flags_text(e: Evaluation, lang: Lang) -> str:
    return ", ".join(t(f.value, lang) for f in e.flags)
