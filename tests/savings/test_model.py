"""The savings model: hand-checked reference values and properties that must always hold."""

from __future__ import annotations

import math
from itertools import pairwise
from typing import Any

import numpy_financial as npf
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import calculators
from calculators.core.money import irr, npv
from calculators.savings.fields import FIELDSET
from calculators.savings.model import (
    Model,
    closed_form_npv,
    outcome,
    simulate,
    yearly_cash_flows,
)

# Everything that is not the bare salary or the vendor's fee switched off.
BARE: dict[str, Any] = {
    "on_costs_pct": 0,
    "overhead_per_fte": 0,
    "management_pct": 0,
    "recruiting_per_fte": 0,
    "wage_growth_pct": 0,
    "escalation_pct": 0,
    "governance_pct": 0,
    "transition_cost": 0,
    "contract_cost": 0,
    "ramp_months": 0,
    "ramp_dip_pct": 0,
    "retained_fte": 0,
    "transport_per_year": 0,
    "exit_cost": 0,
}


def values(inputs: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = calculators.run("savings", inputs)["values"]
    return result


def test_reference_scenario_worked_by_hand() -> None:
    # Two people at 60,000 a year against 4,000 per FTE-month, 10,000 one-off, one year, 10%.
    v = values(
        BARE | {"headcount": 2, "salary": 60_000, "vendor_fte_price": 4_000,
                "transition_cost": 10_000, "horizon_years": 1, "discount_rate_pct": 10}
    )  # fmt: skip
    assert v["total_in_house"] == pytest.approx(120_000)
    assert v["total_outsourced"] == pytest.approx(96_000 + 10_000)
    assert v["savings"] == pytest.approx(14_000)
    assert v["savings_pct"] == pytest.approx(100 * 14_000 / 120_000)
    assert v["npv"] == pytest.approx(-10_000 + 24_000 / 1.1)
    # 2,000 saved a month pays back the 10,000 in month 5.
    assert v["payback_month"] == 5
    # PV of the savings per unit of one-off cost: (24,000 / 1.1) / 10,000.
    assert v["profitability_index"] == pytest.approx(2.4 / 1.1)
    assert v["irr"] == pytest.approx(1.4)  # -10,000 + 24,000 / (1 + r) = 0
    # Discounted, each month saves 2,000 / 1.1: 10,000 is reached in month 6 (5.5 months).
    assert v["discounted_payback_month"] == 6
    # NPV is zero when (120,000 - 24 p) / 1.1 = 10,000, so p = 109,000 / 24.
    assert v["flip_price"] == pytest.approx(109_000 / 24)


def test_fully_loaded_in_house_cost() -> None:
    v = values(
        BARE | {"headcount": 3, "salary": 50_000, "on_costs_pct": 30, "management_pct": 10,
                "overhead_per_fte": 8_000, "recruiting_per_fte": 2_000, "horizon_years": 2,
                "wage_growth_pct": 5, "inflation_pct": 1}
    )  # fmt: skip
    year_one = 3 * (50_000 * 1.4 + 8_000 + 2_000)
    assert v["in_house_by_year"] == pytest.approx([year_one, year_one * 1.05])


def test_outsourced_side_carries_governance_retained_transport_dip_and_exit() -> None:
    base = BARE | {"headcount": 4, "salary": 48_000, "vendor_fte_price": 3_000,
                   "horizon_years": 1}  # fmt: skip
    plain = values(base)["outsourced_by_year"][0]
    assert plain == pytest.approx(4 * 3_000 * 12)
    assert values(base | {"governance_pct": 10})["outsourced_by_year"][0] == pytest.approx(
        plain * 1.1
    )
    # One retained FTE costs its in-house salary; the vendor then serves three.
    assert values(base | {"retained_fte": 1})["outsourced_by_year"][0] == pytest.approx(
        3 * 3_000 * 12 + 48_000
    )
    assert values(base | {"transport_per_year": 5_000})["outsourced_by_year"][0] == pytest.approx(
        plain + 5_000
    )
    assert values(base | {"exit_cost": 7_000})["outsourced_by_year"][0] == pytest.approx(
        plain + 7_000
    )
    # A 50% dip over 2 months: month 1 loses 50%, month 2 loses 25% of 4 FTE's monthly cost.
    dip = values(base | {"ramp_months": 2, "ramp_dip_pct": 50})["outsourced_by_year"][0]
    assert dip == pytest.approx(plain + (0.5 + 0.25) * 4 * 4_000)


def test_a_slower_vendor_needs_more_people_and_lowers_the_break_even_price() -> None:
    base = BARE | {"headcount": 4, "salary": 48_000, "vendor_fte_price": 3_000,
                   "horizon_years": 1, "discount_rate_pct": 0}  # fmt: skip
    v = values(base | {"vendor_ratio": 1.25})
    assert v["outsourced_by_year"][0] == pytest.approx(4 * 1.25 * 3_000 * 12)  # 5 vendor FTE
    assert v["flip_price"] == pytest.approx(4 * 48_000 / (5 * 12))  # 3,200 per FTE-month
    # Per-unit prices already carry the vendor's productivity: the ratio does not apply.
    unit = base | {"pricing": "unit", "unit_price": 2, "units_per_year": 10_000}
    assert values(unit | {"vendor_ratio": 3}) == values(unit)


def test_inflation_raises_overhead_and_wage_growth_the_people_costs() -> None:
    v = values(
        BARE | {"headcount": 3, "salary": 50_000, "overhead_per_fte": 10_000,
                "recruiting_per_fte": 1_000, "wage_growth_pct": 5, "inflation_pct": 2,
                "overhead_growth": "inflation", "horizon_years": 2}
    )  # fmt: skip
    assert v["in_house_by_year"] == pytest.approx([3 * 61_000, 3 * (51_000 * 1.05 + 10_000 * 1.02)])
    # Inflation applies only when chosen: by default overhead rises with wages.
    wages = values(
        BARE | {"headcount": 3, "salary": 50_000, "overhead_per_fte": 10_000,
                "recruiting_per_fte": 1_000, "wage_growth_pct": 5, "inflation_pct": 2,
                "horizon_years": 2}
    )  # fmt: skip
    assert wages["in_house_by_year"] == pytest.approx([3 * 61_000, 3 * 61_000 * 1.05])


def test_parallel_running_pays_both_teams_and_severance_follows_it() -> None:
    base = BARE | {"headcount": 4, "salary": 48_000, "vendor_fte_price": 3_000,
                   "horizon_years": 2, "retained_fte": 1}  # fmt: skip
    plain = values(base)["outsourced_by_year"]
    # Three months of the three outsourced FTE at 4,000 a month each, on top of the vendor.
    v = values(base | {"parallel_months": 3})
    assert v["outsourced_by_year"] == pytest.approx([plain[0] + 3 * 3 * 4_000, plain[1]])
    # Severance for the three FTE who leave: at the start without parallel running ...
    v = values(base | {"severance_per_fte": 10_000})
    assert v["one_off_cost"] == pytest.approx(30_000)
    assert v["outsourced_by_year"] == pytest.approx(plain)
    # ... and in the month parallel running ends (month 14, in year two) with it.
    v = values(base | {"severance_per_fte": 10_000, "parallel_months": 14})
    assert v["one_off_cost"] == 0
    assert v["outsourced_by_year"] == pytest.approx(
        [plain[0] + 12 * 12_000, plain[1] + 2 * 12_000 + 30_000]
    )


def test_parallel_running_longer_than_the_horizon_is_an_error() -> None:
    with pytest.raises(calculators.InputError) as raised:
        calculators.run("savings", {"horizon_years": 1, "parallel_months": 13})
    assert "parallel_months" in raised.value.errors


def test_vendor_staff_turnover_costs_output_valued_in_house() -> None:
    base = BARE | {"headcount": 4, "salary": 48_000, "vendor_fte_price": 3_000,
                   "horizon_years": 1, "retained_fte": 1}  # fmt: skip
    plain = values(base)["outsourced_by_year"][0]
    # 25% of 3 outsourced FTE leave a year, each losing 2 months of output at 4,000 a month;
    # a slower vendor has more people leaving, each doing less: the same loss.
    for ratio in (1, 2):
        v = values(base | {"vendor_attrition_pct": 25, "knowledge_loss_months": 2,
                           "vendor_ratio": ratio})  # fmt: skip
        fees = 3 * ratio * 3_000 * 12
        assert v["outsourced_by_year"][0] == pytest.approx(fees + 48_000 + 0.25 * 3 * 2 * 4_000)
    assert plain == pytest.approx(3 * 3_000 * 12 + 48_000)


def test_a_price_in_the_vendors_currency_is_converted_and_so_is_the_break_even() -> None:
    base = BARE | {"headcount": 2, "salary": 60_000, "vendor_fte_price": 4_000,
                   "horizon_years": 1, "discount_rate_pct": 0, "currency": "EUR"}  # fmt: skip
    v = values(base | {"vendor_currency": "USD", "exchange_rate": 0.8})
    assert v["outsourced_by_year"][0] == pytest.approx(2 * 4_000 * 12 * 0.8)
    assert v["flip_price"] == pytest.approx(120_000 / (24 * 0.8))  # in dollars
    shown = calculators.run("savings", base | {"vendor_currency": "USD", "exchange_rate": 0.8})
    flip = next(f for f in shown["figures"] if f["id"] == "flip_price")
    assert flip["text"] == "$6,250.00"
    # The rate applies only with a vendor currency, and must be 1 for the reader's own.
    assert values(base | {"exchange_rate": 0.8}) == values(base)
    with pytest.raises(calculators.InputError) as raised:
        calculators.run("savings", base | {"vendor_currency": "EUR", "exchange_rate": 0.8})
    assert set(raised.value.errors) == {"exchange_rate"}


def test_the_exit_cost_falls_in_the_chosen_year() -> None:
    base = BARE | {"headcount": 2, "salary": 60_000, "vendor_fte_price": 4_000,
                   "horizon_years": 3, "exit_cost": 60_000, "discount_rate_pct": 10}  # fmt: skip
    at_end = values(base)
    assert values(base | {"exit_year": 3}) == at_end
    v = values(base | {"exit_year": 2})
    assert v["cash_flows"] == pytest.approx([0, 24_000, -36_000, 24_000])
    assert v["npv"] == pytest.approx(24_000 / 1.1 - 36_000 / 1.1**2 + 24_000 / 1.1**3)
    assert v["savings"] == pytest.approx(at_end["savings"])
    # 2,000 saved a month: 48,000 by month 24, when the exit takes 60,000. Back to zero in
    # month 30, and ahead from then on.
    assert at_end["payback_month"] == 0
    assert v["payback_month"] == 30
    with pytest.raises(calculators.InputError) as raised:
        calculators.run("savings", base | {"exit_year": 4})
    assert set(raised.value.errors) == {"exit_year"}


def test_per_unit_pricing() -> None:
    v = values(
        BARE | {"headcount": 2, "salary": 40_000, "pricing": "unit", "unit_price": 2.5,
                "units_per_year": 20_000, "horizon_years": 1, "discount_rate_pct": 0}
    )  # fmt: skip
    assert v["total_outsourced"] == pytest.approx(50_000)
    assert v["flip_price"] == pytest.approx(4.0)  # 80,000 / 20,000 units


def test_default_results_are_sensible() -> None:
    result = calculators.run("savings")
    v = result["values"]
    assert 0 < v["savings_pct"] < 60
    assert v["payback_month"] is not None
    assert v["flip_price"] > 4_500  # the default quote still leaves a margin
    ids = [f["id"] for f in result["figures"]]
    assert ids == ["savings", "savings_pct", "npv", "irr", "payback_month",
                   "discounted_payback_month", "profitability_index", "flip_price"]  # fmt: skip
    table = result["tables"][0]
    assert len(table["rows"]) == 1 + 5  # the one-off start row and five years
    chart = result["charts"][0]
    assert [s["id"] for s in chart["series"]] == ["in_house", "outsourced"]
    assert chart["marker"]["x"] == v["payback_month"]


def test_losing_case_has_no_payback_and_says_so() -> None:
    result = calculators.run("savings", {"vendor_fte_price": 9_000})
    assert result["values"]["savings"] < 0
    assert result["values"]["payback_month"] is None
    payback = next(f for f in result["figures"] if f["id"] == "payback_month")
    assert payback["text"] == "not within 5 years"


def test_no_one_off_costs_means_no_profitability_index_and_no_irr() -> None:
    result = calculators.run("savings", {"transition_cost": 0, "contract_cost": 0})
    assert result["values"]["profitability_index"] is None
    assert result["values"]["irr"] is None  # no outlay: no rate makes the NPV zero
    for figure_id in ("profitability_index", "irr"):
        shown = next(f for f in result["figures"] if f["id"] == figure_id)
        assert shown["text"] == "n/a"


def test_mid_year_discounting_worked_by_hand() -> None:
    # One year saving 24,000 at 10%: discounted half a year, 24,000 / sqrt(1.1).
    base = BARE | {
        "headcount": 2,
        "salary": 60_000,
        "vendor_fte_price": 4_000,
        "transition_cost": 10_000,
        "horizon_years": 2,
        "discount_rate_pct": 10,
    }
    v = values(base | {"timing": "mid"})
    assert v["npv"] == pytest.approx(-10_000 + 24_000 / 1.1**0.5 + 24_000 / 1.1**1.5)
    assert v["profitability_index"] == pytest.approx((v["npv"] + 10_000) / 10_000)
    # IRR keeps year-end timing whatever the option: it is the spreadsheet IRR of the flows.
    assert v["irr"] == pytest.approx(values(base)["irr"])
    # Break-even: -10,000 + (120,000 - 24 p) * (1 / 1.1^0.5 + 1 / 1.1^1.5) = 0.
    weight = 1 / 1.1**0.5 + 1 / 1.1**1.5
    assert v["flip_price"] == pytest.approx((120_000 - 10_000 / weight) / 24)


def test_a_profitability_index_replaces_the_inflated_return_on_one_off_costs() -> None:
    v = values({})
    # At the defaults the old "return" was 1,933%: total savings over the one-off costs.
    assert 100 * v["savings"] / v["one_off_cost"] == pytest.approx(1932.5, abs=0.1)
    assert v["profitability_index"] == pytest.approx(1 + v["npv"] / v["one_off_cost"])
    assert "roi_pct" not in v


def test_discounted_payback_comes_later_when_discounting_bites() -> None:
    # 1,000 one-off, then 50 a month (600 a year) at 20%: undiscounted, the 1,000 is back in
    # month 20. Discounted, year 1 brings 600 / 1.2 = 500 and year 2 600 / 1.44 = 416.67: not
    # within 2 years. In year 3 each month brings 50 / 1.728, so the 83.33 still missing takes
    # 2.88 months: month 27.
    inputs = BARE | {
        "headcount": 1,
        "salary": 1_200,
        "vendor_fte_price": 50,
        "transition_cost": 1_000,
        "horizon_years": 2,
        "discount_rate_pct": 20,
    }
    v = values(inputs)
    assert v["payback_month"] == 20
    assert v["discounted_payback_month"] is None
    assert values(inputs | {"horizon_years": 3})["discounted_payback_month"] == 27


# --- Properties -------------------------------------------------------------------------------

money = st.floats(min_value=1_000, max_value=500_000, allow_nan=False)
rate = st.floats(min_value=0, max_value=30, allow_nan=False)
scenario = st.fixed_dictionaries(
    {
        "headcount": st.integers(min_value=2, max_value=200),
        "salary": money,
        "on_costs_pct": rate,
        "overhead_per_fte": st.floats(min_value=0, max_value=50_000),
        "management_pct": rate,
        "recruiting_per_fte": st.floats(min_value=0, max_value=10_000),
        "wage_growth_pct": st.floats(min_value=-5, max_value=15),
        "vendor_fte_price": st.floats(min_value=100, max_value=40_000),
        "escalation_pct": st.floats(min_value=-5, max_value=15),
        "governance_pct": rate,
        "transition_cost": st.floats(min_value=0, max_value=1e6),
        "contract_cost": st.floats(min_value=0, max_value=1e5),
        "ramp_months": st.integers(min_value=0, max_value=12),
        "ramp_dip_pct": st.floats(min_value=0, max_value=100),
        "retained_fte": st.integers(min_value=0, max_value=1),
        "transport_per_year": st.floats(min_value=0, max_value=1e5),
        "exit_cost": st.floats(min_value=0, max_value=1e6),
        "horizon_years": st.integers(min_value=1, max_value=15),
        "discount_rate_pct": st.floats(min_value=0, max_value=25),
        "timing": st.sampled_from(["end", "mid"]),
        "vendor_ratio": st.floats(min_value=0.5, max_value=2),
        "overhead_growth": st.sampled_from(["wages", "inflation"]),
        "inflation_pct": st.floats(min_value=-5, max_value=15),
        "parallel_months": st.integers(min_value=0, max_value=12),
        "severance_per_fte": st.floats(min_value=0, max_value=1e5),
        "vendor_attrition_pct": st.floats(min_value=0, max_value=60),
        "knowledge_loss_months": st.floats(min_value=0, max_value=12),
        "vendor_currency": st.sampled_from(["same", "USD"]),
        "exchange_rate": st.floats(min_value=0.01, max_value=100),
        "exit_year": st.integers(min_value=0, max_value=1),
    }
)


@settings(deadline=None)  # a busy machine must not fail a 1 ms computation
@given(scenario)
def test_closed_form_cash_flows_equal_the_monthly_simulation(inputs: dict[str, Any]) -> None:
    model = Model.from_values(FIELDSET.parse(inputs))
    simulated = outcome(model)
    scale = max(1.0, simulated.total_in_house)
    flows = simulated.cash_flows
    assert yearly_cash_flows(model) == pytest.approx(flows, rel=1e-9, abs=1e-9 * scale)
    assert closed_form_npv(model) == pytest.approx(simulated.npv, rel=1e-9, abs=1e-9 * scale)


@settings(deadline=None)  # a busy machine must not fail a 1 ms computation
@given(
    headcount=st.floats(min_value=0.5, max_value=500),
    salary=money,
    growth=st.floats(min_value=-5, max_value=15),
    years=st.integers(min_value=1, max_value=15),
    discount=st.floats(min_value=0, max_value=25),
)
def test_equal_costs_give_zero_savings(
    headcount: float, salary: float, growth: float, years: int, discount: float
) -> None:
    v = values(
        BARE | {"headcount": headcount, "salary": salary, "vendor_fte_price": salary / 12,
                "wage_growth_pct": growth, "escalation_pct": growth, "horizon_years": years,
                "discount_rate_pct": discount}
    )  # fmt: skip
    scale = v["total_in_house"]
    assert v["savings"] == pytest.approx(0, abs=1e-9 * scale)
    assert v["npv"] == pytest.approx(0, abs=1e-9 * scale)
    assert v["savings_pct"] == pytest.approx(0, abs=1e-9)


@settings(deadline=None)  # a busy machine must not fail a 1 ms computation
@given(scenario)
def test_npv_at_zero_rate_is_the_undiscounted_sum(inputs: dict[str, Any]) -> None:
    v = values(inputs | {"discount_rate_pct": 0})
    assert v["npv"] == pytest.approx(math.fsum(v["cash_flows"]), rel=1e-9, abs=1e-6)
    assert v["npv"] == pytest.approx(v["savings"], rel=1e-9, abs=1e-6)


@settings(deadline=None)  # a busy machine must not fail a 1 ms computation
@given(scenario, st.floats(min_value=1, max_value=5_000))
def test_a_higher_vendor_price_never_raises_savings(inputs: dict[str, Any], rise: float) -> None:
    cheaper = values(inputs)
    dearer = values(inputs | {"vendor_fte_price": inputs["vendor_fte_price"] + rise})
    assert dearer["savings"] <= cheaper["savings"]
    assert dearer["npv"] <= cheaper["npv"]


@settings(deadline=None)  # a busy machine must not fail a 1 ms computation
@given(scenario)
def test_longer_horizon_with_positive_yearly_savings_never_lowers_total(
    inputs: dict[str, Any],
) -> None:
    inputs = inputs | {"exit_cost": 0, "horizon_years": min(inputs["horizon_years"], 14)}
    shorter = values(inputs)
    longer = values(inputs | {"horizon_years": inputs["horizon_years"] + 1})
    yearly = [a - b for a, b in zip(longer["in_house_by_year"], longer["outsourced_by_year"],
                                    strict=True)]  # fmt: skip
    if all(s > 0 for s in yearly):
        assert longer["savings"] >= shorter["savings"]


@settings(deadline=None)  # a busy machine must not fail a 1 ms computation
@given(scenario)
def test_model_npv_agrees_with_numpy_financial(inputs: dict[str, Any]) -> None:
    v = values(inputs | {"timing": "end"})  # mid-year: test_mid_year_npv_agrees_with_...
    expected = npf.npv(inputs["discount_rate_pct"] / 100, v["cash_flows"])
    assert v["npv"] == pytest.approx(expected, rel=1e-9, abs=1e-6)


@settings(deadline=None)  # a busy machine must not fail a 1 ms computation
@given(
    st.floats(min_value=-0.99, max_value=1.0),
    st.lists(st.floats(min_value=-1e9, max_value=1e9), min_size=1, max_size=40),
)
def test_npv_agrees_with_numpy_financial_on_random_cash_flows(r: float, flows: list[float]) -> None:
    scale = max(1.0, max(abs(f) for f in flows))
    assert npv(r, flows) == pytest.approx(npf.npv(r, flows), rel=1e-9, abs=1e-6 * scale)


@settings(deadline=None)  # a busy machine must not fail a 1 ms computation
@given(scenario)
def test_mid_year_npv_agrees_with_numpy_financial_on_shifted_flows(inputs: dict[str, Any]) -> None:
    v = values(inputs | {"timing": "mid"})
    rate = inputs["discount_rate_pct"] / 100
    flows = v["cash_flows"]
    # Half a year earlier: the year-end NPV of the yearly savings, grown by half a year.
    expected = flows[0] + (1 + rate) ** 0.5 * npf.npv(rate, [0.0, *flows[1:]])
    scale = max(1.0, max(abs(f) for f in flows))
    assert v["npv"] == pytest.approx(expected, rel=1e-9, abs=1e-9 * scale)


@settings(deadline=None)  # a busy machine must not fail a 1 ms computation
@given(scenario)
def test_model_irr_agrees_with_numpy_financial(inputs: dict[str, Any]) -> None:
    v = values(inputs)
    flows = v["cash_flows"]
    assume(flows[0] == 0 or flows[0] <= -1)  # np.roots (in npf.irr) fails near the underflow
    if v["irr"] is None:
        signs = [f > 0 for f in flows if f != 0]
        assert sum(a != b for a, b in pairwise(signs)) != 1
        return
    assert npv(v["irr"], flows) == pytest.approx(0, abs=1e-6 * max(abs(f) for f in flows))
    assert v["irr"] == pytest.approx(npf.irr(flows), rel=1e-6, abs=1e-9)


@settings(deadline=None)  # a busy machine must not fail a 1 ms computation
@given(
    st.floats(min_value=1, max_value=1e7),
    # Zero or at least 1: np.roots, inside npf.irr, fails on coefficients near the underflow.
    st.lists(st.just(0.0) | st.floats(min_value=1, max_value=1e7), min_size=1, max_size=15).filter(
        lambda flows: any(f > 0 for f in flows)
    ),
)
def test_irr_agrees_with_numpy_financial_on_random_cash_flows(
    outlay: float, returns: list[float]
) -> None:
    flows = [-outlay, *returns]  # one sign change: exactly one IRR
    found = irr(flows)
    assert found is not None
    assert found == pytest.approx(npf.irr(flows), rel=1e-6, abs=1e-9)


def test_irr_is_none_unless_exactly_one_exists() -> None:
    assert irr([100.0, 50.0]) is None  # never zero
    assert irr([-100.0, 230.0, -132.0]) is None  # zero at 10% and at 20%
    assert irr([0.0, -100.0, 110.0]) == pytest.approx(0.1)
    assert irr([-100.0, 0.0, 121.0]) == pytest.approx(0.1)


@settings(max_examples=50, deadline=None)
@given(scenario)
def test_npv_is_zero_at_the_break_even_price(inputs: dict[str, Any]) -> None:
    v = values(inputs)
    if v["flip_price"] is None or v["flip_price"] > 1_000_000:
        return
    at_flip = values(inputs | {"vendor_fte_price": v["flip_price"]})
    assert at_flip["npv"] == pytest.approx(0, abs=1e-6 * max(1.0, v["total_in_house"]))


@settings(deadline=None)  # a busy machine must not fail a 1 ms computation
@given(scenario)
def test_payback_exists_exactly_when_total_savings_are_not_negative(
    inputs: dict[str, Any],
) -> None:
    v = values(inputs)
    if v["discounted_payback_month"] is None:
        assert v["npv"] < 1e-6 * v["total_in_house"]
    else:
        assert v["npv"] >= -1e-6 * v["total_in_house"]
    # Discounting delays the payback only when savings, once they start, never turn back into
    # losses. With a vendor price that grows faster than in-house costs (or an exit cost late
    # on), early savings can outweigh later losses once discounted and not otherwise: an NPV
    # above zero and a total below it, a discounted payback and no simple one.
    timeline = simulate(Model.from_values(FIELDSET.parse(inputs)))
    monthly = [a - b for a, b in zip(timeline.in_house, timeline.outsourced, strict=True)]
    conventional = all(a <= 0 or b >= 0 for a, b in pairwise(monthly))
    if conventional and v["discounted_payback_month"] is not None:
        assert v["payback_month"] is not None
        assert v["discounted_payback_month"] >= v["payback_month"]
    if v["payback_month"] is None:
        assert v["savings"] < 0
    else:
        assert 0 <= v["payback_month"] <= 12 * inputs["horizon_years"]
        assert v["savings"] >= -1e-6 * v["total_in_house"]
