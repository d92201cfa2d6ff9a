"""Stretches of the text not read for figures: stories of one person (an age, a name), and a
headline that repeats a figure of the body."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from tracker.extract.candidates import Candidate
from tracker.extract.text import Paragraph, alternation

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


_PRONOUN = re.compile(r"(?<!其)[她他](?!们|人|国|乡)")


_NAME_ROLE = re.compile(
    r"(?:市民|村民|居民|家长|患者)(?P<name>[\u4e00-\u9fff]{2,3}?)(?=说|表示|通过|是|在)"
)


def mark_anecdotes(norm: str, paragraphs: list[Paragraph]) -> Callable[[int], bool]:
    """Sentences about one person (an age, or a person named in such a sentence) are stories,
    not statistics; returns whether a position lies in one."""
    names: set[str] = set()
    story: set[tuple[int, int]] = set()
    sentences = [s for para in paragraphs for s in para.sentences]
    for s_start, s_end in sentences:
        sentence = norm[s_start:s_end]
        named = [m["name"] for m in _NAME_AFTER_AGE.finditer(sentence)]
        if named or _ANECDOTE_AGE.search(sentence):
            story.add((s_start, s_end))
            names.update(named)
        names.update(m["name"] for m in _NAME_ROLE.finditer(sentence))
    named_re = re.compile(alternation(names)) if names else None
    in_story = False
    for span in sentences:
        named_here = named_re is not None and named_re.search(norm, *span) is not None
        # A story goes on in the sentences that follow it and speak of "她"/"他".
        told = in_story and _PRONOUN.search(norm, *span) is not None
        in_story = span in story or named_here or told
        if in_story:
            story.add(span)
    spans = sorted(story)

    def inside(at: int) -> bool:
        i = bisect.bisect_right(spans, (at, 1 << 62)) - 1
        return i >= 0 and spans[i][0] <= at < spans[i][1]

    return inside


_HEADLINE_WITHIN = 60
_HEADLINE_END = re.compile(r"[。!?;,:]")
_SHORT_HEADLINE = 40
_SOURCE_LINE = re.compile(
    r"来源|发布时间|发布日期|发表时间|作者|[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}"
    # ... or a news lead's byline: "苏报讯(驻相城区记者 薛卿)", "本报讯", "(记者 王某)"
    r"|[报网台社]讯|[((](?:驻[^()()]{1,8})?记者"
)
_TITLE_END = re.compile(r"(?:通报|通知|报告|公告|公报|情况|综述|纪实)(?=[^的]|$)")


def drop_headline_repeats(norm: str, cands: list[Candidate]) -> list[Candidate]:
    """A headline repeats a figure of the body ("我市新增就业5.6万人"): keep the body's. The
    headline is the start of the text up to a title word (通报, 报告 …) or, without one, up to
    its first clause end when that is short."""
    strict: Callable[[Candidate], tuple[object, ...]] | None = None
    first_stop = _HEADLINE_END.search(norm)
    limit = first_stop.start() if first_stop else len(norm)
    title_end = _TITLE_END.search(norm, 0, min(limit, _HEADLINE_WITHIN))
    if title_end is not None:
        limit = title_end.end()
    else:
        source = _SOURCE_LINE.search(norm, 0, _HEADLINE_WITHIN)
        # Neither: a short first clause ("我市新增就业5.6万人 完成全年目标112%") is the headline.
        short = (
            first_stop is not None
            and first_stop.start() <= _SHORT_HEADLINE
            and not _ITEM_START.match(norm)
        )
        limit = source.start() if source else (limit if short else 0)
        if not source and short:
            strict = _as_written

    def headline(cand: Candidate) -> bool:
        return cand.start < limit

    def key(cand: Candidate) -> tuple[object, ...]:
        # A headline guessed from a short first clause repeats the figure as written.
        written = () if strict is None else strict(cand)
        return (cand.parsed, cand.unit, *written)

    body = {key(c) for c in cands if not headline(c)}
    return [c for c in cands if not (headline(c) and key(c) in body)]


_ITEM_START = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|\(|[0-9]{1,2}[.、])")


def _as_written(cand: Candidate) -> tuple[object, ...]:
    return (cand.pre, cand.suf, cand.yu)
