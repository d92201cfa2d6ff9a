"""``tracker record``'s input checked against the goal (unit, kind, dates, sources) before
any file is touched: usage errors with the fix."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from tracker.edit.plan import EditError, NewOutcome
from tracker.errors import DataError, TrackerError
from tracker.load.discover import display_path, iter_data_files
from tracker.model import Dataset, Goal, Kind
from tracker.parse.grammar import quoted
from tracker.parse.quantity import QuantityError, parse_quantity, parse_unit
from tracker.problems import DUPLICATE_GOAL
from tracker.suggest import suggest

_DONE_WORDS = {
    "true": True, "yes": True, "done": True, "y": True, "1": True,
    "是": True, "完成": True, "已完成": True,
    "false": False, "no": False, "not-done": False, "not_done": False, "n": False, "0": False,
    "否": False, "未完成": False,
}  # fmt: skip


_RATIO = re.compile(r"\s*([0-9０-９.,，]+)\s*/\s*([0-9０-９.,，]+)\s*")  # 18909/20037


def goal_to_edit(dataset: Dataset, goal_id: str) -> Goal:
    """The one goal with this id. An id that two files use (E130) names no goal: writing
    to the first would leave the other, which `check` reports, as it was."""
    goal = dataset.goal(goal_id)
    twice = any(p.goal_id == goal_id and p.code == DUPLICATE_GOAL for p in dataset.errors)
    if goal is None or twice:
        raise _not_editable(dataset, goal_id)
    return goal


def _not_editable(dataset: Dataset, goal_id: str) -> TrackerError:
    """Why no goal has this id: its errors kept it out of the dataset or it is used twice
    (fix them first), or the id is unknown (a usage error naming the closest ids)."""
    broken = [p for p in dataset.errors if p.goal_id == goal_id]
    if broken:
        first = broken[0]
        return DataError.of(
            "record.goal_has_errors",
            id=goal_id,
            where=first.location(),
            code=first.code,
            problem=first.localized(),
        )
    close = suggest(goal_id, (g.id for g in dataset.goals), limit=3, cutoff=0.5)
    if close:
        return EditError.of("record.unknown_goal", id=goal_id, ids=", ".join(close))
    return EditError.of("record.unknown_goal_none", id=goal_id)


def data_file(dataset: Dataset, shown: str) -> Path:
    """The path of the data file the loader showed as ``shown``."""

    for path in iter_data_files(dataset.root):
        if display_path(path) == shown:
            return path
    raise DataError.of("record.file_gone", file=shown)


def check_source(dataset: Dataset, source: str | None) -> None:
    if source is not None and source not in dataset.sources:
        close = suggest(source, dataset.sources)
        if close:
            raise EditError.of("record.unknown_source_close", id=source, close=close[0])
        raise EditError.of("record.unknown_source", id=source)


def build_outcome(
    dataset: Dataset,
    goal: Goal,
    value: str,
    as_of: dt.date,
    *,
    stated_rate: str | None = None,
    source: str | None = None,
    quote: str | None = None,
    note: str | None = None,
) -> NewOutcome:
    """Check the user's input against the goal (unit, kind, dates, sources): usage errors
    with the fix, before any file is touched."""

    if as_of < goal.start:
        raise EditError.of("record.before_start", as_of=as_of, start=goal.start)
    check_source(dataset, source)
    common: dict[str, Any] = {"source": source, "quote": quote, "note": note}
    if goal.kind is Kind.MILESTONE:
        done = _DONE_WORDS.get(value.strip().casefold())
        if done is None:
            raise EditError.of("record.milestone_value", id=goal.id, value=quoted(value))
        if stated_rate is not None:
            raise EditError.of("record.milestone_rate")
        return NewOutcome(as_of, done=done, **common)
    try:
        if stated_rate is not None:
            parse_quantity(stated_rate, unit=None, role="rate")
    except QuantityError as exc:
        raise EditError.of("record.bad_rate", reason=exc.localized()) from None
    if ratio := _RATIO.fullmatch(value):
        numerator, denominator = ratio[1], ratio[2]
        try:
            low = parse_quantity(denominator, unit=None, role="exact")
            parse_quantity(numerator, unit=None, role="exact")
        except QuantityError as exc:
            raise EditError.of(
                "record.bad_value", value=quoted(value), reason=exc.localized()
            ) from None
        if low.nominal <= 0:
            raise EditError.of("record.bad_denominator", value=quoted(value))
        return NewOutcome(
            as_of, numerator=numerator, denominator=denominator, stated_rate=stated_rate, **common
        )
    try:
        unit = parse_unit(goal.unit) if goal.unit else None
        parse_quantity(value, unit=unit, role="outcome", tolerance=goal.tolerance)
    except QuantityError as exc:
        raise EditError.of(
            "record.bad_value", value=quoted(value.strip()), reason=exc.localized()
        ) from None
    return NewOutcome(as_of, value=value.strip(), stated_rate=stated_rate, **common)
