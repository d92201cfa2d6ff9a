"""The text every ``tracker rank`` renderer shows, computed once: each row's cells, the
heading, the group's mean and median, and the notes."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from tracker.core import rounding
from tracker.core.rank import RankBy, Ranking, RankNote, RankRow
from tracker.model import Goal
from tracker.render import display
from tracker.render.i18n import Lang, t


@dataclass(frozen=True, slots=True)
class RankCells:
    rank: str
    region: str
    period: str
    value: str
    target: str
    completion: str
    lag: str
    status: str
    marks: str
    from_mean: str
    from_median: str


def difference(value: Fraction | None, by: RankBy, goal: Goal, lang: Lang) -> str:
    """A distance from the mean or median, signed: percentage points for completion and lag,
    the goal's unit for figures."""
    if value is None:
        return "—"
    if by is not RankBy.VALUE:
        return display.signed_points(value, lang)
    text = display.difference(value, goal, lang)
    return text if text.startswith("-") else f"+{text}"


def rank_cells(row: RankRow, by: RankBy, lang: Lang) -> RankCells:
    """Display text for one row (data text raw: escape per format)."""
    e = row.evaluation
    goal = e.goal
    return RankCells(
        rank="—" if row.rank is None else str(row.rank),
        region=goal.region,
        period=display.period_text(goal),
        value=display.actual_text(e, lang),
        target=display.target_text(e, lang),
        completion=rounding.percent(e.completion),
        lag=display.lag_text(e.lag, lang),
        status=t(e.status.value, lang),
        marks=display.markers(e),
        from_mean=difference(row.from_mean, by, goal, lang),
        from_median=difference(row.from_median, by, goal, lang),
    )


def by_text(ranking: Ranking, lang: Lang) -> str:
    if ranking.by is RankBy.VALUE and not ranking.higher_is_better:
        return t("rank.by.value_low", lang)
    return t(f"rank.by.{ranking.by.value}", lang)


def heading(ranking: Ranking, lang: Lang) -> str:
    """``“城镇新增就业”各地区排名``."""
    return t("rank.title", lang, label=ranking.label)


def subheading(ranking: Ranking, lang: Lang) -> str:
    """How it is ranked, the indicator's key and the evaluation date, as one line."""
    parts = [
        by_text(ranking, lang),
        t("rank.indicator", lang, name=ranking.indicator),
        f"{t('as_of', lang)} {ranking.as_of}",
    ]
    return " · ".join(parts)


def _average(value: Fraction, ranking: Ranking, lang: Lang) -> str:
    if ranking.by is RankBy.VALUE:
        goal = next(r.evaluation.goal for r in ranking.rows if r.rank is not None)
        return display.quantity(value, goal, lang)
    if ranking.by is RankBy.LAG:
        return display.lag_text(value, lang)
    return rounding.percent(value)


def average_line(ranking: Ranking, lang: Lang) -> str | None:
    """``3个地区 · 均值 98.1% · 中位数 104.2%``, when at least two regions are ranked."""
    if ranking.mean is None or ranking.median is None:
        return None
    return t(
        "rank.average",
        lang,
        n=ranking.ranked,
        mean=_average(ranking.mean, ranking, lang),
        median=_average(ranking.median, ranking, lang),
    )


def note_lines(ranking: Ranking, lang: Lang) -> list[str]:
    """Each note as a sentence."""
    lines = []
    for note in ranking.notes:
        if note is RankNote.SINGLE_REGION:
            region = ranking.rows[0].evaluation.goal.region if ranking.rows else ""
            lines.append(t("rank.note.single_region", lang, region=region))
        elif note is RankNote.MIXED_PERIODS:
            periods = sorted(
                {display.period_text(r.evaluation.goal) for r in ranking.rows if r.rank}
            )
            lines.append(t("rank.note.mixed_periods", lang, periods=", ".join(periods)))
        elif note is RankNote.UNRANKED:
            n = sum(1 for r in ranking.rows if r.rank is None)
            what = t(f"rank.what.{ranking.by.value}", lang)
            lines.append(t("rank.note.unranked", lang, n=n, what=what))
            unranked = [r.evaluation for r in ranking.rows if r.rank is None]
            if ranking.by is not RankBy.VALUE and any(e.actual for e in unranked):
                lines.append(t("rank.note.try_value", lang))
        else:
            lines.append(t(f"rank.note.{note.value}", lang, label=ranking.label))
    return lines
