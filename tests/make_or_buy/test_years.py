"""Make or buy year by year: hand-worked horizons, escalation and discounting against
numpy-financial's npv."""

from __future__ import annotations

from typing import Any

import numpy_financial as npf
import pytest
from calculator_client import CalculatorClient, figure
from hypothesis import given
from hypothesis import strategies as st

CLIENT = CalculatorClient("make_or_buy")
run = CLIENT.run
values = CLIENT.values

STRAIGHT_LINE: dict[str, Any] = {"capital_rate_pct": 0}


def test_the_defaults_over_five_years() -> None:
    v = values()
    # Prices as entered every year: 376,091.29 making and 345,600 buying a year (test_model).
    assert [y["year"] for y in v["by_year"]] == [1, 2, 3, 4, 5]
    assert all(y["make"] == pytest.approx(376_091.29, abs=0.01) for y in v["by_year"])
    assert all(y["buy"] == pytest.approx(345_600) for y in v["by_year"])
    # Discounted at 8%: 1/1.08 + ... + 1/1.08^5 = 3.992710. The set-up payments are worth the
    # set-up itself: 200,000 + (62,000 + 264,000) x 3.992710 = 1,501,623.5.
    assert v["horizon_make_pv"] == pytest.approx(1_501_623.5, abs=0.1)
    assert v["horizon_buy_pv"] == pytest.approx(345_600 * 3.992710, abs=0.5)  # 1,379,880.6
    assert v["horizon_cheaper"] == "buy"


def test_escalation_worked_by_hand_without_discounting() -> None:
    v = values(STRAIGHT_LINE | {"horizon_years": 3, "make_escalation_pct": 10,
                                "buy_escalation_pct": -5})  # fmt: skip
    # Making: 40,000 set-up + 326,000 running, the running part x 1.1 a year:
    # 366,000; 40,000 + 358,600 = 398,600; 40,000 + 394,460 = 434,460.
    assert [y["make"] for y in v["by_year"]] == pytest.approx([366_000, 398_600, 434_460])
    # Buying: 345,600; x 0.95 = 328,320; x 0.95 = 311,904.
    assert [y["buy"] for y in v["by_year"]] == pytest.approx([345_600, 328_320, 311_904])
    assert v["horizon_make_pv"] == pytest.approx(1_199_060)
    assert v["horizon_buy_pv"] == pytest.approx(985_824)
    assert v["horizon_difference"] == pytest.approx(985_824 - 1_199_060)


def test_a_rising_price_turns_the_answer_round_and_the_verdict_says_so() -> None:
    result = run({"horizon_years": 3, "buy_escalation_pct": 10})
    v = result["values"]
    # Making 376,091.29 x 2.577097 = 969,223.73; buying 345,600 x (1/1.08 + 1.1/1.08^2 +
    # 1.21/1.08^3) = 345,600 x 2.829536 = 977,887.52: making is cheaper by 8,663.79.
    assert v["horizon_make_pv"] == pytest.approx(969_223.73, abs=0.01)
    assert v["horizon_buy_pv"] == pytest.approx(977_887.52, abs=0.01)
    assert [y["cheaper"] for y in v["by_year"]] == ["buy", "make", "make"]
    assert result["verdict"]["text"] == (
        "Buying is cheaper by €30,491 a year at 24,000 units a year. Over 3 years, discounted "
        "at the cost of capital, making is cheaper by €8,664."
    )
    horizon = figure(result, "horizon")
    assert horizon["label"] == "Cheaper over 3 years, discounted"
    assert horizon["text"] == "Making, by €8,664"
    assert horizon["note"] == "Present values at 8% a year: making €969,224, buying €977,888."


def test_the_verdict_stays_one_sentence_when_the_years_agree() -> None:
    assert run()["verdict"]["text"] == (
        "Buying is cheaper by €30,491 a year at 24,000 units a year."
    )
    headlines = [f["id"] for f in run()["figures"] if f["headline"]]
    assert headlines == ["cheaper", "break_even", "horizon"]


def test_one_year_reads_in_the_singular_and_equals_the_yearly_view() -> None:
    result = run({"horizon_years": 1, "capital_rate_pct": 0})
    assert figure(result, "horizon")["label"] == "Cheaper over 1 year, discounted"
    v = result["values"]
    assert v["horizon_make_pv"] == pytest.approx(v["make_total"])
    assert v["horizon_buy_pv"] == pytest.approx(v["buy_total"])


def test_the_year_table_and_the_cumulative_chart() -> None:
    result = run(STRAIGHT_LINE | {"horizon_years": 2})
    table = next(t for t in result["tables"] if t["id"] == "by_year")
    assert [r["cells"] for r in table["rows"]] == [
        ["Year 1", "€366,000", "€345,600", "€20,400", "Buying"],
        ["Year 2", "€366,000", "€345,600", "€20,400", "Buying"],
        ["Total, discounted at 0% a year", "€732,000", "€691,200", "€40,800", "Buying"],
    ]
    chart = next(c for c in result["charts"] if c["id"] == "cost_over_years")
    make, buy = chart["series"]
    assert (make["id"], buy["id"]) == ("make", "buy")
    assert make["x"] == [0, 1, 2]
    assert make["y"] == pytest.approx([0, 366_000, 732_000])
    assert buy["y"] == pytest.approx([0, 345_600, 691_200])
    # The guide's figure reads the volume chart: it stays first.
    assert result["charts"][0]["id"] == "cost_by_volume"


@given(
    st.floats(min_value=0, max_value=50),
    st.integers(min_value=1, max_value=30),
    st.floats(min_value=-20, max_value=50),
    st.floats(min_value=-20, max_value=50),
)
def test_present_values_agree_with_numpy_financial(
    rate_pct: float, years: int, make_pct: float, buy_pct: float
) -> None:
    v = values({"capital_rate_pct": rate_pct, "horizon_years": years,
                "make_escalation_pct": make_pct, "buy_escalation_pct": buy_pct})  # fmt: skip
    rate = rate_pct / 100
    # numpy-financial's npv starts at t = 0: a zero flow there puts year 1 at the end of year 1.
    make = npf.npv(rate, [0.0, *(y["make"] for y in v["by_year"])])
    buy = npf.npv(rate, [0.0, *(y["buy"] for y in v["by_year"])])
    assert v["horizon_make_pv"] == pytest.approx(make, rel=1e-9)
    assert v["horizon_buy_pv"] == pytest.approx(buy, rel=1e-9)
    # Year k's cost of buying grows by the escalation from year 1's.
    growth = (1 + buy_pct / 100) ** (years - 1)
    assert v["by_year"][-1]["buy"] == pytest.approx(v["buy_total"] * growth, rel=1e-9)
