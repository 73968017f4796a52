"""Savings under uncertainty as readers see it: verdict, figures, charts, and the switching
table in the inputs' own units."""

from __future__ import annotations

from typing import Any

import pytest
from calculator_client import CalculatorClient, figure

import calculators
from calculators.savings_uncertainty.fields import LEVELS, UNCERTAIN

CLIENT = CalculatorClient("savings_uncertainty")
run = CLIENT.run

CERTAIN = {f"{name}_{level}": spec[0][1] for name, spec in UNCERTAIN.items() for level in LEVELS}
DEAR = {"vendor_fte_price_low": 6_000, "vendor_fte_price_likely": 7_000,
        "vendor_fte_price_high": 9_000, "seed": 7}  # fmt: skip


def test_default_results() -> None:
    result = run({})
    v = result["values"]
    assert [f["id"] for f in result["figures"]] == [
        "p50", "p10_p90", "loss_probability", "likely_npv", "most_sensitive",
    ]  # fmt: skip
    assert [f["id"] for f in result["figures"] if f["headline"]] == [
        "p50", "p10_p90", "loss_probability"
    ]  # fmt: skip
    assert v["draws"] == 10_000 and v["seed"] == 2026
    # The likely case is exactly the savings calculator's NPV for its own defaults.
    assert v["likely_npv"] == calculators.run("savings")["values"]["npv"]
    assert v["p10"] < v["p50"] < v["p90"]
    assert v["most_sensitive"] == "vendor_fte_price"
    assert 20 <= len(v["histogram"]["counts"]) <= 30
    assert sum(v["histogram"]["counts"]) == 10_000
    histogram, s_curve, tornado = result["charts"]
    assert histogram["kind"] == "columns" and tornado["kind"] == "bars"
    assert s_curve["kind"] == "line" and s_curve["id"] == "s_curve"
    assert tornado["reference"]["x"] == v["likely_npv"]
    assert len(tornado["bars"]) == 6
    assert [t["id"] for t in result["tables"]] == ["sensitivity", "switching"]
    html = calculators.render(result)
    # Each chart is drawn twice: wide and narrow.
    assert html.count('class="calc-bar calc-bar-') == 2 * (len(histogram["columns"]) + 6)


def test_the_verdict_of_the_defaults() -> None:
    result = run({})
    assert result["values"]["loss_probability"] == 0.0
    assert result["verdict"] == {
        "text": "Outsourcing pays in 100% of 10,000 simulated cases; the median net present "
        "value is €963,931.",
        "tone": "good",
    }
    assert figure(result, "p50")["tone"] == "good"


def test_a_losing_case_reads_as_bad() -> None:
    result = run(DEAR)
    loss = result["values"]["loss_probability"]
    assert loss > 0.5
    assert result["verdict"]["tone"] == "bad"
    assert result["verdict"]["text"].startswith("Outsourcing loses money in ")
    assert figure(result, "loss_probability")["tone"] == "bad"
    assert figure(result, "p50")["tone"] == "bad"


def test_a_rare_loss_is_not_rounded_away() -> None:
    # A wide transition cost: a few draws lose; 99.x% must not read as 100%.
    result = run({"transition_cost_high": 700_000, "seed": 3})
    loss = result["values"]["loss_probability"]
    assert 0.0 < loss < 0.005
    assert "pays in 99.7% of 10,000" in result["verdict"]["text"]  # 27 of the draws lose


def test_near_zero_range_histogram_labels_differ() -> None:
    """Issue 10 defect 7: a near-zero range gave 26 bins all labeled
    "€1,207,457 to €1,207,457"."""
    result = run(CERTAIN | {"transition_cost_high": 60_000.01})
    columns = result["charts"][0]["columns"]
    labels = [c["label"] for c in columns]
    assert len(columns) <= 2 and len(set(labels)) == len(labels)
    for label in labels:
        low, high = label.split(" to ")
        assert low != high


def test_histogram_ticks_read_in_one_unit() -> None:
    """Issue 7: histogram ticks read "1,050k"; they read "1.05M" style now."""
    html = calculators.render(run({}))
    start = html.index('data-chart="histogram"')
    chart = html[start : html.index("</figure>", start)]
    assert "M<" in chart
    assert not any(f"{n},{m:03d}k<" in chart for n in range(1, 3) for m in range(0, 1000, 50))


def test_switching_table_shows_changes_in_the_inputs_own_units() -> None:
    """Issue 7 item 9: "Distance from likely" showed -758% and 2,012%; the table now says how
    far each input must move, in money or percentage points, and whether that is within the
    reader's own range."""
    result = run({})
    table = next(t for t in result["tables"] if t["id"] == "switching")
    assert table["columns"] == ["Input", "Likely value", "Switching value", "Change from likely",
                                "Within your low-to-high range"]  # fmt: skip
    cells = {row["cells"][0]: row["cells"] for row in table["rows"]}
    price = cells["Vendor price per FTE-month"]
    switching = next(s for s in result["values"]["switching"] if s["input"] == "vendor_fte_price")
    assert price[3] == f"€{round(switching['change']):,} higher"
    assert price[4] == "no"  # 6,999 is beyond the high value of 6,000
    assert cells["Wage growth"][3].endswith("percentage points lower")
    assert not any("%" in row["cells"][3] for row in table["rows"])
    assert cells["Productivity dip"][2].startswith("does not flip between")
    # Nearest first, in widths of each input's own range: the price needs 2,499 over a range
    # of 1,800 (1.4 widths); the others need more.
    assert table["rows"][0]["cells"][0] == "Vendor price per FTE-month"


def test_a_switching_value_inside_the_readers_range_says_so() -> None:
    result = run(DEAR)
    switching = next(s for s in result["values"]["switching"] if s["input"] == "vendor_fte_price")
    assert 6_000 <= switching["value"] <= 9_000 and switching["inside_range"] is True
    table = next(t for t in result["tables"] if t["id"] == "switching")
    price = next(r for r in table["rows"] if r["cells"][0] == "Vendor price per FTE-month")
    assert price["cells"][3].endswith("lower") and price["cells"][4] == "yes"


@pytest.mark.parametrize("inputs", [{}, CERTAIN, DEAR])
def test_the_chart_specs_read_back(inputs: dict[str, Any]) -> None:
    from calculators.core.results import CHART_SPECS

    for chart in run(inputs)["charts"]:
        assert CHART_SPECS[chart["kind"]].from_dict(chart).as_dict() == chart


def test_s_curve_rises_from_the_smallest_to_the_largest_npv() -> None:
    result = run({"vendor_fte_price_high": 9_000})  # a real chance of a loss
    v = result["values"]
    chart = next(c for c in result["charts"] if c["id"] == "s_curve")
    (series,) = chart["series"]
    xs, ys = series["x"], series["y"]
    assert len(xs) == len(ys) == 101
    assert xs == sorted(xs) and ys == sorted(ys)
    assert (xs[0], ys[0]) == (v["min"], 0.0) and (xs[-1], ys[-1]) == (v["max"], 100.0)
    # The nearest-rank percentiles of the figures are points of the curve.
    assert (xs[10], xs[50], xs[90]) == (v["p10"], v["p50"], v["p90"])
    # It crosses zero at the chance of a loss: the marker says so.
    assert chart["marker"]["x"] == 0.0
    assert 0.0 < v["loss_probability"] < 1.0
    share = round(100 * v["loss_probability"])
    assert f"{share}% of the draws lie below it" in chart["marker"]["label"]
    below = [y for x, y in zip(xs, ys, strict=True) if x < 0]
    assert below and below[-1] <= 100 * v["loss_probability"] + 1


def test_s_curve_without_a_loss_has_no_marker_line() -> None:
    chart = next(c for c in run({})["charts"] if c["id"] == "s_curve")
    assert chart["marker"]["x"] is None  # every draw pays: zero is off the curve
    assert "0% of the draws" in chart["marker"]["label"]
