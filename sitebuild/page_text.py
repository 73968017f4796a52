"""Text that Markdown and the theme write into every page in English, in the page's language.

Each is a key of i18n/<lang>/nav.yml (`languages.PAGE_TEXT`), replacing this English:

    footnote_backlink   the title of a footnote's way back to the text, "{n}" its number
                        (Python-Markdown's "Jump back to footnote 3 in the text")
    permalink           the title of a heading's anchor link (toc's "Permanent link")
    palette_dark        the color-scheme toggles: theme.palette's toggle names in mkdocs.yml
    palette_light

They are tooltips and what a screen reader announces, so a translated page says them in its
own words.
"""

from __future__ import annotations

import re
from html import escape

# The footnotes extension's own title (its BACKLINK_TITLE default), with the footnote's number.
BACKLINK_TITLE = re.compile(r'(<a class="footnote-backref"[^>]*? title=")Jump back to footnote '
                            r'(\d+) in the text(")')  # fmt: skip
# Attribute values written as they are (title="...", aria-label="...").
FIXED = {
    "permalink": "Permanent link",
    "palette_dark": "Switch to dark mode",
    "palette_light": "Switch to light mode",
}


def translate(html: str, texts: dict[str, str]) -> str:
    """`html` with the English above in `texts`' words (keys as in PAGE_TEXT)."""
    backlink = texts["footnote_backlink"]
    html = BACKLINK_TITLE.sub(
        lambda m: m[1] + escape(backlink.format(n=m[2]), quote=True) + m[3], html
    )
    for key, english in FIXED.items():
        html = html.replace(f'="{english}"', f'="{escape(texts[key], quote=True)}"')
    return html
