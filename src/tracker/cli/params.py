"""The command line's value types: data text, dates, paces, lag bands and seconds, each
refused with a message that says what to write instead — and click's own choices, integers
and paths, refused in the same words click uses, with their reason in Chinese too.

A refusal is a :class:`~tracker.cli.usage.LocalizedBadParameter`: its ``message`` is the
English reason click shows, its ``reason`` both languages, for a zh run."""

from __future__ import annotations

import datetime as dt
import math
import os
from fractions import Fraction
from pathlib import Path
from typing import Any

import click

from tracker.cli.usage import refuse
from tracker.messages import Localized, localized
from tracker.parse.dates import MAX_YEAR, MIN_YEAR, DateError, parse_as_of


class TextParam(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """Text that goes into a data file: it must be UTF-8. (Python keeps the bytes of an
    argument that are not as lone surrogates, which would be written as U+FFFD: a figure or
    quote silently changed.)"""

    name = "TEXT"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raw = text.encode("utf-8", "surrogateescape")
            byte = raw[len(text[: exc.start].encode("utf-8", "surrogateescape"))]
            said = localized("param.not_utf8", byte=f"0x{byte:02X}", at=exc.start + 1)
            refuse(said, param, ctx)
        return text


TEXT = TextParam()


class DateParam(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    name = "DATE"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value

        try:
            return parse_as_of(str(value))
        except DateError as exc:
            reason = exc.localized()
            refuse(
                reason if isinstance(reason, Localized) else Localized(reason, reason), param, ctx
            )


class FractionParam(click.ParamType):  # type: ignore[type-arg]
    name = "NUMBER"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Fraction:
        if isinstance(value, Fraction):
            return value
        try:
            result = Fraction(str(value))
        except (ValueError, ZeroDivisionError):
            refuse(localized("param.pace_not_number", value=repr(value)), param, ctx)
        if not 0 <= result <= 10:
            refuse(localized("param.pace_range", value=value), param, ctx)
        return result


class LagBandsParam(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """``--lag-bands A,B``: percentage points behind schedule, 0 ≤ A ≤ B ≤ 100, as fractions."""

    name = "A,B"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[Fraction, Fraction]:

        if isinstance(value, tuple):
            return value
        parts = str(value).split(",")
        try:
            low, high = (Fraction(part.strip()) for part in parts)
        except (ValueError, ZeroDivisionError):
            refuse(localized("param.lag_bands", value=repr(value)), param, ctx)
        if not 0 <= low <= high <= 100:
            refuse(localized("param.lag_bands_order", value=repr(value)), param, ctx)
        return low / 100, high / 100


MAX_LOCK_TIMEOUT = 3600


class SecondsParam(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """A wait in seconds, from 0 to ``maximum``. Not click.FloatRange: NaN compares false
    with both bounds and would pass it (and then never time out, or time out at once)."""

    name = "SECONDS"

    def __init__(self, maximum: float) -> None:
        self.maximum = maximum

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        most = f"{self.maximum:g}"
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            refuse(localized("param.seconds", value=repr(value), most=most), param, ctx)
        shown = str(value).strip()
        if not math.isfinite(seconds):
            refuse(localized("param.seconds_finite", value=shown, most=most), param, ctx)
        if not 0 <= seconds <= self.maximum:
            refuse(localized("param.seconds_range", value=shown, most=most), param, ctx)
        return seconds


# click's own types, refusing in click's words (the English reason) and in ours (Chinese)


class IntRange(click.IntRange):
    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as exc:
            refuse(Localized(_integer_reason(value, self.min, self.max), exc.message), param, ctx)


class Integer(click.types.IntParamType):
    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as exc:
            refuse(Localized(_integer_reason(value), exc.message), param, ctx)


INTEGER = Integer()
# a year as the data files accept one (parse/dates.py)
YEAR = IntRange(MIN_YEAR, MAX_YEAR)


def _integer_reason(value: Any, low: float | None = None, high: float | None = None) -> str:
    """Why ``value`` is no integer from ``low`` to ``high``, in Chinese."""
    try:
        int(value)
    except (TypeError, ValueError):
        return localized("param.integer", value=value).zh
    if low is not None and high is not None:
        return localized("param.range", value=value, low=low, high=high).zh
    if low is not None:
        return localized("param.at_least", value=value, low=low).zh
    return localized("param.at_most", value=value, high=high).zh


class PathParam(click.Path):
    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as exc:
            path = os.fsdecode(value)
            if not os.path.lexists(path):
                why = "param.path_missing"
            elif Path(path).is_dir():
                why = "param.path_directory"
            else:
                why = "param.path_unusable"
            refuse(Localized(localized(why, path=path).zh, exc.message), param, ctx)
