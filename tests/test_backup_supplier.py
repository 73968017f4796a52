"""The backup-supplier model: hand-checked reference values, invariants, and bad input."""

from __future__ import annotations

from typing import Any

import pytest
from calculator_client import CalculatorClient, figure
from hypothesis import assume, given
from hypothesis import strategies as st

import calculators

ID = "backup_supplier"
CLIENT = CalculatorClient(ID)
run = CLIENT.run
values = CLIENT.values
errors_for = CLIENT.errors_for


# --- Reference values, worked by hand ---------------------------------------------------------


def test_defaults_worked_by_hand() -> None:
    v = values()
    # Without a backup: 12 weeks x 40,000 + 80,000 expediting and penalties = 560,000.
    assert v["loss_without"] == pytest.approx(560_000)
    # With one: 3 weeks x 40,000 + 80,000 x 3/12 = 120,000 + 20,000 = 140,000.
    assert v["loss_with"] == pytest.approx(140_000)
    # 15% chance: 0.15 x 560,000 = 84,000 against 0.15 x 140,000 + 50,000 = 71,000.
    assert v["expected_without"] == pytest.approx(84_000)
    assert v["expected_with"] == pytest.approx(71_000)
    assert v["net_value"] == pytest.approx(13_000)
    assert v["backup_pays"] is True
    # Break-even: 50,000 / (560,000 - 140,000) = 11.905%.
    assert v["break_even_pct"] == pytest.approx(100 * 50_000 / 420_000)


def test_defaults_read_as_text() -> None:
    result = run()
    assert figure(result, "net_value")["text"] == "€13,000"
    assert figure(result, "break_even")["text"] == "11.9%"
    # 1 / 0.11905 = 8.4 years between disruptions.
    assert "once in 8.4 years" in figure(result, "break_even")["note"]
    rows = {r["cells"][0]: r["cells"][1:] for r in result["tables"][0]["rows"]}
    assert rows["Weeks short per disruption"] == ["12 weeks", "3 weeks"]
    assert rows["Expected cost per year"] == ["€84,000", "€71,000"]


def test_second_reference() -> None:
    v = values(
        {"disruption_pct": 20, "recovery_weeks": 10, "switch_weeks": 2, "weekly_margin": 5_000,
         "disruption_costs": 10_000, "backup_cost": 8_000}
    )  # fmt: skip
    # Per disruption: 10 x 5,000 + 10,000 = 60,000; 2 x 5,000 + 10,000 x 2/10 = 12,000.
    assert v["loss_without"] == pytest.approx(60_000)
    assert v["loss_with"] == pytest.approx(12_000)
    # Per year: 0.2 x 60,000 = 12,000; 0.2 x 12,000 + 8,000 = 10,400; value 1,600.
    assert v["expected_without"] == pytest.approx(12_000)
    assert v["expected_with"] == pytest.approx(10_400)
    assert v["net_value"] == pytest.approx(1_600)
    # 8,000 / 48,000 = 16.67%.
    assert v["break_even_pct"] == pytest.approx(100 / 6)


def test_charts_compare_the_two_costs_and_mark_the_break_even() -> None:
    bars, line = run()["charts"]
    assert bars["kind"] == "bars"
    assert [(b["end"], b["tone"]) for b in bars["bars"]] == [(84_000, "bad"), (71_000, "good")]
    without, with_backup = line["series"]
    assert without["x"] == list(range(0, 101, 5))
    assert without["y"][0] == 0 and without["y"][-1] == pytest.approx(560_000)
    assert with_backup["y"][0] == pytest.approx(50_000)
    assert with_backup["y"][-1] == pytest.approx(190_000)  # 140,000 + 50,000
    assert line["marker"]["x"] == pytest.approx(100 * 50_000 / 420_000)
    assert line["marker"]["label"] == "Break-even: 11.9%"
    html = calculators.render(run())
    assert html.count("<polyline") == 2 and html.count('class="calc-bar ') == 2


def test_a_backup_that_switches_no_faster_never_pays() -> None:
    result = run({"switch_weeks": 12})
    v = result["values"]
    assert v["loss_with"] == pytest.approx(v["loss_without"])
    assert v["break_even_pct"] is None
    assert v["net_value"] == pytest.approx(-50_000)
    assert figure(result, "break_even")["text"] == "never"
    assert result["charts"][1]["marker"]["x"] is None


def test_break_even_above_certainty_is_never() -> None:
    result = run({"backup_cost": 2_000_000})
    # 2,000,000 / 420,000 = 476% a year: not a probability.
    assert result["values"]["break_even_pct"] == pytest.approx(100 * 2_000_000 / 420_000)
    assert figure(result, "break_even")["value"] is None
    assert figure(result, "break_even")["text"] == "never"
    assert "Even a disruption every year" in figure(result, "break_even")["note"]
    assert result["charts"][1]["marker"]["x"] is None


def test_a_free_backup_pays_at_any_chance() -> None:
    v = values({"backup_cost": 0})
    assert v["break_even_pct"] == 0
    assert v["net_value"] == pytest.approx(0.15 * 420_000)


def test_no_weeks_lost_means_nothing_to_save() -> None:
    v = values({"recovery_weeks": 0, "switch_weeks": 0})
    assert v["loss_without"] == v["loss_with"] == pytest.approx(80_000)
    assert v["break_even_pct"] is None


def test_finnish_locale_formats_numbers() -> None:
    result = calculators.run(ID, {"currency": "NOK"}, "fi")
    assert figure(result, "expected_with")["text"] == "71\u00a0000\u00a0kr"
    assert figure(result, "break_even")["text"] == "11,9\u00a0%"


# --- Properties -------------------------------------------------------------------------------

# Zero or a realistic size: a form takes cents, tenths of a week and thousandths of a percent,
# never 5e-324, whose products underflow to zero.
money = st.just(0.0) | st.floats(min_value=0.01, max_value=1e8)
weeks = st.just(0.0) | st.floats(min_value=0.1, max_value=104)
percent = st.just(0.0) | st.floats(min_value=0.001, max_value=100)


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    recovery = draw(weeks)
    return {
        "disruption_pct": draw(percent),
        "recovery_weeks": recovery,
        "switch_weeks": draw(st.floats(min_value=0, max_value=recovery)),
        "weekly_margin": draw(money),
        "disruption_costs": draw(money),
        "backup_cost": draw(money),
    }


@given(scenarios(), st.floats(min_value=0, max_value=1))
def test_expected_costs_are_equal_at_the_break_even_probability(
    inputs: dict[str, Any], share: float
) -> None:
    # Price the backup at a share of the loss it avoids in a certain disruption, so that the
    # break-even probability is a real one (at most 100%) instead of filtering for it.
    certain = values(inputs | {"disruption_pct": 100, "backup_cost": 0})
    avoided = certain["expected_without"] - certain["expected_with"]
    assume(avoided > 0)
    inputs = inputs | {"backup_cost": min(share * avoided, 1e10)}  # the field's maximum
    break_even = values(inputs)["break_even_pct"]
    assert break_even is not None and break_even <= 100 + 1e-9
    break_even = min(break_even, 100.0)
    at = values(inputs | {"disruption_pct": break_even})
    scale = max(1.0, at["expected_without"], at["expected_with"])
    assert at["expected_without"] == pytest.approx(at["expected_with"], abs=1e-9 * scale)
    assert at["net_value"] == pytest.approx(0, abs=1e-9 * scale)


@given(scenarios(), percent, percent)
def test_expected_losses_never_fall_as_the_probability_rises(
    inputs: dict[str, Any], a: float, b: float
) -> None:
    low = values(inputs | {"disruption_pct": min(a, b)})
    high = values(inputs | {"disruption_pct": max(a, b)})
    assert high["expected_without"] >= low["expected_without"]
    assert high["expected_with"] >= low["expected_with"]
    assert high["net_value"] >= low["net_value"]  # the backup is worth more, never less


@given(scenarios())
def test_the_backup_pays_exactly_above_the_break_even(inputs: dict[str, Any]) -> None:
    v = values(inputs)
    break_even = v["break_even_pct"]
    scale = max(1.0, v["expected_without"], v["expected_with"])
    if break_even is None:
        assert v["net_value"] <= 1e-9 * scale
    elif inputs["disruption_pct"] > break_even * (1 + 1e-9):
        assert v["net_value"] > 0
    elif inputs["disruption_pct"] < break_even * (1 - 1e-9):
        assert v["net_value"] < 0


@given(scenarios(), st.floats(min_value=0, max_value=1))
def test_a_faster_switch_never_lowers_the_backups_value(
    inputs: dict[str, Any], share: float
) -> None:
    faster = values(inputs | {"switch_weeks": inputs["switch_weeks"] * share})
    assert faster["net_value"] >= values(inputs)["net_value"] - 1e-9 * max(
        1.0, faster["expected_without"]
    )


# --- Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("inputs", "field", "expected"),
    [
        ({"disruption_pct": "often"}, "disruption_pct", "Enter a number"),
        ({"weekly_margin": [1]}, "weekly_margin", "Enter a number"),
        ({"backup_cost": "NaN"}, "backup_cost", "finite number"),
        ({"disruption_costs": "-inf"}, "disruption_costs", "finite number"),
        ({"recovery_weeks": " "}, "recovery_weeks", "Enter a value"),
        ({"disruption_pct": 101}, "disruption_pct", "at most 100"),
        ({"disruption_pct": -1}, "disruption_pct", "at least 0"),
        ({"recovery_weeks": 105}, "recovery_weeks", "at most 104"),
        ({"switch_weeks": -0.5}, "switch_weeks", "at least 0"),
        ({"currency": "DOGE"}, "currency", "Choose one of"),
        ({"probability": 10}, "probability", "no field named 'probability'"),
    ],
)
def test_each_bad_value_gets_a_message_on_its_field(
    inputs: dict[str, Any], field: str, expected: str
) -> None:
    CLIENT.assert_only_error(inputs, field, expected)


def test_switching_cannot_take_longer_than_recovering() -> None:
    errors = errors_for({"recovery_weeks": 4, "switch_weeks": 6.5})
    assert errors == {
        "switch_weeks": "Switching to the backup (6.5 weeks) cannot take longer than "
        "recovering without one (4 weeks)."
    }
    assert values({"recovery_weeks": 4, "switch_weeks": 4})["break_even_pct"] is None


def test_all_errors_are_reported_at_once() -> None:
    errors = errors_for({"disruption_pct": "x", "weekly_margin": "inf", "bogus": 1})
    assert set(errors) == {"disruption_pct", "weekly_margin", "bogus"}
