"""``--format json``: exactly the keys of SPEC §5 (keys may be added, never renamed)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

import msgspec

from tracker.core.compute import Evaluation
from tracker.core.rounding import RATIO_PLACES, json_number
from tracker.core.status import StatusReport, Summary
from tracker.render.display import iso_date
from tracker.render.options import RenderOptions

_ENCODER = msgspec.json.Encoder(decimal_format="number")


def goal_record(e: Evaluation) -> dict[str, Any]:
    goal = e.goal
    actual = e.actual
    outcome = e.outcome
    implied = None
    if e.implied is not None:
        implied = {
            "low": json_number(e.implied.low),
            "high": json_number(e.implied.high),
            "nominal": json_number(e.implied.nominal),
        }
    ratio = json_number(e.ratio, RATIO_PLACES)
    return {
        "id": goal.id,
        "region": goal.region,
        "title": goal.title,
        "category": goal.category,
        "unit": goal.unit,
        "kind": goal.kind.value,
        "measure": goal.measure.value,
        "start": iso_date(goal.start),
        "deadline": iso_date(goal.deadline),
        "target": json_number(e.target),
        "implied_target": implied,
        # added keys: a range target's band (target itself is its midpoint)
        "target_low": json_number(e.target_low),
        "target_high": json_number(e.target_high),
        "actual": None if actual is None else json_number(actual.nominal),
        "actual_low": None if actual is None else json_number(actual.low),
        "actual_high": None if actual is None else json_number(actual.high),
        "actual_as_of": None if outcome is None else iso_date(outcome.as_of),
        "ratio": ratio,
        # a flow goal's progress is its ratio (compute.py): rounded once
        "progress": ratio if e.progress == e.ratio else json_number(e.progress, RATIO_PLACES),
        "elapsed": json_number(e.elapsed, RATIO_PLACES),
        "pace": json_number(e.pace, RATIO_PLACES),
        "gap": json_number(e.gap),
        "status": e.status.value,
        "stated_rate": json_number(e.stated_rate, RATIO_PLACES),
        "rate_check": None if e.rate_check is None else e.rate_check.value,
        "flags": [f.value for f in e.flags] if e.flags else [],
        # SPEC v2 keys
        "completion": json_number(e.completion, RATIO_PLACES),
        "lag": json_number(e.lag, RATIO_PLACES),
        "stated_gap": json_number(e.stated_gap),
        "target_ref": None
        if e.target_ref is None
        else {
            "goal": e.target_ref.goal,
            "value": None
            if e.target_ref.value is None
            else json_number(e.target_ref.value.nominal),
        },
        "owner": goal.owner,
        "indicator": goal.indicator,
    }


# Every goal record's keys, in order (SPEC §5 plus the added target_low/target_high).
GOAL_KEYS = (
    "id", "region", "title", "category", "unit", "kind", "measure", "start", "deadline",
    "target", "implied_target", "target_low", "target_high", "actual", "actual_low",
    "actual_high", "actual_as_of", "ratio", "progress", "elapsed", "pace", "gap", "status",
    "stated_rate", "rate_check", "flags", "completion", "lag", "stated_gap", "target_ref",
    "owner", "indicator",
)  # fmt: skip


def encode(document: Any) -> str:
    return _ENCODER.encode(document).decode("utf-8") + "\n"


def render_status(report: StatusReport, options: RenderOptions) -> str:
    del options  # JSON is language- and colour-neutral
    document = status_document(report.as_of, [goal_record(e) for e in report.rows], report.summary)
    return document.decode("utf-8")


def record_bytes(e: Evaluation) -> bytes:
    """A goal's record as :func:`render_status` writes it (what the row cache stores)."""
    return _ENCODER.encode(goal_record(e))


def status_parts(
    as_of: date, records: Sequence[bytes | memoryview], summary: Summary
) -> Iterator[bytes]:
    """:func:`status_document`'s bytes in parts around goal records already encoded (by
    :func:`record_bytes`), a thousand records a part: written as they are made, a large
    document is never whole in memory (90,000 goals: ~55 MB)."""
    yield b'{"as_of":' + _ENCODER.encode(as_of.isoformat()) + b',"goals":['
    for start in range(0, len(records), _RECORDS_A_PART):
        part = b",".join(records[start : start + _RECORDS_A_PART])
        yield b"," + part if start else part
    counts = {
        "total": summary.total,
        "by_status": {s.value: n for s, n in summary.by_status.items()},
    }
    yield b'],"summary":' + _ENCODER.encode(counts) + b"}\n"


_RECORDS_A_PART = 1000


def status_document(as_of: date, goals: list[Any], summary: Summary) -> bytearray:
    """The status document around its goal records, as UTF-8 (the exact path's; the row
    cache writes the same bytes with :func:`status_parts`)."""
    document = bytearray()
    _ENCODER.encode_into(
        {
            "as_of": as_of.isoformat(),
            "goals": goals,
            "summary": {
                "total": summary.total,
                "by_status": {s.value: n for s, n in summary.by_status.items()},
            },
        },
        document,
    )
    document += b"\n"
    return document
