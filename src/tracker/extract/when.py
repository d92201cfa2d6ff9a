"""Each figure's period and, for an outcome, the date it refers to: the time expressions
(``dates``) in force at the figure, read against the article's time context."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace

from tracker.extract.candidates import Candidate
from tracker.extract.dates import TimeEvent, listed_as_of
from tracker.extract.draft import Role
from tracker.extract.stance import Stance
from tracker.extract.text import Names

# How far back the rules look for a paragraph's heading or subject: a bound that keeps the
# extractor linear on a huge text without full stops.
LOOKBACK = 600


@dataclass(slots=True)
class ArticleContext:
    ref_year: int | None
    default_year: int | None
    year_note: str | None
    date: dt.date | None
    events: list[TimeEvent]
    event_starts: list[int]
    region_default: str | None
    region_keys: Names | None
    region_names: dict[str, str]
    region_allowed: frozenset[str] | None
    norm: str = ""
    date_known: bool = False
    sentences: list[tuple[int, int]] = field(default_factory=list)  # the article's, in order
    balance: dict[int, tuple[float, float]] = field(default_factory=dict)
    stance: Stance | None = None  # a plan or a report, as the article's opening says
    # The text looks back on the year before 今年 (回顾2018年) or heads 今年's plan (今年主要预期
    # 目标): its figures of 今年's year are this year's, even written out (2019年,…).
    this_year_planned: bool = False


@dataclass(slots=True)
class When:
    first: int
    last: int
    as_of: dt.date | None
    period_note: str | None
    as_of_note: str | None
    since: bool = False
    dated: bool = False  # the text dates the figure ("截至9月底", "1—10月")
    absolute: bool = False  # the period comes from a year written out ("2024年")
    task: bool = False  # the period of a task named with it ("…(2013—2017年)")


def figure_when(cand: Candidate, ctx: ArticleContext, role: Role) -> When:
    """The figure's period and, for an outcome, the date it refers to.

    The latest year-bearing expression before the figure sets the period; a later date-only
    one ("截至12月10日", "1—10月底", "目前") dates the figure within it.
    """
    year_event, date_event, whole = _events_before(cand, ctx)
    task = _task_period(cand, ctx)
    if task is not None:
        year_event = task
    period_note: str | None = None
    as_of_note: str | None = None
    if year_event is None:
        if date_event is not None and date_event.as_of is not None:
            first = last = date_event.as_of.year
        elif date_event is not None:
            first = last = now(ctx).year
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
            last = max(first, now(ctx).year)
    as_of: dt.date | None = None
    if role == "outcome":
        if date_event is not None:
            as_of = date_event.as_of or now(ctx)
            if date_event.as_of is None:
                as_of_note = 'as_of: the article date ("目前")'
        elif year_event is not None and year_event.as_of is not None and not whole:
            as_of = year_event.as_of
        elif year_event is not None and year_event.current:
            as_of = now(ctx)
            as_of_note = "as_of: the article date (a running total)"
        else:
            as_of, as_of_note = _year_end(last, ctx, whole, period_note)
        first = min(first, as_of.year)
        last = max(last, as_of.year)
        if first < last and _TIMES_BEFORE.match(ctx.norm, cand.end):
            # "…达到206.27亿元,是“九五”末的2.2倍": the level at the period's end
            first = last
    listed = listed_as_of(ctx.norm, cand.sentence, cand.start, last) if as_of else None
    as_of = listed or as_of  # "一季度、上半年分别增长3%、3.4%": each its own period's
    since = year_event is not None and year_event.current and year_event.first is not None
    dated = (date_event is not None and date_event.as_of is not None) or (
        year_event is not None and year_event.as_of is not None
    )
    absolute = year_event is not None and not year_event.relative and not year_event.deadline
    return When(
        first, last, as_of, period_note, as_of_note, since, dated, absolute, task is not None
    )


# A figure set beside an earlier end as a multiple: "是“九五”末的2.2倍", "相当于2000年的3倍"
# (not "累计完成447亿元,是“九五”的2.3倍": a sum over the years against the plan's before).
_TIMES_BEFORE = re.compile(
    r"[,,]?(?:是|为|相当于)[^,;。0-9]{0,8}?(?:末|年底|年末|[0-9]{4}年)的[0-9.]+倍"
)


def _year_end(
    year: int, ctx: ArticleContext, whole: bool, period_note: str | None
) -> tuple[dt.date, str | None]:
    """An outcome dated by its year only: the year's last day, unless the article's date (or,
    with none, today) comes first. An estimated date (the latest the text states) is only a
    bound: "全年建成20个" after "截至12月25日" is the year's figure."""
    end = dt.date(year, 12, 31)
    if ctx.date is not None and ctx.date < end and not (whole and not ctx.date_known):
        return ctx.date, "as_of: the article date (the year was not over)"
    if ctx.date is None and dt.date.today() < end:  # a figure reported cannot be later
        return dt.date.today(), "as_of: today (no date in the text, and the year is not over)"
    return end, ("as_of: the end of the guessed period" if period_note else None)


def _task_period(cand: Candidate, ctx: ArticleContext) -> TimeEvent | None:
    """The period in brackets after a task named in the figure's sentence ("2606个撤并村通公路
    (2013—2017年)")."""
    index = bisect.bisect_right(ctx.event_starts, cand.start)
    for event in ctx.events[index : index + 3]:
        if event.at >= cand.sentence[1]:
            break
        if event.bracket:
            return event
    return None


def _events_before(
    cand: Candidate, ctx: ArticleContext
) -> tuple[TimeEvent | None, TimeEvent | None, bool]:
    """The year-bearing expression in force at the figure, the date-only one after it, and
    whether a "全年" in the figure's block makes it the whole year's ("截至2018年12月25日,…。
    …全年建成…20个": as of the year's end, not that day; the date of a lead over numbered items
    dates each item, "全年" or not: "截至12月17日已完成…。2.…全年提供…。3.新增…5所")."""
    year_event: TimeEvent | None = None
    date_event: TimeEvent | None = None
    running = _RUNNING.search(ctx.norm, *cand.sentence) is not None
    stopped = whole = False
    now_told: TimeEvent | None = None  # a "目前" in a sentence before, past which months end
    lead: TimeEvent | None = None  # a date over the numbered items, past a "全年" in the item
    index = bisect.bisect_right(ctx.event_starts, cand.start) - 1
    while index >= 0:
        event = ctx.events[index]
        if event.bracket and event.at < cand.sentence[0] and not running:
            # A task's period dates the task, not what was done this year ("(2013—2017年)。
            # 上半年已完成…"); a running total counts over the task's years.
            index -= 1
            continue
        if event.first is not None or event.last is not None:
            year_event = event
            break
        if event.whole and date_event is None:
            stopped = True  # "截至3月底,…。确保全年…60万人": the year's figure, not the date's
            whole = whole or event.at >= cand.paragraph.start
        if stopped and lead is None and event.as_of is not None:
            lead = event if event.at < cand.paragraph.start else None
        own_only = event.own and _CLAUSE_STOP.search(ctx.norm, event.at, cand.start)
        if (
            date_event is None
            and not stopped
            and not own_only
            and (
                event.as_of is not None  # "截至9月底" dates what follows until another date
                or (event.current and not _FULL_STOP.search(ctx.norm, event.at, cand.start))
            )
        ):
            date_event = _now_told(event, now_told, ctx)
        elif date_event is None and event.current and event.as_of is None and now_told is None:
            now_told = event
        index -= 1
    if (
        date_event is None
        and not stopped
        and year_event is not None
        and year_event.as_of is None
        and not year_event.current  # "今年以来": a running total to now, not an earlier month
    ):
        # "萧县9月份民生工程进展情况 … 2025年全县…": a month named before the year of the
        # period dates its figures too.
        for event in ctx.events[max(index - _EARLIER_DATES, 0) : max(index, 0)][::-1]:
            if event.first is not None or event.last is not None:
                break
            if event.current and ctx.date_known:
                break  # "1至11月…。截至目前,…。2014年,全市共救助…": now, not the month
            if event.as_of is not None and event.as_of.year == year_event.first == year_event.last:
                date_event = event
                break
    if date_event is None and lead is not None:
        date_event = lead  # "截至12月20日已全部完成年度任务。1.…全年新增…": the lead's date
    dating = date_event or year_event
    if dating is not None and dating.at < cand.paragraph.start:
        whole = False  # a lead's "截至12月17日已完成…" over numbered items dates each of them
    return year_event, date_event, whole


def _now_told(event: TimeEvent, now_told: TimeEvent | None, ctx: ArticleContext) -> TimeEvent:
    """The date that dates a figure: ``event``, unless "目前" was told after it in a dated
    article ("市财政1至11月…。截至目前,我市100件实事已全部落实。一是完成…43个": the article's day,
    not November's end)."""
    if now_told is None or not ctx.date_known or event.as_of is None or event.as_of >= now(ctx):
        return event
    return replace(now_told, as_of=now(ctx))


def now(ctx: ArticleContext) -> dt.date:
    """The date "now" refers to: the article date; early in January, the year just ended."""
    if ctx.date is not None:
        if ctx.date.month == 1 and ctx.date.day <= 15:
            return dt.date(ctx.date.year - 1, 12, 31)
        return ctx.date
    year = ctx.default_year or dt.date.today().year
    return min(dt.date(year, 12, 31), dt.date.today())


_FULL_STOP = re.compile(r"[。!?\n]")
_CLAUSE_STOP = re.compile(r"[。!?;\n]")
# A total over a task's years: "累计解决了…", "已提前完成总目标任务", "占总计划的84.6%".
_RUNNING = re.compile(r"累计|总(?:目标)?任务|总计划")
_EARLIER_DATES = 8
