"""Data text made inert for display: control and bidirectional characters, and Markdown
(docs/security.md). Every renderer shows data text through these; HTML and links are
:mod:`tracker.render.web`'s. Light (``re`` only): the command group quotes error messages
through :func:`safe`."""

from __future__ import annotations

import re

# C0/C1 controls (ESC starts ANSI/OSC sequences) and bidi overrides/isolates
_UNSAFE: dict[int, str | None] = dict.fromkeys(
    [
        *range(0x09),
        *range(0x0B, 0x20),
        0x7F,
        *range(0x80, 0xA0),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0x200E,
        0x200F,
    ],
    None,
)


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\|`*_[]<>#!~&$"})


# GitHub turns bare URLs and www. names into links (GFM autolinks); a backslash before the
# ":" or "." they are recognised at keeps them text. ("&" would start an entity, "$" maths.
# A bare e-mail address still becomes a mailto: link, whose text is its target.)
_AUTOLINK = re.compile(r"(?i)(?:https?|ftp|mailto|xmpp)(?=:)|www(?=\.)")


# Lone surrogates: the bytes of a file name or argument that are not UTF-8, as Python keeps
# them (U+DC80–U+DCFF for bytes 0x80–0xFF). No stream can encode them; they are shown as \xNN.
_UNSAFE.update({0xDC00 + byte: f"\\x{byte:02x}" for byte in range(0x80, 0x100)})

# the same characters, to find first: most text has none, and a search is far cheaper than
# str.translate with a dict (the site escapes hundreds of thousands of strings)
UNSAFE_CLASS = "".join(f"\\U{c:08x}" for c in _UNSAFE)  # the inside of a regex [class]
_UNSAFE_FOUND = re.compile(f"[{UNSAFE_CLASS}]")


def safe(text: str) -> str:
    """Data text for a terminal: control and bidi characters removed, newlines kept."""
    if _UNSAFE_FOUND.search(text) is None:
        return text
    return text.translate(_UNSAFE)


def inline(text: str) -> str:
    """Data text (a file name, an id, a message quoting data) for one line of terminal or
    log output: :func:`safe`, and line breaks and tabs made spaces, so that nothing in it can
    start a line of its own (a CI log reads ``::error …`` at a line's start as a command)."""
    return safe(text).translate(_BREAKS)


_BREAKS = str.maketrans("\n\r\t\v\f\x85\u2028\u2029", "        ")


def md(text: str) -> str:
    """Data text for a Markdown table cell: inert (no markup, links, HTML or broken pipes)."""
    escaped = safe(text).replace("\n", " ").translate(_MD_SPECIAL)
    return _AUTOLINK.sub(lambda m: m[0] + "\\", escaped)
