"""The global context of one ``tracker`` run (--data, --lang, --color, --debug, --no-cache),
and the terminal it writes to. Light (click is not even needed): the command group imports it,
and ``tracker --version`` pays for it."""

from __future__ import annotations

import os
import sys

from tracker.render.i18n import Lang


class Context:
    """Global options, shared by every command.

    A plain class rather than a dataclass: `tracker --version` should not pay for importing
    dataclasses (docs/performance.md).
    """

    __slots__ = ("cache", "color", "data", "debug", "lang", "width")

    def __init__(
        self,
        data: str | None,
        lang: Lang,
        color: bool,
        width: int,
        debug: bool,
        cache: bool = True,
    ) -> None:
        self.data = data
        self.lang = lang
        self.color = color
        self.width = width
        self.debug = debug
        self.cache = cache  # use the parse cache (--no-cache: False)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Context({fields})"


def use_color(choice: str) -> bool:
    """--color: always, never, or auto (a terminal, and NO_COLOR unset)."""
    if choice == "always":
        return True
    if choice == "never" or "NO_COLOR" in os.environ:
        return False
    return _stdout_is_terminal()


def _stdout_is_terminal() -> bool:
    """False also when there is no stdout at all (closed by the caller: ``>&-``)."""
    stream = sys.stdout
    return stream is not None and stream.isatty()


def terminal_width() -> int:
    """The terminal's width; $COLUMNS or 100 when writing to a file or pipe."""
    if _stdout_is_terminal():
        import shutil  # noqa: PLC0415  # only for a terminal: shutil costs ~4 ms to import

        return shutil.get_terminal_size((100, 24)).columns
    try:
        return max(60, int(os.environ.get("COLUMNS", "100")))
    except ValueError:
        return 100
