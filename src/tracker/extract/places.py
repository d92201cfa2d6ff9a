"""Each figure's region: a region of the data named as the subject of its sentence or
paragraph, inside the default region's tree, else the default."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from tracker.core.regions import RegionInfo, strip_suffix, to_simplified
from tracker.extract.candidates import Candidate
from tracker.extract.text import Names, containing
from tracker.extract.when import LOOKBACK, ArticleContext

_WHOLE_AREA = re.compile(r"全市|全区|全县|全省|全州|全盟|全旗|全国|我市|我区|我县|我省|我州")


_SUBJECT_FILLER = re.compile(
    r"^(?:\s|据悉|据了解|同时|此外|目前|截至目前|近年来|近些年|今年以来|今年|去年|全年|在|由|"
    r"\d{4}年(?:以来|来|度)?|[,“\"])*$"
)


def figure_region(norm: str, cand: Candidate, ctx: ArticleContext) -> tuple[str | None, str | None]:
    """The region a figure belongs to: a region named as the subject of its sentence or
    paragraph (inside the default region's tree), else the default."""
    keys = ctx.region_keys
    if keys is None or _whole_area(norm, keys, cand.clause[0], cand.start):
        return ctx.region_default, None
    para = cand.paragraph
    chosen: str | None = None
    window = max(para.start, cand.start - LOOKBACK)
    # The whole area named after a region's subject ends that region's sentences ("垣曲县…
    # 验收,…确保…全市30%的县…。641所…": the figures after it are the city's again).
    if whole := _whole_area(norm, keys, window, cand.start):
        window = whole[-1]
    for m in keys.finditer(norm, window, cand.start):
        name = ctx.region_names[m.group()]
        clause = containing(para.clauses, m.start())
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


def _whole_area(norm: str, keys: Names, start: int, end: int) -> list[int]:
    """Where the words for the whole area ("全市", "我县") in ``norm[start:end]`` end, but for
    a region's own ("平陆县全县")."""
    return [
        m.end()
        for m in _WHOLE_AREA.finditer(norm, start, end)
        if not any(
            k.end() == m.start() for k in keys.finditer(norm, max(0, m.start() - 12), m.start())
        )
    ]


def region_pattern(regions: Sequence[RegionInfo]) -> tuple[Names | None, dict[str, str]]:
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
    return Names(keys), keys


def _simplified(text: str) -> str:
    return text if text.isascii() else to_simplified(text)


def region_tree(regions: Sequence[RegionInfo], root: str) -> frozenset[str]:
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
