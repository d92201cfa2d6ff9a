"""The one "did you mean" of tracker: names close to a mistyped one.

Every suggestion — an unknown key, region, source or goal id in a data file or on the
command line — is scored here, by :class:`difflib.SequenceMatcher`'s ratio (the measure
``difflib.get_close_matches`` uses), so that all of them agree on what "close" means.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator

from tracker.messages import Localized, localized


def similar(query: str, candidates: Iterable[str], cutoff: float) -> Iterator[tuple[str, float]]:
    """Each candidate at least ``cutoff`` similar to ``query``, with its ratio (0 to 1)."""
    # difflib is loaded only when there is a mistake to suggest a fix for (tests/
    # test_perf_structure.py: `tracker status` on good data does not import it)
    import difflib  # noqa: PLC0415

    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(query)
    for candidate in candidates:
        matcher.set_seq1(candidate)
        if (
            matcher.real_quick_ratio() >= cutoff
            and matcher.quick_ratio() >= cutoff
            and (ratio := matcher.ratio()) >= cutoff
        ):
            yield candidate, ratio


def suggest(
    query: str,
    known: Iterable[str],
    *,
    limit: int = 1,
    cutoff: float = 0.6,
    containing: bool = False,
) -> list[str]:
    """Up to ``limit`` names from ``known`` closest to ``query``, best first (ties: the later
    name in sort order first, as ``difflib.get_close_matches`` orders them). With
    ``containing``, names that contain ``query`` (ignoring case) come first."""
    names = list(known)
    best = heapq.nlargest(limit, ((ratio, name) for name, ratio in similar(query, names, cutoff)))
    close = [name for _, name in best]
    if not containing:
        return close
    needle = query.casefold()
    inside = [name for name in names if needle and needle in name.casefold()]
    return list(dict.fromkeys([*inside, *close]))[:limit]


def did_you_mean(query: str, known: Iterable[str]) -> Localized:
    """`` (did you mean "NAME"?)`` for the closest name, or nothing: the hint data-file
    problems end with, in both languages."""
    close = suggest(query, known)
    return localized("hint.close", name=close[0]) if close else Localized("", "")
