"""Writing TOML text by hand, for the commands that must not reformat a file (record, add)
or produce a draft with comments (extract)."""

from __future__ import annotations


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: quotes, backslashes and control characters escaped."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04X}" if code < 0xD800 or code > 0xDFFF else "\\uFFFD")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)
