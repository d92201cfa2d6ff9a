"""A figure's parts and scope in its sentence: a breakdown that adds up to it ("新建幼儿园12所,
其中公办8所、民办4所"), and a scope or partner named with a figure before it ("与12个省份签订…")."""

from __future__ import annotations

import itertools
import re
from fractions import Fraction

from tracker.extract.candidates import Candidate
from tracker.extract.tasks import unread


def breakdowns(norm: str, group: list[Candidate]) -> None:
    live = unread(group)
    for i, total in enumerate(live):
        if total.consumed or total.unit == "%":
            continue
        running = Fraction(0)
        parts: list[Candidate] = []
        for part in live[i + 1 :]:
            if part.unit != total.unit or part.consumed or part.rate is not None:
                break  # a part with its own rate ("完工24条,…完工率63.2%") is a figure told
            parts.append(part)
            running += part.parsed
            if running >= total.parsed:
                break
        # not "计划签约254家,除19家关闭外,其余235家已签约": the task, those left out, the rest done
        left_out = norm[parts[0].start - 1 : parts[0].start] == "除" if parts else False
        if len(parts) >= 2 and running == total.parsed and not left_out:
            shown = norm[parts[0].clause[0] : parts[-1].end].strip(" ,")
            total.notes.append(f"breakdown in the text: {shown}")
            total.related.extend(parts)
            for part in parts:
                part.consumed = True


def scopes(norm: str, group: list[Candidate]) -> None:
    live = unread(group)
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
