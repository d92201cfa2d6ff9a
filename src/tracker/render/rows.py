"""The cells every tabular renderer shows for one goal, computed once."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.core import rounding
from tracker.core.compute import Evaluation
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
    lag: str
    status: str
    marks: str
    deadline: str
    owner: str
    indicator: str
    lag_points: str  # the lag column of --columns: percentage points behind, signed

    def column(self, name: str) -> str:
        """The cell of an extra column (``deadline``, ``owner``, ``lag``, ``indicator``)."""
        text: str = getattr(self, "lag_points" if name == "lag" else name)
        return text


def cells(e: Evaluation, lang: Lang) -> Cells:
    """Display text for one evaluated goal (data text is returned raw: escape per format)."""
    return Cells(
        region=e.goal.region,
        title=e.goal.title,
        target=display.target_text(e, lang),
        actual=display.actual_text(e, lang),
        as_of=display.iso_date(e.outcome.as_of) if e.outcome else "",
        # the one headline completion figure (SPEC §2): the column, the bar and --sort ratio
        ratio=rounding.percent(e.completion),
        bar=display.bar(e.completion) if e.completion is not None else "",
        pace=rounding.plain(e.pace),
        gap=display.difference(e.gap, e.goal, lang),
        lag=display.lag_text(e.lag, lang),
        status=t(e.status.value, lang),
        marks=display.markers(e),
        deadline=display.short_date(e.goal.deadline),
        owner=e.goal.owner or "",
        indicator=e.goal.indicator or "",
        lag_points=display.lag_signed(e.lag),
    )
