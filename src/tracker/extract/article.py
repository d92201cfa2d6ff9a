"""Propose goals and outcomes from the text of a Chinese report (``tracker extract``).

Pure and rule-based: text in, :class:`Figure` values out, no I/O, no network, no model. The
rules are about how Chinese work reports and news articles write figures, not about any one
article (docs/extract.md explains each with examples):

1. **View.** The text is read through a normalised view — NFKC (full-width digits and
   punctuation), traditional → simplified, inline pinyin glosses such as ``就业(jiùyè)``
   removed — that keeps a map back to the original characters, so every figure and quote
   carries offsets into the text as given.
2. **Figures.** ``[qualifier] number [余/多] [scale] [余/多] unit [qualifier]``: digits or a
   Chinese numeral before 万/亿/余 (``两万``, ``百余``), a measure word or ``%``. A number
   without a unit is kept only for money written with a scale next to a money word
   (``187万稳岗返还资金`` → 元). Dates, times, durations, ages, ordinals (第…), page
   furniture, phone/ICP numbers, model names (``3+2``), thresholds (``20万人以上的县``),
   counts of administrative units and figures in anecdotes (a person's age in the sentence,
   or a person named in one) are skipped.
3. **Relations within a sentence.** ``完成…任务的104.19%`` / ``完成率99.9%`` become the stated
   rate of the figure before; ``由1598家压减至724家`` a baseline; ``毕业生20037人,已就业18909人,
   就业率94.4%`` a numerator/denominator pair; ``85所…,关停15所、转段1所…`` whose parts add up
   to the total a breakdown (kept as a note); ``7所高校有毕业生…`` and ``与…50所高校签署…`` the
   scope of the next figure (a note).
4. **Role.** Target wording next to the figure (确保, 力争, 目标任务, 要, 省定 …) makes a target;
   then completion wording (累计, 截至, 已, 了, 以来 …) an outcome; then the figure's year
   against the article's (a past year is a review, a future year a plan); then the plan or
   review wording of the sentence and the paragraph.
5. **When and where.** Time expressions (2022年, 去年, 今年以来, 十四五, 到2025年年底, 1—10月底,
   截至12月10日, 目前) set the period and ``as_of`` of the figures after them; the article date
   comes from the text (发表于 2023-6-16, 第2025-01-03期) or the caller. Regions come from the
   caller's list, matched in subject position.

Every field the rules had to guess is listed in :attr:`Figure.guessed` with the reason.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from tracker.core.regions import RegionInfo, strip_suffix, to_simplified
from tracker.parse.quantity import QuantityError, chinese_int, parse_quantity

Role = Literal["target", "outcome"]

__all__ = ["Extraction", "Figure", "Role", "extract", "read_article_date"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One proposed goal or outcome: a figure of the text and what the rules made of it.

    Offsets (``start``/``end``, ``quote_start``/``quote_end``) index the text as given to
    :func:`extract`: ``written`` and ``exact_quote`` are exactly those slices, ``quote`` is the
    quote cleaned for a data file (inline pinyin glosses and line breaks removed). ``value`` is
    the figure as a data file writes it (``"5.31万"``, ``"不到2万"``, ``"85%以上"``) and
    ``parsed`` its nominal value in the base unit. ``guessed`` lists the fields that were
    inferred rather than read, each with the reason.
    """

    role: Role
    title: str
    written: str
    value: str
    parsed: Fraction
    unit: str
    qualifier: str | None
    kind: str
    measure: str
    period: str
    as_of: dt.date | None
    region: str | None
    category: str | None
    stated_rate: str | None
    target: str | None  # an outcome's target stated with it ("15个…已完成8个(53%)")
    numerator: str | None
    denominator: str | None
    baseline: str | None
    start: int
    end: int
    quote: str
    exact_quote: str
    quote_start: int
    quote_end: int
    paragraph: int
    confidence: float
    note: str | None = None
    guessed: tuple[tuple[str, str], ...] = ()

    def why(self, name: str) -> str | None:
        """Why field ``name`` was guessed, or None when the text states it."""
        return dict(self.guessed).get(name)


@dataclass(frozen=True, slots=True)
class Extraction:
    """The figures of one article, in text order, and what was found about the article."""

    figures: tuple[Figure, ...]
    date: dt.date | None
    date_note: str | None
    year: int | None
    region: str | None
    region_note: str | None
    title: str | None
    paragraphs: tuple[str, ...]  # each paragraph of the original text, cleaned like quotes


# --- vocabulary -----------------------------------------------------------------------------

# fmt: off
# Measure words that count public work. 大 ("5大中心") counts as 个.
_UNITS = (
    "个百分点", "百分点", "平方公里", "平方米", "立方米", "千瓦时", "人次", "户次", "家次",
    "场次", "轮次", "批次", "课时", "学时", "公顷", "公里", "千米", "千瓦", "千克", "公斤",
    "美元", "人", "名", "位", "户", "家", "所", "个", "座", "处", "间", "套", "台", "辆", "艘",
    "件", "项", "条", "支", "种", "场", "轮", "批", "次", "例", "张", "床", "册", "本", "份",
    "块", "栋", "幢", "元", "亩", "米", "吨", "头", "只", "株", "棵", "门", "班", "期", "节",
    "宗", "笔", "斤", "%", "‰",
)
# Words after a number that make it a date, time, duration, age, ordinal, rank or a name
# ("18连涨", "5A级"): skipped.
_SKIP_UNITS = (
    "个工作日", "个小时", "个星期", "个月", "周岁", "年度", "季度", "小时", "分钟", "星期",
    "世纪", "年", "月", "日", "天", "周", "时", "分", "秒", "岁", "号", "版", "页", "届", "楼",
    "层", "倍", "篇", "章", "点", "连", "强", "佳", "级", "度",
)
_PRE_QUALIFIERS = (
    "不低于", "不少于", "不超过", "不高于", "不到", "不足", "至少", "超过", "将近", "接近",
    "大约", "多于", "逾", "超", "近", "约",
)
# fmt: on
_MEASURE_ALIASES = {"大": "个"}
_CN_DIGITS = dict(zip("一二两三四五六七八九", (1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_CN_PLACES = {"十": 10, "百": 100, "千": 1000}
# SPEC §1.5's qualifier words, by the name quantity.Qualifier gives their meaning.
_QUALIFIER_NAMES = {
    **dict.fromkeys(("不低于", "不少于", "至少", "以上"), "at_least"),
    **dict.fromkeys(("不超过", "不高于", "以下", "以内"), "at_most"),
    **dict.fromkeys(("超过", "超", "逾", "多于", "余", "多"), "more_than"),
    **dict.fromkeys(("不到", "不足", "将近", "接近", "近"), "less_than"),
    **dict.fromkeys(("约", "大约", "左右", "上下"), "about"),
}
_SUF_QUALIFIERS = ("及以上", "及以下", "以上", "以下", "以内", "左右", "上下")
_MONEY_WORDS = re.compile(
    r"资金|经费|投资|投入|补贴|补助|奖补|资助|奖励|救助金|款|基金|预算|收入"
    r"|税|费|元"
)
_ADMIN_COUNTED = re.compile(r"县|市|区|省|自治区|盟|地区")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_CN_CLASS = "一二两三四五六七八九十百千"
_FIGURE_RE = re.compile(
    rf"(?P<pre>{_alternation(_PRE_QUALIFIERS)})?"
    r"(?:(?<![0-9A-Za-z._/+\-#:])(?<![0-9],)(?P<num>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)"
    rf"|(?<![数几上成好{_CN_CLASS}万亿零〇])(?P<cn>[{_CN_CLASS}]+)(?=[余多]|万|亿))"
    r"(?P<yu1>[余多](?!于))?"
    r"(?P<scale>万亿|千万|百万|亿|万|千(?![瓦克米伏帕卡焦赫]))?"
    r"(?P<yu2>[余多](?!于))?"
    rf"(?P<unit>{_alternation((*_UNITS, *_SKIP_UNITS, *_MEASURE_ALIASES))})?"
    rf"(?P<suf>{_alternation(_SUF_QUALIFIERS)})?"
)
# 节约4亿元 is "saved", not "about"; 最近 / 附近 are not "nearly".
_FALSE_PRE = {"约": "节制签预公合", "近": "最附临就将接", "超": "赶"}

# Dates and times that must not be read as figures, masked before scanning.
_DATE_MASK = re.compile(
    r"\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d{4}\s*[-—–~至到]\s*\d{4}"
    r"|(?<!\d)(?:\d{3,4}-)?\d{7,8}(?!\d)|1[3-9]\d{9}(?!\d)"
    r"|ICP[^\s,;。]*|[A-Za-z]+[0-9][0-9A-Za-z.\-]*"
)
_FURNITURE_LINE = re.compile(
    r"ICP|Powered by|Copyright|©|版权所有|备案号|GMT[+-]|Processed in|浏览次数|阅读次数"
    r"|点击数|责任编辑|扫一扫|分享到|上一篇|下一篇|上一条|下一条|返回顶部|返回列表"
)

# Role wording. Target: in the clause before the figure, or right after it.
_TARGET_BEFORE = re.compile(
    r"确保|力争|争取(?:在|到|实现|达到)|目标(?:是|为)?|计划|预计|预期|拟|规划"
    r"|(?<![主重需只紧必不])要(?![求素点闻害])|省定|市定|县定|下达"
)
_TARGET_AFTER = re.compile(r"^(?:的)?(?:目标任务|年度目标|目标|任务)(?!完成)")
# Completion wording: anywhere in the sentence before the figure.
_OUTCOME_STRONG = re.compile(
    r"累计|截至|截止|已经|(?<![而])已|共计|(?<![公总])共(?![同享建治])|完成率|同比"
    r"|比上年|较上年|以来|(?<![为除])了(?!解)|获评|创历史|目前|先后"
)
_PLAN_WORDS = re.compile(
    r"将(?![患结其其此这该])|要(?![求素点闻害])|力争|确保|计划|目标|着力|推动|推进|加快|持续"
    r"|努力|争取|进一步|不断|保持|实施|启动实施|全力|继续|启动|坚持"
)
# Plans use 完成, 实现, 达到, 增长 as much as reviews ("确保完成"): they count half.
_REVIEW_VERBS = re.compile(r"达到|突破|增长|上涨|下降|降低|提高|实现|完成")
# ... and plans tell what to do with verbs that reviews also narrate ("持续加大…力度").
_PLAN_VERBS = re.compile(r"加强|加大|强化|深化|扩大|完善|健全|做好|抓好|办好|落实好|提升")
_REVIEW_WORDS = re.compile(
    r"(?<![为除])了(?!解)|已|累计|(?<![公总])共(?![同享建治])|截至|以来|获评|同比|比上年|去年|过去"
    r"|刚刚|成功|建成|顺利|先后|创历史|创新高|显著"
)
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
_THRESHOLD_AFTER = re.compile(r"(?:及)?(?:以上|以下)?的")
# One person's age: "今年53岁的赵红五", "现年70岁", "张某,45岁,". "80周岁及以上老年人" and
# "年满60周岁的" are eligibility rules, not stories (a named person is caught below).
_ANECDOTE_AGE = re.compile(
    r"(?:今年|现年|年仅|年过|已经|已)(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:周)?岁"
    r"|[,(][0-9]{1,3}岁[,)]"
)
_NAME_AFTER_AGE = re.compile(
    r"岁的(?:[\u4e00-\u9fff]{0,6}?(?:居民|村民|市民|老人|患者|学生|家长|群众))?"
    r"(?P<name>[\u4e00-\u9fff]{2,3}?)(?=是|被|在|说|,|的|从|家|今年)"
)
_NAME_ROLE = re.compile(
    r"(?:市民|村民|居民|家长|患者)(?P<name>[\u4e00-\u9fff]{2,3}?)(?=说|表示|通过|是|在)"
)

# Time wording.
_TIME_RE = re.compile(
    r"(?P<span>(?P<s1>\d{4})\s*[-—–~至到]\s*(?P<s2>\d{4})年)"
    r"|(?P<plan>十三五|十四五|十五五)"
    r"|(?P<ymd>(?P<y1>\d{4})年(?P<m1>\d{1,2})月(?:(?P<d1>\d{1,2})日|(?P<e1>底|末)|(?P<mid1>上旬|中旬|下旬))?)"
    r"|(?P<upto>(?:截至|截止)(?:到)?(?:(?P<y2>\d{4})年)?(?P<m2>\d{1,2})月"
    r"(?:(?P<d2>\d{1,2})日|底|末)?)"
    r"|(?P<months>(?P<m3a>\d{1,2})\s*[-—–~至到]\s*(?P<m3>\d{1,2})月(?:份)?(?:底|末)?)"
    r"|(?P<md>(?<![0-9年])(?P<m4>\d{1,2})月(?P<d4>\d{1,2})日)"
    r"|(?P<now>(?:截至|截止)(?:到)?(?:目前|当前|现在)|目前)"
    r"|(?P<year>(?P<by>到|至|在|于)?(?P<y>\d{4})年(?:度)?(?P<after>以来|来|底|末|年底|年末|前|之前)?)"
    r"|(?P<rel>今年(?!\d)|去年|明年|全年|过去的一年|过去一年)(?P<relafter>以来)?"
    r"|(?P<part>上半年|前三季度|第一季度|一季度|前两季度)"
)
_AGE_AFTER_TODAY = re.compile(r"^\d{1,3}岁")

_ARTICLE_DATE_RES = (
    re.compile(
        r"(?:发表于|发布于|发布时间|发布日期|发表时间|更新时间|日期|时间)\s*[:]?\s*"
        r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})"
    ),
    re.compile(r"第\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\s*期"),
)
_DATELINE = re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")

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
    r"^(?:[\s\"“”'‘’、]|确保|力争|争取|计划|要|顺利|完成了|完成|实现了|省定|市定|县定|"
    r"到\d{4}年(?:年底|底|末)?|同时|此外|另外|其中|并且|并|还|以及|全年|今年以来|今年|去年|"
    r"全市|全区|全县|全省|全州|全盟|全旗|我市|我区|我县|我省|共计|共|累计|先后|已经|已|目前|"
    r"截至目前|据悉|据了解|为此|积极|大力|持续|全力|有效|今后|"
    r"\d{4}年(?:以来|来|度)?|\d{1,2}\s*[-—–~]\s*\d{1,2}月(?:份)?(?:底|末)?|截至\d{1,2}月\d{1,2}日)+"
)
_TITLE_TAIL = re.compile(
    r"(?:达到了|达到|达|为|是|有|共有|共|累计|总计|合计|完成|实现|控制在|稳定在|保持在|的|了|:|由|从|已"
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
_BARE_VERB = re.compile(r"投资|投入|争取|安排|发放|筹集|拨付|下达|落实|整合|撬动|带动|吸引")
_GLOSS = re.compile(r"\([a-zāáǎàēéěèêīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]+\)")


# --- the normalised view --------------------------------------------------------------------


@dataclass(slots=True)
class _View:
    """The text as the rules read it, with a map from each character back to the original."""

    original: str
    norm: str
    pos: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the normalised span [start, end)."""
        if end <= start:
            at = self.pos[start] if start < len(self.pos) else len(self.original)
            return at, at
        return self.pos[start], self.pos[end - 1] + 1


def _view(text: str) -> _View:
    chars: list[str] = []
    pos: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii() or "\u2460" <= ch <= "\u24ff" or "\u2776" <= ch <= "\u2793":
            # Circled numbers (①②③ in captions) stay: NFKC would make them digits.
            chars.append(ch)
            pos.append(i)
            continue
        for out in unicodedata.normalize("NFKC", ch):
            chars.append(out)
            pos.append(i)
    norm = "".join(chars)
    if not norm.isascii():
        converted = to_simplified(norm)
        if len(converted) != len(norm):  # a phrase changed length: convert character by character
            converted = "".join(
                to_simplified(ch) if len(to_simplified(ch)) == 1 else ch for ch in norm
            )
        norm = converted
    # Inline pinyin glosses ("关键(guānjiàn)") are an annotation layer, not the text.
    kept_chars: list[str] = []
    kept_pos: list[int] = []
    last = 0
    for match in _GLOSS.finditer(norm):
        kept_chars.append(norm[last : match.start()])
        kept_pos.extend(pos[last : match.start()])
        last = match.end()
    kept_chars.append(norm[last:])
    kept_pos.extend(pos[last:])
    return _View(text, "".join(kept_chars), kept_pos)


def _clean_quote(text: str) -> str:
    """A quote for a data file: glosses and line breaks removed, whitespace trimmed."""
    text = re.sub(r"[(（][a-zāáǎàēéěèêīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]+[)）]", "", text)
    text = re.sub(r"\s*\n\s*", "", text)
    return text.strip(" \t\u3000")


_QUOTE_EDGES = re.compile(r"^[,;。;:、,\s]+|[,;。;:、,\s]+$")


def _balanced(quote: str) -> str:
    """Drop a quotation mark the quote opens or closes without its partner."""
    for open_mark, close_mark in (("“", "”"), ("‘", "’"), ("「", "」"), ("《", "》")):
        if quote.startswith(open_mark) and close_mark not in quote:
            quote = quote[1:]
        if quote.endswith(close_mark) and open_mark not in quote:
            quote = quote[:-1]
    return quote


# --- structure: paragraphs, sentences, clauses -----------------------------------------------


@dataclass(slots=True)
class _Paragraph:
    index: int
    start: int
    end: int
    sentences: list[tuple[int, int]]
    clauses: list[tuple[int, int]]
    skip: bool = False
    anecdote: bool = False


_SENTENCE_END = re.compile(r"[。!?;]|\.{3,}|…+")
_CLAUSE_END = re.compile(r"(?<![0-9]),|,(?![0-9]{3}(?![0-9]))|:")
_LINE_PUNCT = "。!?;:,、”’\"')]》>…."


def _paragraphs(view: _View) -> list[_Paragraph]:
    norm = view.norm
    lines: list[tuple[int, int]] = []
    at = 0
    for line in norm.split("\n"):
        start, end = at, at + len(line)
        at = end + 1
        while start < end and norm[start] in " \t\r\u3000\xa0":
            start += 1
        while end > start and norm[end - 1] in " \t\r\u3000\xa0":
            end -= 1
        if end > start:
            lines.append((start, end))
    # Join a sentence that a page break split: a long line ending mid-sentence, and the next
    # line continuing it in Chinese.
    joined: list[tuple[int, int]] = []
    for start, end in lines:
        if joined:
            prev_start, prev_end = joined[-1]
            if (
                prev_end - prev_start >= 30
                and norm[prev_end - 1] not in _LINE_PUNCT
                and "\u4e00" <= norm[prev_end - 1] <= "\u9fff"
                and "\u4e00" <= norm[start] <= "\u9fff"
            ):
                joined[-1] = (prev_start, end)
                continue
        joined.append((start, end))
    paragraphs = []
    seen: set[str] = set()
    for index, (start, end) in enumerate(joined):
        text = norm[start:end]
        para = _Paragraph(index, start, end, _split(norm, start, end, _SENTENCE_END), [])
        para.clauses = [
            clause
            for s_start, s_end in para.sentences
            for clause in _split(norm, s_start, s_end, _CLAUSE_END)
        ]
        key = re.sub(r"\s+", "", text)
        # A repeated paragraph (reposts often carry the article twice) is read once.
        if len(key) >= 20 and key in seen:
            para.skip = True
        seen.add(key)
        if _FURNITURE_LINE.search(text) and len(text) < 200:
            para.skip = True
        paragraphs.append(para)
    return paragraphs


def _split(norm: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    spans = []
    at = start
    for match in pattern.finditer(norm, start, end):
        if match.end() > at:
            spans.append((at, match.end()))
        at = match.end()
    if at < end:
        spans.append((at, end))
    return [s for s in spans if norm[s[0] : s[1]].strip()]


def _containing(spans: list[tuple[int, int]], at: int) -> tuple[int, int]:
    starts = [s for s, _ in spans]
    i = bisect.bisect_right(starts, at) - 1
    return spans[max(i, 0)]


# --- article date and year ------------------------------------------------------------------


def read_article_date(text: str) -> dt.date | None:
    """The publication date the text states (发表于 2023-6-16, 第2025-01-03期, a dateline)."""
    norm = unicodedata.normalize("NFKC", text)
    for pattern in _ARTICLE_DATE_RES:
        match = pattern.search(norm)
        if match:
            found = _date(int(match["y"]), int(match["m"]), int(match["d"]))
            if found:
                return found
    for line in [ln for ln in norm.splitlines() if ln.strip()][:6]:
        match = _DATELINE.search(line)
        if match:
            found = _date(int(match["y"]), int(match["m"]), int(match["d"]))
            if found:
                return found
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if 1900 <= year <= 2200 else None
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date | None:
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        return None
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


# --- time context ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Time:
    """What a time expression says about the figures after it."""

    at: int
    first: int | None = None  # period start year
    last: int | None = None  # period end year
    as_of: dt.date | None = None
    deadline: bool = False  # "到2025年": a plan's horizon
    current: bool = False  # "目前", "今年以来": as of the article date
    text: str = ""
    relative: bool = False  # "今年", "去年": the year depends on the article date


_PLAN_STARTS = {"十三五": 2016, "十四五": 2021, "十五五": 2026}
_PART_MONTHS = {"上半年": 6, "前三季度": 9, "第一季度": 3, "一季度": 3, "前两季度": 6}


def _time_events(norm: str, ref: int | None, skip: Callable[[int], bool]) -> list[_Time]:
    """Every time expression of the text that dates the figures after it, in text order."""
    events: list[_Time] = []
    for m in _TIME_RE.finditer(norm):
        if not skip(m.start()):
            event = _time_event(norm, m, ref)
            if event is not None:
                events.append(event)
    return events


def _time_event(norm: str, m: re.Match[str], ref: int | None) -> _Time | None:
    at, text = m.start(), m.group()
    if m["span"]:
        first, last = int(m["s1"]), int(m["s2"])
        return _Time(at, first, last, text=text) if 1900 <= first <= last <= 2200 else None
    if m["plan"]:
        first = _PLAN_STARTS[m["plan"]]
        return _Time(at, first, first + 4, text=text)
    if m["ymd"]:
        year, month = int(m["y1"]), int(m["m1"])
        when = _date(year, month, int(m["d1"])) if m["d1"] else _month_end(year, month)
        if when is None or norm.startswith("前", m.end()):
            return None  # "2023年11月底前": a deadline, not a date of figures
        return _Time(at, year, year, as_of=when, text=text)
    if m["upto"]:
        upto_year = int(m["y2"]) if m["y2"] else ref
        if upto_year is None:
            return None
        month = int(m["m2"])
        day = int(m["d2"]) if m["d2"] else None
        when = _date(upto_year, month, day) if day else _month_end(upto_year, month)
        return _Time(at, None, None, as_of=when, text=text) if when else None
    if m["months"]:
        if ref is None or not 1 <= int(m["m3a"]) <= int(m["m3"]) <= 12:
            return None
        return _Time(at, None, None, as_of=_month_end(ref, int(m["m3"])), text=text)
    if m["part"]:
        if ref is None:
            return None
        return _Time(at, None, None, as_of=_month_end(ref, _PART_MONTHS[m["part"]]), text=text)
    if m["md"]:
        return None  # a day in an account ("11月29日上午"): dates the story, not the figures
    if m["now"]:
        return _Time(at, None, None, current=True, text=text)
    if m["year"]:
        return _year_event(norm, m, ref)
    return _relative_event(norm, m, ref)


def _year_event(norm: str, m: re.Match[str], ref: int | None) -> _Time | None:
    at, text, year = m.start(), m.group(), int(m["y"])
    if not 1900 <= year <= 2200 or norm.startswith(("月", "-"), m.end()):
        return None
    after = m["after"] or ""
    if after in ("以来", "来"):
        return _Time(at, year, None, current=True, text=text)
    future = ref is None or year >= ref
    if after in ("前", "之前") or (m["by"] in ("到", "至") and future):
        return _Time(at, None, year, deadline=True, text=text)
    if after in ("底", "末", "年底", "年末"):
        if future and ref is not None:
            return _Time(at, None, year, deadline=True, text=text)
        return _Time(at, year, year, as_of=dt.date(year, 12, 31), text=text)
    return _Time(at, year, year, text=text)


def _relative_event(norm: str, m: re.Match[str], ref: int | None) -> _Time | None:
    word, at, text = m["rel"], m.start(), m.group()
    if word == "今年" and _AGE_AFTER_TODAY.match(norm, m.end()):
        return None  # "今年53岁": an age
    if word == "全年":
        return _Time(at, None, None, text=text)
    if ref is None:
        return None
    year = {"今年": ref, "去年": ref - 1, "明年": ref + 1}.get(word, ref - 1)
    return _Time(at, year, year, current=bool(m["relafter"]), text=text, relative=True)


def _years_mentioned(norm: str) -> Counter[int]:
    counts: Counter[int] = Counter()
    for m in re.finditer(r"(?<![0-9第\-—–~至到])(\d{4})年(?!\d)", norm):
        year = int(m[1])
        if 1950 <= year <= 2200:
            counts[year] += 1
    return counts


# --- candidates -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    number: str  # digits, Chinese numerals already converted
    pre: str | None
    yu: str | None
    scale: str | None
    unit: str
    suf: str | None
    unit_note: str | None
    paragraph: _Paragraph
    sentence: tuple[int, int]
    clause: tuple[int, int]
    parsed: Fraction = Fraction(0)
    value: str = ""
    rate: _Cand | None = None
    numerator: _Cand | None = None
    denominator: _Cand | None = None
    baseline: _Cand | None = None
    goal_target: _Cand | None = None
    decrease: bool = False
    consumed: bool = False
    notes: list[str] = field(default_factory=list)
    related: list[_Cand] = field(default_factory=list)

    @property
    def qualifier(self) -> str | None:
        word = self.pre or self.yu or self.suf
        if word is None:
            return None
        return _QUALIFIER_NAMES.get(word.removeprefix("及"))


def _candidates(view: _View, paragraphs: list[_Paragraph]) -> list[_Cand]:
    norm = view.norm
    masked = _DATE_MASK.sub(lambda m: "#" * len(m.group()), norm)
    starts = [p.start for p in paragraphs]
    found: list[_Cand] = []
    for m in _FIGURE_RE.finditer(masked):
        if not (m["num"] or m["cn"]):
            continue
        index = bisect.bisect_right(starts, m.start()) - 1
        if index < 0 or m.start() >= paragraphs[index].end:
            continue
        para = paragraphs[index]
        cand = _candidate(norm, masked, m, para)
        if cand is not None:
            found.append(cand)
    return found


def _candidate(norm: str, masked: str, m: re.Match[str], para: _Paragraph) -> _Cand | None:
    start, end = m.start(), m.end()
    pre = m["pre"]
    num_start = m.start("num") if m["num"] else m.start("cn")
    if pre and norm[m.start() - 1 : m.start()] in _FALSE_PRE.get(pre, ""):
        pre, start = None, num_start
    if para.skip:
        return None
    unit = m["unit"] or ""
    if unit in _SKIP_UNITS:
        return None
    before = masked[max(num_start - 1, 0) : num_start]
    after_number = masked[m.end("num") if m["num"] else m.end("cn") :][:1]
    if before in ("第", "#", "+", "/", "-", "—", "~", "_") or (
        not unit and after_number in "+/-~—#"
    ):
        return None
    if before == "第" or masked[max(num_start - 2, 0) : num_start].endswith("第"):
        return None
    nxt = masked[end : end + 1]
    if nxt and nxt.isascii() and (nxt.isalpha() or nxt in "+#"):
        return None
    if m["cn"]:
        value = chinese_int(m["cn"])
        if value is None:
            return None
        number = str(value)
    else:
        number = m["num"].replace(",", "")
    unit_note = None
    if unit in _MEASURE_ALIASES:
        unit_note = f'"{unit}" counted as {_MEASURE_ALIASES[unit]}'
        unit = _MEASURE_ALIASES[unit]
    suf = m["suf"]
    if not unit:
        if suf:  # "以上" with no unit: give the suffix back, it may be "以上的…"
            end -= len(suf)
            suf = None
        # Money written with a scale but no unit ("187万稳岗返还资金").
        if m["scale"] and _MONEY_WORDS.search(
            norm[end : end + 8] + norm[max(start - 4, 0) : start]
        ):
            unit = "元"
            unit_note = "unit 元 from the money word next to the figure"
        else:
            return None
    if _THRESHOLD_AFTER.match(norm[m.end("unit") if m["unit"] else end :][:4]) and (
        suf or norm.startswith(("以上的", "以下的", "及以上", "及以下"), end)
    ):
        return None  # "人口20万人以上的县": a threshold in a definition
    if unit == "个" and _ADMIN_COUNTED.match(norm, end):
        return None  # "13个县(市、区)": the administrative structure, not work done
    if norm[max(start - 2, 0) : start] == "其余":
        return None
    if unit in ("名", "位") and norm[max(start - 1, 0) : start] in ("前", "列"):
        return None  # "前10名", "位列前3位": a rank
    if unit in ("条", "款") and norm[max(start - 1, 0) : start] == "章":
        return None  # "共3章25条": the articles of a regulation
    sentence = _containing(para.sentences, start)
    clause = _containing(para.clauses, start)
    return _Cand(
        start=start,
        end=end,
        number=number,
        pre=pre,
        yu=m["yu1"] or m["yu2"],
        scale=m["scale"],
        unit=unit,
        suf=suf,
        unit_note=unit_note,
        paragraph=para,
        sentence=sentence,
        clause=clause,
    )


def _value_text(cand: _Cand) -> str:
    """The figure as a data file writes it: number, scale, 余/多, % and the qualifier."""
    yu = cand.yu or ""
    text = cand.number
    if cand.scale:
        text += cand.scale
    text += yu
    if cand.unit in ("%", "‰"):
        text += cand.unit
    if cand.pre:
        text = cand.pre + text
    if cand.suf:
        text += cand.suf.removeprefix("及")
    return text


def _parse(cand: _Cand) -> bool:
    """Fill ``value`` and ``parsed``; False when the quantity grammar refuses the figure."""
    for text in dict.fromkeys((_value_text(cand), _value_text_plain(cand))):
        try:
            quantity = parse_quantity(text, unit=None, role="target")
        except QuantityError:
            continue
        cand.value = text
        cand.parsed = quantity.nominal
        if text != _value_text(cand):
            cand.pre = cand.suf = None
        return True
    return False


def _value_text_plain(cand: _Cand) -> str:
    text = cand.number + (cand.scale or "") + (cand.yu or "")
    return text + cand.unit if cand.unit in ("%", "‰") else text


# --- anecdotes ------------------------------------------------------------------------------


def _mark_anecdotes(norm: str, paragraphs: list[_Paragraph]) -> Callable[[int], bool]:
    """Sentences about one person (an age, or a person named in such a sentence) are stories,
    not statistics; returns whether a position lies in one."""
    names: set[str] = set()
    story: list[tuple[int, int]] = []
    for para in paragraphs:
        for s_start, s_end in para.sentences:
            sentence = norm[s_start:s_end]
            named = [m["name"] for m in _NAME_AFTER_AGE.finditer(sentence)]
            if named or _ANECDOTE_AGE.search(sentence):
                story.append((s_start, s_end))
                names.update(named)
            names.update(m["name"] for m in _NAME_ROLE.finditer(sentence))
    for para in paragraphs:
        text = norm[para.start : para.end]
        if any(name in text for name in names):
            para.anecdote = True
            story.append((para.start, para.end))
    story.sort()

    def inside(at: int) -> bool:
        return any(a <= at < b for a, b in story)

    return inside


# --- relations inside a sentence ------------------------------------------------------------


def _relate(norm: str, cands: list[_Cand]) -> None:
    by_sentence: dict[tuple[int, int], list[_Cand]] = {}
    for cand in cands:
        by_sentence.setdefault(cand.sentence, []).append(cand)
    for group in by_sentence.values():
        _baselines(norm, group)
        _scopes(norm, group)
        _progress(norm, group)
        _fractions(norm, group)
        _rates(norm, group)
        _breakdowns(norm, group)


def _live(group: list[_Cand]) -> list[_Cand]:
    return [c for c in group if not c.consumed]


def _baselines(norm: str, group: list[_Cand]) -> None:
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


def _rates(norm: str, group: list[_Cand]) -> None:
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


def _progress(norm: str, group: list[_Cand]) -> None:
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


def _fractions(norm: str, group: list[_Cand]) -> None:
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


def _breakdowns(norm: str, group: list[_Cand]) -> None:
    live = _live(group)
    for i, total in enumerate(live):
        if total.consumed or total.unit == "%":
            continue
        running = Fraction(0)
        parts: list[_Cand] = []
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


def _scopes(norm: str, group: list[_Cand]) -> None:
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


# --- role, period, region, title --------------------------------------------------------------


@dataclass(slots=True)
class _Context:
    ref_year: int | None
    default_year: int | None
    year_note: str | None
    date: dt.date | None
    events: list[_Time]
    event_starts: list[int]
    region_default: str | None
    region_keys: re.Pattern[str] | None
    region_names: dict[str, str]
    region_allowed: frozenset[str] | None
    norm: str = ""
    date_known: bool = False


def _role(
    norm: str, cand: _Cand, ctx: _Context, when: _When, prev_role: Role | None
) -> tuple[Role, float, str | None]:
    """Target or outcome, how sure, and the reason when only weak wording decided."""
    clause_start = cand.clause[0]
    local = norm[clause_start : cand.start]
    after = norm[cand.end : cand.end + 6]
    if _TARGET_AFTER.match(after):
        return "target", 0.9, None
    if _TARGET_BEFORE.search(local):
        return "target", 0.85, None
    full_start = max(norm.rfind(stop, cand.paragraph.start, cand.start) for stop in "。!?") + 1
    if _TARGET_HEADER.search(norm, max(full_start, cand.paragraph.start), cand.start):
        return "target", 0.8, None  # "主要预期目标是:…;…;…"
    if cand.rate is not None or cand.numerator is not None or cand.baseline is not None:
        return "outcome", 0.9, None  # a completion rate, a ratio or a change: already reached
    sentence_before = norm[cand.sentence[0] : cand.start]
    if _OUTCOME_STRONG.search(sentence_before):
        return "outcome", 0.85, None
    if when.since or when.dated:  # "2021年以来", "截至9月底": a figure already reached
        return "outcome", 0.8, None
    first, last = when.first, when.last
    if ctx.ref_year is not None:
        if last < ctx.ref_year:
            return "outcome", 0.8, None
        if first > ctx.ref_year:
            return "target", 0.75, None
    if when.absolute and not ctx.date_known:
        # An undated text that writes the year out ("2024年,…") rather than "今年" is
        # looking back on it.
        return "outcome", 0.65, "role: a year written out in an undated text reads as a review"
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
    para = norm[cand.paragraph.start : cand.paragraph.end]
    plan = len(_PLAN_WORDS.findall(para)) + len(_PLAN_VERBS.findall(para)) / 2
    review = len(_REVIEW_WORDS.findall(para)) + len(_REVIEW_VERBS.findall(para)) / 2
    if ctx.ref_year is not None:  # years already past are told as a review
        review += sum(1 for y in _years_mentioned(para) if y < ctx.ref_year)
    if plan > review:
        return "target", 0.5, "role from the plan wording of the paragraph"
    return "outcome", 0.5, "role from the review wording of the paragraph (default)"


@dataclass(slots=True)
class _When:
    first: int
    last: int
    as_of: dt.date | None
    period_note: str | None
    as_of_note: str | None
    since: bool = False
    dated: bool = False  # the text dates the figure ("截至9月底", "1—10月")
    absolute: bool = False  # the period comes from a year written out ("2024年")


def _when(cand: _Cand, ctx: _Context, role: Role) -> _When:
    """The figure's period and, for an outcome, the date it refers to.

    The latest year-bearing expression before the figure sets the period; a later date-only
    one ("截至12月10日", "1—10月底", "目前") dates the figure within it.
    """
    year_event: _Time | None = None
    date_event: _Time | None = None
    for event in reversed(ctx.events[: bisect.bisect_right(ctx.event_starts, cand.start)]):
        if event.first is not None or event.last is not None:
            year_event = event
            break
        if (
            date_event is None
            and (event.as_of is not None or event.current)
            and not _FULL_STOP.search(ctx.norm, event.at, cand.start)
        ):
            date_event = event
    period_note: str | None = None
    as_of_note: str | None = None
    if year_event is None:
        if date_event is not None and date_event.as_of is not None:
            first = last = date_event.as_of.year
        elif date_event is not None:
            first = last = _now(ctx).year
        else:
            first = last = ctx.default_year or dt.date.today().year
            period_note = ctx.year_note or "period: no year in the text"
    elif year_event.deadline:  # "到2025年年底": from now to the horizon
        last = year_event.last or 0
        first = last if role == "outcome" else min(ctx.ref_year or last, last)
    else:
        first = year_event.first if year_event.first is not None else year_event.last or 0
        last = year_event.last if year_event.last is not None else first
        if year_event.current and year_event.last is None:  # "2021年以来"
            last = max(first, _now(ctx).year)
    as_of: dt.date | None = None
    if role == "outcome":
        if date_event is not None:
            as_of = date_event.as_of or _now(ctx)
            if date_event.as_of is None:
                as_of_note = 'as_of: the article date ("目前")'
        elif year_event is not None and year_event.as_of is not None:
            as_of = year_event.as_of
        elif year_event is not None and year_event.current:
            as_of = _now(ctx)
            as_of_note = "as_of: the article date (a running total)"
        else:
            as_of = dt.date(last, 12, 31)
            if ctx.date is not None and ctx.date < as_of:
                as_of = ctx.date
                as_of_note = "as_of: the article date (the year was not over)"
            elif period_note:
                as_of_note = "as_of: the end of the guessed period"
        first = min(first, as_of.year)
        last = max(last, as_of.year)
    since = year_event is not None and year_event.current and year_event.first is not None
    dated = (date_event is not None and date_event.as_of is not None) or (
        year_event is not None and year_event.as_of is not None
    )
    absolute = year_event is not None and not year_event.relative and not year_event.deadline
    return _When(first, last, as_of, period_note, as_of_note, since, dated, absolute)


def _now(ctx: _Context) -> dt.date:
    """The date "now" refers to: the article date; early in January, the year just ended."""
    if ctx.date is not None:
        if ctx.date.month == 1 and ctx.date.day <= 15:
            return dt.date(ctx.date.year - 1, 12, 31)
        return ctx.date
    year = ctx.default_year or dt.date.today().year
    return dt.date(year, 12, 31)


_FULL_STOP = re.compile(r"[。!?\n]")
_TARGET_HEADER = re.compile(r"(?:预期|主要|工作|发展)?目标(?:任务)?(?:是|为)?:|目标任务是|主要目标")
_WHOLE_AREA = re.compile(r"全市|全区|全县|全省|全州|全盟|全旗|全国|我市|我区|我县|我省|我州")
_SUBJECT_FILLER = re.compile(
    r"^(?:\s|据悉|据了解|同时|此外|目前|截至目前|近年来|近些年|今年以来|今年|去年|全年|在|由|"
    r"\d{4}年(?:以来|来|度)?|[,“\"])*$"
)


def _region(norm: str, cand: _Cand, ctx: _Context) -> tuple[str | None, str | None]:
    """The region a figure belongs to: a region named as the subject of its sentence or
    paragraph (inside the default region's tree), else the default."""
    if ctx.region_keys is None or _WHOLE_AREA.search(norm, cand.clause[0], cand.start):
        return ctx.region_default, None
    para = cand.paragraph
    chosen: str | None = None
    for m in ctx.region_keys.finditer(norm, para.start, cand.start):
        name = ctx.region_names[m.group()]
        clause = _containing(para.clauses, m.start())
        subject = _SUBJECT_FILLER.match(norm[clause[0] : m.start()]) is not None
        listed = norm[m.end() : m.end() + 1] in ("、", "和", "与", "及")
        if subject and not listed:
            # A region outside the default's tree as the subject: the figures after it are
            # not that region's business here ("山西省老年友善医疗机构…" in a 运城 report).
            allowed = ctx.region_allowed is None or name in ctx.region_allowed
            chosen = name if allowed else None
    if chosen is not None and chosen != ctx.region_default:
        return chosen, None
    return ctx.region_default, None


def _title(
    norm: str, cand: _Cand, ctx: _Context, prev: _Cand | None, prev_title: str | None
) -> str:
    """The indicator as the text names it: the words before the figure in its clause, plus
    the noun after it; the previous figure's name or the next clause when that is too short."""
    lead_end = cand.baseline.start if cand.baseline is not None else cand.start
    start = cand.clause[0]
    if prev is not None and prev.clause == cand.clause and prev.end <= lead_end:
        start = max(start, prev.end)
    pre = _strip_lead(norm[start:lead_end], ctx)
    if prev is not None and start == prev.end and _CONNECTOR_END.search(norm[start:lead_end]):
        # "新建8个X和25个Y": the second figure shares the verb of the first
        pre = _strip_lead(norm[cand.clause[0] : prev.start], ctx)
    # What follows the figure, up to the next figure of the clause.
    post = re.split(r"\(?[0-9]", norm[cand.end : cand.clause[1]], maxsplit=1)[0]
    post = post.strip(" ,;。:、()")
    if _TARGET_AFTER.match(post):
        post = ""
    post = post.removeprefix("的")
    noun = _TITLE_VERBS.split(post, maxsplit=1)[0] if post else ""
    if len(pre) >= 3:
        title = pre + noun
    elif pre and prev_title and _RELATIONAL.fullmatch(pre):
        title = prev_title + pre  # "在校生由…减少至…, 占比从…降至…": 在校生占比
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
    title = title.strip(' ,;。:、“”"()')
    return title[:24] or "(未命名)"


def _strip_lead(text: str, ctx: _Context) -> str:
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


def _next_clause(norm: str, cand: _Cand, ctx: _Context) -> str:
    clauses = cand.paragraph.clauses
    i = clauses.index(cand.clause) if cand.clause in clauses else -1
    if 0 <= i < len(clauses) - 1 and clauses[i + 1][0] < cand.sentence[1]:
        following = norm[clauses[i + 1][0] : clauses[i + 1][1]]
        if not re.search(r"[0-9%]", following):  # a clause with its own figure names that one
            return ":" + _strip_lead(following, ctx).strip(" ,;。:")
        return ":" + _strip_lead(re.split(r"[0-9]", following, maxsplit=1)[0], ctx).strip(" ,;。:")
    return ""


def _category(text: str) -> str | None:
    for name, pattern in _CATEGORIES:
        if re.search(pattern, text):
            return name
    return None


# --- regions ----------------------------------------------------------------------------------


def _region_pattern(regions: Sequence[RegionInfo]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    keys: dict[str, str] = {}
    for region in regions:
        for text in (region.name, *region.aliases):
            if text.isascii():
                continue
            key = _simplified(unicodedata.normalize("NFKC", text))
            for candidate in (key, strip_suffix(key)):
                if len(candidate) >= 2:
                    keys.setdefault(candidate, region.name)
    if not keys:
        return None, {}
    return re.compile(_alternation(keys)), keys


def _simplified(text: str) -> str:
    return text if text.isascii() else to_simplified(text)


def _region_tree(regions: Sequence[RegionInfo], root: str) -> frozenset[str]:
    children: dict[str, list[str]] = {}
    for region in regions:
        if region.parent:
            children.setdefault(region.parent, []).append(region.name)
    seen = {root}
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in seen:
                seen.add(child)
                todo.append(child)
    return frozenset(seen)


# --- the whole article --------------------------------------------------------------------------


def extract(
    text: str,
    *,
    region: str | None = None,
    year: int | None = None,
    date: dt.date | None = None,
    regions: Sequence[RegionInfo] = (),
) -> Extraction:
    """Every goal and outcome figure the text states, with what the rules made of it.

    ``region`` and ``year`` are defaults for figures whose text names neither; ``date`` is the
    publication date when the text does not show it; ``regions`` are the known regions (names
    and aliases are looked for in the text).
    """
    view = _view(text)
    norm = view.norm
    paragraphs = _paragraphs(view)
    in_story = _mark_anecdotes(norm, paragraphs)

    date_note = None
    if date is None:
        date = read_article_date(text)
        date_note = "article date read from the text" if date else None
    date_known = date is not None
    years = _years_mentioned(norm)
    common_year = max(years, key=lambda y: (years[y], y)) if years else None
    ref_year = date.year if date else (year or common_year)
    year_note = None
    if year is None:
        year_note = (
            f"period: the year the article mentions most ({common_year})"
            if common_year
            else "period: no year in the text"
        )
    default_year = year or common_year or (date.year if date else None)

    def skip_time(at: int) -> bool:
        return in_story(at) or _paragraph_at(paragraphs, at).skip

    events = _time_events(norm, ref_year, skip_time)
    if date is None:
        # No date shown: the latest date the article states is our best estimate of it.
        stated = [e.as_of for e in events if e.as_of is not None and not e.deadline]
        if stated:
            date = max(stated)
            date_note = "article date estimated: the latest date the text states"

    keys, names = _region_pattern(regions)
    region_note = None
    if region is None and keys is not None:
        counts = Counter(names[m.group()] for m in keys.finditer(norm) if not in_story(m.start()))
        if counts:
            region = counts.most_common(1)[0][0]
            region_note = "region: the one the article names most"
    allowed = _region_tree(regions, region) if region and regions else None
    ctx = _Context(
        ref_year=ref_year,
        default_year=default_year,
        year_note=year_note,
        date=date,
        events=events,
        event_starts=[e.at for e in events],
        region_default=region,
        region_keys=keys,
        region_names=names,
        region_allowed=allowed,
        norm=norm,
        date_known=date_known,
    )

    cands = [c for c in _candidates(view, paragraphs) if not in_story(c.start) and _parse(c)]
    cands = _drop_headline_repeats(norm, cands)
    _relate(norm, cands)
    figures: list[Figure] = []
    prev: _Cand | None = None
    prev_title: str | None = None
    for cand in cands:
        if prev is not None and prev.sentence != cand.sentence:
            prev, prev_title = None, None
        if not cand.consumed:
            before = figures[-1] if figures else None
            same_paragraph = before is not None and before.paragraph == cand.paragraph.index
            prev_role = before.role if before is not None and same_paragraph else None
            figure = _figure(view, cand, ctx, prev, prev_title, prev_role)
            figures.append(figure)
            prev_title = figure.title
        prev = cand
    title = _article_title(view, paragraphs)
    return Extraction(
        figures=tuple(figures),
        date=date,
        date_note=date_note,
        year=default_year,
        region=region,
        region_note=region_note,
        title=title,
        paragraphs=tuple(_clean_quote(text[slice(*view.span(p.start, p.end))]) for p in paragraphs),
    )


def _drop_headline_repeats(norm: str, cands: list[_Cand]) -> list[_Cand]:
    """A headline repeats a figure of the body ("我市新增就业5.6万人"): keep the body's."""

    def headline(cand: _Cand) -> bool:
        text = norm[cand.paragraph.start : cand.paragraph.end]
        return len(text) <= 40 and not _SENTENCE_END.search(text)

    body = {(c.parsed, c.unit) for c in cands if not headline(c)}
    return [c for c in cands if not (headline(c) and (c.parsed, c.unit) in body)]


def _paragraph_at(paragraphs: list[_Paragraph], at: int) -> _Paragraph:
    i = bisect.bisect_right([p.start for p in paragraphs], at) - 1
    return paragraphs[max(i, 0)]


def _figure(
    view: _View,
    cand: _Cand,
    ctx: _Context,
    prev: _Cand | None,
    prev_title: str | None,
    prev_role: Role | None,
) -> Figure:
    norm = view.norm
    guessed: list[tuple[str, str]] = []
    provisional = _when(cand, ctx, "outcome")
    role, confidence, role_note = _role(norm, cand, ctx, provisional, prev_role)
    when = _when(cand, ctx, role) if role == "target" else provisional
    if role_note:
        guessed.append(("role", role_note))
    period = str(when.first) if when.first == when.last else f"{when.first}-{when.last}"
    if when.period_note:
        guessed.append(("period", when.period_note))
    if when.as_of_note:
        guessed.append(("as_of", when.as_of_note))
    region, region_note = _region(norm, cand, ctx)
    if region_note:
        guessed.append(("region", region_note))
    if cand.unit_note:
        guessed.append(("unit", cand.unit_note))
        confidence -= 0.15
    title = _title(norm, cand, ctx, prev, prev_title)
    if title == "(未命名)":
        confidence -= 0.1
    qualifier = cand.qualifier
    kind = "at_least"
    if (
        cand.decrease
        or qualifier == "at_most"
        or (role == "target" and qualifier == "less_than")
        or re.search(r"控制在$", norm[cand.clause[0] : cand.start])
    ):
        kind = "at_most"
    measure = "level" if cand.unit == "%" or cand.baseline is not None else "flow"
    if cand.unit != "%" and re.search(r"率|占比|比例|覆盖面", title):
        measure = "level"
    sentence = norm[cand.sentence[0] : cand.sentence[1]]
    category = _category(title) or _category(sentence)
    # The quote: the clauses that hold the figure and every figure related to it.
    spans = [cand.clause, *(r.clause for r in cand.related)]
    q_start = min(s for s, _ in spans)
    q_end = max(e for _, e in spans)
    o_start, o_end = view.span(q_start, q_end)
    quote = _balanced(_QUOTE_EDGES.sub("", _clean_quote(view.original[o_start:o_end])))
    f_start, f_end = view.span(cand.start, cand.end)
    return Figure(
        role=role,
        title=title,
        written=view.original[f_start:f_end],
        value=cand.value,
        parsed=cand.parsed,
        unit=cand.unit,
        qualifier=qualifier,
        kind=kind,
        measure=measure,
        period=period,
        as_of=when.as_of if role == "outcome" else None,
        region=region,
        category=category,
        stated_rate=cand.rate.value if cand.rate else None,
        target=cand.goal_target.value if cand.goal_target else None,
        numerator=cand.numerator.value if cand.numerator else None,
        denominator=cand.denominator.value if cand.denominator else None,
        baseline=cand.baseline.value if cand.baseline else None,
        start=f_start,
        end=f_end,
        quote=quote,
        exact_quote=view.original[o_start:o_end],
        quote_start=o_start,
        quote_end=o_end,
        paragraph=cand.paragraph.index,
        confidence=round(max(0.1, min(confidence, 1.0)), 2),
        note="; ".join(cand.notes) or None,
        guessed=tuple(guessed),
    )


_TITLE_NOISE = re.compile(
    r"登录|注册|密码|复制链接|发表于|楼层|快速开始|QQ|首页|开启|热线|电话|地址|邮箱|ICP|版权|来源|"
    r"责任编辑|[0-9]{5,}"
)


def _article_title(view: _View, paragraphs: list[_Paragraph]) -> str | None:
    """A headline: the first short line near the top that reads like one (as written)."""
    for para in paragraphs[:25]:
        line = view.norm[para.start : para.end].strip()
        if (
            8 <= len(line) <= 60
            and not _SENTENCE_END.search(line)
            and not _TITLE_NOISE.search(line)
            and not para.skip
            and sum("\u4e00" <= ch <= "\u9fff" for ch in line) >= 6
        ):
            return _clean_quote(view.original[slice(*view.span(para.start, para.end))])
    return None
