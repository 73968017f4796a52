"""MkDocs hook: turn `<!-- figure: ID -->` markers into figures drawn at build time.

The drawing is done by the `figures` package; this hook only finds the markers, makes the
figures' links relative to the page, and fails the build on an unknown figure.
"""

from __future__ import annotations

import re
from typing import Any

import figures

MARKER = re.compile(r"(?:<p>\s*)?<!--\s*figure:\s*([A-Za-z0-9_-]+)\s*-->(?:\s*</p>)?")


def relative_url(target: str, page_url: str) -> str:
    """A site path ("guide/deciding/#make-or-buy") as a URL relative to the page's URL."""
    from mkdocs.utils import get_relative_url

    path, hash_mark, anchor = target.partition("#")
    return get_relative_url(path, page_url) + hash_mark + anchor


def replace_markers(html: str, context: figures.Context) -> tuple[str, list[str]]:
    """Replace every figure marker in a page's HTML; return the HTML and the figure ids."""
    found: list[str] = []

    def figure(match: re.Match[str]) -> str:
        found.append(match.group(1))
        return figures.render(match.group(1), context)

    return MARKER.sub(figure, html), found


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    from mkdocs.exceptions import PluginError

    theme = config["theme"]
    locale = str(theme["language"] if "language" in theme else "en") or "en"  # noqa: SIM401
    # Figures link to pages of their own language: English at the root, others under /<lang>/.
    prefix = "" if locale == "en" else f"{locale}/"
    context = figures.Context(locale, lambda target: relative_url(prefix + target, page.url))
    try:
        html, found = replace_markers(html, context)
    except figures.UnknownFigureError as exc:
        raise PluginError(f"{page.file.src_path}: {exc}") from exc
    page.meta["figures"] = found
    return html
