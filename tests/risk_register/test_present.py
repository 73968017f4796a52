"""The risk register as readers see it: verdict, figures, table, heat map and links."""

from __future__ import annotations

import re
from typing import Any

import pytest
from calculator_client import CalculatorClient, figure

import calculators
from calculators.core.text import text_for
from calculators.risk_register.fields import RISK_TEXT, RISKS

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
                                         "10%", "€150,000", "€15,000"]  # fmt: skip
    assert table["rows"][-1]["cells"][-1] == "€89,500"


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
    assert top["items"][0]["note"] == "Expected loss €500,000 a year; score 1 (low)."


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
    assert top["items"][0]["note"] == "Expected loss €25,000 a year; score 12 (high)."
    html = calculators.render(result, "../../")
    assert 'href="../../guide/risks-and-hidden-costs/#hidden-costs"' in html
