"""``--format csv``: the JSON record per goal, flattened; text cells made formula-inert."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from tracker.core.compute import Evaluation
from tracker.core.status import StatusReport
from tracker.render.escape import safe
from tracker.render.json import GOAL_KEYS, goal_record
from tracker.render.options import RenderOptions

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """Spreadsheet-safe text: numbers as numbers; control and bidi characters removed (as on
    a terminal), then text starting like a formula (``=HYPERLINK(…)``, ``+``, ``-``, ``@``, a
    tab or carriage return) gets a ``'`` so spreadsheets show it rather than run it."""
    if value is None:
        return ""
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, list):
        value = ";".join(str(v) for v in value)
    text = safe(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


# The JSON record's keys (render/json.py), with its tables flattened: implied_target into
# three columns, target_ref into two.
_FLATTENED = {
    "implied_target": ("implied_target", "implied_target_low", "implied_target_high"),
    "target_ref": ("target_ref", "target_ref_value"),
}
COLUMNS = tuple(part for key in GOAL_KEYS for part in _FLATTENED.get(key, (key,)))
# The columns of data text, made inert by cell(). The others hold what tracker writes itself
# (numbers, dates, statuses, flags): nothing to make inert, and the csv module writes None as
# an empty cell and a number with str(), as cell() does (which took most of the CSV's time).
_TEXT_COLUMNS = ("id", "region", "title", "category", "unit", "owner", "indicator", "target_ref")


def flat_record(e: Evaluation) -> dict[str, Any]:
    """The JSON record of ``e`` flattened into :data:`COLUMNS` (values raw: numbers, text and
    the list of flags; ``tracker export`` writes them as they are)."""
    return flatten(goal_record(e))


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """A goal's JSON record (render/json.py) with its tables (``implied_target``,
    ``target_ref``) flattened into :data:`COLUMNS` (changed in place and returned)."""
    implied = record.pop("implied_target") or {}
    record["implied_target"] = implied.get("nominal")
    record["implied_target_low"] = implied.get("low")
    record["implied_target_high"] = implied.get("high")
    ref = record.pop("target_ref") or {}
    record["target_ref"] = ref.get("goal")
    record["target_ref_value"] = ref.get("value")
    return record


def inert(record: dict[str, Any]) -> dict[str, Any]:
    """A flattened record as a spreadsheet should get it: flags joined, data text made inert
    (changed in place and returned)."""
    record["flags"] = ";".join(record["flags"])
    for key in _TEXT_COLUMNS:
        record[key] = cell(record[key])
    return record


def render_status(report: StatusReport, options: RenderOptions) -> str:
    del options
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in report.rows:
        record = inert(flat_record(e))
        writer.writerow([record[k] for k in COLUMNS])
    return out.getvalue()
