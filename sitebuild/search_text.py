"""What the search index keeps of a page's text: the words a reader searches for.

Material's index holds each section's text as it was written, with the source's line-wrapping
whitespace and the sources' web addresses printed in the footnotes. Neither can be found by a
search: runs of whitespace separate nothing more than one space does, and lunr cuts an address
at its hyphens into pieces ("https://eur", "lex.europa.eu/eli/reg/2022/2554/oj") that no query
matches, while the footnote keeps the citation's author, title and date, which a reader does
search for. The index is downloaded when the reader starts searching, so every byte here is a
byte the reader waits for.
"""

from __future__ import annotations

import re
from typing import Any

WEB_ADDRESS = re.compile(r"\s*\bhttps?://[^\s<]+")
WHITESPACE = re.compile(r"\s+")


def compact_text(text: str) -> str:
    """The text without web addresses and with every run of whitespace one space."""
    return WHITESPACE.sub(" ", WEB_ADDRESS.sub("", text)).strip()


def compact_entry(entry: dict[str, Any]) -> dict[str, Any]:
    return {**entry, "text": compact_text(str(entry.get("text", "")))}
