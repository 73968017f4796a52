"""The benchmark's latency sweep: every field a reader can change, each to a value the
calculator takes and back, and never a field that does not apply at the defaults."""

from __future__ import annotations

import json
from typing import Any

import pytest

import calculators
from benchmarks.measure_suite import accepted, applies_at_defaults, other_values, suite_changes
from benchmarks.settings import SUITE_MIN_CHANGES
from calculators.browser import respond

CATALOG = {entry["id"]: entry for entry in calculators.catalog()}


def sweep(calculator_id: str) -> tuple[dict[str, dict[str, Any]], list[tuple[str, str]]]:
    """The calculator's fields by name, and the sweep's changes as (field name, value)."""
    entries = CATALOG[calculator_id]["fields"]
    prefix = f"calc-{calculator_id}-"
    changes = [(i.removeprefix(prefix), v) for i, v in suite_changes(calculator_id, entries)]
    return {e["name"]: e for e in entries}, changes


@pytest.mark.parametrize("calculator_id", sorted(CATALOG))
def test_the_sweep_changes_only_what_applies_and_every_answer_is_a_result(
    calculator_id: str,
) -> None:
    by_name, changes = sweep(calculator_id)
    assert len(changes) >= SUITE_MIN_CHANGES
    inputs: dict[str, str] = {}
    for name, value in changes:
        assert applies_at_defaults(by_name[name], by_name), name
        inputs[name] = value
        request = {"calculator": calculator_id, "inputs": inputs, "locale": "en", "root": ""}
        answer = json.loads(respond(json.dumps(request)))
        assert answer["ok"], (name, value, answer.get("errors"))


@pytest.mark.parametrize("calculator_id", sorted(CATALOG))
def test_the_sweep_leaves_out_only_fields_whose_other_values_are_refused_alone(
    calculator_id: str,
) -> None:
    by_name, changes = sweep(calculator_id)
    swept = {name for name, _ in changes}
    left_out = [
        e
        for e in by_name.values()
        if applies_at_defaults(e, by_name) and other_values(e) and e["name"] not in swept
    ]
    # Such as a likely value between a low and a high equal to it, or a risk of the reader's
    # own switched on before it has a name.
    for entry in left_out:
        assert not any(accepted(calculator_id, entry["name"], v) for v in other_values(entry))
    assert len(left_out) <= 5, [e["name"] for e in left_out]


def test_a_field_behind_a_switched_off_one_does_not_apply() -> None:
    entries: dict[str, dict[str, Any]] = {
        "on": {"name": "on", "default": "no"},
        "rate": {"name": "rate", "default": 1, "applies_when": {"field": "on", "values": ["yes"]}},
        "cut": {"name": "cut", "default": 0, "applies_when": {"field": "rate", "values": ["1"]}},
    }
    assert applies_at_defaults(entries["on"], entries)
    assert not applies_at_defaults(entries["rate"], entries)
    assert not applies_at_defaults(entries["cut"], entries)  # its controlling field is off
    entries["on"]["default"] = "yes"
    assert applies_at_defaults(entries["cut"], entries)
