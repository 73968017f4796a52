"""(f) every calculator's latency over its own fields, and a guide page's bytes."""

from __future__ import annotations

from typing import Any

import calculators
from benchmarks.measure_bytes import measure_bytes
from benchmarks.measure_page import latency_stats
from benchmarks.pages import calculator_page, script
from benchmarks.session import Bench, wait_until_live
from benchmarks.settings import (
    GUIDE_PAGE,
    SIMULATION_TARGETS_MS,
    SUITE_CHANGES,
    SUITE_P95_TARGET_MS,
)
from benchmarks.util import MeasurementError
from sitebuild.languages import LANGUAGES, language_root


def another_value(entry: dict[str, Any]) -> str | None:
    """A valid value other than the default for a number or choice field, else None."""
    if entry["kind"] == "choice":
        others = [c["value"] for c in entry["choices"] if c["value"] != entry["default"]]
        return str(others[0]) if others else None
    if not isinstance(entry["default"], int | float) or isinstance(entry["default"], bool):
        return None
    step = entry["step"] or 1
    value = entry["default"] + step
    if entry["max"] is not None and value > entry["max"]:
        value = entry["default"] - step
    return str(int(value) if float(value).is_integer() else value)


def suite_changes(calculator_id: str, entries: list[dict[str, Any]], count: int) -> list[Any]:
    """Walks the calculator's fields in turn, each to another valid value and back."""
    toggles = []
    for entry in entries:
        other = another_value(entry)
        if other is not None:
            toggles.append((f"calc-{calculator_id}-{entry['name']}", str(entry["default"]), other))
    if not toggles:
        raise MeasurementError(f"{calculator_id}: no number or choice field to change")
    changes = []
    for i in range(count):
        field_id, default, other = toggles[(i // 2) % len(toggles)]
        changes.append((field_id, other if i % 2 == 0 else default))
    return changes


def measure_one_calculator(bench: Bench, calculator_id: str, entries: list[Any]) -> dict[str, Any]:
    context = bench.context()
    try:
        page = context.new_page()
        page.goto(bench.base + calculator_page(calculator_id))
        wait_until_live(page, f"form[data-calculator='{calculator_id}']", calculator_id)
        changes = suite_changes(calculator_id, entries, SUITE_CHANGES)
        samples: list[dict[str, Any]] = page.evaluate(
            script("latency.js"), {"changes": changes, "timeoutMs": 20_000}
        )
    finally:
        context.close()
    return {
        **latency_stats(samples),
        "target_ms": SIMULATION_TARGETS_MS.get(calculator_id, SUITE_P95_TARGET_MS),
    }


def measure_suite(bench: Bench) -> dict[str, Any]:
    out: dict[str, Any] = {"calculators": {}}
    for entry in calculators.catalog():
        out["calculators"][entry["id"]] = measure_one_calculator(
            bench, entry["id"], entry["fields"]
        )
    out["guide_page"] = measure_bytes(bench, GUIDE_PAGE, live=False, compress=True)
    # The same guide page in each other language (its own text and figures; the search index is
    # downloaded only once the reader searches, so it is not in these bytes).
    out["guide_page_by_language"] = {
        lang: measure_bytes(bench, language_root(lang) + GUIDE_PAGE, live=False, compress=True)
        for lang in LANGUAGES[1:]
    }
    return out
