"""What every renderer is told besides the values it shows: language, colour, width."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.render.i18n import Lang

# The columns ``tracker status --columns`` adds to the table and Markdown formats, in the
# order they are shown (JSON and CSV always carry all of them).
EXTRA_COLUMNS = ("deadline", "owner", "lag", "indicator")


@dataclass(frozen=True, slots=True)
class RenderOptions:
    lang: Lang = "zh"
    color: bool = False
    width: int = 100
    columns: tuple[str, ...] = ()  # extra status columns, from EXTRA_COLUMNS
