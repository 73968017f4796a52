"""The backup-supplier result as readers see it: the verdict, tones, and a chart whose series
keep one color per meaning."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

import pytest
from calculator_client import CalculatorClient, figure

import calculators

ID = "backup_supplier"
CLIENT = CalculatorClient(ID)
run = CLIENT.run
LOSING = {"disruption_pct": 5, "currency": "GBP"}


def test_the_verdict_of_the_defaults_reads_as_a_gain() -> None:
    # 0.15 x (560,000 - 140,000) - 50,000 = 13,000 a year.
    assert run()["verdict"] == {
        "text": "A backup supplier pays for itself: at a 15% chance of a disruption it saves "
        "€13,000 a year more than it costs, on average.",
        "tone": "good",
    }


def test_a_backup_that_does_not_pay_reads_as_a_loss() -> None:
    # 0.05 x 420,000 - 50,000 = -29,000 a year.
    result = run(LOSING)
    assert result["verdict"] == {
        "text": "A backup supplier does not pay for itself: at a 5% chance of a disruption it "
        "costs £29,000 a year more than it saves, on average.",
        "tone": "bad",
    }
    net_value = figure(result, "net_value")
    assert net_value["tone"] == "bad" and net_value["headline"]
    assert "costs more than it saves" in net_value["note"]


def test_two_headline_figures() -> None:
    headlines = [f["id"] for f in run()["figures"] if f["headline"]]
    assert headlines == ["net_value", "break_even"]


def test_defaults_read_as_text() -> None:
    result = run()
    assert figure(result, "net_value")["text"] == "€13,000"
    assert figure(result, "break_even")["text"] == "11.9%"
    # 1 / 0.11905 = 8.4 years between disruptions.
    assert "once in 8.4 years" in figure(result, "break_even")["note"]
    rows = {r["cells"][0]: r["cells"][1:] for r in result["tables"][0]["rows"]}
    assert rows["Weeks short per disruption"] == ["12 weeks", "3 weeks"]
    assert rows["Expected cost per year"] == ["€84,000", "€71,000"]


def test_the_chart_compares_the_two_costs_and_marks_the_break_even() -> None:
    (line,) = run()["charts"]
    without, with_backup = line["series"]
    assert without["x"] == list(range(0, 101, 5))
    assert without["y"][0] == 0 and without["y"][-1] == pytest.approx(560_000)
    assert with_backup["y"][0] == pytest.approx(50_000)
    assert with_backup["y"][-1] == pytest.approx(190_000)  # 140,000 + 50,000
    assert line["marker"]["x"] == pytest.approx(100 * 50_000 / 420_000)
    assert line["marker"]["label"] == "Break-even: 11.9%"
    html = calculators.render(run())
    assert html.count("<polyline") == 2 * 2  # two lines, in the wide and the narrow drawing


def test_a_backup_that_switches_no_faster_never_pays() -> None:
    result = run({"switch_weeks": 12})
    v = result["values"]
    assert v["loss_with"] == pytest.approx(v["loss_without"])
    assert v["break_even_pct"] is None
    assert v["net_value"] == pytest.approx(-50_000)
    assert figure(result, "break_even")["text"] == "never"
    assert result["charts"][0]["marker"]["x"] is None


def test_break_even_above_certainty_is_never() -> None:
    result = run({"backup_cost": 2_000_000})
    # 2,000,000 / 420,000 = 476% a year: not a probability.
    assert result["values"]["break_even_pct"] == pytest.approx(100 * 2_000_000 / 420_000)
    assert figure(result, "break_even")["value"] is None
    assert figure(result, "break_even")["text"] == "never"
    assert "Even a disruption every year" in figure(result, "break_even")["note"]
    assert result["charts"][0]["marker"]["x"] is None


def test_finnish_locale_formats_numbers() -> None:
    result = calculators.run(ID, {"currency": "NOK"}, "fi")
    assert figure(result, "expected_with")["text"] == "71\u00a0000\u00a0kr"
    assert figure(result, "break_even")["text"] == "11,9\u00a0%"


# --- Regressions --------------------------------------------------------------------------------


def colour_classes(html: str) -> dict[str, set[str]]:
    """Each series or bar name -> the color classes it is drawn with, over all charts."""
    found: dict[str, set[str]] = {}
    for chart in re.findall(r'<figure class="calc-chart".*?</figure>', html):
        legend = re.findall(r"calc-swatch (calc-series-\d+)[^>]*></span>([^<]+)</li>", chart)
        for cls, name in legend:
            found.setdefault(name, set()).add(cls)
        bars = re.findall(r'>([^<>]+)</text><rect class="calc-bar (calc-bar-\w+)"', chart)
        for name, cls in bars:
            found.setdefault(name, set()).add(cls)
    return found


@pytest.mark.parametrize("inputs", [{}, LOSING])
def test_each_meaning_keeps_one_colour_across_the_charts(inputs: dict[str, Any]) -> None:
    # "Without a backup" was red in the bar chart (the costlier bar) and blue in the line chart.
    classes = colour_classes(calculators.render(run(inputs)))
    assert classes["Without a backup"] == {"calc-series-0"}
    assert classes["With a backup"] == {"calc-series-1"}
    assert all(len(c) == 1 for c in classes.values()), classes


def test_one_week_reads_in_the_singular() -> None:
    result = run({"recovery_weeks": 1, "switch_weeks": 1})
    rows = {r["cells"][0]: r["cells"][1:] for r in result["tables"][0]["rows"]}
    assert rows["Weeks short per disruption"] == ["1 week", "1 week"]


def test_the_savings_calculator_is_not_imported() -> None:
    code = (
        "import sys, calculators; calculators.run('backup_supplier', {}); "
        "print('calculators.savings' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
