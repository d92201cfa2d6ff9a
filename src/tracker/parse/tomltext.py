"""Writing TOML text by hand, for the commands that must not reformat a file (record, add)
or produce a draft with comments (extract)."""

from __future__ import annotations

import re

# What a TOML basic string may not hold as it is: quotes, backslashes, control characters;
# lone surrogates (no UTF-8 for them: the commands refuse such input first) become U+FFFD.
_ESCAPES: dict[int, str] = {
    **{code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F)},
    **dict.fromkeys(range(0xD800, 0xE000), "\\uFFFD"),
    ord('"'): '\\"',
    ord("\\"): "\\\\",
    ord("\n"): "\\n",
    ord("\t"): "\\t",
    ord("\r"): "\\r",
}


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: quotes, backslashes and control characters escaped."""
    if _PLAIN.fullmatch(text):  # nearly always: a search in C instead of a lookup per character
        return '"' + text + '"'
    return '"' + text.translate(_ESCAPES) + '"'


_PLAIN = re.compile('[^\x00-\x1f\x7f"\\\ud800-\udfff]*')
