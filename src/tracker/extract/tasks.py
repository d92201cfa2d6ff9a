"""A task and what was done of it, in one sentence: "新建幼儿园20所,目前已完工15所", "全年任务
为3800户,实际改造4559户", and an item's heading run into the line under it ("(二)新增养老床位
250张新增378张养老床位"). The done figure takes the task as its target."""

from __future__ import annotations

import itertools
import re
from fractions import Fraction

from tracker.extract.candidates import Candidate

_PEOPLE = frozenset(("人", "名", "位", "人次"))


def same_unit(a: str, b: str) -> bool:
    return a == b or (a in _PEOPLE and b in _PEOPLE)


# What was done of a task named just before: "新建幼儿园20所,目前已完工15所", "改造农村公路300
# 公里,已完成280公里".
_DONE_OF_TASK = re.compile(
    r"[,,]\s*(?:(?:目前|现|截至目前)(?:已经|已)?|已经|已)(?:全部|累计)?"
    r"(?:完成|完工|建成|开工|竣工|实施|落实)?(?:了)?$"
    # "全年任务为3800户,实际改造4559户": what was done, more than the task or less
    r"|[,,]\s*(?P<actual>实际)(?:共|累计)?[\u4e00-\u9fff]{0,2}?(?:了)?$"
    # "170个新开项目已开工145个": the things counted, then how many of them reached the stage
    r"|[\u4e00-\u9fff]{2,10}?(?:已经|已)(?:全部|累计)?(?:完成|完工|建成|开工|开复工|复工|竣工)$"
    # "25个小区二次供水改造项目全部开工,完成15个": the projects named after the count, all begun
    r"|[^,;。0-9]{1,20}?(?:全部|均已|均|已全部)(?:启动|开工|动工)[,,]\s*(?:并)?(?:已)?"
    r"(?:完成|完工|建成|竣工)(?:了)?$"
)


# ... after the task named as such ("全年任务为3800户"; a plan's "计划完成20场,实际完成27场"
# stays two figures).
_TASK_IS = re.compile(r"任务(?:数)?(?:是|为)$")


def done_of_tasks(norm: str, group: list[Candidate]) -> None:
    for task, done in itertools.pairwise(unread(group)):
        lead = _DONE_OF_TASK.fullmatch(norm, task.end, done.start)
        if (
            lead is not None
            and same_unit(task.unit, done.unit)
            and task.unit not in ("%", "‰")
            and (done.parsed <= task.parsed or _TASK_IS.search(norm, task.clause[0], task.start))
            and (not lead["actual"] or _TASK_IS.search(norm, task.clause[0], task.start))
            and done.goal_target is None
        ):
            done.goal_target = task
            done.related.append(task)
            task.consumed = True


# A numbered item whose heading names its task and runs into the line that tells what was done
# (the line break lost): "(二)新增养老床位250张新增378张养老床位,超额完成年度任务。",
# "(一)完成2家社区综合为老服务中心建设完成长征镇…等4家社区综合为老服务中心建设".
ITEM_MARK = re.compile(  # an item's number: 一、 一是 (一) (1) 1. 1、
    r"\s*(?:[一二三四五六七八九十]{1,3}[、是]|\(?[一二三四五六七八九十0-9]{1,2}\)|[0-9]{1,2}[.、](?![0-9]))"
)
_HEADING_LENGTH = 16  # from the item's number to its task's figure
_HEADING_WORDS = re.compile(r"[^0-9,,;。:]{0,10}")
_NOT_HEADING = re.compile(r"已|累计|共计")
_PARTS_BETWEEN = re.compile(r"其中|包括|[,,]含|占")
_WORD3 = re.compile(r"[\u4e00-\u9fff]{3}")  # three characters of a name, not "、新建"


def heading_tasks(norm: str, group: list[Candidate]) -> None:
    live = unread(group)
    mark = ITEM_MARK.match(norm, live[0].sentence[0]) if live else None
    if mark is None or len(live) < 2:
        return
    task = live[0]
    if (
        task.start - mark.end() > _HEADING_LENGTH
        or task.unit in ("%", "‰")
        or _NOT_HEADING.search(norm, mark.end(), task.start)
    ):
        return
    # The thing counted, named before the task's figure or right after it.
    words = norm[mark.end() : task.start] + _HEADING_WORDS.match(norm, task.end).group()  # type: ignore[union-attr]
    for done in live[1:]:
        if done.unit != task.unit or norm[done.start - 1 : done.start] == "(":
            continue  # a part in brackets ("养护院(80张)")
        if _PARTS_BETWEEN.search(norm, task.end, done.start) or done.goal_target is not None:
            return
        after = norm[done.end : min(done.end + 12, done.sentence[1])]  # not the next item's
        if any(
            _WORD3.fullmatch(words, k, k + 3) and words[k : k + 3] in after
            for k in range(len(words) - 2)
        ):
            done.goal_target = task
            done.related.append(task)
            task.consumed = True
        return


# A plan's figures, then what was actually done of each, in the same order: "全年计划新创建示范
# 家庭农场80个,新增农户家庭农场271个,…6581个,实际分别完成95个、310个、7397个".
_ACTUAL_EACH = re.compile(r"实际(?:上)?分别(?:完成|实现|建成|达到|新增|为)?(?:了)?$")
_LIST_SEP = frozenset(("、", "和", "及", ","))


def actual_each(norm: str, group: list[Candidate]) -> None:
    live = unread(group)
    for i, first in enumerate(live):
        if not _ACTUAL_EACH.search(norm, max(first.clause[0], first.start - 12), first.start):
            continue
        done = [first]
        for nxt in live[i + 1 :]:
            if norm[done[-1].end : nxt.start].strip() not in _LIST_SEP:
                break
            done.append(nxt)
        tasks = live[i - len(done) : i] if i >= len(done) else []
        if len(done) < 2 or not tasks:
            return
        if any(
            not same_unit(t.unit, d.unit) or t.unit in ("%", "‰")
            for t, d in zip(tasks, done, strict=True)
        ):
            return
        for task, out in zip(tasks, done, strict=True):
            if out.goal_target is None:
                out.goal_target = task
                out.related.append(task)
                task.consumed = True
        return


def unread(group: list[Candidate]) -> list[Candidate]:
    """The figures of a sentence not yet read as part of another."""
    return [c for c in group if not c.consumed]


# "年度任务5000人,已完成4200人,占84%": a bare 占 or 为, the ratio confirming it
BARE_DONE = re.compile(r"\s*[,,]\s*(?:(?:已|共|累计)?完成(?:了)?|占|为)\s*")


def close_share(part: Fraction, whole: Fraction, percent: Fraction, beyond: bool = False) -> bool:
    """``part / whole`` is ``percent`` within half a percentage point (``part`` beyond
    ``whole`` only when ``beyond``: a task done more than in full)."""
    within = whole > 0 and part > 0 and (beyond or part <= whole)
    return within and abs(part / whole * 100 - percent) <= Fraction(1, 2)


# The year's task told after what was done of it: "完成农村危房改造1200户,年度任务1000户,完成率
# 120%", "…800户,年度目标任务为1000户,完成80%", "…1200户,年度任务为1000户,超额完成200户".
_TASK_AFTER = re.compile(
    r"\s*[,,]\s*(?:年度|全年|今年|当年)(?:目标任务|目标|任务|计划)(?:数)?(?:为|是|:)?\s*"
)
_EXCESS_AFTER = re.compile(r"\s*[,,]\s*超额完成(?:了)?\s*")


def task_after(norm: str, group: list[Candidate]) -> None:
    live = unread(group)
    for i in range(1, len(live)):
        done, task = live[i - 1], live[i]
        if (
            done.unit == "%"
            or done.consumed
            or done.goal_target is not None
            or not same_unit(done.unit, task.unit)
            or not _TASK_AFTER.fullmatch(norm, done.end, task.start)
        ):
            continue
        done.goal_target = task
        done.related.append(task)
        task.consumed = True
        nxt = live[i + 1] if i + 1 < len(live) else None
        if nxt is None:
            continue
        if nxt.unit == "%" and BARE_DONE.fullmatch(norm, task.end, nxt.start):
            if close_share(done.parsed, task.parsed, nxt.parsed, beyond=True):
                done.rate = nxt  # "…年度任务1000户,完成80%": the ratio confirming it
                done.related.append(nxt)
                nxt.consumed = True
        elif (
            same_unit(done.unit, nxt.unit)
            and _EXCESS_AFTER.fullmatch(norm, task.end, nxt.start)
            and done.parsed - task.parsed == nxt.parsed
        ):
            done.gap, done.gap_short = nxt, False  # "…超额完成200户": beyond the task
            done.related.append(nxt)
            nxt.consumed = True
