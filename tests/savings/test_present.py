"""The savings result as readers see it: the verdict, tones, and figures that agree."""

from __future__ import annotations

from typing import Any

import pytest

import calculators
from calculators.__main__ import main

NO_ONE_OFF = {"transition_cost": 0, "contract_cost": 0, "ramp_months": 0}
LOSING = {"vendor_fte_price": 9_000, "transition_cost": 250_000, "exit_cost": 150_000}


def run(inputs: dict[str, Any]) -> dict[str, Any]:
    return calculators.run("savings", inputs)


def figure(result: dict[str, Any], figure_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(f for f in result["figures"] if f["id"] == figure_id)
    return found


def test_the_verdict_of_the_defaults() -> None:
    verdict = run({})["verdict"]
    assert verdict == {
        "text": "Outsourcing saves €1.55 million over 5 years and pays back in month 6.",
        "tone": "good",
    }


def test_a_losing_case_reads_as_a_loss_and_no_note_claims_savings() -> None:
    result = run(LOSING)
    assert result["verdict"]["tone"] == "bad"
    assert result["verdict"]["text"].startswith("Outsourcing costs €1.49 million more")
    assert figure(result, "savings")["tone"] == "bad"
    payback = figure(result, "payback_month")
    assert payback["tone"] == "bad"
    assert payback["note"] == "Cumulative savings never stay above the one-off costs."


def test_payback_from_the_start_is_marked_on_the_chart() -> None:
    # Month 0 used to count as "no payback": the chart said "No break-even within the horizon".
    result = run(NO_ONE_OFF)
    assert figure(result, "payback_month")["text"] == "from the start"
    marker = result["charts"][0]["marker"]
    assert marker == {"x": 0, "label": "Break-even from the start"}
    assert "from the start" in result["verdict"]["text"]


def test_a_break_even_price_above_the_field_maximum_is_beyond_the_range() -> None:
    inputs = {"headcount": 10_000, "salary": 10_000_000, "retained_fte": 0,
              "vendor_fte_price": 0} | NO_ONE_OFF  # fmt: skip
    result = run(inputs)
    assert result["values"]["flip_price"] > 1_000_000  # the field's maximum
    assert figure(result, "flip_price")["text"] == "beyond the range this calculator models"


def test_two_or_three_headline_figures() -> None:
    assert 2 <= sum(f["headline"] for f in run({})["figures"]) <= 3


def test_per_unit_fields_apply_only_to_per_unit_pricing() -> None:
    fields = {f["name"]: f for f in calculators.catalog()[0]["fields"]}
    assert fields["unit_price"]["applies_when"] == {
        "field": "pricing",
        "values": ["unit"],
        "hide": False,
    }
    assert fields["units_per_year"]["applies_when"] == {
        "field": "pricing",
        "values": ["unit"],
        "hide": False,
    }
    assert fields["vendor_fte_price"]["applies_when"] == {
        "field": "pricing",
        "values": ["fte"],
        "hide": False,
    }
    assert fields["headcount"]["applies_when"] is None


def test_the_command_line_notes_a_field_that_does_not_apply(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["savings", "--unit-price", "3"]) == 0
    assert "--unit-price does not apply" in capsys.readouterr().err
    assert main(["savings", "--pricing", "unit", "--unit-price", "3"]) == 0
    assert "does not apply" not in capsys.readouterr().err


def test_an_exit_that_turns_the_last_year_negative_leaves_no_single_irr() -> None:
    result = run({"exit_cost": 2_000_000})
    irr = figure(result, "irr")
    assert result["values"]["irr"] is None
    assert irr["text"] == "n/a"
    assert irr["tone"] == "neutral"
    assert "exactly once" in irr["note"]


def test_the_irr_reads_good_above_the_discount_rate_and_bad_below() -> None:
    assert figure(run({}), "irr")["text"] == "342%"
    assert figure(run({}), "irr")["tone"] == "good"
    # A vendor price that leaves the NPV just below zero: the IRR is below the 8% rate.
    flip = run({})["values"]["flip_price"]
    below = run({"vendor_fte_price": round(flip + 5)})
    assert below["values"]["irr"] < 0.08
    assert figure(below, "irr")["tone"] == "bad"


def test_the_profitability_index_is_a_plain_ratio() -> None:
    shown = figure(run({}), "profitability_index")
    assert shown["text"] == "16.09"
    assert shown["tone"] == "good"
