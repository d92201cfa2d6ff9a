"""Extraction checked as written and as one line: every wording test reads both."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tracker.extract.article import Figure, extract


def one_line(text: str) -> str:
    """The text with every line stripped and joined, as a copy from a web page gives it."""
    return "".join(line.strip() for line in text.splitlines())


def rows_both_ways(
    text: str, row: Callable[[Figure], tuple[Any, ...]], **kwargs: Any
) -> list[tuple[Any, ...]]:
    """``row`` of each figure extracted from ``text``, after checking the one-line text gives
    the same rows."""
    got = [row(f) for f in extract(text, **kwargs).figures]
    assert got == [row(f) for f in extract(one_line(text), **kwargs).figures], (
        "the one-line text gives other figures"
    )
    return got
