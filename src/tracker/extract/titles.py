"""Each figure's title, the indicator as the text names it (a whole noun phrase: no lead
verb, connective or item number, brackets closed), and its category."""

from __future__ import annotations

import bisect
import re

from tracker.extract.candidates import Candidate
from tracker.extract.roles import TARGET_AFTER
from tracker.extract.tasks import ITEM_MARK, same_unit
from tracker.extract.text import View
from tracker.extract.when import ArticleContext

_CATEGORIES = (
    ("就业", r"就业|招聘|岗位|创业|劳动力|务工|用工|失业|稳岗|扩岗|留工|劳务|技能人才|人才"),
    ("教育", r"学校|教育|学位|幼儿园|学生|教师|高校|课后|高中|小学|中学|考生|上线|培训机构|办学"),
    ("医疗卫生", r"医院|医疗|卫生|诊|医保|健康|医生|患者|门诊|手术|急救|疾控|医共体|医养"),
    ("养老", r"养老|老年|照料|助餐|适老"),
    ("社会保障", r"社保|低保|救助|残疾|参保|兜底|困难群众|特困|社会保险"),
    ("文化", r"文化|送戏|演出|图书|文旅|体育"),
    ("住房", r"住房|棚户|安置|保障房|老旧小区|公租房"),
)


_TITLE_LEAD = re.compile(
    r"^(?:[\s\"“”'‘’、●■◆▲•▪★☆◇□]|——|§[^§]{0,16}§"
    r"|[^,;。]{0,16}?(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:讯|电)|本报讯|"  # a news dateline
    r"[一二三四五六七八九十]{1,3}(?:、|是)|[0-9]{1,2}[、.](?![0-9])"
    # an item's number on a line of its own, run into the item
    r"|[0-9]{1,2}(?=[\u4e00-\u9fff])(?![年月日个项件大类条万亿千百名人元至到])"
    r"|\(?[一二三四五六七八九十0-9]{1,2}\)|确保|力争|争取|计划|要|顺利|完成了|完成|实现了|实现|省定|市定|县定|"
    r"到\d{4}年(?:年底|底|末)?|同时|此外|另外|其中|并且|并|还|以及|全年|今年以来|今年|去年|"
    r"全国|全市|全区|全县|全省|全州|全盟|全旗|我市|我区|我县|我省|共计|共|累计|先后|已经|已|目前|"
    r"年初(?:确定|设定|提出)(?:的)?|(?:年度|全年)目标(?:任务)?(?:是|为)?|目标任务(?:是|为)?|"
    r"截至目前|据悉|据了解|为此|将(?![乐军领士])|实际(?=完成|增长|下降|达到|为|实现)|积极|大力|持续|全力|有效|今后|"
    r"\d{4}年(?:以来|来|度)?|(?:19|20)\d{2}(?=[\u4e00-\u9fff])|\d{1,2}\s*[-—–~至]\s*\d{1,2}月(?:份)?(?:底|末)?|截至\d{1,2}月\d{1,2}日)+"
)


_TITLE_TAIL = re.compile(
    r"(?:[0-9]{4}年(?:底|末)?|达到了|达到|(?<![下到送抵])达|为|是|有|共有|共|累计|总计|合计|完成|实现|控制在|稳定在|保持在|的|了|:|由|从|已|方面"
    r"|\(|“)+$"
)


_TITLE_VERBS = re.compile(
    r"[、0-9]|和|及|以及|全部|开展|实现|完成|达到|进行|加入|覆盖|遍布|考上|签署|签订|通过|获|被"
    r"|参与|长期|启动|推行|用于|助力|促进|让|使|为|,"
)


_PREPOSITIONS = frozenset(
    ("对", "向", "为", "在", "将", "由", "从", "通过", "与", "和", "及", "给")
)


_CONNECTOR_END = re.compile(r"(?:和|及|、|与|以及|或)$")


_RELATIONAL = re.compile(r"占比|比例|比重|比率|增长|增幅|同比|总量|总数|人数|数量|规模|金额|达")


# An item marker inside a title: the words after it are the item's (a headline before it lost
# its line break).
_ITEM_INSIDE = re.compile(
    r"(?<![一二三四五六七八九十统唯第单同])[一二三四五六七八九十]是|\([一二三四五六七八九十]\)"
)


# Measure words that count the noun after them ("476个重点建设项目完成投资…"): that noun is the
# figure's, not the next figure's.
_COUNTING = frozenset("个所项条座家处栋台套辆名位件批") | {"公里", "千米"}


_COMPARING = re.compile(r"低于|高于|好于|优于|快于|慢于|控制在|保持在|不超过|不高于|在")


_BARE_VERB = re.compile(r"投资|投入|争取|安排|发放|筹集|拨付|下达|落实|整合|撬动|带动|吸引")


def figure_title(
    norm: str,
    cand: Candidate,
    ctx: ArticleContext,
    prev: Candidate | None,
    prev_title: str | None,
    earlier: str | None = None,
) -> str:
    """The indicator as the text names it: the words before the figure in its clause, plus
    the noun after it; the previous figure's name or the next clause when that is too short;
    with no words of its own ("全年完成5862公里,为年度任务的117.2%"), the nearest noun phrase
    before it: ``earlier``, the name of the figure before it in its block (of the same unit), or
    the words of the clause before. In a table copied with bars between its cells, its row's
    name."""
    return _cell_name(norm, cand) or _words_title(norm, cand, ctx, prev, prev_title, earlier)


def _words_title(
    norm: str,
    cand: Candidate,
    ctx: ArticleContext,
    prev: Candidate | None,
    prev_title: str | None,
    earlier: str | None,
) -> str:
    """The title from the words around the figure (``figure_title`` outside tables)."""
    lead_end = cand.baseline.start if cand.baseline is not None else cand.start
    start = cand.clause[0]
    task = cand.goal_target
    if task is not None and task.end <= cand.start and task.clause[0] < start:
        # "新建幼儿园20所,目前已完工15所": named with the task before it
        start, lead_end = task.clause[0], task.start
    if prev is not None and prev.clause == cand.clause and prev.end <= lead_end:
        start = max(start, prev.end)
    pre = _words_before(norm, cand, ctx, prev, start, lead_end)
    # What follows the figure, up to the next figure of the clause.
    rest = norm[cand.end : cand.clause[1]]
    post = re.split(r"\(?[0-9]", rest, maxsplit=1)[0]
    runs_on = len(post) < len(rest.rstrip(" ,;。:")) and cand.unit not in _COUNTING
    if len(pre) >= 3 and runs_on:
        # "城镇新增就业1206万人年末城镇调查失业率降到5.5%" (lines without stops run together):
        # the words up to the next figure name that one ("476个重点项目完成投资…" name this one)
        post = ""
    if post.startswith("、"):
        post = ""  # "新增就业3.1万人、失业人员再就业1.2万人": the next item's name
    post = re.split(r"[|\t]", post, maxsplit=1)[0]  # the next cell names another figure
    post = post.strip(" ,;。:、()")
    if TARGET_AFTER.match(post):
        post = ""
    post = post.removeprefix("的")
    noun = _TITLE_VERBS.split(post, maxsplit=1)[0] if post else ""
    if len(pre) >= 3:
        title = pre + noun
    elif pre and prev_title and _RELATIONAL.fullmatch(pre):
        title = prev_title + pre  # "在校生由…减少至…, 占比从…降至…": 在校生占比
    elif prev_title and _COMPARING.fullmatch(pre):
        title = prev_title  # "失业率5.2%,低于5.5%左右的预期目标": the target of the same
    elif pre and post:
        title = pre + (noun or post)
    elif pre and _BARE_VERB.fullmatch(pre):
        title = pre + _next_clause(norm, cand, ctx)  # "投资4100万元, 启动了…项目"
    elif pre:
        title = pre
    elif post:
        title = post
    elif prev_title:
        title = (
            prev_title if prev is None or prev.unit == cand.unit else f"{prev_title}({cand.unit})"
        )
    else:
        title = ""
    title = _ITEM_INSIDE.split(title)[-1]  # "…进展情况一是新建幼儿园": the item's words
    title = title.rpartition("——")[2]  # "保持稳定势头——城镇新增就业": the words after the dash
    title = _whole_phrase(_last_cell(title).strip(' ,;。:、“”"()'))
    if not title or _GENERIC.fullmatch(title) or _BARE_VERB.fullmatch(title):
        title = _named_around(title, norm, cand, ctx, prev, prev_title, start, earlier)
    if cand.growth:
        # "规模以上工业增加值同比增长10.1%" → 规模以上工业增加值增速; "同比增长3.2%" after
        # "地区生产总值806亿元" → 地区生产总值增速.
        named = _GROWTH_WORDS.sub("", title).removesuffix("目标").removesuffix("增速")
        base = named or (prev_title or "").removesuffix("增速")
        title = f"{base}增速" if base else title
    return _last_cell(title)[:24] or UNNAMED


UNNAMED = "(未命名)"


def without_heading_line(view: View, cand: Candidate, title: str) -> str:
    """The title without a short line run into it, a heading or a date line that ends with no stop
    ("一、就业工作\n全县城镇新增就业3200人": 城镇新增就业). Only the text's own line breaks tell it,
    so a text copied as one line keeps the longer title (its measure and category are read from
    that title either way); a long line before the break is prose wrapped, not a heading."""
    if cand.start <= cand.clause[0]:
        return title
    o_clause, o_figure = view.pos[cand.clause[0]], view.pos[cand.start]
    brk = view.original.rfind("\n", o_clause, o_figure)
    if brk < 0:
        return title
    line = view.original[view.original.rfind("\n", 0, brk) + 1 : brk].strip()
    if len(line) > _HEADING_LINE:
        return title
    at = bisect.bisect_right(view.pos, brk, cand.clause[0], cand.start)
    before = view.norm[cand.clause[0] : at]
    own = view.norm[at : cand.start].strip()
    if title in before and _names(own) and not _NOT_WORDS.search(own):
        return own[:24]  # the title is all heading (cut short): the line's own words
    for k in range(len(before)):
        if title.startswith(before[k:]) and _names(title[len(before) - k :]):
            return title[len(before) - k :]
    return title


def _names(words: str) -> bool:
    """Whether words left after a heading still name something ("城镇新增就业"), not a place
    or a scope only ("在漳州、三明…", "新增")."""
    return len(words) >= _MIN_TITLE and not _PREPOSITION_FIRST.match(words)


_HEADING_LINE = 20
_MIN_TITLE = 3
_PREPOSITION_FIRST = re.compile(r"[在对为向于从由将把按给]")
_NOT_WORDS = re.compile(r"[0-9\s|]")  # a row of a table, not a name


def _words_before(
    norm: str,
    cand: Candidate,
    ctx: ArticleContext,
    prev: Candidate | None,
    start: int,
    lead_end: int,
) -> str:
    """The words that name the figure before it (from ``start``, after the figure before it in
    its clause, to ``lead_end``)."""
    pre = _strip_lead(norm[start:lead_end], ctx)
    after_prev = prev is not None and start == prev.end
    if after_prev and _CONNECTOR_END.search(norm[start:lead_end]):
        # "新建8个X和25个Y": the second figure shares the verb of the first
        return _strip_lead(norm[cand.clause[0] : prev.start], ctx)  # type: ignore[union-attr]
    if after_prev and "、" in pre:
        return pre.rpartition("、")[2]  # "新建300个X、新建改造20个Y": the second item's own words
    return pre


def _last_cell(title: str) -> str:
    """Of words running over a table's cells ("持续推进中 | ||城市标准", "1\t新建公办园"), the last
    cell's."""
    cells = title.replace("\t", "|").split("|")  # a tab parts cells as a bar does
    if len(cells) == 1:
        return title
    return next((part for part in reversed(cells) if _HAS_WORD.search(part)), "").strip()


def _cell_name(norm: str, cand: Candidate) -> str | None:
    """In a table copied with " | " between its cells ("1 | 新建城市社区养老服务中心 | 20个 | 22个
    | 110%"): the words before the task the figure was read with, when the task has a cell of its
    own ("城镇新增就业2450人 | 县人社局 | 2712"); else the longest cell of words back to the row's
    start (a row number, alone or run into the last row's last cell): the row's name, not who
    leads it nor a remark."""
    cells = norm[cand.clause[0] : cand.start].replace("\t", "|").split("|")  # a tab parts cells too
    if len(cells) < _ROW_CELLS:
        return None
    task = cand.goal_target
    if task is not None and re.search(r"[|\t]", norm[task.end : cand.start]):
        cell_start = max(norm.rfind(bar, cand.clause[0], task.start) for bar in "|\t") + 1
        words = _whole_phrase(_CELL_EDGES.sub("", norm[cell_start : task.start]))
        if len(words) >= _MIN_NAME and not _BOUND_ONLY.fullmatch(words):
            return words[:24]
    names: list[str] = []
    closer_named = False  # the cell after this one (toward the figure) holds words
    back = [cell.strip(" ,;。:、") for cell in reversed(cells[:-1])][:_ROW_REACH]
    for k, words in enumerate(back):
        if _RUN_IN_NUMBER.search(words) or (closer_named and words.isdigit()):
            break  # "市民政局2 | 城镇新增就业", "| 1 | 促进重点群体稳定就业": the row's number
        closer_named = bool(_NAME_CELL.fullmatch(words))
        person = k + 1 < len(back) and _LEADER.search(back[k + 1]) and len(words) <= _NAME_LEN
        if closer_named and not _REMARK.search(words) and not person:
            names.append(words)
    return _whole_phrase(max(names, key=len))[:24] if names else None


_HAS_WORD = re.compile(r"[\u4e00-\u9fff]")
_ROW_CELLS = 3  # a row's name, a cell, the figure's own cell
_MIN_NAME = 2
# A cell that names: words with no digit (not "20个", nor the row number run into the last row's
# last cell, "市民政局2").
_NAME_CELL = re.compile(r"[^0-9|]*[\u4e00-\u9fff]{2}[^0-9|]*")
_RUN_IN_NUMBER = re.compile(r"[\u4e00-\u9fff)%][0-9]{1,3}$")  # "75%2": a rate's cell, then row 2
# A task cell's words that only bound its figure ("控制在4.5%以内"): not the row's name.
_BOUND_ONLY = re.compile(r"控制在|不低于|不少于|不高于|不超过|低于|高于|达到|保持在?|增长|下降")
_ROW_REACH = 8  # cells back from the figure
_LEADER = re.compile(r"(?:局|委|办|办公室|政府|公司|分局|中心)$")  # who leads; then a person's name
_NAME_LEN = 3
# ... not a remark, who leads the row, nor a header's word
_REMARK = re.compile(
    r"完成|推进|实施|启动|解决|进行|已|中$|(?:局|委|办公室|政府|公司|厅|署|单位|责任人|计划|备注)$"
)
_CELL_EDGES = re.compile(r"^[\s,;。:、]+|[\s,;。:、]+$")


# A title of the words of a task or of its report only: it names no indicator.
_GENERIC = re.compile(
    r"(?:年度|全年)?(?:目标任务|目标|任务|计划)?(?:数|量)?"
    # ... or a time with them only ("上半年完成1.48万人", "1-9月累计开工6所")
    r"|(?:(?:上半年|下半年|前三季度|[一二三四]季度|[0-9]{1,2}[-—~至][0-9]{1,2}月(?:份)?|全年|今年"
    r"|目前|当前|截至目前|截至[0-9]{1,2}月底?)[,,]?)?(?:已经|已|累计|共)?"
    r"(?:实际)?(?:完成|建成|开展|实施|完工|开工|竣工|新建|新增|达到|实现)(?:数|量)?"
    r"|上半年|下半年|前三季度|[一二三四]季度|[0-9]{1,2}[-—~至][0-9]{1,2}月(?:份)?|全年|目前|当前"
)


_GROWTH_WORDS = re.compile(
    r"(?:分别|同比|(?:比|较)?(?:上年|去年)(?:同期)?)?(?:增长|增速|增幅|涨幅|上涨|上升|提高|下降|降低|减少|回落|下滑|增加)"
    r"(?:了|为|达|达到)?$|^(?:分别|同比)"
)


_PAIRS = (("(", ")"), ("“", "”"), ("《", "》"), ("‘", "’"), ("[", "]"))


_LEAD_CONNECTIVE = re.compile(r"^(?:比|加上|也|并且|并|还|且|而且|而|但|和|与|及|以及|或)+")
_TAIL_VERB = re.compile(
    r"(?:回落至|回落到|下降至|下降到|降至|降到|降低至|降低到|提高至|提高到|提升至|提升到|增至|增加到"
    r"|上升至|上升到|达到|(?<![下到送抵])达|至|到|(?:再)?(?:提高|提升)|目标(?:为|是)?)+$"
)


def _named_around(
    title: str,
    norm: str,
    cand: Candidate,
    ctx: ArticleContext,
    prev: Candidate | None,
    prev_title: str | None,
    start: int,
    earlier: str | None,
) -> str:
    """The name of a figure whose own words name no indicator: none, a task's or a report's
    words only, or a bare verb."""
    if not title:
        return _nearest_phrase(norm, cand, ctx, start, earlier)
    if _GENERIC.fullmatch(title):
        # "年度目标新建公厕50座,实际建成52座", "任务数200张,完成数210张": what was done is named
        # by its task; a task named only as such, by the words before it.
        named = prev is not None and same_unit(prev.unit, cand.unit) and prev_title
        if named and not _GENERIC.fullmatch(prev_title or ""):
            return prev_title or ""
        nearest = _nearest_phrase(norm, cand, ctx, start, earlier)
        return nearest if _plain_name(nearest, ctx) else title
    # "四、农村道路。计划投资2.1亿元": the investment of the item named before it
    nearest = _nearest_phrase(norm, cand, ctx, start, earlier)
    if _plain_name(nearest, ctx):
        return nearest if nearest.endswith(title) else nearest + title
    return title


_NOT_PLAIN = re.compile(r"[0-9:\s]")


def _plain_name(name: str, ctx: ArticleContext) -> bool:
    """A name fit to stand for a figure that has none of its own: a few words, no figure, no
    region alone, no task or report words only."""
    if not 3 <= len(name) <= 16 or _NOT_PLAIN.search(name) or _GENERIC.fullmatch(name):
        return False
    found = ctx.region_keys.match(name) if ctx.region_keys is not None else None
    return found is None or found.stop < len(name)


def _whole_phrase(title: str) -> str:
    """A title as a whole noun phrase: no leading connective (比, 加上, 也), no trailing verb
    (回落至), every bracket and quotation mark closed."""
    previous = None
    while previous != title:
        previous = title
        title = _LEAD_CONNECTIVE.sub("", title)
        title = _TAIL_VERB.sub("", title)
        for opening, closing in _PAIRS:
            depth = 0
            for i, ch in enumerate(title):
                if ch == opening:
                    depth += 1
                elif ch == closing:
                    depth -= 1
                    if depth < 0:  # closed without opening: what precedes is a fragment
                        title = title[i + 1 :]
                        break
            else:
                if depth > 0:  # opened without closing: cut at the last unclosed opening
                    title = title[: title.rfind(opening)]
        title = title.strip(' ,;。:、"')
    return title


def _strip_lead(text: str, ctx: ArticleContext) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _TITLE_LEAD.sub("", text)
        if ctx.region_keys is not None:
            match = ctx.region_keys.match(text)
            if match:
                text = text[match.end() :]
    text = _TITLE_TAIL.sub("", text).strip()
    # A bare preposition before the figure ("对85所…", "为244户…") is not part of the name.
    return "" if text in _PREPOSITIONS else text


def _nearest_phrase(
    norm: str, cand: Candidate, ctx: ArticleContext, start: int, earlier: str | None
) -> str:
    """A name for a figure with no words of its own: those of its clause before a task it was
    read with, the figure before it, or the clause before it."""
    own = _whole_phrase(_strip_lead(norm[cand.clause[0] : cand.start], ctx).strip(" ,;。:、"))
    if own and start != cand.clause[0] and not _GENERIC.fullmatch(own):
        return own  # "…项目全部纳入…,已开工200个": its own clause, not the task's
    if earlier:
        return earlier
    clauses = cand.paragraph.clauses
    i = bisect.bisect_left(clauses, cand.clause)
    for c_start, c_end in reversed(clauses[max(i - 3, 0) : i]):
        mark = ITEM_MARK.match(norm, c_start, c_end)  # "1.城镇新增就业。": the item's name
        clause = norm[mark.end() if mark else c_start : c_end]
        words = re.split(r"[0-9]", clause, maxsplit=1)[0]
        phrase = _whole_phrase(_strip_lead(words.strip(" ,;。:、"), ctx))
        if len(phrase) >= 2 and not _GENERIC.fullmatch(phrase):
            # not "年度目标2.5万人,上半年完成1.48万人": the item's name before ("城镇新增就业。")
            return phrase
    return ""


# A clause that tells how the work went against its task, not what the work is.
_DONE_CLAUSE = re.compile(r"完成(?:了)?[^,;。0-9%]{0,8}(?:任务|目标|计划)|序时进度|时序进度")


def _next_clause(norm: str, cand: Candidate, ctx: ArticleContext) -> str:
    clauses = cand.paragraph.clauses
    i = bisect.bisect_left(clauses, cand.clause)
    if i >= len(clauses) or clauses[i] != cand.clause:
        i = -1
    if 0 <= i < len(clauses) - 1 and clauses[i + 1][0] < cand.sentence[1]:
        following = norm[clauses[i + 1][0] : clauses[i + 1][1]]
        if _DONE_CLAUSE.search(following):
            return ""  # "完成投资72.56亿元,全部完成年度目标任务": how it went, not what
        if not re.search(r"[0-9%]", following):  # a clause with its own figure names that one
            return ":" + _strip_lead(following, ctx).strip(" ,;。:")
        if re.search(r"[0-9]%", following):
            return ""  # "完成投资77.57亿元,投资完成率122.6%": the next clause names the rate
        words = _strip_lead(re.split(r"[0-9]", following, maxsplit=1)[0], ctx).strip(" ,;。:")
        # "计划投资2.1亿元,完成投资2.3亿元": the same bare verb, what was done of it
        return "" if _BARE_VERB.fullmatch(words) else ":" + words
    return ""


def category_of(text: str) -> str | None:
    for name, pattern in _CATEGORIES:
        if re.search(pattern, text):
            return name
    return None
