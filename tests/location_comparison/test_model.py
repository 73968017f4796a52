"""The location comparison's cost model worked out by hand, its properties, and bad input."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from calculator_client import CalculatorClient
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.browser import respond
from calculators.location_comparison import fields as lc_fields
from calculators.location_comparison import model as lc

ID = "location_comparison"
CLIENT = CalculatorClient(ID)
run = CLIENT.values
errors_for = CLIENT.errors_for
MON_FRI = "mon_fri"


def row(name: str, zone: str, **overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"name": name, "zone": zone, "hourly_cost": 50, "productivity": 1,
                            "overhead_pct": 0, "start": 8, "end": 16, "week": MON_FRI}  # fmt: skip
    # holidays and leave_days are left out: they default to 0
    return base | overrides


# --- Cost, by hand --------------------------------------------------------------------------


def test_default_results_worked_by_hand() -> None:
    v = run({})
    by_name = {loc["name"]: loc for loc in v["locations"]}
    assert v["home_weekly_hours"] == 40.0 and v["weeks"] == 52
    assert v["yearly_hours"] == 80 * 52  # 4,160 hours of the home team's work
    onshore = by_name["Onshore example"]
    # Same zone and hours as home: 40 h shared, no coordination overhead. 260 paid days less
    # 6 holidays and 21 leave days: 233 worked, 1,864 hours of 8.
    # 4,160 h / 1.0 x 70 x 260/233 x 1.05 = 341,191.42.
    assert onshore["overlap_hours_per_week"] == 40.0
    assert onshore["coordination_pct"] == 0.0
    assert (onshore["working_days_per_year"], onshore["working_hours_per_year"]) == (233, 1864)
    assert onshore["worked_share"] == 233 / 260
    assert onshore["total_yearly_cost"] == pytest.approx(341_191.42, abs=0.01)
    nearshore = by_name["Nearshore example"]
    # Lisbon 9-17 is 09-17 UTC in winter and 08-16 UTC in summer, Oslo 10-18 local in both
    # (the two switch on the same dates): 6 h a day shared with Oslo 8-16, 30 h a week.
    # Coordination 20% x (1 - 30/40) = 5%. 260 - 8 - 22 = 230 days worked.
    # 4,160 / 0.9 x 40 x 260/230 x 1.10 x 1.05 = 241,400.58.
    assert nearshore["overlap_hours_per_week"] == 30.0
    assert nearshore["coordination_pct"] == pytest.approx(5.0)
    assert nearshore["total_yearly_cost"] == pytest.approx(241_400.58, abs=0.01)
    offshore = by_name["Offshore example"]
    # Manila (UTC+8) 9-17 is 01-09 UTC: 2 h a day with Oslo in winter, 3 h in summer.
    # (21 x 10 + 31 x 15) / 52 = 675 / 52 h a week; coordination 20% x (1 - 675/2080).
    # 260 - 8 - 5 = 247 days worked. 4,160 / 0.8 x 25 x 260/247 x 1.20 x (1 + coordination).
    assert offshore["overlap_hours_per_week"] == 675 / 52
    coordination = 20 * (1 - 675 / 2080)
    assert offshore["coordination_pct"] == pytest.approx(coordination)
    assert offshore["working_days_per_year"] == 247
    assert offshore["total_yearly_cost"] == pytest.approx(
        5200 * 25 * 260 / 247 * 1.2 * (1 + coordination / 100)
    )
    assert offshore["total_yearly_cost"] == pytest.approx(186_394.74, abs=0.01)
    assert offshore["cost_per_productive_hour"] == pytest.approx(
        25 / 0.8 * 260 / 247 * 1.2 * (1 + coordination / 100)
    )
    assert v["ranking"] == ["Offshore example", "Nearshore example", "Onshore example"]


def test_holidays_and_leave_by_hand() -> None:
    # A six-day week pays 52 x 6 = 312 days; 12 holidays and 30 leave days leave 270 worked,
    # of 8.5 hours: 2,295 hours. 50 an hour paid is 50 x 312/270 an hour worked.
    rows = [
        row("A", "UTC"),
        row("B", "UTC", week="mon_sat", start=9, end=17.5, holidays=12, leave_days=30),
    ]
    b = run({"locations": rows, "coordination_pct": 0})["locations"][1]
    assert (b["working_days_per_year"], b["working_hours_per_year"]) == (270, 2295)
    assert b["cost_per_productive_hour"] == pytest.approx(50 * 312 / 270)
    # A night shift's hours count in full: 21-6 is 9 hours a night.
    rows = [row("A", "UTC"), row("N", "Asia/Manila", start=21, end=6, holidays=10)]
    assert run({"locations": rows})["locations"][1]["working_hours_per_year"] == 250 * 9


def easter(year: int) -> date:
    """Easter Sunday by the anonymous Gregorian algorithm (Meeus, Astronomical Algorithms)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def test_easter() -> None:
    assert [easter(y) for y in (2019, 2024, 2025, 2026, 2027)] == [
        date(2019, 4, 21), date(2024, 3, 31), date(2025, 4, 20), date(2026, 4, 5),
        date(2027, 3, 28),
    ]  # fmt: skip


def weekday_holidays(days: set[date]) -> int:
    return len({d for d in days if d.weekday() < 5})


def test_preset_holidays_are_2027s_weekday_holidays() -> None:
    """The presets' holidays, recounted from the holiday laws cited on the page."""
    e = easter(2027)

    def after(n: int) -> date:
        return e + timedelta(days=n)

    norway = {date(2027, 1, 1), after(-3), after(-2), e, after(1), after(39), after(49),
              after(50), date(2027, 5, 1), date(2027, 5, 17), date(2027, 12, 25),
              date(2027, 12, 26)}  # fmt: skip
    portugal = {date(2027, 1, 1), after(-2), e, date(2027, 4, 25), date(2027, 5, 1), after(60),
                date(2027, 6, 10), date(2027, 8, 15), date(2027, 10, 5), date(2027, 11, 1),
                date(2027, 12, 1), date(2027, 12, 8), date(2027, 12, 25)}  # fmt: skip
    last_monday_of_august = max(date(2027, 8, d) for d in range(25, 32)
                                if date(2027, 8, d).weekday() == 0)  # fmt: skip
    philippines = {date(2027, 1, 1), after(-3), after(-2), date(2027, 4, 9), date(2027, 5, 1),
                   date(2027, 6, 12), last_monday_of_august, date(2027, 11, 30),
                   date(2027, 12, 25), date(2027, 12, 30)}  # fmt: skip
    # Eid al-Fitr falls on 9 or 10 March 2027 (a Tuesday or Wednesday) by the moon's sighting;
    # Eid al-Adha on 16 or 17 May (a Sunday or Monday): left out as uncertain.
    counts = [weekday_holidays(norway), weekday_holidays(portugal),
              weekday_holidays(philippines) + 1]  # fmt: skip
    assert counts == [6, 8, 8]
    assert [p["holidays"] for p in lc_fields.PRESETS] == counts
    assert [p["leave_days"] for p in lc_fields.PRESETS] == [21, 22, 5]


def test_rows_without_the_newer_columns_take_their_defaults() -> None:
    # Rows written before holidays and leave existed (links, saved scenarios, JSON) still run,
    # as if both were 0; so do blank cells in a row that has other values.
    old = {k: v for k, v in row("A", "UTC").items()}
    rows = [old, row("B", "UTC", holidays="", leave_days=" ")]
    v = run({"locations": rows})
    assert [loc["working_days_per_year"] for loc in v["locations"]] == [260, 260]
    form = {f"locations.0.{k}": str(v) for k, v in row("A", "UTC").items()}
    form |= {f"locations.1.{k}": str(v) for k, v in row("B", "UTC", holidays=10).items()}
    form |= {"locations.2.name": "", "locations.2.holidays": ""}  # a blank row stays blank
    v = run(form)
    assert [loc["working_days_per_year"] for loc in v["locations"]] == [260, 250]
    rows = [row("A", "UTC", holidays=41), row("B", "UTC")]
    assert "at most 40" in errors_for({"locations": rows})["locations.0.holidays"]


def test_form_keys_with_a_blank_row() -> None:
    form = {f"locations.0.{k}": v for k, v in row("A", "Europe/Oslo").items()}
    form |= {"locations.1.name": "", "locations.1.zone": ""}
    form |= {f"locations.2.{k}": str(v) for k, v in row("C", "Asia/Tokyo").items()}
    v = run(form)
    assert [loc["name"] for loc in v["locations"]] == ["A", "C"]


# --- Properties -----------------------------------------------------------------------------

SOME_ZONES = st.sampled_from(lc.ZONES)


@settings(max_examples=30, deadline=None)
@given(
    st.floats(1, 500), st.floats(0.1, 3), st.floats(0.5, 10_000),
    st.floats(0, 100), st.floats(0, 200), SOME_ZONES,
)  # fmt: skip
def test_cost_rises_with_hourly_cost_and_falls_with_productivity(
    cost: float, productivity: float, hours: float, coordination: float, overhead: float,
    zone: str,
) -> None:  # fmt: skip
    def totals(hourly_cost: float, factor: float) -> float:
        rows = [row("Here", "Europe/Oslo"),
                row("There", zone, hourly_cost=hourly_cost, productivity=factor,
                    overhead_pct=overhead)]  # fmt: skip
        v = run({"locations": rows, "hours_per_week": hours, "coordination_pct": coordination})
        return float(v["locations"][1]["total_yearly_cost"])

    base = totals(cost, productivity)
    assert totals(cost * 1.1, productivity) > base
    if productivity * 1.1 <= 3:
        assert totals(cost, productivity * 1.1) < base


@given(st.floats(0, 200), st.floats(0, 40))
def test_coordination_shrinks_with_overlap(base: float, shared: float) -> None:
    pct = lc.coordination_pct(base, shared, 40)
    assert 0 <= pct <= base
    assert lc.coordination_pct(base, 40, 40) == 0
    assert lc.coordination_pct(base, 0, 40) == base
    assert lc.coordination_pct(base, 41, 40) == 0  # a long clock-change week never goes below


# --- Bad input ------------------------------------------------------------------------------


def test_unknown_time_zones_get_a_short_message() -> None:
    errors = errors_for({"home_zone": "Europe/Olso"})
    assert list(errors) == ["home_zone"]
    assert errors["home_zone"].startswith("Choose a time zone from the list")
    assert len(errors["home_zone"]) < 120  # not the list of every zone
    rows = [row("A", "Europe/Oslo"), row("B", "Mars/Olympus_Mons")]
    assert "Choose a time zone" in errors_for({"locations": rows})["locations.1.zone"]
    rows = [row("A", "Europe/Oslo"), row("B", "US/Eastern")]  # a legacy alias
    assert "Choose a time zone" in errors_for({"locations": rows})["locations.1.zone"]
    rows = [row("A", "Europe/Oslo"), row("B", "")]
    assert errors_for({"locations": rows})["locations.1.zone"] == "Enter a value."


def test_too_few_and_too_many_locations() -> None:
    assert "at least 2 rows" in errors_for({"locations": [row("A", "UTC")]})["locations"]
    six = [row(f"L{i}", "UTC") for i in range(6)]
    assert "at most 5 rows" in errors_for({"locations": six})["locations"]
    five = [row(f"L{i}", "UTC") for i in range(5)]
    assert len(run({"locations": five})["locations"]) == 5


def test_duplicate_names() -> None:
    rows = [row("Kraków", "Europe/Warsaw"), row("kraków ", "Europe/Warsaw")]
    assert "already used in row 1" in errors_for({"locations": rows})["locations.1.name"]
    rows = [row("x" * 41, "UTC"), row("B", "UTC")]
    assert "at most 40 characters" in errors_for({"locations": rows})["locations.0.name"]


def test_a_working_day_cannot_end_when_it_starts() -> None:
    assert (
        "cannot end at the time it starts"
        in errors_for({"home_start": 9, "home_end": 9})["home_end"]
    )
    rows = [row("A", "UTC"), row("Nowhen", "UTC", start=22, end=22)]
    message = errors_for({"locations": rows})["locations"]
    assert "cannot end at the time it starts" in message and "Nowhen" in message


def test_a_night_shift_ends_the_next_morning() -> None:
    # Manila (UTC+8) 21:00-06:00 Monday to Friday nights is 13:00-22:00 UTC Monday to Friday;
    # New York 9-17 is 14-22 UTC in winter (8 h shared) and 13-21 UTC in summer (8 h): 40 h
    # every week. Home New York, so coordination adds nothing.
    rows = [row("Home team", "America/New_York", start=9, end=17),
            row("Manila nights", "Asia/Manila", start=21, end=6)]  # fmt: skip
    v = run({"home_zone": "America/New_York", "home_start": 9, "home_end": 17, "locations": rows})
    manila = v["locations"][1]
    assert manila["weekly_overlap_hours"] == [40.0] * 52
    assert manila["coordination_pct"] == 0.0
    # The home office itself may work nights: Oslo 22-06 is 21:00-05:00 UTC in winter (UTC+1),
    # sharing 21-22 UTC with Manila's 13-22 UTC, one hour a night; in summer (UTC+2) it is
    # 20:00-04:00 UTC, two hours a night.
    v = run({"home_start": 22, "home_end": 6, "locations": rows})
    assert v["home_weekly_hours"] == 40.0
    manila = v["locations"][1]
    assert manila["weekly_overlap_hours"][1] == 5.0  # ISO week 2: one hour a night
    assert manila["weekly_overlap_hours"][26] == 10.0  # ISO week 27: two hours a night


@pytest.mark.parametrize(
    ("inputs", "field", "expected"),
    [
        ({"locations": [row("A", "UTC"), row("B", "UTC", productivity=0)]},
         "locations.1.productivity", "at least 0.10"),
        ({"locations": [row("A", "UTC"), row("B", "UTC", hourly_cost="cheap")]},
         "locations.1.hourly_cost", "Enter a number"),
        ({"locations": [row("A", "UTC"), row("B", "UTC", end=25)]},
         "locations.1.end", "at most 24"),
        ({"locations": [row("A", "UTC"), row("B", "UTC", week="tue_sat")]},
         "locations.1.week", "Choose one of"),
        ({"locations": [row("A", "UTC"), row("B", "UTC", color="red")]},
         "locations.1.color", "no field named"),
        ({"locations": "lots"}, "locations", "list of rows"),
        ({"year": 2027.5}, "year", "whole number"),
        ({"year": 1999}, "year", "at least 2000"),
        ({"hours_per_week": "NaN"}, "hours_per_week", "finite number"),
        ({"hours_per_week": 0}, "hours_per_week", "at least 0.50"),
        ({"home_week": "sat_sun"}, "home_week", "Choose one of"),
    ],
)  # fmt: skip
def test_each_bad_value_gets_a_message_on_its_field(
    inputs: dict[str, Any], field: str, expected: str
) -> None:
    CLIENT.assert_only_error(inputs, field, expected)


def test_bad_input_through_the_browser_entry_point() -> None:
    request = '{"calculator": "location_comparison", "inputs": {"home_zone": "Nowhere"}}'
    response = respond(request)
    assert '"ok": false' in response and "Choose a time zone" in response


# --- Wage growth, exchange rates and the horizon --------------------------------------------


def test_exchange_rate_and_wage_growth_by_hand() -> None:
    # Home Oslo 8-16 against the same hours in Oslo (full overlap), no holidays, no overheads:
    # 80 h x 52 = 4,160 h a year. "Here" costs 50 a hour in the home currency, flat.
    # "Peso team" costs 2,500 an hour in its own currency at 0.016: 40 an hour, 166,400 in
    # the first year, growing 10% a year: 166,400 + 183,040 + 201,344 = 550,784 over three
    # years, against 3 x 208,000 = 624,000 for "Here".
    rows = [row("Here", "Europe/Oslo"),
            row("Peso team", "Europe/Oslo", hourly_cost=2500, exchange_rate=0.016,
                wage_growth_pct=10)]  # fmt: skip
    v = run({"locations": rows, "horizon_years": 3})
    here, peso = v["locations"]
    assert here["yearly_costs"] == [208_000.0] * 3 and here["horizon_cost"] == 624_000
    assert peso["cost_per_productive_hour"] == pytest.approx(40)
    assert peso["yearly_costs"] == pytest.approx([166_400, 183_040, 201_344])
    assert peso["horizon_cost"] == pytest.approx(550_784)
    assert v["horizon_years"] == 3 and v["ranking"] == ["Peso team", "Here"]
    # Over eight years the growth catches up: 166,400 x (1.1^8 - 1) / 0.1 = 1,902,899 against
    # 1,664,000, so the flat location ranks first.
    v = run({"locations": rows, "horizon_years": 8})
    assert v["locations"][1]["horizon_cost"] == pytest.approx(166_400 * (1.1**8 - 1) / 0.1)
    assert v["ranking"] == ["Here", "Peso team"]


def test_a_one_year_horizon_is_the_first_year() -> None:
    v = run({})
    assert v["horizon_years"] == 1
    for loc in v["locations"]:
        assert loc["yearly_costs"] == [loc["total_yearly_cost"]] == [loc["horizon_cost"]]


def test_exchange_rate_limits() -> None:
    rows = [row("A", "UTC", exchange_rate=0), row("B", "UTC", wage_growth_pct=-21)]
    errors = errors_for({"locations": rows})
    assert "at least" in errors["locations.0.exchange_rate"]
    assert "at least" in errors["locations.1.wage_growth_pct"]
    assert "at most 30" in errors_for({"horizon_years": 31})["horizon_years"]
