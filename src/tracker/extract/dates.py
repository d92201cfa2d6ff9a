"""Dates in an article: its own date, and the time expressions (2022年, 今年以来, 十四五,
截至12月10日 …) that set the period of the figures after them."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

# Time wording.
_TIME_RE = re.compile(
    r"(?P<span>(?P<s1>\d{4})\s*[-—–~至到]\s*(?P<s2>\d{4})年)"
    r"|(?P<plan>十一五|十二五|十三五|十四五|十五五)"
    r"|(?P<ymd>(?P<y1>\d{4})年(?P<m1>\d{1,2})月(?:(?P<d1>\d{1,2})日|(?P<e1>底|末)|(?P<mid1>上旬|中旬|下旬))?)"
    r"|(?P<upto>(?:截至|截止)(?:到)?(?:(?P<y2>\d{4})年|(?P<ty>今年|本年))?(?:(?P<m2>\d{1,2})月"
    r"(?:(?P<d2>\d{1,2})日|底|末)?|(?P<m2g>1[0-2]|0?[1-9])(?P<d2g>[0-3][0-9])日))"
    r"|(?P<months>(?P<m3a>\d{1,2})\s*[-—–~至到、]\s*(?P<m3>\d{1,2})月(?:份)?(?:底|末)?)"
    # the first months of the year, counted ("前8个月", "前两个月") or in words ("一至九月");
    # not "提前2个月完成"
    r"|(?P<first>(?<![提孕])前(?P<fn>1[0-2]|[1-9]|十[一二]?|[一二两三四五六七八九])个月"
    r"|一\s*[-—–~至到]\s*(?P<fw>十[一二]?|[二三四五六七八九])月(?:份)?(?:底|末)?)"
    r"|(?P<md>(?<![0-9年])(?P<m4>\d{1,2})月(?P<d4>\d{1,2})日)"
    r"|(?P<now>(?:截至|截止)(?:到)?(?:目前|当前|现在)|(?<!项)目前)"  # not "项目前期"
    r"|(?P<year>(?P<by>到|至|在|于)?(?P<y>\d{4})年(?:度)?(?P<after>以来|来|底|末|年底|年末|以前|前|之前)?)"
    r"|(?P<rel>今年(?!\d)|去年|明年|全年|过去的一年|过去一年)(?P<relafter>以来)?"
    # "一年来", not "十一年来"; a digit before it is a time that lost its line break ("发布日期:
    # 2020-05-14 17:30" then "一年来,…")
    r"|(?P<five>过去五年|过去的五年|五年来)|(?P<twelve>(?<!十)一年来)"
    r"|(?P<ahead>(?:今后|未来)(?:五|5)年)"
    r"|(?P<part>上半年|前三季度?|前两季度?|(?:第)?(?P<q>[一二三四])季度(?:末|底)?)"
    # a month, not the end of a range ("1月至4月") nor a deadline ("到9月底"); after a verb of
    # change it is the time of a level reached ("回落至4月份的5.2%")
    r"|(?P<month>(?:(?<![0-9\-—–~至到、])(?<![0-9]年)|(?<=[降落升增减高长][至到]))"
    r"(?P<m5>1[0-2]|[1-9])月(?:份)?(?:底|末)?(?![0-9日]))"
    # A year without 年 opening a clause about an area: "殷勇表示,2025北京全市地区生产总值…"
    r"|(?:(?<=[,:。;])|^)(?P<bare>(?:19|20)[0-9]{2})"
    r"(?=[\u4e00-\u9fff]{0,4}?(?:全市|全省|全区|全县|全州|全国|全年))"
)


_AGE_AFTER_TODAY = re.compile(r"^\d{1,3}岁")


_ARTICLE_DATE_RES = (
    re.compile(
        r"(?:发表于|发布于|发布时间|发布日期|发表时间|更新时间|日期|时间)\s*[:]?\s*"
        r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})"
    ),
    re.compile(r"第\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\s*期"),
)


# A news page's stamp near the top: "2019-03-03 11:47:00", "2019-03-03 11:47".
_STAMP = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\s*\d{1,2}:\d{2}(?::\d{2})?")


# ... or a date alone on the page's date line ("2023-10-25", "2023/10/25"), read after both;
# its line joined to the next one's months ("2023-10-25" then "1-9月,全县…", "10月份…") when
# its day has both digits.
_BARE_STAMP = re.compile(
    r"(?<![\d.\-/])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"(?:(?![\d.\-/])|(?<=\d\d)(?=(?:1[0-2]|[1-9])(?:\s*[-—–~至到]\s*(?:1[0-2]|[1-9]))?月))"
)


# ... written day first, as some news sites stamp a page ("29.12.2014  19:45").
_STAMP_DAY_FIRST = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\s*\d{1,2}:\d{2}(?::\d{2})?"
)


_DATELINE = re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_SPEECH_DATELINE = re.compile(
    r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日\s*在[^。,]{2,40}?(?:会议|大会)上"
)


def read_article_date(text: str) -> dt.date | None:
    """The publication date the text states (发表于 2023-6-16, 第2025-01-03期, a dateline)."""
    # The text as one stream (line breaks lost or not, the same date).
    norm = unicodedata.normalize("NFKC", "".join(ln.strip() for ln in text.splitlines()))
    found = _stated_date(norm)
    return _reposted(norm, found) if found else None


def _stated_date(norm: str) -> dt.date | None:
    for pattern in _ARTICLE_DATE_RES:
        match = pattern.search(norm)
        if match:
            found = _date(int(match["y"]), int(match["m"]), int(match["d"]))
            if found:
                return found
    # "——2019年3月21日在…第二次会议上": the day the report was given, not a repost's stamp
    speech = _SPEECH_DATELINE.search(norm, 0, _DATELINE_WITHIN)
    if speech and (found := _date(int(speech["y"]), int(speech["m"]), int(speech["d"]))):
        return found
    for match in (
        *_STAMP.finditer(norm, 0, _DATELINE_WITHIN),
        *_STAMP_DAY_FIRST.finditer(norm, 0, _DATELINE_WITHIN),
        *_DATELINE.finditer(norm, 0, _DATELINE_WITHIN),
        *_BARE_STAMP.finditer(norm, 0, _DATELINE_WITHIN),
    ):
        if norm.endswith(_UNTIL, 0, match.start()) or _MEDIA_EVENT.match(norm, match.end()):
            # "截至2018年12月25日,已完成…", "…新闻频道2021年5月27日播出": the day of figures or
            # of a report the text cites, not of the page
            continue
        found = _date(int(match["y"]), int(match["m"]), int(match["d"]))
        if found:
            return found
    return None


_UNTIL = ("截至", "截止", "截止到", "至", "到")


# A news agency's dateline near the top: "新华社北京12月26日电", "福州新闻网12月31日讯".
_NEWS_DATELINE = re.compile(r"(?<![0-9年])(?P<m>1[0-2]|0?[1-9])月(?P<d>[0-3]?[0-9])日(?:电|讯)")


def _reposted(norm: str, stamp: dt.date) -> dt.date:
    """The day of the news a page reposts: a dateline later in the year than the page's stamp
    ("发布时间:2024-11-16 … 新华社北京12月26日电") is of the year before, and dates the news."""
    match = _NEWS_DATELINE.search(norm, 0, 2 * _DATELINE_WITHIN)
    if match is None or (int(match["m"]), int(match["d"])) <= (stamp.month, stamp.day):
        return stamp
    return _date(stamp.year - 1, int(match["m"]), int(match["d"])) or stamp


# The day a news report says the figures were told, near its top: "省新闻办27日召开的新闻发布会",
# "在12月27日举行的新闻发布会上": "目前" is that day, not the day the page came out.
_TOLD = re.compile(
    r"(?<![0-9年])(?:(?P<m>[0-9]{1,2})月)?(?P<d>[0-9]{1,2})日(?:上午|下午|晚)?(?:召开|举行|举办)"
    r"(?:的)?[^,;。0-9]{0,12}?(?:新闻发布会|发布会|新闻通气会|通气会)"
)


def told_date(norm: str, date: dt.date | None) -> dt.date | None:
    """The day of the press conference the lead says the figures were told at, on or before the
    article's ``date`` (the month before when its day is later than the date's)."""
    match = _TOLD.search(norm, 0, _DATELINE_WITHIN)
    if match is None or date is None:
        return None
    month = int(match["m"]) if match["m"] else date.month
    year = date.year if month <= date.month else date.year - 1
    day = int(match["d"])
    if not match["m"] and day > date.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    told = _date(year, month, day)
    return told if told is not None and told <= date else None


_DATELINE_WITHIN = 240  # a dateline stands near the top


def _date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None; a day past its month's end that some month has ("2月30日", "6月31日",
    a slip of the writer's) is the month's last day, so that its year and month still count."""
    end = _month_end(year, month)
    if end is None or not 1 <= day <= _LONGEST_MONTH:
        return None
    return end if day > end.day else end.replace(day=day)


_LONGEST_MONTH = 31


def _month_end(year: int, month: int) -> dt.date | None:
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        return None
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


@dataclass(slots=True)
class TimeEvent:
    """What a time expression says about the figures after it."""

    at: int
    first: int | None = None  # period start year
    last: int | None = None  # period end year
    as_of: dt.date | None = None
    deadline: bool = False  # "到2025年": a plan's horizon
    current: bool = False  # "目前", "今年以来": as of the article date
    text: str = ""
    relative: bool = False  # "今年", "去年": the year depends on the article date
    bracket: bool = False  # "…(2013—2017年)": the period of a task named before it
    whole: bool = False  # "确保全年城镇新增就业60万人": the whole year, not a date before it
    own: bool = False  # "利润1-11月增长31.2%" in a review of the year: dates its sentence only


_PLAN_STARTS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}


# A five-year plan's name dates the figures after it when it says "in that period":
# "“十三五”时期", "十三五期间", "“十三五”以来", "“十三五”末", "“十三五”,…".
_PLAN_AS_TIME = re.compile(
    r"[”\"’']?(?:时期|期间|以来|末|来|[,:]"
    # ... and a heading of its results or its targets: "“十三五”成就:", "“十四五”目标:"
    r"|(?:主要)?(?:成就|成绩|成果|目标)[:])"
)


_MIDYEAR = 7


# ... since its start, told while it runs: "“十四五”以来", "十四五以来".
_PLAN_SINCE = re.compile(r"[”\"’']?(?:以来|来)")


# ... a multiple of an earlier time's figure ("是“十一五”末的1.9倍"): no date of figures.
_MULTIPLE_OF = re.compile(r"[”\"’']?(?:末|年底|年末)?的[0-9]+(?:\.[0-9]+)?倍")


# The label of an item's deadline, just before its date: "完成时限:9月底", "完成时间:2023年…".
_DEADLINE_LABEL = re.compile(r"(?:时限|完成时间|办结时间|截止时间|期限)[::]?\s*$")


# A report the text cites, after its day ("…新闻频道2021年5月27日播出", "据…5月27日报道").
_MEDIA_EVENT = re.compile(r"(?:首次|专题)?(?:播出|播发|报道|刊发|刊登|刊载|转载)")


# The end of an indicator's name, not of an area ("全县1-9月", "萧县9月份") nor a time word.
_AFTER_NAME = re.compile(r"[\u4e00-\u9fff](?<![省市县区州旗盟国镇乡村年度份底末])")


# A month that tells when a work is (to be) opened or finished, or a task done ("“婚姻登记跨区
# 通办”5月份完成全年任务。"), its clause holding no figure; or a table's cell ("…\t9月投入使用"
# then the next row's "3\t").
_MONTH_OF_EVENT = re.compile(
    r"(?:将|要|可|即可)?(?:投入使用|投用|交付使用|交付|启用|建成|竣工|完工|开放|运营"
    r"|(?:已|全部|提前)?(?:完成|开工|启动|上线|通车|投产))[^0-9,,;。\t]*"
    r"(?:[,,;。\t]|[0-9]{1,3}\t|$)"
)


_PART_MONTHS = {"上半年": 6, "前三季度": 9, "前两季度": 6, "前三季": 9, "前两季": 6}
_MONTH_WORDS = {w: n for n, w in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}


def _month_number(word: str) -> int:
    """The month a count names: "8", "两", "九", "十一"."""
    if word.isdigit():
        return int(word)
    return sum(_MONTH_WORDS[ch] for ch in word) if word.startswith("十") else _MONTH_WORDS[word]


_QUARTERS = {"一": 3, "二": 6, "三": 9, "四": 12}  # "三季度末", "第一季度": as of its last day


def time_events(
    norm: str,
    ref: int | None,
    skip: Callable[[int], bool],
    date: dt.date | None = None,
) -> list[TimeEvent]:
    """Every time expression of the text that dates the figures after it, in text order.

    A date without a year (截至10月底, 1-11月, 上半年, 9月份) takes the year of the period in
    force (the last year the text wrote before it), else ``ref``; one that would fall more than
    a month after the article ``date`` is last year's."""
    events: list[TimeEvent] = []
    in_force: int | None = None
    for m in _TIME_RE.finditer(norm):
        if skip(m.start()):
            continue
        if m["ymd"] and date is not None and m.start() < _DATELINE_WITHIN:
            found = _date(int(m["y1"]), int(m["m1"]), int(m["d1"] or 1))
            if found == date:
                continue  # the article's own date line dates the article, not its figures
        if in_force is None and m["rel"] == "全年" and _year_just_ended(norm, m, date):
            event: TimeEvent | None = _last_year_whole(norm, m, date)
        else:
            event = _time_event(norm, m, ref, date, in_force or ref)
        if event is not None and m["now"] == "目前" and _dated_in_sentence(norm, events, m.start()):
            continue  # "截至6月30日,…,目前完工24条": 目前 is that date
        if event is not None:
            events.append(event)
            if event.first is not None and event.first == event.last and not event.deadline:
                in_force = event.first
    return events


def _dated(year: int | None, month: int, day: int | None, date: dt.date | None) -> dt.date | None:
    """The date of month (and day) in ``year``; last year's when it would be far past ``date``."""
    if year is None:
        return None
    when = _date(year, month, day) if day else _month_end(year, month)
    if when is not None and date is not None and when > date + dt.timedelta(days=31):
        when = _date(year - 1, month, day) if day else _month_end(year - 1, month)
    return when


def _under_way(year: int | None, last_month: int, date: dt.date | None) -> bool:
    """A quarter of ``year`` that has begun by ``date`` and ends more than a month after it."""
    if year is None or date is None or year != date.year:
        return False
    begun = dt.date(year, last_month - 2, 1) <= date
    return begun and dt.date(year, last_month, 1) > date + dt.timedelta(days=31)


# A sentence that plans its quarter: a modal after the quarter and nothing told as done.
_QUARTER_PLANNED = re.compile(r"确保|力争")
_QUARTER_DONE = re.compile(r"已|了|累计|同比|截至|完成|实现|达到|增长|下降")


def _planned_quarter(norm: str, at: int) -> bool:
    """Whether the sentence of a quarter named at ``at`` plans it ("一季度开工重点项目57个,
    确保首战即决战"), an undated article's quarter to come rather than the date of its figures."""
    start = max(norm.rfind(stop, max(0, at - 200), at) for stop in "。!?\n") + 1
    ends = [e for e in (norm.find(stop, at, at + 200) for stop in "。!?\n") if e >= 0]
    sentence = norm[start : min(ends, default=min(len(norm), at + 200))]
    return bool(_QUARTER_PLANNED.search(sentence)) and not _QUARTER_DONE.search(sentence)


# A period aimed at ("冲刺四季度", "决胜四季度", "力争三季度完工") or planned ("四季度将…").
_PERIOD_AIMED = re.compile(r"(?:冲刺|决胜|决战|大干|奋战|力争|确保|争取|抢抓)$")
_PERIOD_PLANNED = re.compile(r"(?:末|底)?(?:将|要|力争|确保|争取|前|内)")


def _period_planned(norm: str, m: re.Match[str]) -> bool:
    at = m.start()
    return bool(
        _PERIOD_AIMED.search(norm[max(0, at - 4) : at]) or _PERIOD_PLANNED.match(norm, m.end())
    )


def _ends_after(year: int | None, last_month: int, date: dt.date) -> bool:
    """Whether the period of ``year`` ending with ``last_month`` ends after ``date``."""
    end = _month_end(year or date.year, last_month)
    return end is not None and end > date


def _dated_in_sentence(norm: str, events: list[TimeEvent], at: int) -> bool:
    """Whether a date ("截至6月30日", "1-6月") dates the sentence (up to its full stop) that
    holds ``at``."""
    last = events[-1] if events else None
    return (
        last is not None
        and last.as_of is not None
        and not last.current
        and _SENTENCE_STOP.search(norm, last.at, at) is None
    )


_SENTENCE_STOP = re.compile(r"[。!?]")


def _time_event(
    norm: str,
    m: re.Match[str],
    ref: int | None,
    date: dt.date | None = None,
    in_force: int | None = None,
) -> TimeEvent | None:
    """What one time expression says; ``in_force`` is the year of a date written without one."""
    at, text = m.start(), m.group()
    if _MULTIPLE_OF.match(norm, m.end()):
        return None  # "是“九五”末的2.2倍", "相当于2000年的3倍": the base of a multiple
    if _DEADLINE_LABEL.search(norm, max(0, at - 8), at):
        return None  # "(牵头单位:…;完成时限:2023年12月底)": an item's deadline, not a date
    if m["span"]:
        first, last = int(m["s1"]), int(m["s2"])
        if not 1900 <= first <= last <= 2200:
            return None
        bracket = norm[at - 1 : at] == "(" and norm.startswith(")", m.end())
        return TimeEvent(at, first, last, text=text, bracket=bracket)
    if m["plan"]:
        if not _PLAN_AS_TIME.match(norm, m.end()):
            return None  # "“十四五”开局之年", "“十三五”规划目标": a plan named, not a time
        first = _PLAN_STARTS[m["plan"]]
        if _PLAN_SINCE.match(norm, m.end()) and ref is not None and first <= ref < first + 4:
            # "“十四五”以来,累计新增就业5.3万人" in 2022: a running total to now
            return TimeEvent(at, first, None, current=True, text=text)
        return TimeEvent(at, first, first + 4, text=text)
    if m["ymd"]:
        year, month = int(m["y1"]), int(m["m1"])
        when = _date(year, month, int(m["d1"])) if m["d1"] else _month_end(year, month)
        if when is None or norm.startswith("前", m.end()):
            return None  # "2023年11月底前": a deadline, not a date of figures
        if _MEDIA_EVENT.match(norm, m.end()):
            return None  # "央视2021年5月27日播出《…》": the day of a report, not of figures
        return TimeEvent(at, year, year, as_of=when, text=text)
    if m["upto"]:
        upto_year = int(m["y2"]) if m["y2"] else ref if m["ty"] else in_force
        day = m["d2"] or m["d2g"]
        # A year the text writes is taken as written, even past the article date.
        written = None if m["y2"] else date
        when = _dated(upto_year, int(m["m2"] or m["m2g"]), int(day) if day else None, written)
        if when is None:
            return None
        if m["y2"] or m["ty"]:
            # "截至2021年12月底", "截至今年7月": the year written is the figures' year too
            return TimeEvent(at, when.year, when.year, as_of=when, text=text, relative=not m["y2"])
        return TimeEvent(at, None, None, as_of=when, text=text)
    if m["months"] or m["month"] or m["first"]:
        if m["month"] and norm.startswith(("前", "起", "以前", "开始"), m.end()):
            return None  # "9月前": a deadline
        if m["month"] and _MONTH_OF_EVENT.match(norm, m.end()):
            return None  # "…进入收尾阶段,9月份投入使用;": when a work opens, no date of figures
        last_month = _month_number(m["fn"] or m["fw"] or m["m3"] or m["m5"])
        if m["months"] and not 1 <= int(m["m3a"]) <= last_month <= 12:
            return None
        when = _dated(in_force, last_month, None, date)
        if when is None:
            return None
        # "规模以上工业企业利润1-11月增长31.2%" in a report given after the year: the months
        # written after the indicator's name are that indicator's, not the review's
        own = date is not None and when.year < date.year and _AFTER_NAME.match(norm[at - 1 : at])
        return TimeEvent(at, None, None, as_of=when, text=text, own=bool(own))
    if m["part"]:
        if norm.startswith(("相比", "相较", "比较"), m.end()) or (
            at > 0 and norm[at - 1] in "和与比较同"
        ):
            return None  # "和上半年相比": a comparison, not a date
        month = _QUARTERS[m["q"]] if m["q"] else _PART_MONTHS[m["part"]]
        if m["q"] and _under_way(in_force, month, date):
            return None  # "大干四季度" in October: the quarter to come, not a date of figures
        if m["q"] and date is None and _planned_quarter(norm, at):
            return None  # "一季度开工重点项目57个,确保…开门红" in an undated plan: still to come
        if _period_planned(norm, m) and (date is None or _ends_after(in_force, month, date)):
            # "冲刺四季度", "为决胜四季度奠定基础", "四季度将集中开工", "确保上半年开工" on a
            # June page: a period still to come is a plan, not a date of figures
            return None
        when = _dated(in_force, month, None, date)
        return TimeEvent(at, None, None, as_of=when, text=text) if when else None
    if m["md"]:
        return None  # a day in an account ("11月29日上午"): dates the story, not the figures
    if m["now"]:
        return TimeEvent(at, None, None, current=True, text=text)
    if m["five"]:  # "过去五年": the five years before the article's (to its own, late in it)
        if ref is None:
            return None
        end = ref if date is not None and date.year == ref and date.month >= _MIDYEAR else ref - 1
        return TimeEvent(at, end - 4, end, text=text)
    if m["ahead"]:  # "今后五年的主要目标是": the article's year and the four after it
        return TimeEvent(at, ref, ref + 4, text=text) if ref is not None else None
    if m["twelve"]:  # "一年来": the twelve months before the article, named by their year
        looked_back = (date.year if date.month >= _MIDYEAR else date.year - 1) if date else ref
        return TimeEvent(at, looked_back, looked_back, text=text, relative=True)
    if m["year"]:
        return _year_event(norm, m, ref)
    if m["bare"]:
        year = int(m["bare"])
        return TimeEvent(at, year, year, text=text)
    return _relative_event(norm, m, ref, in_force)


def _year_event(norm: str, m: re.Match[str], ref: int | None) -> TimeEvent | None:
    at, text, year = m.start(), m.group(), int(m["y"])
    if not 1900 <= year <= 2200 or norm.startswith(("月", "-"), m.end()):
        return None
    after = m["after"] or ""
    if not m["by"] and at > 0 and norm[at - 1] in "比较" and not after:
        return None  # "较2010年新增9个项目": the base of a comparison, not a date
    if not after and norm.startswith("同期", m.end()):
        return None  # "高于2019年同期水平", "与2019年同期相比": the base of a comparison
    if not after and norm.startswith("远景", m.end()):
        return None  # "“十四五”规划和2035年远景目标纲要": the name of a plan, not a time
    if after in ("以来", "来"):
        return TimeEvent(at, year, None, current=True, text=text)
    future = ref is None or year >= ref
    if after in ("前", "之前", "以前") and not future:
        return None  # "1975年以前危旧住房", "2000年前建成的小区": what the figure counts
    if after in ("前", "之前", "以前") or (m["by"] in ("到", "至") and future):
        return TimeEvent(at, None, year, deadline=True, text=text)
    if after in ("底", "末", "年底", "年末"):
        if future and ref is not None:
            return TimeEvent(at, None, year, deadline=True, text=text)
        return TimeEvent(at, year, year, as_of=dt.date(year, 12, 31), text=text)
    return TimeEvent(at, year, year, text=text)


def _relative_event(
    norm: str, m: re.Match[str], ref: int | None, in_force: int | None
) -> TimeEvent | None:
    word, at, text = m["rel"], m.start(), m.group()
    if word == "今年" and _AGE_AFTER_TODAY.match(norm, m.end()):
        return None  # "今年53岁": an age
    if word == "全年" and norm.endswith("去年", 0, at) and _last_year_base(norm, at - 2, at):
        return None  # "超过去年全年": the base of a comparison, not the whole year
    if word == "全年":
        year = in_force or ref
        if norm.endswith("预计", max(at - 2, 0), at) and year is not None:
            # "预计全年将超过1200万人": an estimate of the whole year, as of its last day
            return TimeEvent(at, None, None, as_of=dt.date(year, 12, 31), text=text)
        whole = not norm.startswith(("目标", "任务", "计划", "的"), m.end())
        return TimeEvent(at, None, None, text=text, whole=whole)
    if ref is None:
        return None
    if word == "去年" and at > 0 and norm[at - 1] in "比较同与和":
        return None  # "比去年同口径增长35.2%": the base of a comparison, not a date
    if word == "去年" and _last_year_base(norm, at, m.end()):
        # "进度快于去年同期", "是去年同期的近两倍", "超过去年全年": the base of a comparison,
        # as "高于2019年同期水平" is
        return None
    year = {"今年": ref, "去年": ref - 1, "明年": ref + 1}.get(word, ref - 1)
    return TimeEvent(at, year, year, current=bool(m["relafter"]), text=text, relative=True)


# A plan for the whole year ("确保全年…", "全年目标", "全年经济社会发展预期目标"), not a review.
_YEAR_PLANNED_BEFORE = re.compile(r"(?:确保|力争|争取|计划|要|将|目标|任务)$")
_YEAR_PLANNED_AFTER = re.compile(
    r"(?:的|要|将)|[^,;。:!?]{0,16}?(?:目标|任务|计划|预期|力争|确保|争取)"
)


def _last_year_whole(norm: str, m: re.Match[str], date: dt.date | None) -> TimeEvent | None:
    """ "全年" of the year just ended; "预计全年…" as of its last day."""
    if date is None or (
        norm.endswith("去年", 0, m.start()) and _last_year_base(norm, m.start() - 2, m.start())
    ):
        return None
    year = date.year - 1
    estimate = norm.endswith("预计", max(m.start() - 2, 0), m.start())
    as_of = dt.date(year, 12, 31) if estimate else None
    return TimeEvent(m.start(), year, year, as_of=as_of, text=m.group(), whole=True)


def _year_just_ended(norm: str, m: re.Match[str], date: dt.date | None) -> bool:
    """Whether "全年" in a page of January with no year written before it is the year just
    ended ("全年城镇新增就业1.2万人,完成年度目标的120%", "预计全年增长6.5%"), not a plan."""
    if date is None or date.month != 1:
        return False
    at = m.start()
    return not (
        _YEAR_PLANNED_BEFORE.search(norm, max(0, at - 2), at)
        or _YEAR_PLANNED_AFTER.match(norm, m.end())
    )


def _last_year_base(norm: str, at: int, end: int) -> bool:
    """Whether "去年" at ``at`` is the base of a comparison: "去年同期" within a clause (not
    "去年同期,全市…"), or "去年全年", "去年水平", "去年的" after "快于", "超过", "是"."""
    if at == 0 or norm[at - 1] in ",;:。!?(":
        return False
    return norm.startswith("同期", end) or (
        norm[at - 1] in "于过是为" and norm.startswith(("全年", "水平", "的"), end)
    )


def years_mentioned(norm: str) -> Counter[int]:
    counts: Counter[int] = Counter()
    # not the base of a comparison ("比2019年增长12.15%", "高于2019年同期水平")
    for m in re.finditer(r"(?<![0-9第\-—–~至到比较])(\d{4})年(?!\d|同期|远景)", norm):
        year = int(m[1])
        if 1950 <= year <= 2200:
            counts[year] += 1
    return counts


# Periods listed, then their figures in the same order: "一季度、上半年、前三季度、全年分别增长
# 3%、3.4%、4%、4.5%左右", "一季度和上半年…分别增长9.3%、9.2%".
_PERIOD_ITEM = r"(?:第?[一二三四]季度|上半年|前三季度|全年|1\s*[-—–~至]\s*1?[0-9]月)"
_PERIOD_SERIES = re.compile(
    rf"(?P<list>{_PERIOD_ITEM}(?:[、和及与]{_PERIOD_ITEM})+)[^。;,]{{0,30}}?分别"
)
_SERIES_FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_SERIES_GLUE = re.compile(r"^(?:%|‰)?(?:左右|以上)?(?:、|和|及)?$")


def listed_as_of(norm: str, sentence: tuple[int, int], start: int, year: int) -> dt.date | None:
    """The date of the figure at ``start`` when its sentence lists periods and then their
    figures in the same order (…分别增长3%、3.4%…)."""
    series = _PERIOD_SERIES.search(norm, sentence[0], start)
    if series is None:
        return None
    periods = re.findall(_PERIOD_ITEM, series["list"])
    figures = list(_SERIES_FIGURE.finditer(norm, series.end(), sentence[1]))[: len(periods)]
    for before, after in itertools.pairwise(figures):
        if not _SERIES_GLUE.match(norm[before.end() : after.start()]):
            return None  # not a plain list of figures
    starts = [f.start() for f in figures]
    if len(starts) != len(periods) or start not in starts:
        return None
    period = periods[starts.index(start)]
    quarter = re.match(r"第?([一二三四])季度", period)
    if quarter:
        return _month_end(year, _QUARTERS[quarter[1]])
    months = re.search(r"(1?[0-9])月$", period)
    if months:
        return _month_end(year, int(months[1]))
    return _month_end(year, {"上半年": 6, "前三季度": 9}.get(period, 12))
