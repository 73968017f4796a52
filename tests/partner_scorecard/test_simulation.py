"""The weight simulation: hand-worked win shares, an independent replay of the same draws in
exact fractions, the tie rule, determinism and what the page shows."""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

import pytest
from calculator_client import CalculatorClient
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.partner_scorecard.fields import CRITERIA
from calculators.partner_scorecard.simulation import DRAWS, SEED, STEPS, win_shares

ID = "partner_scorecard"
CLIENT = CalculatorClient(ID)
run = CLIENT.run
values = CLIENT.values
A, B = "Vendor A (example)", "Vendor B (example)"


def vendor(name: str, scores: tuple[float, ...], passes: str = "yes") -> dict[str, Any]:
    return {"name": name, **dict(zip(CRITERIA, scores, strict=True)), "must_haves": passes}


def only(**points: float) -> dict[str, float]:
    return {f"weight_{c}": points.get(c, 0) for c in CRITERIA}


def replay(weights: list[Fraction], vendors: list[tuple[Fraction, ...]], band: int,
           draws: int, seed: int) -> list[int]:  # fmt: skip
    """The definition, in fractions: each weight times 1 + band x r / STEPS, r picked
    uniformly from -STEPS to STEPS (one pick per weighted criterion, in order, from one seeded
    stream); the highest score among the vendors wins, the first of equals."""
    weighted = [i for i, w in enumerate(weights) if w]
    picks = iter(random.Random(seed).choices(range(2 * STEPS + 1), k=draws * len(weighted)))
    wins = [0] * len(vendors)
    for _ in range(draws):
        drawn = [Fraction(0)] * len(weights)
        for i in weighted:
            r = Fraction(next(picks) - STEPS, STEPS)
            drawn[i] = weights[i] * (1 + Fraction(band, 100) * r)
        totals = [sum((d * x for d, x in zip(drawn, xs, strict=True)), Fraction(0))
                  for xs in vendors]  # fmt: skip
        wins[totals.index(max(totals))] += 1
    return wins


def test_two_opposite_vendors_worked_by_hand() -> None:
    # Weights 60 (expertise) and 40 (fit), each times a factor f uniform on [0.75, 1.25].
    # A = (10, 0), B = (0, 10): B wins when 40 f2 > 60 f1, that is f2 > 1.5 f1. In the square
    # [0.75, 1.25]^2 (area 0.25) that is a triangle with legs 0.0833 (f1 from 0.75 to 0.8333)
    # and 0.125 (f2 from 1.125 to 1.25): area 0.0052083, so B wins 1/48 of the draws, about 42
    # of 2,000 (one standard deviation: 6.4 draws).
    rows = [vendor("A", (10, 0, 5, 5, 5, 5)), vendor("B", (0, 10, 5, 5, 5, 5))]
    shares = values({**only(expertise=60, fit=40), "vendors": rows})["win_shares"]
    assert abs(shares["B"] * DRAWS - DRAWS / 48) < 4 * 6.4
    assert shares["A"] + shares["B"] == 1


def test_equal_weights_split_evenly_and_a_tie_goes_to_the_earlier_row() -> None:
    rows = [vendor("A", (10, 0, 5, 5, 5, 5)), vendor("B", (0, 10, 5, 5, 5, 5))]
    shares = values({**only(expertise=50, fit=50), "vendors": rows})["win_shares"]
    assert abs(shares["A"] * DRAWS - DRAWS / 2) < 4 * 22.4  # sd of 2,000 fair coins: 22.4
    # Identical vendors always tie: the earlier row wins every draw.
    same = [vendor("First", (6,) * 6), vendor("Second", (6,) * 6)]
    assert values({"vendors": same})["win_shares"] == {"First": 1.0, "Second": 0.0}


def test_a_dominant_vendor_wins_every_draw_and_a_knocked_out_one_none() -> None:
    rows = [vendor("Low", (5,) * 6), vendor("High", (6,) * 6), vendor("Out", (10,) * 6, "no")]
    v = values({"vendors": rows, "weight_band": 100})
    assert v["win_shares"] == {"Low": 0.0, "High": 1.0}


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.integers(0, 40), min_size=6, max_size=6).filter(any),
    st.lists(st.lists(st.integers(0, 20), min_size=6, max_size=6), min_size=2, max_size=4),
    st.integers(1, 100),
    st.integers(0, 2**32),
)
def test_the_count_matches_a_replay_of_the_same_draws_in_fractions(
    points: list[int], halves: list[list[int]], band: int, seed: int
) -> None:
    weights = [Fraction(p) for p in points]
    vendors = [tuple(Fraction(h, 2) for h in row) for row in halves]
    got = win_shares(weights, list(enumerate(vendors)), band, draws=150, seed=seed)
    assert [got.wins[row] for row in range(len(vendors))] == replay(
        weights, vendors, band, 150, seed
    )


def test_the_defaults_are_seeded_and_deterministic() -> None:
    first, second = values(), values()
    assert first["win_shares"] == second["win_shares"] == {A: 0.9625, B: 0.0375}
    assert SEED == 2026 and DRAWS == 2000
    assert "Vendor C (example)" not in first["win_shares"]  # knocked out: it cannot win


def test_a_band_of_zero_turns_the_simulation_off() -> None:
    result = run({"weight_band": 0})
    assert result["values"]["win_shares"] is None
    assert "robust" not in {f["id"] for f in result["figures"]}
    assert "simulation" not in {t["id"] for t in result["tables"]}
    assert "wins" not in {c["id"] for c in result["charts"]}


def test_the_page_shows_shares_as_a_figure_a_table_and_a_chart() -> None:
    result = run()
    robust = next(f for f in result["figures"] if f["id"] == "robust")
    assert robust["text"] == "96.2%" and robust["tone"] == "good"
    assert "wins 1,925 of 2,000 draws" in robust["note"] and "25%" in robust["note"]
    table = next(t for t in result["tables"] if t["id"] == "simulation")
    assert [r["cells"] for r in table["rows"]] == [[A, "1,925", "96.2%"], [B, "75", "3.8%"]]
    assert [b["label"] for b in next(c for c in result["charts"] if c["id"] == "wins")["bars"]] == [
        A,
        B,
    ]


def test_the_tone_says_how_often_the_winner_holds() -> None:
    # 52/48 between two opposite vendors: B wins when f2 > 1.0833 f1, about a third of draws.
    rows = [vendor("A", (10, 0, 0, 0, 0, 0)), vendor("B", (0, 10, 0, 0, 0, 0))]
    result = run({**only(expertise=52, fit=48), "vendors": rows})
    assert 0.5 <= result["values"]["win_shares"]["A"] < 0.9
    assert next(f for f in result["figures"] if f["id"] == "robust")["tone"] == "neutral"
    # Three opposite vendors at 34/33/33: A leads at the set weights but wins only when its
    # factor is the largest of three, a little over a third of the draws.
    rows.append(vendor("C", (0, 0, 10, 0, 0, 0)))
    result = run({**only(expertise=34, fit=33, contract=33), "vendors": rows})
    share = result["values"]["win_shares"]["A"]
    assert result["values"]["winner"] == "A" and 1 / 3 < share < 0.5
    assert next(f for f in result["figures"] if f["id"] == "robust")["tone"] == "bad"
    items = " ".join(i["text"] for i in result["lists"][0]["items"])
    assert "wins only" in items and "rests on the exact weights" in items


@pytest.mark.parametrize("bad", [-5, 101, 12.5, "x"])
def test_the_band_has_limits(bad: object) -> None:
    assert "weight_band" in CLIENT.errors_for({"weight_band": bad})
