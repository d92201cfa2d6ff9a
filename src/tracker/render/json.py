"""``--format json``: exactly the keys of SPEC §5 (keys may be added, never renamed)."""

from __future__ import annotations

from typing import Any

import msgspec

from tracker.compute import Evaluation
from tracker.display import RATIO_PLACES, json_number
from tracker.render import RenderOptions
from tracker.report import StatusReport

_ENCODER = msgspec.json.Encoder(decimal_format="number")


def goal_record(e: Evaluation) -> dict[str, Any]:
    goal = e.goal
    actual = e.actual
    implied = None
    if e.implied is not None:
        implied = {
            "low": json_number(e.implied.low),
            "high": json_number(e.implied.high),
            "nominal": json_number(e.implied.nominal),
        }
    return {
        "id": goal.id,
        "region": goal.region,
        "title": goal.title,
        "category": goal.category,
        "unit": goal.unit,
        "kind": goal.kind.value,
        "measure": goal.measure.value,
        "start": goal.start.isoformat(),
        "deadline": goal.deadline.isoformat(),
        "target": json_number(e.target),
        "implied_target": implied,
        # added keys: a range target's band (target itself is its midpoint)
        "target_low": json_number(goal.target.low) if goal.target else None,
        "target_high": json_number(goal.target.high) if goal.target else None,
        "actual": json_number(actual.nominal) if actual else None,
        "actual_low": json_number(actual.low) if actual else None,
        "actual_high": json_number(actual.high) if actual else None,
        "actual_as_of": e.outcome.as_of.isoformat() if e.outcome else None,
        "ratio": json_number(e.ratio, RATIO_PLACES),
        "progress": json_number(e.progress, RATIO_PLACES),
        "elapsed": json_number(e.elapsed, RATIO_PLACES),
        "pace": json_number(e.pace, RATIO_PLACES),
        "gap": json_number(e.gap),
        "status": e.status.value,
        "stated_rate": json_number(e.stated_rate, RATIO_PLACES),
        "rate_check": e.rate_check.value if e.rate_check else None,
        "flags": [f.value for f in e.flags],
    }


# Every goal record's keys, in order (SPEC §5 plus the added target_low/target_high).
GOAL_KEYS = (
    "id", "region", "title", "category", "unit", "kind", "measure", "start", "deadline",
    "target", "implied_target", "target_low", "target_high", "actual", "actual_low",
    "actual_high", "actual_as_of", "ratio", "progress", "elapsed", "pace", "gap", "status",
    "stated_rate", "rate_check", "flags",
)  # fmt: skip


def encode(document: Any) -> str:
    return _ENCODER.encode(document).decode("utf-8") + "\n"


def render_status(report: StatusReport, options: RenderOptions) -> str:
    del options  # JSON is language- and colour-neutral
    return encode(
        {
            "as_of": report.as_of.isoformat(),
            "goals": [goal_record(e) for e in report.rows],
            "summary": {
                "total": report.summary.total,
                "by_status": {s.value: n for s, n in report.summary.by_status.items()},
            },
        }
    )
