"""The text as the rules read it: a normalised view that maps back to the original
characters, split into paragraphs, sentences and clauses."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

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


# Superscript and subscript digits and signs (¹ ² ³ ⁰ … ₉ ⁺ ⁻): annotation, not the text.
_SCRIPTS = frozenset("\u00b2\u00b3\u00b9" + "".join(map(chr, range(0x2070, 0x20A0))))


def _stream(text: str) -> tuple[list[str], list[int]]:
    """The characters of ``text`` with every line break and the blanks around it removed (what
    a copy from a web page gives), each with its original offset. Reading this stream, and only
    it, makes an article and its one-line copy give the same figures."""
    chars: list[str] = []
    pos: list[int] = []
    at = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = body.strip()
        if stripped:
            first = at + len(body) - len(body.lstrip())
            for i, ch in enumerate(stripped, start=first):
                if ch.isascii() or "\u2460" <= ch <= "\u24ff" or "\u2776" <= ch <= "\u2793":
                    # Circled numbers (①②③ in captions) stay: NFKC would make them digits.
                    chars.append(ch)
                    pos.append(i)
                    continue
                if ch in "\u00b2\u00b3" and chars and chars[-1] == "m":
                    chars.append("2" if ch == "\u00b2" else "3")  # "m²", "km²", "m³": squared
                    pos.append(i)
                    continue
                if ch in _SCRIPTS:
                    continue  # a footnote mark ("3732¹人"): NFKC would make it a digit (37321)
                if unicodedata.category(ch) == "Cf":
                    continue  # invisible (U+200B, U+00AD, U+202E …): "1\u200b000人" is 1000人
                for out in unicodedata.normalize("NFKC", ch):
                    chars.append(out)
                    pos.append(i)
        at += len(line)
    return chars, pos


def normalised_view(text: str) -> View:
    chars, pos = _stream(text)
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
    # Years written in Chinese numerals ("二〇二一年") read as the same number of digits.
    norm = _CN_YEAR.sub(lambda m: m.group().translate(_CN_YEAR_DIGITS), "".join(kept_chars))
    return View(text, norm, kept_pos)


_CN_YEAR = re.compile(r"(?<![〇○零一二三四五六七八九十])[一二][〇○零一二三四五六七八九]{3}(?=年)")
_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")


# Every character str.splitlines breaks a line at (the stream's line breaks).
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# A run of blanks is matched whole, once: "\s*\n\s*" tried every start in a run of blanks
# with no line break in it, so 1 MB of spaces took hours.
_BLANKS = re.compile(r"\s+")


def _drop_line_break(run: re.Match[str]) -> str:
    return "" if _LINE_BREAKS.intersection(run.group()) else run.group()


def clean_quote(text: str) -> str:
    """A quote for a data file: glosses and line breaks (with the blanks around them)
    removed, whitespace trimmed."""
    text = re.sub(r"[(（][a-zāáǎàēéěèêīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]+[)）]", "", text)
    text = _BLANKS.sub(_drop_line_break, text)
    return text.strip(" \t\u3000")


_EDGE_MARKS = ",;。;:、,"


def strip_edges(quote: str) -> str:
    """The quote without the punctuation and blanks at its ends (with str methods: a regular
    expression anchored at the end tries every start in a run of them)."""
    start, end = 0, len(quote)
    while start < end and (quote[start] in _EDGE_MARKS or quote[start].isspace()):
        start += 1
    while end > start and (quote[end - 1] in _EDGE_MARKS or quote[end - 1].isspace()):
        end -= 1
    return quote[start:end]


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
    # Sentences read once already (a repeat) and clauses of page furniture: not read.
    skip_sentences: set[tuple[int, int]] = field(default_factory=set)
    skip_clauses: set[tuple[int, int]] = field(default_factory=set)
    furniture: set[tuple[int, int]] = field(default_factory=set)  # of the skipped clauses
    anecdote: bool = False

    def furniture_at(self, at: int) -> bool:
        return containing(self.clauses, at) in self.furniture

    def skipped(self, at: int) -> bool:
        return (
            containing(self.sentences, at) in self.skip_sentences
            or containing(self.clauses, at) in self.skip_clauses
        )


SENTENCE_END = re.compile(r"[。!?;]|\.{3,}|…+")


_CLAUSE_END = re.compile(r"(?<![0-9]),|,(?![0-9]{3}(?![0-9]))|:")


# A list marker opens an item, and so a sentence, even where the text has no full stop before
# it (a heading run into its first line when line breaks are lost): "(一)", "一、", "1.", "1、",
# "①", a bullet. "一、二季度" and "2.5" are not markers.
_CN_NUMERAL = "一二三四五六七八九十"
_ITEM_MARKER = re.compile(
    rf"\((?:[{_CN_NUMERAL}]{{1,3}}|[0-9]{{1,2}})\)"
    rf"|(?<![{_CN_NUMERAL}、0-9.])[{_CN_NUMERAL}]{{1,3}}、(?![{_CN_NUMERAL}])"
    r"|(?<![0-9.%A-Za-z])[0-9]{1,2}(?:\.|、)(?=[\u4e00-\u9fff“\"(])"
    r"|[\u2460-\u2473\u2776-\u277f]"
    r"|[●■◆▲•▪★☆◇□]"  # a bulleted list ("●地区生产总值增长5%以上")
    rf"|实事(?:[{_CN_NUMERAL}]{{1,3}}|[0-9]{{1,2}})(?=:)"  # "实事二:新改扩建…": the item's task
)


# Where a new block (what a paragraph is when the line breaks are lost) starts: a list
# marker right after a full stop, or at the start.
_BLOCK_START = re.compile(rf"(?:(?<=[。!?])|^)(?:{_ITEM_MARKER.pattern})")


_SENTENCE_STOP = re.compile(r"[。!?]")


_REPEAT_SENTENCE = 20
_REPEAT_CLAUSE = 10
# A clause that rates or measures the figure before it: "完成年度计划投资比例52.99%",
# "超序时进度2.99个百分点", "为年度任务的117%", "完成率99%".
_RATES_BEFORE = re.compile(r"\s*(?:完成|为|占|超|低于|高于|塌|落后|投资完成率|开工率|完工率)")
_DIGIT = re.compile(r"[0-9]")


MAX_SENTENCE = 400  # a "sentence" longer than this is cut at its clause ends (linear rules)


def split_paragraphs(view: View) -> list[Paragraph]:
    """Blocks of sentences, read from the character stream only (never from line breaks, which
    a copy from a web page loses): a block starts at a list marker after a full stop."""
    norm = view.norm
    cuts = sorted(
        {0, len(norm)} | {m.start() for m in _BLOCK_START.finditer(norm) if m.start() > 0}
    )
    paragraphs = []
    seen: set[str] = set()
    for index, (start, end) in enumerate(itertools.pairwise(cuts)):
        sentences = _sentences(norm, start, end)
        para = Paragraph(index, start, end, sentences, [])
        para.clauses = [
            clause
            for s_start, s_end in sentences
            for clause in _split(norm, s_start, s_end, _CLAUSE_END)
        ]
        for s_start, s_end in sentences:
            key = re.sub(r"\s+", "", norm[s_start:s_end])
            # A repeated sentence (reposts often carry the article twice) is read once.
            if len(key) >= _REPEAT_SENTENCE and key in seen:
                para.skip_sentences.add((s_start, s_end))
            seen.add(key)
        previous_skipped = True
        for c_start, c_end in para.clauses:
            # ... and so is a repeated clause that states a figure ("全国城镇新增就业1200万人,"),
            # unless it rates a figure told anew just before it ("…累计完成投资12.88亿元,完成年度
            # 计划投资比例52.99%": a summary's rate, told again of the section's figure).
            key = "\0" + re.sub(r"\s+", "", norm[c_start:c_end]).rstrip(",;。:")
            rates_before = _RATES_BEFORE.match(norm, c_start) is not None and not previous_skipped
            repeated = len(key) > _REPEAT_CLAUSE and key in seen and _DIGIT.search(key)
            skipped = bool(repeated) and not rates_before
            if skipped:
                para.skip_clauses.add((c_start, c_end))
            previous_skipped = skipped or norm[c_end - 1 : c_end] in ("。", "!", "?", ";")
            seen.add(key)
        for c_start, c_end in para.clauses:
            if _FURNITURE_LINE.search(norm, c_start, c_end) and c_end - c_start < 200:
                para.skip_clauses.add((c_start, c_end))
                para.furniture.add((c_start, c_end))
        paragraphs.append(para)
    return paragraphs


def _sentences(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences: cut at sentence ends and before list markers; an overlong run without
    either is cut at clause ends, so no rule ever scans more than a sentence's length."""
    spans: list[tuple[int, int]] = []
    for s_start, s_end in _split(norm, start, end, SENTENCE_END):
        at = s_start
        for m in _ITEM_MARKER.finditer(norm, s_start + 1, s_end):
            if norm[m.start() - 1] not in "(":
                spans.append((at, m.start()))
                at = m.start()
        spans.append((at, s_end))
    out: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        at = span_start
        while span_end - at > MAX_SENTENCE:
            cut = max(
                (m.end() for m in _CLAUSE_END.finditer(norm, at + 1, at + MAX_SENTENCE)),
                default=at + MAX_SENTENCE,
            )
            out.append((at, cut))
            at = cut
        out.append((at, span_end))
    return [s for s in out if norm[s[0] : s[1]].strip()]


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
    i = bisect.bisect_right(spans, (at, _END)) - 1
    return spans[max(i, 0)]


_END = 1 << 62


def paragraph_at(paragraphs: list[Paragraph], at: int) -> Paragraph:
    i = bisect.bisect_right(paragraphs, at, key=lambda p: p.start) - 1
    return paragraphs[max(i, 0)]


@dataclass(frozen=True, slots=True)
class Found:
    """A name found in the text (the parts of ``re.Match`` the rules use)."""

    begin: int
    stop: int
    text: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop

    def group(self) -> str:
        return self.text


_Node = dict[str, "_Node"]


class Names:
    """Literal names (each of two characters or more) found as a regular expression of their
    alternation, longest first, finds them — leftmost, then the longest at that place — but in
    time independent of how many there are: a trie, entered only where a name can start. The
    alternation of a data directory's 80,000 region names and short forms cost 0.1 s per
    figure (an hour for a long article)."""

    def __init__(self, names: Iterable[str]) -> None:
        self._trie: _Node = {}
        for name in names:
            node = self._trie
            for ch in name:
                node = node.setdefault(ch, {})
            node[""] = {}  # the end of a name
        firsts = "".join(re.escape(ch) for ch in sorted(self._trie))
        self._first = re.compile(f"[{firsts}]") if firsts else None

    def _longest(self, text: str, at: int, end: int) -> Found | None:
        node = self._trie
        stop = -1
        for i in range(at, end):
            child = node.get(text[i])
            if child is None:
                break
            node = child
            if "" in node:
                stop = i + 1
        return Found(at, stop, text[at:stop]) if stop > at else None

    def match(self, text: str) -> Found | None:
        """The longest name at the start of ``text``."""
        return self._longest(text, 0, len(text))

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Found]:
        """The names in ``text[start:end]``, left to right, none overlapping."""
        end = len(text) if end is None else min(end, len(text))
        at = start
        while self._first is not None and (first := self._first.search(text, at, end)):
            found = self._longest(text, first.start(), end)
            if found is None:
                at = first.start() + 1
            else:
                yield found
                at = found.stop
