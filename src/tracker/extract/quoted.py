"""What an outcome's sentence quotes to measure it by: the target restated as the bound it is
compared with ("增长5.1%,低于6%的年度预期目标"), the schedule's share of the year ("高于75%的
序时进度"), the figures a shared completion rate rates, and a list of rates laid over figures
interleaved with counts of projects."""

from __future__ import annotations

import itertools
import re

from tracker.extract.candidates import Candidate
from tracker.extract.tasks import same_unit, unread

# An outcome, then the target it is compared with, quoted with its name after it: "增长5.1%,
# 低于6%的年度预期目标0.9个百分点", "失业率5.2%,低于5.5%的年度调控目标", "增长5%,比6%的年度
# 目标低1个百分点". (Not "好于下降7%的预期", which the roles read as a target of its own.)
_COMPARED = re.compile(
    r"\s*[,,]\s*(?:均|仍|也|明显)?(?:低于|高于|好于|优于|快于|慢于|超过|超出|不高于|未超过|[比较])\s*"
)
_QUOTED_NAME = re.compile(r"(?:以内|以下|左右)?的(?P<name>[^,;。0-9%]{0,6}?)(?:目标|指标|控制线)")
_CEILING_NAME = re.compile(r"控制|调控")


def quoted_targets(norm: str, group: list[Candidate]) -> None:
    """The quoted figure is a target (a figure of its own, as the roles read "低于4.5%的控制
    目标" however many words name it); a 控制/调控 target makes both ceilings."""
    for outcome, bound in itertools.pairwise(unread(group)):
        name = _QUOTED_NAME.match(norm, bound.end)
        if (
            name is None
            or _COMPARED.fullmatch(norm, outcome.end, bound.start) is None
            or outcome.unit != bound.unit
        ):
            continue
        bound.task = True
        if _CEILING_NAME.search(name["name"]):
            outcome.ceiling = bound.ceiling = True


# The schedule's share of the year an outcome is compared with: "完成年度目标任务的84%,高于75%
# 的序时进度", "低于时序进度(75%)6个百分点", "时间进度为75%". A benchmark, not a figure of the
# work; it and the points to it (not a gap against the target) go into the note.
_SCHEDULE_AFTER = re.compile(r"\s*的?(?:序时|时序|时间)进度")
_SCHEDULE_BEFORE = re.compile(r"(?:序时|时序|时间)进度(?:要求)?(?:为|是)?\s*(?P<paren>\()?\s*$")
_POINTS = frozenset(("个百分点", "百分点"))


def schedules(norm: str, group: list[Candidate]) -> None:
    live = unread(group)
    for i, cand in enumerate(live):
        lead = _SCHEDULE_BEFORE.search(norm, max(cand.clause[0], cand.start - 12), cand.start)
        if cand.unit != "%" or not (lead or _SCHEDULE_AFTER.match(norm, cand.end)):
            continue
        cand.consumed = True
        named = _SCHEDULE_AFTER.match(norm, cand.end)
        end = named.end() if named else cand.end
        after = live[i + 1] if i + 1 < len(live) else None
        if (
            lead is not None
            and lead["paren"]
            and after is not None
            and after.unit in _POINTS
            and re.fullmatch(r"\s*\)\s*", norm[cand.end : after.start])
        ):
            after.consumed = True  # "低于时序进度(75%)6个百分点": the distance to the schedule
            end = after.end
        before = [c for c in live[:i] if not c.consumed]
        owner = next((c for c in reversed(before) if c.unit != "%"), before[-1] if before else None)
        if owner is not None:
            owner.notes.append("against the schedule: " + norm[cand.clause[0] : end].strip(" ,"))
            owner.related.append(cand)


# A scope of the work told between it and its completion rate: "改造老旧小区52个,惠及居民1.2万
# 户,完成年度任务的104%", "受益群众3.5万人": the rate is of the work, not of those it serves.
_BENEFICIARIES = re.compile(
    r"\s*(?:共|直接|可|将|累计|共计)?(?:惠及|受益|受惠|涉及|覆盖|带动|辐射)"
)


def beneficiaries(norm: str, before: list[Candidate], rate_lead: str) -> bool:
    """Whether the last figure before a rate counts those the work serves, after the work."""
    if len(before) < 2 or re.search(r"惠及|受益|受惠|涉及|覆盖|带动|辐射", rate_lead):
        return False
    last = before[-1]
    return last.clause != before[-2].clause and bool(
        _BENEFICIARIES.match(norm, last.clause[0], last.start)
    )


def parallel(before: list[Candidate], count: int) -> list[Candidate]:
    """The figures a list of ``count`` rates rates: the last ones before them, or, when counts of
    projects are interleaved ("12个农业项目完成投资20.1亿元,60个工业项目完成投资110.4亿元,…,
    分别占年计划的48.1%、55.2%、51.3%"), the last of the kind of the last figure, one other
    figure at most between two of them."""
    last = before[-count:]
    if len(last) < count or all(same_unit(c.unit, last[-1].unit) for c in last):
        return last
    kind = [c for c in before if same_unit(c.unit, last[-1].unit)][-count:]
    if len(kind) < count or len(before) - before.index(kind[0]) > 2 * count - 1:
        return last
    return kind


# A target in brackets right after its outcome: "新增就业4200人(年度目标5000人)", "增长14%
# (预期目标12%)", "1.5%(控制目标4%以内)".
_BRACKET_TARGET = re.compile(
    r"\s*\(\s*(?:年度|全年|年|预期|控制|调控|计划|省定|市定|县定)?(?:目标|任务|计划|指标)(?:任务)?"
    r"(?:为|是)?[:]?\s*"
)


# A ceiling right after the rate it bounds: "城镇登记失业率为2.95%,控制在4%以内", "居民消费价格
# 上涨2.1%,保持在3%以内".
_CEILING_AFTER = re.compile(
    r"\s*[,,]\s*(?:仍|均|继续|始终)?(?:控制在|保持在|不超过|不高于)(?:省定|市定|县定|年度)?(?:的)?\s*"
)


def bracketed_targets(norm: str, group: list[Candidate]) -> None:
    for first, second in itertools.pairwise(unread(group)):
        ceiling = (
            _CEILING_AFTER.fullmatch(norm, first.end, second.start) is not None
            and second.suf in ("以内", "以下")
            and first.suf is None
        )
        bracketed = _BRACKET_TARGET.fullmatch(norm, first.end, second.start) is not None
        if (
            (ceiling or (bracketed and norm.startswith(")", second.end)))
            and first.unit == second.unit
            and first.goal_target is None
        ):
            first.ceiling = first.ceiling or ceiling
            first.goal_target = second
            first.related.append(second)
            second.consumed = True
