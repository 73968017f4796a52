"""The MkDocs event functions, composed from the build steps (overrides/hooks/ calls these).

mkdocs-static-i18n builds English first, then, from inside English's post-build event, every
other language into the same folder, each a full MkDocs build with these events. What is the
same for every language (the runtime: wheel, Pyodide, trimmed library) is prepared once and
copied once; what is per language (abbreviations, figures, calculators, switcher, search,
service worker) is done for each; the site-wide steps run once, after the last language.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import calculators
from sitebuild import (
    csp,
    languages,
    multilingual,
    offline,
    page_text,
    runtime_assets,
    template_cache,
    widgets,
)

_state: dict[str, Any] = {}


# Set once per `mkdocs` run; kept in the environment because `mkdocs serve` reloads this module
# on every rebuild (see overrides/hooks/site_hooks.py) and calls on_startup only once.
SERVING = "SITEBUILD_SERVING"


def on_startup(command: str, dirty: bool) -> None:
    os.environ[SERVING] = "1" if command == "serve" else ""


def i18n(config: Any) -> Any | None:
    """The mkdocs-static-i18n plugin of this build, if the site has one."""
    return config["plugins"].get("i18n")


def nested(config: Any) -> bool:
    """True while the plugin builds a language other than the first."""
    plugin = i18n(config)
    return bool(plugin is not None and plugin.building)


def current_language(config: Any) -> str:
    plugin = i18n(config)
    if plugin is None:
        theme = config["theme"]
        return str(theme["language"] if "language" in theme else "en") or "en"  # noqa: SIM401
    return str(plugin.current_language or plugin.default_language)


def calculator_locale(language: str) -> str:
    """The locale the calculators format and translate a page of `language` in."""
    return language


def _start(config: Any) -> None:
    """The first language's build: choose and check the languages, prepare the runtime."""
    from mkdocs.exceptions import PluginError

    _state.clear()
    _state["headings"] = {}
    _state["page_text"] = {}
    # The project's root: docs/, i18n/, includes/ and figures/data/ sit beside each other.
    root = _state["root"] = Path(config["docs_dir"]).resolve().parent
    plugin = i18n(config)
    built = [languages.DEFAULT]
    if plugin is not None:
        built = languages.selected([lang.locale for lang in plugin.config.languages])
        for lang in plugin.config.languages:
            lang.build = lang.locale in built
        try:
            languages.check(built, config["nav"] or [], root)
        except languages.TranslationError as exc:
            raise PluginError(str(exc)) from exc
        for lang in plugin.config.languages:
            if lang.locale in built and lang.locale != languages.DEFAULT:
                text = languages.site_text(lang.locale, root / "i18n")
                lang.nav_translations = dict(text["nav"])
                for key in languages.SITE_TEXT:
                    lang[key] = text[key]
                _state["page_text"][lang.locale] = {k: text[k] for k in languages.PAGE_TEXT}
    _state["languages"] = built
    try:
        _state["runtime"] = runtime_assets.prepare()
    except runtime_assets.RuntimeAssetsError as exc:
        raise PluginError(str(exc)) from exc


def on_config(config: Any) -> Any:
    if not nested(config):
        _start(config)
    language = current_language(config)
    _state["language"] = language
    config["extra"].pop("alternate_default", None)  # set per page; not on the 404 template
    config["extra"]["calculator_runtime"] = _state["runtime"].paths(language)
    config["extra"]["ui"] = calculators.ui_messages(calculator_locale(language))
    config["extra"]["language_root"] = languages.language_root(language)
    return config


def on_files(files: Any, config: Any) -> Any:
    """The theme's files are the same in every language and go to the same place: the first
    language writes them, the others leave them out."""
    theme_dirs = config["theme"].dirs
    if not nested(config):
        _state["theme_files"] = multilingual.theme_files(files, theme_dirs)
        return files
    for file in multilingual.copied_again(files, theme_dirs, _state["theme_files"]):
        files.remove(file)
    return files


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Each language's Jinja environment loads the templates the first one compiled."""
    return template_cache.attach(env, runtime_assets.CACHE)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """The glossary's tooltips in the page's language (abbreviations.<lang>.md; a translated
    language without its file has already failed the build, a site without a glossary has none)."""
    path = languages.abbreviations(_state["language"], _state["root"] / "includes")
    if not path.is_file():
        return markdown
    return markdown + "\n\n" + path.read_text(encoding="utf-8")


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    from mkdocs.exceptions import PluginError

    language = _state["language"]
    norm = str(getattr(page.file, "norm_src_uri", page.file.src_uri))
    ids = languages.heading_ids(page.toc)
    if language == languages.DEFAULT:
        _state["headings"][norm] = ids
    elif norm in _state["headings"]:
        problem = languages.heading_problem(language, norm, _state["headings"][norm], ids)
        if problem:
            raise PluginError(problem)
    url_in_language = page.url.removeprefix(languages.language_root(language))
    return widgets.on_page_content(
        html, page, calculator_locale(language), widgets.root_of(url_in_language)
    )


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """The language switcher and `hreflang` links lead to this page in each language (the
    plugin leaves the home pages' links root-absolute, which breaks under a sub-path)."""
    alternates = getattr(page.file, "alternates", None)
    current = getattr(config["extra"], "alternate", None) or config["extra"].get("alternate")
    if not alternates or not current:
        return context
    links = []
    for entry in current:
        target = alternates.get(entry["lang"])
        links.append({**entry, "link": target.url if target else entry["link"]})
    # The plugin sets `extra.alternate` as an attribute, which templates read before the item.
    config["extra"]["alternate"] = links
    config["extra"].alternate = links
    english = alternates.get(languages.DEFAULT)
    config["extra"]["alternate_default"] = english.url if english else ""
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    language = _state["language"]
    if language != languages.DEFAULT:
        url_in_language = page.url.removeprefix(languages.language_root(language))
        output = multilingual.search_base(output, widgets.root_of(url_in_language) or ".")
        output = page_text.translate(output, _state["page_text"][language])
    return csp.add_policy(output)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    # 404.html is a template, not a page; sitemap.xml needs no policy.
    if not template_name.endswith(".html"):
        return output
    output = csp.add_policy(output)
    if template_name == "404.html" and _state["language"] == languages.DEFAULT:
        # Every language's build writes the root 404.html; the site serves English's.
        _state["not_found"] = output
    return output


def on_post_build(config: Any) -> None:
    """After each language; the site-wide steps after the last (see the module's docstring)."""
    from mkdocs.exceptions import PluginError

    if nested(config):
        return
    site = Path(config["site_dir"])
    built: list[str] = _state["languages"]
    try:
        runtime_assets.copy_runtime(site, _state["runtime"])
        if "not_found" in _state:
            (site / "404.html").write_text(_state["not_found"], encoding="utf-8")
        if i18n(config) is not None:
            multilingual.split_search(site, built)
            multilingual.write_sitemaps(site, built, config["site_url"] or "")
        # Last: each service worker lists every file of the finished build.
        serving = bool(os.environ.get(SERVING))
        digests = {} if serving else offline.file_digests(site)
        for language in built:
            if serving:
                offline.write_uninstaller(site, language)
            else:
                urls = _state["runtime"].urls(language)
                offline.write_service_worker(site, urls, language, built, digests)
    except (runtime_assets.RuntimeAssetsError, ValueError) as exc:
        raise PluginError(str(exc)) from exc
