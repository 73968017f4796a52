"""The site's languages: what each needs from its translators, checked before anything is built.

English is written in `docs/en/` and published at the site root; every other language is
written in `docs/<lang>/` and published under `/<lang>/` (mkdocs-static-i18n, folder layout).
A language is complete when it has, for English's every page, figure label and navigation
title, its own:

    docs/<lang>/<page>.md             every page English has, same paths, same heading ids
    i18n/<lang>/nav.yml               site_name, site_description, copyright, the page text
                                      (PAGE_TEXT), and for every English navigation title,
                                      its translation (at the top level, or under `nav`)
    includes/abbreviations.<lang>.md  the glossary tooltips
    figures/data/<lang>.toml          the figures' labels, the same keys as en.toml

A gap fails the build with a message naming it: no page of a translated site quietly shows
English. (The plugin's `fallback_to_default` stays on only for the shared assets in
`docs/downloads/`.)
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from calculators.core.locales import LOCALES

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
I18N = ROOT / "i18n"
INCLUDES = ROOT / "includes"
FIGURE_DATA = ROOT / "figures" / "data"
DEFAULT = "en"
# The languages of the site are the calculators' locales, as mkdocs.yml's i18n plugin lists them
# (a test keeps the two equal).
LANGUAGES = LOCALES
# A development build may leave languages out: SITE_LANGUAGES="en nb". English always builds.
ONLY = "SITE_LANGUAGES"
SITE_TEXT = ("site_name", "site_description", "copyright")
# Text that Markdown and the theme write into pages in English, in each language's words
# (see sitebuild.page_text).
PAGE_TEXT = ("footnote_backlink", "permalink", "palette_dark", "palette_light")
# Material's search runs lunr, which has stemmers for these; Icelandic has none and is searched
# with the English pipeline (its words are still found, only not by their stems).
SEARCH_LANGUAGE = {"en": "en", "nb": "no", "is": "en", "fi": "fi", "sv": "sv", "ru": "ru"}


class TranslationError(ValueError):
    """A language lacks something English has."""


def in_language(path: str, lang: str) -> bool:
    """Whether a site path ("nb/guide/x/", "guide/x/") belongs to `lang`."""
    first = path.split("/", 1)[0]
    if lang == DEFAULT:
        return first not in LANGUAGES[1:]
    return first == lang


def language_root(lang: str) -> str:
    """Where a language lives, relative to the site root: "" for English, "nb/" for Norwegian."""
    return "" if lang == DEFAULT else f"{lang}/"


def pages(lang: str, docs: Path = DOCS) -> list[str]:
    """The Markdown pages of a language, as paths inside its folder."""
    folder = docs / lang
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))


def missing_pages(lang: str, docs: Path = DOCS) -> list[str]:
    have = set(pages(lang, docs))
    return [page for page in pages(DEFAULT, docs) if page not in have]


def nav_titles(nav: Iterable[Any]) -> Iterator[str]:
    """Every title of an mkdocs `nav` (sections and pages; bare paths have none)."""
    for item in nav:
        if isinstance(item, dict):
            for title, child in item.items():
                yield str(title)
                if isinstance(child, list):
                    yield from nav_titles(child)


def site_text(lang: str, i18n: Path = I18N) -> dict[str, Any]:
    """i18n/<lang>/nav.yml: the site's name, description and copyright, its page text, and
    `nav` titles."""
    import yaml

    path = i18n / lang / "nav.yml"
    if not path.is_file():
        raise TranslationError(f"{lang}: i18n/{lang}/nav.yml is missing")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise TranslationError(f"{lang}: i18n/{lang}/nav.yml must map keys to text")
    titles = data.get("nav")
    if not isinstance(titles, dict):
        # The flat form: every key but the site's text is an English navigation title.
        titles = {k: v for k, v in data.items() if k not in (*SITE_TEXT, *PAGE_TEXT)}
    return {**{k: data.get(k) for k in (*SITE_TEXT, *PAGE_TEXT)}, "nav": titles}


def missing_site_text(lang: str, nav: Iterable[Any], i18n: Path = I18N) -> list[str]:
    data = site_text(lang, i18n)
    titles = data.get("nav") or {}
    missing = [f"{key} (site text)" for key in (*SITE_TEXT, *PAGE_TEXT) if not data.get(key)]
    missing += [
        f"{title!r} (navigation title)"
        for title in dict.fromkeys(nav_titles(nav))
        if not titles.get(title)
    ]
    return missing


def label_keys(table: Any, prefix: str = "") -> Iterator[str]:
    """Every text leaf of a figure-label table, as a dotted path ("lifecycle.stages.2.name").
    Numbers are data, the same in every language, and are not asked of translators."""
    if isinstance(table, dict):
        for key, value in table.items():
            yield from label_keys(value, f"{prefix}{key}.")
    elif isinstance(table, list):
        for index, value in enumerate(table):
            yield from label_keys(value, f"{prefix}{index}.")
    elif isinstance(table, str):
        yield prefix.rstrip(".")


def missing_figure_labels(lang: str, data: Path = FIGURE_DATA) -> list[str]:
    path = data / f"{lang}.toml"
    if not path.is_file() and (data / f"{DEFAULT}.toml").is_file():
        return [f"figures/data/{lang}.toml (every figure label)"]
    source = data / f"{DEFAULT}.toml"
    if not source.is_file():
        return []  # a site without figures
    english = tomllib.loads(source.read_text(encoding="utf-8"))
    ours = tomllib.loads(path.read_text(encoding="utf-8"))
    have = set(label_keys(ours))
    return [f"{key} (figure label)" for key in label_keys(english) if key not in have]


def abbreviations(lang: str, includes: Path = INCLUDES) -> Path:
    return includes / f"abbreviations.{lang}.md"


def problems(lang: str, nav: Iterable[Any], root: Path = ROOT) -> list[str]:
    """Everything `lang` lacks that English has (empty when the language is complete)."""
    found = [f"docs/{lang}/{page} (page)" for page in missing_pages(lang, root / "docs")]
    if not abbreviations(lang, root / "includes").is_file():
        found.append(f"includes/abbreviations.{lang}.md (glossary tooltips)")
    found += missing_figure_labels(lang, root / "figures" / "data")
    try:
        found += missing_site_text(lang, nav, root / "i18n")
    except TranslationError as exc:
        found.append(str(exc).removeprefix(f"{lang}: "))
    found += missing_messages(lang)
    return found


# Enough of a language's message gaps to act on; the rest are counted.
SHOWN_MESSAGES = 5


def missing_messages(lang: str, locale_dir: Path | None = None) -> list[str]:
    """The calculators' messages `lang` lacks (missing, empty, fuzzy or with other
    placeholders): the calculators would otherwise show English in its pages. The catalogs
    are the calculators package's own, whatever the project around the docs."""
    from . import catalogs

    where = catalogs.LOCALE_DIR if locale_dir is None else locale_dir
    gaps = [f"message {p.msgid!r} ({p.reason})" for p in catalogs.problems(lang, where)]
    if len(gaps) > SHOWN_MESSAGES:
        more = len(gaps) - SHOWN_MESSAGES
        gaps = [*gaps[:SHOWN_MESSAGES], f"and {more} more messages (make catalogs lists them)"]
    return gaps


def check(languages: Iterable[str], nav: Iterable[Any], root: Path = ROOT) -> None:
    """Fail with every gap of every language named, before any page is built."""
    nav = list(nav)
    report = []
    for lang in languages:
        if lang == DEFAULT:
            continue
        gaps = problems(lang, nav, root)
        if gaps:
            report.append(f"{lang} lacks {len(gaps)}:\n  " + "\n  ".join(gaps))
    if report:
        raise TranslationError("translations are incomplete:\n" + "\n".join(report))


def selected(all_languages: list[str]) -> list[str]:
    """The languages to build: all of them, unless SITE_LANGUAGES names some."""
    wanted = os.environ.get(ONLY, "").replace(",", " ").split()
    if not wanted:
        return all_languages
    unknown = sorted(set(wanted) - set(all_languages))
    if unknown:
        raise TranslationError(f"{ONLY} names unknown languages: {', '.join(unknown)}")
    return [lang for lang in all_languages if lang == DEFAULT or lang in wanted]


def heading_ids(toc: Iterable[Any]) -> list[str]:
    """The ids of a rendered page's headings, in order (MkDocs' table of contents)."""
    ids: list[str] = []
    for item in toc:
        ids.append(str(item.id))
        ids.extend(heading_ids(item.children))
    return ids


def heading_problem(lang: str, page: str, english: list[str], ours: list[str]) -> str | None:
    """A message when a translated page's heading ids differ from English's (links to
    `page.md#anchor` must work in every language), else None."""
    if english == ours:
        return None
    lacking = [i for i in english if i not in ours]
    extra = [i for i in ours if i not in english]
    detail = []
    if lacking:
        detail.append("lacks " + ", ".join(f"#{i}" for i in lacking))
    if extra:
        detail.append("has " + ", ".join(f"#{i}" for i in extra) + " that English has not")
    if not detail:
        detail.append("has English's headings in another order")
    return f"docs/{lang}/{page}: heading ids differ from docs/en/{page}: " + "; ".join(detail)
