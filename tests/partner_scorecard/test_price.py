"""Price scored by formula from the bids (10 x lowest bid / bid) or by judgment: hand-worked
scores, the lowest admissible bid as the benchmark, and the cells each method needs."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from calculator_client import CalculatorClient

from calculators.partner_scorecard.fields import CRITERIA
from calculators.partner_scorecard.model import price_scores

ID = "partner_scorecard"
CLIENT = CalculatorClient(ID)
run = CLIENT.run
values = CLIENT.values
errors_for = CLIENT.errors_for
A, B, C = "Vendor A (example)", "Vendor B (example)", "Vendor C (example)"


def row(name: str, scores: tuple[Any, ...], bid: Any, passes: str = "yes") -> dict[str, Any]:
    return {"name": name, **dict(zip(CRITERIA, scores, strict=True)), "bid": bid,
            "must_haves": passes}  # fmt: skip


def test_judgment_is_the_default_and_keeps_the_price_column() -> None:
    v = values()
    assert v["bids"] is None
    assert v["scores"] == pytest.approx({A: 72.0, B: 69.0, C: 76.0})


def test_default_bids_scored_by_formula_worked_by_hand() -> None:
    # Bids 1,800,000 (A), 1,000,000 (B), 1,125,000 (C, which fails a must-have, so it sets no
    # benchmark): lowest admissible bid 1,000,000. Price scores 10 x 1.0 / 1.8 = 50/9 = 5.556,
    # 10, and 10 x 1.0 / 1.125 = 80/9 = 8.889.
    # A: 2.25 + 1.05 + 0.90 + 1.20 + 0.80 + 0.20 x 50/9 = 6.20 + 1.111 = 7.3111 -> 73.11
    # B: 1.50 + 0.90 + 1.20 + 0.90 + 0.60 + 0.20 x 10   = 5.10 + 2.000 = 7.1000 -> 71.00
    # C: 2.25 + 1.35 + 1.05 + 0.45 + 0.90 + 0.20 x 80/9 = 6.00 + 1.778 = 7.7778 -> 77.78
    v = values({"price_method": "formula"})
    assert v["bids"] == {A: 1_800_000, B: 1_000_000, C: 1_125_000}
    assert v["points"][A]["price"] == pytest.approx(20 * 5 / 9)
    assert v["scores"] == pytest.approx({A: 658 / 9, B: 71.0, C: 700 / 9})
    assert v["winner"] == A and v["lead"] == pytest.approx(19 / 9)
    table = next(t for t in run({"price_method": "formula"})["tables"] if t["id"] == "price")
    assert [r["cells"] for r in table["rows"]] == [
        [A, "1,800,000", "5.56"], [B, "1,000,000", "10"], [C, "1,125,000", "8.89"]
    ]  # fmt: skip


def test_the_lowest_admissible_bid_is_the_benchmark_and_scores_stop_at_10() -> None:
    bids = [Fraction(120), Fraction(100), Fraction(80)]
    assert price_scores(bids, [True, True, False]) == [Fraction(25, 3), 10, 10]
    assert price_scores(bids, [True, True, True]) == [Fraction(20, 3), 8, 10]
    assert price_scores(bids, [False, False, False]) == [Fraction(20, 3), 8, 10]


def test_the_price_column_is_ignored_by_formula_and_the_bids_by_judgment() -> None:
    rows = [row("Cheap", (5, 5, 5, 5, 5, 0), 100), row("Dear", (5, 5, 5, 5, 5, 10), 400)]
    price_only = {f"weight_{c}": 100 if c == "price" else 0 for c in CRITERIA}
    by_formula = values({"price_method": "formula", **price_only, "vendors": rows})
    # Price alone: Cheap scores 10 x 100/100 = 10 -> 100, Dear 10 x 100/400 = 2.5 -> 25.
    assert by_formula["scores"] == pytest.approx({"Cheap": 100.0, "Dear": 25.0})
    by_judgment = values({**price_only, "vendors": rows})
    assert by_judgment["scores"] == pytest.approx({"Cheap": 0.0, "Dear": 100.0})


def test_each_method_needs_only_its_own_column() -> None:
    no_price = [row("P", (5, 5, 5, 5, 5, ""), 100), row("Q", (6, 6, 6, 6, 6, ""), 200)]
    # P: 0.8 x 5 + 0.2 x 10 = 6.0 -> 60; Q: 0.8 x 6 + 0.2 x (10 x 100/200 = 5) = 5.8 -> 58.
    scored = values({"price_method": "formula", "vendors": no_price})["scores"]
    assert scored == pytest.approx({"P": 60.0, "Q": 58.0})
    assert errors_for({"vendors": no_price})["vendors.0.price"] == "Enter a value."
    no_bids = [row("P", (5, 5, 5, 5, 5, 5), ""), row("Q", (6, 6, 6, 6, 6, 6), "")]
    assert values({"vendors": no_bids})["winner"] == "Q"
    assert errors_for({"price_method": "formula", "vendors": no_bids})["vendors.1.bid"] == (
        "Enter a value."
    )


def test_a_zero_bid_by_formula_is_refused_naming_the_vendor() -> None:
    rows = [row("P", (5, 5, 5, 5, 5, 5), 0), row("Q", (6, 6, 6, 6, 6, 6), 10)]
    message = errors_for({"price_method": "formula", "vendors": rows})["vendors"]
    assert "bid above zero for P" in message
    assert values({"vendors": rows})["winner"] == "Q"  # by judgment the bids do not matter


def test_bids_have_limits() -> None:
    rows = [row("P", (5,) * 6, -1), row("Q", (6,) * 6, 2e12)]
    found = errors_for({"price_method": "formula", "vendors": rows})
    assert "at least 0" in found["vendors.0.bid"] and "at most" in found["vendors.1.bid"]
    assert "Choose one of" in errors_for({"price_method": "cheapest"})["price_method"]


def test_a_minimum_price_score_applies_to_the_formula_score() -> None:
    # By formula A's price score is 50/9 = 5.56: a minimum of 6 knocks it out, B wins.
    v = values({"price_method": "formula", "minimum_price": 6})
    assert v["below_minimum"] == {A: ["price"]}
    assert v["winner"] == B
