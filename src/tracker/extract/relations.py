"""Relations between the figures of one sentence: stated rates, baselines, numerator and
denominator, breakdowns and scopes."""

from __future__ import annotations

import itertools
import re

from tracker.extract.candidates import Candidate, read_value
from tracker.extract.parts import breakdowns, scopes
from tracker.extract.quoted import (
    beneficiaries,
    bracketed_targets,
    parallel,
    quoted_targets,
    schedules,
)
from tracker.extract.tasks import (
    BARE_DONE,
    actual_each,
    close_share,
    done_of_tasks,
    heading_tasks,
    same_unit,
    task_after,
    unread,
)

# The words before a stated completion rate: 完成省定任务的, 为目标任务的, 占年度计划的,
# 完成全年12万人目标任务的 (a target figure inside), 完成率, 完成进度为; 为年度预算的, but not
# 占一般公共预算支出的 (a share of the spending: the budget names the account, not a target).
_RATE_LEAD = (
    r"(?:分别)?(?:完成(?:了)?|实现|为|占|达|达到|是)[^,;。%]{0,14}?"
    r"(?:任务|目标|计划|指标|(?<!公共)预算(?!支出|收入))[^,;。%]{0,4}?的"
    r"|(?:任务|目标|计划)?完成(?:率|比例|比率)(?:分别)?(?:为|达到|达|是|:)?"  # "完成率:80%"
    r"|(?:完成|工程|任务)?进度(?:为|达到|达|是)?"
    # "完成年度任务80%", "年度任务完成80%": the same without 的
    # "完成全年目标80%", "完成全年目标数65.3%", "实现全年目标数106.4%": 目标 alone, or a 数
    r"|(?:完成|实现)(?:了)?(?:年度|全年|年)(?:目标(?:任务|计划)?|任务|计划)(?:数)?"
    r"|(?:年度|全年)(?:目标)?(?:任务|计划)完成(?:了)?"
    r"|完成(?:了)?目标(?:任务|计划)?"  # "完成目标210%"
    r"|占[^,;。%0-9]{0,10}?(?:目标|任务|计划)(?:任务)?"  # "占年度投资目标20.2%"
    # "已完成投资11.5亿元,完成年度总投资的88.8%": the year's investment is the target
    r"|完成(?:了)?(?:年度|全年)(?:总)?投资的"
    # "完成年度计划投资比例52.99%", "完成计划比例", "资金完成比率": the share done, named after
    r"|完成(?:了)?(?:年度|全年|年)?(?:目标|任务|计划)?(?:投资|资金)?(?:比例|比率)(?:为|达到|达|是)?"
)
_RATE_BEFORE = re.compile(rf"(?:{_RATE_LEAD})$")
# For roles: a share of the target with no figure before it, or listed after one ("分别占年度
# 计划的78%和72%": both shares reached).
RATE_BEFORE = re.compile(rf"(?:{_RATE_LEAD})(?:[0-9]+(?:\.[0-9]+)?%[、和及])*$")


# The rate of the work a figure counts, after it: "已开建6.08万套,开工率为95.3%". Of a count
# of projects ("已开工事项65件,开工率达100%") it is a summary, not a figure's rate. "其中已建成
# 151个、建成率90.9%" as 竣工率.
_WORK_RATE = re.compile(
    r"(?P<work>开复工|开工|竣工|完工|建成|签约|到位|拨付|兑付|执行)率(?:为|达到|达|是)?$"
)
_PROJECT_COUNTS = frozenset(("件", "项"))
# A rate named after money ("年度投资完成率", "资金到位率") rates an amount, never a count.
_MONEY_RATE = re.compile(r"(?:投资|资金)(?:完成|到位|支付|拨付|执行)?(?:率|比例|比率)[^,;。]{0,4}$")
# The work a figure counts, told before it ("目前完工24条,在建13条"): a 完工率 rates what was
# finished, not what is under way.
_WORK_DONE = re.compile(r"开复工|开工|开建|动工|竣工|完工|建成|在建|签约|到位|拨付|兑付|执行")
_WORK_OF_RATE = {
    "开复工": ("开复工", "开工", "复工"),  # "累计开复工291个,开复工率92%": started or resumed
    "开工": ("开工", "开建", "动工"),
    "竣工": ("竣工", "完工", "建成"),
    "完工": ("完工", "竣工", "建成"),
    "建成": ("建成", "竣工", "完工"),
}


# The words between the figure a rate rates and a target figure quoted in the rate's phrase:
# "完成年目标任务8000人的96.2%", "完成全年12万人目标任务的93.08%".
_TASK_OPEN = re.compile(
    r"(?:完成(?:了)?|为|占|是)[^,;。%0-9]{0,10}?(?:任务|目标|计划|指标)?[^,;。%0-9]{0,4}\(?$"
)
_TASK_CLOSE = re.compile(r"^\)?[^,;。%0-9]{0,8}?的$")


# A stated gap: 塌目标1.8个百分点, 高于目标2.1个百分点, 超任务17元, 低于省定指标0.82个百分点,
# 比预期目标低0.3个百分点, 低于年初预期目标0.8个百分点, 低于年计划1.03个百分点. "short" words
# say the figure falls short of the target.
_WHOSE = (
    r"(?:[“\"]?十[一二三四五]?五[”\"]?)?"  # a five-year plan's: "比“十五”计划高出4.1个百分点"
    r"(?:年初|年度|全年|年)?(?:省定|市定|县定|预期|既定|序时|时序|时间|确定|设定|制定"
    r"|(?:国家|省|市|县|区|上级)?下达)?"  # "超额完成省下达的目标任务0.3万人"
    r"(?:的)?(?:年度|全年)?(?:预期)?"
)
_CEILING = r"(?:省|市|县)?控(?:制)?线|(?:省定|市定|县定)?控制(?:目标|指标)"
_GAP_BEFORE = re.compile(
    r"(?P<word>塌|低于|落后(?:于)?|差|少于|不足|高于|高出|超过|超出|超额完成|超额|超|多于|快于"
    r"|慢于|欠|低|高)"  # "欠目标进度8.3个百分点"
    rf"(?:了)?(?:{_WHOSE}(?:目标|任务|计划|指标|进度)"
    r"(?:任务|进度|要求|投资)?"
    r"|预期|(?:资金)?预算(?:安排)?"  # "低于预期1.5个百分点", "超资金预算安排"
    rf"|(?P<ceiling>{_CEILING}))$"  # "低于省控线"
    # "比计划投资高17.1个百分点": the plan named by what it plans
    rf"|[比较](?:{_WHOSE}(?:目标|任务|计划|指标|进度)(?:投资|资金)?|(?P<ceiling_cmp>{_CEILING}))"
    r"(?P<cmp>低|高|少|多|慢|快)(?:出|了)?$"  # "比控制目标低0.4个百分点", "…计划高出"
    r"|距(?:离)?(?:省定|市定|年度|全年|预期|既定)?(?:目标|任务|计划|指标)(?:任务)?(?:还|尚)?(?P<far>差)$"
    # a relative excess over a target not restated: "改造完成119所,超额完成49%"
    r"|(?:分别)?(?P<excess>超额完成)$"
)
_GAP_SHORT = frozenset(
    ("塌", "低于", "落后", "落后于", "差", "少于", "不足", "慢于", "欠", "低", "少", "慢")
)
GAP_BEFORE, GAP_SHORT = _GAP_BEFORE, _GAP_SHORT  # for across: a gap told of a list's part


# A year-on-year change of a count ("比上年同期增加9万人"): not a goal of its own.
_CHANGE_BEFORE = re.compile(
    r"(?:比上年|较上年|比去年|较去年|同比|比上月|环比|比年初|较年初|[比较](?:19|20)[0-9]{2}年"
    r"|与(?:上年|去年)(?:同期)?相比)(?:同期|同月)?"  # "比2019年降低", "与去年相比降低"
    r"(?:增加|减少|多|少|增长|下降|提高|降低|上升|回落|净增)(?:了)?$"
)


# A comparison with another area's figure ("高于全省平均水平0.5个百分点", "增速比全国高1.2个
# 百分点", "居全省第3位" is not a figure at all): context, not a goal.
_OTHER_AREA_BEFORE = re.compile(
    r"(?:比|较|高于|低于|快于|慢于|超过|超出|领先|落后于?)"
    r"(?:全国|全省|全市|全州|全区|全盟|全县|省|市|国家|同类地区|周边地区)(?:的)?"
    r"(?:平均)?(?:水平|增速|增幅|速度)?(?:高|低|快|慢)?(?:出)?(?:了)?$"
)
_POINTS = frozenset(("个百分点", "百分点"))


# Growth: a rate of change against a year earlier (增长5%, 同比下降37.8%, 涨幅).
_GROWTH_BEFORE = re.compile(
    r"(?P<word>增长|增速|增幅|涨幅|上涨|上升|提高|下降|降低|减少|回落|下滑|增加|改善)"
    r"(?:了|为|达|达到|控制在|保持在)?\s*$"
    # "增长目标也调低为8%", "增速预期目标定为6%": the rate of a growth target
    r"|(?:增长|增速)(?:预期)?目标[^,;。0-9%]{0,6}?(?:为|是|在)$"
)
# ... or the growth named right after the rate ("4个结构性指标均实现10%以上增长", "保持7%左右的
# 增长").
_GROWTH_AFTER = re.compile(r"(?:的)?(?:增长|增速)")
# A per-head level ("千人口托位数达到3.88个") is not what a completion rate rates.
# What follows a target quoted in an outcome's sentence ("增长7.6%,高于7.5%的预期目标0.1个
# 百分点", "在6.5%-7%的预期区间内"; "比6%的年度目标低1个百分点": the comparison after it).
_QUOTED_TARGET = re.compile(
    r"的[^,;。0-9%]{0,4}?(?:目标|任务|计划|指标|区间)(?P<cmp>[低高少多慢快](?:出|了)?)?"
)
_PER_HEAD = re.compile(r"千人口|每千人|每万人|人均|每百")


_DECLINE = frozenset(("下降", "降低", "减少", "回落", "下滑"))


# "已完成8个(53%)": a share in brackets right after the figure it is the share of.
_PAREN_RATE = re.compile(r"\s*\(\s*")


_RATE_WORD = re.compile(r"(?:率|比例|占比|比重)(?:为|达到|达|是)?$")


# The time of each end: "2019年的", "2019年年底", "2月份", "4月份的" ("由2月份5.8%回落至4月份的
# 5.2%").
_BASELINE_WHEN = r"(?:(?:[0-9]{4}年(?:年底|年末|底|末)?|[0-9]{1,2}月(?:份|底|末)?)(?:的)?)?"


_BASELINE_BETWEEN = re.compile(
    r"^(?P<verb>压减|减少|下降|降低|缩减|缩小|回落|降|减|提高|提升|增加|增长|上升|扩大|升|增)"
    rf"(?:了)?(?:至|到|为){_BASELINE_WHEN}$"
)


# "由1598家…", "从2019年的2.85%…": what opens a baseline.
_BASELINE_LEAD = re.compile(rf"(?:由|从){_BASELINE_WHEN}$")


_DECREASE = ("压减", "减少", "下降", "降低", "缩减", "缩小", "回落", "降", "减")


def relate(norm: str, cands: list[Candidate]) -> None:
    by_sentence: dict[tuple[int, int], list[Candidate]] = {}
    for cand in cands:
        by_sentence.setdefault(cand.sentence, []).append(cand)
    for group in by_sentence.values():
        _changes(norm, group)
        schedules(norm, group)
        _baselines(norm, group)
        scopes(norm, group)
        task_after(norm, group)
        _progress(norm, group)
        done_of_tasks(norm, group)
        heading_tasks(norm, group)
        actual_each(norm, group)
        _fractions(norm, group)
        bracketed_targets(norm, group)
        _rates(norm, group)
        _gaps(norm, group)
        _growth(norm, group)
        quoted_targets(norm, group)
        breakdowns(norm, group)


def _baselines(norm: str, group: list[Candidate]) -> None:
    live = unread(group)
    for first, second in itertools.pairwise(live):
        between = norm[first.end : second.start]
        match = _BASELINE_BETWEEN.match(between)
        lead = _BASELINE_LEAD.search(norm, max(first.start - 10, 0), first.start)
        if match and lead and same_unit(first.unit, second.unit):
            second.baseline = first
            second.decrease = match["verb"] in _DECREASE
            second.related.append(first)
            first.consumed = True


def _lead(norm: str, group: list[Candidate], cand: Candidate) -> str:
    """The text between the figure before ``cand`` in its sentence (or its clause start) and
    ``cand``."""
    before = [c for c in group if c.end <= cand.start]
    start = max(before[-1].end if before else cand.sentence[0], cand.start - 40)
    return norm[start : cand.start]


def _changes(norm: str, group: list[Candidate]) -> None:
    """A year-on-year change of a count, or a comparison with another area in points, goes into
    the note of the figure before it."""
    for i, cand in enumerate(group):
        if i == 0:
            continue
        lead = _lead(norm, group, cand)
        change = cand.unit != "%" and _CHANGE_BEFORE.search(lead)
        if not change and not (cand.unit in _POINTS and _OTHER_AREA_BEFORE.search(lead)):
            continue
        owner = group[i - 1]
        owner.notes.append(norm[owner.end : cand.end].strip(" ,"))
        cand.consumed = True


def _rate_list(norm: str, live: list[Candidate], i: int) -> list[Candidate]:
    """The rates of a list starting at ``live[i]`` ("的108%、121%、99%")."""
    rates = [live[i]]
    for nxt in live[i + 1 :]:
        if nxt.unit != "%" or norm[rates[-1].end : nxt.start].strip() not in ("、", "和", "及"):
            break
        rates.append(nxt)
    return rates


# A rate named after it: "新增就业4200人,达到84%的完成进度".
_RATE_TRAIL = re.compile(r"的(?:年度|全年)?(?:任务|目标)?完成(?:进度|率)")
_RATE_TRAIL_LEAD = re.compile(r"\s*,?\s*(?:已|均)?(?:达到|达|为|实现|完成)?(?:了)?\s*")


# A second rate of the same figure, its verb left out: "完成省民生工程目标任务的130.26%,
# 市民生工程目标任务的127%".
_RATE_ELIDED = re.compile(r"[,,、]?[^,;。%0-9]{0,14}?(?:任务|目标|计划|指标)[^,;。%0-9]{0,4}?的")


def _owner_of(live: list[Candidate], related: Candidate) -> Candidate | None:
    """The figure whose stated rate or gap ``related`` is."""
    return next((c for c in live if related in (c.rate, c.gap)), None)


def _rates(norm: str, group: list[Candidate]) -> None:
    live = unread(group)
    i = 0
    while i < len(live):
        cand = live[i]
        between = norm[live[i - 1].end : cand.start] if i else ""
        if cand.unit != "%" or i == 0 or cand.consumed:
            i += 1
            continue
        owner = _owner_of(live, live[i - 1]) if live[i - 1].consumed else None
        if owner is not None and _RATE_ELIDED.fullmatch(between.rstrip()):
            _second_rate(norm, owner, live[i - 1], cand)
            i += 1
            continue
        # "完成年目标任务8000人的96.2%": the figure before is a target inside the rate's phrase.
        task_form = i >= 1 and bool(
            _TASK_CLOSE.match(between)
            and _TASK_OPEN.search(norm, max(live[i - 1].start - 20, 0), live[i - 1].start)
        )
        trailing = bool(_RATE_TRAIL.match(norm, cand.end) and _RATE_TRAIL_LEAD.fullmatch(between))
        between = between.rstrip()  # "完成率 134.4%": pages space figures from their words
        work_match = _WORK_RATE.search(between)
        work = work_match is not None and live[i - 1].unit not in _PROJECT_COUNTS
        # "续建项目443个,…年度投资完成率99.6%": the money's rate, not the count's
        if (_MONEY_RATE.search(between) and live[i - 1].unit not in ("元", "%")) or not (
            _RATE_BEFORE.search(between)
            or _PAREN_RATE.fullmatch(between)
            or task_form
            or trailing
            or work
        ):
            i += 1
            continue
        if cand.qualifier in ("more_than", "less_than"):
            # "27项完成进度超过60%": a threshold that sorts projects, not a rate.
            cand.consumed = True
            live[i - 1].notes.append(norm[live[i - 1].start : cand.end])
            i += 1
            continue
        rates = _rate_list(norm, live, i)
        # Targets quoted inside the rate's phrase ("完成年目标任务8000人的96.2%",
        # "分别完成年度目标(146台、40公里)的80.8%、58.5%"), then the figures they rate.
        before = [c for c in live[:i] if not c.consumed and c.unit != "%" and c.rate is None]
        targets: list[Candidate] = []
        if before and _TASK_CLOSE.match(norm[before[-1].end : cand.start]):
            k = len(before) - 1
            while k > 0 and norm[before[k - 1].end : before[k].start].strip() in ("、", "和"):
                k -= 1
            if k > 0 and _TASK_OPEN.search(norm, before[k - 1].end, before[k].start):
                targets = before[k:]
                before = before[:k]
        if (
            len(rates) == 1
            and len(before) >= 2
            and _PER_HEAD.search(norm[before[-2].end : before[-1].start])
        ):
            before = before[:-1]  # "新增托位540个,千人口托位数达到3.88个,完成率260%"
        elif len(rates) == 1 and beneficiaries(norm, before, between):
            before = before[:-1]  # "改造老旧小区52个,惠及居民1.2万户,完成年度任务的104%"
        work_done = work_match["work"] if work_match and not _RATE_BEFORE.search(between) else None
        rated = _rated(norm, before, rates, work_done)
        for n, (owner, rate) in enumerate(zip(rated, rates, strict=False)):
            owner.rate = rate
            owner.related.append(rate)
            rate.consumed = True
            if len(targets) == len(rated):
                owner.goal_target = targets[n]
                owner.related.append(targets[n])
                targets[n].consumed = True
        i += len(rates)


def _second_rate(norm: str, owner: Candidate, first: Candidate, second: Candidate) -> None:
    """A second rate of the same figure, its verb left out ("完成省民生工程目标任务的130.26%,
    市民生工程目标任务的127%"): one stated rate a figure (SPEC §1.4), the higher level's; the
    other goes into the note, and the quote holds both."""
    note = norm[first.end : second.end].strip(" ,")
    if owner.rate is not None and _higher(norm, second, owner.rate):
        note = norm[owner.rate.clause[0] : owner.rate.end].strip(" ,")
        owner.rate = second
    owner.related.append(second)
    owner.notes.append("another rate: " + note)
    second.consumed = True


def _rated(
    norm: str, before: list[Candidate], rates: list[Candidate], work: str | None
) -> list[Candidate]:
    """The figures a list of rates rates, in order: the last ones before them."""
    if work is not None and len(rates) == 1:
        return _work_rated(norm, before, work)
    rated = parallel(before, len(rates)) if len(before) >= len(rates) else before[-1:]
    return [] if len(rates) > 1 and len(rated) != len(rates) else rated


def _work_rated(norm: str, before: list[Candidate], work: str) -> list[Candidate]:
    """The figure a work rate ("完工率63.2%") rates: the nearest before it that counts that
    work, or counts no other ("实施…38条,目前完工24条,在建13条,开工率97.4%,完工率63.2%": the
    完工率 is of 24条; the 开工率, of a count the text does not give, rates none)."""
    words = _WORK_OF_RATE.get(work, (work,))
    for cand in reversed(before[-3:]):
        told = [m.group() for m in _WORK_DONE.finditer(norm, cand.clause[0], cand.start)]
        if (told and told[-1] in words) or (not told and cand is before[-1]):
            return [cand]
    return []


_COMPARED_WITH = re.compile(r"(?P<word>高于|低于|超过|超出|快于|慢于|少于|多于|[比较])$")


def _gaps(norm: str, group: list[Candidate]) -> None:
    """A stated distance from the target goes to the figure before it (or, when the target
    is quoted before the gap, to the figure compared with it)."""
    live = unread(group)
    for i, cand in enumerate(live):
        if i == 0 or cand.consumed:
            continue
        match = _GAP_BEFORE.search(norm[live[i - 1].end : cand.start])
        owner = live[i - 1]
        first = _owner_of(live, owner) if owner.consumed else None
        if match is not None and first is not None and first.gap is owner:
            # "低于省控线0.84个百分点,低于市控线0.64个百分点": one gap a figure, the higher
            # level's; the other into the note
            note = norm[owner.end : cand.end].strip(" ,")
            if _higher(norm, cand, owner):
                note = norm[owner.clause[0] : owner.end].strip(" ,")
                first.gap = cand
            first.related.append(cand)
            first.notes.append("another gap: " + note)
            cand.consumed = True
            continue
        if match is not None and first is not None and first.rate is owner and first.gap is None:
            owner = first  # "完成年度计划投资比例52.99%,超序时进度2.99个百分点": the figure's gap
        elif match is not None:
            owner = _schedule_owner(norm, group, live[:i], match.group()) or owner
        word = (match["word"] or match["cmp"] or match["far"] or match["excess"]) if match else None
        if (
            match is not None
            and match["excess"]
            and (cand.unit != "%" or owner.unit == "%" or owner.goal_target is not None)
        ):
            # "超额完成3000人": the excess itself; a % only of a count or a sum whose target is
            # not told ("全年任务为3800户,实际改造4559户,超额完成20%": the two figures tell it)
            word = None
        if word is not None and _gap_list(norm, live, i, word, bool(match and match["ceiling"])):
            continue
        quoted = _QUOTED_TARGET.fullmatch(norm, owner.end, cand.start) if i >= 2 else None
        if match is None and quoted is not None:
            compared = _COMPARED_WITH.search(norm, live[i - 2].end, owner.start)
            owner = live[i - 2]
            word = compared["word"] if compared and _gap_unit(owner, cand) else None
            if word is not None and (word in "比较") != bool(quoted["cmp"]):
                word = None  # "比6%的年度目标低": the comparison named after the target
            word = quoted["cmp"][0] if word is not None and quoted["cmp"] else word
        if word is None or owner.gap is not None:
            continue
        opening = norm.rfind("(", 0, owner.start)
        aside = [c for c in live[: i - 1] if c.end <= opening]
        if match is not None and aside and ")" in norm[owner.end : cand.start]:
            owner = aside[-1]  # "增长1.1%(增速由上半年-5.5%转为增长1.1%),低年度计划5.3个百分点"
            if owner.gap is not None:
                continue
        if match is not None and owner.unit in ("%", "‰") and cand.unit == "%":
            continue  # "控制在4.8%,低于指标任务5.5%": the target itself, not a gap in points
        owner.gap, owner.gap_short = cand, word in _GAP_SHORT
        owner.ceiling = owner.ceiling or bool(match and (match["ceiling"] or match["ceiling_cmp"]))
        owner.related.append(cand)
        cand.consumed = True


# A gap against the schedule ("低于序时进度12.4个百分点") measures a share done against the
# share of the year gone: never a growth rate told between ("为年度预算数的62.6%,下降14.57%,…").
_SCHEDULE = re.compile(r"(?:序时|时序|时间|目标)进度")


def _schedule_owner(
    norm: str, group: list[Candidate], before: list[Candidate], gap_words: str
) -> Candidate | None:
    """The figure whose stated rate a gap against the schedule measures, past the growth rates
    told after that rate."""
    if not _SCHEDULE.search(gap_words):
        return None
    for cand in reversed(before):
        lead = _lead(norm, group, cand)
        if cand.rate is not None or (cand.unit == "%" and _RATE_BEFORE.search(lead.rstrip())):
            return cand if cand.gap is None else None  # … or the share itself: "完成进度为82.7%"
        if cand.unit != "%" or cand.consumed or not _GROWTH_BEFORE.search(lead):
            return None
    return None


_A_LIST = 2
_LISTED = ("、", "和", "及")


def _gap_list(norm: str, live: list[Candidate], i: int, word: str, ceiling: bool) -> bool:
    """Gaps listed after one gap word, each of the figure listed in the same place before it
    ("覆盖率分别达到65.83%、67.88%,分别高出年度目标任务10.83个、12.88个百分点": the unit said
    once, after the last)."""
    gaps = [live[i]]
    for nxt in live[i + 1 :]:
        if norm[gaps[-1].end : nxt.start].strip() not in _LISTED:
            break
        gaps.append(nxt)
    if len(gaps) < _A_LIST or i < len(gaps):
        return False
    owners = live[i - len(gaps) : i]
    if any(c.consumed or c.gap is not None or c.unit != owners[0].unit for c in owners) or any(
        norm[a.end : b.start].strip() not in _LISTED for a, b in itertools.pairwise(owners)
    ):
        return False
    # "10.83个、12.88个百分点": 百分点 left out of all but the last
    points = gaps[-1].unit in _POINTS and owners[0].unit in ("%", "‰")
    elided = [g for g in gaps if points and g.unit == "个" and g.suf is None]
    if not all(g in elided or _gap_unit(o, g) for o, g in zip(owners, gaps, strict=True)):
        return False
    for gap in elided:
        gap.unit = "个百分点"
    for owner, gap in zip(owners, gaps, strict=True):
        owner.gap, owner.gap_short = gap, word in _GAP_SHORT
        owner.ceiling = owner.ceiling or ceiling
        owner.related.append(gap)
        gap.consumed = True
    return True


def _growth(norm: str, group: list[Candidate]) -> None:
    """Percentages of change (增长5%, 同比下降37.8%, 分别增长3%、6.4%): growth figures."""
    previous: Candidate | None = None
    for cand in unread(group):
        lead = _lead(norm, group, cand)
        match = _GROWTH_BEFORE.search(lead)
        after = _GROWTH_AFTER.match(norm, cand.end) is not None
        listed = previous is not None and previous.growth and lead.strip() in ("、", "和")
        # "增长7.6%,高于7.5%的预期目标": the target a growth figure is compared with
        quoted = (
            previous is not None
            and previous.growth
            and _QUOTED_TARGET.match(norm, cand.end) is not None
        )
        listed = listed or quoted
        if cand.unit == "%" and cand.baseline is None and (match or listed or after):
            cand.growth = True
            declines = match["word"] in _DECLINE if match and match["word"] else False
            declines = declines or bool(not match and previous and previous.decline)
            if declines and not cand.number.startswith("-"):
                cand.decline = True
                cand.number = "-" + cand.number
                read_value(cand)
        previous = cand


# Whose target a rate or gap measures against, highest first: the nation's, the province's,
# the city's, the county's ("完成省民生工程目标任务的130.26%,市民生工程目标任务的127%").
_LEVELS = (
    re.compile(r"国家|中央|全国"),
    re.compile(r"省"),
    re.compile(r"市|州|盟"),
    re.compile(r"县|区|旗"),
)


def _level(text: str) -> int:
    return next((n for n, words in enumerate(_LEVELS) if words.search(text)), len(_LEVELS))


def _higher(norm: str, second: Candidate, first: Candidate) -> bool:
    """Whether the second rate (gap) measures against a higher level's target than the first."""
    return _level(norm[second.clause[0] : second.start]) < _level(
        norm[first.clause[0] : first.start]
    )


def _gap_unit(owner: Candidate, gap: Candidate) -> bool:
    if owner.unit in ("%", "‰"):
        return gap.unit in ("个百分点", "百分点")
    return same_unit(owner.unit, gap.unit)


_TASK_NAMED = re.compile(r"目标|任务|计划")


def _progress(norm: str, group: list[Candidate]) -> None:
    """ "15个农村幸福院建设已完成8个(53%)": a target, the figure reached, its completion rate."""
    live = unread(group)
    for i in range(2, len(live)):
        rate, done, task = live[i], live[i - 1], live[i - 2]
        if rate.unit != "%" or done.unit == "%" or done.unit != task.unit:
            continue
        between = norm[done.end : rate.start]
        work = _WORK_RATE.search(between) is not None and done.unit not in _PROJECT_COUNTS
        # "计划新增停车位3000个,目前已建成1200个,完成40%": a bare 完成, the ratio confirming it
        bare = BARE_DONE.fullmatch(between) is not None
        if not (_RATE_BEFORE.search(between) or _PAREN_RATE.fullmatch(between) or work or bare):
            continue  # "…200个项目…,已开工200个,开工率100%" as "…已完成8个(53%)"
        # "打造82家老年食堂,投入运营的已达118家,完成率为144%": more than the task, and told so
        # (a task named as one, "目标任务4000人,完成4520人", stays a target of its own)
        beyond = not _TASK_NAMED.search(norm, task.clause[0], task.start)
        if not close_share(done.parsed, task.parsed, rate.parsed, beyond=beyond):
            continue
        done.rate, done.goal_target = rate, task
        done.related.extend((task, rate))
        rate.consumed = task.consumed = True


def _fractions(norm: str, group: list[Candidate]) -> None:
    live = unread(group)
    for i in range(2, len(live)):
        rate, num, den = live[i], live[i - 1], live[i - 2]
        if rate.unit != "%" or num.unit == "%" or not same_unit(num.unit, den.unit):
            continue
        between = norm[num.end : rate.start]
        if not (_RATE_WORD.search(between) or _PAREN_RATE.fullmatch(between)):
            continue
        if not close_share(num.parsed, den.parsed, rate.parsed):
            continue
        rate.numerator, rate.denominator = num, den
        rate.related.extend((den, num))
        rate.notes.extend((*den.notes, *num.notes))
        num.consumed = den.consumed = True
