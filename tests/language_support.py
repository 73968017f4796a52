"""Helpers for the tests of the built site's languages: pages per language, links and ids in a
page, the prose a reader sees, and English words in it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from sitebuild.languages import DEFAULT, LANGUAGES, in_language, language_root

TRANSLATED = LANGUAGES[1:]


def pages_of(site: Path, lang: str) -> list[str]:
    """A language's pages as paths inside its folder ("" is its home page)."""
    root = site / language_root(lang)
    found = []
    for page in root.rglob("index.html"):
        path = page.relative_to(site).as_posix()
        if "assets/" in path or not in_language(path, lang):
            continue
        inside = page.parent.relative_to(root).as_posix()
        found.append("" if inside == "." else inside + "/")
    return sorted(found)


def html_of(site: Path, lang: str, path: str) -> str:
    return (site / language_root(lang) / path / "index.html").read_text(encoding="utf-8")


class Links(HTMLParser):
    """The `href`s inside `<article>`, every element id, and the `<head>`'s alternate links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.alternates: dict[str, str] = {}
        self.switcher: dict[str, str] = {}
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates[a["hreflang"]] = a["href"]
        elif tag == "a" and "md-select__link" in a.get("class", ""):
            self.switcher[a.get("hreflang", "")] = a["href"]
        elif tag == "article":
            self.depth += 1
        elif tag == "a" and self.depth and "href" in a:
            self.hrefs.append(a["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1


def links(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    parser.close()
    return parser


# A title quoted as published, in any language's quotation marks (Finnish and Swedish open
# and close with ”).
QUOTED = re.compile(r"[\"“”«„][^\"”»“]{3,}[\"”»“]")


class Prose(HTMLParser):
    """The words a reader sees in `<article>`, less code and embedded data; in footnotes
    (`notes=True`) also less the cited titles, publishers and addresses, which stay in the
    language they were published in."""

    SKIPPED = frozenset({"script", "style", "code", "pre", "kbd"})
    CITED = frozenset({"a", "em", "cite", "i"})
    # Ends of blocks end sentences too (a table's cells are not one sentence).
    BLOCKS = frozenset(
        {"p", "li", "td", "th", "tr", "div", "dt", "dd", "figcaption", "summary", "caption"}
        | {f"h{level}" for level in range(1, 7)}
    )
    VOID = frozenset({"br", "img", "input", "hr", "meta", "link", "wbr", "col", "source"})
    SAID = frozenset({"alt", "title", "aria-label", "placeholder"})

    def __init__(self, notes: bool = False, columns: dict[int, set[int]] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.notes = notes
        self.inside = notes  # footnotes are parsed on their own, already inside the article
        self.skip = 0
        self.parts: list[str] = []
        # Table columns left out, by table (0, 1, ...): the cited titles of a list of sources.
        self.columns = columns or {}
        self.table = -1
        self.column = -1
        self.cell_skipped = False

    def _skipped(self, tag: str) -> bool:
        return tag in self.SKIPPED or (self.notes and tag in self.CITED)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.inside and not self.skip and not (self.notes and tag in self.CITED):
            # What a reader hears or sees on hovering: alternative texts and titles.
            said = [v for k, v in attrs if k in self.SAID and v]
            self.parts += [f"\n{v}\n" for v in said]
        if tag in self.VOID:
            return
        if tag == "article":
            self.inside = True
        elif self._skipped(tag):
            self.skip += 1
        elif tag == "table":
            self.table += 1
        elif tag == "tr":
            self.column = -1
        elif tag in {"td", "th"}:
            self.column += 1
            self.cell_skipped = self.column in self.columns.get(self.table, set())
            self.skip += self.cell_skipped
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and not self.notes:
            self.inside = False
        elif self._skipped(tag):
            self.skip = max(0, self.skip - 1)
        elif tag in {"td", "th"} and self.cell_skipped:
            self.cell_skipped = False
            self.skip = max(0, self.skip - 1)
        self.parts.append("\n" if tag in self.BLOCKS else " ")

    def handle_data(self, data: str) -> None:
        if self.inside and not self.skip:
            self.parts.append(data)

    def text(self) -> str:
        """The words, with a line break at the end of each block."""
        text = re.sub(r"[^\S\n]+", " ", "".join(self.parts))
        return re.sub(r"\s*\n\s*", "\n", text).strip()


class TitleColumns(HTMLParser):
    """Which columns of an English page's tables hold cited titles (headed "Title")."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.table = -1
        self.column = -1
        self.heading: list[str] | None = None
        self.found: dict[int, set[int]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.table += 1
        elif tag == "tr":
            self.column = -1
        elif tag == "th":
            self.column += 1
            self.heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "th" and self.heading is not None:
            if "".join(self.heading).strip() == "Title":
                self.found.setdefault(self.table, set()).add(self.column)
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.heading is not None:
            self.heading.append(data)


def title_columns(english_html: str) -> dict[int, set[int]]:
    parser = TitleColumns()
    parser.feed(english_html)
    parser.close()
    return parser.found


def prose(html: str, english: str = "") -> str:
    """The visible text of a page's `<article>` (see Prose); quoted titles in footnotes go too,
    and the columns of cited titles in the tables of a list of sources (found by their English
    heading in `english`, the same page in English)."""
    start = html.find('<div class="footnote">')
    end = html.find("</article>")
    body = html if start < 0 else html[:start] + html[end:]
    parser = Prose(columns=title_columns(english) if english else None)
    parser.feed(body)
    parser.close()
    text = parser.text()
    if start >= 0:
        footnotes = Prose(notes=True)
        footnotes.feed(html[start:end])
        footnotes.close()
        text += " " + QUOTED.sub(" ", footnotes.text())
    return text


# English function words that are not words of Norwegian, Icelandic, Finnish, Swedish or
# Russian (so "for", "over", "not" and "is" are left out): three in one sentence is English.
ENGLISH = frozenset(
    """the and with which that this from are was were have has will would their there these
    those what when where your you but can into than then they been should could about
    because while also does did its our who whom""".split()  # noqa: SIM905 (a word list)
)
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def english_sentences(text: str, threshold: int = 3) -> list[str]:
    """The sentences of `text` with `threshold` or more English function words."""
    found = []
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n", text):
        words = [w.lower() for w in WORD.findall(sentence)]
        if sum(w in ENGLISH for w in words) >= threshold:
            found.append(sentence.strip())
    return found


class Footnotes(HTMLParser):
    """Each footnote's own words: everything but what it cites as published (the titles of
    works in `em`/`cite`/`i`, code, and links whose text is their address) and the way back
    (the "↩" link, whose `title` a reader hears and sees, so it is kept)."""

    CITED = frozenset({"em", "cite", "i", "code"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.notes: list[list[str]] = []
        self.skip = 0
        self.link: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self.notes.append([])
        elif tag in self.CITED:
            self.skip += 1
        elif tag == "a" and self.notes:
            self.link = []
            title = dict(attrs).get("title")
            if title:
                self.notes[-1].append(f" {title}. ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.CITED:
            self.skip = max(0, self.skip - 1)
        elif tag == "a" and self.link is not None:
            text = "".join(self.link).strip()
            if self.notes and not (text == "\u21a9" or re.match(r"(https?://|www\.)", text)):
                self.notes[-1].append(text)
            self.link = None
        elif self.notes:
            self.notes[-1].append(" ")

    def handle_data(self, data: str) -> None:
        if self.skip or not self.notes:
            return
        (self.notes[-1] if self.link is None else self.link).append(data)


MONTHS = frozenset(
    """January February March April May June July August September October November
    December""".split()  # noqa: SIM905 (a word list)
)
# The words a citation is written with in English (besides the function words above).
CITATION = ENGLISH | frozenset(
    """of by in on at to for as an or via since press release reprinted judgment story entry
    added last modified updated regularly applicable edition chapter now published accessed
    retrieved undated page web following gives figure see report guidance annual series
    article articles section act amended restored public holidays holiday leave days year
    years according jump back footnote text""".split()  # noqa: SIM905 (a word list)
)
# Words of CITATION that are words of the language too ("by" is a town in Norwegian).
OWN_WORDS = {
    "nb": frozenset({"for", "by", "at", "to", "is", "data", "web", "as"}),
    "sv": frozenset({"by", "data", "web", "as"}),
    "is": frozenset({"is", "data", "web"}),
    "fi": frozenset({"on", "data", "web"}),
    "ru": frozenset(),
}
LATIN_WORD = re.compile(r"\b[a-z]{2,}\b")


def footnotes(html: str) -> list[str]:
    """The own words of each footnote of a page (see Footnotes), quoted titles taken out."""
    start = html.find('<div class="footnote">')
    if start < 0:
        return []
    parser = Footnotes()
    parser.feed(html[start : html.find("</article>", start)])
    parser.close()
    texts = (re.sub(r"\s+", " ", "".join(note)).strip() for note in parser.notes)
    return [QUOTED.sub(" ", text) for text in texts]


def english_in_footnote(text: str, lang: str) -> list[str]:
    """The English words of a footnote's own words: an English month, or two words a citation
    is written with in English (in Russian, any two lowercase Latin words)."""
    words = WORD.findall(text)
    months = [w for w in words if w in MONTHS]
    if lang == "ru":
        english = LATIN_WORD.findall(text)
    else:
        english = [w for w in words if w in CITATION - OWN_WORDS.get(lang, frozenset())]
    return months + english if months or len(english) >= 2 else []


def target_path(page_path: str, href: str) -> tuple[str, str] | None:
    """A relative link in a page (as a site path "nb/guide/x/") as (site path, anchor), or None
    for a link to another site, an e-mail address, or this page's own anchors."""
    import posixpath
    from urllib.parse import urlsplit

    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "/")):
        return None
    base = page_path if page_path.endswith("/") or not page_path else page_path + "/"
    path = posixpath.normpath(posixpath.join(base, parts.path)) if parts.path else base
    path = "" if path == "." else path
    if parts.path.endswith("/") and path and not path.endswith("/"):
        path += "/"
    return path, parts.fragment


__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "TRANSLATED",
    "english_in_footnote",
    "english_sentences",
    "footnotes",
    "html_of",
    "links",
    "pages_of",
    "prose",
    "target_path",
]
