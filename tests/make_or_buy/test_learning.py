"""The learning curve on making: Wright's law worked by hand, its powers against the standard
library's, and what it does to the year-by-year view."""

from __future__ import annotations

import math
from typing import Any

import pytest
from calculator_client import CalculatorClient, figure
from hypothesis import given
from hypothesis import strategies as st

from calculators.make_or_buy import learning

CLIENT = CalculatorClient("make_or_buy")
run = CLIENT.run
values = CLIENT.values

STRAIGHT_LINE: dict[str, Any] = {"capital_rate_pct": 0}
WRIGHT: dict[str, Any] = {"learning": "wright"}


def test_year_factors_worked_by_hand() -> None:
    # 80%: b = log2(0.8) = -0.321928, 1 + b = 0.678072. The first two years' units cost
    # 2^0.678072 = 2 x 0.8 = 1.6 first years together, so year 2 costs 0.6 of year 1.
    # Year 3: 3^0.678072 = 3 x 0.8^1.584963 = 3 x 0.702104 = 2.106311, less 1.6 = 0.506311.
    # Year 4: 4 x 0.8^2 = 2.56, less 2.106311 = 0.453689.
    assert learning.year_factors(0.8, 4) == pytest.approx([1, 0.6, 0.506311, 0.453689], abs=1e-6)
    # 90%: year 2 costs 2 x 0.9 - 1 = 0.8 of year 1. No learning: every year the same.
    assert learning.year_factors(0.9, 2) == pytest.approx([1, 0.8])
    assert learning.year_factors(1.0, 30) == [1.0] * 30


@pytest.mark.parametrize("rate", [0.6, 0.8, 0.85, 0.95])
def test_each_doubling_brings_the_average_down_to_the_learning_rate(rate: float) -> None:
    # Wright's law itself: the average over the first 2^j years' units is rate^j of year 1's.
    factors = learning.year_factors(rate, 16)
    for j in range(5):
        n = 2**j
        assert math.fsum(factors[:n]) / n == pytest.approx(rate**j, rel=1e-12)


@given(st.floats(min_value=1e-300, max_value=1e300))
def test_the_logarithm_agrees_with_the_standard_librarys(x: float) -> None:
    assert learning.ln(x) == pytest.approx(math.log(x), rel=1e-14, abs=1e-15)


@given(st.floats(min_value=-30, max_value=30))
def test_the_exponential_agrees_with_the_standard_librarys(y: float) -> None:
    assert learning.exp(y) == pytest.approx(math.exp(y), rel=1e-14)


@given(st.floats(min_value=0.6, max_value=1.0), st.integers(min_value=1, max_value=30))
def test_the_powers_agree_with_the_standard_librarys(rate: float, years: int) -> None:
    expected = years ** (1 + math.log2(rate))
    assert learning.cumulative(rate, years) == pytest.approx(expected, rel=1e-13)


def test_learning_worked_through_the_calculator() -> None:
    result = run(STRAIGHT_LINE | WRIGHT | {"horizon_years": 2})
    v = result["values"]
    # Year 1 as entered: 40,000 + 62,000 + 264,000 = 366,000. Year 2: the variable cost falls
    # to 0.6 x 264,000 = 158,400, so 260,400. Buying 345,600 both years.
    assert [y["make"] for y in v["by_year"]] == pytest.approx([366_000, 260_400])
    assert v["horizon_make_pv"] == pytest.approx(626_400)
    assert v["horizon_buy_pv"] == pytest.approx(691_200)
    # The first year is unchanged, so is everything the single-year view shows.
    assert v["make_total"] == pytest.approx(366_000)
    assert result["verdict"]["text"] == (
        "Buying is cheaper by €20,400 a year at 24,000 units a year. Over 2 years, discounted "
        "at the cost of capital, making is cheaper by €64,800."
    )
    note = figure(result, "cheaper")["note"]
    assert note == "Comparing the first year's totals at 24,000 units a year."


def test_only_the_share_that_learns_falls() -> None:
    v = values(STRAIGHT_LINE | WRIGHT | {"horizon_years": 2, "learning_share_pct": 50})
    # Year 2: 264,000 x (0.5 x 0.6 + 0.5) = 211,200, plus 102,000 fixed = 313,200.
    assert v["by_year"][1]["make"] == pytest.approx(313_200)
    # With escalation too: the running cost of year 2 grows by 10%: 40,000 + 1.1 x 273,200.
    v = values(STRAIGHT_LINE | WRIGHT | {"horizon_years": 2, "learning_share_pct": 50,
                                         "make_escalation_pct": 10})  # fmt: skip
    assert v["by_year"][1]["make"] == pytest.approx(40_000 + 1.1 * 273_200)


def test_off_by_default_and_a_rate_alone_changes_nothing() -> None:
    assert values({"learning_rate_pct": 60}) == values()
    assert values(WRIGHT | {"learning_rate_pct": 100}) == values()
    assert values(WRIGHT | {"learning_share_pct": 0}) == values()
    assert figure(run(), "cheaper")["note"] == "Comparing the yearly totals at 24,000 units a year."


@given(st.floats(min_value=60, max_value=100), st.floats(min_value=60, max_value=100),
       st.floats(min_value=0, max_value=100), st.integers(min_value=1, max_value=30))  # fmt: skip
def test_faster_learning_never_makes_making_dearer(
    a: float, b: float, share: float, years: int
) -> None:
    common = WRIGHT | {"learning_share_pct": share, "horizon_years": years}
    slow = values(common | {"learning_rate_pct": max(a, b)})
    fast = values(common | {"learning_rate_pct": min(a, b)})
    assert fast["horizon_make_pv"] <= slow["horizon_make_pv"] * (1 + 1e-12)
    assert slow["horizon_make_pv"] <= values({"horizon_years": years})["horizon_make_pv"] * (
        1 + 1e-12
    )
    assert fast["horizon_buy_pv"] == slow["horizon_buy_pv"]
    assert all(y["make"] > 0 for y in fast["by_year"])
