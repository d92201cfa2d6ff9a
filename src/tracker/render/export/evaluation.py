"""The ``evaluation`` table: the records of ``tracker status --format json``, one per goal.

Its columns are those of ``status --format csv`` (:data:`tracker.render.csv.COLUMNS`) and its
values come from the same record builder (:func:`tracker.render.csv.flat_record`), so a key
added there is exported too: typed from :data:`EVALUATION_TYPES`, or from its values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import msgspec

from tracker.core.compute import RateCheck, Status
from tracker.model import Kind, Measure
from tracker.render.csv import COLUMNS
from tracker.render.export.fields import (
    LIST_SEPARATOR,
    NULL,
    Cell,
    Field,
    FieldType,
    Row,
    number_text,
    values_of,
)

_FRACTION = "a fraction (1.0412 = 104.12 %), rounded to 4 decimals"
_FIGURE = "in the goal's base unit (percent for %), rounded to 4 decimals"
# The type and meaning of the status record's keys (SPEC §5). A key without an entry here is
# still exported, its type read from its values (see _infer).
EVALUATION_TYPES: dict[str, tuple[FieldType, str]] = {
    "id": (FieldType.STRING, "The goal's id (an id in goals)."),
    "region": (FieldType.STRING, "The goal's region."),
    "title": (FieldType.STRING, "The goal's title."),
    "category": (FieldType.STRING, "The goal's category."),
    "unit": (FieldType.STRING, "The goal's base unit."),
    "kind": (FieldType.STRING, "The goal's kind."),
    "measure": (FieldType.STRING, "The goal's measure."),
    "start": (FieldType.DATE, "First day of the period."),
    "deadline": (FieldType.DATE, "Last day of the period."),
    "target": (FieldType.DECIMAL, f"The stated target (a band's midpoint), {_FIGURE}."),
    "implied_target": (FieldType.DECIMAL, f"The implied target's nominal value, {_FIGURE}."),
    "implied_target_low": (FieldType.DECIMAL, f"Low end of the implied target, {_FIGURE}."),
    "implied_target_high": (FieldType.DECIMAL, f"High end of the implied target, {_FIGURE}."),
    "target_low": (FieldType.DECIMAL, f"Low end of the stated target's band, {_FIGURE}."),
    "target_high": (FieldType.DECIMAL, f"High end of the stated target's band, {_FIGURE}."),
    "actual": (FieldType.DECIMAL, f"The latest figure at the evaluation date, {_FIGURE}."),
    "actual_low": (FieldType.DECIMAL, f"Lowest value the latest figure stands for, {_FIGURE}."),
    "actual_high": (FieldType.DECIMAL, f"Highest value it stands for, {_FIGURE}."),
    "actual_as_of": (FieldType.DATE, "The date of the latest figure."),
    "ratio": (FieldType.DECIMAL, f"Actual / target, {_FRACTION}."),
    "progress": (FieldType.DECIMAL, f"Progress from the baseline to the target, {_FRACTION}."),
    "elapsed": (FieldType.DECIMAL, f"Share of the period elapsed (时序进度), {_FRACTION}."),
    "pace": (FieldType.DECIMAL, f"Progress / elapsed, {_FRACTION}."),
    "completion": (FieldType.DECIMAL, f"The headline completion (完成率), {_FRACTION}."),
    "lag": (FieldType.DECIMAL, f"Elapsed - progress, {_FRACTION}; negative: ahead."),
    "gap": (FieldType.DECIMAL, f"Shortfall (positive: still short), {_FIGURE}."),
    "status": (FieldType.STRING, "The status at the evaluation date (SPEC §2.1)."),
    "stated_rate": (FieldType.DECIMAL, f"The completion rate the source states, {_FRACTION}."),
    "stated_gap": (FieldType.DECIMAL, f"The gap the source states, {_FIGURE}."),
    "rate_check": (FieldType.STRING, "Whether the stated rate agrees with the figures."),
    "owner": (FieldType.STRING, "The responsible body."),
    "indicator": (FieldType.STRING, "A stable key for the same measure across regions."),
    "flags": (FieldType.LIST, "Flags (implied_target, approximate, …), separated by ';'."),
}
EVALUATION_ENUMS: dict[str, tuple[str, ...]] = {
    "kind": values_of(Kind),
    "measure": values_of(Measure),
    "status": values_of(Status),
    "rate_check": values_of(RateCheck),
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _infer(values: Sequence[Any]) -> FieldType:
    """The type of a column not in :data:`EVALUATION_TYPES`, from its values."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return FieldType.BOOLEAN
    if present and all(isinstance(v, (int, Decimal)) and not isinstance(v, bool) for v in present):
        return FieldType.DECIMAL
    if present and all(isinstance(v, list) for v in present):
        return FieldType.LIST
    if present and all(isinstance(v, str) and _ISO_DATE.fullmatch(v) for v in present):
        return FieldType.DATE
    return FieldType.STRING


def evaluation_fields(records: Sequence[dict[str, Any]]) -> tuple[Field, ...]:
    fields = []
    for name in COLUMNS:
        kind, description = EVALUATION_TYPES.get(name) or (
            _infer([r.get(name) for r in records]),
            f"{name} (SPEC §5).",
        )
        fields.append(Field(name, kind, description, EVALUATION_ENUMS.get(name, ()), name == "id"))
    return tuple(fields)


def _cell(value: Any, kind: FieldType) -> Cell:
    """A record's value as a cell (the declared text columns are cells already)."""
    if value is None:
        return NULL
    if kind is FieldType.DECIMAL:
        return number_text(value)
    if kind is FieldType.LIST:
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (str, int)):
        return value
    return msgspec.json.encode(value).decode("utf-8")  # a structured value: its JSON


def evaluation_rows(
    records: Sequence[dict[str, Any]], fields: tuple[Field, ...]
) -> tuple[Row, ...]:
    declared = [f.name in EVALUATION_TYPES for f in fields]
    texts = [
        i
        for i, f in enumerate(fields)
        if declared[i] and f.type in (FieldType.STRING, FieldType.DATE)
    ]
    decimals = [i for i, f in enumerate(fields) if declared[i] and f.type is FieldType.DECIMAL]
    others = [i for i in range(len(fields)) if i not in texts and i not in decimals]
    kinds = [f.type for f in fields]
    rows = []
    for record in records:
        row: list[Any] = [record.get(name) for name in COLUMNS]
        for i in texts:
            if row[i] is None:
                row[i] = NULL
        for i in decimals:
            value = row[i]
            if value is None:
                row[i] = NULL
            else:
                row[i] = str(value) if value.__class__ is int else format(value, "f")
        for i in others:
            row[i] = _cell(row[i], kinds[i])
        rows.append(tuple(row))
    return tuple(rows)
