"""``--format csv``: the JSON record per goal, flattened; text cells made formula-inert."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from tracker.render import RenderOptions
from tracker.render.json import goal_record
from tracker.report import StatusReport

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """Spreadsheet-safe text: numbers as numbers; text starting like a formula gets a ``'``."""
    if value is None:
        return ""
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, list):
        value = ";".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_status(report: StatusReport, options: RenderOptions) -> str:
    del options
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header: list[str] | None = None
    for e in report.rows:
        record = goal_record(e)
        implied = record.pop("implied_target") or {}
        record["implied_target"] = implied.get("nominal")
        record["implied_target_low"] = implied.get("low")
        record["implied_target_high"] = implied.get("high")
        if header is None:
            header = list(record)
            writer.writerow(header)
        writer.writerow([cell(record[k]) for k in header])
    if header is None:
        writer.writerow(["id"])
    return out.getvalue()
