"""The languages in the browser: the switcher keeps the reader's page, search finds the page's
language, each language registers its own offline copy, a calculator goes live in each language,
and axe finds nothing on a page of each language."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from language_support import LANGUAGES, TRANSLATED
from playwright.sync_api import Page

from sitebuild.languages import language_root

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TIMEOUT_MS = 120_000
# A word of each language's types page, found by its search.
SEARCHED = {"en": "outsourcing", "nb": "utkontraktering", "fi": "ulkoistaminen"}


@pytest.fixture
def page(browser: Any) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


def choose_language(page: Page, lang: str) -> None:
    """Open the language menu as a reader does and pick `lang`."""
    page.locator(".md-header__option .md-select button").first.focus()
    link = page.locator(f"a.md-select__link[hreflang='{lang}']")
    link.wait_for(state="visible")
    with page.expect_navigation():
        link.click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("start, goal", [("en", "nb"), ("nb", "ru"), ("ru", "en"), ("is", "fi")])
def test_the_language_switcher_keeps_the_page(
    page: Page, site_url: str, start: str, goal: str
) -> None:
    page.goto(site_url + language_root(start) + "guide/types/#at-a-glance")
    choose_language(page, goal)
    assert page.url.split("#")[0] == site_url + language_root(goal) + "guide/types/"
    assert page.evaluate("document.documentElement.lang") == goal


def test_the_switcher_keeps_the_home_page(page: Page, site_url: str) -> None:
    page.goto(site_url + "sv/")
    choose_language(page, "en")
    assert page.url == site_url
    choose_language(page, "is")
    assert page.url == site_url + "is/"


@pytest.mark.parametrize("lang", sorted(SEARCHED))
def test_search_finds_pages_of_the_page_language(page: Page, site_url: str, lang: str) -> None:
    page.goto(site_url + language_root(lang) + "guide/types/")
    search = page.locator("input.md-search__input")
    search.click()  # on a laptop-sized window the search field is in the header
    search.press_sequentially(SEARCHED[lang])  # as typed: Material searches on key presses
    first = page.locator(".md-search-result__item a").first
    first.wait_for(state="attached")
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert hrefs
    mine = site_url + language_root(lang)
    others = [site_url + language_root(other) for other in TRANSLATED if other != lang]
    assert all(h.startswith(mine) and not h.startswith(tuple(others)) for h in hrefs), hrefs


def test_each_language_registers_its_own_offline_copy(browser: Any, site_url: str) -> None:
    context = browser.new_context(service_workers="allow")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    scopes = {}
    for lang in ("nb", "en"):
        page.goto(site_url + language_root(lang) + "guide/types/")
        page.wait_for_function(
            "async (scope) => Boolean(await navigator.serviceWorker.getRegistration(scope))",
            arg=site_url + language_root(lang),
        )
        scopes[lang] = page.evaluate(
            "async (scope) => (await navigator.serviceWorker.getRegistration(scope)).scope",
            site_url + language_root(lang),
        )
    context.close()
    assert scopes == {"nb": site_url + "nb/", "en": site_url}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_calculator_goes_live_in_each_language(page: Page, site_url: str, lang: str) -> None:
    page.goto(site_url + language_root(lang) + "calculators/savings/")
    form = page.locator("form[data-calculator='savings']")
    assert form.get_attribute("data-locale") == lang
    page.wait_for_selector("form[data-calculator='savings'][data-state='ready']")


def test_no_accessibility_violations_in_any_language(browser: Any, site_url: str) -> None:
    assert AXE.is_file(), "axe-core is missing: run `npm ci`"
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    found: dict[str, Any] = {}
    for lang in LANGUAGES:
        path = language_root(lang) + "guide/types/"
        page.goto(site_url + path)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"
        )
        if violations:
            found[path] = violations
    context.close()
    assert found == {}, json.dumps(found, indent=1)
