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
    SUITE_MIN_CHANGES,
    SUITE_P95_TARGET_MS,
)
from benchmarks.util import MeasurementError
from calculators import InputError, registry
from calculators.core.locales import SOURCE_LOCALE
from sitebuild.languages import LANGUAGES, language_root


def other_values(entry: dict[str, Any]) -> list[str]:
    """Values other than the default for a number or choice field, the likeliest first."""
    if entry["kind"] == "choice":
        return [str(c["value"]) for c in entry["choices"] if c["value"] != entry["default"]]
    if not isinstance(entry["default"], int | float) or isinstance(entry["default"], bool):
        return []
    step = entry["step"] or 1
    values = [entry["default"] + step, entry["default"] - step]
    return [
        str(int(v) if float(v).is_integer() else v)
        for v in values
        if (entry["max"] is None or v <= entry["max"])
        and (entry["min"] is None or v >= entry["min"])
    ]


def accepted(calculator_id: str, name: str, value: str) -> bool:
    """Whether the calculator takes this one value with every other field at its default (a
    low value above its likely one, or a risk of the reader's own switched on before it has
    a name, is refused)."""
    try:
        registry.load(calculator_id, SOURCE_LOCALE).evaluate({name: value}, SOURCE_LOCALE)
    except InputError:
        return False
    return True


def another_value(calculator_id: str, entry: dict[str, Any]) -> str | None:
    """A value other than the default that the calculator accepts, else None."""
    return next((v for v in other_values(entry) if accepted(calculator_id, entry["name"], v)), None)


def applies_at_defaults(entry: dict[str, Any], by_name: dict[str, dict[str, Any]]) -> bool:
    """Whether the page shows the field enabled while every field holds its default (a reader
    cannot change a field that does not apply, such as the rate of a risk left out)."""
    rule = entry.get("applies_when")
    if not rule:
        return True
    owner = by_name.get(rule["field"])
    if owner is None or str(owner["default"]) not in rule["values"]:
        return False
    return applies_at_defaults(owner, by_name)


def suite_changes(
    calculator_id: str, entries: list[dict[str, Any]], count: int | None = None
) -> list[Any]:
    """Walks the calculator's fields in turn, each to another valid value and back. By default
    every such field once, and at least SUITE_MIN_CHANGES changes: the p95 is then over all of
    what a reader can change (the first twenty changes of the risk register, say, would touch
    two of its nine risks)."""
    by_name = {entry["name"]: entry for entry in entries}
    toggles = []
    for entry in entries:
        if not applies_at_defaults(entry, by_name):
            continue
        other = another_value(calculator_id, entry)
        if other is not None:
            toggles.append((f"calc-{calculator_id}-{entry['name']}", str(entry["default"]), other))
    if not toggles:
        raise MeasurementError(f"{calculator_id}: no number or choice field to change")
    if count is None:
        count = max(SUITE_MIN_CHANGES, 2 * len(toggles))
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
        changes = suite_changes(calculator_id, entries)
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
