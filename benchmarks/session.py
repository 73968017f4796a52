"""What every measurement shares: the browser, the server, the page, and starting it cold."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from benchmarks.pages import cold_start_script, script
from benchmarks.server import BenchServer
from benchmarks.settings import BENCH_PREFIX, LIVE_TIMEOUT_MS
from benchmarks.util import MeasurementError


@dataclass
class Bench:
    """Everything the measurements share."""

    browser: Any
    server: BenchServer
    page: str
    calculator: str
    field_name: str
    all_requests: list[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        return self.server.url

    def context(self, **options: Any) -> Any:
        """A fresh browser context: its own empty HTTP cache, so every load is cold.

        Playwright's wait_for_function needs eval, which the site's policy forbids: the
        benchmark bypasses the policy (tests/test_csp.py checks it). The service worker is
        blocked unless asked for: its background copy of the site is not part of a page load.
        """
        options.setdefault("bypass_csp", True)
        options.setdefault("service_workers", "block")
        context = self.browser.new_context(**options)
        context.set_default_timeout(LIVE_TIMEOUT_MS)
        context.on("request", lambda request: self.all_requests.append(request.url))
        return context


def cold_calculator(
    bench: Bench,
    *,
    interact: bool,
    value: str = "11",
    timeout_ms: int = LIVE_TIMEOUT_MS,
    context: Any = None,
) -> tuple[Any, Any]:
    """Loads the calculator page in a cold context (or the one given); returns (context, page)
    once the first recomputed result (interact) or the ready state (no interaction) is there."""
    context = context or bench.context()
    field_id = f"calc-{bench.calculator}-{bench.field_name}"
    context.add_init_script(
        script=cold_start_script(interact=interact, field=field_id, value=value)
    )
    done = "window.__bench.firstResultMs !== undefined"
    if not interact:
        done = "f && f.dataset.state === 'ready'"
    try:
        page = context.new_page()
        page.goto(bench.base + bench.page, wait_until="commit")
        page.wait_for_function(
            f"""() => {{ const f = document.querySelector("form[data-calculator]");
            return window.__bench && (window.__bench.error || (f && f.dataset.state === 'failed')
              || ({done})); }}""",
            timeout=timeout_ms,
        )
        state = page.evaluate("window.__bench")
        if state.get("error"):
            raise MeasurementError(f"calculator page: {state['error']}")
        if page.locator("form[data-calculator]").first.get_attribute("data-state") == "failed":
            status = page.locator(".calc-status").first.text_content()
            raise MeasurementError(f"the calculator failed to start: {status}")
    except BaseException:
        context.close()
        raise
    return context, page


def run_calculator_cold(bench: Bench, *, blocked: tuple[str, ...] = ()) -> dict[str, Any]:
    bench.server.blocked = blocked
    try:
        context, page = cold_calculator(bench, interact=True)
        state = dict(page.evaluate("window.__bench"))
        state.update(page.evaluate(script("navigation.js")))
        context.close()
    finally:
        bench.server.blocked = ()
    return state


def run_bare(bench: Bench, name: str) -> dict[str, Any]:
    context = bench.context()
    page = context.new_page()
    page.goto(f"{bench.base}{BENCH_PREFIX[1:]}{name}.html", wait_until="commit")
    page.wait_for_function(
        "window.__bench && (window.__bench.done !== undefined || window.__bench.error)",
        timeout=LIVE_TIMEOUT_MS,
    )
    state = dict(page.evaluate("window.__bench"))
    context.close()
    if state.get("error") or not state.get("data", {}).get("ok"):
        raise MeasurementError(f"bare Pyodide page ({name}): {state}")
    return state


def wait_until_live(page: Any, form: str, label: str) -> None:
    """Waits for the calculator form to be ready; its failure to start is a MeasurementError."""
    page.wait_for_selector(
        f"{form}[data-state='ready'], {form}[data-state='failed']", timeout=LIVE_TIMEOUT_MS
    )
    if page.locator(form).first.get_attribute("data-state") == "failed":
        raise MeasurementError(f"{label}: the calculator failed to start")
