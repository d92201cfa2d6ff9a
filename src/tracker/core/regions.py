"""The region tree and how ``--region Q`` finds a region in it (SPEC §3).

A query matches a region's name or alias after :func:`normalise` (NFKC, traditional →
simplified, case and whitespace ignored), with a trailing administrative suffix optional
(``运城`` = ``运城市``) and, for ASCII queries, toneless pinyin (``yuncheng``). The best kind of
match wins; two regions tied at the best kind are ambiguous.

OpenCC and pypinyin are imported only when a query or an index needs them, so that
``tracker --help`` never pays for them. The name keys of a national dataset (~3,000
regions) take about 15 ms to build, plus ~15 ms to import OpenCC. Pinyin keys cost about
a quarter of a second, mostly importing pypinyin, so they are built only on the first
ASCII query that no name or alias matches (or for the suggestions of an unknown query).
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from tracker.suggest import similar

# Longest first, so that 自治县 is not read as 县.
SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        ("省", "市", "自治区", "特别行政区", "地区", "自治州", "盟", "县", "自治县", "区", "旗"),
        key=len,
        reverse=True,
    )
)
_SUFFIXES_BY_LAST_CHAR: dict[str, tuple[str, ...]] = {
    last: tuple(suffix for suffix in SUFFIXES if suffix[-1] == last)
    for last in {suffix[-1] for suffix in SUFFIXES}
}
_MIN_STEM = 1  # SPEC §3: the suffix is optional even for one-character names (夏县 = 夏)
_MAX_SUGGESTIONS = 5
_SUGGEST_CUTOFF = 0.5  # two-character names differing in one character score exactly 0.5
_SOUND_CUTOFF = 0.8  # pinyin strings share so many letters that less is noise
_MAX_READINGS = 32  # cap on the combinations of a name's polyphonic characters

# Match kinds, best first. Several regions at the best kind present → ambiguous.
_NAME, _ALIAS, _SUFFIX, _PINYIN = range(4)

# Separators people type inside pinyin (Xi'an, Yun-cheng) that carry no letters.
_PINYIN_SEPARATORS = str.maketrans("", "", "'’‘-_·.")


@dataclass(frozen=True, slots=True)
class RegionInfo:
    """What the index needs to know about one region."""

    name: str
    parent: str | None
    aliases: tuple[str, ...] = ()


class RegionLookupError(Exception):
    """A region query that names no region, or several.

    Carries the user-facing text in English and Chinese (either may span several lines)
    and the region names it suggests: the closest names when the query is unknown, the
    tied regions when it is ambiguous.
    """

    def __init__(self, message_en: str, message_zh: str, candidates: Sequence[str]) -> None:
        super().__init__(message_en, message_zh, tuple(candidates))
        self.message_en = message_en
        self.message_zh = message_zh
        self.candidates: tuple[str, ...] = tuple(candidates)

    def message(self, lang: str = "en") -> str:
        """The message in ``lang`` (``zh…`` → Chinese, anything else → English)."""
        return self.message_zh if lang.lower().startswith("zh") else self.message_en

    def __str__(self) -> str:
        return self.message_en


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC t2s); the converter is built once."""
    return _t2s()(text)


@functools.cache
def _t2s() -> Callable[[str], str]:
    import opencc  # noqa: PLC0415 - heavy: only region matching and extraction need it

    converter = opencc.OpenCC("t2s")

    def convert(text: str) -> str:
        return str(converter.convert(text))

    return convert


def normalise(text: str) -> str:
    """The key under which region names, aliases and queries are compared.

    Unicode NFKC (full-width letters and digits become ASCII), traditional → simplified
    Chinese, case-folded, with all whitespace and invisible format characters removed.
    Total: any string gives a key, possibly empty.
    """
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        if not text.isprintable():
            # Lone surrogates cannot be encoded for OpenCC, and zero-width or BOM characters
            # pasted along with a name must not make it a different name.
            text = "".join(ch for ch in text if unicodedata.category(ch) not in {"Cs", "Cf"})
        text = _t2s()(text)
    return "".join(text.casefold().split())


def strip_suffix(key: str) -> str:
    """``key`` without its trailing administrative suffix, if what remains is a name.

    Only the longest matching suffix is considered: ``X自治县`` is never read as ``X自治`` + 县.
    """
    for suffix in _SUFFIXES_BY_LAST_CHAR.get(key[-1:], ()):
        if key.endswith(suffix):
            stem = key[: -len(suffix)]
            return stem if len(stem) >= _MIN_STEM else key
    return key


def _pinyin_query(key: str) -> str | None:
    """The normalised query as a pinyin key, or None when it cannot be pinyin."""
    key = key.replace("ü", "v").replace("u:", "v").translate(_PINYIN_SEPARATORS)
    if key.isascii() and any(ch.isalpha() for ch in key):
        return key
    return None


@functools.cache
def _char_readings(char: str) -> tuple[str, ...]:
    """Every toneless reading of one character, the commonest first; ü is ``v`` (``lv``)."""
    if char.isascii():
        return (char,)
    from pypinyin import Style, pinyin  # noqa: PLC0415 - heavy, rarely needed

    readings: list[list[str]] = pinyin(char, style=Style.NORMAL, heteronym=True)
    return tuple(readings[0]) if readings and readings[0] else (char,)


def _pinyin_keys(key: str) -> Iterator[tuple[str, ...]]:
    """Pinyin keys of one normalised name or alias, with and without its suffix, as syllables.

    Every reading of a polyphonic character counts (the combinations capped), because no
    reading is reliably the right one for a place: pypinyin's phrase-aware reading is
    zhangzhi for 长治 and zhaoyangshi for 朝阳市, people type changzhi and chaoyang. A tie
    this causes is reported as an ambiguity, which is better than a silent wrong guess.
    Readings are looked up per character (and cached): about 15 µs a character, against
    about 100 µs a name for phrase segmentation.
    """
    each = [_char_readings(char) for char in key]
    for end in dict.fromkeys((len(key), len(strip_suffix(key)))):
        yield from itertools.islice(itertools.product(*each[:end]), _MAX_READINGS)


def _han(text: str) -> frozenset[str]:
    """The Chinese characters (CJK ideographs) of ``text``."""
    return frozenset(ch for ch in text if unicodedata.name(ch, "").startswith("CJK "))


def _most_alike(heard: Sequence[str], syllables: Sequence[str]) -> bool:
    """Whether most syllables of the longer of the two are found whole, in order, in the
    other: 运成 yun-cheng and 运城市 yun-cheng-shi (two of three), not 火星 huo-xing and
    湖南省 hu-na-xing (one)."""
    import difflib  # noqa: PLC0415  # loaded only when there is a mistake to suggest a fix for

    blocks = difflib.SequenceMatcher(None, heard, syllables, autojunk=False).get_matching_blocks()
    return 2 * sum(block.size for block in blocks) > max(len(heard), len(syllables))


def _add(table: dict[str, dict[str, int]], key: str, name: str, kind: int) -> None:
    if not key:
        return
    entry = table.setdefault(key, {})
    if kind < entry.get(name, kind + 1):
        entry[name] = kind


class RegionIndex:
    """Regions by name, with their tree, and the matcher behind ``--region``.

    Names are assumed unique (the loader reports duplicates); a repeated name keeps its
    first entry. Parent cycles and unknown parents are reported elsewhere too: here they
    only must not hang — a region whose parent is not a region counts as a root.
    """

    def __init__(self, regions: Iterable[RegionInfo]) -> None:
        self._regions: dict[str, RegionInfo] = {}
        for region in regions:
            self._regions.setdefault(region.name, region)
        self._order = {name: i for i, name in enumerate(self._regions)}

        self._children: dict[str | None, list[str]] = {None: []}
        for region in self._regions.values():
            parent = region.parent if region.parent in self._regions else None
            self._children.setdefault(parent, []).append(region.name)

        # normalised key → {region name: best match kind}
        self._keys: dict[str, dict[str, int]] = {}
        for region in self._regions.values():
            written = [(region.name, _NAME)] + [(alias, _ALIAS) for alias in region.aliases]
            for text, kind in written:
                key = normalise(text)
                _add(self._keys, key, region.name, kind)
                _add(self._keys, strip_suffix(key), region.name, _SUFFIX)
        self._pinyin: dict[str, dict[str, int]] | None = None
        self._syllables: dict[str, tuple[str, ...]] = {}  # a pinyin key's syllables

    def __len__(self) -> int:
        return len(self._regions)

    def __contains__(self, name: object) -> bool:
        return name in self._regions

    def __iter__(self) -> Iterator[str]:
        return iter(self._regions)

    def resolve(self, query: str) -> str:
        """The one region ``query`` names; :class:`RegionLookupError` if none or several.

        A region's name written exactly as defined always names that region, even when
        another region's name normalises the same (临河 and 臨河, reported by check as E137)."""
        if query in self._regions:
            return query
        key = normalise(query)
        matches = self._matches(key)
        if not matches:
            raise self._unknown(query, key)
        best = min(matches.values())
        tied = [name for name, kind in matches.items() if kind == best]
        if len(tied) > 1:
            raise self._ambiguous(query, sorted(tied, key=self._order.__getitem__))
        return tied[0]

    def select(self, queries: Sequence[str]) -> frozenset[str]:
        """Every region a query names, and all their descendants (the union over queries)."""
        selected: set[str] = set()
        for query in queries:
            selected |= self.descendants(self.resolve(query))
        return frozenset(selected)

    def descendants(self, name: str) -> frozenset[str]:
        """``name`` and every region below it. KeyError if ``name`` is not a region."""
        self._require(name)
        seen = {name}
        todo = [name]
        while todo:
            for child in self._children.get(todo.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        return frozenset(seen)

    def chain(self, name: str) -> tuple[str, ...]:
        """``name`` and its ancestors, root first: ``("山西省", "运城市", "盐湖区")``."""
        self._require(name)
        chain: list[str] = []
        current: str | None = name
        while current in self._regions and current not in chain:
            chain.append(current)
            current = self._regions[current].parent
        return tuple(reversed(chain))

    def children(self, name: str | None) -> tuple[str, ...]:
        """The regions directly below ``name`` (the roots when None), in input order."""
        if name is not None:
            self._require(name)
        return tuple(self._children.get(name, ()))

    def _require(self, name: str) -> None:
        if name not in self._regions:
            raise KeyError(name)

    def _matches(self, key: str) -> dict[str, int]:
        matches = dict(self._keys.get(key, {}))
        stem = strip_suffix(key)
        if stem != key:
            # The query carries a suffix its region's name or alias was written without.
            for name, kind in self._keys.get(stem, {}).items():
                if kind <= _ALIAS and matches.get(name, _SUFFIX + 1) > _SUFFIX:
                    matches[name] = _SUFFIX
        if matches:
            return matches
        pinyin_key = _pinyin_query(key)
        if pinyin_key is None:
            return {}
        return dict(self._pinyin_index().get(pinyin_key, {}))

    def _pinyin_index(self) -> dict[str, dict[str, int]]:
        if self._pinyin is None:
            table: dict[str, dict[str, int]] = {}
            for region in self._regions.values():
                for text in (region.name, *region.aliases):
                    for syllables in _pinyin_keys(normalise(text)):
                        key = "".join(syllables)
                        _add(table, key, region.name, _PINYIN)
                        self._syllables.setdefault(key, syllables)
            self._pinyin = table
        return self._pinyin

    def _suggestions(self, key: str) -> list[str]:
        """Up to five region names closest to ``key``, by characters and by sound; each one
        plausible: it shares a Chinese character with the query (suffixes aside), or it is
        spelled nearly alike (:data:`_SOUND_CUTOFF`) and, for a Chinese query, sounds alike
        syllable by syllable (火星 huo-xing is not 湖南省 read hu-na-xing)."""
        scores: dict[str, float] = {}

        def score(
            query: str,
            table: dict[str, dict[str, int]],
            cutoff: float,
            plausible: Callable[[str, float], bool],
        ) -> None:
            for candidate, ratio in similar(query, table, cutoff):
                # a name (or the alias matched) with a character of the query's is plausible
                alike = plausible(candidate, ratio) or not han.isdisjoint(strip_suffix(candidate))
                for name in table[candidate]:
                    if alike or not han.isdisjoint(strip_suffix(normalise(name))):
                        scores[name] = max(scores.get(name, 0.0), ratio)

        if key:
            han = _han(strip_suffix(key))  # 县 of 盐湖县 makes 垣曲县 no closer
            score(
                key,
                self._keys,
                _SUGGEST_CUTOFF,
                lambda _, ratio: ratio >= _SOUND_CUTOFF,
            )
            table = self._pinyin_index()
            spelled = _pinyin_query(key)
            if spelled is not None:
                score(spelled, table, _SOUND_CUTOFF, lambda _, __: True)
            else:
                heard = tuple(_char_readings(char)[0] for char in key)
                score(
                    "".join(heard),
                    table,
                    _SOUND_CUTOFF,
                    lambda candidate, _: _most_alike(heard, self._syllables[candidate]),
                )
        ranked = sorted(scores, key=lambda name: (-scores[name], self._order[name]))
        return ranked[:_MAX_SUGGESTIONS]

    def _unknown(self, query: str, key: str) -> RegionLookupError:
        names = self._suggestions(key)
        en = f'unknown region "{query}"'
        zh = f"未知地区“{query}”"
        if names:
            en += "; closest: " + ", ".join(names)
            zh += "；最接近的：" + "、".join(names)
        en += '\nrun "tracker regions" to list all regions'
        zh += "\n运行 tracker regions 查看全部地区"
        return RegionLookupError(en, zh, names)

    def _ambiguous(self, query: str, names: list[str]) -> RegionLookupError:
        chains = "".join(f"\n  {' › '.join(self.chain(name))}" for name in names)
        en = f'region "{query}" is ambiguous; it matches:{chains}\ngive one of these names in full'
        zh = f"地区“{query}”有多个匹配：{chains}\n请写出其中一个的全称"
        return RegionLookupError(en, zh, names)
