"""The calculator's honest states in headless Chromium: loading, failures, stale results,
edits made before the runtime is up, fields that do not apply, formatted numbers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from page_support import LIVE_TIMEOUT_MS, PHONE, entry, figures, fill_and_wait, page_of
from playwright.sync_api import Browser, Page, Route, expect

import calculators

pytestmark = pytest.mark.browser

SAVINGS = "calculators/savings/"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(LIVE_TIMEOUT_MS)
    yield page
    context.close()


def shown_figures(page: Page, calculator_id: str = "savings") -> dict[str, str]:
    shown: dict[str, str] = page.eval_on_selector_all(
        f".calc-results[data-results-for='{calculator_id}'] .calc-figure",
        "els => Object.fromEntries(els.map(e => [e.dataset.figure, "
        "e.querySelector('.calc-figure-value').textContent]))",
    )
    return shown


def summary(page: Page) -> str:
    return str(page.text_content(".calc-summary"))


def test_a_worker_that_throws_leaves_a_message_and_the_form_recovers(
    page: Page, site_url: str
) -> None:
    def broken_worker(route: Route) -> None:
        # The real worker, made to throw on one request (headcount 13) as a bug would.
        original = route.fetch().text()
        wrapper = """
const realOnMessage = self.onmessage;
self.onmessage = (event) => {
  const data = event.data;
  if (data.type === "run" && data.request.inputs.headcount === "13") {
    throw new Error("injected failure");
  }
  return realOnMessage(event);
};"""
        route.fulfill(body=original + wrapper, content_type="text/javascript")

    page.route("**/calculator-worker.js", broken_worker)
    page.goto(site_url + SAVINGS)
    page.wait_for_selector("form[data-calculator='savings'][data-state='ready']")
    good = shown_figures(page)
    page.fill("#calc-savings-headcount", "13")
    page.wait_for_selector("form[data-calculator='savings'][data-state='failed']")
    status = str(page.text_content(".calc-status"))
    assert "error" in status and "http" not in status
    assert page.locator(".calc-retry").is_visible()
    detail = page.locator(".calc-failure-detail")
    assert "injected failure" in str(detail.text_content())
    assert detail.get_attribute("open") is None  # folded away
    assert shown_figures(page) == good  # the last results stay
    # The next edit is applied once the calculator is back.
    page.fill("#calc-savings-headcount", "12")
    page.wait_for_function(
        "expected => document.querySelector('[data-results-for=savings] [data-figure=savings]"
        " .calc-figure-value').textContent === expected",
        arg=figures("savings", {"headcount": "12"})["savings"],
    )
    assert shown_figures(page) == figures("savings", {"headcount": "12"})
    assert page.get_attribute("form[data-calculator]", "data-state") == "ready"


def test_loading_shows_in_the_summary_and_early_edits_are_applied(
    page: Page, site_url: str
) -> None:
    held: list[Route] = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page.goto(site_url + SAVINGS)
    page.wait_for_selector("form[data-calculator='savings'][data-state='loading']")
    assert page.locator(".calc-summary .calc-progress").is_visible()
    assert "Loading the calculator" in summary(page)
    page.fill("#calc-savings-headcount", "17")
    assert "your changes will be applied" in summary(page).lower()
    for _ in range(1200):  # the worker asks for the WebAssembly once Pyodide's loader is in
        if held:
            break
        page.wait_for_timeout(50)
    held[0].continue_()
    expected = figures("savings", {"headcount": "17"})
    page.wait_for_function(
        "expected => document.querySelector('[data-results-for=savings] [data-figure=savings]"
        " .calc-figure-value').textContent === expected",
        arg=expected["savings"],
    )
    assert shown_figures(page) == expected
    # The summary shows the same headline figures as the results.
    headline = page.eval_on_selector_all(
        ".calc-summary-figure", "els => els.map(e => [e.dataset.figure, e.querySelector('dd')"
        ".textContent])"
    )  # fmt: skip
    assert headline and all(expected[key] == text for key, text in headline)


def test_a_failed_download_reads_as_plain_language(page: Page, site_url: str) -> None:
    page.route("**/*.wasm", lambda route: route.abort())
    page.goto(site_url + SAVINGS)
    page.wait_for_selector("form[data-state='failed']")
    status = str(page.text_content(".calc-summary .calc-status"))
    plain = [m for k, m in calculators.ui_messages().items() if k.startswith("ui.failure.")]
    assert any(status.startswith(message) for message in plain), status
    assert "://" not in status and "pyodide" not in status.lower()
    assert page.locator(".calc-summary .calc-retry").is_visible()


def test_invalid_input_marks_the_results_as_the_last_valid_ones(page: Page, site_url: str) -> None:
    page.goto(site_url + SAVINGS)
    page.wait_for_selector("form[data-calculator='savings'][data-state='ready']")
    stale = page.locator(".calc-results .calc-stale")
    assert not stale.is_visible()
    fill_and_wait(page, "#calc-savings-salary", "lots")
    assert stale.is_visible()
    assert "last valid values" in str(stale.text_content())
    assert "last valid values" in summary(page)
    fill_and_wait(page, "#calc-savings-salary", "60000")
    assert not stale.is_visible()
    assert "last valid values" not in summary(page)


def _rules() -> list[tuple[str, str, tuple[str, ...], list[str]]]:
    """(calculator, controlling field, the values it applies for, the fields it controls)."""
    rules: dict[tuple[str, str, tuple[str, ...]], list[str]] = {}
    for calculator_id in calculators.calculator_ids():
        for field in entry(calculator_id)["fields"]:
            rule = field.get("applies_when")
            if rule:
                key = (calculator_id, rule["field"], tuple(rule["values"]))
                rules.setdefault(key, []).append(field["name"])
    return [(c, f, v, names) for (c, f, v), names in rules.items()]


@pytest.mark.parametrize(
    ("calculator_id", "controller_name", "values", "dependents"),
    _rules(),
    ids=[f"{c}.{f}={'|'.join(v)}" for c, f, v, _ in _rules()],
)
def test_a_field_that_does_not_apply_is_disabled_and_says_why(
    page: Page,
    site_url: str,
    calculator_id: str,
    controller_name: str,
    values: tuple[str, ...],
    dependents: list[str],
) -> None:
    """Fields that do not apply are disabled and say why, or are hidden where their rule
    hides them (the parts of a risk left out of the register). Disabled at once, since the
    request depends on it; hidden or explained as the answer comes (so the form and the
    results change together), which the assertions wait for."""
    fields = {f["name"]: f for f in entry(calculator_id)["fields"]}
    controller = fields[controller_name]
    other = next(c["value"] for c in controller["choices"] if c["value"] not in values)
    page.goto(site_url + page_of(calculator_id))
    page.wait_for_selector(f"form[data-calculator='{calculator_id}'][data-mounted]")
    outer = controller.get("applies_when")
    if outer:  # the controller applies first (a rate's likelihood, of a risk in the register)
        page.select_option(f"#calc-{calculator_id}-{outer['field']}", outer["values"][0])
    page.select_option(f"#calc-{calculator_id}-{controller_name}", other)
    for name in dependents:
        hides = fields[name]["applies_when"]["hide"]
        assert page.locator(f"#calc-{calculator_id}-{name}").is_disabled(), name
        note = page.locator(f"#calc-{calculator_id}-{name}-applies")
        if hides:
            expect(page.locator(f".calc-field[data-field='{name}']")).to_be_hidden()
        else:
            expect(note).to_be_visible()
            expect(note).to_contain_text(controller["label"])
    page.select_option(f"#calc-{calculator_id}-{controller_name}", values[0])
    for name in dependents:
        assert page.locator(f"#calc-{calculator_id}-{name}").is_enabled(), name
        expect(page.locator(f"#calc-{calculator_id}-{name}-applies")).to_be_hidden()


def test_a_number_is_formatted_once_the_field_loses_focus(page: Page, site_url: str) -> None:
    page.goto(site_url + SAVINGS)
    page.wait_for_selector("form[data-calculator='savings'][data-state='ready']")
    fill_and_wait(page, "#calc-savings-salary", "61500")
    assert page.input_value("#calc-savings-salary") == "61500"  # never while typing
    page.focus("#calc-savings-headcount")
    page.wait_for_function("document.querySelector('#calc-savings-salary').value === '61,500'")
    fill_and_wait(page, "#calc-savings-headcount", "11")
    assert shown_figures(page) == figures("savings", {"salary": "61500", "headcount": "11"})
