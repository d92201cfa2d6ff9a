"""The command line's value types: data text, dates, paces, lag bands and seconds, each
refused with a message that says what to write instead."""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction
from typing import Any

import click

from tracker.parse.dates import DateError, parse_as_of


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
            self.fail(
                f"is not UTF-8 text (byte 0x{byte:02X} at character {exc.start + 1}): "
                "pass it in UTF-8 (set a UTF-8 locale, or convert it with iconv)",
                param,
                ctx,
            )
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
            self.fail(str(exc), param, ctx)


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
            self.fail(f"{value!r} is not a number (e.g. 0.95)", param, ctx)
        if not 0 <= result <= 10:
            self.fail(f"{value} is out of range: use a pace between 0 and 10", param, ctx)
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
            self.fail(
                f"{value!r} is not two numbers: write the green and yellow limits in "
                "percentage points behind schedule, e.g. 10,30",
                param,
                ctx,
            )
        if not 0 <= low <= high <= 100:
            self.fail(
                f"{value!r}: the limits must satisfy 0 ≤ A ≤ B ≤ 100 (percentage points), "
                "e.g. 10,30",
                param,
                ctx,
            )
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
        fix = f"give a number of seconds from 0 to {self.maximum:g}, e.g. 30"
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number: {fix}", param, ctx)
        if not math.isfinite(seconds):
            self.fail(f"{str(value).strip()} is not a number of seconds: {fix}", param, ctx)
        if not 0 <= seconds <= self.maximum:
            self.fail(f"{str(value).strip()} is out of range: {fix}", param, ctx)
        return seconds
