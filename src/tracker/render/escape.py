"""Data text made inert for display: control and bidirectional characters, Markdown, HTML
and URLs (docs/security.md). Every renderer shows data text through these."""

from __future__ import annotations

import html
import re
import urllib.parse

# C0/C1 controls (ESC starts ANSI/OSC sequences) and bidi overrides/isolates
_UNSAFE = dict.fromkeys(
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


def safe(text: str) -> str:
    """Data text for a terminal: control and bidi characters removed, newlines kept."""
    return text.translate(_UNSAFE)


def md(text: str) -> str:
    """Data text for a Markdown table cell: inert (no markup, links, HTML or broken pipes)."""
    escaped = safe(text).replace("\n", " ").translate(_MD_SPECIAL)
    return _AUTOLINK.sub(lambda m: m[0] + "\\", escaped)


def html_text(text: str) -> str:
    """Data text for HTML and inline SVG (elements and attributes): control and bidi
    characters removed, ``& < > " '`` escaped."""
    return html.escape(safe(text), quote=True)


# Characters a URL may keep as they are; everything else (spaces, quotes, <>, parentheses,
# backslashes) is percent-encoded so that the URL cannot end a Markdown link or an attribute.
_URL_SAFE = "/:?#[]@!$&'*+,;=%~-._"


def http_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL, percent-encoded for use in a Markdown or
    HTML link; ``None`` for anything else (``javascript:``, ``data:``, relative paths)."""
    if not url:
        return None
    text = safe(url).strip()
    try:
        parts = urllib.parse.urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return urllib.parse.quote(text, safe=_URL_SAFE)
