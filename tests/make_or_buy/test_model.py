"""The make-or-buy model: hand-checked reference values and properties that must always hold."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import numpy_financial as npf
import pytest
from calculator_client import CalculatorClient
from hypothesis import assume, given
from hypothesis import strategies as st

from calculators.make_or_buy.fields import FIELDSET
from calculators.make_or_buy.model import Model

CLIENT = CalculatorClient("make_or_buy")
values = CLIENT.values
errors_for = CLIENT.errors_for

# Everything on the buying side except the price switched off.
BARE: dict[str, Any] = {"duty_pct": 0, "transport": 0, "defect_pct": 0, "lead_time_cost": 0}
# The set-up spread evenly, with no interest.
STRAIGHT_LINE: dict[str, Any] = {"capital_rate_pct": 0}


# --- Reference values, worked by hand -----------------------------------------------------


def test_defaults_worked_by_hand() -> None:
    v = values()
    # Set-up 200,000 repaid over 5 years at 8%: the present value of 1 a year is
    # 1/1.08 + 1/1.08^2 + ... + 1/1.08^5 = 0.925926 + 0.857339 + 0.793832 + 0.735030 + 0.680583
    # = 3.992710, so the yearly payment is 200,000 / 3.992710 = 50,091.29.
    assert v["setup_per_year"] == pytest.approx(50_091.29, abs=0.01)
    # Fixed cost of making: 50,091.29 + 62,000 a year = 112,091.29.
    assert v["fixed_per_year"] == pytest.approx(112_091.29, abs=0.01)
    # Landed cost of a good unit bought: price 12.50 + duty 4% (0.50) + transport 0.72 = 13.72
    # per delivered unit; 2% defects: 13.72 / 0.98 = 14.00 per good unit; + lead time 0.40.
    assert v["buy_per_unit"] == pytest.approx(14.40)
    # At 24,000 units: making 112,091.29 + 11 x 24,000 = 376,091.29; buying 14.40 x 24,000.
    assert v["make_total"] == pytest.approx(376_091.29, abs=0.01)
    assert v["buy_total"] == pytest.approx(345_600)
    assert v["difference"] == pytest.approx(-30_491.29, abs=0.01)
    assert v["cheaper"] == "buy"
    # Break-even: 112,091.29 / (14.40 - 11.00) = 32,968.03 units.
    assert v["break_even_volume"] == pytest.approx(32_968.03, abs=0.01)


def test_straight_line_set_up_at_no_cost_of_capital() -> None:
    v = values(STRAIGHT_LINE)
    # Set-up 200,000 / 5 years = 40,000, plus 62,000 a year = 102,000.
    assert v["fixed_per_year"] == pytest.approx(102_000)
    # At 24,000 units: making 102,000 + 11 x 24,000 = 366,000 against buying 345,600.
    assert v["make_total"] == pytest.approx(366_000)
    assert v["make_per_unit"] == pytest.approx(366_000 / 24_000)  # 15.25
    assert v["difference"] == pytest.approx(-20_400)
    # Break-even: 102,000 / (14.40 - 11.00) = 30,000 units.
    assert v["break_even_volume"] == pytest.approx(30_000)


def test_a_one_year_set_up_pays_one_year_of_interest() -> None:
    # Repaid in one year at 10%: 100,000 x 1.10 = 110,000.
    v = values({"make_setup": 100_000, "setup_years": 1, "capital_rate_pct": 10})
    assert v["setup_per_year"] == pytest.approx(110_000)


# Zero or a rate a form takes (numpy-financial's closed form loses all precision near 0).
@given(st.just(0.0) | st.floats(min_value=0.001, max_value=50),
       st.integers(min_value=1, max_value=30), st.floats(min_value=0, max_value=1e10))  # fmt: skip
def test_the_set_up_payment_agrees_with_numpy_financial(
    rate_pct: float, years: int, setup: float
) -> None:
    paid = Model.from_values(
        FIELDSET.parse({"capital_rate_pct": rate_pct, "setup_years": years, "make_setup": setup})
    ).setup_per_year
    expected = -npf.pmt(rate_pct / 100, years, setup) if rate_pct else setup / years
    assert paid == pytest.approx(expected, rel=1e-9, abs=1e-6)


@given(st.floats(min_value=0, max_value=50), st.floats(min_value=0, max_value=50))
def test_a_dearer_capital_never_lowers_the_cost_of_making(a: float, b: float) -> None:
    low = values({"capital_rate_pct": min(a, b)})
    high = values({"capital_rate_pct": max(a, b)})
    assert high["setup_per_year"] >= low["setup_per_year"]
    assert high["setup_per_year"] >= 200_000 / 5 * (1 - 1e-12)  # never below straight line
    assert high["make_total"] >= low["make_total"]


def test_second_reference_with_every_buying_cost() -> None:
    v = values(
        {"volume": 1_000, "make_setup": 0, "make_fixed": 5_000, "make_variable": 10,
         "buy_price": 20, "duty_pct": 10, "transport": 2, "defect_pct": 20,
         "lead_time_cost": 1}
    )  # fmt: skip
    # Delivered unit: 20 + 2 duty + 2 transport = 24; 20% defects: 24 / 0.8 = 30; + 1 = 31.
    assert v["buy_per_unit"] == pytest.approx(31)
    assert v["make_total"] == pytest.approx(5_000 + 10 * 1_000)
    assert v["buy_total"] == pytest.approx(31_000)
    assert v["cheaper"] == "make"
    # 5,000 / (31 - 10) = 238.1 units.
    assert v["break_even_volume"] == pytest.approx(5_000 / 21)


def test_duty_on_the_customs_value_with_freight_cif() -> None:
    v = values({"duty_basis": "cif"})
    # Customs value 12.50 + 0.72 transport = 13.22; duty 4% of it = 0.5288 (0.50 FOB).
    assert v["customs_value"] == pytest.approx(13.22)
    assert v["duty_per_unit"] == pytest.approx(0.5288)
    # Delivered unit 12.50 + 0.5288 + 0.72 = 13.7488; / 0.98 = 14.029388; + 0.40 = 14.429388.
    assert v["buy_per_unit"] == pytest.approx(14.429388, abs=1e-6)
    assert v["buy_total"] == pytest.approx(346_305.31, abs=0.01)  # x 24,000
    assert values()["customs_value"] == 12.5  # FOB, the default: the price alone
    # Every buying cost: 20 + 10% of (20 + 2) + 2 = 24.20; 20% defects: 30.25; + 1 = 31.25.
    v = values({"volume": 1_000, "make_setup": 0, "make_fixed": 5_000, "make_variable": 10,
                "buy_price": 20, "duty_pct": 10, "transport": 2, "defect_pct": 20,
                "lead_time_cost": 1, "duty_basis": "cif"})  # fmt: skip
    assert v["buy_per_unit"] == pytest.approx(31.25)
    assert v["break_even_volume"] == pytest.approx(5_000 / 21.25)


def test_no_fixed_cost_means_making_wins_at_any_volume() -> None:
    v = values({"make_setup": 0, "make_fixed": 0, "volume": 1})
    assert v["break_even_volume"] == 0
    assert v["cheaper"] == "make"


# --- Properties -------------------------------------------------------------------------------

amount = st.floats(min_value=0, max_value=1e6, allow_nan=False)
per_unit = st.floats(min_value=0.01, max_value=1_000, allow_nan=False)
scenario = st.fixed_dictionaries(
    {
        "volume": st.floats(min_value=1, max_value=1e7),
        "make_setup": amount,
        "setup_years": st.integers(min_value=1, max_value=30),
        "capital_rate_pct": st.floats(min_value=0, max_value=50),
        "make_fixed": amount,
        "make_variable": per_unit,
        "buy_price": per_unit,
        "duty_pct": st.floats(min_value=0, max_value=100),
        "duty_basis": st.sampled_from(["fob", "cif"]),
        "transport": st.floats(min_value=0, max_value=100),
        "defect_pct": st.floats(min_value=0, max_value=99),
        "lead_time_cost": st.floats(min_value=0, max_value=100),
    }
)


@given(scenario)
def test_totals_are_equal_at_the_break_even_volume(inputs: dict[str, Any]) -> None:
    v = values(inputs)
    break_even = v["break_even_volume"]
    assume(break_even is not None)
    model = Model.from_values(FIELDSET.parse(inputs))
    make, buy = model.make_total(break_even), model.buy_total(break_even)
    assert make == pytest.approx(buy, rel=1e-9, abs=1e-6)
    if 1 <= break_even <= 1e9:  # also through the form, at the break-even volume itself
        at = values(inputs | {"volume": break_even})
        assert at["make_total"] == pytest.approx(at["buy_total"], rel=1e-9, abs=1e-6)


@given(scenario)
def test_the_cheaper_option_agrees_with_the_break_even(inputs: dict[str, Any]) -> None:
    v = values(inputs)
    break_even = v["break_even_volume"]
    if v["cheaper"] == "equal":
        return
    if break_even is None:
        assert v["cheaper"] == "buy"
    elif inputs["volume"] > break_even * (1 + 1e-9):
        assert v["cheaper"] == "make"
    elif inputs["volume"] < break_even * (1 - 1e-9):
        assert v["cheaper"] == "buy"


@given(scenario, st.floats(min_value=0.01, max_value=1_000))
def test_a_higher_purchase_price_never_makes_buying_cheaper(
    inputs: dict[str, Any], rise: float
) -> None:
    lower = values(inputs)
    higher = values(inputs | {"buy_price": inputs["buy_price"] + rise})
    assert higher["buy_total"] >= lower["buy_total"]
    assert higher["buy_per_unit"] >= lower["buy_per_unit"]
    assert higher["difference"] >= lower["difference"]
    assert higher["make_total"] == lower["make_total"]
    if lower["cheaper"] == "make":
        assert higher["cheaper"] == "make"
    if lower["break_even_volume"] is not None:
        assert higher["break_even_volume"] <= lower["break_even_volume"] * (1 + 1e-12)


@given(scenario)
def test_cost_per_unit_made_never_rises_with_volume(inputs: dict[str, Any]) -> None:
    rows = values(inputs)["by_volume"]
    per_unit_costs = [r["make"] / r["volume"] for r in rows]
    assert all(a >= b * (1 - 1e-12) for a, b in pairwise(per_unit_costs))
    assert all(r["buy"] >= 0 and r["make"] > 0 for r in rows)


@given(scenario)
def test_cif_never_costs_less_than_fob_and_differs_by_the_duty_on_transport(
    inputs: dict[str, Any],
) -> None:
    fob, cif = values(inputs | {"duty_basis": "fob"}), values(inputs | {"duty_basis": "cif"})
    extra = inputs["duty_pct"] / 100 * inputs["transport"]
    assert cif["duty_per_unit"] - fob["duty_per_unit"] == pytest.approx(extra, abs=1e-9)
    assert cif["buy_per_unit"] >= fob["buy_per_unit"]
    assert cif["make_total"] == fob["make_total"]


# --- Cross-field checks ----------------------------------------------------------------------


def test_making_or_buying_for_nothing_is_a_contradiction() -> None:
    errors = errors_for({"make_setup": 0, "make_fixed": 0, "make_variable": 0})
    assert list(errors) == ["make_variable"]
    assert "Making cannot cost nothing" in errors["make_variable"]
    errors = errors_for({"buy_price": 0, "transport": 0, "lead_time_cost": 0})
    assert list(errors) == ["buy_price"]
    assert "Buying cannot cost nothing" in errors["buy_price"]


def test_all_errors_are_reported_at_once() -> None:
    errors = errors_for({"volume": "x", "defect_pct": 100, "currency": ""})
    assert set(errors) == {"volume", "defect_pct", "currency"}


def test_form_strings_are_accepted() -> None:
    assert values({"volume": " 24000 ", "buy_price": "12.5"}) == values()
