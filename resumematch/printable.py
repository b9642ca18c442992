"""Names from strangers, shown safely: a file name or zip entry name is printed in tables, CSV,
JSON, error lines and web pages, and may hold any character a file system or a zip allows."""

from __future__ import annotations

__all__ = ["shown"]


def shown(name: str) -> str:
    """A file or zip entry name as every output shows it: control characters, line and paragraph
    separators and invisible format characters (bidi overrides among them) written as escapes
    ("evil\\n1  99  ok"), so that a name cannot start a new row of a table or CSV, nor reorder
    what is printed after it. The bytes are still read from the real name."""
    if name.isprintable():
        return name
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in name)


def _escape(ch: str) -> str:
    if ch in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
