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
LOSING = {"disruptions_per_year": 0.05, "currency": "GBP"}


def test_the_verdict_of_the_defaults_reads_as_a_gain() -> None:
    # 0.15 x (560,000 - 140,000) - 50,000 = 13,000 a year.
    assert run()["verdict"] == {
        # 1 - e^-0.15 = 13.9% chance of at least one disruption in a year.
        "text": "A backup supplier pays for itself: at 0.15 disruptions a year (13.9% chance "
        "of at least one) it saves €13,000 a year more than it costs, on average.",
        "tone": "good",
    }


def test_a_backup_that_does_not_pay_reads_as_a_loss() -> None:
    # 0.05 x 420,000 - 50,000 = -29,000 a year.
    result = run(LOSING)
    assert result["verdict"] == {
        "text": "A backup supplier does not pay for itself: at 0.05 disruptions a year (4.9% "
        "chance of at least one) it costs £29,000 a year more than it saves, on average.",
        "tone": "bad",
    }
    net_value = figure(result, "net_value")
    assert net_value["tone"] == "bad" and net_value["headline"]
    assert "costs more than it saves" in net_value["note"]


def test_three_headline_figures() -> None:
    headlines = [f["id"] for f in run()["figures"] if f["headline"]]
    assert headlines == ["net_value", "break_even", "bad_year"]


def test_the_bad_year_beside_the_average() -> None:
    result = run()
    bad = figure(result, "bad_year")
    assert (bad["text"], bad["tone"]) == ("€370,000", "good")
    assert bad["note"] == (
        "In a bad year (one in 20, the 95% level of the Poisson count) 1 disruption comes: "
        "€560,000 lost without a backup, €190,000 with one."
    )
    rows = {r["cells"][0]: r["cells"][1:] for r in result["tables"][0]["rows"]}
    assert rows["Disruptions in a bad year (one in 20)"] == ["1", "1"]
    assert rows["Cost in a bad year"] == ["€560,000", "€190,000"]
    two = figure(run({"bad_year_pct": 99.5}), "bad_year")
    assert two["note"].startswith("In a bad year (one in 200, the 99.5% level")
    assert "2 disruptions come" in two["note"]


def test_a_quiet_bad_year_only_costs() -> None:
    bad = figure(run(LOSING), "bad_year")
    assert (bad["text"], bad["tone"]) == ("\u2212£50,000", "bad")
    assert "no disruption comes: the backup only costs £50,000." in bad["note"]


def test_a_backup_that_loses_on_average_but_saves_in_a_bad_year() -> None:
    # 0.1 x 420,000 - 50,000 = -8,000 on average; P(0) = 0.905 < 0.95, so a bad year has one
    # disruption: 420,000 - 50,000 = 370,000.
    result = run({"disruptions_per_year": 0.1})
    assert result["verdict"] == {
        "text": "A backup supplier does not pay for itself on average: at 0.1 disruptions a "
        "year (9.5% chance of at least one) it costs €8,000 a year more than it saves. But in "
        "a bad year (one in 20) it saves €370,000 more than it costs.",
        "tone": "bad",
    }


def test_defaults_read_as_text() -> None:
    result = run()
    assert figure(result, "net_value")["text"] == "€13,000"
    assert figure(result, "break_even")["text"] == "0.119 a year"
    # 1 / 0.11905 = 8.4 years between disruptions; 1 - e^-0.11905 = 11.2%.
    assert figure(result, "break_even")["note"] == (
        "Above this rate (a disruption more often than once in 8.4 years; 11.2% chance of at "
        "least one in a year) the backup pays for itself."
    )
    assert figure(result, "expected_without")["note"] == (
        "0.15 disruptions a year on average, each losing €560,000."
    )
    rows = {r["cells"][0]: r["cells"][1:] for r in result["tables"][0]["rows"]}
    assert rows["Weeks short per disruption"] == ["12 weeks", "3 weeks"]
    assert rows["Expected cost per year"] == ["€84,000", "€71,000"]


def test_the_chart_compares_the_two_costs_and_marks_the_break_even() -> None:
    (line,) = run()["charts"]
    without, with_backup = line["series"]
    # Up to 0.5 a year: the first end beyond 1.25 x 0.15.
    assert without["x"] == pytest.approx([i * 0.025 for i in range(21)])
    assert without["y"][0] == 0 and without["y"][-1] == pytest.approx(280_000)
    assert with_backup["y"][0] == pytest.approx(50_000)
    assert with_backup["y"][-1] == pytest.approx(120_000)  # 0.5 x 140,000 + 50,000
    assert line["marker"]["x"] == pytest.approx(50_000 / 420_000)
    assert line["marker"]["label"] == "Break-even: 0.119 a year"
    html = calculators.render(run())
    assert html.count("<polyline") == 2 * 2  # two lines, in the wide and the narrow drawing


def test_a_backup_that_switches_no_faster_never_pays() -> None:
    result = run({"switch_weeks": 12})
    v = result["values"]
    assert v["loss_with"] == pytest.approx(v["loss_without"])
    assert v["break_even_rate"] is None
    assert v["net_value"] == pytest.approx(-50_000)
    assert figure(result, "break_even")["text"] == "never"
    assert result["charts"][0]["marker"]["x"] is None


def test_a_premium_that_outweighs_the_saving_is_named() -> None:
    result = run({"premium_pct": 100})
    assert figure(result, "break_even")["text"] == "never"
    assert "price premium costs more" in figure(result, "break_even")["note"]
    rows = {r["cells"][0]: r["cells"][1:] for r in result["tables"][0]["rows"]}
    # 100% x 60,000 a week x 9 weeks on the backup.
    assert rows["Price premium on the backup's volume per disruption"] == ["€0", "€540,000"]


def test_qualification_shows_in_the_note_and_the_table() -> None:
    result = run({"qualification_cost": 120_000, "qualification_years": 4})
    assert figure(result, "expected_with")["note"] == (
        "0.15 disruptions a year on average, each losing €140,000, plus €80,000 a year to "
        "keep the backup ready and spread its qualification."
    )
    rows = {r["cells"][0]: r["cells"][1:] for r in result["tables"][0]["rows"]}
    assert rows["Qualification spread over 4 years"] == ["€0", "€30,000"]
    assert rows["Expected cost per year"] == ["€84,000", "€101,000"]
    one = run({"qualification_cost": 10_000, "qualification_years": 1})
    rows = {r["cells"][0]: r["cells"][1:] for r in one["tables"][0]["rows"]}
    assert rows["Qualification spread over 1 year"] == ["€0", "€10,000"]


def test_break_even_beyond_the_range_is_never() -> None:
    result = run({"backup_cost": 6_000_000})
    # 6,000,000 / 420,000 = 14.3 a year: beyond the 12 a year the calculator covers.
    assert result["values"]["break_even_rate"] == pytest.approx(6_000_000 / 420_000)
    assert figure(result, "break_even")["value"] is None
    assert figure(result, "break_even")["text"] == "never"
    assert figure(result, "break_even")["note"] == (
        "Even 12 disruptions a year, the most this calculator models, would not pay for it: "
        "the backup costs €6,000,000 a year and saves €420,000 per disruption."
    )
    assert result["charts"][0]["marker"] == {"x": None, "label": "No break-even up to 12 a year"}


def test_a_break_even_above_one_a_year() -> None:
    result = run({"backup_cost": 1_050_000, "disruptions_per_year": 3, "recovery_weeks": 12})
    # 1,050,000 / 420,000 = 2.5 a year; 1 - e^-2.5 = 91.8%; the axis runs to 4 (>= 1.25 x 3).
    assert figure(result, "break_even")["text"] == "2.50 a year"
    assert figure(result, "break_even")["note"] == (
        "Above this rate (91.8% chance of at least one disruption in a year) the backup pays "
        "for itself."
    )
    assert result["charts"][0]["series"][0]["x"][-1] == 4
    assert result["verdict"]["text"].startswith(
        "A backup supplier pays for itself: at 3 disruptions a year (95.0% chance"
    )


def test_one_disruption_a_year_reads_in_the_singular() -> None:
    result = run({"disruptions_per_year": 1})
    assert "at 1 disruption a year (63.2% chance of at least one)" in result["verdict"]["text"]


def test_finnish_locale_formats_numbers() -> None:
    result = calculators.run(ID, {"currency": "NOK"}, "fi")
    # CLDR: Finnish writes the Norwegian krone as "NOK" ("kr" would not say which krona).
    assert figure(result, "expected_with")["text"] == "71\u00a0000\u00a0NOK"
    assert figure(result, "break_even")["text"].startswith("0,119\u00a0")  # a rate a year


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


def test_a_partial_backup_counts_full_volume_weeks() -> None:
    result = run({"backup_share_pct": 40})
    rows = {r["cells"][0]: r["cells"][1:] for r in result["tables"][0]["rows"]}
    # 3 + 0.6 x 9 = 8.4 weeks (8.399999... in floating point, shown rounded).
    assert rows["Weeks short per disruption"] == ["12 weeks", "8.4 weeks"]


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
