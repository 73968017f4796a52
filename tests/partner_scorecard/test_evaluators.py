"""Several evaluators: one row per vendor and evaluator, averaged exactly; the spread between
them, flagged when wide; the rules that keep such a table consistent."""

from __future__ import annotations

from typing import Any

import pytest
from calculator_client import CalculatorClient

from calculators.partner_scorecard.fields import CRITERIA

ID = "partner_scorecard"
CLIENT = CalculatorClient(ID)
run = CLIENT.run
values = CLIENT.values
errors_for = CLIENT.errors_for


def row(name: str, who: str, scores: tuple[float, ...], passes: str = "yes", **more: Any
        ) -> dict[str, Any]:  # fmt: skip
    return {"name": name, "evaluator": who, **dict(zip(CRITERIA, scores, strict=True)),
            "must_haves": passes, **more}  # fmt: skip


PANEL = [
    row("A", "Ann", (9, 7, 6, 8, 8, 5)),
    row("A", "Bo", (7, 7, 6, 4, 8, 5)),
    row("B", "Ann", (6, 6, 8, 6, 6, 9)),
    row("B", "Bo", (6, 6, 8, 6, 6, 9)),
]


def test_two_evaluators_averaged_worked_by_hand() -> None:
    # A's averages: (8, 7, 6, 6, 8, 5); with the default weights .25 .15 .15 .15 .10 .20:
    # 2.00 + 1.05 + 0.90 + 0.90 + 0.80 + 1.00 = 6.65 -> 66.5. B scores 69.0 (both agree), so
    # B wins by 2.5. A's spreads: expertise 9 - 7 = 2, security 8 - 4 = 4 (>= 3: flagged).
    v = values({"vendors": PANEL})
    assert v["scores"] == pytest.approx({"A": 66.5, "B": 69.0})
    assert v["winner"] == "B" and v["lead"] == pytest.approx(2.5)
    assert v["evaluators"] == {"A": 2, "B": 2}
    assert v["spreads"]["A"] == {"expertise": 2, "fit": 0, "contract": 0, "security": 4,
                                 "communication": 0, "price": 0}  # fmt: skip
    assert v["disagreements"] == [{"vendor": "A", "criterion": "security", "spread": 4.0}]
    result = run({"vendors": PANEL})
    table = next(t for t in result["tables"] if t["id"] == "spread")
    assert table["columns"] == ["Criterion", "B", "A"]  # ranking order
    cells = {r["cells"][0]: r["cells"][1:] for r in table["rows"]}
    assert cells["Evaluators"] == ["2", "2"]
    assert cells["Security"] == ["0.0", "4.0 (discuss)"]
    assert cells["Expertise and track record"] == ["0.0", "2.0"]
    items = " ".join(i["text"] for i in result["lists"][0]["items"])
    assert "disagree widely on Security for A (4.0 points)" in items


def test_three_evaluators_are_averaged_exactly() -> None:
    # Expertise 7, 8 and 8 average 23/3; only expertise weighs: A scores 10 x 23/3 = 76.67.
    rows = [row("A", who, (x, 0, 0, 0, 0, 0)) for who, x in (("1", 7), ("2", 8), ("3", 8))]
    rows.append(row("B", "", (7.5, 0, 0, 0, 0, 0)))
    only = {f"weight_{c}": 100 if c == "expertise" else 0 for c in CRITERIA}
    v = values({**only, "vendors": rows})
    assert v["scores"]["A"] == pytest.approx(230 / 3)
    assert v["evaluators"] == {"A": 3, "B": 1}
    assert v["disagreements"] == []  # spread 1 < 3
    assert values({**only, "vendors": rows, "spread_alert": 1})["disagreements"] == [
        {"vendor": "A", "criterion": "expertise", "spread": 1.0}
    ]


def test_one_no_from_any_evaluator_knocks_the_vendor_out() -> None:
    rows = [*PANEL[:3], row("B", "Bo", (6, 6, 8, 6, 6, 9), "no")]
    v = values({"vendors": rows})
    assert v["knocked_out"] == ["B"] and v["winner"] == "A"


def test_rows_are_grouped_by_name_and_the_first_row_counts_for_ties() -> None:
    same = (5, 5, 5, 5, 5, 5)
    rows = [row("Beta", "Ann", same), row("Alpha", "Ann", same), row(" BETA", "Bo", same),
            row("Alpha", "Bo", same)]  # fmt: skip
    v = values({"vendors": rows})
    assert v["ranking"] == ["Beta", "Alpha"]  # equal scores: Beta's first row comes first
    assert v["evaluators"] == {"Beta": 2, "Alpha": 2}


def test_the_defaults_have_one_evaluator_and_no_spread_table() -> None:
    result = run()
    assert set(result["values"]["evaluators"].values()) == {1}
    assert "spread" not in {t["id"] for t in result["tables"]}


def test_a_vendor_and_evaluator_pair_may_appear_once() -> None:
    twice = [*PANEL, row("a", "ann", (5,) * 6)]
    found = errors_for({"vendors": twice})
    assert found == {"vendors.4.name": "Row 1 already has this name with the same Evaluator; "
                                       "change one of them."}  # fmt: skip
    blank = [row("A", "", (5,) * 6), row("A", "", (6,) * 6)]
    assert "already used in row 1" in errors_for({"vendors": blank})["vendors.1.name"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([row("A", who, (5,) * 6) for who in "wxyz"] + [row("B", "", (5,) * 6)],
         "At most 3 evaluators per vendor: A has more rows."),
        ([row("A", "x", (5,) * 6), row("A", "y", (5,) * 6)], "Enter at least 2 vendors."),
        ([row(f"V{i}", who, (5,) * 6) for i in range(7) for who in "x"],
         "Enter at most 6 vendors."),
    ],
)  # fmt: skip
def test_table_rules(rows: list[dict[str, Any]], expected: str) -> None:
    assert errors_for({"vendors": rows}) == {"vendors": expected}


def test_a_vendor_has_one_bid_by_formula() -> None:
    rows = [{**r, "bid": 100 if r["name"] == "A" else 80} for r in PANEL]
    v = values({"price_method": "formula", "vendors": rows})
    assert v["bids"] == {"A": 100, "B": 80}
    rows[1]["bid"] = 90
    message = errors_for({"price_method": "formula", "vendors": rows})["vendors"]
    assert message == "A vendor has one bid: give the same bid in each of its rows (A)."
    assert values({"vendors": rows})["winner"] == "B"  # by judgment, the bids do not count


def test_evaluator_names_have_limits() -> None:
    rows = [row("A", "x" * 41, (5,) * 6), row("B", "", (5,) * 6)]
    assert "at most 40 characters" in errors_for({"vendors": rows})["vendors.0.evaluator"]
    assert "at least 0.5" in errors_for({"spread_alert": 0})["spread_alert"]
