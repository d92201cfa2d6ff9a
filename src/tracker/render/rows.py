"""The cells every tabular renderer shows for one goal, computed once."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.core import rounding
from tracker.core.compute import Evaluation
from tracker.model import Kind
from tracker.render import display
from tracker.render.i18n import Lang, t


@dataclass(frozen=True, slots=True)
class Cells:
    region: str
    title: str
    target: str
    actual: str
    as_of: str
    ratio: str
    bar: str
    pace: str
    gap: str
    status: str
    marks: str


def cells(e: Evaluation, lang: Lang) -> Cells:
    """Display text for one evaluated goal (data text is returned raw: escape per format)."""
    return Cells(
        region=e.goal.region,
        title=e.goal.title,
        target=display.target_text(e, lang),
        actual=display.actual_text(e, lang),
        as_of=display.iso_date(e.outcome.as_of) if e.outcome else "",
        ratio=rounding.percent(e.ratio),
        # a bar reads as "how far along": meaningful only when more is better
        bar=display.bar(e.ratio) if e.goal.kind is Kind.AT_LEAST else "",
        pace=rounding.plain(e.pace),
        gap=display.quantity(e.gap, e.goal, lang) if e.gap is not None else "—",
        status=t(e.status.value, lang),
        marks=display.markers(e),
    )
