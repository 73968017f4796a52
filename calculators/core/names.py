"""Names people type (vendors, places): one canonical form before they are compared or shown."""

from __future__ import annotations

import unicodedata

# Format (Cf) and control (Cc) characters are invisible: zero-width spaces, joiners, direction
# overrides. Removing them makes "A" and "A\u200b" the same name and leaves no override open.
_INVISIBLE = frozenset(("Cf", "Cc"))


def normalise_name(text: str) -> str:
    """NFC, invisible characters removed, outer spaces stripped."""
    composed = unicodedata.normalize("NFC", text)
    return "".join(ch for ch in composed if unicodedata.category(ch) not in _INVISIBLE).strip()


def name_key(text: str) -> str:
    """What two names must differ in to count as different (case and look-alikes ignored)."""
    return normalise_name(text).casefold()


def cut_label(text: str, limit: int) -> str:
    """At most `limit` characters plus an ellipsis, never splitting a character from the
    combining marks that follow it."""
    if len(text) <= limit:
        return text
    end = limit
    while end > 0 and unicodedata.combining(text[end]):
        end -= 1
    return text[:end].rstrip() + "\u2026"
