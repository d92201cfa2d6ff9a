"""Relations between the figures of one sentence: stated rates, baselines, numerator and
denominator, breakdowns and scopes."""

from __future__ import annotations

import itertools
import re
from fractions import Fraction

from tracker.extract.candidates import Candidate

_RATE_BEFORE = re.compile(
    r"(?:(?:完成(?:了)?|占)[^,;。%]{0,10}?(?:任务|目标|计划)[^,;。%]{0,4}?的|完成率(?:为|达到|达)?"
    r"|(?:任务|目标|计划)完成率(?:为|达到|达)?)$"
)


# "已完成8个(53%)": a share in brackets right after the figure it is the share of.
_PAREN_RATE = re.compile(r"\s*\(\s*")


_RATE_WORD = re.compile(r"(?:率|比例|占比|比重)(?:为|达到|达|是)?$")


_BASELINE_BETWEEN = re.compile(
    r"^(?P<verb>压减|减少|下降|降低|缩减|缩小|降|减|提高|提升|增加|增长|上升|扩大|升|增)"
    r"(?:了)?(?:至|到|为)$"
)


_DECREASE = ("压减", "减少", "下降", "降低", "缩减", "缩小", "降", "减")


def relate(norm: str, cands: list[Candidate]) -> None:
    by_sentence: dict[tuple[int, int], list[Candidate]] = {}
    for cand in cands:
        by_sentence.setdefault(cand.sentence, []).append(cand)
    for group in by_sentence.values():
        _baselines(norm, group)
        _scopes(norm, group)
        _progress(norm, group)
        _fractions(norm, group)
        _rates(norm, group)
        _breakdowns(norm, group)


def _live(group: list[Candidate]) -> list[Candidate]:
    return [c for c in group if not c.consumed]


def _baselines(norm: str, group: list[Candidate]) -> None:
    live = _live(group)
    for first, second in itertools.pairwise(live):
        between = norm[first.end : second.start]
        match = _BASELINE_BETWEEN.match(between)
        lead = norm[max(first.start - 1, 0) : first.start]
        if match and lead in ("由", "从") and _same_unit(first.unit, second.unit):
            second.baseline = first
            second.decrease = match["verb"] in _DECREASE
            second.related.append(first)
            first.consumed = True


def _rates(norm: str, group: list[Candidate]) -> None:
    live = _live(group)
    for i, cand in enumerate(live):
        if cand.unit != "%" or i == 0:
            continue
        previous = live[i - 1]
        if previous.consumed or previous.rate is not None:
            continue
        between = norm[previous.end : cand.start]
        if (
            _RATE_BEFORE.search(between) or _PAREN_RATE.fullmatch(between)
        ) and previous.unit != "%":
            previous.rate = cand
            previous.related.append(cand)
            cand.consumed = True


_PEOPLE = frozenset(("人", "名", "位", "人次"))


def _same_unit(a: str, b: str) -> bool:
    return a == b or (a in _PEOPLE and b in _PEOPLE)


def _close(part: Fraction, whole: Fraction, percent: Fraction) -> bool:
    """``part / whole`` is ``percent`` within half a percentage point."""
    return whole > 0 and 0 < part <= whole and abs(part / whole * 100 - percent) <= Fraction(1, 2)


def _progress(norm: str, group: list[Candidate]) -> None:
    """ "15个农村幸福院建设已完成8个(53%)": a target, the figure reached, its completion rate."""
    live = _live(group)
    for i in range(2, len(live)):
        rate, done, task = live[i], live[i - 1], live[i - 2]
        if rate.unit != "%" or done.unit == "%" or done.unit != task.unit:
            continue
        between = norm[done.end : rate.start]
        if not (_RATE_BEFORE.search(between) or _PAREN_RATE.fullmatch(between)):
            continue
        if not _close(done.parsed, task.parsed, rate.parsed):
            continue
        done.rate, done.goal_target = rate, task
        done.related.extend((task, rate))
        rate.consumed = task.consumed = True


def _fractions(norm: str, group: list[Candidate]) -> None:
    live = _live(group)
    for i in range(2, len(live)):
        rate, num, den = live[i], live[i - 1], live[i - 2]
        if rate.unit != "%" or num.unit == "%" or not _same_unit(num.unit, den.unit):
            continue
        between = norm[num.end : rate.start]
        if not (_RATE_WORD.search(between) or _PAREN_RATE.fullmatch(between)):
            continue
        if not _close(num.parsed, den.parsed, rate.parsed):
            continue
        rate.numerator, rate.denominator = num, den
        rate.related.extend((den, num))
        rate.notes.extend((*den.notes, *num.notes))
        num.consumed = den.consumed = True


def _breakdowns(norm: str, group: list[Candidate]) -> None:
    live = _live(group)
    for i, total in enumerate(live):
        if total.consumed or total.unit == "%":
            continue
        running = Fraction(0)
        parts: list[Candidate] = []
        for part in live[i + 1 :]:
            if part.unit != total.unit or part.consumed:
                break
            parts.append(part)
            running += part.parsed
            if running >= total.parsed:
                break
        if len(parts) >= 2 and running == total.parsed:
            shown = norm[parts[0].clause[0] : parts[-1].end].strip(" ,")
            total.notes.append(f"breakdown in the text: {shown}")
            total.related.extend(parts)
            for part in parts:
                part.consumed = True


def _scopes(norm: str, group: list[Candidate]) -> None:
    live = _live(group)
    for first, second in itertools.pairwise(live):
        if first.clause != second.clause:
            continue
        between = norm[first.end : second.start]
        lead = norm[first.clause[0] : first.start]
        scope = re.fullmatch(r"[^,;。0-9]{0,8}有[^,;。0-9]{0,8}", between)
        partner = "与" in lead and re.search(r"签署|签订|合作|共建|结对", between)
        if scope or partner:
            first.consumed = True
            second.notes.append(f"context: {norm[first.start : first.end]}{between.rstrip()}…")
