"""The message catalogue: the sentences tracker says to the user (errors with their fix,
notices, prompts, problem messages), in Chinese and English, by key.

The lowest layer of the package, so that every stage can raise an error or report a problem
by key and parameters; the English text stays the error's ``message`` (and a problem's JSON
``message``), and the renderers show the text of the run's language (``render/i18n.t``).
Labels of the views (columns, headings) live in ``render/i18n.LABELS``. The sentences
themselves are in :mod:`tracker.catalogue`, one module per topic, merged here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Self

from tracker.catalogue import commands, errors, parsing, problems

ZH, EN = 0, 1

MESSAGES: dict[str, tuple[str, str]] = {
    **commands.MESSAGES,
    **errors.MESSAGES,
    **parsing.MESSAGES,
    **problems.MESSAGES,
}


class Localized:
    """A parameter that is itself a sentence in both languages (a region lookup's message,
    a nested error): filled in in the message's language."""

    __slots__ = ("en", "zh")

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en

    def __str__(self) -> str:
        return self.en

    def __repr__(self) -> str:
        return f"Localized({self.zh!r}, {self.en!r})"


def localized(key: str, /, **params: object) -> Localized:
    """The catalogue's ``key`` in both languages, as a parameter of another message."""
    return Localized(message(key, "zh", params), message(key, "en", params))


class Reason(Exception):  # noqa: N818  # a base: its subclasses are named ...Error
    """A value that cannot be read, said by catalogue ``key`` and ``params`` (or, without a
    key, in English only): the English text is the exception's message, and
    :meth:`localized` gives it as a parameter of another message (a problem's, an error's)."""

    def __init__(self, text: str, key: str | None = None, /, **params: object) -> None:
        super().__init__(text)
        self.key = key
        self.params = params

    @classmethod
    def of(cls, key: str, /, **params: object) -> Self:
        """The exception whose text is the catalogue's ``key`` (English as its message)."""
        return cls(message(key, "en", params), key, **params)

    def localized(self) -> Localized | str:
        """The reason in both languages (the English text alone when it has no key)."""
        if self.key is None:
            return str(self)
        return Localized(message(self.key, "zh", self.params), str(self))


# English plurals: "{n|goalpost|goalposts}" is the first word when the field n is 1, else the
# second ("1 goalpost moved", "2 goalposts moved"); Chinese needs none.
_PLURAL = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


def plurals(text: str, values: Mapping[str, object]) -> str:
    """``text`` with each ``{name|one|many}`` replaced by the form ``values[name]`` needs."""
    if "|" not in text:
        return text
    return _PLURAL.sub(lambda m: m[2] if values.get(m[1]) == 1 else m[3], text)


def message(key: str, lang: str, params: Mapping[str, object] | None = None) -> str:
    """The text of ``key`` in ``lang`` ("zh" or "en"), its ``{name}`` fields filled in (a
    :class:`Localized` one in ``lang`` too); the key itself when it is not in the catalogue
    (tests/test_messages.py fails on that)."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key
    text = pair[ZH if lang == "zh" else EN]
    if not params:  # (braces doubled in the catalogue stand for one)
        return text.replace("{{", "{").replace("}}", "}")
    filled: dict[str, object] = {}
    for name, value in params.items():
        if name.endswith(ZH_SUFFIX):
            continue
        if isinstance(value, Localized):
            filled[name] = value.zh if lang == "zh" else value.en
        elif lang == "zh" and name + ZH_SUFFIX in params:
            filled[name] = params[name + ZH_SUFFIX]
        else:
            filled[name] = value
    return plurals(text, filled).format(**filled)


ZH_SUFFIX = "@zh"  # a flattened Localized parameter's Chinese text: reason, reason@zh


def message_params(params: Mapping[str, object]) -> tuple[tuple[str, str], ...]:
    """Parameters as strings, to keep with a problem (in the parse cache too): a
    :class:`Localized` one as two, ``name`` (English) and ``name@zh``."""
    flat: list[tuple[str, str]] = []
    for name, value in params.items():
        if isinstance(value, Localized):
            flat += [(name, value.en), (name + ZH_SUFFIX, value.zh)]
        else:
            flat.append((name, str(value)))
    return tuple(flat)
