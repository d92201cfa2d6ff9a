"""Each figure's role (target or outcome), from the wording around it and the article's time
context (periods and dates: ``when``; regions: ``places``; titles and categories: ``titles``)."""

from __future__ import annotations

import bisect
import re

from tracker.extract.candidates import Candidate
from tracker.extract.dates import years_mentioned
from tracker.extract.draft import Role
from tracker.extract.plans import (
    DONE_LE,
    LEFT_OUT_AFTER,
    LIST_BREAK,
    LISTED_WORK,
    bare_progress,
    before_bare_progress,
    in_plan_list,
    item_before_progress,
    item_restated_done,
    item_task,
    named_task,
    plan_heading,
    quoted_plan,
)
from tracker.extract.relations import RATE_BEFORE
from tracker.extract.text import Paragraph
from tracker.extract.when import LOOKBACK, ArticleContext, When, now

# 计划 and 目标 as plan words: not 计划生育, nor the heading of a review against the plan
# ("计划执行情况", "主要目标任务完成情况").
# Nor "按计划完成了…", "按照年度计划建成…" (done as planned).
_AS_PLANNED = r"(?<!按)(?<!按照)(?<!按年度)(?<!按照年度)"
_PLAN_NOUNS = (
    rf"{_AS_PLANNED}计划(?!生育|执行|完成情况)|目标(?!(?:任务)?(?:完成|执行|进展|情况)|人群)"
)


# Role wording. Target: in the clause before the figure, or right after it. "争取到位补助资金
# 9.66亿元" tells funds secured, not a plan.
_TARGET_BEFORE = re.compile(
    rf"确保(?!了)|力争|争取(?:在|到(?!位)|实现|达到)|(?:{_PLAN_NOUNS})(?:是|为)?|预计|预期|拟|规划"
    r"|(?<![主重需只紧必不])要(?![求素点闻害])|省定|市定|县定|办好(?!了)|指标任务"
    r"|(?:全年|年度|本年度|今年)(?:目标)?任务(?:数)?(?:是|为)"  # "全年任务为3800户"
    r"|(?<!完成)(?:任务|目标|计划)数(?:是|为|:)?"  # "任务数200张,完成数210张", "任务数:1万人"
    r"|(?<!资金)下达(?![^,;。0-9]{0,6}?(?:资金|经费|补助|款))"  # not "下达项目资金X亿元": paid
)


# A count of tasks, then the tasks named by their target figures ("未达到序时进度11项、占比20.0%,
# 为“交通建设提升年”活动完成投资80亿元、普惠性幼儿园覆盖率达80%、…"): the figures are targets.
_TASK_LIST = re.compile(r"[0-9]+项[^;。]{0,20}?,(?:分别)?(?:为|是)[::]?[^;。:]*$")


# An outcome compared with its target later in the sentence.
_COMPARED_WITH_TARGET = re.compile(
    r"[^;。]{0,6}?[,,](?:明显|也|均)?比[^,;。]{0,16}?目标(?:低|高|少|多)"
    # an outcome compared with a quoted target: 失业率3.2%,低于4.5%的控制目标
    r"|[^;。]{0,6}?[,,](?:均|仍|也)?(?:低于|高于|好于|优于|快于|超过|控制在)"
    r"[^,;。]{0,12}?的[^,;。]{0,4}?(?:目标|指标|预期|控制线)"
    # ... or said to exceed or meet it: "全年新建幼儿园48所,超额完成40所的年度目标任务"
    r"|[^;。]{0,6}?[,,](?:均|已)?(?:超额)?完成(?:了)?[^,;。]{0,12}?的(?:年度|全年)?(?:目标)?任务"
    # ... or listed with the figure whose rate follows: "新增床位5000张、护理型床位1200张,完成
    # 年度目标的125%"
    r"|、[^,;。0-9]{0,12}[0-9][^,;。]{0,8}?[,,](?:均|已|共)?完成(?:了)?[^,;。%0-9]{0,12}?"
    r"(?:任务|目标|计划)的[0-9]"
)


# A task put on a list of the year's work: "将172个行政村户厕改造任务列入民生实事项目", "把新建
# 停车位2000个纳入年度重点工作".
_PUT_ON_LIST = re.compile(r"(?:将|把)[^,;。0-9]{0,10}$")
_ON_LIST_AFTER = re.compile(r"[^,;。]{0,40}?(?:列入|纳入)[^,;。]{0,12}?(?:实事|计划|重点工作|目标)")
# ... and the scope of the task, told in the clause after it ("…列入民生实事项目,共涉及26692户").
_SCOPE_CLAUSE = re.compile(r"(?:共|总共|合计)?涉及[^,;。0-9]{0,8}$")


TARGET_AFTER = re.compile(
    r"^[”’\"']?(?:的)?(?:既定|预期|控制|调控|年度|全年|省定|市定|县定|增长|增速|节点|阶段)?"
    r"(?:目标任务|目标|任务|承诺)(?!完成)"  # "超额完成…设置的40%的节点目标"
    r"|^[”’\"']?的(?:控制|调控|预期|年度|全年|考核)?(?:指标|要求)"  # "低于4%的控制指标"
    r"|^[”’\"']?的(?:预期|目标)区间"  # "在6.5%-7%的预期区间内"
    r"|^[”’\"']?的预期(?=[,;。)]|$)"  # "一般公共预算收入下降5.2%,好于下降7%的预期"
)


# Completion wording: anywhere in the sentence before the figure (目前, not "项目前期").
_OUTCOME_STRONG = re.compile(
    r"累计|截至|截止|已经|(?<![而])已|共计|(?<![公总])共(?![同享建治])|完成率|同比"
    rf"|比上年|较上年|以来|一年来|五年来|{DONE_LE}|获评|创历史|(?<!项)目前|先后"
    # "实际完成工程量6%", ",实际增长10.2%" (not 收入实际增长, the real growth)
    r"|实际(?:分别)?(?:完成|开展|建成|实现)|(?<![^,;:。])实际(?:增长|下降|达到|为)"
)


_PLAN_WORDS = re.compile(
    rf"将(?![患结其其此这该])|要(?![求素点闻害])|力争|确保|{_PLAN_NOUNS}|着力|推动|推进|加快|持续"
    r"|努力|争取|进一步|不断|保持|实施|启动实施|全力|继续|启动|坚持"
)


# Plans use 完成, 实现, 达到, 增长 as much as reviews ("确保完成"): they count half.
_REVIEW_VERBS = re.compile(r"达到|突破|增长|上涨|下降|降低|提高|实现|完成")


# ... and plans tell what to do with verbs that reviews also narrate ("持续加大…力度").
_PLAN_VERBS = re.compile(r"加强|加大|强化|深化|扩大|完善|健全|做好|抓好|办好|落实好|提升")


_REVIEW_WORDS = re.compile(
    rf"{DONE_LE}|已|累计|(?<![公总])共(?![同享建治])|截至|以来|获评|同比|比上年|去年|过去"
    r"|刚刚|成功|建成|顺利|先后|创历史|创新高|显著"
)


def figure_role(
    norm: str, cand: Candidate, ctx: ArticleContext, when: When, prev_role: Role | None
) -> tuple[Role, float, str | None]:
    """Target or outcome, how sure, and the reason when only weak wording decided."""
    clause_start = cand.clause[0]
    local = norm[clause_start : cand.start]
    after = norm[cand.end : cand.end + 6]
    if cand.column == "target" and cand.goal_target is None:
        return "target", 0.75, None  # in a table's column of tasks (项目内容, 目标任务)
    if cand.column == "outcome":
        return "outcome", 0.75, None  # in a table's column of what was done (完成情况)
    if cand.rate is not None or cand.gap is not None or cand.goal_target is not None:
        return "outcome", 0.9, None  # a stated completion rate, gap or target: already reached
    if cand.unit == "%" and RATE_BEFORE.search(norm, cand.clause[0], cand.start):
        return "outcome", 0.85, None  # "地区生产总值完成年度目标的50.2%": the share reached
    if quoted_plan(norm, cand.sentence, cand.clause[0], cand.start, cand.end):
        return "target", 0.85, None  # a target quoted in a review ("控制在预期4.2%以内")
    if _TASK_LIST.search(norm, max(cand.sentence[0], cand.start - LOOKBACK), cand.start):
        return "target", 0.8, None  # "未达到序时进度11项,为…完成投资80亿元、…": tasks named
    if (
        TARGET_AFTER.match(after)
        or named_task(norm, cand.start, cand.end)
        or ("、" in local and LISTED_WORK.match(norm, cand.end, cand.sentence[1]))
    ):
        return "target", 0.9, None  # … and "…、建设提升50处口袋公园、…等13项工作"
    if (_PUT_ON_LIST.search(local) and _ON_LIST_AFTER.match(norm, cand.end, cand.clause[1])) or (
        LEFT_OUT_AFTER.match(norm, cand.end) and not _OUTCOME_STRONG.search(local)
    ):
        # "将172个行政村…任务列入民生实事项目"; "68个改造项目除暂缓实施的5个外,其余63个已全部启动"
        return "target", 0.85, None
    if (
        prev_role == "target"
        and _SCOPE_CLAUSE.fullmatch(local)
        and re.search(r"[0-9]", norm[cand.sentence[0] : clause_start])
    ):
        return "target", 0.75, None  # "…任务列入民生实事项目,共涉及26692户": the task's scope
    if item_task(norm, ctx.sentences, cand.sentence, cand.unit):
        return "target", 0.75, None  # "二、新建农村公路5000公里。全年完成5862公里"
    if cand.unit != "%" and before_bare_progress(norm, ctx.sentences, cand.sentence):
        return "target", 0.7, None  # "建设四好农村路55公里。95%": a row's task, its progress
    if cand.unit == "%" and bare_progress(norm, ctx.sentences, cand.sentence, cand.start):
        return "outcome", 0.7, None
    if (
        cand.task
        or item_before_progress(norm, ctx.sentences, cand.sentence)
        or item_restated_done(norm, ctx.sentences, cand.sentence, cand.start, cand.unit)
    ):
        # "实事二:…300公里,…120座。截至6月30日,完成…"; the target a later rate implies
        return "target", 0.75, None
    past = ctx.ref_year is not None and when.last < ctx.ref_year
    estimate = (
        past
        or _late_in(ctx, when)
        or _PART_OF_YEAR.search(norm, cand.sentence[0], clause_start) is not None
    )
    words = [w.group() for w in _TARGET_BEFORE.finditer(local)]
    if _DONE_AFTER.match(norm, cand.end) and not any(_MODAL.fullmatch(w) for w in words):
        return "outcome", 0.8, None  # "规划建设校舍面积86.66万平方米全部开工": done
    if any(not (estimate and _ESTIMATE.fullmatch(w)) for w in words):
        # "预计全年增长6.3%" of a year already over, or in its last quarter, is an estimate of
        # the outcome, not a plan; "…的主要预期目标是…增长7%左右" is a plan all the same.
        return "target", 0.85, None
    if (
        not estimate
        and _MODAL_LEADS.search(norm, cand.sentence[0], clause_start)
        and not _DONE_SINCE.search(norm, cand.sentence[0], cand.start)
    ):
        return "target", 0.75, None  # "确保投资达到120亿元以上,资金同比增长20%以上"
    if _COMPARED_WITH_TARGET.match(norm, cand.end, cand.sentence[1]) or (
        _DONE_OF_PLAN.match(local) and _PLAN_CLAUSE.search(norm, cand.sentence[0], clause_start)
    ):
        # "涨幅为2.1%,比“3%左右”的既定目标低"; "计划投资2.1亿元,完成投资2.3亿元": done of it
        return "outcome", 0.85, None
    window = max(cand.paragraph.start, cand.start - LOOKBACK)
    full_start = max(norm.rfind(stop, window, cand.start) for stop in "。!?") + 1
    if plan_heading(norm, max(full_start, window), cand.start, past):
        return "target", 0.8, None  # "主要预期目标是:…;…;…"
    if not LIST_BREAK.search(norm, cand.sentence[0], cand.start) and in_plan_list(
        norm, ctx.sentences, cand.sentence[0], max(0, cand.start - LOOKBACK), past, when.last
    ):
        return "target", 0.75, None  # an item of a list under "主要预期目标" a few sentences back
    if cand.numerator is not None or cand.baseline is not None:
        return "outcome", 0.9, None  # a completion rate, a ratio or a change: already reached
    sentence_before = norm[_since_year_changed(cand, ctx) : cand.start]
    if _OUTCOME_STRONG.search(sentence_before):
        return "outcome", 0.85, None
    if cand.pre in ("不低于", "不少于") or _FLOOR_BEFORE.search(local):
        return "target", 0.75, None  # "低保标准不低于3480元/年": a floor set, even when dated
    if _PLAN_NAMED_AFTER.fullmatch(norm, cand.end, cand.clause[1]) and not _DONE_VERB.search(local):
        return "target", 0.75, None  # "全省5000个配电台区改造升级计划,已开工建设891个"
    if when.task and when.last > now(ctx).year:
        return "target", 0.75, None  # "2606个撤并村通公路(2013—2017年)": a task not yet due
    if when.since or when.dated:  # "2021年以来", "截至9月底": a figure already reached
        return "outcome", 0.8, None
    first, last = when.first, when.last
    if ctx.ref_year is not None:
        if last < ctx.ref_year:
            return "outcome", 0.8, None
        if first > ctx.ref_year:
            return "target", 0.75, None
        if (
            ctx.date_known
            and last > ctx.ref_year
            and not _OUTCOME_STRONG.search(norm, cand.end, cand.clause[1])
        ):
            # "到2025年,全市新建幼儿园20所" in a 2023 article: its year has not come, and
            # nothing says it is reached ("…已提前完成总目标任务")
            return "target", 0.75, None
    if (from_article := _article_role(ctx, when)) is not None:
        return from_article
    # The wording from the start of the sentence to the end of the figure's clause.
    scope = norm[cand.sentence[0] : cand.clause[1]]
    plan = len(_PLAN_WORDS.findall(scope)) + len(_PLAN_VERBS.findall(scope)) / 2
    review = len(_REVIEW_WORDS.findall(scope)) + len(_REVIEW_VERBS.findall(scope)) / 2
    if plan > review:
        return "target", 0.6, "role from the plan wording of the sentence"
    if review > plan:
        return "outcome", 0.6, "role from the review wording of the sentence"
    if prev_role is not None:
        return prev_role, 0.55, "role of the figure before it in the paragraph"
    plan, review = _paragraph_balance(norm, cand.paragraph, ctx)
    if plan > review and ctx.stance != "report":  # not in a report of work done (its opening)
        return "target", 0.5, "role from the plan wording of the paragraph"
    return "outcome", 0.5, "role from the review wording of the paragraph (default)"


def _article_role(ctx: ArticleContext, when: When) -> tuple[Role, float, str] | None:
    """The role the article as a whole gives a figure its sentence leaves open: its opening (a
    notice handing out the year's work), its date, or a year written out in an undated text."""
    if ctx.stance == "plan":
        return "target", 0.6, "role: the article hands out a plan (its opening)"
    if when.period_note is None and _year_just_begun(ctx, when.first, when.last):
        # A whole year's figure in a report of its first quarter cannot have been reached yet.
        return "target", 0.65, "role: a figure of the year just begun (the article's date)"
    if when.absolute and not ctx.date_known and not _this_year_told(ctx, when):
        # An undated text that writes the year out ("2024年,…") rather than "今年" is
        # looking back on it.
        return "outcome", 0.65, "role: a year written out in an undated text reads as a review"
    return None


def _this_year_told(ctx: ArticleContext, when: When) -> bool:
    """Whether an undated text looks back on the year before the figure's or heads its year's
    plan as 今年's ("今年主要预期目标 … 2021年地区生产总值目标确定为…"): writing the figure's year
    out is then no looking back."""
    return ctx.this_year_planned and when.first == when.last == ctx.ref_year


def _since_year_changed(cand: Candidate, ctx: ArticleContext) -> int:
    """Where the figure's sentence last turns to another year: the completion wording of the
    year before is not the figure's ("2025年…粮食产量创历史新高 2026年地区生产总值增长4.5%左右",
    lines without full stops run together)."""
    index = bisect.bisect_right(ctx.event_starts, cand.start) - 1
    year: int | None = None
    at = cand.sentence[0]
    for event in ctx.events[index::-1] if index >= 0 else ():
        if event.at < cand.sentence[0]:
            break
        if event.last is None:
            continue
        if year is not None and event.last != year:
            return at
        year, at = event.last, event.at
    return cand.sentence[0]


# Completion right after the figure ("…86.66万平方米全部开工", "…41家场馆均已落实"): the figure
# was reached, whatever noun of a plan (规划, 计划) names it; a modal (确保, 力争) still plans it.
_DONE_AFTER = re.compile(
    r"\s*(?:均已|已经|已|全部|全面|均)(?:建成|完成|完工|竣工|开工|投用|投入使用|通过验收|落实)"
)
# A clause that names the plan the figure counts ("全省5000个配电台区改造升级计划"), not one that
# tells it done ("完成100个村改造任务", "4.2万口山坪塘已提前完成总目标任务").
_PLAN_NAMED_AFTER = re.compile(r"(?:(?!已|完成|实现|建成)[^,;。0-9%]){0,16}?(?:计划|任务)[,,;。]?")
_DONE_VERB = re.compile(r"完成|实现|建成|了")
_FLOOR_BEFORE = re.compile(r"(?:不低于|不少于)(?:每人每[月年]|每[人户]|人均)?$")
_MODAL = re.compile(r"确保|力争|争取.*|要|拟")
# A modal that leads the sentence plans its later clauses too, unless one tells what was done.
# ... and so does a sentence that names its tasks ("任务目标是棚改开工8264套,棚改安置房建成6985套")
# or opens on the year's expectation ("2019年,地区生产总值预期增长7.5%,…,安排年度重点项目208个").
_MODAL_LEADS = re.compile(r"(?:确保|力争)(?!了)|(?:任务|目标)(?:是|为)|(?<![低高超比于过])预期增长")
_DONE_SINCE = re.compile(rf"累计|截至|截止|已|{DONE_LE}|以来|共计|完成率")


# What was done, told in the clause after the plan's ("计划投资2.1亿元,完成投资2.3亿元").
_DONE_OF_PLAN = re.compile(r"\s*(?:实际|已|共|累计)?完成(?:了)?[^,;。0-9计划目标任务]{0,6}$")
_PLAN_CLAUSE = re.compile(rf"(?:{_PLAN_NOUNS})[^,;。]{{0,12}}?[0-9][^;。]*[,,]")


# Target wording that is an estimate when the year is over ("预计全年增长6.3%").
_ESTIMATE = re.compile(r"预计|预期")
# ... or after the figure of part of the year ("1—10月完成170.6亿元,…,全年预计同比增长8.0%").
_PART_OF_YEAR = re.compile(r"[0-9]{1,2}\s*[-—–~至]\s*[0-9]{1,2}月|前三季度|上半年|截至|截止")


def _late_in(ctx: ArticleContext, when: When) -> bool:
    """Whether the article is dated in the last quarter of the figure's (one) year."""
    date = ctx.date
    return (
        ctx.date_known
        and date is not None
        and when.first == when.last == date.year
        and date.month > _THIRD_QUARTER
    )


_THIRD_QUARTER = 9


def _year_just_begun(ctx: ArticleContext, first: int, last: int) -> bool:
    date = ctx.date
    return (
        ctx.date_known
        and date is not None
        and first == last == date.year == ctx.ref_year
        and date.month <= _FIRST_QUARTER
    )


_FIRST_QUARTER = 3


def _paragraph_balance(norm: str, para: Paragraph, ctx: ArticleContext) -> tuple[float, float]:
    """Plan and review wording of a paragraph, counted once per paragraph."""
    if para.index not in ctx.balance:
        text = norm[para.start : para.end]
        plan = len(_PLAN_WORDS.findall(text)) + len(_PLAN_VERBS.findall(text)) / 2
        review = len(_REVIEW_WORDS.findall(text)) + len(_REVIEW_VERBS.findall(text)) / 2
        if ctx.ref_year is not None:  # years already past are told as a review
            review += sum(1 for y in years_mentioned(text) if y < ctx.ref_year)
        ctx.balance[para.index] = (plan, review)
    return ctx.balance[para.index]
