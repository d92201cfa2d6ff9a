"""``tracker status --format json`` through the row cache (:mod:`tracker.load.rows`): the
rows stored for this evaluation date and these options are taken as they were rendered, the
others are evaluated and rendered (:func:`tracker.core.status.build_rows`,
:func:`tracker.render.json.goal_record`) and stored for the next run. The bytes are those of
:func:`tracker.render.json.render_status` (``tests/test_status_rows.py`` compares the two).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from tracker.core.compute import Status, Thresholds
from tracker.core.status import RowReport, Selection, Verdict, build_rows
from tracker.load import rows
from tracker.model import Dataset, Goal
from tracker.render.json import record_bytes, status_parts

_STATUSES = {s.value: s for s in Status}


def _cacheable(goal: Goal, key: bytes | None) -> bool:
    """A goal whose row depends on its file alone (not on a goal it refers to), and whose
    file and line tell it apart."""
    return key is not None and goal.target_ref is None and goal.line is not None


def status_json(
    dataset: Dataset,
    as_of: date,
    selection: Selection,
    thresholds: Thresholds,
    cache_dir: Path,
) -> tuple[RowReport, Iterator[bytes]]:
    """The report and ``render_status``'s text for it (UTF-8, in parts), through the row
    cache in ``cache_dir``."""
    context = rows.context_key("status-json", as_of.isoformat(), repr(thresholds))
    stored = rows.read(cache_dir, context)
    keys = dataset.file_keys
    tables: dict[bytes, dict[tuple[str, int], rows.Row]] = {}
    known: list[Verdict | None] = []
    for goal in dataset.goals:
        key = keys.get(goal.file)
        found = None
        if key is not None and _cacheable(goal, key):
            table = tables.get(key)
            if table is None:
                table = tables[key] = {(r[0], r[1]): r for r in stored.get(key, ())}
            row = table.get((goal.id, goal.line or 0))
            status = None if row is None else _STATUSES.get(row[2])
            if row is not None and status is not None:
                found = Verdict(goal, as_of, status, row[3])
        known.append(found)
    report = build_rows(dataset, as_of, known, selection, thresholds)

    records: list[memoryview] = []
    fresh: dict[bytes, list[rows.Row]] = {}
    for e in report.rows:
        if isinstance(e, Verdict):
            records.append(e.record)
            continue
        record = memoryview(record_bytes(e))
        records.append(record)
        goal = e.goal
        key = keys.get(goal.file)
        if key is not None and _cacheable(goal, key):
            fresh.setdefault(key, []).append((goal.id, goal.line or 0, e.status.value, record))
    if fresh:
        live = set(keys.values())
        files = {key: found for key, found in stored.items() if key in live}
        for key, new in fresh.items():
            files[key] = [*files.get(key, []), *new]
        rows.write(cache_dir, context, files)
    return report, status_parts(report.as_of, records, report.summary)
