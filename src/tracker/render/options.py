"""What every renderer is told besides the values it shows: language, colour, width."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.render.i18n import Lang


@dataclass(frozen=True, slots=True)
class RenderOptions:
    lang: Lang = "zh"
    color: bool = False
    width: int = 100
