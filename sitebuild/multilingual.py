"""What a built site needs per language once every language is built.

mkdocs-static-i18n builds the languages one after the other into one folder; some outputs are
written once per build and so end up holding the last language's or every language's content:

- Search: one index for all languages, searched with every stemmer at once. `split_search`
  writes one index per language (`<lang>/search/search_index.json`, with that language's lunr
  stemmer, its text compacted by `search_text`) and `search_base` points each page's search at
  its language's folder.
- Theme files: every language's build copies Material's assets to the same place at the site
  root (13 MB, six times). `theme_files` finds them, so that the languages after the first
  leave out those `copied_again`.
- Sitemaps: the root `sitemap.xml` lists every page of every language with its alternates.
  Material's scripts also read `sitemap.xml` next to a page's search base and next to every
  `<link rel="alternate">` the page carries (its language selector looks for the reader's page
  there); `write_sitemaps` writes each language's own sitemap at its folder, and a sitemap with
  no entries beside every other page, so these look-ups find a file instead of a 404.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from sitebuild.languages import DEFAULT, SEARCH_LANGUAGE, language_root
from sitebuild.search_text import compact_entry

SEARCH_INDEX = "search/search_index.json"
SITEMAP = "sitemap.xml"
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'
)
URL_ENTRY = re.compile(r"\s*<url>.*?</url>", re.DOTALL)
LOC = re.compile(r"<loc>([^<]*)</loc>")
CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def language_of(location: str, languages: Iterable[str]) -> str:
    """The language of a site path ("nb/guide/x/" -> "nb", "guide/x/" -> "en")."""
    for lang in languages:
        if lang != DEFAULT and (location == lang or location.startswith(f"{lang}/")):
            return lang
    return DEFAULT


def split_search(site: Path, languages: list[str]) -> dict[str, int]:
    """One search index per language from the combined one; returns entries per language
    (none for a site without search)."""
    if not (site / SEARCH_INDEX).is_file():
        return {}
    combined = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))
    docs: dict[str, list[dict[str, Any]]] = {lang: [] for lang in languages}
    for entry in combined["docs"]:
        lang = language_of(entry["location"], languages)
        location = entry["location"].removeprefix(language_root(lang))
        entry = {**compact_entry(entry), "location": location}
        docs[lang].append(entry)
    for lang in languages:
        config = {**combined["config"], "lang": [SEARCH_LANGUAGE[lang]]}
        out = site / language_root(lang) / SEARCH_INDEX
        out.parent.mkdir(parents=True, exist_ok=True)
        index = {**combined, "config": config, "docs": docs[lang]}
        out.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return {lang: len(entries) for lang, entries in docs.items()}


def search_base(html: str, base: str) -> str:
    """The page with Material's configured `base` (where it finds the search index and the
    sitemap) set to `base`, the language's folder as seen from the page."""
    match = CONFIG.search(html)
    if match is None:
        return html
    config = json.loads(match.group(2))
    config["base"] = base
    data = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    return html[: match.start(2)] + data + html[match.end(2) :]


def write_sitemaps(site: Path, languages: list[str], site_url: str) -> list[Path]:
    """Each language's sitemap at its folder (the root one keeps every language), and an empty
    one beside every other page. Returns the files written (none for a site without one)."""
    if not (site / SITEMAP).is_file():
        return []
    full = (site / SITEMAP).read_text(encoding="utf-8")
    head, _, _ = full.partition("<url>")
    head = head.rstrip()
    entries = URL_ENTRY.findall(full)
    written = []
    for lang in languages:
        if lang == DEFAULT:
            continue
        prefix = site_url + language_root(lang)
        own = [e for e in entries if (m := LOC.search(e)) and m.group(1).startswith(prefix)]
        out = site / language_root(lang) / SITEMAP
        out.write_text(head + "".join(own) + "\n</urlset>\n", encoding="utf-8")
        written.append(out)
    roots = {site / language_root(lang) for lang in languages}
    for page in site.rglob("index.html"):
        folder = page.parent
        if folder in roots or (folder / SITEMAP).exists():
            continue
        (folder / SITEMAP).write_text(EMPTY_SITEMAP, encoding="utf-8")
        written.append(folder / SITEMAP)
    return written


class SiteFile(Protocol):
    """What `theme_files` reads of a MkDocs `File`."""

    src_dir: str | None
    abs_dest_path: str


def _from_theme(files: Iterable[SiteFile], theme_dirs: Iterable[str]) -> list[SiteFile]:
    dirs = {str(Path(d).resolve()) for d in theme_dirs}
    return [f for f in files if f.src_dir and str(Path(f.src_dir).resolve()) in dirs]


def theme_files(files: Iterable[SiteFile], theme_dirs: Iterable[str]) -> set[str]:
    """Where the theme's own files (the folders of `theme_dirs`, not the docs) are written."""
    return {f.abs_dest_path for f in _from_theme(files, theme_dirs)}


def copied_again(
    files: Iterable[SiteFile], theme_dirs: Iterable[str], copied: set[str]
) -> list[Any]:
    """The theme files among `files` that an earlier language of this build has written."""
    return [f for f in _from_theme(files, theme_dirs) if f.abs_dest_path in copied]
