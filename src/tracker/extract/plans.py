"""Plan lists: a heading ("主要预期目标是:", "为民兴办10件实事:", "这10件实事分别为:") and
the items after it, which are targets even when they carry no target wording of their own."""

from __future__ import annotations

import bisect
import re

# A list's heading: the main targets of a work report, or a list of the year's 实事 (a 民生实事
# list names what will be done: "2019年,市委、市政府为民兴办10件实事:一是…").
_TARGET_HEADER = re.compile(
    r"(?:预期|主要|工作|发展)?目标(?:任务)?(?:是|为)?:|目标任务是"
    r"|(?:预期|约束性)指标(?:是|为)?:"  # "主要预期指标是:…", "约束性指标是:…"
    r"|(?:主要(?:预期)?|预期)目标(?![^,;。:]{0,6}?(?:完成|实现|达到|执行|进展|情况))"
    r"|实事(?:项目)?(?:分别为|分别是|如下|是|为)?:"
    # "努力办好十方面民生实事。一是…": the year's 实事 announced, then listed
    r"|(?<!已)(?:办好|兴办|办理)(?!了)[^,;。:0-9了]{0,10}?实事(?:项目)?[”\"]?(?=[。:])"
    # "市政府要为大家办这十件民生实事" (a headline), "十件民生实事项目正式出炉": the year's list
    r"|(?:要|将|拟)(?:为[^,;。:0-9了]{0,6}?)?办(?:好)?(?!了)[^,;。:0-9了]{0,10}?实事"
    r"|实事(?:项目)?(?:正式)?(?:出炉|揭晓|公布)"
)


# A heading's target already reached: "全面完成了年初确定的主要预期目标", "实现预期目标:".
_HEADER_REACHED = re.compile(r"(?:完成|实现|达到|达成|超过|高于|低于)[^,;。:]{0,15}$")


# 了 of something done: not 为了 (in order to), 除了 (except) nor 了解; but 消除了, 拆除了.
DONE_LE = r"(?:(?<![为除])|(?<=[消拆排清解破去根免剔]除))了(?!解)"


# Wording that closes a plan list: a review, or a reason given for the plan.
LIST_BREAK = re.compile(
    rf"{DONE_LE}|已|累计|去年|过去|一年来|五年来|回顾|(?<![^,;:。])实际(?!利用|使用)"
    r"|执行结果|主要考虑|考虑是|为实现|为完成"
    r"|截至|截止|以来|上半年|前三季度|[0-9]{1,2}月"  # a date: figures reached by then
    r"|(?:完成|推进|进展|落实)情况[::]"  # "目标任务:…。完成情况:…": the report after the task
)


_LIST_SENTENCES = 12  # how many sentences back a list's heading may stand
# ... and a list of 实事, in sentences and in characters further back than a list of targets:
# it may run to forty numbered items under section headings ("一、教育文体方面(7项)1、新建…40所。
# …18、…"), or ten items of several sentences each.
_SHISHI_SENTENCES = 100
_SHISHI_REACH = 2400


_ANY_DIGIT = re.compile(r"[0-9]")


# The theme of an item that the item's figures follow: "——经济保持平稳较快增长。生产总值…".
_ITEM_THEME = re.compile(
    r"\s*(?:——|[●■◆▲•▪★☆◇□]|\(?[一二三四五六七八九十0-9]{1,2}[)、.]|[一二三四五六七八九十]{1,2}是)"
)
_THEME_LENGTH = 24


def heading(norm: str, start: int, end: int) -> re.Match[str] | None:
    """A plan list's heading in norm[start:end] ("主要预期目标是:"), unless it tells the
    target reached."""
    for match in _TARGET_HEADER.finditer(norm, start, end):
        if not _HEADER_REACHED.search(norm, max(start, match.start() - 20), match.start()):
            return match
    return None


# What announces a list: "主要预期目标是:", "目标任务如下:".
_ANNOUNCED = re.compile(r"(?:任务)?(?:是|为|如下)?:")


def plan_heading(norm: str, start: int, end: int, past: bool) -> bool:
    """Whether a plan list's heading stands in norm[start:end]. For a year already past only a
    heading that announces its list ("2020年全市…的主要预期目标是:") counts: a year's "主要预期
    目标" without it is as often the subject of the review ("2019年主要预期目标完成较好")."""
    found = heading(norm, start, end)
    # "年度目标:5万人;1-9月完成:4.2万人": a date after the heading ends its list
    return (
        found is not None
        and (not past or _announces(norm, found))
        and not LIST_BREAK.search(norm, found.end(), end)
    )


def _announces(norm: str, found: re.Match[str]) -> bool:
    return found.group().endswith(":") or _ANNOUNCED.match(norm, found.end()) is not None


def _theme(norm: str, start: int, end: int) -> bool:
    return end - start <= _THEME_LENGTH and _ITEM_THEME.match(norm, start) is not None


def in_plan_list(
    norm: str,
    sentences: list[tuple[int, int]],
    sentence_start: int,
    window: int,
    past: bool,
    year: int | None = None,
) -> bool:
    """Whether the sentence starting at ``sentence_start`` is an item of a plan list whose
    heading ("主要预期目标是:", "二、2018年发展主要预期目标", "提出…主要预期目标:") stands in
    a sentence before it, not before ``window`` (in its block or the blocks of the list's
    numbered items before), of the figure's ``year`` when the heading names one ("2026年…主要
    预期目标是:…。2025北京全市地区生产总值5.2万亿元": last year's outcome, not an item): every
    sentence between holds a figure (or is an item's theme,
    "——经济保持平稳较快增长。", or an item of its own, "…国际收支基本平衡;") and no review
    wording. A list of 实事 may also hold sentences without figures ("三是加强城乡环境整治。
    继续推进…。全面推进农村污水治理,受益农户达到110万户。"). For a year already past, only
    a heading that announces its list counts (``plan_heading``); a list of 实事 reaches
    ``_SHISHI_REACH`` characters further back than ``window``."""
    i = bisect.bisect_left(sentences, (sentence_start, -1))
    reach = max(0, window - _SHISHI_REACH)
    bare = False  # a sentence between with no figure, no theme: only a 实事 list goes on
    for back, (start, end) in enumerate(sentences[max(i - _SHISHI_SENTENCES, 0) : max(i, 0)][::-1]):
        if end <= reach:
            return False
        header = heading(norm, max(start, reach), end)
        if header:
            far = back >= _LIST_SENTENCES or bare or header.start() < window
            if far and "实事" not in header.group():
                return False
            if past and not _announces(norm, header):
                return False
            named = _HEADING_YEAR.findall(norm, start, header.start())
            if year is not None and named and int(named[-1]) != year:
                return False
            return not LIST_BREAK.search(norm, header.end(), end)
        if LIST_BREAK.search(norm, start, end):
            return False
        item = norm[end - 1 : end] in _ITEM_ENDS
        if not (_ANY_DIGIT.search(norm, start, end) or _theme(norm, start, end) or item):
            bare = True
    return False


_ITEM_ENDS = frozenset(";;")
_HEADING_YEAR = re.compile(r"((?:19|20)[0-9]{2})年")


# A figure inside the quoted name of a task ("“为1万名贫困白内障患者实施免费复明手术”一项中").
# ... or in a list of projects by name ("“新开工提标加固海塘18.4公里”(市水利局)、“…”等5个项目"),
# the names run together ("“新增公交车50辆”“新增公交线路2条”等8小项已完成").
_NAMES_AFTER = r"(?:“[^“”;。]{0,60}”){0,12}(?:\([^()]{0,12}\))?(?:一项|项目|工程|行动|、|等)"
NAMED_TASK = re.compile(rf"[^“”,;。]{{0,30}}”{_NAMES_AFTER}")
# ... a comma allowed inside a name whose opening quote is told ("“新建幼儿园1所,新增学位360个”等")
_NAMED_TASK_OPEN = re.compile(rf"[^“”;。]{{0,40}}”{_NAMES_AFTER}")


def named_task(norm: str, start: int, end: int) -> bool:
    """Whether the figure at norm[start:end] is inside the quoted name of a task."""
    if NAMED_TASK.match(norm, end):
        return True
    opening = norm.rfind("“", max(start - 40, 0), start)
    return (
        opening >= 0
        and "”" not in norm[opening:start]
        and _NAMED_TASK_OPEN.match(norm, end) is not None
    )


# A task, those of it left out, and the rest: "68个老旧小区改造项目除暂缓实施的5个小区外,其余63个
# 小区已全部启动".
LEFT_OUT_AFTER = re.compile(r"[^,;。0-9]{0,16}?除[^;。]{0,40}?外[,,]\s*其余")


# A figure in a list of works named by their tasks, closed by their count ("完成了…、建设提升50处
# 口袋公园、增建球类运动场地等13项工作"): the task's target, not what was done.
LISTED_WORK = re.compile(
    r"[^,;。0-9]{0,24}?、[^,;。]{0,60}?等[0-9一二三四五六七八九十]+项"
    r"(?:工作|任务|民生实事|实事|民心工程)"
)


# Targets quoted in a review. What a report proposed ("去年政府工作报告提出,2018年全年再为企业
# 和个人减税8000多亿元"): targets through the sentence, until the review tells the outcome.
_PROPOSED = re.compile(r"(?:报告|纲要|规划)》?[”\"]?(?:中)?(?:提出|要求|明确|承诺|确定)(?:了)?")
_ACTUAL = re.compile(
    r"实际|事实上|而|结果|(?:完成|实现|达到)了"
    r"|(?:目标|任务|指标)[^,;。]{0,8}?(?:完成|实现|兑现|落实|达成)"  # "确定的主要目标全面完成"
)


# The target right after 预期 ("控制在预期4.2%以内", "低于预期的3%").
_QUOTED_EXPECTED = re.compile(r"(?:控制在|在|低于|高于|好于|于)预期(?:的)?(?:目标)?$")


# Figures naming projects, counted and said to be ahead of their milestones: "新建通屯油路350
# 公里、大中修农村公路400公里等6个项目提前或超额完成了节点任务".
_NAMES_TASKS = re.compile(
    r"[^,;。]{0,80}?等[0-9一二三四五六七八九十]+(?:个|项|件)(?:项目|工程|实事|任务)?"
    r"[^;。]{0,12}?(?:节点|序时|时序|进度)"
)


def quoted_plan(
    norm: str, sentence: tuple[int, int], clause_start: int, start: int, end: int
) -> bool:
    """Whether the figure at norm[start:end] is a plan's target quoted in a review: what a
    report proposed, a figure right after 预期, or a project named by its target."""
    proposed = [m.end() for m in _PROPOSED.finditer(norm, sentence[0], start)]
    if proposed and not _ACTUAL.search(norm, proposed[-1], start):
        return True
    if _QUOTED_EXPECTED.search(norm, clause_start, start):
        return True
    return _NAMES_TASKS.match(norm, end, sentence[1]) is not None


# A numbered item that names its task ("二、新建农村公路5000公里。"), then a sentence that tells
# what was done of it ("全年完成5862公里,为年度任务的117.2%。"): the item's figure is the target.
_ITEM_MARK = re.compile(
    r"\s*(?:[一二三四五六七八九十]{1,3}[、是]|\(?[一二三四五六七八九十0-9]{1,2}\)|[0-9]{1,2}[.、](?![0-9])"
    r"|实事(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2}):)"
)
_ITEM_DONE = re.compile(r"完成|实现|已|累计|达到|建成")
_NEXT_DONE = re.compile(r"完成|已|累计|实现|建成|为[^,;。]{0,10}的[0-9.]+%")
_NEXT_LEAD = re.compile(
    r"(?:全年|今年|当年|共|累计|实际|已经|已|全面|超额)*(?:完成|实现|建成)?(?:了)?"
)
_ITEM_LENGTH = 48


def item_task(
    norm: str, sentences: list[tuple[int, int]], sentence: tuple[int, int], unit: str
) -> bool:
    """Whether a figure of ``unit`` in ``sentence`` is the task a numbered item names, told
    done in the sentence after it with a figure of the same unit, of the same thing (its words
    repeated, or none: "全年完成5862公里")."""
    s0, s1 = sentence
    mark = _ITEM_MARK.match(norm, s0)
    if mark is None or s1 - s0 > _ITEM_LENGTH or _ITEM_DONE.search(norm, s0, s1):
        return False  # "(二)全省新增41家场馆均已落实…": the item tells what was done
    i = bisect.bisect_left(sentences, (s0, -1))
    if i + 1 >= len(sentences):
        return False
    nxt = norm[sentences[i + 1][0] : sentences[i + 1][1]]
    units = "人|名|位" if unit in ("人", "名", "位") else re.escape(unit)  # 6万名…; 完成6.3万人
    figure = re.search(rf"[0-9](?:万|亿)?(?:{units})", nxt)
    if figure is None or not _NEXT_DONE.search(nxt):
        return False
    lead = nxt[: figure.start()].rstrip("0123456789.")
    named = lead[_NEXT_LEAD.match(lead).end() :]  # type: ignore[union-attr]
    noun = norm[mark.end() : s1]  # the item's words, before the figure and after it
    # the same thing: a word of the item's repeated ("…“两癌”筛查6万人。全年完成筛查6.3万人")
    width = 2 if len(named) <= _SHORT_NAME else 3
    return len(named) <= 1 or any(noun[k : k + width] in named for k in range(len(noun) - 1))


_SHORT_NAME = 3


# An item that names tasks, then a sentence that reports their progress by a date ("实事二:新改
# 扩建“四好农村路”300公里,加固改造危桥120座。截至6月30日,完成…163.98公里"): the item's figures
# are its targets. The item tells no time and nothing done; the report opens with its date.
_PROGRESS_OPENS = re.compile(
    # who leads it may come first ("市残联牵头实施,分3个子项目,截至9月底:…")
    r"(?:[^,;。:]{0,12}?(?:牵头|负责)[^;。:]{0,20}?,)?"
    r"[^,;。:]{0,6}?(?:截至|截止|目前|[0-9]{1,2}\s*[-—–~至]\s*[0-9]{1,2}月|上半年|前三季度"
    r"|(?:第)?[一二三]季度|[0-9]{1,2}月(?:底|末|份))"
)
_ITEM_SENTENCES = 6
# ... or a heading of the progress made, a line or two after the item ("一、…培训2万人次…。年度投资
# 目标…,1-3月完成投资2513万元。推进情况:1. …培训5585人次。"), maybe after the item's remark
# ("3.完成5550亩矿山生态修复。(责任单位:州自然资源局)推进情况:…"): the item is a task even
# when its verb is one of completion (完成, 实现).
_PROGRESS_HEADING = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:推进|进展|进度|落实|完成)情况[::]")
_HEADING_SENTENCES = 3


# A report headed as one, after the item it reports on ("1.新开工老旧小区改造221个。(责任单位:
# 州住建局)推进情况:目前已完成…"): the item names the task, whatever verb it uses (完成, 实现).
_REPORT_OPENS = re.compile(
    r"\s*(?:\([^()]{0,30}\)\s*)?(?:推进|进展|进度|完成|落实|工作)(?:情况|进度)[::]"
)


def item_before_progress(
    norm: str, sentences: list[tuple[int, int]], sentence: tuple[int, int]
) -> bool:
    """Whether the sentence is (part of) a numbered item whose progress the first sentence
    after it reports, opening with a date, or a report headed as one comes after it."""
    i = bisect.bisect_left(sentences, (sentence[0], -1))
    if i >= len(sentences) or sentences[i] != sentence:
        return False
    k, done = i, False
    while True:
        s0, s1 = sentences[k]
        if LIST_BREAK.search(norm, s0, s1):
            return False  # a time or something done: not a task
        done = done or _ITEM_DONE.search(norm, s0, s1) is not None
        if _ITEM_MARK.match(norm, s0):
            break
        k -= 1
        if k < 0 or i - k >= _ITEM_SENTENCES:
            return False
    for j in range(i + 1, min(i + 1 + _HEADING_SENTENCES, len(sentences))):
        if _ITEM_MARK.match(norm, sentences[j][0]):
            break
        if _PROGRESS_HEADING.match(norm, sentences[j][0]):
            return True
    if done:
        return False  # the item tells something done ("完成", "实现"), no progress heading after
    for j in range(i + 1, min(i + 1 + _ITEM_SENTENCES, len(sentences))):
        s0, s1 = sentences[j]
        if _PROGRESS_OPENS.match(norm, s0, s1) or _REPORT_OPENS.match(norm, s0, s1):
            return True
        if (
            _ITEM_MARK.match(norm, s0)
            or LIST_BREAK.search(norm, s0, s1)
            or _ITEM_DONE.search(norm, s0, s1)
        ):
            return False
    return False


# An item that names its tasks, then sub-items that tell each done ("三、新增300所学校体育场向社会
# 开放,新增41家图书馆…开放…。(一)全省新增301所学校均已…开放;(二)全省新增41家场馆均已落实…"):
# the item's figure is the task when a sub-item restates it, in its unit and words, as done. (The
# item's heading often runs into its first sentence, a report of its funds, its line break lost.)
_TOP_MARK = re.compile(r"\s*[一二三四五六七八九十]{1,3}、")
_SUB_MARK = re.compile(r"\s*\(\s*[一二三四五六七八九十]{1,2}\s*\)")
_SUB_DONE = re.compile(r"均已|已经|已|全部|完成|建成|实现")
_SUB_SENTENCES = 8
_CLAUSE_CUT = re.compile(r"[,,;。:!?]")


def item_restated_done(
    norm: str, sentences: list[tuple[int, int]], sentence: tuple[int, int], start: int, unit: str
) -> bool:
    """Whether the figure at ``start`` is a task of a numbered item that one of the item's
    sub-items restates, with a figure of the same unit and a word of the task, as done."""
    s0, s1 = sentence
    mark = _TOP_MARK.match(norm, s0)
    if mark is None or "、" in _CLAUSE_CUT.split(norm[max(0, s0 - 40) : s0])[-1]:
        return False  # not "…沁和坊、真如镇街道真西一、真如镇…": a name in a list, cut at 一、
    if _ITEM_DONE.search(norm, s0, start) or LIST_BREAK.search(norm, s0, start):
        return False
    clause_end = min((k for k in (norm.find(c, start, s1) for c in ",,;") if k >= 0), default=s1)
    task = re.sub(r"[0-9.]+", "", norm[mark.end() : clause_end]).replace(unit, "")
    words = {task[k : k + 2] for k in range(len(task) - 1)}
    i = bisect.bisect_left(sentences, (s0, -1))
    for j in range(i + 1, min(i + 1 + _SUB_SENTENCES, len(sentences))):
        t0, t1 = sentences[j]
        if _TOP_MARK.match(norm, t0):
            return False
        if not _SUB_MARK.match(norm, t0) or not _SUB_DONE.search(norm, t0, t1):
            continue
        for figure in re.finditer(rf"[0-9](?:万|亿)?{re.escape(unit)}", norm[t0:t1]):
            near = norm[t0 : t0 + figure.end() + 8]
            if any(w in near for w in words if w.strip()):
                return True
    return False


# A table's row as text: the item's tasks, then its progress as a bare percentage in the next
# cell ("建设四好农村路55公里。95%县交通局…", "完成…18个乡镇应急广播分控中心…建设。98%"): the
# item's figures are its targets, the percentage the progress made.
_BARE_PROGRESS = re.compile(r"\s*[0-9]+(?:\.[0-9]+)?%(?![0-9]|的|以上|以下|左右|以内|[,,;。])")
_DONE_IN_ITEM = re.compile(r"已|累计|截至|截止|" + DONE_LE)


def before_bare_progress(
    norm: str, sentences: list[tuple[int, int]], sentence: tuple[int, int]
) -> bool:
    """Whether the sentence after ``sentence`` opens with a bare percentage (the progress
    cell of the row whose task the sentence names), and the sentence tells nothing done."""
    i = bisect.bisect_left(sentences, (sentence[0], -1))
    if i + 1 >= len(sentences) or sentences[i] != sentence:
        return False
    return _BARE_PROGRESS.match(norm, sentences[i + 1][0]) is not None and not (
        _DONE_IN_ITEM.search(norm, *sentence)
    )


def bare_progress(
    norm: str, sentences: list[tuple[int, int]], sentence: tuple[int, int], start: int
) -> bool:
    """Whether the percentage at ``start`` is a row's progress cell: it opens its sentence, and
    the sentence before names the row's tasks."""
    i = bisect.bisect_left(sentences, (sentence[0], -1))
    if i < 1 or i >= len(sentences) or sentences[i] != sentence:
        return False
    if norm[sentence[0] : start].strip():
        return False
    return before_bare_progress(norm, sentences, sentences[i - 1])
