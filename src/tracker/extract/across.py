"""Relations between figures of different sentences: the task a later figure's stated rate
implies, a gap told of one part of a list in the sentence after it, and a figure told again in
full later (read once, there)."""

from __future__ import annotations

import re
from fractions import Fraction

from tracker.extract.candidates import Candidate
from tracker.extract.relations import GAP_BEFORE, GAP_SHORT
from tracker.extract.tasks import same_unit


def relate_across(norm: str, cands: list[Candidate]) -> None:
    """The relations across sentences, after those inside each (``relations.relate``)."""
    part_gaps(norm, cands)
    mark_tasks(norm, cands)
    drop_restated(cands)


# How far back a task a stated rate implies may be named: an item's heading and its lines.
_TASK_REACH = 400


_TOLD_DONE = re.compile(r"了|已|累计|完成|实现|建成|截至|截止|以来")


def _next_start(cands: list[Candidate], index: int) -> int:
    """Where the figure after ``cands[index]`` in its sentence starts (else the sentence's end;
    the candidates are in text order)."""
    cand = cands[index]
    after = cands[index + 1] if index + 1 < len(cands) else None
    return (
        after.start if after is not None and after.sentence == cand.sentence else cand.sentence[1]
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
        for j in range(i - 1, -1, -1):
            earlier = cands[j]
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
                told = norm[earlier.sentence[0] : _next_start(cands, j)]
                earlier.task = not _TOLD_DONE.search(told)
                break


def _decimals(number: str) -> int:
    return len(number.partition(".")[2])


def drop_restated(cands: list[Candidate]) -> None:
    """A figure told again later with all it was told with and its target besides (a summary's
    "累计完成投资12.88亿元,完成年度计划投资比例52.99%" that a section tells in full, "2024年度
    计划投资24.3亿元,…累计完成投资12.88亿元,…52.99%"): read once, where it is told in full."""
    live = [c for c in cands if not c.consumed]
    # the later figures of each number, unit and scale: a figure is compared with its own kind
    # only (linear in the article, however many rates it states)
    later_of: dict[tuple[str, str, str | None], list[Candidate]] = {}
    for cand in reversed(live):
        key = (cand.number, cand.unit, cand.scale)
        told_with = cand.rate is not None or cand.gap is not None
        if (
            told_with
            and cand.goal_target is None
            and any(_restates(cand, later) for later in later_of.get(key, ()))
        ):
            cand.consumed = True
        if cand.goal_target is not None:
            later_of.setdefault(key, []).append(cand)


def _restates(first: Candidate, later: Candidate) -> bool:
    return (
        later.sentence != first.sentence
        and _same_figure(first.rate, later.rate)
        and _same_figure(first.gap, later.gap)
    )


def _same_figure(a: Candidate | None, b: Candidate | None) -> bool:
    return a is None or (b is not None and a.number == b.number and a.unit == b.unit)


# The opening of a sentence that tells one part's gap: "其中,基础设施工程慢于时间进度7.4个百分点".
_PART_LEAD = re.compile(r"\s*(?:其中)?[,:\s]*")
_PART_NAME = 12


def part_gaps(norm: str, cands: list[Candidate]) -> None:
    """A gap opening a sentence, told of one part named in a list the sentence before tells
    figures and rates of ("基础设施工程、产业工程、民生保障工程类项目分别完成投资额36.8亿元、…,
    投资完成率分别为59.3%、…。其中,基础设施工程慢于时间进度7.4个百分点"): the gap of that
    part's figure, the one with the rate in the same place."""
    live = [c for c in cands if not c.consumed]
    for n, gap in enumerate(live):
        if n == 0 or gap.unit not in ("个百分点", "百分点") or live[n - 1].sentence == gap.sentence:
            continue
        head = norm[gap.sentence[0] : gap.start]
        match = GAP_BEFORE.search(head)
        lead = _PART_LEAD.match(head)
        if match is None or lead is None:
            continue
        part = head[lead.end() : match.start()]
        rated = [c for c in live[:n] if c.sentence == live[n - 1].sentence and c.rate is not None]
        if not 2 <= len(part) <= _PART_NAME or not rated:
            continue
        names = norm[rated[0].sentence[0] : rated[0].start].split("、")[-len(rated) :]
        places = [k for k, name in enumerate(names) if part in name]
        if "分别" not in names[-1] or len(names) != len(rated) or len(places) != 1:
            continue
        owner = rated[places[0]]
        if owner.gap is not None or owner.rate is None or owner.rate.unit != "%":
            continue
        word = match["word"] or match["cmp"] or match["far"]
        owner.gap, owner.gap_short = gap, word in GAP_SHORT
        owner.related.append(gap)
        gap.consumed = True
