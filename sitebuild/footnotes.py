"""Footnotes in the page's language.

Python-Markdown's footnotes extension titles each footnote's way back to the text in English
("Jump back to footnote 3 in the text"), a tooltip and what a screen reader announces; a
translated page gets its language's words from `footnote_backlink` in i18n/<lang>/nav.yml.
"""

from __future__ import annotations

import re
from html import escape

# The extension's own title (its BACKLINK_TITLE default), with the footnote's number.
BACKLINK_TITLE = re.compile(r'(<a class="footnote-backref"[^>]*? title=")Jump back to footnote '
                            r'(\d+) in the text(")')  # fmt: skip


def translate_backlinks(html: str, template: str) -> str:
    """`html` with each footnote's way back titled by `template` ("... {n} ...")."""
    return BACKLINK_TITLE.sub(
        lambda m: m[1] + escape(template.format(n=m[2]), quote=True) + m[3], html
    )
