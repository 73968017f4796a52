"""The partner scorecard's numbers: hand-checked ranking and sensitivity, exact flips, properties
of the weighting, and bad input in the vendor table."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from calculator_client import CalculatorClient
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from calculators.partner_scorecard.fields import CRITERIA
from calculators.partner_scorecard.model import Vendor, sensitivity

ID = "partner_scorecard"
CLIENT = CalculatorClient(ID)
run = CLIENT.run
values = CLIENT.values
errors_for = CLIENT.errors_for


def vendor(name: str, scores: tuple[float | str, ...], passes: str = "yes") -> dict[str, Any]:
    return {"name": name, **dict(zip(CRITERIA, scores, strict=True)), "must_haves": passes}


def weights(*points: float) -> dict[str, float]:
    return {f"weight_{c}": p for c, p in zip(CRITERIA, points, strict=True)}


# --- Reference values worked out by hand ----------------------------------------------------


def test_default_ranking_worked_by_hand() -> None:
    # Weights 25/15/15/15/10/20 add up to 100, so the shares are .25 .15 .15 .15 .10 .20.
    # Scores (expertise, fit, contract, security, communication, price):
    #   A (9, 7, 6, 8, 8, 5): 2.25 + 1.05 + 0.90 + 1.20 + 0.80 + 1.00 = 7.20 -> 72.0
    #   B (6, 6, 8, 6, 6, 9): 1.50 + 0.90 + 1.20 + 0.90 + 0.60 + 1.80 = 6.90 -> 69.0
    #   C (9, 9, 7, 3, 9, 8): 2.25 + 1.35 + 1.05 + 0.45 + 0.90 + 1.60 = 7.60 -> 76.0, but C
    #   fails a must-have, so it is listed last and A wins by 3.0 points.
    v = values()
    a, b, c = "Vendor A (example)", "Vendor B (example)", "Vendor C (example)"
    assert v["scores"] == pytest.approx({a: 72.0, b: 69.0, c: 76.0})
    assert v["ranking"] == [a, b, c]
    assert v["knocked_out"] == [c]
    assert v["winner"] == a and v["runner_up"] == b
    assert v["lead"] == pytest.approx(3.0)
    assert v["points"][a] == pytest.approx(
        dict(zip(CRITERIA, [22.5, 10.5, 9.0, 12.0, 8.0, 10.0], strict=True))
    )


def test_default_sensitivity_worked_by_hand() -> None:
    # Move one share to t, the others rescaled to fill 1 - t. With Q the weighted average of
    # a vendor's other scores and X its score on the criterion moved, score(t) = 10 (Q + t(X - Q)).
    # Price (share .20): Q_A = (7.20 - 1.00) / .80 = 7.75, Q_B = (6.90 - 1.80) / .80 = 6.375;
    #   A's lead / 10 = (7.75 - 6.375) + t ((5 - 7.75) - (9 - 6.375)) = 1.375 - 5.375 t,
    #   zero at t = 1.375 / 5.375 = .255814: raising price by 5.5814 points puts B ahead.
    # Expertise (share .25): Q_A = 4.95 / .75 = 6.6, Q_B = 5.4 / .75 = 7.2;
    #   lead / 10 = -0.6 + 3.6 t, zero at t = 1/6: lowering it by 8.3333 points puts B ahead.
    # Contract (share .15): Q_A = 6.3 / .85, Q_B = 5.7 / .85; lead / 10 = 0.3 at t = .15 and
    #   falls by 2 + 0.6 / .85 = 2.70588 per unit of t: 0.3 / 2.70588 = .255 / 2.3 = .110870.
    # C is knocked out, so it never counts as a challenger.
    s = values()["sensitivity"]
    b = "Vendor B (example)"
    assert s["price"]["up"] == {"points": pytest.approx(100 * 1.375 / 5.375 - 20), "winner": b}
    assert s["price"]["down"] is None
    assert s["expertise"]["down"] == {"points": pytest.approx(25 - 100 / 6), "winner": b}
    assert s["expertise"]["up"] is None
    assert s["contract"]["up"] == {"points": pytest.approx(100 * 0.255 / 2.3), "winner": b}
    for criterion in ("fit", "security", "communication"):
        assert s[criterion]["up"] is None and s[criterion]["down"] is None
    assert values()["most_fragile"] == "price"
    # At the solved weights the two vendors are level: 20% + 5.5814% on price.
    t = 1.375 / 5.375
    level = values(weights(*(w * (1 - t) / 0.8 for w in (25, 15, 15, 15, 10)), 100 * t))
    assert level["scores"]["Vendor A (example)"] == pytest.approx(level["scores"][b])


FALSE_FLIP: dict[str, Any] = {**weights(40, 0, 5, 10, 20, 0),
              "vendors": [vendor("V1", (10, 1.5, 2.5, 10, 4.5, 1.5)),
                          vendor("V2", (5, 8, 6.5, 10, 3, 4.5))]}  # fmt: skip


def test_no_false_flip_where_the_two_only_tie_at_full_weight() -> None:
    # Issue 10, defect 5. Security's share is 10 / 75. Both vendors score 10 on security, so at
    # a 100% security weight both score 100: a tie, which V1 (the earlier row) keeps. Raising
    # security never puts V2 ahead; in floating point the level point came out a hair below
    # 100% and the table claimed a flip at +86.67 points.
    v = values(FALSE_FLIP)
    assert v["winner"] == "V1"
    assert v["sensitivity"]["security"] == {"share": pytest.approx(10 / 75), "up": None,
                                            "down": None}  # fmt: skip
    at_full = values({**FALSE_FLIP, **weights(0, 0, 0, 100, 0, 0)})
    assert at_full["scores"]["V1"] == at_full["scores"]["V2"] == 100.0
    assert at_full["winner"] == "V1"


def test_a_tie_at_the_end_of_the_range_is_a_flip_when_the_tie_goes_to_the_challenger() -> None:
    # The same two vendors entered the other way round: now V2 is the earlier row, so at a
    # 100% security weight the tie goes to it and raising security by 86.67 points (exactly
    # 65 / 75) does change the winner.
    swapped = {**FALSE_FLIP, "vendors": FALSE_FLIP["vendors"][::-1]}
    v = values(swapped)
    assert v["winner"] == "V1"
    assert v["sensitivity"]["security"]["up"] == {"points": 100 * 65 / 75, "winner": "V2"}
    at_full = values({**swapped, **weights(0, 0, 0, 100, 0, 0)})
    assert at_full["winner"] == "V2"


def test_flips_are_solved_exactly() -> None:
    # Default vendors, expertise share 1/4: B draws level at t = 1/6 exactly (see above).
    shares = [Fraction(w) for w in (25, 15, 15, 15, 10, 20)]
    a = Vendor("A", 0, tuple(Fraction(x) for x in (9, 7, 6, 8, 8, 5)), True)
    b = Vendor("B", 1, tuple(Fraction(x) for x in (6, 6, 8, 6, 6, 9)), True)
    study = sensitivity(shares, a, [b], 0)
    assert study.share == Fraction(1, 4)
    assert study.down is not None and study.down.move == Fraction(1, 4) - Fraction(1, 6)
    assert study.up is None


def test_knocked_out_vendors_come_last_and_ties_go_to_the_earlier_row() -> None:
    # Equal weights: each share is 1/6. Scores are the plain means times 10.
    rows = [
        vendor("Top but out", (10, 10, 10, 10, 10, 10), "no"),
        vendor("Even one", (6, 6, 6, 6, 6, 6)),  # 60
        vendor("Even two", (6, 6, 6, 6, 6, 6)),  # 60, level: the earlier row ranks first
        vendor("Low", (3, 3, 3, 3, 3, 3)),  # 30
    ]
    v = values({"vendors": rows, **weights(1, 1, 1, 1, 1, 1)})
    assert v["ranking"] == ["Even one", "Even two", "Low", "Top but out"]
    assert v["winner"] == "Even one"
    assert v["lead"] == pytest.approx(0.0)
    assert v["scores"]["Top but out"] == pytest.approx(100.0)


def test_nobody_passing_means_no_winner_and_no_sensitivity() -> None:
    rows = [vendor("X", (5,) * 6, "no"), vendor("Y", (6,) * 6, "no")]
    result = run({"vendors": rows})
    assert result["values"]["winner"] is None
    assert result["values"]["ranking"] == ["Y", "X"]
    assert result["values"]["sensitivity"] == {}
    assert [t["id"] for t in result["tables"]] == ["ranking", "breakdown"]
    assert result["figures"][0]["text"] == "None passes"


def test_only_one_vendor_passing_cannot_be_displaced() -> None:
    rows = [vendor("Only", (1,) * 6), vendor("Better but out", (9,) * 6, "no")]
    v = values({"vendors": rows})
    assert v["winner"] == "Only" and v["runner_up"] is None and v["lead"] is None
    assert v["most_fragile"] is None
    assert all(s["up"] is None and s["down"] is None for s in v["sensitivity"].values())


def test_a_single_weighted_criterion_splits_a_lowered_weight_equally() -> None:
    # Only price weighs: B (price 9) beats A (price 5). Lower price to share t and the other
    # five criteria share 1 - t equally; A's other scores average 38/5 = 7.6, B's 32/5 = 6.4.
    # Lead / 10 = (6.4 - 7.6) + t ((9 - 6.4) - (5 - 7.6)) = -1.2 + 5.2 t: zero at t = 3/13,
    # so a fall of 100 (1 - 3/13) = 76.92 points puts A ahead.
    rows = [vendor("A", (9, 7, 6, 8, 8, 5)), vendor("B", (6, 6, 8, 6, 6, 9))]
    v = values({"vendors": rows, **weights(0, 0, 0, 0, 0, 40)})
    assert v["winner"] == "B"
    assert v["sensitivity"]["price"]["down"] == {"points": pytest.approx(1000 / 13), "winner": "A"}
    assert v["sensitivity"]["price"]["up"] is None


def test_flat_form_keys_and_blank_rows() -> None:
    form: dict[str, Any] = {}
    for index, row in ((0, vendor("Alpha", (5,) * 6)), (2, vendor("Gamma", (7,) * 6))):
        form |= {f"vendors.{index}.{k}": str(value) for k, value in row.items()}
    form |= {f"vendors.1.{k}": "" for k in ("name", *CRITERIA, "must_haves")}
    v = values(form)
    assert v["ranking"] == ["Gamma", "Alpha"]


# --- Bad input -----------------------------------------------------------------------------


def five_vendors(count: int) -> list[dict[str, Any]]:
    return [vendor(f"V{i}", (5,) * 6) for i in range(count)]


@pytest.mark.parametrize(
    ("inputs", "field", "expected"),
    [
        ({"vendors": five_vendors(1)}, "vendors", "at least 2 rows"),
        ({"vendors": five_vendors(7)}, "vendors", "at most 6 vendors"),
        ({"vendors": five_vendors(19)}, "vendors", "at most 18 rows"),
        ({"vendors": [vendor("Acme", (5,) * 6), vendor(" ACME ", (6,) * 6)]}, "vendors.1.name",
         "already used in row 1"),
        ({"vendors": [vendor("A", (5, 5, 5, 11, 5, 5)), vendor("B", (5,) * 6)]},
         "vendors.0.security", "at most 10"),
        ({"vendors": [vendor("A", (5,) * 6), vendor("B", (5, -1, 5, 5, 5, 5))]},
         "vendors.1.fit", "at least 0"),
        ({"vendors": [vendor("A", (5, 5, 5, 5, 5, "nan")), vendor("B", (5,) * 6)]},
         "vendors.0.price", "finite number"),
        ({"vendors": [vendor("A", (5,) * 6), vendor("", (5,) * 6)]}, "vendors.1.name",
         "Enter a value"),
        ({"vendors": [vendor("A", (5,) * 6), vendor("x" * 41, (5,) * 6)]}, "vendors.1.name",
         "at most 40 characters"),
        ({"vendors": [vendor("A", (5,) * 6), vendor("B", (5,) * 6, "maybe")]},
         "vendors.1.must_haves", "Choose one of: yes, no"),
        ({"vendors": [vendor("A", (5,) * 6), vendor("B", (5,) * 6, "")]},
         "vendors.1.must_haves", "Enter a value"),
        ({"vendors": [vendor("A", (5, "lots", 5, 5, 5, 5)), vendor("B", (5,) * 6)]},
         "vendors.0.fit", "Enter a number"),
        ({"vendors": "not a table"}, "vendors", "list of rows"),
        ({"weight_price": 101}, "weight_price", "at most 100"),
        ({"weight_price": "nan"}, "weight_price", "finite number"),
        ({"weight_fit": -5}, "weight_fit", "at least 0"),
        (weights(0, 0, 0, 0, 0, 0), "weight_expertise", "All six weights are zero"),
    ],
)  # fmt: skip
def test_bad_input_gets_a_message_on_its_field_or_cell(
    inputs: dict[str, Any], field: str, expected: str
) -> None:
    CLIENT.assert_only_error(inputs, field, expected)


def test_a_blank_name_in_a_row_with_scores_is_an_error_not_a_skipped_row() -> None:
    form: dict[str, Any] = {}
    for index, row in enumerate([vendor("A", (5,) * 6), vendor("B", (6,) * 6)]):
        form |= {f"vendors.{index}.{k}": str(value) for k, value in row.items()}
    form |= {f"vendors.2.{c}": "5" for c in CRITERIA} | {"vendors.2.name": " "}
    errors = errors_for(form)
    assert set(errors) == {"vendors.2.name", "vendors.2.must_haves"}
    assert errors["vendors.2.name"] == "Enter a value."


def test_every_cell_error_is_reported_at_once() -> None:
    rows = [vendor("A", (11, 5, 5, 5, 5, 5)), vendor("a", (5, 5, 5, 5, 5, "x"))]
    errors = errors_for({"vendors": rows, "weight_fit": "nan"})
    assert set(errors) == {"vendors.0.expertise", "vendors.1.name", "vendors.1.price",
                           "weight_fit"}  # fmt: skip


# --- Properties ----------------------------------------------------------------------------

half_points = st.integers(min_value=0, max_value=20).map(lambda n: n / 2)  # 0, 0.5, ... 10
score_rows = st.lists(
    st.tuples(st.tuples(*(half_points for _ in CRITERIA)), st.sampled_from(["yes", "no"])),
    min_size=2,
    max_size=6,
)
weight_sets = st.tuples(*(st.integers(min_value=0, max_value=100) for _ in CRITERIA)).filter(
    lambda ws: any(ws)
)


def table(rows: list[tuple[tuple[float, ...], str]]) -> list[dict[str, Any]]:
    return [vendor(f"Vendor {i}", scores, passes) for i, (scores, passes) in enumerate(rows)]


@settings(deadline=None)
@given(
    score_rows,
    st.tuples(*(st.integers(min_value=0, max_value=10) for _ in CRITERIA)).filter(any),
    st.integers(min_value=1, max_value=10),
)
def test_scaling_every_weight_by_the_same_factor_changes_nothing(
    rows: list[tuple[tuple[float, ...], str]], ws: tuple[int, ...], factor: int
) -> None:
    # Whole weights and half-point scores keep every product exact, so the shares and all the
    # results are bit-for-bit the same, texts included.
    base = run({"vendors": table(rows), **weights(*ws)})
    scaled = run({"vendors": table(rows), **weights(*(w * factor for w in ws))})
    assert scaled == base


@settings(deadline=None)
@given(score_rows, weight_sets, st.floats(min_value=0.01, max_value=1.0))
def test_scaling_by_any_factor_keeps_scores_and_shares(
    rows: list[tuple[tuple[float, ...], str]], ws: tuple[int, ...], factor: float
) -> None:
    base = values({"vendors": table(rows), **weights(*ws)})
    scaled = values({"vendors": table(rows), **weights(*(w * factor for w in ws))})
    assert scaled["shares"] == pytest.approx(base["shares"], rel=1e-12)
    assert scaled["scores"] == pytest.approx(base["scores"], rel=1e-12, abs=1e-12)


@settings(deadline=None)
@given(score_rows, weight_sets, st.data())
def test_raising_a_score_on_a_weighted_criterion_never_lowers_score_or_rank(
    rows: list[tuple[tuple[float, ...], str]], ws: tuple[int, ...], data: st.DataObject
) -> None:
    who = data.draw(st.integers(min_value=0, max_value=len(rows) - 1))
    which = data.draw(st.sampled_from([i for i, w in enumerate(ws) if w > 0]))
    scores, passes = rows[who]
    assume(scores[which] < 10)
    rise = data.draw(st.integers(min_value=1, max_value=int(2 * (10 - scores[which])))) / 2
    raised = list(rows)
    new_scores = list(scores)
    new_scores[which] += rise
    raised[who] = (tuple(new_scores), passes)
    name = f"Vendor {who}"
    before = values({"vendors": table(rows), **weights(*ws)})
    after = values({"vendors": table(raised), **weights(*ws)})
    assert after["scores"][name] > before["scores"][name]
    assert after["ranking"].index(name) <= before["ranking"].index(name)


@settings(deadline=None)
@given(score_rows, weight_sets)
def test_a_knocked_out_vendor_never_wins_and_is_listed_last(
    rows: list[tuple[tuple[float, ...], str]], ws: tuple[int, ...]
) -> None:
    v = values({"vendors": table(rows), **weights(*ws)})
    out = {f"Vendor {i}" for i, (_, passes) in enumerate(rows) if passes == "no"}
    assert set(v["knocked_out"]) == out
    assert v["ranking"][len(rows) - len(out) :] == v["knocked_out"]
    if len(out) == len(rows):
        assert v["winner"] is None
    else:
        assert v["winner"] not in out
        best = max(s for name, s in v["scores"].items() if name not in out)
        assert v["scores"][v["winner"]] == best


def moved(ws: tuple[int, ...], index: int, share: float) -> dict[str, float]:
    """Weights with criterion `index` at `share` and the others rescaled proportionally (or
    equally, when they all weigh nothing)."""
    rest = sum(w for i, w in enumerate(ws) if i != index)
    others = [(w / rest if rest else 1 / (len(ws) - 1)) * (1 - share) * 100 for w in ws]
    return weights(*(share * 100 if i == index else others[i] for i in range(len(ws))))


@settings(max_examples=150, deadline=None)
@given(score_rows, weight_sets)
def test_moving_a_weight_by_the_reported_amount_changes_the_winner_and_less_does_not(
    rows: list[tuple[tuple[float, ...], str]], ws: tuple[int, ...]
) -> None:
    # The reported move is where a challenger draws level; a hair (1e-5 points) beyond it the
    # challenger leads, a hair short of it the winner still leads.
    vendors = table(rows)
    v = values({"vendors": vendors, **weights(*ws)})
    assume(v["winner"] is not None)
    hair = 1e-7  # as a share
    for index, criterion in enumerate(CRITERIA):
        share = v["sensitivity"][criterion]["share"]
        for direction, sign in (("up", 1), ("down", -1)):
            flip = v["sensitivity"][criterion][direction]
            if flip is None:
                continue
            move = flip["points"] / 100
            beyond = share + sign * (move + hair)
            if move < 2 * hair or not 0 < beyond < 1:
                continue
            after = values({"vendors": vendors, **moved(ws, index, beyond)})
            assert after["winner"] != v["winner"], (criterion, direction, flip)
            assert after["scores"][flip["winner"]] > after["scores"][v["winner"]]
            short = values({"vendors": vendors, **moved(ws, index, share + sign * (move - hair))})
            assert short["winner"] == v["winner"], (criterion, direction, flip)
    if v["most_fragile"] is None:
        assert all(s["up"] is None and s["down"] is None for s in v["sensitivity"].values())


@settings(max_examples=60, deadline=None)
@given(score_rows, weight_sets, st.data())
def test_never_means_no_share_from_0_to_100_percent_changes_the_winner(
    rows: list[tuple[tuple[float, ...], str]], ws: tuple[int, ...], data: st.DataObject
) -> None:
    vendors = table(rows)
    v = values({"vendors": vendors, **weights(*ws)})
    assume(v["winner"] is not None)
    index = data.draw(st.integers(min_value=0, max_value=len(CRITERIA) - 1))
    s = v["sensitivity"][CRITERIA[index]]
    for direction, end in (("up", 1.0), ("down", 0.0)):
        if s[direction] is not None:
            continue
        for step in range(1, 11):  # ten shares between now and the end of the range
            share = min(1.0, max(0.0, s["share"] + (end - s["share"]) * step / 10))
            after = values({"vendors": vendors, **moved(ws, index, share)})
            lead = after["scores"][v["winner"]] - max(
                score for name, score in after["scores"].items()
                if name != v["winner"] and name not in v["knocked_out"]
            ) if v["runner_up"] else 1.0  # fmt: skip
            assert lead >= -1e-9, (CRITERIA[index], direction, share)


# --- Minimum scores as must-haves ------------------------------------------------------------


def test_no_minimums_by_default() -> None:
    assert values()["below_minimum"] == {}


def test_a_minimum_score_knocks_out_like_a_must_have() -> None:
    # Default vendors; security at least 7: B scores 6 there, so it is out and A (72.0) is the
    # only vendor left that passes. C already fails the must-haves (and its 3 on security).
    v = values({"minimum_security": 7})
    a, b, c = "Vendor A (example)", "Vendor B (example)", "Vendor C (example)"
    assert v["below_minimum"] == {b: ["security"], c: ["security"]}
    assert v["knocked_out"] == [c, b]  # knocked out, highest score first: 76.0, 69.0
    assert v["ranking"] == [a, c, b]
    assert v["winner"] == a and v["runner_up"] is None and v["lead"] is None
    assert v["scores"] == pytest.approx({a: 72.0, b: 69.0, c: 76.0})  # scores are unchanged


def test_a_score_equal_to_the_minimum_passes() -> None:
    # Price at least 5: A scores exactly 5 and stays in; at least 5.5 knocks it out, leaving B.
    assert values({"minimum_price": 5})["winner"] == "Vendor A (example)"
    v = values({"minimum_price": 5.5})
    assert v["winner"] == "Vendor B (example)"
    assert v["below_minimum"] == {"Vendor A (example)": ["price"]}


def test_a_vendor_below_two_minimums_lists_both() -> None:
    rows = [vendor("Low", (4, 4, 9, 9, 9, 9)), vendor("Fine", (6,) * 6)]
    v = values({"vendors": rows, "minimum_expertise": 5, "minimum_fit": 5})
    assert v["below_minimum"] == {"Low": ["expertise", "fit"]}
    assert v["winner"] == "Fine"


def test_minimums_have_limits() -> None:
    CLIENT.assert_only_error({"minimum_price": 10.5}, "minimum_price", "at most 10")
    CLIENT.assert_only_error({"minimum_fit": -1}, "minimum_fit", "at least 0")
