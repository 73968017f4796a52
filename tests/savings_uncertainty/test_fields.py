"""The fields of savings under uncertainty: messages on the offending field, the ranges'
order, and the savings model's own checks."""

from __future__ import annotations

from typing import Any

import pytest
from calculator_client import CalculatorClient
from scenario_files import scenarios

ID = "savings_uncertainty"
CLIENT = CalculatorClient(ID)
values = CLIENT.values
errors_for = CLIENT.errors_for


def triple(name: str, low: float, likely: float, high: float) -> dict[str, float]:
    return {f"{name}_low": low, f"{name}_likely": likely, f"{name}_high": high}


# --- Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("inputs", "field", "expected"),
    [
        ({"seed": "abc"}, "seed", "Enter a number"),
        ({"seed": 1.5}, "seed", "whole number"),
        ({"seed": -1}, "seed", "at least 0"),
        ({"draws": 999}, "draws", "at least 1000"),
        ({"draws": 50_001}, "draws", "at most 50,000"),
        ({"draws": "nan"}, "draws", "finite number"),
        ({"vendor_fte_price_high": float("inf")}, "vendor_fte_price_high", "finite number"),
        ({"ramp_dip_pct_high": 101}, "ramp_dip_pct_high", "at most 100"),
        ({"transition_cost_low": ""}, "transition_cost_low", "Enter a value"),
        ({"governance_pct_likely": None}, "governance_pct_likely", "Enter a value"),
        ({"wage_growth_pct_low": True}, "wage_growth_pct_low", "Enter a number"),
        ({"currency": "XYZ"}, "currency", "Choose one of"),
        ({"pricing": "unit"}, "pricing", "no field named 'pricing'"),
        ({"vendor_fte_price": 4_000}, "vendor_fte_price", "no field named"),
    ],
)
def test_each_bad_value_gets_a_clear_message_on_its_field(
    inputs: dict[str, Any], field: str, expected: str
) -> None:
    CLIENT.assert_only_error(inputs, field, expected)


@pytest.mark.parametrize(
    ("inputs", "field", "expected"),
    [
        (
            {"vendor_fte_price_low": 4_600},
            "vendor_fte_price_low",
            "The low value cannot be above the likely value (€4,500).",
        ),
        (
            {"escalation_pct_high": 2.5},
            "escalation_pct_high",
            "The high value cannot be below the likely value (3%).",
        ),
        (
            {"transition_cost_likely": 200_000},
            "transition_cost_high",
            "The high value cannot be below the likely value (€200,000).",
        ),
        (
            {"governance_pct_likely": 2.5},
            "governance_pct_low",
            "The low value cannot be above the likely value (2.5%).",
        ),
        (
            {"headcount_low": 3, "headcount_likely": 3, "headcount_high": 3, "retained_fte": 3},
            "retained_fte",
            "fewer than the team size (3 FTE)",
        ),
        # Retained staff must be fewer than the smallest team the range allows.
        (
            {"headcount_low": 4, "retained_fte": 4},
            "retained_fte",
            "fewer than the team size (4 FTE)",
        ),
        ({"horizon_years": 1, "ramp_months": 13}, "ramp_months", "cannot be longer"),
    ],
)
def test_contradictions_are_reported_on_the_offending_field(
    inputs: dict[str, Any], field: str, expected: str
) -> None:
    CLIENT.assert_only_error(inputs, field, expected)


def test_low_above_likely_and_likely_above_high_are_both_reported() -> None:
    # Dip 50 > 40 > 30: both ends are wrong. Wage growth 5 > 3 <= 4: only the low value.
    errors = errors_for(triple("ramp_dip_pct", 50, 40, 30) | triple("wage_growth_pct", 5, 3, 4))
    assert set(errors) == {"ramp_dip_pct_low", "ramp_dip_pct_high", "wage_growth_pct_low"}


def test_scenarios_run() -> None:
    named = dict(scenarios(ID))
    for name, inputs in named.items():
        v = values(inputs)
        assert v["p10"] <= v["p50"] <= v["p90"], name
    certain = values(named["certain"])
    assert certain["loss_probability"] in (0.0, 1.0) and certain["p10"] == certain["p90"]
    assert values(named["dear-vendor"])["loss_probability"] > 0.5
