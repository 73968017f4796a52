"""The risk register: hand-checked reference values, properties that must always hold, and bad
input through `calculators.run`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from calculator_client import CalculatorClient, figure
from hypothesis import given, settings
from hypothesis import strategies as st

import calculators
from calculators import risk_register
from calculators import savings as savings_module
from calculators.risk_register import RISKS, TIERS, band, tier

# Every risk rare, minor and free: the quietest register there is.
QUIET: dict[str, Any] = {f"{r}_{part}": "1" for r in RISKS for part in ("likelihood", "impact")}
QUIET |= {f"{r}_cost": 0 for r in RISKS}

CLIENT = CalculatorClient("risk_register")
run = CLIENT.run
values = CLIENT.values
errors_for = CLIENT.errors_for


# --- Reference values, worked by hand ----------------------------------------------------------


def test_defaults_worked_by_hand() -> None:
    v = values({})
    # Scores: security 2x5=10, communication 4x2=8, contract 2x3=6, quality 3x3=9,
    # dependence 2x4=8, culture 3x2=6, control 2x4=8, backlash 1x3=3, morale 3x2=6,
    # hidden costs 4x3=12. Highest 12 (high band); sum 76 (>= 40: at least medium).
    assert v["scores"] == {"security": 10, "communication": 8, "contract": 6, "quality": 9,
                           "dependence": 8, "culture": 6, "control": 8, "backlash": 3,
                           "morale": 6, "hidden_costs": 12}  # fmt: skip
    assert v["highest_score"] == 12
    assert v["sum_of_scores"] == 76
    assert v["tier"] == "high"
    # Expected losses: 10% x 150,000 = 15,000; 50% x 20,000 = 10,000; 10% x 30,000 = 3,000;
    # 25% x 40,000 = 10,000; 10% x 80,000 = 8,000; 25% x 15,000 = 3,750; 10% x 60,000 = 6,000;
    # 5% x 50,000 = 2,500; 25% x 25,000 = 6,250; 50% x 50,000 = 25,000. Total 89,500.
    assert v["expected_losses"]["security"] == pytest.approx(15_000)
    assert v["expected_losses"]["hidden_costs"] == pytest.approx(25_000)
    assert v["expected_loss"] == pytest.approx(89_500)
    # Savings default: the savings calculator's 1,546,001.34 over 5 years = 309,200.27 a year,
    # rounded to 309,200. Risk-adjusted: 309,200 - 89,500 = 219,700; share 89,500 / 309,200.
    assert v["savings"] == 309_200
    assert v["risk_adjusted_savings"] == pytest.approx(219_700)
    assert v["share_pct"] == pytest.approx(100 * 89_500 / 309_200)  # 28.9%
    # Top risks: hidden costs 12, security 10, quality 9; then the three 8s, ordered by
    # expected loss: communication 10,000 ahead of dependence 8,000 (control 6,000 drops out).
    assert v["top_risks"] == ["hidden_costs", "security", "quality", "communication",
                              "dependence"]  # fmt: skip


def test_default_texts() -> None:
    result = run({})
    assert figure(result, "tier")["text"] == "High"
    assert figure(result, "review")["text"] == "Every two weeks"
    assert figure(result, "expected_loss")["text"] == "€89,500"
    assert figure(result, "risk_adjusted_savings")["text"] == "€219,700"
    assert figure(result, "share_pct")["text"] == "28.9%"
    table = result["tables"][0]
    assert len(table["rows"]) == len(RISKS) + 1
    assert table["rows"][0]["cells"] == ["Data security and breaches", "2", "5", "10 (high)",
                                         "10%", "€150,000", "€15,000"]  # fmt: skip
    assert table["rows"][-1]["cells"][-1] == "€89,500"


def test_default_savings_agree_with_the_savings_calculator() -> None:
    savings = calculators.run("savings")
    horizon = int(savings_module.FIELDSET.defaults()["horizon_years"])
    expected = round(savings["values"]["savings"] / horizon)
    assert expected == risk_register.DEFAULT_YEARLY_SAVINGS


def test_quiet_register_is_low_and_reviewed_quarterly() -> None:
    # Ten scores of 1: highest 1 (low), sum 10 (< 40). No costs: no loss, all savings kept.
    result = run(QUIET | {"savings": 100_000})
    v = result["values"]
    assert (v["tier"], v["highest_score"], v["sum_of_scores"]) == ("low", 1, 10)
    assert v["expected_loss"] == 0
    assert v["risk_adjusted_savings"] == 100_000
    assert v["share_pct"] == 0
    assert figure(result, "review")["text"] == "Quarterly"
    # Only three risks listed when all are low (the fourth and fifth need a score of 5).
    assert v["top_risks"] == ["security", "communication", "contract"]


def test_one_critical_risk_makes_the_register_critical() -> None:
    v = values(QUIET | {"dependence_likelihood": "4", "dependence_impact": "5"})
    assert v["highest_score"] == 20 and v["tier"] == "critical"
    assert v["top_risks"][0] == "dependence"


def test_the_sum_lifts_the_tier() -> None:
    # Ten risks at 3 x 3 = 9 (medium each): sum 90 >= 80, so high.
    nine = {f"{r}_{part}": "3" for r in RISKS for part in ("likelihood", "impact")}
    assert values(nine)["tier"] == "high"
    # Ten risks at 4 x 3 = 12 (high each): sum 120, so critical.
    assert values(nine | {f"{r}_likelihood": "4" for r in RISKS})["tier"] == "critical"
    # Ten at 2 x 2 = 4 (low each): sum 40, so medium.
    assert (
        values({f"{r}_{p}": "2" for r in RISKS for p in ("likelihood", "impact")})["tier"]
        == "medium"
    )


def test_probability_mapping() -> None:
    # One risk with a cost of 1,000 at each likelihood: 5%, 10%, 25%, 50%, 90% of it.
    for level, loss in zip("12345", (50, 100, 250, 500, 900), strict=True):
        v = values(QUIET | {"morale_likelihood": level, "morale_cost": 1_000})
        assert v["expected_loss"] == pytest.approx(loss)


def test_no_savings_means_no_share() -> None:
    result = run({"savings": 0})
    assert result["values"]["share_pct"] is None
    assert figure(result, "share_pct")["text"] == "n/a"
    assert result["values"]["risk_adjusted_savings"] == pytest.approx(-89_500)
    assert figure(result, "risk_adjusted_savings")["text"] == "\u2212€89,500"


def test_heatmap_counts_and_names_every_risk() -> None:
    result = run({})
    chart = result["charts"][0]
    assert chart["kind"] == "heatmap"
    cells = chart["cells"]
    assert len(cells) == 5 and all(len(row) == 5 for row in cells)
    assert sum(c["count"] for row in cells for c in row) == len(RISKS)
    # Rows run from likelihood 5 (top) to 1; columns from impact 1 to 5.
    likely_moderate = cells[5 - 4][2 - 1]  # likelihood 4, impact 2: communication
    assert likely_moderate["risks"] == ["Communication"] and likely_moderate["score"] == 8
    unlikely_major = cells[5 - 2][4 - 1]  # likelihood 2, impact 4: dependence, control
    assert unlikely_major["risks"] == ["Dependence", "Control and IP"]
    assert unlikely_major["count_text"] == "2 risks"
    assert cells[0][4]["band"] == "critical" and cells[4][0]["band"] == "low"


def test_heatmap_renders_as_an_accessible_table() -> None:
    html = calculators.render(run({}))
    start = html.index('data-chart="heatmap"')
    heat = html[start : html.index("</figure>", start)]
    assert '<table class="calc-heatmap-table">' in heat
    assert heat.count('<th scope="row">') == 5
    assert heat.count('<th scope="col"') == 6  # the corner and five impact levels
    assert heat.count('class="calc-heat-cell') == 25
    assert "<li>Control and IP</li>" in heat
    assert re.search(r'role="region" tabindex="0" aria-labelledby="[^"]+-title"', heat)


def test_mitigations_link_to_guide_sections() -> None:
    result = run({})
    top = next(item for item in result["lists"] if item["id"] == "top_risks")
    for item in top["items"]:
        assert item["href"].startswith("../../guide/") and "#" in item["href"]
    assert top["items"][0]["text"].startswith("Hidden costs: cost every item")
    assert top["items"][0]["note"] == "Score 12 (high); expected loss €25,000 a year."


def test_band_limits() -> None:
    assert [band(s) for s in (1, 4, 5, 9, 10, 16, 20, 25)] == [
        "low", "low", "medium", "medium", "high", "high", "critical", "critical"
    ]  # fmt: skip


# --- Properties --------------------------------------------------------------------------------

level = st.sampled_from(risk_register.LEVELS)
register = st.fixed_dictionaries(
    {f"{r}_{part}": level for r in RISKS for part in ("likelihood", "impact")}
    | {f"{r}_cost": st.floats(min_value=0, max_value=1e7) for r in RISKS}
    | {"savings": st.floats(min_value=-1e7, max_value=1e7)}
)


@settings(max_examples=150, deadline=None)
@given(register, st.sampled_from(RISKS), st.sampled_from(("likelihood", "impact")))
def test_raising_a_rating_never_lowers_a_score_or_the_tier(
    inputs: dict[str, Any], risk: str, part: str
) -> None:
    before = values(inputs)
    field = f"{risk}_{part}"
    raised = str(min(5, int(inputs[field]) + 1))
    after = values(inputs | {field: raised})
    for key in RISKS:
        assert after["scores"][key] >= before["scores"][key]
    assert TIERS.index(after["tier"]) >= TIERS.index(before["tier"])
    assert after["highest_score"] >= before["highest_score"]


@settings(max_examples=150, deadline=None)
@given(register, st.sampled_from(RISKS), st.floats(min_value=0, max_value=1e7))
def test_expected_loss_is_linear_in_each_cost(
    inputs: dict[str, Any], risk: str, extra: float
) -> None:
    field = f"{risk}_cost"
    base = values(inputs | {field: 0})
    with_cost = values(inputs | {field: extra})
    doubled = values(inputs | {field: 2 * extra})
    probability = base["probabilities"][risk]
    assert with_cost["expected_loss"] - base["expected_loss"] == pytest.approx(
        probability * extra, rel=1e-9, abs=1e-6
    )
    assert doubled["expected_loss"] - base["expected_loss"] == pytest.approx(
        2 * (with_cost["expected_loss"] - base["expected_loss"]), rel=1e-9, abs=1e-6
    )


@settings(max_examples=150, deadline=None)
@given(register)
def test_risk_adjusted_savings_is_savings_minus_expected_loss(inputs: dict[str, Any]) -> None:
    v = values(inputs)
    assert v["risk_adjusted_savings"] == v["savings"] - v["expected_loss"]
    assert v["expected_loss"] >= 0
    if v["savings"] > 0:
        assert v["share_pct"] == pytest.approx(100 * v["expected_loss"] / v["savings"])
    else:
        assert v["share_pct"] is None
    assert 3 <= len(v["top_risks"]) <= 5


@given(st.lists(st.integers(min_value=1, max_value=25), min_size=10, max_size=10),
       st.integers(min_value=0, max_value=9))  # fmt: skip
def test_tier_is_monotone_in_each_score(scores: list[int], index: int) -> None:
    higher = [*scores]
    higher[index] = min(25, higher[index] + 1)
    assert TIERS.index(tier(higher)) >= TIERS.index(tier(scores))


# --- Bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("inputs", "field", "expected"),
    [
        ({"security_likelihood": "6"}, "security_likelihood", "Choose one of: 1, 2, 3, 4, 5"),
        ({"quality_impact": "high"}, "quality_impact", "Choose one of"),
        ({"morale_impact": 3.5}, "morale_impact", "Choose one of"),
        ({"contract_cost": -1}, "contract_cost", "at least 0"),
        ({"contract_cost": "nan"}, "contract_cost", "finite number"),
        ({"savings": float("inf")}, "savings", "finite number"),
        ({"savings": "lots"}, "savings", "Enter a number"),
        ({"culture_cost": ""}, "culture_cost", "Enter a value"),
        ({"currency": "XYZ"}, "currency", "Choose one of"),
        ({"security_probability": 0.5}, "security_probability", "no field named"),
    ],
)
def test_each_bad_value_gets_a_clear_message_on_its_field(
    inputs: dict[str, Any], field: str, expected: str
) -> None:
    CLIENT.assert_only_error(inputs, field, expected)


def test_all_errors_are_reported_at_once() -> None:
    errors = errors_for({"security_likelihood": "0", "backlash_cost": -5, "bogus": 1})
    assert set(errors) == {"security_likelihood", "backlash_cost", "bogus"}


def test_numbers_are_accepted_for_choices() -> None:
    # A JSON client may send 4 rather than "4".
    assert values({"security_likelihood": 4})["scores"]["security"] == 20


def test_examples_run() -> None:
    for _name, inputs in risk_register.EXAMPLES:
        assert run(dict(inputs))["values"]["tier"] in TIERS


def test_every_guide_link_points_at_an_existing_heading() -> None:
    docs = Path(__file__).resolve().parent.parent / "docs"
    links = [*risk_register.MITIGATION_LINKS.values(), risk_register.GOVERNANCE_LINK,
             risk_register.BEFORE_YOU_SIGN_LINK]  # fmt: skip
    for link in links:
        page, _, anchor = link.removeprefix("../../").partition("/#")
        text = (docs / f"{page}.md").read_text(encoding="utf-8")
        assert "{#" + anchor + "}" in text, link
