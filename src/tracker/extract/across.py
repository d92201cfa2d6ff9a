"""Relations between figures of different sentences: the task a later figure's stated rate
implies, and a figure told again in full later (read once, there)."""

from __future__ import annotations

import re
from fractions import Fraction

from tracker.extract.candidates import Candidate
from tracker.extract.tasks import same_unit

# How far back a task a stated rate implies may be named: an item's heading and its lines.
_TASK_REACH = 400


_TOLD_DONE = re.compile(r"了|已|累计|完成|实现|建成|截至|截止|以来")


def _next_start(cands: list[Candidate], cand: Candidate) -> int:
    """Where the figure after ``cand`` in its sentence starts (else the sentence's end)."""
    return next(
        (c.start for c in cands if c.sentence == cand.sentence and c.start > cand.start),
        cand.sentence[1],
    )


def mark_tasks(norm: str, cands: list[Candidate]) -> None:
    """A figure named before another that states a rate, of the same unit and equal to what
    that rate implies (outcome / rate, at the rate's rounding), is the task it rates: "一、新增
    学位5万个 … 预计新增学位10.74万个,完成年度计划的214.8%" (10.74万 / 5万 = 214.8%). It is a
    target even without target wording; the two stay separate goals, as stated apart."""
    for i, done in enumerate(cands):
        rate = done.rate
        if rate is None or done.unit in ("%", "‰") or rate.parsed <= 0:
            continue
        half = Fraction(1, 2 * 10 ** _decimals(rate.number))
        for earlier in reversed(cands[:i]):
            if done.start - earlier.end > _TASK_REACH:
                break
            if (
                earlier.sentence == done.sentence
                or earlier.consumed
                or earlier.rate is not None
                or not same_unit(earlier.unit, done.unit)
                or earlier.parsed <= 0
            ):
                continue
            if abs(done.parsed / earlier.parsed * 100 - rate.parsed) <= half:
                # Not a figure told done ("2172个行政村设立…委员会,实现了全覆盖。2170个村…,
                # 完成率99.9%"): the scope of the rate, itself an outcome.
                told = norm[earlier.sentence[0] : _next_start(cands, earlier)]
                earlier.task = not _TOLD_DONE.search(told)
                break


def _decimals(number: str) -> int:
    return len(number.partition(".")[2])


def drop_restated(cands: list[Candidate]) -> None:
    """A figure told again later with all it was told with and its target besides (a summary's
    "累计完成投资12.88亿元,完成年度计划投资比例52.99%" that a section tells in full, "2024年度
    计划投资24.3亿元,…累计完成投资12.88亿元,…52.99%"): read once, where it is told in full."""
    live = [c for c in cands if not c.consumed]
    for i, first in enumerate(live):
        if first.rate is None and first.gap is None:
            continue
        for later in live[i + 1 :]:
            if (
                later.sentence != first.sentence
                and (later.number, later.unit, later.scale)
                == (first.number, first.unit, first.scale)
                and _same_figure(first.rate, later.rate)
                and _same_figure(first.gap, later.gap)
                and first.goal_target is None
                and later.goal_target is not None
            ):
                first.consumed = True
                break


def _same_figure(a: Candidate | None, b: Candidate | None) -> bool:
    return a is None or (b is not None and a.number == b.number and a.unit == b.unit)
