"""``tracker rank --format json``: the ranking with each region's goal as ``status`` shows it
(SPEC §5's keys), plus its place and distances from the group's mean and median."""

from __future__ import annotations

from typing import Any

from tracker.core.rank import RankBy, Ranking, RankRow
from tracker.core.rounding import RATIO_PLACES, json_number
from tracker.render.json import encode, goal_record
from tracker.render.options import RenderOptions


def _number(ranking: Ranking, value: Any) -> Any:
    """A ranked figure: a fraction (completion, lag) or a quantity in base units."""
    if ranking.by is RankBy.VALUE:
        return json_number(value)
    return json_number(value, RATIO_PLACES)


def rank_record(ranking: Ranking, row: RankRow) -> dict[str, Any]:
    """One row: ``rank``, the ranked ``metric``, ``from_mean``, ``from_median``, then the
    goal's SPEC §5 record."""
    return {
        "rank": row.rank,
        "metric": _number(ranking, row.metric),
        "from_mean": _number(ranking, row.from_mean),
        "from_median": _number(ranking, row.from_median),
        **goal_record(row.evaluation),
    }


def render_rank(ranking: Ranking, options: RenderOptions) -> str:
    del options  # JSON is language- and colour-neutral
    return encode(
        {
            "as_of": ranking.as_of.isoformat(),
            "indicator": ranking.indicator,
            "label": ranking.label,
            "by": ranking.by.value,
            "higher_is_better": ranking.higher_is_better,
            "ranked": ranking.ranked,
            "mean": _number(ranking, ranking.mean),
            "median": _number(ranking, ranking.median),
            "notes": [note.value for note in ranking.notes],
            "regions": [rank_record(ranking, row) for row in ranking.rows],
        }
    )
