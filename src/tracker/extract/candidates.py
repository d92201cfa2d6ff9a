"""Figures in the text: every number with a unit that may be a goal's target or outcome,
minus dates, furniture, thresholds and administrative counts (stories and headline
repeats: ``skips``)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from fractions import Fraction

from tracker.extract.readings import (
    change_unit,
    counts_headings,
    definition_one,
    own_business,
    project_size,
    shared_unit,
)
from tracker.extract.text import Paragraph, View, alternation, containing
from tracker.parse.grammar import chinese_int
from tracker.parse.quantity import QuantityError, parse_quantity

# fmt: off
# Measure words that count public work. 大 ("5大中心") counts as 个. 口 (塘, 井, 沼气池) and 对
# (公交站台10对) are known so that they are read after a scale too ("7.4万口山坪塘").
_UNITS = (
    "微克/立方米", "毫克/立方米", "个百分点", "百分点", "平方公里", "平方千米", "平方米", "立方米",
    "千瓦时", "微克", "毫克", "兆瓦", "人次", "户次", "家次",
    "场次", "轮次", "批次", "课时", "学时", "公顷", "公里", "千米", "千瓦", "千克", "公斤",
    "美元", "人", "名", "位", "户", "家", "所", "个", "座", "处", "间", "套", "台", "辆", "艘",
    "件", "项", "条", "支", "种", "场", "轮", "批", "次", "例", "张", "床", "册", "本", "份",
    "块", "栋", "幢", "元", "亩", "米", "吨", "头", "只", "株", "棵", "门", "班", "期", "节",
    "宗", "笔", "斤", "口", "对", "%", "‰",
    # ... and measure words read after a scale too ("排查13.3万余车次", "投放鱼苗50万尾")
    "车次", "架次", "班次", "航次", "剂次", "针次", "台次", "辆次", "艘次", "盏", "尾", "羽",
    "枚", "剂", "箱", "袋", "瓶", "盒", "樘",
    # ... and the Latin symbols reports write them with ("生态河道60km", "光伏100MW"; "3000㎡" and
    # "3000m²" are read as m2 and counted as 平方米)
    "km2", "m2", "m3", "kWh", "kW", "MW", "GW", "kV", "km", "kg",
)


# Measure words of counts and amounts (the words a table's unit column holds).
MEASURE_WORDS = tuple(u for u in _UNITS if u not in ("%", "‰", "个百分点", "百分点"))


# Words after a number that make it a date, time, duration, age, ordinal, rank or a name
# ("18连涨", "5A级"): skipped.
_SKIP_UNITS = (
    "个工作日", "个小时", "个星期", "个月", "周岁", "年度", "季度", "小时", "分钟", "星期",
    "世纪", "年", "月", "日", "天", "周", "时", "分", "秒", "岁", "号", "版", "页", "届", "楼",
    "层", "倍", "篇", "章", "点", "连", "强", "佳", "级", "度", "国道", "省道", "县道", "室",
)


_PRE_QUALIFIERS = (
    "不低于", "不少于", "不超过", "不高于", "不到", "不足", "至少", "超过", "将近", "接近",
    "大约", "多于", "逾", "超", "近", "约",
)


# fmt: on
_MEASURE_ALIASES = {"大": "个", "m2": "平方米", "km2": "平方公里", "m3": "立方米"}


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


_ADMIN_COUNTED = re.compile(
    # not "11个省级美丽乡村" (省级, 市级, 县级: a grade of what is counted), nor "35个市县长
    # 项目" (projects a mayor or county head leads)
    r"(?:试点|贫困|重点|示范|脱贫)?(?:县|市|区|省|自治区|盟|地区)(?!级|[县区]?长)"
    r"|(?:大|中|小|特大|超大)?城市(?!社区)"
)

# ... but counties taken off the poverty list are work done: "新增7个贫困县脱贫摘帽", "18个县区
# 退出贫困序列", "3个县(市)全部脱贫出列".
_OUT_OF_POVERTY = re.compile(
    r"(?:贫困)?(?:县|市|区|旗)+(?:\([^()]{0,8}\))?[^,;。0-9]{0,3}?(?:脱贫)?(?:摘帽|出列|退出)"
)


# A policy named by its count of articles, in quotation marks: "“稳就业20条”", "“17条".
_POLICY_NAME = re.compile(r"[“\"「][^”\"」,,。;]{0,6}$")


_RANK_MOVE = re.compile(r"(?:上升|下降|提升|提高|前移|后移|前进|后退|下滑|攀升|跃升|上移|下移)$")


_PER_UNIT = re.compile(r"每[^,;。0-9]{1,4}$")
# The rest told done is work done: "除19家关闭外,其余235家已全部完成签约".
_REST_DONE = re.compile(r"[^,;。0-9]{0,8}?(?:均已|已经|已)(?:全部)?(?:完成|建成|完工|竣工)")


# People counted with a scale and no measure word ("困难群体实现再就业1.21万"): 人.
_PERSON_WORDS = re.compile(r"就业|人员|人口|劳动力|群众|职工|农民工|学生|务工")


# People counted by who they are, after a scale ("提升40万农村居民饮用水标准", "惠及12万群众"),
# with up to two words of who they are between ("110万农村特困群众", "14万农村“五保”对象",
# "18万剩余贫困人口", "14万重点优抚对象").
_PEOPLE_AFTER = re.compile(
    r"[\u4e00-\u9fff“”\"「」]{0,6}?(?:居民|群众|人口|村民|市民|老人|儿童|对象)"
)


_A_YEAR = re.compile(r"19[5-9][0-9]|20[0-9][0-9]")


_SPEECH_PARTS = re.compile(
    r"方面(?:的)?(?:工作|重点|任务|内容|意见)|方面[::,]|部分[::,]"
    # ... and of an article about one: "10个关键句,解锁报告里的…", "5个关键词读懂…"
    r"|关键句|关键词|金句|热词|看点"
)


_VOTERS = re.compile(r"代表|委员|评委")
_VOTE = re.compile(r"投票|表决|测评|评议")
# A meeting's roll ("代表名额为338名,实有代表334名,…出席会议的代表318名,符合法定人数").
_ROLL = re.compile(r"法定人数|代表名额|实有代表|(?:出席|列席|缺席)[^,;。0-9]{0,4}(?:代表|委员)")


# A band that defines a class ("进度在80%到100%之间"): its bounds are not figures.
_RANGE_BOUND = re.compile(r"[到至~\-—]\d+(?:\.\d+)?%?之间")
_RANGE_BOUND_END = re.compile(r"之间")


_CN_CLASS = "一二两三四五六七八九十百千"


# The basis a sum is reckoned on ("按800元标准发放", "按照4036.54万人的经费下达口径"): a
# parameter of the policy, not work done.
# ... and a size per head or unit a rule sets ("按每人每月500元标准", "按照每网格不超过20户要求")
_BASIS_BEFORE = re.compile(r"(?:按照|依照|按)(?:每[^,;。0-9每]{1,3}|人均){0,2}$")
_BASIS_AFTER = re.compile(r"(?:的)?[^,;。0-9]{0,8}?(?:口径|标准|基数|要求)")


# Characters that follow a number without being its measure word: the vocabulary of measure
# words is open (口 for 沼气池, 眼 for 机井 …), so any other character after a number is read as
# one, flagged guessed.
_NOT_MEASURE = (
    "的了和与及或在是为以后前中内外左右上下等至到比较同增减达超占共约近已将被把从由向于即"
    "每各该其此这那并且而但之也均全新再又仅就都还亦只可能使让给按票折选"
    + _CN_CLASS
    + "万亿零〇余多"
)


_FIGURE_RE = re.compile(
    rf"(?P<pre>{alternation(_PRE_QUALIFIERS)})?"
    r"(?:(?:(?P<sign>(?<=[\u4e00-\u9fff(:,])[-−])|(?<![0-9A-Za-z._/+\-#−])(?<![0-9][,:]))"
    r"(?P<num>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)"
    rf"(?: (?=万|亿|{alternation(_UNITS)}))?"  # "30.61 亿元", "幼儿园10 所" as pages space them
    rf"|(?<![数几上成好{_CN_CLASS}万亿零〇])(?P<cn>[{_CN_CLASS}]+)(?=[余多]|万|亿))"
    r"(?P<yu1>[余多](?!于))?"
    r"(?P<scale>万亿|千万|百万|亿|万|千(?![瓦克米伏帕卡焦赫]))?"
    r"(?P<yu2>[余多](?!于))?"
    rf"(?:(?P<unit>{alternation((*_UNITS, *_SKIP_UNITS, *_MEASURE_ALIASES))})"
    rf"|(?P<guess>(?![{_NOT_MEASURE}])[\u4e00-\u9fff]))?"
    # a standard per period or head ("3480元/年", "211.25元/月", "3350吨/天", "60元/月/人")
    r"(?P<per>(?:/(?:年|月|日|天|人|户|亩|次)(?![\u4e00-\u9fff])){1,2})?"
    rf"(?P<suf>{alternation(_SUF_QUALIFIERS)})?"
)


# 节约4亿元 is "saved", not "about"; 最近 / 附近 are not "nearly".
_FALSE_PRE = {"约": "节制签预公合", "近": "最附临就将接", "超": "赶"}


# What stands before a list's item number written alone ("1" on a line of its own, read as
# "。1新建…"): the end of the sentence before, or nothing.
_LIST_NUMBER_BEFORE = frozenset(("", "。", "!", "?", ";", ":"))


# Percentage points as spoken ("高出预期目标1.9个点,"): 点 with no noun after it, after a
# comparison.
_SPOKEN_POINTS = re.compile(r"点(?![\u4e00-\u9fff])")
_POINT_WORDS = re.compile(r"高|低|快|慢|超|提高|下降|增加|减少")


# Verbs of public work: a guessed measure word that opens one is not a measure word ("3完成…").
_VERB_OF_WORK = re.compile(
    r"建设|建成|完成|开工|打通|推进|新增|新建|实施|提升|改造|开展|推动|加快|提高|落实|实现|打造|启动"
    # ... or a noun that opens an indicator's name: a row number before it ("1 / 城镇新增就业", a
    # table with a cell a line, read run together)
    r"|城镇|城市|城乡|农村|乡村|全市|全县|全区|全省|居民|企业|重点|规模以上|社会|地区|一般公共"
)


# Dates and times that must not be read as figures, masked before scanning.
_DATE_MASK = re.compile(
    r"\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d{4}\s*[-—–~至到]\s*\d{4}"
    r"|(?<!\d)(?:\d{3,4}-)?\d{7,8}(?!\d)|1[3-9]\d{9}(?!\d)"
    r"|ICP[^\s,;。]*|(?<![0-9.万亿千A-Za-z])[A-Za-z]+[0-9][0-9A-Za-z.\-]*"  # not "3000m2"
    # ... and a page's counter of its readers ("浏览次数:79次", "阅读量:1.2万")
    r"|(?:浏览|阅读|点击|访问)(?:次数|量|数|人次)\s*[::]?\s*[0-9.]+"
    # ... and a page's postcode and codes ("邮编:636000", "网站标识码:5119000001")
    r"|(?:邮编|邮政编码)\s*[::]?\s*[0-9]{6}|(?:标识码|识别码|备案号|编号|代码)\s*[::]?\s*[0-9A-Za-z\-]+"
)


_THRESHOLD_AFTER = re.compile(
    r"(?:及)?(?:以上|以下)?的"
    r"|(?:及)?(?:以上|以下)(?:重点|重大|产业|工业|在建)?(?:项目|企业|工程)"  # "一批10亿元以上项目"
    r"|(?:及)?以上(?:固定资产)?投资"  # "全县500万元以上固定资产投资完成25.66亿元": its scope
    # ... or the things of that size counted next: "建成500亩以上示范坝区70个"
    r"|(?:及)?(?:以上|以下)[^,;。、0-9的和及等“”()]{1,8}?[0-9]+(?:个|家|所|座|处|项|条)"
)
# A count right before a size ("230个50户以上…村寨"): the size is the class of what is counted.
_COUNT_BEFORE = re.compile(r"[0-9](?:万|千)?(?:个|户|家|所|座|处|项|条|村|人|名)$")
# ... unless what it qualifies is a goal: "城镇新增就业1100万人以上的目标".
_GOAL_AFTER = re.compile(
    r"(?:及)?(?:以上|以下|以内)?的(?:预期|既定|年度|考核|控制)?(?:目标|任务|承诺|要求|指标)"
)


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    number: str  # digits, Chinese numerals already converted
    pre: str | None
    yu: str | None
    scale: str | None
    unit: str
    suf: str | None
    unit_note: str | None
    paragraph: Paragraph
    sentence: tuple[int, int]
    clause: tuple[int, int]
    parsed: Fraction = Fraction(0)
    value: str = ""
    rate: Candidate | None = None
    numerator: Candidate | None = None
    denominator: Candidate | None = None
    baseline: Candidate | None = None
    goal_target: Candidate | None = None
    gap: Candidate | None = None  # a stated distance from the target
    gap_short: bool = False  # the gap's wording says the figure falls short (塌/低于目标)
    ceiling: bool = False  # the goal is a ceiling ("低于省控线0.84个百分点", "控制在4%以内")
    growth: bool = False  # a rate of change against a year earlier (增长5%)
    upper: str | None = None  # the upper bound of a band ("增长4.5%-5%"): the figure is its lower
    decline: bool = False  # a growth figure the text gives as a fall (下降37.8%): negated
    decrease: bool = False
    task: bool = False  # the target a later figure's stated rate implies (``mark_tasks``)
    consumed: bool = False
    column: str | None = None  # "target" / "outcome": the table column the figure stands in
    notes: list[str] = field(default_factory=list)
    related: list[Candidate] = field(default_factory=list)

    @property
    def qualifier(self) -> str | None:
        word = self.pre or self.yu or self.suf
        if word is None:
            return None
        return _QUALIFIER_NAMES.get(word.removeprefix("及"))


def candidates(view: View, paragraphs: list[Paragraph]) -> list[Candidate]:
    norm = view.norm
    masked = _DATE_MASK.sub(lambda m: "#" * len(m.group()), norm)
    starts = [p.start for p in paragraphs]
    found: list[Candidate] = []
    for m in _FIGURE_RE.finditer(masked):
        if not (m["num"] or m["cn"]):
            continue
        index = bisect.bisect_right(starts, m.start()) - 1
        if index < 0 or m.start() >= paragraphs[index].end:
            continue
        para = paragraphs[index]
        if found and m.start() < found[-1].end:
            continue  # the upper bound of a band read with its lower
        cand = _candidate(norm, masked, m, para)
        if cand is not None:
            _read_band(norm, cand)
            found.append(cand)
    return found


def _candidate(norm: str, masked: str, m: re.Match[str], para: Paragraph) -> Candidate | None:
    start, end = m.start(), m.end()
    pre = m["pre"]
    num_start = m.start("sign") if m["sign"] else m.start("num") if m["num"] else m.start("cn")
    if pre and norm[m.start() - 1 : m.start()] in _FALSE_PRE.get(pre, ""):
        pre, start = None, num_start
    if para.skipped(start):
        return None
    guess = m["guess"]
    if guess and (m["scale"] or m["cn"]):
        guess, end = None, m.start("guess")  # "187万稳岗…": a word, not a measure word
    unit = _read_unit(m, guess, masked)
    if unit is None:
        return None
    before = masked[max(num_start - 1, 0) : num_start]
    number_end = m.end("num") if m["num"] else m.end("cn")
    after_number = masked[number_end : number_end + 1]
    if (
        before in ("第", "#", "+", "/", "-", "—", "~", "_")
        or (not unit and after_number in "+/-~—#")
        # "…负压救护车30辆。2提升…": an item's number on a line of its own
        or (guess and not m["scale"] and len(m["num"] or "") <= 2 and before in _LIST_NUMBER_BEFORE)
        # "…县民生实事3完成农村公路大中修": a row's number, then the verb of its task
        or (guess and not m["scale"] and _VERB_OF_WORK.match(masked, m.start("guess")))
    ):
        return None
    if (
        before == "第"
        or masked[max(num_start - 2, 0) : num_start].endswith("第")
        # "000人" of "1 000人", "0001" shown reversed by U+202E: not a figure read
        or (m["num"] and m["num"][0] == "0" and m["num"][1:2] not in ("", "."))
    ):
        return None
    nxt = masked[end : end + 1]
    if (nxt and nxt.isascii() and (nxt.isalpha() or nxt in "+#")) or (
        unit == "所" and nxt == "有" and after_number == " "
    ):
        return None  # "7 所有县(市)实现…": a row's number, then 所有 (all); not "641所有需求的"
    if m["cn"]:
        value = chinese_int(m["cn"])
        if value is None:
            return None
        number = str(value)
    else:
        number = ("-" if m["sign"] else "") + m["num"].replace(",", "")
    unit_note = None
    if guess:
        unit_note = f'"{unit}" read as a measure word'
    if unit in _MEASURE_ALIASES:  # "5大中心": 个
        unit, unit_note = _MEASURE_ALIASES[unit], f'"{unit}" counted as {_MEASURE_ALIASES[unit]}'
    suf = m["suf"] if end == m.end() else None
    if not unit:
        if suf:  # "以上" with no unit: give the suffix back, it may be "以上的…"
            end -= len(suf)
            suf = None
        implied = _implied_unit(norm, start, end) if m["scale"] else _shared(masked, end)
        if implied is None:
            return None
        unit, unit_note = implied
    unit, end, unit_note = _spoken_points(norm, start, end, unit, unit_note)
    unit_end = m.end("unit") if m["unit"] else end
    if (
        _THRESHOLD_AFTER.match(norm, unit_end)
        and (suf or norm.startswith(("以上的", "以下的", "及以上", "及以下"), end))
        and not _GOAL_AFTER.match(norm, unit_end)
    ) or _size_named(norm, start, end, unit, suf):
        return None  # "人口20万人以上的县": a threshold in a definition
    if unit == "省" or (
        unit == "个" and _ADMIN_COUNTED.match(norm, end) and not _OUT_OF_POVERTY.match(norm, end)
    ):
        return None  # "13个县(市、区)", "31个大城市", "全国31省份": the administrative structure
    if unit in ("个", "项", "大") and _SPEECH_PARTS.match(norm, end):
        return None  # "主要做好7个方面的工作", "3点意见": the parts of a speech
    if (
        project_size(norm, start, end, unit)
        or counts_headings(norm, m.end("unit") if m["unit"] else end, m["unit"] or unit)
        or definition_one(norm, num_start, number, suf)
        or _ranked(norm, start, unit)
        or own_business(norm, start, end, unit)
    ):
        return None  # "总投资20亿元的…项目", "10个方面的72个项目", "至少有1家", "会议12次"
    if _VOTERS.match(norm, end) and _VOTE.search(norm, *containing(para.sentences, start)):
        return None  # "由231名代表投票表决": who voted, not work done
    if _no_work(norm, para, start, end, unit):
        return None
    if _RANGE_BOUND.match(norm, end) or _RANGE_BOUND_END.match(norm, end):
        return None  # "(完成进度在80%到100%之间)": the bounds of a class of projects
    if (norm[max(start - 2, 0) : start] == "其余" and not _REST_DONE.match(norm, end)) or (
        number == "1" and not m["scale"] and _PER_UNIT.search(norm, max(start - 6, 0), start)
    ):
        return None  # "其余12个": the rest; "每户至少1人就业": one per household, a definition
    if unit in ("条", "款") and (
        norm[max(start - 1, 0) : start] == "章"
        or _POLICY_NAME.search(norm, max(start - 8, 0), start)
    ):
        return None  # "共3章25条", "出台“稳就业20条”": the articles of a regulation, its name
    sentence = containing(para.sentences, start)
    clause = containing(para.clauses, start)
    return Candidate(
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


def _ranked(norm: str, start: int, unit: str) -> bool:
    """A rank ("前10名", "位列前3位") or a rank's move ("较1-5月上升1位")."""
    return unit in ("名", "位") and (
        norm[max(start - 1, 0) : start] in ("前", "列")
        or _RANK_MOVE.search(norm, max(start - 4, 0), start) is not None
    )


def _size_named(norm: str, start: int, end: int, unit: str, suf: str | None) -> bool:
    """A size right after a count, the class of what is counted ("完成230个50户以上木质房屋连片
    村寨…"), or a team's size in a name ("3人制篮球场")."""
    if suf in ("以上", "以下") and _COUNT_BEFORE.search(norm, max(start - 12, 0), start):
        return True
    return unit == "人" and norm.startswith("制", end)


# A count of days named before the figure ("空气质量优良天数稳定在300天以上").
_DAYS_COUNTED = re.compile(r"天数[^,;。,;0-9]{0,8}$")


def _read_unit(m: re.Match[str], guess: str | None, masked: str) -> str | None:
    """The measure word as read, None for a figure that counts no work."""
    unit = m["unit"] or guess or ""
    band = _BARE_BAND.match(masked, m.start("num")) if not unit and m["num"] else None
    if band and band.start("hi") >= m.end() and Fraction(band["hi"]) > Fraction(band["lo"]):
        return "%"  # "预期增长7.5-8%": the band's lower bound, its % left out
    if unit == "天" and _DAYS_COUNTED.search(m.string, max(0, m.start() - 16), m.start()):
        return unit  # "优良天数达到300天以上": days counted as the figure, not a duration
    if unit in _SKIP_UNITS or (guess and not m["scale"] and _A_YEAR.fullmatch(m["num"] or "")):
        return None  # a unit that counts no work; "直通2023山东两会": a year in a name
    if m["per"]:  # "3480元/年"; not "1/3", nor a guessed word before "/"
        return unit + m["per"] if m["unit"] and unit in _UNITS and unit != "%" else None
    return unit


def _spoken_points(
    norm: str, start: int, end: int, unit: str, note: str | None
) -> tuple[str, int, str | None]:
    """Percentage points as spoken ("高出预期目标1.9个点"), or the unit as read."""
    if (
        unit == "个"
        and _SPOKEN_POINTS.match(norm, end)
        and _POINT_WORDS.search(norm, max(start - 12, 0), start)
    ):
        return "个百分点", end + 1, '"个点" read as 个百分点'
    return unit, end, note


def _no_work(norm: str, para: Paragraph, start: int, end: int, unit: str) -> bool:
    """The basis of a payment ("按800元标准"), a meeting's roll ("实有代表334名") or a reform's
    name ("“34证合一”"): figures of the policy or of the meeting, not of work done."""
    if norm.startswith(("合一", "一照", "一码"), end) and len(unit) == 1:
        return True
    if _BASIS_BEFORE.search(norm, max(start - 10, 0), start) and _BASIS_AFTER.match(norm, end):
        return True
    return unit in ("名", "人", "位") and bool(
        _ROLL.search(norm, *containing(para.sentences, start))
    )


# The upper bound of a band of rates after its lower: "4.5%-5%", "6.5%至7%", "3—3.5%".
_BAND_UPPER = re.compile(r"\s*[-—–~至到]\s*(?P<hi>[0-9]+(?:\.[0-9]+)?)%(?![0-9])")


# ... and a band whose lower bound leaves out the % ("地区生产总值预期增长7.5-8%").
_BARE_BAND = re.compile(
    r"(?P<lo>[0-9]+(?:\.[0-9]+)?)\s*[-—–~至到]\s*(?P<hi>[0-9]+(?:\.[0-9]+)?)%(?![0-9])"
)


def _read_band(norm: str, cand: Candidate) -> None:
    """Extend a rate to the band it opens ("经济增长4.5%-5%"): one figure, its upper bound
    kept (kind range). "在80%到100%之间" was skipped before (the bounds of a class)."""
    if cand.unit != "%" or cand.suf:
        return
    match = _BAND_UPPER.match(norm, cand.end)
    if match and Fraction(match["hi"]) > Fraction(cand.number):
        cand.upper = match["hi"] + "%"
        cand.end = match.end()


def _shared(masked: str, end: int) -> tuple[str, str] | None:
    """The measure word of a number a list's next number gives ("回落2.16和1.66个百分点")."""
    unit = shared_unit(masked, end)
    return None if unit is None else (unit, f"unit {unit} from the next number of the list")


def _implied_unit(norm: str, start: int, end: int) -> tuple[str, str] | None:
    """The unit of a figure written with a scale and no measure word, from the words next to
    it, or from the other end of a change ("由1.2万人减少到0.8万")."""
    implied = _unit_from_words(norm, start, end)
    change = change_unit(norm, start, end) if implied is None else None
    if change is None:
        return implied
    unit, other_start, other_end = change
    if unit:
        return unit, f"unit {unit} from the other end of the change"
    return _unit_from_words(norm, other_start, other_end) if other_start < other_end else None


def _unit_from_words(norm: str, start: int, end: int) -> tuple[str, str] | None:
    """The unit of a figure written with a scale and no measure word, from the words next to
    it: money ("187万稳岗返还资金") or people ("困难群体实现再就业1.21万")."""
    # the words after it up to its clause's end: not "减少130万,居民收入…"
    after = re.split(r"[,,;;。]", norm[end : end + 8], maxsplit=1)[0]
    if _MONEY_WORDS.search(after + norm[max(start - 4, 0) : start]):
        return "元", "unit 元 from the money word next to the figure"
    if _PERSON_WORDS.search(norm, max(start - 4, 0), start):
        return "人", "unit 人 from the word for people before the figure"
    if _PEOPLE_AFTER.match(norm, end):
        return "人", "unit 人 from the people counted after the figure"
    return None


def _value_text(cand: Candidate) -> str:
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


def read_value(cand: Candidate) -> bool:
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


def _value_text_plain(cand: Candidate) -> str:
    text = cand.number + (cand.scale or "") + (cand.yu or "")
    return text + cand.unit if cand.unit in ("%", "‰") else text
