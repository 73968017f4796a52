"""The location comparison as readers see it: the verdict, figures, table, charts and ranking."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

from calculator_client import CalculatorClient

import calculators

ID = "location_comparison"
CLIENT = CalculatorClient(ID)


def row(name: str, zone: str, **overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"name": name, "zone": zone, "hourly_cost": 50, "productivity": 1,
                            "overhead_pct": 0, "start": 8, "end": 16,
                            "week": "mon_fri"}  # fmt: skip
    return base | overrides


def test_the_verdict_names_the_cheapest_its_cost_and_its_shared_hours() -> None:
    # Worked by hand in test_model: offshore €186,394.74, nearshore €241,400.58 (€55,006
    # more); the offshore example shares 675 / 52 = 12.98 h a week with Oslo.
    assert calculators.run(ID)["verdict"] == {
        "text": "Offshore example costs least, €186,395 a year, €55,006 less than Nearshore "
        "example, and shares 13.0 h a week with the home office.",
        "tone": "good",
    }


def test_a_cheapest_location_with_no_shared_hours_is_not_good_news() -> None:
    # Oslo 8-16 against Auckland 8-16 (UTC+13/+12): never at work at the same time.
    rows = [row("Here", "Europe/Oslo"), row("Far", "Pacific/Auckland", hourly_cost=20)]
    result = calculators.run(ID, {"locations": rows})
    assert result["values"]["locations"][1]["overlap_hours_per_week"] == 0
    assert result["verdict"]["tone"] == "neutral"
    assert result["verdict"]["text"].startswith("Far costs least")
    assert result["verdict"]["text"].endswith(
        "but it shares no working hours with the home office."
    )


def test_equal_costs_say_so() -> None:
    rows = [row("One", "Europe/Oslo"), row("Two", "Europe/Oslo")]
    verdict = calculators.run(ID, {"locations": rows})["verdict"]
    assert verdict == {"text": "One and Two cost the same, €208,000 a year.", "tone": "neutral"}


def test_headline_figures_and_tones() -> None:
    figures = calculators.run(ID)["figures"]
    assert [(f["id"], f["tone"], f["headline"]) for f in figures] == [
        ("cheapest", "good", True), ("most_overlap", "good", True),
        ("yearly_hours", "neutral", False),
    ]  # fmt: skip


def test_chart_names_are_cut_to_fit() -> None:
    rows = [row("A location with a name of forty chars", "UTC"), row("B", "UTC")]
    charts = calculators.run(ID, {"locations": rows})["charts"]
    assert charts[0]["bars"][0]["label"] == "A location with a name of\u2026"
    table = calculators.run(ID, {"locations": rows})["tables"][0]
    assert table["rows"][0]["cells"][0] == "A location with a name of forty chars"


def test_result_parts() -> None:
    result = calculators.run(ID)
    assert [f["id"] for f in result["figures"]] == ["cheapest", "most_overlap", "yearly_hours"]
    cheapest = result["figures"][0]
    assert cheapest["text"] == "€186,395"
    assert "Offshore example" in cheapest["note"] and "Nearshore example" in cheapest["note"]
    assert [c["kind"] for c in result["charts"]] == ["bars", "bars"]
    cost_chart, overlap_chart = result["charts"]
    assert [b["tone"] for b in cost_chart["bars"]] == ["neutral", "neutral", "good"]
    assert overlap_chart["reference"]["x"] == 40.0
    table = result["tables"][0]
    assert [r["cells"][0] for r in table["rows"]] == [
        "Onshore example", "Nearshore example", "Offshore example"
    ]  # fmt: skip
    # 70 x 260/233 x 1.05 = 82.02 an hour; 233 days of 8 hours.
    assert table["rows"][0]["cells"][1:6] == [
        "40.0 h", "40.0 to 40.0 h", "0.0%", "1,864 h", "€82.02"
    ]  # fmt: skip
    assert table["rows"][2]["cells"][2] == "10.0 to 15.0 h"
    ranking = result["lists"][0]
    assert ranking["ordered"] and ranking["items"][0]["text"] == "Offshore example: €186,395 a year"


def test_names_are_shown_as_text() -> None:
    rows = [row("<b>Acme</b>", "Europe/Oslo"), row("B & Co", "Asia/Manila")]
    html = calculators.render(calculators.run(ID, {"locations": rows}))
    assert "<b>Acme" not in html and "&lt;b&gt;Acme&lt;/b&gt;" in html
    assert "B &amp; Co" in html


def test_the_table_names_the_time_zone_rules_it_used() -> None:
    # The release is the first line of tzdata's own compiled rules ("# version 2026f"); the
    # same tzdata wheel is what the page loads in the browser.
    tzdata = importlib.util.find_spec("tzdata")
    assert tzdata is not None and tzdata.submodule_search_locations
    source = Path(next(iter(tzdata.submodule_search_locations))) / "zoneinfo" / "tzdata.zi"
    release = source.read_text(encoding="utf-8").splitlines()[0].removeprefix("# version ")
    assert re.fullmatch(r"\d{4}[a-z]", release)
    result = calculators.run(ID)
    assert result["values"]["zone_rules"] == release
    caption = result["tables"][0]["caption"]
    assert caption == f"Locations compared over 2027 (time-zone rules: IANA {release})"


def test_a_longer_horizon_ranks_and_speaks_over_the_years() -> None:
    # Worked by hand in test_model: 550,784 over three years against 624,000.
    rows = [row("Here", "Europe/Oslo"),
            row("Peso team", "Europe/Oslo", hourly_cost=2500, exchange_rate=0.016,
                wage_growth_pct=10)]  # fmt: skip
    result = calculators.run(ID, {"locations": rows, "horizon_years": 3})
    assert result["verdict"]["text"] == (
        "Peso team costs least, €550,784 over 3 years, €73,216 less than Here, and shares "
        "40.0 h a week with the home office."
    )
    assert result["figures"][0]["label"] == "Lowest cost over 3 years"
    table = result["tables"][0]
    assert table["columns"][-2:] == ["Total yearly cost", "Total over 3 years"]
    assert table["rows"][1]["cells"][-2:] == ["€166,400", "€550,784"]
    assert result["lists"][0]["items"][0]["text"] == "Peso team: €550,784 over 3 years"
    cost_chart = result["charts"][0]
    assert cost_chart["title"] == "Total cost by location over 3 years from 2027"
    assert [(b["text"], b["tone"]) for b in cost_chart["bars"]] == [
        ("€624,000", "neutral"), ("€550,784", "good")
    ]  # fmt: skip
