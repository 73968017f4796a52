"""The numbers of savings under uncertainty: hand-checked values, the closed form against the
savings model's monthly simulation, and properties of the simulation."""

from __future__ import annotations

import math
from dataclasses import replace
from itertools import pairwise
from typing import Any

import pytest
from calculator_client import CalculatorClient
from hypothesis import given, settings
from hypothesis import strategies as st

import calculators
from calculators.core.money import npv
from calculators.savings import model as savings
from calculators.savings.fields import FIELDSET as SAVINGS_FIELDSET
from calculators.savings_uncertainty import model as su
from calculators.savings_uncertainty.fields import (
    FIELDSET,
    LEVELS,
    PERCENT_INPUTS,
    UNCERTAIN,
    savings_values,
)

ID = "savings_uncertainty"
CLIENT = CalculatorClient(ID)
run = CLIENT.run
values = CLIENT.values
errors_for = CLIENT.errors_for
NAMES = list(UNCERTAIN)


def fixed(name: str, value: float) -> dict[str, float]:
    """An uncertain input with no uncertainty: low = likely = high."""
    return {f"{name}_{level}": value for level in LEVELS}


def triple(name: str, low: float, likely: float, high: float) -> dict[str, float]:
    return {f"{name}_low": low, f"{name}_likely": likely, f"{name}_high": high}


# Two people at 60,000 a year; nothing else costs anything but the vendor and a 10,000
# transition; one year at 10%. The same case as the savings tests' worked example.
BARE: dict[str, Any] = {
    **fixed("headcount", 2), **fixed("salary", 60_000), "on_costs_pct": 0, "overhead_per_fte": 0,
    "management_pct": 0, "recruiting_per_fte": 0, "retained_fte": 0, "transport_per_year": 0,
    "contract_cost": 0, "exit_cost": 0, "ramp_months": 0, "horizon_years": 1,
    **fixed("discount_rate_pct", 10),
    **fixed("vendor_fte_price", 4_000), **fixed("escalation_pct", 0), **fixed("ramp_dip_pct", 0),
    **fixed("transition_cost", 10_000), **fixed("governance_pct", 0),
    **fixed("wage_growth_pct", 0),
}  # fmt: skip


# --- Reference values worked out by hand -----------------------------------------------------


def test_certain_case_worked_by_hand() -> None:
    v = values(BARE)
    # NPV = -10,000 + (2 x 60,000 - 2 x 4,000 x 12) / 1.1 = -10,000 + 24,000 / 1.1 = 11,818.18
    expected = -10_000 + 24_000 / 1.1
    assert v["likely_npv"] == pytest.approx(expected)
    for key in ("p10", "p50", "p90", "mean", "min", "max"):
        assert v[key] == pytest.approx(expected, rel=1e-9)
    assert v["loss_probability"] == 0.0
    assert v["histogram"] == {"edges": [v["min"], v["max"]], "counts": [10_000]}
    assert v["most_sensitive"] is None
    switching = {s["input"]: s for s in v["switching"]}
    # Price: (120,000 - 24 p) / 1.1 = 10,000 gives p = 109,000 / 24 = 4,541.67, 541.67 above
    # the likely price.
    assert switching["vendor_fte_price"]["value"] == pytest.approx(109_000 / 24)
    assert switching["vendor_fte_price"]["change"] == pytest.approx(109_000 / 24 - 4_000)
    assert switching["vendor_fte_price"]["inside_range"] is False  # the range is 4,000 only
    # Transition: NPV falls one for one, so it reaches zero at 10,000 + 11,818.18.
    assert switching["transition_cost"]["value"] == pytest.approx(10_000 + expected)
    # Governance g: 96,000 (1 + g) = 109,000 gives g = 13,000 / 96,000 = 0.1354.
    assert switching["governance_pct"]["value"] == pytest.approx(13_000 / 96_000)
    # In a one-year horizon growth never starts and there is no ramp-up: nothing flips.
    for name in ("escalation_pct", "ramp_dip_pct", "wage_growth_pct"):
        assert switching[name]["value"] is None


def test_triangular_vendor_price_matches_the_distribution_worked_by_hand() -> None:
    # Price ~ triangular(3,000, 4,000, 5,000); NPV = -10,000 + (120,000 - 24 p) / 1.1.
    v = values(BARE | triple("vendor_fte_price", 3_000, 4_000, 5_000) | {"draws": 50_000})
    # Loss when p > 4,541.67: P = (5,000 - 4,541.67)^2 / ((5,000 - 3,000)(5,000 - 4,000))
    # = 458.33^2 / 2,000,000 = 0.10503. Sampling sd: sqrt(0.105 x 0.895 / 50,000) = 0.0014.
    assert v["loss_probability"] == pytest.approx((5_000 - 109_000 / 24) ** 2 / 2e6, abs=0.007)
    # E[p] = (3,000 + 4,000 + 5,000) / 3 = 4,000, so the mean NPV is 11,818.18; the sd of the
    # NPV is 24 / 1.1 x 408.2 = 8,907, so the mean is known to about 40.
    assert v["mean"] == pytest.approx(-10_000 + 24_000 / 1.1, abs=200)
    # Price quantiles: P10 = 3,000 + sqrt(0.1 x 2e6) = 3,447.2 and P90 = 5,000 - 447.2, so
    # NPV P90 = -10,000 + (120,000 - 24 x 3,447.2) / 1.1 = 23,878 and NPV P10 = -243.
    p_low = 3_000 + math.sqrt(0.1 * 2e6)
    p_high = 5_000 - math.sqrt(0.1 * 2e6)
    assert v["p90"] == pytest.approx(-10_000 + (120_000 - 24 * p_low) / 1.1, abs=300)
    assert v["p10"] == pytest.approx(-10_000 + (120_000 - 24 * p_high) / 1.1, abs=300)
    assert v["p50"] == pytest.approx(-10_000 + 24_000 / 1.1, abs=300)
    # Tornado, at the price's own P10 and P90 (3,447.21 and 4,552.79, as above), not at its
    # extremes: NPV = -10,000 + (120,000 - 24 p) / 1.1, so 23,878.7 and -232.1; the swing is
    # 24 x 1,105.57 / 1.1 = 24,121.6 (at the extremes it was 48,000 / 1.1 = 43,636).
    top = v["sensitivity"][0]
    assert top["input"] == "vendor_fte_price" and v["most_sensitive"] == "vendor_fte_price"
    assert top["p10"] == pytest.approx(3_000 + math.sqrt(200_000))
    assert top["p90"] == pytest.approx(5_000 - math.sqrt(200_000))
    assert top["npv_p10"] == pytest.approx(-10_000 + (120_000 - 24 * p_low) / 1.1)
    assert top["npv_p90"] == pytest.approx(-10_000 + (120_000 - 24 * p_high) / 1.1)
    assert top["swing"] == pytest.approx(24 * (p_high - p_low) / 1.1)


def test_s_curve_by_hand() -> None:
    ten = [float(i) for i in range(1, 11)]
    curve = su.s_curve(ten)
    assert len(curve) == 101
    # Share 0 at the smallest value; share p at the nearest-rank percentile: 1% and 10% at
    # the first value (rank ceil(0.1) = 1, rank 1), 11% at the second, 100% at the last.
    assert curve[0] == (1.0, 0.0) and curve[1] == (1.0, 0.01) and curve[10] == (1.0, 0.1)
    assert curve[11] == (2.0, 0.11) and curve[100] == (10.0, 1.0)


def test_nearest_rank_percentiles_by_hand() -> None:
    ten = [float(i) for i in range(1, 11)]
    # P10: rank ceil(0.1 x 10) = 1; P50: rank 5; P90: rank 9; P95: rank ceil(9.5) = 10.
    assert [su.nearest_rank(ten, p) for p in (10, 50, 90, 95)] == [1.0, 5.0, 9.0, 10.0]
    # With three values, P10 is the first (rank ceil(0.3) = 1) and P50 the second (ceil(1.5)).
    assert [su.nearest_rank([1.0, 2.0, 3.0], p) for p in (10, 50, 90)] == [1.0, 2.0, 3.0]


def test_histogram_bins_by_hand() -> None:
    # From -45 to 80: the span 125 over at most 28 bins asks for a width of at least 4.46, so
    # the width is 5; the edges run from -45 to 80 in steps of 5: 25 bins with zero an edge.
    sorted_values = [-45.0, -0.5, 0.0, 0.0, 12.0, 80.0]
    bins = su.histogram(sorted_values)
    assert bins.edges[0] == -45.0 and bins.edges[-1] == 80.0 and len(bins.counts) == 25
    assert 0.0 in bins.edges
    assert bins.counts[0] == 1 and bins.counts[8] == 1  # [-45, -40) and [-5, 0)
    assert bins.counts[9] == 2  # 0 belongs to [0, 5)
    assert bins.counts[11] == 1 and bins.counts[-1] == 1  # [10, 15) and the top edge itself
    assert sum(bins.counts) == 6


# --- The closed form agrees with the monthly simulation ----------------------------------------

money = st.floats(min_value=1_000, max_value=500_000)
rate = st.floats(min_value=0, max_value=30)
savings_scenario = st.fixed_dictionaries(
    {
        "headcount": st.integers(min_value=2, max_value=200),
        "salary": money,
        "on_costs_pct": rate,
        "overhead_per_fte": st.floats(min_value=0, max_value=50_000),
        "management_pct": rate,
        "recruiting_per_fte": st.floats(min_value=0, max_value=10_000),
        "wage_growth_pct": st.floats(min_value=-20, max_value=50),
        "vendor_fte_price": st.floats(min_value=0, max_value=40_000),
        "escalation_pct": st.floats(min_value=-20, max_value=50),
        "governance_pct": st.floats(min_value=0, max_value=100),
        "transition_cost": st.floats(min_value=0, max_value=1e6),
        "contract_cost": st.floats(min_value=0, max_value=1e5),
        "ramp_months": st.integers(min_value=0, max_value=60),
        "ramp_dip_pct": st.floats(min_value=0, max_value=100),
        "retained_fte": st.integers(min_value=0, max_value=1),
        "transport_per_year": st.floats(min_value=0, max_value=1e5),
        "exit_cost": st.floats(min_value=0, max_value=1e6),
        "horizon_years": st.integers(min_value=5, max_value=15),
        "discount_rate_pct": st.floats(min_value=0, max_value=50),
    }
)


def monthly_npv(model: savings.Model) -> tuple[float, float]:
    """The savings model's NPV from its monthly simulation, and the size of its cash flows."""
    timeline = savings.simulate(model)
    inside, outside = timeline.yearly(timeline.in_house), timeline.yearly(timeline.outsourced)
    flows = [-timeline.one_off, *(a - b for a, b in zip(inside, outside, strict=True))]
    scale = timeline.one_off + math.fsum(inside) + math.fsum(outside)
    return npv(model.discount_rate, flows), scale


def model_of(inputs: dict[str, Any]) -> savings.Model:
    return savings.Model.from_values(SAVINGS_FIELDSET.parse(inputs))


@given(savings_scenario, st.sampled_from(["fte", "unit"]), st.floats(min_value=0, max_value=50))
def test_closed_form_npv_equals_the_monthly_simulation(
    inputs: dict[str, Any], pricing: str, unit_price: float
) -> None:
    model = model_of(inputs | {"pricing": pricing, "unit_price": unit_price})
    expected, scale = monthly_npv(model)
    # Relative to the NPV, or to the cash flows when the NPV is close to zero (cancellation).
    assert savings.closed_form_npv(model) == pytest.approx(expected, rel=1e-9, abs=1e-9 * scale)
    timeline = savings.simulate(model)
    yearly = [
        a - b
        for a, b in zip(
            timeline.yearly(timeline.in_house), timeline.yearly(timeline.outsourced), strict=True
        )
    ]
    assert savings.yearly_cash_flows(model)[1:] == pytest.approx(yearly, rel=1e-9, abs=1e-9 * scale)


@given(savings_scenario)
def test_fast_npv_equals_the_monthly_simulation(inputs: dict[str, Any]) -> None:
    model = model_of(inputs)
    expected, scale = monthly_npv(model)
    fast = su.NpvFunction(model)
    point = [model.vendor_fte_price, model.escalation, model.ramp_dip, model.transition_cost,
             model.governance, model.wage_growth, model.headcount, model.salary,
             model.discount_rate]  # fmt: skip
    assert fast(point) == pytest.approx(expected, rel=1e-9, abs=1e-9 * scale)


@given(savings_scenario, st.lists(st.floats(min_value=0, max_value=1), min_size=9, max_size=9))
@settings(max_examples=50)
def test_fast_npv_follows_each_uncertain_input(inputs: dict[str, Any], mix: list[float]) -> None:
    """Moving the nine inputs away from the model they were built from changes nothing in the
    agreement: NpvFunction(model)(x) is the savings NPV of the model with x put in."""
    model = model_of(inputs)
    x = [
        40_000 * mix[0],
        -0.2 + 0.7 * mix[1],
        mix[2],
        1e6 * mix[3],
        mix[4],
        -0.2 + 0.7 * mix[5],
        model.retained_fte + 0.5 + 200 * mix[6],
        1_000 + 500_000 * mix[7],
        0.5 * mix[8],
    ]
    moved = replace(model, vendor_fte_price=x[0], escalation=x[1], ramp_dip=x[2],
                    transition_cost=x[3], governance=x[4], wage_growth=x[5], headcount=x[6],
                    salary=x[7], discount_rate=x[8])  # fmt: skip
    expected, scale = monthly_npv(moved)
    assert su.NpvFunction(model)(x) == pytest.approx(expected, rel=1e-9, abs=1e-9 * scale)


# --- Properties of the simulation -------------------------------------------------------------


@st.composite
def ranges(draw: st.DrawFn) -> dict[str, float]:
    """A low <= likely <= high triple for each uncertain input, within its field's limits."""
    limits = {
        "vendor_fte_price": (0.0, 20_000.0),
        "escalation_pct": (-20.0, 50.0),
        "ramp_dip_pct": (0.0, 100.0),
        "transition_cost": (0.0, 2e6),
        "governance_pct": (0.0, 100.0),
        "wage_growth_pct": (-20.0, 50.0),
        "salary": (1_000.0, 500_000.0),
        "discount_rate_pct": (0.0, 25.0),
    }
    found: dict[str, float] = {}
    for name, (low, high) in limits.items():
        three = sorted(draw(st.floats(min_value=low, max_value=high)) for _ in range(3))
        found |= triple(name, *three)
    # Whole teams of 2 or more, above the one retained FTE the scenarios may keep.
    found |= triple("headcount", *sorted(draw(st.integers(2, 100)) for _ in range(3)))
    return found


scenario = st.fixed_dictionaries(
    {
        "on_costs_pct": rate,
        "retained_fte": st.integers(min_value=0, max_value=1),
        "transport_per_year": st.floats(min_value=0, max_value=1e5),
        "exit_cost": st.floats(min_value=0, max_value=1e6),
        "ramp_months": st.integers(min_value=0, max_value=12),
        "horizon_years": st.integers(min_value=1, max_value=15),
        "seed": st.integers(min_value=0, max_value=999_999),
        "draws": st.just(1_000),
    }
)


@given(scenario, ranges())
@settings(max_examples=40, deadline=None)
def test_percentiles_are_ordered_and_the_histogram_holds_every_draw(
    inputs: dict[str, Any], spread: dict[str, float]
) -> None:
    v = values(inputs | spread)
    assert v["min"] <= v["p10"] <= v["p50"] <= v["p90"] <= v["max"]
    assert v["min"] <= v["mean"] <= v["max"]
    edges, counts = v["histogram"]["edges"], v["histogram"]["counts"]
    assert sum(counts) == 1_000 and len(edges) == len(counts) + 1
    assert edges[0] <= v["min"] and v["max"] <= edges[-1]
    if len(counts) > 1:  # one bin when every draw is equal; else bins of one unit or more
        assert all(high - low >= 1.0 for low, high in pairwise(edges))
    if v["max"] - v["min"] >= 28:  # at least 28 currency units: 20 to 30 round bins
        assert 20 <= len(counts) <= 30
        if v["min"] < 0 < v["max"]:
            assert 0.0 in edges
    # The loss probability is the share of draws below zero, so it sits between the
    # percentiles: P10 >= 0 means at most 10% of the draws lose money, and so on.
    if v["p10"] >= 0:
        assert v["loss_probability"] <= 0.10
    if v["p90"] < 0:
        assert v["loss_probability"] >= 0.90


@given(scenario, ranges())
@settings(max_examples=25, deadline=None)
def test_no_uncertainty_gives_the_savings_npv_in_every_draw(
    inputs: dict[str, Any], spread: dict[str, float]
) -> None:
    certain = inputs | {
        key: spread[f"{key.rsplit('_', 1)[0]}_likely"] for key in spread
    }  # low = likely = high
    parsed = FIELDSET.parse(certain)
    model = savings.Model.from_values(savings_values(parsed))
    expected, scale = monthly_npv(model)
    npvs = su.NpvFunction(model).many(
        su.draw(su.triples(parsed), su.distributions(parsed), inputs["seed"], 1_000)
    )
    assert npvs == pytest.approx([expected] * 1_000, rel=1e-9, abs=1e-9 * scale)
    v = values(certain)
    assert v["loss_probability"] in (0.0, 1.0)
    assert v["likely_npv"] == expected
    if abs(expected) > 1e-6 * scale:  # away from rounding noise around zero
        assert v["loss_probability"] == (1.0 if expected < 0 else 0.0)


@given(scenario, ranges())
@settings(max_examples=20, deadline=None)
def test_the_same_seed_gives_the_same_result(
    inputs: dict[str, Any], spread: dict[str, float]
) -> None:
    assert run(inputs | spread) == run(inputs | spread)


@given(scenario, ranges(), st.floats(min_value=1, max_value=20_000))
@settings(max_examples=40, deadline=None)
def test_a_dearer_vendor_never_lowers_the_chance_of_a_loss(
    inputs: dict[str, Any], spread: dict[str, float], rise: float
) -> None:
    cheaper = values(inputs | spread)
    dearer_price = {f"vendor_fte_price_{level}": spread[f"vendor_fte_price_{level}"] + rise
                    for level in LEVELS}  # fmt: skip
    dearer = values(inputs | spread | dearer_price)
    assert dearer["loss_probability"] >= cheaper["loss_probability"]
    assert dearer["p50"] <= cheaper["p50"]


@given(scenario, ranges())
@settings(max_examples=40, deadline=None)
def test_switching_value_of_the_price_is_the_savings_break_even_price(
    inputs: dict[str, Any], spread: dict[str, float]
) -> None:
    v = values(inputs | spread)
    savings_inputs = {k: inputs[k] for k in inputs if k not in ("seed", "draws")} | {
        name: spread[f"{name}_likely"] for name in NAMES
    }
    flip = calculators.run("savings", savings_inputs)["values"]["flip_price"]
    found = next(s for s in v["switching"] if s["input"] == "vendor_fte_price")["value"]
    if flip is None or flip > 1_000_000:  # beyond the field's range: reported as no flip
        assert found is None
    else:
        assert found == pytest.approx(flip, rel=1e-12)


@given(scenario, ranges())
@settings(max_examples=40, deadline=None)
def test_switching_values_bring_the_npv_to_zero(
    inputs: dict[str, Any], spread: dict[str, float]
) -> None:
    parsed = FIELDSET.parse(inputs | spread)
    model = savings.Model.from_values(savings_values(parsed))
    _, scale = monthly_npv(model)
    fast = su.NpvFunction(model)
    likely = [t[1] for t in su.triples(parsed)]
    for index, s in enumerate(values(inputs | spread)["switching"]):
        low, high = s["bounds"]
        at = [*likely]
        if s["value"] is None:
            # The NPV keeps one sign across the field's range (or only touches zero there).
            at_low = fast([*at[:index], low, *at[index + 1 :]])
            at_high = fast([*at[:index], high, *at[index + 1 :]])
            assert (at_low < 0) == (at_high < 0) or min(abs(at_low), abs(at_high)) < 1e-6 * scale
        else:
            assert low <= s["value"] <= high
            at[index] = s["value"]
            assert fast(at) == pytest.approx(0, abs=1e-6 * scale)


@given(scenario, ranges())
@settings(max_examples=25, deadline=None)
def test_tornado_is_sorted_by_swing_and_stays_inside_each_range(
    inputs: dict[str, Any], spread: dict[str, float]
) -> None:
    v = values(inputs | spread)
    swings = [s["swing"] for s in v["sensitivity"]]
    assert swings == sorted(swings, reverse=True)
    for s in v["sensitivity"]:
        # P10 and P90 lie inside the reader's range, in order. (They need not bracket the
        # likely value: with the likely value at the low end, the P10 is above it.)
        unit = 100.0 if s["input"] in PERCENT_INPUTS else 1.0
        low, high = (spread[f"{s['input']}_{level}"] / unit for level in ("low", "high"))
        slack = 1e-12 * max(1.0, abs(low), abs(high))
        assert low - slack <= s["p10"] <= s["p90"] <= high + slack


def test_a_different_seed_gives_different_draws() -> None:
    assert values({"seed": 1})["p50"] != values({"seed": 2})["p50"]


@given(st.floats(min_value=1e-6, max_value=1e12), st.integers(min_value=22, max_value=40))
def test_bin_width_is_round_and_fits(span: float, most: int) -> None:
    width = su.bin_width(span, most)
    assert width >= 1.0  # one currency unit at least
    assert span / width <= most - 2
    if span >= most - 2:  # never coarser than needed: ratio <= 4/3
        assert span / width > (most - 2) * 0.75 - 1e-9


def test_a_near_zero_range_does_not_make_bins_narrower_than_one_unit() -> None:
    """Issue 10 defect 7: NPVs spread over a fraction of a currency unit gave 26 bins that all
    read the same ("€1,207,457 to €1,207,457")."""
    npvs = sorted(1_207_457.0 + 0.01 * i / 999 for i in range(1_000))  # a span of 0.01
    bins = su.histogram(npvs)
    # One-unit bins from 1,207,457 to 1,207,458: a single bin holds all.
    assert bins.edges == [1_207_457.0, 1_207_458.0] and bins.counts == [1_000]
    spread = sorted(1_000.5 + 5.0 * i / 999 for i in range(1_000))  # 1,000.5 to 1,005.5
    assert su.histogram(spread).edges == [float(e) for e in range(1_000, 1_007)]


# --- Distributions ---------------------------------------------------------------------------

ALL_PERT = {f"{name}_distribution": "pert" for name in UNCERTAIN}


def test_pert_everywhere_moves_the_median_up() -> None:
    # The default ranges lean towards the costly side; PERT keeps more weight near the likely
    # values, so the median NPV rises (from about 957,000 to about 1,089,000).
    triangular, pert = values({}), values(ALL_PERT)
    assert triangular["p50"] == pytest.approx(957_000, rel=0.01)
    assert pert["p50"] == pytest.approx(1_089_000, rel=0.01)
    assert pert["likely_npv"] == triangular["likely_npv"]  # the likely case does not change


def test_choosing_pert_for_one_input_keeps_the_other_inputs_draws() -> None:
    parsed = FIELDSET.parse({})
    ranges, kinds = su.triples(parsed), su.distributions(parsed)
    before = su.draw(ranges, kinds, 5, 500)
    kinds[1] = "pert"
    after = su.draw(ranges, kinds, 5, 500)
    assert [d for i, d in enumerate(after) if i != 1] == [d for i, d in enumerate(before) if i != 1]
    assert after[1] != before[1]
    low, _, high = ranges[1]
    assert all(low <= x <= high for x in after[1])


def test_pert_tornado_uses_pert_quantiles() -> None:
    from calculators.savings_uncertainty.distributions import pert_quantile

    v = values({"transition_cost_distribution": "pert"})
    row = next(s for s in v["sensitivity"] if s["input"] == "transition_cost")
    assert row["p10"] == pytest.approx(pert_quantile(40_000, 60_000, 150_000, 0.1))
    assert row["p90"] == pytest.approx(pert_quantile(40_000, 60_000, 150_000, 0.9))
    # The NPV falls one for one with the transition cost.
    assert row["npv_p10"] - row["npv_p90"] == pytest.approx(row["p90"] - row["p10"])


# --- Team size, salary and discount rate --------------------------------------------------------


def test_uncertain_team_size_worked_by_hand() -> None:
    # The NPV is -10,000 + h (60,000 - 48,000) / 1.1 for a team of h: a straight line with a
    # slope of 12,000 / 1.1 per FTE. A triangle 1, 2, 3 has P10 = 1 + sqrt(0.2) and P90 =
    # 3 - sqrt(0.2), so the swing is 12,000 / 1.1 x (2 - 2 sqrt(0.2)) = 5,031.6.
    v = values(BARE | triple("headcount", 1, 2, 3))
    row = next(s for s in v["sensitivity"] if s["input"] == "headcount")
    assert row["p10"] == pytest.approx(1 + math.sqrt(0.2))
    assert row["swing"] == pytest.approx(12_000 / 1.1 * (2 - 2 * math.sqrt(0.2)))
    # Zero NPV at h = 10,000 x 1.1 / 12,000 = 0.917 FTE: inside the range 1 to 3? No, below it.
    switching = next(s for s in v["switching"] if s["input"] == "headcount")
    assert switching["value"] == pytest.approx(11_000 / 12_000)
    assert switching["inside_range"] is False
    # Every draw lies on the line, so the mean NPV is the line at the mean team size.
    assert v["min"] >= -10_000 + 12_000 / 1.1 - 1e-6
    assert v["max"] <= -10_000 + 36_000 / 1.1 + 1e-6


def test_uncertain_salary_and_discount_rate_switching_values_by_hand() -> None:
    salary = triple("salary", 50_000, 60_000, 70_000)
    rate = triple("discount_rate_pct", 5, 10, 25)
    v = values(BARE | salary | rate | fixed("transition_cost", 20_000))
    switching = {s["input"]: s for s in v["switching"]}
    # Salary s: -20,000 + (2 s - 96,000) / 1.1 = 0 gives s = (22,000 + 96,000) / 2 = 59,000.
    assert switching["salary"]["value"] == pytest.approx(59_000)
    assert switching["salary"]["inside_range"] is True
    # Discount rate r: 24,000 / (1 + r) = 20,000 gives r = 20%.
    assert switching["discount_rate_pct"]["value"] == pytest.approx(0.2, abs=1e-12)
    assert switching["discount_rate_pct"]["inside_range"] is True
    # The likely case stays the savings calculator's NPV: -20,000 + 24,000 / 1.1.
    assert v["likely_npv"] == pytest.approx(-20_000 + 24_000 / 1.1)


@given(scenario, ranges())
@settings(max_examples=40, deadline=None)
def test_fast_npv_at_each_level_is_the_savings_closed_form(
    inputs: dict[str, Any], spread: dict[str, float]
) -> None:
    # Built from the likely model, the NPV function gives at the low and at the high values
    # what the savings model's own closed form gives for the savings inputs at those levels
    # (the savings calculator's defaults filling in everything this calculator does not ask).
    parsed = FIELDSET.parse(inputs | spread)
    fast = su.NpvFunction(savings.Model.from_values(savings_values(parsed)))
    for index, level in enumerate(LEVELS):
        model = savings.Model.from_values(savings_values(parsed, level))
        _, scale = monthly_npv(model)
        point = [t[index] for t in su.triples(parsed)]
        assert fast(point) == pytest.approx(
            savings.closed_form_npv(model), rel=1e-9, abs=1e-9 * scale
        )


# --- Correlation -------------------------------------------------------------------------------


def test_correlation_between_escalation_and_wage_growth() -> None:
    # Wage growth raises the NPV and escalation lowers it, so tying them together narrows the
    # spread (their effects cancel in part), and tying them in opposite directions widens it.
    independent = values({})
    together = values({"rank_correlation": 0.9})
    opposite = values({"rank_correlation": -0.9})
    assert together["p90"] - together["p10"] < independent["p90"] - independent["p10"]
    assert opposite["p90"] - opposite["p10"] > independent["p90"] - independent["p10"]
    assert together["correlation"] == {
        "first": "escalation_pct", "second": "wage_growth_pct", "rank_correlation": 0.9,
    }  # fmt: skip
    # The one-at-a-time views do not change.
    assert together["sensitivity"] == independent["sensitivity"]
    assert together["switching"] == independent["switching"]


def test_simulated_inputs_reach_the_rank_correlation_asked_for() -> None:
    from calculators.savings_uncertainty.correlation import correlate, spearman

    parsed = FIELDSET.parse({"correlation_first": "vendor_fte_price",
                             "correlation_second": "ramp_dip_pct", "rank_correlation": 0.6,
                             "draws": 50_000})  # fmt: skip
    pair = su.correlation(parsed)
    columns = su.draw(su.triples(parsed), su.distributions(parsed), 2026, 50_000)
    moved = correlate(columns[pair.first], columns[pair.second], pair.spearman)
    assert spearman(columns[pair.first], moved) == pytest.approx(0.6, abs=0.02)


def test_a_correlation_needs_two_inputs() -> None:
    CLIENT.assert_only_error(
        {"correlation_first": "salary", "correlation_second": "salary", "rank_correlation": 0.5},
        "correlation_second",
        "other than the first",
    )
    # Without a correlation, the same input twice is harmless.
    assert values({"correlation_first": "salary", "correlation_second": "salary"})["p50"] > 0
