"""The runtime in the browser: progress in bytes, named failure reasons, never "Loading..."
forever when one of its scripts is missing, and every request answered exactly once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, Route

import calculators

pytestmark = pytest.mark.browser

LIVE_TIMEOUT_MS = 120_000
FORM = "form[data-calculator='savings']"
SUMMARY = ".calc:has(form[data-calculator='savings']) .calc-summary"
RECORD_STATUS = """
window.__events = [];
window.addEventListener("calculator-runtime", (event) => window.__events.push(event.detail));
window.__statuses = [];
document.addEventListener("DOMContentLoaded", () => {
  const status = document.querySelector(".calc-status");
  new MutationObserver(() => window.__statuses.push(status.textContent))
    .observe(status, { childList: true, characterData: true, subtree: true });
});
"""
UI = calculators.ui_messages()


@pytest.fixture
def context(browser: Any) -> Iterator[BrowserContext]:
    context = browser.new_context(service_workers="block")
    context.set_default_timeout(LIVE_TIMEOUT_MS)
    context.add_init_script(script=RECORD_STATUS)
    yield context
    context.close()


def settled(page: Page) -> str:
    page.wait_for_selector(f"{FORM}:is([data-state=ready], [data-state=failed])")
    return str(page.get_attribute(FORM, "data-state"))


def status(page: Page) -> str:
    return page.locator(f"{SUMMARY} .calc-status").inner_text()


def test_progress_is_reported_in_bytes(context: BrowserContext, site_url: str) -> None:
    page = context.new_page()
    page.goto(site_url + "calculators/savings/")
    assert settled(page) == "ready"
    events: list[dict[str, Any]] = page.evaluate("window.__events")
    progress = [e for e in events if e["type"] == "progress"]
    assert progress[0]["stage"] == "runtime"
    downloads = [e for e in progress if e["stage"] == "runtime" and e["total"]]
    assert downloads, progress
    total = downloads[0]["total"]
    assert total > 4_000_000  # the wasm alone is more
    loaded = [e["loaded"] for e in progress if e["total"]]
    assert loaded == sorted(loaded), "bytes loaded never go backwards"
    assert max(loaded) >= total * 0.99, "the build's total matches what is downloaded"
    assert [e["type"] for e in events][-1] == "ready"


def test_a_missing_file_is_reported_as_missing(context: BrowserContext, site_url: str) -> None:
    context.route("**/*.whl*", lambda route: route.fulfill(status=404, body="gone"))
    page = context.new_page()
    page.goto(site_url + "calculators/savings/")
    assert settled(page) == "failed"
    assert UI["ui.failure.missing"] in status(page)
    assert page.locator(f"{SUMMARY} .calc-retry").is_visible()
    # The technical detail is kept, folded away.
    detail = page.locator(f"{SUMMARY} .calc-failure-detail .calc-failure-text").text_content()
    assert ".whl.gz: HTTP 404" in str(detail)
    # The prerendered results stay in place.
    assert page.locator(".calc-results .calc-figure").count() > 0


@pytest.mark.parametrize("script", ["calculator.js", "calculator-boot.js"])
def test_a_blocked_runtime_script_gives_a_message(
    context: BrowserContext, site_url: str, script: str
) -> None:
    def abort(route: Route) -> None:
        route.abort("blockedbyclient")

    context.route(f"**/assets/{script}", abort)
    page = context.new_page()
    page.goto(site_url + "calculators/savings/")
    page.wait_for_selector(f"{FORM}[data-state=failed]")
    assert UI["ui.failure.blocked"] in status(page)


def test_every_request_is_answered_exactly_once(context: BrowserContext, site_url: str) -> None:
    page = context.new_page()
    page.goto(site_url + "calculators/savings/")
    assert settled(page) == "ready"
    answers = page.evaluate(
        """async () => {
          const { runtime } = await import(new URL("assets/runtime.js", __md_scope).href);
          const calls = [];
          const ask = (request) => new Promise((resolve) => {
            let count = 0;
            runtime.run(request, (answer) => {
              count += 1;
              calls.push(count);
              resolve(answer.response);
            });
          });
          const good = await ask({ calculator: "savings", inputs: {}, locale: "en" });
          const bad = await ask({ calculator: "savings", inputs: { headcount: "x" } });
          const junk = await ask("not a request");
          runtime.worker.terminate();  // a crash: the next request must still be answered
          runtime.worker.onerror({ message: "crashed", preventDefault() {} });
          const after = await ask({ calculator: "savings", inputs: {} });
          await new Promise((r) => setTimeout(r, 200));
          return { good: good.ok, bad, junk, after, calls, state: runtime.state };
        }"""
    )
    assert answers["good"] is True
    assert answers["bad"]["ok"] is False and "headcount" in answers["bad"]["errors"]
    assert answers["junk"]["ok"] is False
    assert answers["after"] == {
        "ok": False,
        "failure": "error",
        "errors": {"": UI["ui.run_error"]},
    }, json.dumps(answers)
    assert answers["calls"] == [1, 1, 1, 1] and answers["state"] == "failed"
