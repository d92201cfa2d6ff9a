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

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from tracker.core.regions import RegionInfo
from tracker.extract.across import relate_across
from tracker.extract.candidates import Candidate, candidates, read_value
from tracker.extract.dates import (
    TimeEvent,
    read_article_date,
    time_events,
    told_date,
    years_mentioned,
)
from tracker.extract.draft import Extraction, Figure, Role
from tracker.extract.grid import bar_columns
from tracker.extract.places import figure_region, region_pattern, region_tree
from tracker.extract.relations import relate
from tracker.extract.roles import figure_role
from tracker.extract.skips import drop_headline_repeats, mark_anecdotes
from tracker.extract.stance import article_stance
from tracker.extract.tables import table_rows
from tracker.extract.text import (
    SENTENCE_END,
    View,
    balanced,
    clean_quote,
    normalised_view,
    paragraph_at,
    split_paragraphs,
    strip_edges,
)
from tracker.extract.titles import UNNAMED, category_of, figure_title, without_heading_line
from tracker.extract.when import ArticleContext, figure_when

__all__ = ["Extraction", "Figure", "Role", "extract", "read_article_date"]


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
    view = normalised_view(text)
    norm = view.norm
    paragraphs = split_paragraphs(view)
    in_story = mark_anecdotes(norm, paragraphs)

    date_note = None
    date_given = date is not None
    if date is None:
        date = read_article_date(text)
        date_note = "article date read from the text" if date else None
    date_known = date is not None
    ref_year, default_year, year_note = _years(norm, year, date, date_given=date_given)

    def skip_time(at: int) -> bool:
        # A repeated sentence is not read for figures, but its time ("去年…") still dates the
        # figures after it.
        return in_story(at) or paragraph_at(paragraphs, at).furniture_at(at)

    events = time_events(norm, ref_year, skip_time, date)
    if date is None and (date := _estimated_date(norm, events)) is not None:
        date_note = "article date estimated: the latest date the text states"
        if ref_year is None:  # "1—10月份" had no year to take: the estimated date's
            ref_year = default_year = date.year
            events = time_events(norm, ref_year, skip_time)

    keys, names = region_pattern(regions)
    region_note = None
    if region is None and keys is not None:
        counts = Counter(names[m.group()] for m in keys.finditer(norm) if not in_story(m.start()))
        if counts:
            region = counts.most_common(1)[0][0]
            region_note = "region: the one the article names most"
    allowed = region_tree(regions, region) if region and regions else None
    ctx = ArticleContext(
        ref_year=ref_year,
        default_year=default_year,
        year_note=year_note,
        date=told_date(norm, date) or date,  # "目前" in a report of a press conference: its day
        events=events,
        event_starts=[e.at for e in events],
        region_default=region,
        region_keys=keys,
        region_names=names,
        region_allowed=allowed,
        norm=norm,
        date_known=date_known,
        sentences=[s for para in paragraphs for s in para.sentences],
        stance=article_stance(norm),
        this_year_planned=_this_year_planned(norm, ref_year),
    )

    cands = [c for c in candidates(view, paragraphs) if not in_story(c.start) and read_value(c)]
    cands = drop_headline_repeats(norm, cands)
    cands = table_rows(norm, paragraphs, cands)
    cands = bar_columns(norm, paragraphs, cands)
    relate(norm, cands)
    relate_across(norm, cands)
    figures: list[Figure] = []
    prev: Candidate | None = None
    prev_title: str | None = None
    for cand in cands:
        if prev is not None and prev.sentence != cand.sentence:
            prev, prev_title = None, None
        if not cand.consumed:
            before = figures[-1] if figures else None
            same_paragraph = before is not None and before.paragraph == cand.paragraph.index
            prev_role = before.role if before is not None and same_paragraph else None
            earlier = (
                before.title
                if before is not None
                and same_paragraph
                and before.unit == cand.unit
                and before.title != UNNAMED
                else None
            )
            figure = _figure(view, cand, ctx, prev, prev_title, prev_role, earlier)
            figures.append(figure)
            prev_title = figure.title if figure.title != UNNAMED else None
        prev = cand
    title = _article_title(text)
    return Extraction(
        figures=tuple(figures),
        date=date,
        date_note=date_note,
        year=default_year,
        region=region,
        region_note=region_note,
        title=title,
        paragraphs=tuple(clean_quote(text[slice(*view.span(p.start, p.end))]) for p in paragraphs),
    )


# "上半年全区就业创业促进工作成绩突出,…。": a period named in a judgement, with no figure in
# its sentence, does not tell how late the figures run.
_FIGURE_AFTER = re.compile(r"[^。!?]*?[0-9]")


def _estimated_date(norm: str, events: list[TimeEvent]) -> dt.date | None:
    """No date shown: the latest date the article states is our best estimate of it."""
    stated = [
        e.as_of
        for e in events
        if e.as_of is not None and not e.deadline and _FIGURE_AFTER.match(norm, e.at + len(e.text))
    ]
    return max(stated) if stated else None


def _years(
    norm: str, year: int | None, date: dt.date | None, *, date_given: bool
) -> tuple[int | None, int | None, str | None]:
    """The year "今年" means, the year of figures the text dates in no other way, and the
    note that says where the latter came from."""
    years = years_mentioned(norm)
    common_year = max(years, key=lambda y: (years[y], y)) if years else None
    # "今年" is the year of --date, else --year, else the article's own date line.
    if date is None and year is None and (review := _REVIEW_HEADING.search(norm)):
        # An undated "2014年工作回顾" is written the year after: its "过去的一年" is 2014.
        common_ref: int | None = int(review[1] or review[2]) + 1
    else:
        common_ref = common_year
    ref_year = date.year if date_given and date else (year or (date.year if date else common_ref))
    year_note = None
    if year is None:
        year_note = (
            f"period: the year the article mentions most ({common_year})"
            if common_year
            else "period: no year in the text"
        )
    return ref_year, year or common_year or (date.year if date else None), year_note


def _this_year_planned(norm: str, ref_year: int | None) -> bool:
    """Whether the text looks back on the year before 今年 or heads 今年's plan."""
    review = _REVIEW_HEADING.search(norm)
    looks_back = review is not None and int(review[1] or review[2]) + 1 == ref_year
    return looks_back or _THIS_YEARS_PLAN.search(norm) is not None


# "今年主要预期目标", "今年的主要任务", "今年工作安排": a heading of this year's plan.
_THIS_YEARS_PLAN = re.compile(r"今年(?:的)?(?:主要)?(?:预期)?(?:目标|任务)|今年(?:工作)?安排")
# "2014年工作回顾", "回顾2019年,…", "报告首先回顾了2017年工作": the year looked back on.
_REVIEW_HEADING = re.compile(r"([0-9]{4})年(?:工作|发展)?(?:回顾|总结)|回顾了?([0-9]{4})年")


def _figure(
    view: View,
    cand: Candidate,
    ctx: ArticleContext,
    prev: Candidate | None,
    prev_title: str | None,
    prev_role: Role | None,
    earlier: str | None = None,
) -> Figure:
    norm = view.norm
    guessed: list[tuple[str, str]] = []
    provisional = figure_when(cand, ctx, "outcome")
    role, confidence, role_note = figure_role(norm, cand, ctx, provisional, prev_role)
    when = figure_when(cand, ctx, role) if role == "target" else provisional
    if role_note:
        guessed.append(("role", role_note))
    period = str(when.first) if when.first == when.last else f"{when.first}-{when.last}"
    if when.period_note:
        guessed.append(("period", when.period_note))
    if when.as_of_note:
        guessed.append(("as_of", when.as_of_note))
    region, region_note = figure_region(norm, cand, ctx)
    if region_note:
        guessed.append(("region", region_note))
    if cand.unit_note:
        guessed.append(("unit", cand.unit_note))
        confidence -= 0.15
    title = figure_title(norm, cand, ctx, prev, prev_title, earlier)
    if title == UNNAMED:
        confidence -= 0.1
    qualifier = cand.qualifier
    kind = "at_least"
    if role == "target" and qualifier == "about" and cand.upper is None:
        kind = "range"  # "控制在29微克/立方米左右": a band, not a ceiling
    elif (
        cand.decrease
        or qualifier == "at_most"
        or cand.ceiling
        or _CEILING_NAMED.match(norm, cand.end)  # "低于4.5%的控制目标": a ceiling quoted
        or (role == "target" and qualifier == "less_than")
        or re.search(r"控制在$", norm[cand.clause[0] : cand.start])
        # an unemployment rate told against its target is held under it ("失业率3.47%,低于年计划
        # 1.03个百分点")
        or (cand.gap is not None and cand.unit == "%" and "失业率" in title)
    ):
        kind = "at_most"
    elif cand.upper is not None or (role == "target" and qualifier == "about"):
        kind = "range"  # "增长9%左右": a band around the figure; "增长4.5%-5%": a band
    target = cand.goal_target
    if target is not None and target.qualifier in ("at_most", "less_than", "about"):
        # The target stated with the outcome words the goal: "1.5%(控制目标4%以内)".
        kind = "range" if target.qualifier == "about" else "at_most"
    measure = _measure(norm, cand, title)
    # The figure's own clause, not its sentence: "地区生产总值增长6%左右,…,城镇新增就业5万人"
    # does not make the GDP target one of 就业.
    category = category_of(title) or category_of(norm[cand.clause[0] : cand.clause[1]])
    tolerance = _tolerance(target or cand) if kind == "range" and cand.upper is None else None
    if tolerance is not None:
        guessed.append(("tolerance", _TOLERANCE_WHY))
    # The quote: the clauses that hold the figure and every figure related to it.
    spans = [cand.clause, *(r.clause for r in cand.related)]
    q_start = min(s for s, _ in spans)
    q_end = max(e for _, e in spans)
    o_start, o_end = view.span(q_start, q_end)
    quote = balanced(strip_edges(clean_quote(view.original[o_start:o_end])))
    f_start, f_end = view.span(cand.start, cand.end)
    return Figure(
        role=role,
        title=without_heading_line(view, cand, title),
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
        stated_gap=_stated_gap(cand, kind),
        target=cand.goal_target.value if cand.goal_target else None,
        numerator=cand.numerator.value if cand.numerator else None,
        denominator=cand.denominator.value if cand.denominator else None,
        baseline=cand.baseline.value if cand.baseline else None,
        tolerance=tolerance,
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
        upper=cand.upper,
    )


def _measure(norm: str, cand: Candidate, title: str) -> str:
    """Growth, a level (a state: rates, standards, counts in being) or a flow (done within the
    period)."""
    if cand.growth:
        return "growth"
    # "城市标准(788元/月)": money per head or per month, a standard
    if cand.unit in ("%", "‰") or cand.unit.startswith("元/") or cand.baseline is not None:
        return "level"
    insured = _INSURED.search(title) and not _ADDED.search(norm, cand.clause[0], cand.start)
    if _LEVEL_TITLE.search(title) or insured:
        return "level"
    if _REACHED_LEVEL.search(norm, max(cand.clause[0], cand.start - 4), cand.start):
        return "level"  # "外商投资主体增至6000余户": the count in being, not a year's flow
    return "flow"


def _stated_gap(cand: Candidate, kind: str) -> str | None:
    """The gap the text states, signed as SPEC §2 signs gaps: positive = still short."""
    gap = cand.gap
    if gap is None:
        return None
    short = cand.gap_short if kind != "at_most" else not cand.gap_short
    number = gap.value.lstrip("-")
    if gap.unit in ("个百分点", "百分点"):
        number += "个百分点"
    return number if short else "-" + number


_TITLE_NOISE = re.compile(
    r"登录|注册|密码|复制链接|发表于|楼层|快速开始|QQ|首页|开启|热线|电话|地址|邮箱|ICP|版权|来源|"
    r"责任编辑|[0-9]{5,}"
)


def _article_title(text: str) -> str | None:
    """A headline: the first short line near the top that reads like one (as written)."""
    for line in text.splitlines()[:25]:
        norm = line.strip()
        if (
            8 <= len(norm) <= 60
            and not SENTENCE_END.search(norm)
            and not _TITLE_NOISE.search(norm)
            and sum("\u4e00" <= ch <= "\u9fff" for ch in norm) >= 6
        ):
            return clean_quote(norm)
    return None


# Titles of a state at a moment: a rate, a standard, a stock. A stock cut or added (退出产能,
# 新增产能) is a flow.
_LEVEL_TITLE = re.compile(
    r"率|占比|比例|覆盖面|(?<!高)标准|千人口|每千|每万|(?<!退出)(?<!淘汰)(?<!化解)(?<!压减)(?<!新增)产能"
    r"|能力|余额|保有量|存栏|浓度|密度|平均"  # "示范坝区平均亩产值达到7700元": an average
)
# The insured ("养老保险参保人数达430万人"): a count in being, unless the clause counts those added
# ("参保人数新增4.8万人").
_INSURED = re.compile(r"参保(?:人数|人员)")
_ADDED = re.compile(r"新增|净增|增加|扩面")


# A count reached ("增至", "减少到", "降至", "总数达1053家", "发展到177家"): what there is at the
# end, a level.
_REACHED_LEVEL = re.compile(
    r"(?:增|增加|减|减少|降|下降|提高|提升|上升|发展)(?:至|到)$|总(?:数|量)(?:达到|达|为)$"
    # "面积稳定在195万亩", "认证数量达到99个" (not "粮食总产量稳定在507万吨": a year's output)
    r"|(?<!产量)(?<!产值)(?:稳定|保持|维持)在$|数量(?:达到|达|为)$"
)


# A ceiling named after the figure: the target itself ("低于4.5%的控制目标", "4%的控制指标") or
# the outcome kept under it ("失业率3.2%,低于4.5%的控制目标").
_CEILING_NAMED = re.compile(
    r"(?:以内|以下)?的(?:控制|调控)(?:目标|指标|线)"
    r"|[,,]\s*(?:均|仍)?(?:低于|不高于|未超过|控制在)[^,;。]{0,12}?的(?:控制|调控)(?:目标|指标|线)"
)


_TOLERANCE_WHY = "左右: ±0.5 points for a rate, ±5% of the figure otherwise; set the band meant"


def _tolerance(cand: Candidate) -> str:
    """A guessed band for "N左右": half a point of a rate, a twentieth of a count."""
    if cand.unit in ("%", "‰"):
        return "0.5"
    band = cand.parsed / 20
    return str(band.numerator) if band.denominator == 1 else f"{float(band):g}"
