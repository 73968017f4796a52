"""End to end, in headless Chromium, against the built site served on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from page_support import a_new_valid_value, axe_violations
from playwright.sync_api import Browser, ConsoleMessage, Page, Request

import calculators
from calculators.browser import respond
from sitebuild.languages import DEFAULT, in_language

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LIVE_TIMEOUT_MS = 60_000


class Watch:
    """Console errors and every request a page makes."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("request", self._request)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)

    def foreign(self) -> list[str]:
        return [u for u in self.requests if urlsplit(u).hostname not in {"127.0.0.1", None}
                and not u.startswith(("data:", "blob:"))]  # fmt: skip


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(LIVE_TIMEOUT_MS)
    yield page
    context.close()


def figure_texts(page: Page, calculator_id: str = "savings") -> dict[str, str]:
    texts: dict[str, str] = page.eval_on_selector_all(
        f".calc-results[data-results-for='{calculator_id}'] .calc-figure",
        "els => Object.fromEntries(els.map(e => [e.dataset.figure, "
        "e.querySelector('.calc-figure-value').textContent]))",
    )
    return texts


def expected_texts(inputs: dict[str, Any], calculator_id: str = "savings") -> dict[str, str]:
    result = calculators.run(calculator_id, inputs)
    return {f["id"]: f["text"] for f in result["figures"]}


def table_cells(page: Page) -> list[list[str]]:
    cells: list[list[str]] = page.eval_on_selector_all(
        ".calc-results tbody tr",
        "rows => rows.map(r => [...r.children].map(c => c.textContent))",
    )
    return cells


def go_live(page: Page, url: str) -> None:
    page.goto(url + "calculators/savings/")
    page.wait_for_selector("form[data-calculator='savings'][data-state='ready']")


def change(page: Page, field: str, value: str, calculator_id: str = "savings") -> None:
    """Type a value like a reader and wait for the runtime's answer."""
    page.evaluate(
        """() => { if (window.__results !== undefined) return; window.__results = 0;
        document.querySelector("form[data-calculator]")
          .addEventListener("calculator:result", () => { window.__results++; }); }"""
    )
    before = page.evaluate("window.__results")
    page.fill(f"#calc-{calculator_id}-{field}", value)
    # An answer to an earlier edit can arrive first: wait until the widget has nothing left
    # to send or to wait for, so the page shows the answer to this value.
    page.wait_for_function(
        f"""() => {{ const w = document.querySelector("form[data-calculator='{calculator_id}']")
          .calculatorWidget;
          return window.__results > {before} && !w.busy && !w.queued && !w.wanted; }}"""
    )


def test_results_are_in_the_html_before_any_script_runs(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "calculators/savings/")
    assert figure_texts(page) == expected_texts({})
    assert page.locator(".calc-results .calc-chart-wide svg.calc-chart-svg polyline").count() == 2
    assert page.locator(".calc-results .calc-chart-narrow svg.calc-chart-svg polyline").count() == 2
    assert len(table_cells(page)) == 6
    assert page.locator("form[data-calculator='savings']").get_attribute("data-state") == "static"
    context.close()


def test_calculator_goes_live_and_matches_cpython(page: Page, site_url: str) -> None:
    watch = Watch(page)
    go_live(page, site_url)
    change(page, "headcount", "20")
    change(page, "vendor_fte_price", "5200")
    inputs = {"headcount": "20", "vendor_fte_price": "5200"}
    assert figure_texts(page) == expected_texts(inputs)
    result = calculators.run("savings", inputs)
    assert table_cells(page) == [row["cells"] for row in result["tables"][0]["rows"]]
    page.select_option("#calc-savings-currency", "GBP")
    page.wait_for_function("document.querySelector('[data-figure=npv]').textContent.includes('£')")
    assert watch.errors == []
    assert watch.foreign() == []


def page_of(calculator_id: str) -> str:
    """Calculator pages live at docs/calculators/<id, with hyphens>.md."""
    return f"calculators/{calculator_id.replace('_', '-')}/"


@pytest.mark.parametrize("calculator_id", calculators.calculator_ids())
def test_every_calculator_goes_live_and_matches_cpython(
    page: Page, site_url: str, calculator_id: str
) -> None:
    watch = Watch(page)
    entry = next(e for e in calculators.catalog() if e["id"] == calculator_id)
    page.goto(site_url + page_of(calculator_id))
    # Prerendered results of the defaults first, then live results after a change.
    assert figure_texts(page, calculator_id) == expected_texts({}, calculator_id)
    page.wait_for_selector(f"form[data-calculator='{calculator_id}'][data-state='ready']")
    field = next(f for f in entry["fields"] if f["kind"] not in {"choice", "text"})
    value = a_new_valid_value(field)
    change(page, field["name"], value, calculator_id)
    assert figure_texts(page, calculator_id) == expected_texts({field["name"]: value},
                                                               calculator_id)  # fmt: skip
    assert watch.errors == []
    assert watch.foreign() == []


# Each section of the results as the page shows it: its tag and its text (Material wraps the
# prerendered tables in a scroll box of its own, so markup may differ where text does not).
SHOWN_SECTIONS = """(id) => {
  const widget = document.querySelector(`form[data-calculator='${id}']`).calculatorWidget;
  return [...widget.resultsBody.children].map((el) => [el.tagName, el.textContent,
                                                      "before" in el.dataset]);
}"""

PARSED_SECTIONS = """(sections) => sections.map((html) => {
  const template = document.createElement("template");
  template.innerHTML = html;
  const el = template.content.firstElementChild;
  return [el.tagName, el.textContent];
})"""


def sections_for(calculator_id: str, inputs: dict[str, str]) -> list[str]:
    request = {"calculator": calculator_id, "inputs": inputs, "locale": "en", "root": "../../"}
    sections: list[str] = json.loads(respond(json.dumps(request)))["sections"]
    return sections


@pytest.mark.parametrize("calculator_id", calculators.calculator_ids())
def test_an_answer_replaces_only_the_sections_it_changes(
    page: Page, site_url: str, calculator_id: str
) -> None:
    entry = next(e for e in calculators.catalog() if e["id"] == calculator_id)
    page.goto(site_url + page_of(calculator_id))
    page.wait_for_selector(f"form[data-calculator='{calculator_id}'][data-state='ready']")
    # The worker answered the untouched form while starting: its sections are the prerendered
    # ones, section by section, so the page could adopt them.
    before = sections_for(calculator_id, {})
    adopted = page.evaluate(
        f"document.querySelector(\"form[data-calculator='{calculator_id}']\")"
        ".calculatorWidget.shownSections"
    )
    assert adopted == before
    shown = [[tag, text] for tag, text, _ in page.evaluate(SHOWN_SECTIONS, calculator_id)]
    assert shown == page.evaluate(PARSED_SECTIONS, before)
    page.evaluate(
        f"""() => {{ const form = document.querySelector("form[data-calculator='{calculator_id}']");
        for (const el of form.calculatorWidget.resultsBody.children) el.dataset.before = ""; }}"""
    )
    field = next(f for f in entry["fields"] if f["kind"] not in {"choice", "text", "table"})
    value = a_new_valid_value(field)
    change(page, field["name"], value, calculator_id)
    after = sections_for(calculator_id, {field["name"]: value})
    shown_now = page.evaluate(SHOWN_SECTIONS, calculator_id)
    # What the page shows is the whole new answer; the sections that did not change are the
    # same nodes as before, and only those.
    assert [[tag, text] for tag, text, _ in shown_now] == page.evaluate(PARSED_SECTIONS, after)
    assert [kept for _, _, kept in shown_now] == [
        a == b for a, b in zip(before, after, strict=True)
    ]
    assert before != after


def test_the_warm_ups_go_on_past_the_pages_own_link_request(page: Page, site_url: str) -> None:
    """After "ready" the worker runs the page's requests a few more times, so that WebAssembly
    compiles Python's hot code before the reader's first change. The page asks for its link as
    it goes live; that request is not the reader's edit and must not end the warm-ups."""
    go_live(page, site_url)
    worker = next(w for w in page.workers if "calculator-worker" in w.url)
    done = "performance.getEntriesByName('calculator:warm-ups done').length"
    for _ in range(200):
        if worker.evaluate(done):
            break
        page.wait_for_timeout(100)
    assert worker.evaluate(done) == 1
    # The page's link request was answered (the untouched form's link has no query string).
    query = "document.querySelector('form[data-calculator]').scenarioTools.query"
    assert page.evaluate(query) == ""


def test_bad_value_shows_its_message_and_keeps_the_last_good_results(
    page: Page, site_url: str
) -> None:
    go_live(page, site_url)
    change(page, "headcount", "14")
    good = figure_texts(page)
    change(page, "salary", "lots")
    error = page.locator("#calc-savings-salary-error")
    assert error.is_visible()
    assert error.text_content() == "Enter a number, for example 1200 or 12.5."
    assert page.get_attribute("#calc-savings-salary", "aria-invalid") == "true"
    assert figure_texts(page) == good
    assert page.get_attribute("form[data-calculator]", "data-state") == "invalid"
    change(page, "salary", "60000")
    assert not error.is_visible()
    good = figure_texts(page)
    # Contradictions between fields are checked once each field is valid on its own.
    change(page, "retained_fte", "14")
    # Under load a late answer for the salary can end the wait in change(): wait for the state.
    page.wait_for_function(
        """() => document.querySelector("#calc-savings-retained_fte-error")
             .textContent.includes("fewer than the team size")"""
    )
    assert figure_texts(page) == good
    change(page, "retained_fte", "1")
    assert page.get_attribute("#calc-savings-salary", "aria-invalid") is None
    assert figure_texts(page) == expected_texts({"headcount": "14", "salary": "60000"})


def test_keyboard_only_use(page: Page, site_url: str) -> None:
    go_live(page, site_url)
    page.focus("#calc-savings-headcount")
    page.keyboard.press("Control+A")
    page.keyboard.type("8")
    page.keyboard.press("Enter")  # submits the form: recalculates, never reloads the page
    page.wait_for_function("document.querySelector('.calc-status').textContent.includes('updated')")
    assert figure_texts(page) == expected_texts({"headcount": "8"})
    page.wait_for_function("location.search === '?headcount=8'")  # the URL holds the scenario
    assert urlsplit(page.url).path.endswith("/calculators/savings/")


def test_runtime_failure_shows_a_message_and_retry_works(page: Page, site_url: str) -> None:
    page.route("**/*.wasm", lambda route: route.abort())
    page.goto(site_url + "calculators/savings/")
    page.wait_for_selector("form[data-state='failed']")
    status = str(page.text_content(".calc-summary .calc-status"))
    plain = [m for k, m in calculators.ui_messages().items() if k.startswith("ui.failure.")]
    assert any(message in status for message in plain), status  # plain words, no raw URL
    assert page.locator(".calc-retry").is_visible()
    assert figure_texts(page) == expected_texts({})  # the prerendered results stay
    page.unroute("**/*.wasm")
    page.click(".calc-retry")
    page.wait_for_selector("form[data-state='ready']")
    change(page, "headcount", "11")
    assert figure_texts(page) == expected_texts({"headcount": "11"})


def test_pages_without_a_calculator_load_no_runtime(page: Page, site_url: str) -> None:
    watch = Watch(page)
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert not [u for u in watch.requests if "pyodide" in u or u.endswith(".whl")]
    assert watch.errors == []
    assert watch.foreign() == []


def site_pages(site: Path) -> list[str]:
    pages = sorted(
        str(p.relative_to(site).parent).replace(".", "")
        for p in site.rglob("index.html")
        if "assets" not in p.parts
        # English pages; tests/test_site_languages.py covers the other languages.
        and in_language(p.relative_to(site).as_posix(), DEFAULT)
    )
    return [p + "/" if p else "" for p in pages]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(
    browser: Browser, site_url: str, built_site: Path, scheme: str
) -> None:
    """axe-core on every page, in the light and the dark palette (picked from the media query
    as a reader's browser would)."""
    assert AXE.is_file(), "axe-core is missing: run `npm ci`"
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.set_default_timeout(LIVE_TIMEOUT_MS)
    pages = site_pages(built_site)
    assert "" in pages and "calculators/savings/" in pages
    found = axe_violations(page, site_url, pages)
    context.close()
    assert found == {}, json.dumps(found, indent=1)
