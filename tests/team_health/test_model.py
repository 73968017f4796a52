"""The team health model: hand-checked scores and properties that must always hold."""

from __future__ import annotations

from typing import Any

import pytest
from calculator_client import CalculatorClient
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.core.vocab import AGREEMENT_VALUES as RATINGS
from calculators.team_health.fields import FIELDS
from calculators.team_health.model import DIMENSIONS, STATEMENTS

POSITIVE = sorted(name for name, s in STATEMENTS.items() if not s.negative)
NEGATIVE = sorted(name for name, s in STATEMENTS.items() if s.negative)
BAND_RANK = {"at_risk": 0, "needs_work": 1, "healthy": 2, "high_performing": 3}

CLIENT = CalculatorClient("team_health")
run = CLIENT.run
values = CLIENT.values


def best(**changes: str) -> dict[str, Any]:
    """Every positive statement at 5 and every negative one at 1, then `changes`."""
    inputs: dict[str, Any] = {n: "5" for n in POSITIVE} | {n: "1" for n in NEGATIVE}
    return inputs | changes


def everything(rating: str) -> dict[str, Any]:
    return {name: rating for name in STATEMENTS}


# ---- Reference values worked out by hand -------------------------------------------------


def test_defaults_by_hand() -> None:
    v = values()
    # Points: positive = rating - 1, negative = 5 - rating; score = points / 12 * 100.
    # goals: agreed 4 -> 3, traced 3 -> 2, missed (neg) 2 -> 3: 8/12 = 66.67
    # communication: rhythm 3 -> 2, tools 4 -> 3, late news (neg) 4 -> 1: 6/12 = 50
    # accountability: owners 5 -> 4, tracked 4 -> 3, unclear (neg) 2 -> 3: 10/12 = 83.33
    # talent: skills 4 -> 3, learning 3 -> 2, struggles (neg) 3 -> 2: 7/12 = 58.33
    # integration: planning 2 -> 1, access 3 -> 2, silo (neg) 4 -> 1: 4/12 = 33.33
    assert v["scores"] == pytest.approx(
        {
            "goals": 800 / 12,
            "communication": 50.0,
            "accountability": 1000 / 12,
            "talent": 700 / 12,
            "integration": 400 / 12,
        },
        abs=1e-12,
    )
    # Overall: (8 + 6 + 10 + 7 + 4) / 60 * 100 = 35/60 * 100 = 58.33 -> needs work (50 to 75);
    # integration < 50 also caps the band at needs work, which changes nothing here.
    assert v["overall"] == pytest.approx(3500 / 60, abs=1e-12)
    assert v["band"] == "needs_work" and v["band_capped"] is None
    assert v["weakest"] == "integration"
    # Weakest three: integration 33, communication 50, talent 58.
    assert v["focus"] == ["integration", "communication", "talent"]
    # Communication 50 < 75 -> weekly check-ins and monthly reviews are suggested.
    assert v["rhythm_advice"] is True
    figures = {f["id"]: f["text"] for f in run()["figures"]}
    assert figures == {"overall": "58/100", "band": "Needs work", "weakest": "Integration"}


def test_all_threes_score_fifty_everywhere() -> None:
    # Every statement earns 2 of 4 points, so every dimension and the total are 50 (needs work,
    # the lower bound is inclusive); the tie for weakest goes to the first dimension, goals.
    v = values(everything("3"))
    assert v["scores"] == dict.fromkeys(v["scores"], 50.0)
    assert v["overall"] == 50.0 and v["band"] == "needs_work"
    assert v["weakest"] == "goals"
    assert v["focus"] == ["goals", "communication", "accountability"]
    result = run(everything("3"))
    rhythm = next(item for item in result["lists"] if item["id"] == "rhythm")
    assert "communication (50) and accountability (50)" in rhythm["items"][0]["note"]


def test_agreeing_with_everything_is_not_a_top_score() -> None:
    # All 4: positives earn 3, negatives earn 5 - 4 = 1: 7/12 = 58.33 in every dimension.
    v = values(everything("4"))
    assert v["overall"] == pytest.approx(700 / 12, abs=1e-12)
    assert v["band"] == "needs_work"


def test_one_notch_below_fifty_is_at_risk() -> None:
    # All 3s except goals_agreed 2: goals 1 + 2 + 2 = 5/12 = 41.67; total 29/60 = 48.33.
    v = values(everything("3") | {"goals_agreed": "2"})
    assert v["scores"]["goals"] == pytest.approx(500 / 12, abs=1e-12)
    assert v["overall"] == pytest.approx(2900 / 60, abs=1e-12)
    assert v["band"] == "at_risk"


def test_seventy_five_everywhere_is_healthy() -> None:
    # Positives 4 (3 points each), negatives 2 (3 points): 9/12 = 75 in each dimension.
    inputs = {n: "4" for n in POSITIVE} | {n: "2" for n in NEGATIVE}
    v = values(inputs)
    assert v["scores"] == dict.fromkeys(v["scores"], 75.0)
    assert v["overall"] == 75.0 and v["band"] == "healthy"
    assert v["rhythm_advice"] is False
    bars = run(inputs)["charts"][0]["bars"]
    assert {bar["tone"] for bar in bars} == {"good"}


def test_ninety_with_no_dimension_below_seventy_five_is_high_performing() -> None:
    # Talent and integration at 75 (one positive statement at 2: 4 + 1 + 4 = 9/12), the rest
    # 100: overall (3 * 100 + 2 * 75) / 5 = 90.
    v = values(best(talent_learning="2", int_access="2"))
    assert v["scores"]["talent"] == 75.0 and v["scores"]["integration"] == 75.0
    assert v["overall"] == 90.0 and v["band"] == "high_performing"


def test_a_dimension_below_seventy_five_caps_the_band_at_healthy() -> None:
    # Talent 4 + 0 + 4 = 8/12 = 66.67; overall (400 + 66.67) / 5 = 93.33, but capped.
    v = values(best(talent_learning="1"))
    assert v["overall"] == pytest.approx(1400 / 15, abs=1e-12)
    assert v["band"] == "healthy" and v["band_capped"] == "good"
    note = next(f["note"] for f in run(best(talent_learning="1"))["figures"] if f["id"] == "band")
    assert "below 75" in note


def test_a_dimension_below_fifty_caps_the_band_at_needs_work() -> None:
    # Integration all at its worst: 0/12 = 0; overall 400 / 5 = 80 (healthy), but capped.
    v = values(best(int_planning="1", int_access="1", int_silo="5"))
    assert v["scores"]["integration"] == 0.0
    assert v["overall"] == 80.0
    assert v["band"] == "needs_work" and v["band_capped"] == "fair"
    assert v["weakest"] == "integration"


def test_best_answers_score_one_hundred_and_need_no_meeting_advice() -> None:
    result = run(best())
    v = result["values"]
    assert v["scores"] == dict.fromkeys(v["scores"], 100.0)
    assert v["overall"] == 100.0 and v["band"] == "high_performing"
    assert v["rhythm_advice"] is False
    assert [item_list["id"] for item_list in result["lists"]] == ["actions"]


def test_worst_answers_score_zero() -> None:
    inputs = {n: "1" for n in POSITIVE} | {n: "5" for n in NEGATIVE}
    v = values(inputs)
    assert v["overall"] == 0.0 and v["band"] == "at_risk"


# ---- Properties ---------------------------------------------------------------------------

ratings = st.fixed_dictionaries({name: st.sampled_from(RATINGS) for name in STATEMENTS})
answers = st.fixed_dictionaries(
    {name: st.sampled_from(RATINGS) for name in STATEMENTS}
    | {"focus_count": st.integers(min_value=1, max_value=len(DIMENSIONS))}
)


def dimension_of(name: str) -> str:
    return next(d.id for d in DIMENSIONS if any(s.name == name for s in d.statements))


@settings(deadline=None)  # a busy machine must not fail a 1 ms computation
@given(answers, st.sampled_from(POSITIVE), st.data())
def test_raising_a_positive_statement_never_lowers_a_score(
    inputs: dict[str, Any], name: str, data: st.DataObject
) -> None:
    higher = data.draw(st.sampled_from([r for r in RATINGS if r >= inputs[name]]))
    before, after = values(inputs), values(inputs | {name: higher})
    dimension = dimension_of(name)
    assert after["scores"][dimension] >= before["scores"][dimension]
    assert after["overall"] >= before["overall"]
    assert BAND_RANK[after["band"]] >= BAND_RANK[before["band"]]
    if higher > inputs[name]:
        assert after["scores"][dimension] > before["scores"][dimension]


@settings(deadline=None)  # a busy machine must not fail a 1 ms computation
@given(answers, st.sampled_from(NEGATIVE), st.data())
def test_raising_a_negative_statement_never_raises_a_score(
    inputs: dict[str, Any], name: str, data: st.DataObject
) -> None:
    higher = data.draw(st.sampled_from([r for r in RATINGS if r >= inputs[name]]))
    before, after = values(inputs), values(inputs | {name: higher})
    dimension = dimension_of(name)
    assert after["scores"][dimension] <= before["scores"][dimension]
    assert after["overall"] <= before["overall"]
    assert BAND_RANK[after["band"]] <= BAND_RANK[before["band"]]
    if higher > inputs[name]:
        assert after["scores"][dimension] < before["scores"][dimension]


@settings(deadline=None)  # a busy machine must not fail a 1 ms computation
@given(answers)
def test_scores_bands_and_focus_are_consistent(inputs: dict[str, Any]) -> None:
    v = values(inputs)
    scores = v["scores"]
    assert list(scores) == [d.id for d in DIMENSIONS]
    assert all(0.0 <= s <= 100.0 for s in scores.values())
    assert v["overall"] == pytest.approx(sum(scores.values()) / 5, abs=1e-9)
    lowest = min(scores.values())
    assert scores[v["weakest"]] == lowest
    # The weakest ones, weakest first, as many as asked for.
    assert len(v["focus"]) == inputs["focus_count"]
    assert v["focus"][0] == v["weakest"]
    focus_scores = [scores[d] for d in v["focus"]]
    assert focus_scores == sorted(focus_scores)
    assert all(scores[d] >= focus_scores[-1] for d in scores if d not in v["focus"])
    # The band follows the documented thresholds and caps.
    overall = v["overall"]
    expected = (
        "high_performing" if overall >= 90 else
        "healthy" if overall >= 75 else
        "needs_work" if overall >= 50 else "at_risk"
    )  # fmt: skip
    if lowest < 50 and BAND_RANK[expected] > BAND_RANK["needs_work"]:
        expected = "needs_work"
    if lowest < 75 and expected == "high_performing":
        expected = "healthy"
    assert v["band"] == expected
    assert v["rhythm_advice"] == (scores["communication"] < 75 or scores["accountability"] < 75)
    # Two actions per focus dimension.
    assert len(v["action_hrefs"]) == 2 * inputs["focus_count"]


# ---- Form values ----------------------------------------------------------------------------


def test_form_values_are_accepted_as_text_or_whole_numbers() -> None:
    assert run({"goals_agreed": 4, "focus_count": "3"}) == run({"goals_agreed": "4"})


def test_missing_fields_take_their_defaults() -> None:
    assert run({}) == run({f.name: f.default for f in FIELDS})
