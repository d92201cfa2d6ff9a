"""The text as the rules read it: a normalised view that maps back to the original
characters, split into paragraphs, sentences and clauses."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.core.regions import to_simplified


def alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_GLOSS = re.compile(r"\([a-zāáǎàēéěèêīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]+\)")


_FURNITURE_LINE = re.compile(
    r"ICP|Powered by|Copyright|©|版权所有|备案号|GMT[+-]|Processed in|浏览次数|阅读次数"
    r"|点击数|责任编辑|扫一扫|分享到|上一篇|下一篇|上一条|下一条|返回顶部|返回列表"
)


@dataclass(slots=True)
class View:
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


def normalised_view(text: str) -> View:
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
    return View(text, "".join(kept_chars), kept_pos)


def clean_quote(text: str) -> str:
    """A quote for a data file: glosses and line breaks removed, whitespace trimmed."""
    text = re.sub(r"[(（][a-zāáǎàēéěèêīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]+[)）]", "", text)
    text = re.sub(r"\s*\n\s*", "", text)
    return text.strip(" \t\u3000")


QUOTE_EDGES = re.compile(r"^[,;。;:、,\s]+|[,;。;:、,\s]+$")


def balanced(quote: str) -> str:
    """Drop a quotation mark the quote opens or closes without its partner."""
    for open_mark, close_mark in (("“", "”"), ("‘", "’"), ("「", "」"), ("《", "》")):
        if quote.startswith(open_mark) and close_mark not in quote:
            quote = quote[1:]
        if quote.endswith(close_mark) and open_mark not in quote:
            quote = quote[:-1]
    return quote


@dataclass(slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    sentences: list[tuple[int, int]]
    clauses: list[tuple[int, int]]
    skip: bool = False
    anecdote: bool = False


SENTENCE_END = re.compile(r"[。!?;]|\.{3,}|…+")


_CLAUSE_END = re.compile(r"(?<![0-9]),|,(?![0-9]{3}(?![0-9]))|:")


_LINE_PUNCT = "。!?;:,、”’\"')]》>…."


def split_paragraphs(view: View) -> list[Paragraph]:
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
        para = Paragraph(index, start, end, _split(norm, start, end, SENTENCE_END), [])
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


def containing(spans: list[tuple[int, int]], at: int) -> tuple[int, int]:
    starts = [s for s, _ in spans]
    i = bisect.bisect_right(starts, at) - 1
    return spans[max(i, 0)]


def paragraph_at(paragraphs: list[Paragraph], at: int) -> Paragraph:
    i = bisect.bisect_right([p.start for p in paragraphs], at) - 1
    return paragraphs[max(i, 0)]
