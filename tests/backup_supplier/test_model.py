"""The backup-supplier model: hand-checked reference values and properties that must always
hold."""

from __future__ import annotations

import math
from typing import Any

import pytest
from calculator_client import CalculatorClient
from hypothesis import assume, given
from hypothesis import strategies as st

CLIENT = CalculatorClient("backup_supplier")
values = CLIENT.values
errors_for = CLIENT.errors_for


# --- Reference values, worked by hand -----------------------------------------------------


def test_defaults_worked_by_hand() -> None:
    v = values()
    # Without a backup: 12 weeks x 40,000 + 80,000 expediting and penalties = 560,000.
    assert v["loss_without"] == pytest.approx(560_000)
    # With one: 3 weeks x 40,000 + 80,000 x 3/12 = 120,000 + 20,000 = 140,000.
    assert v["loss_with"] == pytest.approx(140_000)
    # 0.15 disruptions a year: 0.15 x 560,000 = 84,000 against 0.15 x 140,000 + 50,000 = 71,000.
    assert v["expected_without"] == pytest.approx(84_000)
    assert v["expected_with"] == pytest.approx(71_000)
    assert v["net_value"] == pytest.approx(13_000)
    assert v["backup_pays"] is True
    # Break-even: 50,000 / (560,000 - 140,000) = 0.119 a year, a chance of at least one
    # disruption in a year of 1 - e^-0.119 = 11.22%; at 0.15 a year, 1 - e^-0.15 = 13.93%.
    assert v["break_even_rate"] == pytest.approx(50_000 / 420_000)
    assert v["break_even_chance_pct"] == pytest.approx(11.2234, abs=1e-4)
    assert v["chance_pct"] == pytest.approx(13.9292, abs=1e-4)


def test_second_reference() -> None:
    v = values(
        {"disruptions_per_year": 0.2, "recovery_weeks": 10, "switch_weeks": 2,
         "weekly_margin": 5_000, "disruption_costs": 10_000, "backup_cost": 8_000}
    )  # fmt: skip
    # Per disruption: 10 x 5,000 + 10,000 = 60,000; 2 x 5,000 + 10,000 x 2/10 = 12,000.
    assert v["loss_without"] == pytest.approx(60_000)
    assert v["loss_with"] == pytest.approx(12_000)
    # Per year: 0.2 x 60,000 = 12,000; 0.2 x 12,000 + 8,000 = 10,400; value 1,600.
    assert v["expected_without"] == pytest.approx(12_000)
    assert v["expected_with"] == pytest.approx(10_400)
    assert v["net_value"] == pytest.approx(1_600)
    # 8,000 / 48,000 = 0.1667 a year.
    assert v["break_even_rate"] == pytest.approx(1 / 6)


def test_a_free_backup_pays_at_any_rate() -> None:
    v = values({"backup_cost": 0})
    assert v["break_even_rate"] == 0
    assert v["net_value"] == pytest.approx(0.15 * 420_000)


def test_no_weeks_lost_means_nothing_to_save() -> None:
    v = values({"recovery_weeks": 0, "switch_weeks": 0})
    assert v["loss_without"] == v["loss_with"] == pytest.approx(80_000)
    assert v["break_even_rate"] is None


def test_a_backup_that_takes_half_the_volume() -> None:
    v = values({"backup_share_pct": 50})
    # Short: 3 weeks in full, then half of the remaining 9 weeks: 3 + 0.5 x 9 = 7.5 weeks.
    # Margin 7.5 x 40,000 = 300,000; expediting 80,000 x 7.5/12 = 50,000.
    assert v["loss_with"] == pytest.approx(350_000)
    assert v["expected_with"] == pytest.approx(0.15 * 350_000 + 50_000)  # 102,500
    assert v["net_value"] == pytest.approx(-18_500)  # 0.15 x 210,000 - 50,000
    assert v["break_even_rate"] == pytest.approx(50_000 / 210_000)  # 0.238 a year


def test_a_backup_that_takes_nothing_saves_nothing() -> None:
    v = values({"backup_share_pct": 0})
    assert v["loss_with"] == pytest.approx(v["loss_without"])
    assert v["break_even_rate"] is None


def test_the_premium_while_the_backup_supplies() -> None:
    v = values({"premium_pct": 25, "backup_share_pct": 80})
    # Short: 3 + 0.2 x 9 = 4.8 weeks: margin 192,000, expediting 80,000 x 4.8/12 = 32,000.
    # Premium: 0.25 x 60,000 a week x 80% of the volume x 9 weeks on the backup = 108,000.
    assert v["premium_cost"] == pytest.approx(108_000)
    assert v["loss_with"] == pytest.approx(192_000 + 32_000 + 108_000)  # 332,000
    # 0.15 x (560,000 - 332,000) - 50,000 = -15,800.
    assert v["net_value"] == pytest.approx(-15_800)
    assert v["break_even_rate"] == pytest.approx(50_000 / 228_000)


def test_a_premium_can_outweigh_the_saving() -> None:
    # 3 weeks short, then 9 weeks on the backup at 100% more: 540,000 in premium, more than
    # the 420,000 of lost margin and penalties it avoids.
    v = values({"premium_pct": 100})
    assert v["loss_with"] == pytest.approx(140_000 + 540_000)
    assert v["break_even_rate"] is None


def test_qualification_spread_over_the_years_kept() -> None:
    v = values({"qualification_cost": 120_000, "qualification_years": 4})
    # 50,000 a year + 120,000 / 4 = 80,000 a year for the backup itself.
    assert v["yearly_cost"] == pytest.approx(80_000)
    assert v["expected_with"] == pytest.approx(0.15 * 140_000 + 80_000)  # 101,000
    assert v["net_value"] == pytest.approx(0.15 * 420_000 - 80_000)  # -17,000
    assert v["break_even_rate"] == pytest.approx(80_000 / 420_000)  # 0.190 a year


def test_qualification_kept_one_year_counts_in_full() -> None:
    v = values({"qualification_cost": 30_000, "qualification_years": 1, "backup_cost": 0})
    assert v["yearly_cost"] == pytest.approx(30_000)
    assert v["break_even_rate"] == pytest.approx(30_000 / 420_000)


def test_more_than_one_disruption_a_year() -> None:
    v = values({"disruptions_per_year": 2.5, "recovery_weeks": 12})
    # 2.5 x 560,000 = 1,400,000 against 2.5 x 140,000 + 50,000 = 400,000.
    assert v["expected_without"] == pytest.approx(1_400_000)
    assert v["expected_with"] == pytest.approx(400_000)
    assert v["net_value"] == pytest.approx(1_000_000)
    assert v["chance_pct"] == pytest.approx(100 * (1 - math.exp(-2.5)))  # 91.79%


def test_a_break_even_above_one_a_year() -> None:
    v = values({"backup_cost": 1_260_000})
    # 1,260,000 / 420,000 = 3 a year; 1 - e^-3 = 95.02%.
    assert v["break_even_rate"] == pytest.approx(3)
    assert v["break_even_chance_pct"] == pytest.approx(100 * (1 - math.exp(-3)))


def test_a_break_even_beyond_the_range_has_no_chance() -> None:
    v = values({"backup_cost": 1e10})
    assert v["break_even_rate"] == pytest.approx(1e10 / 420_000)
    assert v["break_even_chance_pct"] is None


def test_a_bad_year_at_the_defaults() -> None:
    v = values()
    # Poisson(0.15): P(0) = e^-0.15 = 0.8607 < 0.95; P(<= 1) = 0.8607 x 1.15 = 0.9898 >= 0.95.
    assert v["bad_year_count"] == 1
    assert v["bad_year_without"] == pytest.approx(560_000)
    assert v["bad_year_with"] == pytest.approx(140_000 + 50_000)
    assert v["bad_year_value"] == pytest.approx(370_000)


@pytest.mark.parametrize(
    ("pct", "count"),
    [(85, 0), (86, 0), (87, 1), (95, 1), (98.9, 1), (99, 2), (99.9, 2)],
)
def test_the_bad_years_count_by_hand(pct: float, count: int) -> None:
    # P(0) = 0.86071, P(<= 1) = 0.98981, P(<= 2) = 0.99950 at 0.15 a year.
    assert values({"bad_year_pct": pct})["bad_year_count"] == count


def test_no_disruption_in_a_bad_year_leaves_only_the_cost() -> None:
    v = values({"disruptions_per_year": 0.05})  # P(0) = e^-0.05 = 0.9512 >= 0.95
    assert v["bad_year_count"] == 0
    assert v["bad_year_value"] == pytest.approx(-50_000)


def test_a_bad_year_at_several_a_year() -> None:
    # Poisson(2): P(<= 4) = e^-2 (1 + 2 + 2 + 4/3 + 2/3) = 7e^-2 = 0.9473; P(<= 5) = 0.9834.
    v = values({"disruptions_per_year": 2})
    assert v["bad_year_count"] == 5
    assert v["bad_year_without"] == pytest.approx(5 * 560_000)


# --- Properties -------------------------------------------------------------------------------

# Zero or a realistic size: a form takes cents, tenths of a week and thousandths of a percent,
# never 5e-324, whose products underflow to zero. At most 52 weeks to recover, so that one
# disruption a year is always allowed.
money = st.just(0.0) | st.floats(min_value=0.01, max_value=1e8)
weeks = st.just(0.0) | st.floats(min_value=0.1, max_value=52)
percent = st.just(0.0) | st.floats(min_value=0.001, max_value=100)
share = st.just(0.0) | st.floats(min_value=0.0001, max_value=1)


def max_rate(inputs: dict[str, Any]) -> float:
    """The highest rate the fields allow: 12 a year, and at most 52 weeks short a year."""
    recovery = inputs["recovery_weeks"]
    return 12.0 if recovery == 0 else min(12.0, 52.0 / recovery)


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    recovery = draw(weeks)
    inputs = {"recovery_weeks": recovery}
    return inputs | {
        "disruptions_per_year": draw(share) * max_rate(inputs),
        "switch_weeks": draw(st.floats(min_value=0, max_value=recovery)),
        "backup_share_pct": draw(st.floats(min_value=1, max_value=100)),
        "weekly_margin": draw(money),
        "weekly_purchases": draw(money),
        "premium_pct": draw(st.just(0.0) | st.floats(min_value=0.001, max_value=20)),
        "disruption_costs": draw(money),
        "backup_cost": draw(money),
        "qualification_cost": draw(money),
        "qualification_years": draw(st.integers(min_value=1, max_value=30)),
        "bad_year_pct": draw(st.floats(min_value=50, max_value=99.9)),
    }


@given(scenarios(), st.floats(min_value=0, max_value=1))
def test_expected_costs_are_equal_at_the_break_even_rate(
    inputs: dict[str, Any], share: float
) -> None:
    # Price the backup at a share of the loss it avoids in one disruption, so that the
    # break-even rate is at most one a year (always allowed) instead of filtering for it.
    certain = values(inputs | {"disruptions_per_year": 1, "backup_cost": 0})
    avoided = certain["expected_without"] - certain["expected_with"]
    assume(avoided > 0)
    inputs = inputs | {"backup_cost": min(share * avoided, 1e10), "qualification_cost": 0}
    break_even = values(inputs)["break_even_rate"]
    assert break_even is not None and break_even <= 1 + 1e-9
    break_even = min(break_even, 1.0)
    at = values(inputs | {"disruptions_per_year": break_even})
    scale = max(1.0, at["expected_without"], at["expected_with"])
    assert at["expected_without"] == pytest.approx(at["expected_with"], abs=1e-9 * scale)
    assert at["net_value"] == pytest.approx(0, abs=1e-9 * scale)


@given(scenarios(), share, share)
def test_expected_losses_never_fall_as_the_rate_rises(
    inputs: dict[str, Any], a: float, b: float
) -> None:
    low = values(inputs | {"disruptions_per_year": min(a, b) * max_rate(inputs)})
    high = values(inputs | {"disruptions_per_year": max(a, b) * max_rate(inputs)})
    assert high["expected_without"] >= low["expected_without"]
    assert high["expected_with"] >= low["expected_with"]
    # The backup is worth more, never less, unless its premium makes a disruption dearer.
    if high["loss_with"] <= high["loss_without"]:
        assert high["net_value"] >= low["net_value"]
    else:
        assert high["net_value"] <= low["net_value"]


@given(scenarios())
def test_the_backup_pays_exactly_above_the_break_even(inputs: dict[str, Any]) -> None:
    v = values(inputs)
    break_even = v["break_even_rate"]
    scale = max(1.0, v["expected_without"], v["expected_with"])
    if break_even is None:
        assert v["net_value"] <= 1e-9 * scale
    elif inputs["disruptions_per_year"] > break_even * (1 + 1e-9):
        assert v["net_value"] > 0
    elif inputs["disruptions_per_year"] < break_even * (1 - 1e-9):
        assert v["net_value"] < 0


@given(scenarios(), st.floats(min_value=0, max_value=1))
def test_a_faster_switch_never_lowers_the_backups_value(
    inputs: dict[str, Any], share: float
) -> None:
    # Without a premium (with one, a faster switch also means more weeks at the premium).
    inputs = inputs | {"premium_pct": 0}
    faster = values(inputs | {"switch_weeks": inputs["switch_weeks"] * share})
    assert faster["net_value"] >= values(inputs)["net_value"] - 1e-9 * max(
        1.0, faster["expected_without"]
    )


@given(scenarios(), percent, percent)
def test_a_larger_share_never_lowers_the_backups_value(
    inputs: dict[str, Any], a: float, b: float
) -> None:
    # Without a premium (with one, a larger share also means more volume at the premium).
    inputs = inputs | {"premium_pct": 0}
    low = values(inputs | {"backup_share_pct": min(a, b)})
    high = values(inputs | {"backup_share_pct": max(a, b)})
    assert high["net_value"] >= low["net_value"] - 1e-9 * max(1.0, high["expected_without"])


@given(scenarios(), st.floats(min_value=0, max_value=500), st.floats(min_value=0, max_value=500))
def test_a_higher_premium_never_raises_the_backups_value(
    inputs: dict[str, Any], a: float, b: float
) -> None:
    low = values(inputs | {"premium_pct": min(a, b)})
    high = values(inputs | {"premium_pct": max(a, b)})
    assert high["net_value"] <= low["net_value"] + 1e-9 * max(1.0, high["expected_with"])


@given(scenarios())
def test_the_bad_year_count_is_the_poisson_percentile(inputs: dict[str, Any]) -> None:
    # Oracle: the distribution function from math.exp and math.factorial, term by term.
    v = values(inputs)
    rate, level, k = (
        inputs["disruptions_per_year"],
        inputs["bad_year_pct"] / 100,
        v["bad_year_count"],
    )

    def cdf(n: int) -> float:
        return math.exp(-rate) * math.fsum(rate**i / math.factorial(i) for i in range(n + 1))

    assert cdf(k) >= level - 1e-12
    assert k == 0 or cdf(k - 1) < level + 1e-12
    assert v["bad_year_without"] == pytest.approx(k * v["loss_without"])


# --- Cross-field checks ----------------------------------------------------------------------


def test_switching_cannot_take_longer_than_recovering() -> None:
    errors = errors_for({"recovery_weeks": 4, "switch_weeks": 6.5})
    assert errors == {
        "switch_weeks": "Switching to the backup (6.5 weeks) cannot take longer than "
        "recovering without one (4 weeks)."
    }
    assert values({"recovery_weeks": 4, "switch_weeks": 4})["break_even_rate"] is None


def test_all_errors_are_reported_at_once() -> None:
    errors = errors_for({"disruptions_per_year": "x", "weekly_margin": "inf", "bogus": 1})
    assert set(errors) == {"disruptions_per_year", "weekly_margin", "bogus"}


def test_supply_cannot_be_short_for_more_than_a_year() -> None:
    errors = errors_for({"disruptions_per_year": 4.5, "recovery_weeks": 12})
    assert errors == {
        "disruptions_per_year": "At 4.5 disruptions a year of 12 weeks each, supply would be "
        "short for more than a year on average: lower the rate or the weeks to recover."
    }
    # 4 x 13 = 52 weeks: exactly a year is allowed.
    assert values({"disruptions_per_year": 4, "recovery_weeks": 13})["net_value"] > 0
