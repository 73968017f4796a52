"""What the scenario-tool browser tests share: pages, waiting for the tools, reading results."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from playwright.sync_api import Browser, ConsoleMessage, Page

import calculators

LIVE_TIMEOUT_MS = 60_000


def page_of(calculator_id: str) -> str:
    return f"calculators/{calculator_id.replace('_', '-')}/"


class Errors(list[str]):
    """Console errors and uncaught exceptions of a page."""

    def __init__(self, page: Page) -> None:
        super().__init__()
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.append(f"pageerror: {error}"))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.append(message.text)


@contextmanager
def fresh_page(browser: Browser, **options: Any) -> Iterator[Page]:
    """A page in a context of its own (no local storage, no history shared with other tests)."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.set_default_timeout(LIVE_TIMEOUT_MS)
    try:
        yield page
    finally:
        context.close()


def form(calculator_id: str) -> str:
    return f"form[data-calculator='{calculator_id}']"


def wait_live(page: Page, calculator_id: str) -> None:
    """The runtime is ready and the scenario tools know it (their buttons are enabled)."""
    page.wait_for_selector(f"{form(calculator_id)}[data-state='ready']")
    page.wait_for_selector(f"section.calc:has({form(calculator_id)}) .share button:enabled")


FIGURES_JS = """id => Object.fromEntries([...document.querySelectorAll(
  `.calc-results[data-results-for='${id}'] .calc-figure`)].map(e => [e.dataset.figure,
  e.querySelector('.calc-figure-value').textContent]))"""


def figure_texts(page: Page, calculator_id: str) -> dict[str, str]:
    texts: dict[str, str] = page.evaluate(FIGURES_JS, calculator_id)
    return texts


def expected_figures(calculator_id: str, inputs: dict[str, Any]) -> dict[str, str]:
    result = calculators.run(calculator_id, inputs)
    return {f["id"]: f["text"] for f in result["figures"]}


def wait_figures(page: Page, calculator_id: str, expected: dict[str, str]) -> None:
    """Wait until the page shows exactly these figures (the live result has arrived)."""
    page.wait_for_function(
        f"([id, want]) => JSON.stringify(({FIGURES_JS})(id)) === JSON.stringify(want)",
        arg=[calculator_id, expected],
    )


RESULT_TEXTS_JS = """id => {
  const root = document.querySelector(`.calc-results[data-results-for='${id}']`);
  const texts = sel => [...root.querySelectorAll(sel)].map(e => e.textContent);
  return { figures: texts('.calc-figure-value'),
           cells: [...root.querySelectorAll('.calc-table tbody tr')]
             .map(r => [...r.children].map(c => c.textContent)),
           items: texts('.calc-list li') }; }"""


def result_texts(result: dict[str, Any]) -> dict[str, Any]:
    """What a reader sees of a result: the figures, every table's cells and the list items."""
    return {
        "figures": [f["text"] for f in result["figures"]],
        "cells": [row["cells"] for table in result["tables"] for row in table["rows"]],
        "items": [i["text"] + i["note"] for lst in result.get("lists", ()) for i in lst["items"]],
    }


def wait_result(page: Page, calculator_id: str, result: dict[str, Any]) -> None:
    """Wait until the page shows this result (the live answer has arrived and was rendered)."""
    page.wait_for_function(
        f"([id, want]) => JSON.stringify(({RESULT_TEXTS_JS})(id)) === JSON.stringify(want)",
        arg=[calculator_id, result_texts(result)],
    )


def count_results(page: Page, calculator_id: str) -> None:
    """Start counting the form's calculator:result events in window.__results."""
    page.evaluate(
        """id => { if (window.__results !== undefined) return; window.__results = 0;
        document.querySelector(`form[data-calculator='${id}']`)
          .addEventListener("calculator:result", () => { window.__results++; }); }""",
        calculator_id,
    )


def change(page: Page, calculator_id: str, control_id: str, value: str) -> None:
    """Type into a control like a reader and wait for the URL to hold the new scenario."""
    count_results(page, calculator_id)
    before = page.evaluate("window.__results")
    page.fill(f"#{control_id}", value)
    page.wait_for_function(f"window.__results > {before}")


def wait_query(page: Page, fragment: str) -> None:
    page.wait_for_function("part => location.search.includes(part)", arg=fragment)


def share_button(page: Page, calculator_id: str, name: str) -> Any:
    return page.locator(f"section.calc:has({form(calculator_id)}) .share").get_by_role(
        "button", name=name, exact=True
    )
