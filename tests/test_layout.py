"""Layout of the built site in headless Chromium: results in view while editing, no page wider
than a phone, accessibility at phone size, and a page with JavaScript off."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from page_support import (
    AXE,
    LAPTOP,
    LIVE_TIMEOUT_MS,
    PHONE,
    VISIBLE_FIGURES,
    a_change_that_shows,
    axe_violations,
    count_results,
    page_of,
    site_pages,
)
from playwright.sync_api import Browser, Page, Request

import calculators

pytestmark = pytest.mark.browser


def new_page(browser: Browser, **options: Any) -> Page:
    context = browser.new_context(**options)
    page = context.new_page()
    page.set_default_timeout(LIVE_TIMEOUT_MS)
    return page


@pytest.fixture(params=[LAPTOP, PHONE], ids=["1280x800", "390x844"])
def sized_page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    page = new_page(browser, viewport=request.param)
    yield page
    page.context.close()


@pytest.mark.parametrize("calculator_id", calculators.calculator_ids())
def test_a_changed_figure_is_in_view_after_an_edit(
    sized_page: Page, site_url: str, calculator_id: str
) -> None:
    page = sized_page
    name, value, is_choice = a_change_that_shows(calculator_id)
    page.goto(site_url + page_of(calculator_id))
    page.wait_for_selector(f"form[data-calculator='{calculator_id}'][data-state='ready']")
    control = f"#calc-{calculator_id}-{name}"
    # The reader scrolls to the field, as anyone editing it must.
    page.locator(control).scroll_into_view_if_needed()
    before = {(f["id"], f["text"]) for f in page.evaluate(VISIBLE_FIGURES)}
    count_results(page)
    if is_choice:
        page.select_option(control, value)
    else:
        page.fill(control, value)
    page.wait_for_function("window.__results > 0")
    now = page.evaluate(VISIBLE_FIGURES)
    changed = [f for f in now if (f["id"], f["text"]) not in before]
    assert changed, "no figure changed"
    assert [f for f in changed if f["seen"]], f"changed figures, none in view: {changed}"


@pytest.mark.parametrize("width", [320, 390])
def test_no_page_is_wider_than_a_phone(
    browser: Browser, site_url: str, built_site: Path, width: int
) -> None:
    page = new_page(browser, viewport={"width": width, "height": 800})
    # Without Pyodide the calculators stay on their prerendered results and show the failure
    # state, whose messages are part of what must fit (its loader fails at once).
    page.route("**/pyodide.mjs", lambda route: route.abort())
    wide: dict[str, int] = {}
    for path in site_pages(built_site):
        page.goto(site_url + path)
        if path.startswith("calculators/") and path != "calculators/":
            page.wait_for_selector("form[data-calculator][data-state='failed']")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            wide[path or "/"] = scroll_width
    page.context.close()
    assert wide == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_on_a_phone(
    browser: Browser, site_url: str, built_site: Path, scheme: str
) -> None:
    assert AXE.is_file(), "axe-core is missing: run `npm ci`"
    page = new_page(browser, viewport=PHONE, color_scheme=scheme)
    found = axe_violations(page, site_url, site_pages(built_site))
    page.context.close()
    assert found == {}, json.dumps(found, indent=1)


def test_without_javascript_the_page_says_so_and_enter_does_not_reload(
    browser: Browser, site_url: str
) -> None:
    page = new_page(browser, java_script_enabled=False, viewport=PHONE)
    page.goto(site_url + "calculators/savings/")
    note = page.locator(".calc-static-note")
    assert note.is_visible()
    assert "needs JavaScript" in str(note.text_content())
    assert "Change any value" not in str(page.text_content(".calc-status"))
    assert not page.locator(".calc-form button").first.is_visible()  # no button that cannot work
    documents: list[str] = []

    def on_request(request: Request) -> None:
        if request.resource_type == "document":
            documents.append(request.url)

    page.on("request", on_request)
    field = page.locator("#calc-savings-headcount")
    field.fill("12")
    field.press("Enter")
    page.locator("#calc-savings-salary").press("Enter")
    # Nothing to wait for when nothing happens: give a submission time to start.
    page.wait_for_timeout(1000)
    assert documents == []
    assert field.input_value() == "12"
    page.context.close()


TABLE_CALCULATORS = [
    entry["id"]
    for entry in calculators.catalog()
    if any(field["kind"] == "table" for field in entry["fields"])
]

# Every input of the page's table fields with no box of its own (a field left without layout).
INPUTS_WITHOUT_A_BOX = """() => [
  ...document.querySelectorAll('.calc-table-field :is(input, select)')]
  .filter(el => { const r = el.getBoundingClientRect(); return r.width === 0 || r.height === 0; })
  .map(el => el.id)"""


@pytest.mark.parametrize("viewport", [LAPTOP, {"width": 1100, "height": 800}])
def test_table_field_inputs_are_laid_out_on_every_load(
    browser: Browser, site_url: str, viewport: Any
) -> None:
    """A table field was a CSS size container whose table changed its display in a container
    query; Chromium now and then left it with no layout at all, its inputs zero-sized and gone
    from the page, on about half of the loads of the location comparison at 1280 px. Several
    loads per page, since it came and went."""
    page = new_page(browser, viewport=viewport)
    try:
        for calculator_id in TABLE_CALCULATORS:
            for _ in range(3):
                page.goto(site_url + page_of(calculator_id))
                page.wait_for_selector(
                    f"form[data-calculator='{calculator_id}'][data-state='ready']"
                )
                assert page.evaluate(INPUTS_WITHOUT_A_BOX) == [], calculator_id
    finally:
        page.context.close()
