"""Both sides' answers: the vendor's scores beside the reader's, and the gaps between them."""

from __future__ import annotations

from typing import Any

import pytest
from calculator_client import CalculatorClient, figure
from hypothesis import given
from hypothesis import strategies as st

from calculators.core.vocab import AGREEMENT_VALUES as RATINGS
from calculators.team_health.model import LARGE_GAP, STATEMENTS

CLIENT = CalculatorClient("team_health")
run = CLIENT.run
values = CLIENT.values


def vendor(**ratings: str) -> dict[str, Any]:
    """Both sides, with the vendor's answers as the defaults but for `ratings`."""
    return {"answer_for": "both"} | {f"vendor_{name}": r for name, r in ratings.items()}


def test_one_side_has_no_comparison() -> None:
    result = run()
    v = result["values"]
    assert v["vendor_scores"] is None and v["gaps"] is None and v["large_gaps"] is None
    assert result["tables"] == []
    assert all(f["id"] != "largest_gap" for f in result["figures"])


def test_vendor_answers_are_ignored_for_one_side() -> None:
    assert run({"vendor_int_planning": "5"})["values"] == run()["values"]


def test_the_same_answers_leave_no_gap() -> None:
    result = run(vendor())
    v = result["values"]
    assert v["gaps"] == dict.fromkeys(v["scores"], 0.0) and v["large_gaps"] == []
    assert v["vendor_scores"] == v["scores"]
    assert figure(result, "largest_gap")["text"] == "none"
    assert result["verdict"] == run()["verdict"]


def test_gaps_by_hand() -> None:
    v = values(vendor(int_planning="5", int_silo="1", comm_late_news="2"))
    # Integration: you 2, 3, 4 (neg) -> 1 + 2 + 1 = 4 of 12 = 33.3; the vendor 5, 3, 1 (neg)
    # -> 4 + 2 + 4 = 10 of 12 = 83.3: a gap of 50 points, large.
    assert v["vendor_scores"]["integration"] == pytest.approx(1000 / 12)
    assert v["gaps"]["integration"] == pytest.approx(50.0)
    # Communication: you 6 of 12 = 50; the vendor 2 + 3 + 3 (late news 2, neg) = 8 of 12:
    # 16.7 points, not large.
    assert v["gaps"]["communication"] == pytest.approx(200 / 12)
    assert v["large_gaps"] == ["integration"]
    # The vendor's overall: (8 + 8 + 10 + 7 + 10) / 60 = 43/60 = 71.7; yours stays 58.3.
    assert v["vendor_overall"] == pytest.approx(4300 / 60)
    assert v["overall"] == pytest.approx(3500 / 60) and v["band"] == "needs_work"


def test_three_rating_steps_are_a_large_gap_and_two_are_not() -> None:
    # Goals: you 4, 3, 2 (neg) = 8 points. Vendor 5, 5, 2 = 11 points: +3 steps = 25 points.
    assert values(vendor(goals_agreed="5", goals_traced="5"))["large_gaps"] == ["goals"]
    # Vendor 5, 4, 2 = 10 points: +2 steps = 16.7 points.
    assert values(vendor(goals_agreed="5", goals_traced="4"))["large_gaps"] == []


def test_large_gaps_largest_first() -> None:
    # Accountability: you 5, 4, 2 = 10 points (83.3); the vendor 1, 1, 2 = 3 points (25):
    # -58.3. Integration +50 as above.
    v = values(vendor(acc_owners="1", acc_tracked="1", int_planning="5", int_silo="1"))
    assert v["gaps"]["accountability"] == pytest.approx(-700 / 12)
    assert v["large_gaps"] == ["accountability", "integration"]


def test_the_verdict_names_the_largest_gap() -> None:
    one = run(vendor(int_planning="5", int_silo="1"))
    assert one["verdict"]["text"] == (
        "The team needs work: it scores 58 out of 100, with its weakest dimension, "
        "Integration, at 33. The vendor's answers differ from yours by 25 points or more in 1 "
        "dimension: Integration, which the vendor scores 50 points higher."
    )
    two = run(vendor(acc_owners="1", acc_tracked="1", int_planning="5", int_silo="1"))
    assert two["verdict"]["text"].endswith(
        "The vendor's answers differ from yours by 25 points or more in 2 dimensions, most in "
        "Accountability, which the vendor scores 58 points lower."
    )
    gap = figure(two, "largest_gap")
    assert (gap["text"], gap["tone"]) == ("58 points", "bad")
    assert gap["note"] == (
        "Accountability: you score it 83, the vendor 25. A gap of 25 points or more is large."
    )


def test_the_table_sets_the_sides_side_by_side() -> None:
    (table,) = run(vendor(int_planning="5", int_silo="1", comm_late_news="2"))["tables"]
    assert table["columns"] == ["Dimension", "You", "Vendor", "Vendor minus you", "Gap"]
    rows = {r["cells"][0]: r["cells"][1:] for r in table["rows"]}
    assert rows["Integration"] == ["33", "83", "50", "Large gap"]
    assert rows["Communication"] == ["50", "67", "17", ""]
    assert rows["Overall"] == ["58", "72", "13", ""]


ratings = st.fixed_dictionaries({f"vendor_{name}": st.sampled_from(RATINGS) for name in STATEMENTS})


@given(ratings)
def test_gaps_are_vendor_minus_reader_and_large_from_the_threshold(answers: dict[str, str]) -> None:
    v = values({"answer_for": "both"} | answers)
    for dimension, gap in v["gaps"].items():
        assert gap == pytest.approx(v["vendor_scores"][dimension] - v["scores"][dimension])
        assert (dimension in v["large_gaps"]) == (abs(gap) >= LARGE_GAP - 1e-9)
    sizes = [abs(v["gaps"][d]) for d in v["large_gaps"]]
    assert sizes == sorted(sizes, reverse=True)
    # The vendor's answers never move the reader's own result.
    assert {k: v[k] for k in ("scores", "overall", "band")} == {
        k: values()[k] for k in ("scores", "overall", "band")
    }
