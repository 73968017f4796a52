"""The risk register as readers see it: verdict, figures, table, heat map and links."""

from __future__ import annotations

import re
from typing import Any

import pytest
from calculator_client import CalculatorClient, figure

import calculators
from calculators.core.text import text_for
from calculators.risk_register.fields import GUIDE_RISKS as RISKS
from calculators.risk_register.fields import RISK_TEXT

CLIENT = CalculatorClient("risk_register")
run = CLIENT.run
RUINOUS = {"backlash_likelihood": "1", "backlash_impact": "1", "backlash_cost": 10_000_000}


def test_the_verdict_of_the_defaults() -> None:
    assert run({})["verdict"] == {
        "text": "The risks are expected to cost €89,500 a year, 29% of the expected savings: "
        "a high risk level.",
        "tone": "bad",
    }


def test_default_texts() -> None:
    result = run({})
    assert figure(result, "tier")["text"] == "High"
    assert "Costliest risk: Hidden costs, €25,000 a year." in figure(result, "tier")["note"]
    assert figure(result, "review")["text"] == "Every two weeks"
    assert figure(result, "expected_loss")["text"] == "€89,500"
    assert figure(result, "risk_adjusted_savings")["text"] == "€219,700"
    assert figure(result, "share_pct")["text"] == "28.9%"
    headline = [f["id"] for f in result["figures"] if f["headline"]]
    assert headline == ["tier", "expected_loss", "risk_adjusted_savings"]
    table = result["tables"][0]
    assert len(table["rows"]) == len(RISKS) + 1
    assert table["rows"][0]["cells"] == ["Data security and breaches", "2", "5", "10 (high)",
                                         "0.10", "€150,000", "€15,000", "€15,000"]  # fmt: skip
    assert table["rows"][-1]["cells"][-2:] == ["€89,500", "€89,500"]
    assert [t["id"] for t in result["tables"]] == ["register"]  # no mitigation, no return table
    assert figure(result, "mitigation_return")["text"] == "€0"


def test_a_mitigation_reads_with_its_return() -> None:
    # Hidden costs: 0.5 x 50,000 = 25,000 a year. Halving the rate and cutting the cost by 20%:
    # 0.25 x 40,000 = 10,000 left, 15,000 avoided for 6,000 a year: a net 9,000, 2.5 to 1.
    # As planned the risks cost 89,500 - 15,000 + 6,000 = 80,500 a year, 26% of 309,200.
    result = run({"hidden_costs_mitigation_cost": 6_000, "hidden_costs_rate_cut": 50,
                  "hidden_costs_loss_cut": 20})  # fmt: skip
    assert result["verdict"]["text"] == (
        "The risks are expected to cost €80,500 a year, 26% of the expected savings: a high "
        "risk level. This counts the loss left after the mitigations, €74,500, and their cost, "
        "€6,000; without them the risks would cost €89,500 a year."
    )
    table = next(t for t in result["tables"] if t["id"] == "mitigations")
    assert table["rows"][0]["cells"] == ["Hidden costs", "€25,000", "€10,000", "€15,000",
                                         "€6,000", "€9,000", "2.5 to 1"]  # fmt: skip
    assert figure(result, "mitigation_return")["text"] == "€9,000"
    assert figure(result, "risk_adjusted_savings")["text"] == "€228,700"


def test_a_free_mitigation_that_removes_every_loss() -> None:
    cut = {f"{r}_rate_cut": 100 for r in RISKS}
    result = run(cut)
    assert result["verdict"]["tone"] == "good"
    assert result["verdict"]["text"].startswith("The mitigations remove the whole expected loss")
    table = next(t for t in result["tables"] if t["id"] == "mitigations")
    assert table["rows"][0]["cells"][-1] == "n/a"  # free: no ratio to show


def test_a_ruinous_risk_reads_as_critical_and_leads_the_list() -> None:
    """Issue 10 defect 4, as the reader sees it."""
    result = run(RUINOUS)
    assert result["verdict"] == {
        "text": "The risks are expected to cost €587,000 a year, more than the €309,200 that "
        "outsourcing should save: a critical risk level.",
        "tone": "bad",
    }
    assert figure(result, "tier")["text"] == "Critical"
    top = next(item for item in result["lists"] if item["id"] == "top_risks")
    assert top["items"][0]["text"].startswith("Customer backlash: Keep quality visible")
    assert top["items"][0]["note"] == (
        "Expected loss €500,000 a year; score 1 (low). Owner: "
        "Outsourcing manager; next review 2027-03-31."
    )


def test_the_top_list_names_each_owner_and_review() -> None:
    result = run({"hidden_costs_owner": "  Finance controller ", "hidden_costs_review":
                  "2026-12-15"})  # fmt: skip
    top = next(item for item in result["lists"] if item["id"] == "top_risks")
    assert top["items"][0]["text"].startswith("Hidden costs:")
    assert top["items"][0]["note"].endswith("Owner: Finance controller; next review 2026-12-15.")


@pytest.mark.parametrize(
    ("inputs", "tone"),
    [({"savings": 10_000_000}, "good"), ({"savings": 500_000}, "neutral"), ({}, "bad")],
)
def test_verdict_tone_follows_the_tier(inputs: dict[str, Any], tone: str) -> None:
    # 89,500 is 0.9% of 10,000,000 (low), 17.9% of 500,000 (medium), 28.9% by default (high).
    assert run(inputs)["verdict"]["tone"] == tone


def test_no_savings() -> None:
    result = run({"savings": 0})
    assert result["values"]["share_pct"] is None
    assert figure(result, "share_pct")["text"] == "n/a"
    assert figure(result, "risk_adjusted_savings")["text"] == "\u2212€89,500"
    assert figure(result, "risk_adjusted_savings")["tone"] == "bad"
    assert result["verdict"]["text"] == (
        "The risks are expected to cost €89,500 a year, with no expected savings to absorb it: "
        "a critical risk level."
    )


def test_no_priced_risk() -> None:
    result = run({f"{r}_cost": 0 for r in RISKS})
    assert result["verdict"]["tone"] == "neutral"
    assert "expected annual loss is zero" in result["verdict"]["text"]


def test_heatmap_counts_and_names_every_risk() -> None:
    cells = run({})["charts"][0]["cells"]
    assert len(cells) == 5 and all(len(row) == 5 for row in cells)
    assert sum(c["count"] for row in cells for c in row) == len(RISKS)
    likely_moderate = cells[5 - 4][2 - 1]  # likelihood 4, impact 2: communication
    assert likely_moderate["risks"] == ["Comms"] and likely_moderate["score"] == 8
    unlikely_major = cells[5 - 2][4 - 1]  # likelihood 2, impact 4: dependence, control
    assert unlikely_major["risks"] == ["One supplier", "Control and IP"]
    assert unlikely_major["count_text"] == "2 risks"
    assert cells[5 - 1][3 - 1]["count_text"] == "1 risk"
    assert cells[0][4]["band"] == "critical" and cells[4][0]["band"] == "low"


def test_heatmap_names_never_need_breaking_inside_a_word() -> None:
    """Issue 7: cells broke "Communica/tion" mid-word. A cell is about nine characters of the
    heat map's font wide at its narrowest (a 34rem table of six columns at 0.8em), so every
    word of a cell's name must fit in nine characters, and contain no hyphen to break at."""
    t = text_for("en")
    for risk in RISKS:
        words = t.gettext(RISK_TEXT[risk].short).split(" ")
        assert all(len(word) <= 9 and "-" not in word for word in words), words


def test_heatmap_renders_as_an_accessible_table() -> None:
    html = calculators.render(run({}))
    start = html.index('data-chart="heatmap"')
    heat = html[start : html.index('class="calc-chart-narrow"', start)]  # the wide drawing
    assert '<table class="calc-heatmap-table">' in heat
    assert heat.count('<th scope="row">') == 5
    assert heat.count('<th scope="col"') == 6
    assert heat.count('class="calc-heat-cell') == 25
    assert '<li class="calc-heat-risk">Control and IP</li>' in heat
    assert re.search(r'role="region" tabindex="0" aria-labelledby="[^"]+-title"', heat)


def test_mitigations_link_to_guide_sections() -> None:
    result = run({})
    top = next(item for item in result["lists"] if item["id"] == "top_risks")
    for item in top["items"]:
        assert item["href"].startswith("guide/") and ".md#" in item["href"]
    assert top["items"][0]["text"].startswith("Hidden costs: Cost every item")
    assert top["items"][0]["note"] == (
        "Expected loss €25,000 a year; score 12 (high). Owner: "
        "Outsourcing manager; next review 2027-03-31."
    )
    html = calculators.render(result, "../../")
    assert 'href="../../guide/risks-and-hidden-costs/#hidden-costs"' in html


def test_a_risk_left_out_is_not_counted_and_a_renamed_one_keeps_its_numbers() -> None:
    full = run({})
    out = run({"hidden_costs_included": "no", "security_name": "Client data leaks"})
    names = [row["values"][0] for row in out["tables"][0]["rows"]]
    assert "Hidden costs" not in names and "Client data leaks" in names
    assert "Data security and breaches" not in names
    assert len(names) == len(RISKS)  # nine risks and the total
    left_out = full["values"]["expected_losses"]["hidden_costs"]
    assert out["values"]["expected_loss"] == pytest.approx(
        full["values"]["expected_loss"] - left_out
    )
    assert "hidden_costs" not in out["values"]["scores"]
    assert sum(c["count"] for row in out["charts"][0]["cells"] for c in row) == len(RISKS) - 1
    assert (
        "for the 9 risks" in figure(out, "expected_loss")["note"]
        or "over the 9 risks" in (figure(out, "expected_loss")["note"])
    )


def test_an_own_risk_joins_the_register_under_its_name() -> None:
    own = {"own1_included": "yes", "own1_name": "Vendor insolvency", "own1_likelihood": "4",
           "own1_impact": "5", "own1_cost": 400_000}  # fmt: skip
    result = run(own)
    # 0.5 a year (level 4) times 400,000: 200,000 a year, now the costliest risk.
    assert result["values"]["expected_losses"]["own1"] == pytest.approx(200_000)
    assert result["values"]["top_risks"][0] == "own1"
    first = result["lists"][0]["items"][0]
    assert first["text"].startswith("Vendor insolvency: ")
    cells = [name for row in result["charts"][0]["cells"] for c in row for name in c["risks"]]
    assert "Vendor in\u2026" in cells  # cut to what a heat-map cell holds


def test_an_own_risk_needs_a_name_and_the_register_a_risk() -> None:
    with pytest.raises(calculators.InputError) as caught:
        calculators.run("risk_register", {"own2_included": "yes", "own2_name": "  "})
    assert list(caught.value.errors) == ["own2_name"]
    with pytest.raises(calculators.InputError) as caught:
        calculators.run("risk_register", {f"{r}_included": "no" for r in RISKS})
    assert list(caught.value.errors) == ["security_included"]
    only_own = {f"{r}_included": "no" for r in RISKS} | {
        "own1_included": "yes",
        "own1_name": "Key person leaves",
    }
    assert run(only_own)["tables"][0]["rows"][0]["values"][0] == "Key person leaves"


def test_fields_of_a_risk_left_out_do_not_apply() -> None:
    inputs = {"morale_included": "no", "morale_cost": 5, "morale_rate": 2}
    assert calculators.not_applying("risk_register", inputs) == ["morale_cost", "morale_rate"]
    # The rate of an included risk applies only with a rate chosen.
    assert calculators.not_applying("risk_register", {"morale_rate": 2}) == ["morale_rate"]


def test_the_loss_curve_reads_the_bad_year_at_ten_percent() -> None:
    result = run({"security_mitigation_cost": 1000, "security_rate_cut": 50})
    chart = next(c for c in result["charts"] if c["id"] == "loss_curve")
    assert [s["id"] for s in chart["series"]] == ["inherent", "residual"]
    residual = chart["series"][1]
    p90 = result["values"]["loss_p90"]
    assert chart["marker"]["x"] == p90
    # Left of the bad year more than 10% of years cost more; from it on at most 10%.
    above_at = dict(zip(residual["x"], residual["y"], strict=True))
    assert above_at[p90] <= 10.0 + 1e-9
    assert all(y > 10.0 for x, y in above_at.items() if x < p90)
    assert residual["y"] == sorted(residual["y"], reverse=True)
    assert len(residual["x"]) <= 61
