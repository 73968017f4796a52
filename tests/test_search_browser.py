"""Search on demand (overrides/assets/search-on-demand.js): a page loads without the search index
or the search worker; the reader's first move towards search downloads them, and search works
as before, in the page's language, under the page's Content-Security-Policy."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser

TIMEOUT_MS = 60_000
GUIDE_PAGE = "guide/what-is-outsourcing/"
INDEX = "search/search_index.json"
WORKER = "/assets/javascripts/workers/search."
RESULT = ".md-search-result__item"
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`);
});
"""
PHONE = {"width": 390, "height": 844}


class Visit:
    """A page in a context that keeps the site's policy, with every request it makes."""

    def __init__(self, context: BrowserContext) -> None:
        self.context = context
        self.requests: list[str] = []
        context.on("request", lambda request: self.requests.append(request.url))
        context.add_init_script(script=RECORD_VIOLATIONS)
        self.page: Page = context.new_page()

    def open(self, url: str) -> Page:
        self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return self.page

    def search_requests(self) -> list[str]:
        return [url for url in self.requests if url.endswith(INDEX) or WORKER in url]

    def violations(self) -> list[str]:
        found: list[str] = self.page.evaluate("window.__violations")
        return found


@pytest.fixture
def visit(browser: Any) -> Iterator[Visit]:
    context = browser.new_context(bypass_csp=False)  # the policy applies to search too
    context.set_default_timeout(TIMEOUT_MS)
    yield Visit(context)
    context.close()


@pytest.fixture
def phone(browser: Any) -> Iterator[Visit]:
    context = browser.new_context(bypass_csp=False, viewport=PHONE, has_touch=True)
    context.set_default_timeout(TIMEOUT_MS)
    yield Visit(context)
    context.close()


def type_query(page: Page, words: str) -> None:
    """Type into the focused search field. Playwright types letters that are not on its keyboard
    (Cyrillic) without key events, and Material reads the field on key-up: End gives one."""
    page.keyboard.type(words)
    page.keyboard.press("End")


def results(page: Page) -> list[str]:
    page.wait_for_selector(RESULT)
    links: list[str] = page.eval_on_selector_all(f"{RESULT} a", "links => links.map((a) => a.href)")
    return links


@pytest.mark.parametrize(("root", "word"), [("", "offsh"), ("ru/", "аутсор")])
def test_search_downloads_its_index_when_the_reader_starts(
    visit: Visit, site_url: str, root: str, word: str
) -> None:
    page = visit.open(site_url + root + GUIDE_PAGE)
    assert page.locator("h1").count() == 1
    assert visit.search_requests() == []  # neither the index nor the worker on a page load
    page.click(".md-search__input")
    type_query(page, word)
    links = results(page)
    assert visit.search_requests().count(site_url + root + INDEX) == 1  # the page's language
    assert len([url for url in visit.search_requests() if WORKER in url]) == 1
    assert links and all(link.startswith(site_url + root) for link in links)
    if root:
        assert not [link for link in links if link.startswith(site_url + "guide/")]
    page.wait_for_selector(".md-search__suggest:not(:empty)")  # suggestions as before
    assert visit.violations() == []


def test_the_search_key_downloads_the_index(visit: Visit, site_url: str) -> None:
    page = visit.open(site_url + "nb/" + GUIDE_PAGE)
    page.keyboard.press("Tab")  # some focus on the page, as a reader's would be
    page.locator("body").press("Escape")
    page.keyboard.press("/")
    type_query(page, "risiko")
    assert results(page)
    assert visit.search_requests().count(site_url + "nb/" + INDEX) == 1
    assert visit.violations() == []


def test_a_typed_s_in_a_calculator_field_downloads_nothing(visit: Visit, site_url: str) -> None:
    page = visit.open(site_url + "calculators/risk-register/")
    field = page.locator("form[data-calculator] input[type=text]").first
    field.click()
    field.press("End")
    page.keyboard.type("s/f")
    page.wait_for_load_state("networkidle")
    assert not [url for url in visit.search_requests() if url.endswith(INDEX)]


def test_opening_search_on_a_phone_downloads_the_index(phone: Visit, site_url: str) -> None:
    page = phone.open(site_url + GUIDE_PAGE)
    assert phone.search_requests() == []
    page.tap("header label[for=__search]")
    type_query(page, "offshore")
    assert results(page)
    assert phone.search_requests().count(site_url + INDEX) == 1
    assert phone.violations() == []


def test_a_result_opened_from_search_highlights_its_words(visit: Visit, site_url: str) -> None:
    page = visit.open(site_url + GUIDE_PAGE + "?h=offshore")
    page.wait_for_selector("mark[data-md-highlight]")
    assert visit.search_requests().count(site_url + INDEX) == 1
    assert visit.violations() == []
