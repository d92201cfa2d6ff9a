"""Data text for the web: HTML-escaped text and checked http(s) links (docs/security.md)."""

from __future__ import annotations

import html
import re
import urllib.parse

from tracker.render.escape import UNSAFE_CLASS, safe

# what html_text changes: most text has none of it, and one search is cheaper than the
# escaping's five replacements (the site escapes hundreds of thousands of strings)
_TO_ESCAPE = re.compile(f"[&<>\"'{UNSAFE_CLASS}]")


def html_text(text: str) -> str:
    """Data text for HTML and inline SVG (elements and attributes): control and bidi
    characters removed, ``& < > " '`` escaped."""
    if _TO_ESCAPE.search(text) is None:
        return text
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
