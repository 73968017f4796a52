"""The make-or-buy result as readers see it: the verdict, figures and chart that agree."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

import pytest
from calculator_client import CalculatorClient, figure

import calculators
from calculators.core.vocab import CURRENCIES

ID = "make_or_buy"
CLIENT = CalculatorClient(ID)
run = CLIENT.run
values = CLIENT.values

# Everything on the buying side except the price switched off.
BARE: dict[str, Any] = {"duty_pct": 0, "transport": 0, "defect_pct": 0, "lead_time_cost": 0}
# The set-up spread evenly, with no interest: the round numbers of test_model's references.
STRAIGHT_LINE: dict[str, Any] = {"capital_rate_pct": 0}
SAME_EVERYWHERE = BARE | {"make_setup": 0, "make_fixed": 0, "buy_price": 11}
# 2 x 10^10 a year fixed, 0.02 a unit margin: a break-even at 10^12 units, past the 10^9 limit.
FAR_BREAK_EVEN = BARE | STRAIGHT_LINE | {"make_setup": 1e10, "setup_years": 1, "make_fixed": 1e10,
                         "buy_price": 11.02}  # fmt: skip


def test_the_verdict_of_the_defaults() -> None:
    # Making 376,091.29 against buying 345,600 (test_model's hand-worked defaults).
    assert run()["verdict"] == {
        "text": "Buying is cheaper by €30,491 a year at 24,000 units a year.",
        "tone": "neutral",
    }
    # 60,000 units: making 112,091.29 + 11 x 60,000 = 772,091.29; buying 14.40 x 60,000 =
    # 864,000.
    assert run({"volume": 60_000})["verdict"]["text"] == (
        "Making is cheaper by €91,909 a year at 60,000 units a year."
    )


def test_the_straight_line_case_reads_as_text() -> None:
    result = run(STRAIGHT_LINE)
    assert figure(result, "cheaper")["text"] == "Buying, by €20,400 a year"
    assert figure(result, "break_even")["text"] == "30,000 units a year"
    assert figure(result, "make_per_unit")["text"] == "€15.25"
    assert figure(result, "buy_per_unit")["text"] == "€14.40"
    breakdown = result["tables"][0]
    # Replacing defective units: 13.72 x 0.02 / 0.98 = 0.28 a unit, 6,720 a year.
    defects = next(r for r in breakdown["rows"] if r["cells"][0].endswith("defective units"))
    assert defects["cells"][1:] == ["€0.28", "€6,720"]


def test_volume_table_at_half_to_double_the_plan() -> None:
    rows = values(STRAIGHT_LINE)["by_volume"]
    assert [r["volume"] for r in rows] == pytest.approx([12_000, 24_000, 36_000, 48_000])
    # 12,000: 102,000 + 132,000 = 234,000 against 172,800; 36,000: 498,000 against 518,400.
    assert rows[0]["make"] == pytest.approx(234_000) and rows[0]["buy"] == pytest.approx(172_800)
    assert rows[2]["make"] == pytest.approx(498_000) and rows[2]["buy"] == pytest.approx(518_400)
    assert [r["cheaper"] for r in rows] == ["buy", "buy", "make", "make"]
    table = run(STRAIGHT_LINE)["tables"][1]
    assert [r["cells"][-1] for r in table["rows"]] == ["Buying", "Buying", "Making", "Making"]
    assert table["rows"][0]["cells"][0] == "50% (12,000 units)"


def test_chart_spans_twice_the_larger_volume_and_marks_break_even() -> None:
    chart = run(STRAIGHT_LINE)["charts"][0]
    make, buy = chart["series"]
    assert make["x"][0] == 0 and make["x"][-1] == pytest.approx(60_000)  # 2 x 30,000
    assert make["y"][0] == pytest.approx(102_000) and buy["y"][0] == 0
    assert chart["marker"]["x"] == pytest.approx(30_000)
    assert chart["marker"]["label"] == "Break-even: 30,000 units"
    # Planned volume above break-even: the axis follows the planned volume.
    chart = run(STRAIGHT_LINE | {"volume": 50_000})["charts"][0]
    assert chart["series"][0]["x"][-1] == pytest.approx(100_000)


def test_never_a_break_even_when_buying_is_cheaper_per_unit() -> None:
    result = run(BARE | {"buy_price": 8})
    v = result["values"]
    assert v["break_even_volume"] is None
    assert v["cheaper"] == "buy"
    assert all(r["cheaper"] == "buy" for r in v["by_volume"])
    assert figure(result, "break_even")["text"] == "never"
    assert result["charts"][0]["marker"]["x"] is None
    # Equal per-unit costs with a fixed cost to make: still never.
    assert values(BARE | {"buy_price": 11})["break_even_volume"] is None


def test_same_cost_both_ways_is_a_tie() -> None:
    result = run(BARE | {"make_setup": 0, "make_fixed": 0, "buy_price": 11})
    assert result["values"]["cheaper"] == "equal"
    assert figure(result, "cheaper")["text"] == "Neither: both cost the same"
    assert "same at every volume" in figure(result, "break_even")["note"]


def test_finnish_locale_formats_numbers() -> None:
    result = calculators.run(ID, {"currency": "SEK"}, "fi")
    # CLDR: Finnish writes the Swedish krona as "SEK" ("kr" would not say which krona).
    assert figure(result, "buy_per_unit")["text"] == "14,40\u00a0SEK"
    html = calculators.render(result)
    # Two charts of two lines, each drawn wide and narrow.
    assert html.count("<polyline") == 2 * 2 * 2 and "calc-marker" in html


# --- Regressions --------------------------------------------------------------------------------


def test_equal_costs_read_the_same_in_the_verdict_the_figures_and_the_chart() -> None:
    # The chart used to say "buying is cheaper at every volume" under "Both cost the same".
    result = run(SAME_EVERYWHERE)
    assert result["verdict"]["text"] == "Making and buying cost the same at every volume."
    assert figure(result, "break_even")["note"] == "Both cost the same at every volume."
    marker = result["charts"][0]["marker"]
    assert marker == {"x": None, "label": "No break-even: both cost the same at every volume"}


def test_a_break_even_beyond_the_modelled_volume_is_not_shown_as_a_volume() -> None:
    # A break-even of 10^12 units was shown as valid, and the axis stretched to match.
    result = run(FAR_BREAK_EVEN)
    assert result["values"]["break_even_volume"] == pytest.approx(1e12)
    break_even = figure(result, "break_even")
    assert break_even["text"] == "beyond the range this calculator models"
    assert break_even["value"] is None
    chart = result["charts"][0]
    assert chart["series"][0]["x"][-1] == pytest.approx(2 * 24_000)
    assert chart["marker"]["x"] is None
    assert "beyond the range" in chart["marker"]["label"]


def tick_extents(html: str) -> list[tuple[str, float, float]]:
    """(label, left, right) of each x tick of the line chart, at 0.6 em a character."""
    found = []
    for match in re.finditer(r'<text class="calc-tick" x="([\d.]+)" y="([\d.]+)" '
                             r'text-anchor="(\w+)">([^<]*)</text>', html):  # fmt: skip
        x, anchor, label = float(match.group(1)), match.group(3), match.group(4)
        width = 0.6 * 12 * len(label)
        left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        found.append((label, left, left + width))
    return found


@pytest.mark.parametrize("inputs", [{}, {"volume": 1e9}, FAR_BREAK_EVEN])
def test_every_x_tick_label_fits_inside_the_chart(inputs: dict[str, Any]) -> None:
    # The last tick ("60,000") was centered on the right edge and cut off.
    svg = calculators.render(run(inputs)).split('data-chart="cost_by_volume"')[1]
    extents = tick_extents(svg.split("</svg>")[0])
    assert extents
    for label, left, right in extents:
        assert left >= 0 and right <= 640, (label, left, right)


def test_one_unit_and_one_year_read_in_the_singular() -> None:
    # "1 units a year".
    result = run({"volume": 1, "make_setup": 0, "make_fixed": 0, "setup_years": 1})
    assert figure(result, "cheaper")["note"] == "Comparing the yearly totals at 1 unit a year."
    assert result["verdict"]["text"] == "Making is cheaper by €3.40 a year at 1 unit a year."
    breakdown = result["tables"][0]
    assert breakdown["caption"] == "Where the costs come from, at 1 unit a year"
    assert breakdown["rows"][0]["cells"][0] == "Making: set-up, repaid over 1 year at 8% interest"
    straight = run(STRAIGHT_LINE | {"setup_years": 1})["tables"][0]["rows"][0]["cells"][0]
    assert straight == "Making: set-up, spread over 1 year"
    assert figure(result, "break_even")["text"] == "0 units a year"


def test_the_currencies_are_the_shared_ones_and_savings_is_not_imported() -> None:
    fields = next(c for c in calculators.catalog() if c["id"] == ID)["fields"]
    currency = next(f for f in fields if f["name"] == "currency")
    assert tuple(c["value"] for c in currency["choices"]) == CURRENCIES
    code = (
        "import sys, calculators; calculators.run('make_or_buy', {}); "
        "print('calculators.savings' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_breakdown_names_the_customs_value_the_duty_is_on() -> None:
    rows = run()["tables"][0]["rows"]
    assert rows[5]["cells"] == ["Buying: duty on the price (FOB)", "€0.50", "€12,000"]
    rows = run({"duty_basis": "cif"})["tables"][0]["rows"]
    # 4% of (12.50 + 0.72) = 0.5288 a unit, 12,691.20 a year at 24,000 units.
    assert rows[5]["cells"] == ["Buying: duty on the price plus transport (CIF)", "€0.53",
                                "€12,691"]  # fmt: skip
