"""The built site in six languages: every page in every language, links that resolve and stay
in their language, the language marked and switched per page, search, sitemaps, offline copy
and 404 per language, and no English left in the translated pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from language_support import (
    DEFAULT,
    LANGUAGES,
    TRANSLATED,
    english_in_footnote,
    english_sentences,
    footnotes,
    html_of,
    links,
    pages_of,
    prose,
    target_path,
)

from sitebuild.languages import SEARCH_LANGUAGE, in_language, language_root

ROOT = Path(__file__).resolve().parent.parent


def test_the_languages_are_the_ones_mkdocs_yml_builds() -> None:
    class Loader(yaml.SafeLoader):  # type: ignore[misc]  # untyped: no stubs for yaml
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    plugin = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    assert tuple(lang["locale"] for lang in plugin["languages"]) == LANGUAGES
    assert [lang["locale"] for lang in plugin["languages"] if lang.get("default")] == [DEFAULT]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_english_page_exists_in_every_language(built_site: Path, lang: str) -> None:
    english = pages_of(built_site, DEFAULT)
    assert len(english) > 20 and "guide/types/" in english
    assert sorted(set(english) - set(pages_of(built_site, lang))) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_internal_link_and_anchor_resolves_in_its_language(
    built_site: Path, lang: str
) -> None:
    """Links in a page's article lead to a page or file of the site, to a heading that exists,
    and, for pages, to the same language (shared files such as downloads are at the root)."""
    broken: list[str] = []
    root = language_root(lang)
    ids: dict[str, set[str]] = {}
    for path in pages_of(built_site, lang):
        page = root + path
        found = links(html_of(built_site, lang, path))
        ids[page] = found.ids
        for href in found.hrefs:
            target = target_path(page, href)
            if target is None:
                continue
            site_path, anchor = target
            file = built_site / site_path
            if file.is_dir() or site_path.endswith("/") or site_path == "":
                file = built_site / site_path / "index.html"
                if not in_language(site_path, lang):
                    broken.append(f"{page}: {href} leaves the language")
                    continue
            if not file.is_file():
                broken.append(f"{page}: {href} (no {site_path or 'home page'})")
                continue
            if anchor and file.name == "index.html":
                if site_path not in ids:
                    ids[site_path] = links(file.read_text(encoding="utf-8")).ids
                if anchor not in ids[site_path]:
                    broken.append(f"{page}: {href} (no #{anchor})")
    assert broken == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_marked_and_every_language_linked_per_page(built_site: Path, lang: str) -> None:
    """`<html lang>`, one `hreflang` link per language and x-default (English), and a switcher
    whose links lead to this page in each language."""
    wrong: list[str] = []
    for path in pages_of(built_site, lang):
        found = links(html_of(built_site, lang, path))
        page = language_root(lang) + path
        if found.lang != lang:
            wrong.append(f"{page}: <html lang={found.lang!r}>")
        expected = {other: language_root(other) + path for other in LANGUAGES}
        expected["x-default"] = path
        resolved = {
            hreflang: (target_path(page, href) or ("?", ""))[0]
            for hreflang, href in found.alternates.items()
        }
        if resolved != expected:
            wrong.append(f"{page}: hreflang {resolved} != {expected}")
        switcher = {
            h: (target_path(page, href) or ("?", ""))[0] for h, href in found.switcher.items()
        }
        expected.pop("x-default")
        if switcher != expected:
            wrong.append(f"{page}: switcher {switcher} != {expected}")
    assert wrong == []


def test_translated_navigation_and_site_name(built_site: Path) -> None:
    for lang in TRANSLATED:
        text = yaml.safe_load((ROOT / "i18n" / lang / "nav.yml").read_text(encoding="utf-8"))
        titles = text.get("nav", text)
        html = html_of(built_site, lang, "guide/types/")
        assert f"<title>{text['site_name']}" in html or f"- {text['site_name']}</title>" in html
        assert titles["Types of outsourcing"] in html
        assert ">Types of outsourcing<" not in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_index_per_language(built_site: Path, lang: str) -> None:
    """Each language searches its own pages with its own stemmer (lunr has none for Icelandic:
    English's pipeline), from the folder its pages name as Material's base."""
    index = json.loads(
        (built_site / language_root(lang) / "search" / "search_index.json").read_text("utf-8")
    )
    assert index["config"]["lang"] == [SEARCH_LANGUAGE[lang]]
    pages = set(pages_of(built_site, lang))
    located = {entry["location"].partition("#")[0] for entry in index["docs"]}
    assert located <= pages and "guide/types/" in located
    for path in ("", "guide/types/"):
        html = html_of(built_site, lang, path)
        found = re.search(r'id="__config"[^>]*>(.*?)</script>', html, re.S)
        assert found is not None
        config = json.loads(found[1])
        base = target_path(language_root(lang) + path, config["base"].rstrip("/") + "/")
        assert base is not None and base[0] == language_root(lang), (path, config["base"])
    if lang != DEFAULT:
        for name in ("no", "fi", "sv", "ru"):
            stemmer = built_site / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{name}.min.js"
            assert stemmer.is_file()


def test_sitemap_lists_every_language(built_site: Path) -> None:
    """The root sitemap lists every page of every language (with their alternates); each
    language's folder has its own, which Material's scripts read."""
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = {loc.removeprefix("./") for loc in re.findall(r"<loc>([^<]*)</loc>", sitemap)}
    for lang in LANGUAGES:
        assert f'hreflang="{lang}"' in sitemap
        pages = {language_root(lang) + path for path in pages_of(built_site, lang)}
        assert sorted(pages - listed) == []
    for lang in TRANSLATED:
        own = re.findall(r"<loc>([^<]*)</loc>", (built_site / lang / "sitemap.xml").read_text())
        assert len(own) == len(pages_of(built_site, lang))
        assert all(loc.startswith(f"{lang}/") for loc in own)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_service_worker_per_language(built_site: Path, lang: str) -> None:
    worker = (built_site / language_root(lang) / "sw.js").read_text(encoding="utf-8")
    manifest = json.loads(worker[len("const MANIFEST = ") : worker.index(";\n")])
    assert manifest["language"] == lang and manifest["offline"] == "offline/"
    pages = manifest["pages"]
    assert "./" in pages and "guide/types/" in pages and "offline/" in pages
    others = tuple(f"{other}/" for other in TRANSLATED)
    assert not [p for p in pages if p.startswith(others)], "another language's pages"
    up = "../" if lang != DEFAULT else ""
    assert f"{up}assets/offline.js" in pages
    assert all(url.startswith(f"{up}assets/") for url in manifest["runtime"])
    html = html_of(built_site, lang, "guide/types/")
    assert 'data-worker="../../sw.js"' in html and re.search(r'data-scope="\.\./\.\./?"', html)


def test_runtime_is_copied_once(built_site: Path) -> None:
    wasm = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.wasm"))
    wheels = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.whl.gz"))
    assert len(wasm) == 1 and wasm[0].startswith("assets/pyodide/")
    assert wheels and all(w.startswith("assets/calculators/") for w in wheels)


def test_not_found_page_is_english_at_the_root(built_site: Path) -> None:
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html
    assert not [lang for lang in TRANSLATED if (built_site / lang / "404.html").exists()]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_english_sentences_in_translated_pages(built_site: Path, lang: str) -> None:
    """A stop-word check on what a reader sees and hears in each page's article (figures,
    alternative texts and titles included; code, and cited titles and publishers in footnotes
    and in lists of sources, excepted): a sentence with three English function words is an
    English sentence."""
    leaks = {}
    for path in pages_of(built_site, lang):
        english = html_of(built_site, DEFAULT, path)
        found = english_sentences(prose(html_of(built_site, lang, path), english))
        if found:
            leaks[path or "/"] = [s[:120] for s in found[:3]]
    assert leaks == {}, json.dumps(leaks, indent=1, ensure_ascii=False)


def test_the_english_check_finds_english() -> None:
    assert english_sentences("Outsourcing is when you pay a firm to do the work for you.")
    assert english_sentences("Das ist gut. Utkontraktering er når du betaler et firma.") == []
    html = (
        "<article><p>Sett ut arbeidet.</p><pre><code>the and with that</code></pre>"
        '<div class="footnote"><ol><li>Barboza, <em>The New York Times and the Rest</em>, '
        '"How the work that was done moved with them". <a href="x">the and that</a></li>'
        "</ol></div></article>"
    )
    assert english_sentences(prose(html)) == []
    table = (
        "<article><table><tr><th>{}</th><th>{}</th></tr><tr><td>Kilde</td>"
        "<td>How the work that was done moved with them</td></tr></table></article>"
    )
    english, norwegian = table.format("Source", "Title"), table.format("Kilde", "Tittel")
    assert english_sentences(prose(norwegian, english)) == []
    assert english_sentences(prose(norwegian)) != []  # without its English page: flagged


@pytest.mark.parametrize("lang", TRANSLATED)
def test_footnotes_speak_the_language_of_their_page(built_site: Path, lang: str) -> None:
    """Around what a footnote cites as published (titles quoted or in italics, addresses), its
    words are the page's: no English month, no two words a citation is written with in
    English ("press release, reprinted by"), and its way back to the text titled in the
    language. A footnote is too short for the three-function-word check above."""
    leaks: dict[str, list[str]] = {}
    for path in pages_of(built_site, lang):
        for note in footnotes(html_of(built_site, lang, path)):
            if english_in_footnote(note, lang):
                leaks.setdefault(path or "/", []).append(note[:120])
    assert leaks == {}, json.dumps(leaks, indent=1, ensure_ascii=False)


ATTRIBUTE = re.compile(r'\b(?:title|aria-label|alt|placeholder)="([^"]+)"')


@pytest.mark.parametrize("lang", TRANSLATED)
def test_tooltips_and_labels_are_not_the_english_page_s(built_site: Path, lang: str) -> None:
    """Titles, labels, alternative texts and placeholders anywhere on a page (the theme's
    furniture too: heading anchors, color-scheme toggles) are not the English page's own:
    one with a word in it that is the same in both is English left untranslated."""
    leaks: dict[str, list[str]] = {}
    for path in pages_of(built_site, lang):
        english = set(ATTRIBUTE.findall(html_of(built_site, DEFAULT, path)))
        same = set(ATTRIBUTE.findall(html_of(built_site, lang, path))) & english
        found = sorted(text for text in same if re.search(r"\b[a-z]{2,}\b", text))
        if found:
            leaks[path or "/"] = found
    assert leaks == {}, json.dumps(leaks, indent=1, ensure_ascii=False)
