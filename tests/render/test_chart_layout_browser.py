"""Calculator charts as the browser shows them: on a 390 px phone the narrow drawing, whose
every text renders at 12 CSS px or more (measured, not declared: the SVG's scale included), on
larger screens whichever of the two keeps that size in the width the results get; one drawing
per chart at a time, prerendered and live."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from page_support import LAPTOP, LIVE_TIMEOUT_MS, PHONE, a_change_that_shows, count_results, page_of
from playwright.sync_api import Browser, Page

import calculators

pytestmark = pytest.mark.browser

# Every visible text of the charts in the results: its rendered size in CSS px, i.e. the
# computed font size times the SVG's scale (its drawn width over its viewBox width).
TEXT_SIZES = """() => [...document.querySelectorAll(
    '.calc-results figure.calc-chart :is(text, th, td, li, caption, span)')]
  .filter(el => el.getClientRects().length && !el.closest('.calc-visually-hidden')
                && [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
  .map(el => { const svg = el.closest('svg');
    const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
    return {chart: el.closest('figure').dataset.chart, text: el.textContent.slice(0, 40),
            px: parseFloat(getComputedStyle(el).fontSize) * scale}; })"""

# Per chart, which of its drawings are displayed.
SHOWN_DRAWINGS = """() => [...document.querySelectorAll('.calc-results figure.calc-chart')]
  .map(f => [...f.querySelectorAll(':scope > [class^="calc-chart-"]')]
    .filter(d => d.getClientRects().length).map(d => d.className))"""


@pytest.fixture
def page_at(browser: Browser) -> Iterator[Any]:
    contexts = []

    def opener(viewport: Any) -> Page:
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(LIVE_TIMEOUT_MS)
        return page

    yield opener
    for context in contexts:
        context.close()


def small_texts(page: Page) -> tuple[int, list[dict[str, Any]]]:
    sizes = page.evaluate(TEXT_SIZES)
    return len(sizes), [s for s in sizes if s["px"] < 12]


@pytest.mark.parametrize("calculator_id", calculators.calculator_ids())
def test_chart_text_is_at_least_12px_on_a_phone_before_and_after_an_edit(
    page_at: Any, site_url: str, calculator_id: str
) -> None:
    page = page_at(PHONE)
    page.goto(site_url + page_of(calculator_id))
    charts = len(calculators.run(calculator_id)["charts"])
    assert page.evaluate(SHOWN_DRAWINGS) == [["calc-chart-narrow"]] * charts
    count, small = small_texts(page)
    assert count >= 5 * charts and small == []
    # The live result is drawn by the same renderer in the browser.
    page.wait_for_selector(f"form[data-calculator='{calculator_id}'][data-state='ready']")
    name, value, is_choice = a_change_that_shows(calculator_id)
    count_results(page)
    control = f"#calc-{calculator_id}-{name}"
    if is_choice:
        page.select_option(control, value)
    else:
        page.fill(control, value)
    page.wait_for_function("window.__results > 0")
    assert page.evaluate(SHOWN_DRAWINGS) == [["calc-chart-narrow"]] * charts
    count, small = small_texts(page)
    assert count >= 5 * charts and small == []


@pytest.mark.parametrize(
    ("viewport", "drawing"),
    [
        # Stacked: the results get the whole content width.
        ({"width": 1000, "height": 800}, "calc-chart-wide"),
        # Beside the form, the results column is about 480 px: the wide drawing would be 9 px.
        (LAPTOP, "calc-chart-narrow"),
        # A large screen gives the column room for the wide drawing again.
        ({"width": 1920, "height": 1080}, "calc-chart-wide"),
    ],
)
def test_larger_screens_show_the_drawing_that_keeps_type_at_12px(
    page_at: Any, site_url: str, viewport: Any, drawing: str
) -> None:
    page = page_at(viewport)
    page.route("**/pyodide.mjs", lambda route: route.abort())  # the prerendered results
    for calculator_id in calculators.calculator_ids():
        page.goto(site_url + page_of(calculator_id))
        charts = len(calculators.run(calculator_id)["charts"])
        assert page.evaluate(SHOWN_DRAWINGS) == [[drawing]] * charts, calculator_id
        count, small = small_texts(page)
        assert count >= 5 * charts and small == [], (calculator_id, small[:3])
