"""Helpers for the browser tests of calculator pages: where pages are, a changed value, what
is on screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page, ViewportSize

import calculators
from sitebuild.languages import DEFAULT, in_language

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LIVE_TIMEOUT_MS = 60_000
PHONE: ViewportSize = {"width": 390, "height": 844}
LAPTOP: ViewportSize = {"width": 1280, "height": 800}


def page_of(calculator_id: str) -> str:
    """Calculator pages live at docs/calculators/<id, with hyphens>.md."""
    return f"calculators/{calculator_id.replace('_', '-')}/"


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, as paths relative to its root ("" is the home page)."""
    pages = sorted(
        str(p.relative_to(site).parent).replace(".", "")
        for p in site.rglob("index.html")
        if "assets" not in p.parts
        # English pages; tests/test_site_languages.py covers the other languages.
        and in_language(p.relative_to(site).as_posix(), DEFAULT)
    )
    return [p + "/" if p else "" for p in pages]


def entry(calculator_id: str) -> dict[str, Any]:
    return next(e for e in calculators.catalog() if e["id"] == calculator_id)


def figures(calculator_id: str, inputs: dict[str, Any]) -> dict[str, str]:
    return {f["id"]: f["text"] for f in calculators.run(calculator_id, inputs)["figures"]}


def _candidates(field: dict[str, Any]) -> list[str]:
    if field["kind"] == "choice":
        return [c["value"] for c in field["choices"] if c["value"] != field["default"]]
    step = field["step"] or 1
    values = [field["default"] + k * step for k in (10, -10, 1, -1)]
    return [
        str(int(v) if float(v).is_integer() else round(v, 6))
        for v in values
        if (field["max"] is None or v <= field["max"])
        and (field["min"] is None or v >= field["min"])
    ]


def a_change_that_shows(calculator_id: str) -> tuple[str, str, bool]:
    """The first field, and a new value for it, that changes at least one figure; typed
    fields first, then choices. Returns (name, value, is_a_choice)."""
    defaults = figures(calculator_id, {})
    fields = [f for f in entry(calculator_id)["fields"]
              if f["kind"] not in ("text", "table") and not f.get("applies_when")]  # fmt: skip
    fields.sort(key=lambda f: f["kind"] == "choice")
    for field in fields:
        for value in _candidates(field):
            if figures(calculator_id, {field["name"]: value}) != defaults:
                return field["name"], value, field["kind"] == "choice"
    raise AssertionError(f"{calculator_id}: no single field changes a figure")


def count_results(page: Page) -> None:
    """Count the `calculator:result` events of the page's calculator form in window.__results."""
    page.evaluate(
        """() => { if (window.__results !== undefined) return; window.__results = 0;
        document.querySelector("form[data-calculator]")
          .addEventListener("calculator:result", () => { window.__results++; }); }"""
    )


def fill_and_wait(page: Page, selector: str, value: str) -> None:
    """Type a value like a reader and wait for the runtime's answer to it."""
    count_results(page)
    before = page.evaluate("window.__results")
    page.fill(selector, value)
    page.wait_for_function(f"window.__results > {before}")


# The figures on screen: every element showing a figure value (in the results or the
# summary), with its text and whether its centre is in the viewport and not covered.
VISIBLE_FIGURES = """() => [...document.querySelectorAll(
    '.calc-figure .calc-figure-value, .calc-summary-figure dd')].map(el => {
  const box = el.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const inside = box.width > 0 && x >= 0 && x <= innerWidth && y >= 0 && y <= innerHeight;
  const top = inside ? document.elementFromPoint(x, y) : null;
  const figure = el.closest('[data-figure]');
  return {id: figure ? figure.dataset.figure : '', text: el.textContent.trim(),
          seen: Boolean(top && (top === el || el.contains(top)))};
})"""


def a_new_valid_value(field: dict[str, Any]) -> str:
    """A number one step from a number field's default, within its limits."""
    step = field["step"] or 1
    value = field["default"] + step
    if field["max"] is not None and value > field["max"]:
        value = field["default"] - step
    return str(int(value) if float(value).is_integer() else value)


def axe_violations(page: Page, site_url: str, paths: list[str]) -> dict[str, Any]:
    """axe's violations on each page (the savings calculator once live), by page."""
    found: dict[str, Any] = {}
    for path in paths:
        page.goto(site_url + path)
        if path == "calculators/savings/":
            page.wait_for_selector("form[data-state='ready']")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"
        )
        if violations:
            found[path or "/"] = violations
    return found
