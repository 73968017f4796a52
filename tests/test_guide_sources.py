"""Every figure on a guide page is cited, and every citation is listed on the sources page.

A figure is a number followed by "%" or "percent", or an amount of money (a currency symbol or
code next to a number). It counts as cited when the same block of Markdown (a paragraph, a list
item or a table row) holds a footnote reference or a link to the sources page. Each footnote on
a guide page must then appear on the sources page: one of its links, or, for a source without a
link (a book, a standard), its quoted or italic title.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "en"
SOURCES = DOCS / "sources.md"
# Guide pages: everything a reader reads as prose. The calculator pages cite their defaults in
# their own tables and are checked by their own tests.
PAGES = sorted([*DOCS.glob("guide/*.md"), DOCS / "index.md", DOCS / "faq.md", DOCS / "glossary.md"])

PERCENT = r"\d[\d,.]*\s?(?:%|percent\b|per cent\b)"
MONEY = (
    r"[$€£]\s?\d"
    r"|\b(?:USD|EUR|GBP|SEK|NOK|DKK|ISK|PLN)\s?\d"
    r"|\d[\d,.]*\s?(?:kronor|kroner|krónur|euros?|dollars?|pounds)\b"
)
FIGURE = re.compile(f"{PERCENT}|{MONEY}", re.IGNORECASE)
CITATION = re.compile(r"\[\^[\w-]+\](?!:)|\(\.\./sources\.md|\(sources\.md|\(\.\./\.\./sources\.md")
FOOTNOTE_DEF = re.compile(r"^\[\^([\w-]+)\]:\s*(.*)$", re.MULTILINE)
NEW_BLOCK = re.compile(r"^\s*(?:[-*]|\d+\.)\s|^\s*\|")


def blocks(markdown: str) -> list[str]:
    """Paragraphs, list items and table rows, without footnote definitions and code."""
    markdown = re.sub(r"```.*?```", "", markdown, flags=re.DOTALL)
    result: list[str] = []
    current: list[str] = []
    for line in markdown.splitlines():
        if not line.strip() or NEW_BLOCK.match(line) or line.lstrip().startswith("#"):
            if current:
                result.append("\n".join(current))
            current = [line] if line.strip() else []
            continue
        current.append(line)
    if current:
        result.append("\n".join(current))
    return [b for b in result if not FOOTNOTE_DEF.match(b.strip())]


def uncited_figures(markdown: str) -> list[str]:
    return [
        " ".join(block.split())[:160]
        for block in blocks(markdown)
        if FIGURE.search(block) and not CITATION.search(block)
    ]


def footnote_keys(definition: str) -> list[str]:
    """What must appear on the sources page: the links, or else the titles."""
    links = re.findall(r"<(https?://[^>]+)>", definition)
    if links:
        return links
    return re.findall(r'"([^"]{6,})"', definition) + re.findall(r"\*([^*]{6,})\*", definition)


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PAGES])
def test_every_figure_is_cited(page: Path) -> None:
    missing = uncited_figures(page.read_text(encoding="utf-8"))
    assert not missing, (
        f"{page.name}: figures without a footnote or a link to Sources:\n" + "\n".join(missing)
    )


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PAGES])
def test_every_footnote_is_on_the_sources_page(page: Path) -> None:
    sources = SOURCES.read_text(encoding="utf-8")
    problems = []
    for key, definition in FOOTNOTE_DEF.findall(page.read_text(encoding="utf-8")):
        wanted = footnote_keys(definition)
        if not wanted:
            problems.append(f"[^{key}] names no link and no title")
        elif not any(w in sources for w in wanted):
            problems.append(f"[^{key}] is not on sources.md (looked for {wanted})")
    assert not problems, f"{page.name}:\n" + "\n".join(problems)


def test_the_checks_catch_an_uncited_figure() -> None:
    text = "Savings were 30% in the first year.\n\nCosts rose by $12 billion.[^x]\n"
    assert uncited_figures(text) == ["Savings were 30% in the first year."]
    assert uncited_figures("| Cost | €31.8 an hour |\n| Year | 2023 [^e] |\n") == [
        "| Cost | €31.8 an hour |"
    ]
    assert uncited_figures("Up 5 percent, see [Sources](../sources.md).\n") == []
    assert footnote_keys('Someone (2001), "A Title Here". <https://example.org/a>') == [
        "https://example.org/a"
    ]
    assert footnote_keys("ISO (2014), *Guidance on outsourcing*.") == ["Guidance on outsourcing"]
