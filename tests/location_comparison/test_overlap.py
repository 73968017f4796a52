"""Working-hours overlap worked out by hand (with daylight saving and differing working weeks),
checked against a day-by-day zoneinfo reference, and the zones offered."""

from __future__ import annotations

import zoneinfo
from bisect import bisect_right
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.location_comparison import model as lc

MON_FRI = "mon_fri"


def weekly(a: lc.Schedule, b: lc.Schedule, year: int = 2027) -> list[float]:
    return [s / 3600 for s in lc.weekly_overlap_seconds(a, b, year)]


OSLO = lc.schedule("Europe/Oslo", 8, 16, MON_FRI)
NEW_YORK = lc.schedule("America/New_York", 8, 16, MON_FRI)
UTC_DAY = lc.schedule("UTC", 8, 16, MON_FRI)

# 2027: the EU is on summer time from 28 March to 31 October, the US from 14 March to
# 7 November. ISO week 1 starts on Monday 4 January 2027; the year has 52 ISO weeks.
# Working weeks (Monday to Friday) on EU summer time: ISO weeks 13 (29 March) to 43 (25-29
# October), 31 weeks; the other 21 are on winter time.
EU_SUMMER_WEEKS = range(12, 43)  # 0-based indices of ISO weeks 13..43


# --- Overlap, by hand -----------------------------------------------------------------------


def test_the_same_zone_and_hours_overlap_fully() -> None:
    # Oslo 8-16, Monday to Friday, against itself: 8 h x 5 days = 40 h in every week.
    assert weekly(OSLO, OSLO) == [40.0] * 52
    assert lc.overlap(OSLO, OSLO, 2027).average == 40.0


def test_oslo_against_utc_in_winter_and_summer() -> None:
    # Winter: Oslo is UTC+1, so 8-16 Oslo is 07-15 UTC; shared with 08-16 UTC: 7 h a day, 35 h.
    # Summer: UTC+2, 06-14 UTC; shared 08-14: 6 h a day, 30 h.
    hours = weekly(OSLO, UTC_DAY)
    assert hours[1] == 35.0  # ISO week 2, 11-15 January
    assert hours[26] == 30.0  # ISO week 27, 5-9 July
    assert hours[11] == 35.0 and hours[12] == 30.0  # the switch on Sunday 28 March
    assert hours[42] == 30.0 and hours[43] == 35.0  # and back on Sunday 31 October
    assert [i for i, h in enumerate(hours) if h == 30.0] == list(EU_SUMMER_WEEKS)
    # Average: (21 x 35 + 31 x 30) / 52 = 1665 / 52.
    assert lc.overlap(OSLO, UTC_DAY, 2027).average == 1665 / 52


def test_new_york_against_oslo_when_only_one_has_switched() -> None:
    # Both 8-16 local. Normally six hours apart: New York 8-16 is 14-22 in Oslo, 2 h shared a
    # day, 10 h a week. While only the US is on summer time (five hours apart), 8-16 New York
    # is 13-21 Oslo: 3 h a day, 15 h a week. That is ISO weeks 11 and 12 (15-26 March) and
    # week 44 (1-5 November).
    hours = weekly(OSLO, NEW_YORK)
    assert [i + 1 for i, h in enumerate(hours) if h == 15.0] == [11, 12, 44]
    assert all(h == 10.0 for i, h in enumerate(hours) if i + 1 not in {11, 12, 44})
    shared = lc.overlap(OSLO, NEW_YORK, 2027)
    assert (shared.low, shared.high) == (10.0, 15.0)
    assert shared.average == (49 * 10 + 3 * 15) / 52  # 535 / 52


def test_a_sunday_to_thursday_week() -> None:
    # Riyadh (UTC+3, no daylight saving): 8-16 Sunday to Thursday against 8-16 Monday to
    # Friday in the same zone: Monday to Thursday shared, 4 x 8 = 32 h every week.
    riyadh_sun_thu = lc.schedule("Asia/Riyadh", 8, 16, "sun_thu")
    riyadh_mon_fri = lc.schedule("Asia/Riyadh", 8, 16, MON_FRI)
    assert weekly(riyadh_sun_thu, riyadh_mon_fri) == [32.0] * 52
    assert weekly(riyadh_sun_thu, riyadh_sun_thu) == [40.0] * 52
    # Dubai (UTC+4) 8-16 Sunday to Thursday is 04-12 UTC. Against Oslo Monday to Friday:
    # winter 07-15 UTC shares 5 h on Monday to Thursday (20 h); summer 06-14 shares 6 h (24 h).
    dubai = lc.schedule("Asia/Dubai", 8, 16, "sun_thu")
    hours = weekly(OSLO, dubai)
    assert hours[1] == 20.0 and hours[26] == 24.0
    assert lc.overlap(OSLO, dubai, 2027).average == (21 * 20 + 31 * 24) / 52


def test_half_hours_and_a_six_day_week() -> None:
    # Kolkata (UTC+5:30) 9:30-18:00 Monday to Saturday is 04:00-12:30 UTC; London in winter
    # (UTC) 9-17 Monday to Friday shares 9:00-12:30, 3.5 h a day, 17.5 h a week.
    kolkata = lc.schedule("Asia/Kolkata", 9.5, 18, "mon_sat")
    london = lc.schedule("Europe/London", 9, 17, MON_FRI)
    hours = weekly(kolkata, london)
    assert hours[1] == 17.5
    # Summer (London UTC+1, 08-16 UTC): 08:00-12:30, 4.5 h a day, 22.5 h.
    assert hours[26] == 22.5
    assert lc.overlap(kolkata, kolkata, 2027).average == 8.5 * 6


def test_whole_days_merge_across_midnight() -> None:
    # Round the clock: UTC Monday to Saturday is Monday 00:00 to Sunday 00:00, 144 h a week.
    round_the_clock = lc.schedule("UTC", 0, 24, "mon_sat")
    assert weekly(round_the_clock, round_the_clock) == [144.0] * 52
    # Auckland round the clock Monday to Friday is Sunday 12:00 to Friday 12:00 UTC in winter
    # (UTC+12), shared with the above from Monday 00:00 to Friday 12:00: 108 h; in summer
    # (UTC+13, until 4 April and from 26 September 2027: ISO weeks 1-13 and 39-52) 107 h.
    auckland = lc.schedule("Pacific/Auckland", 0, 24, MON_FRI)
    hours = weekly(auckland, round_the_clock)
    assert [i + 1 for i, h in enumerate(hours) if h == 107.0] == [*range(1, 14), *range(39, 53)]
    assert lc.overlap(auckland, round_the_clock, 2027).average == (27 * 107 + 25 * 108) / 52
    assert lc.overlap(auckland, auckland, 2027).average == 120.0


def test_years_with_53_iso_weeks() -> None:
    # 2026 has 53 ISO weeks (28 December 2026 is in week 53).
    assert len(lc.weekly_overlap_seconds(OSLO, OSLO, 2026)) == 53
    assert lc.overlap(OSLO, OSLO, 2026).average == 40.0


def test_clock_changes_follow_zoneinfo_fold_zero() -> None:
    """A wall time in the spring gap or the autumn fold maps to UTC as zoneinfo does with
    fold=0, for every half hour of every day of the year, in zones with unusual rules."""
    for name in ("America/New_York", "Australia/Lord_Howe", "Africa/Casablanca", "Europe/Oslo"):
        zone = lc.zone(name)
        thresholds, offsets = lc.wall_offsets(name, 2027)
        first = date.fromisocalendar(2027, 1, 1)
        for day in range(364):
            midnight = datetime.combine(first + timedelta(days=day), datetime.min.time(), zone)
            for half_hours in range(49):
                local = midnight + timedelta(minutes=30 * half_hours)  # wall-clock arithmetic
                wall = (first + timedelta(days=day)).toordinal() - date(1970, 1, 1).toordinal()
                wall = wall * lc.DAY + half_hours * 1800
                mine = wall - offsets[bisect_right(thresholds, wall)]
                assert mine == int(local.timestamp()), (name, local)


# --- Night shifts, against an independent count ---------------------------------------------


def at_work(side: tuple[str, float, float, str], instant: datetime) -> bool:
    """Whether a side is at work at a UTC instant, read from the local clock there: inside a
    shift that started today, or inside last night's shift that started yesterday."""
    zone_name, start, end, week = side
    local = instant.astimezone(lc.zone(zone_name))
    hour = local.hour + local.minute / 60
    today = local.weekday() in lc.WEEKDAYS[week]
    yesterday = (local.weekday() - 1) % 7 in lc.WEEKDAYS[week]
    if end > start:
        return today and start <= hour < end
    return (today and hour >= start) or (yesterday and hour < end)


def sampled_weekly_hours(a: tuple[str, float, float, str], b: tuple[str, float, float, str],
                         year: int) -> list[float]:  # fmt: skip
    """Hours both sides are at work, per UTC week of the ISO year, from the local clocks every
    quarter of an hour (exact when shifts and offsets are on quarter hours and no shift starts
    or ends inside a clock change)."""
    first = datetime.combine(date.fromisocalendar(year, 1, 1), datetime.min.time(), UTC)
    weeks = date(year, 12, 28).isocalendar().week
    return [
        sum(
            0.25
            for quarter in range(7 * 96)
            if at_work(a, instant := first + timedelta(weeks=week, minutes=15 * quarter))
            and at_work(b, instant)
        )
        for week in range(weeks)
    ]


NIGHT_SHIFT_CASES = [
    # Manila (no daylight saving) 21:00-06:00 for a New York client working 9-17.
    (("America/New_York", 9, 17, MON_FRI), ("Asia/Manila", 21, 6, MON_FRI)),
    # Manila 22:00-07:00: an hour of the New York day is lost while New York is on summer time.
    (("America/New_York", 9, 17, MON_FRI), ("Asia/Manila", 22, 7, MON_FRI)),
    # Both sides change their clocks, on different dates: Oslo 8-16 and a Chicago night shift.
    (("Europe/Oslo", 8, 16, MON_FRI), ("America/Chicago", 23, 7, "sun_thu")),
    # Night against night, with a half-hour zone: Kolkata 20:30-05:30 and Sydney 22-06.
    (("Asia/Kolkata", 20.5, 5.5, "mon_sat"), ("Australia/Sydney", 22, 6, MON_FRI)),
]


@pytest.mark.parametrize(
    ("a", "b"), NIGHT_SHIFT_CASES, ids=["manila-21-06", "manila-22-07", "chicago", "kolkata-sydney"]
)
def test_night_shifts_agree_with_local_clocks_week_by_week(
    a: tuple[str, float, float, str], b: tuple[str, float, float, str]
) -> None:
    for year in (2026, 2027):
        mine = weekly(lc.schedule(*a), lc.schedule(*b), year)
        assert mine == sampled_weekly_hours(a, b, year), (a, b, year)


def test_a_manila_night_shift_by_hand() -> None:
    # Manila 22:00-07:00 (UTC+8) is 14:00-23:00 UTC; New York 9-17 is 14-22 UTC in winter (8 h
    # a day shared) and 13-21 UTC on summer time (7 h). Summer time in 2027 runs from
    # 14 March to 7 November: working weeks 11 to 44, 34 weeks at 35 h, 18 at 40 h.
    new_york = lc.schedule("America/New_York", 9, 17, MON_FRI)
    manila = lc.schedule("Asia/Manila", 22, 7, MON_FRI)
    hours = weekly(new_york, manila)
    assert [i + 1 for i, h in enumerate(hours) if h == 35.0] == list(range(11, 45))
    assert lc.overlap(new_york, manila, 2027).average == (34 * 35 + 18 * 40) / 52
    assert manila == lc.Schedule("Asia/Manila", 22 * 3600, 31 * 3600, MON_FRI)
    assert lc.weekly_hours(manila) == 45.0


# --- Properties -----------------------------------------------------------------------------

SOME_ZONES = st.sampled_from(lc.ZONES)
HALF_HOURS = st.integers(0, 47)
WEEKS = st.sampled_from(lc.WEEK_CHOICES)


@st.composite
def schedules(draw: st.DrawFn) -> lc.Schedule:
    """Day shifts, and night shifts that end the next morning (an end before the start)."""
    start = draw(HALF_HOURS)
    end = draw(st.integers(start + 1, 48) | st.integers(1, max(1, start - 1)))
    return lc.schedule(draw(SOME_ZONES), start / 2, end / 2, draw(WEEKS))


def reference_weekly_seconds(a: lc.Schedule, b: lc.Schedule, year: int) -> list[int]:
    """The slow way: each working day through datetime and zoneinfo, each pair of days of the
    two sides at most two days apart."""
    window_start, window_end = lc.year_window(year)
    first = date.fromisocalendar(year, 1, 1) - timedelta(days=2)

    def days(side: lc.Schedule) -> dict[int, tuple[int, int]]:
        zone = lc.zone(side.zone)
        found = {}
        for n in range(375):
            day = first + timedelta(days=n)
            if day.weekday() in lc.WEEKDAYS[side.week]:
                midnight = datetime.combine(day, datetime.min.time(), zone)
                begin = int((midnight + timedelta(seconds=side.start)).timestamp())
                finish = int((midnight + timedelta(seconds=side.end)).timestamp())
                found[n] = (begin, finish)
        return found

    weeks = [0] * ((window_end - window_start) // lc.WEEK)
    a_days, b_days = days(a), days(b)
    for n, (a_begin, a_end) in a_days.items():
        for m in range(n - 2, n + 3):
            if m not in b_days:
                continue
            b_begin, b_end = b_days[m]
            begin = max(a_begin, b_begin, window_start)
            finish = min(a_end, b_end, window_end)
            while begin < finish:
                week = (begin - window_start) // lc.WEEK
                cut = min(finish, window_start + (week + 1) * lc.WEEK)
                weeks[week] += cut - begin
                begin = cut
    return weeks


@settings(max_examples=60, deadline=None)
@given(schedules(), schedules(), st.integers(2000, 2100))
def test_overlap_is_symmetric_and_bounded(a: lc.Schedule, b: lc.Schedule, year: int) -> None:
    forward = lc.weekly_overlap_seconds(a, b, year)
    assert forward == lc.weekly_overlap_seconds(b, a, year)
    own_a = lc.weekly_overlap_seconds(a, a, year)
    own_b = lc.weekly_overlap_seconds(b, b, year)
    assert all(0 <= s <= min(x, y) for s, x, y in zip(forward, own_a, own_b, strict=True))
    # Over the whole year, a side works its nominal hours, give or take a clock change.
    assert lc.overlap(a, b, year).average <= min(lc.weekly_hours(a), lc.weekly_hours(b)) + 1


@settings(max_examples=50, deadline=None)
@given(
    # Days of up to 20 hours: longer ones can run into the next day across a clock change,
    # which the calculator merges and this reference would count twice.
    schedules().filter(lambda s: s.end - s.start <= 20 * 3600),
    schedules().filter(lambda s: s.end - s.start <= 20 * 3600),
    st.integers(2000, 2100),
)
def test_overlap_matches_a_day_by_day_zoneinfo_reference(
    a: lc.Schedule, b: lc.Schedule, year: int
) -> None:
    assert list(lc.weekly_overlap_seconds(a, b, year)) == reference_weekly_seconds(a, b, year)


def test_zone_choices() -> None:
    zones = lc.ZONES
    assert list(zones[:-1]) == sorted(zones[:-1]) and zones[-1] == "UTC"
    assert {"Europe/Oslo", "America/New_York", "Asia/Kolkata", "Europe/Kyiv"} <= set(zones)
    assert not [z for z in zones if z.startswith(("Etc/", "US/", "SystemV/", "Canada/"))]
    assert "Asia/Calcutta" not in zones and "Europe/Kiev" not in zones  # legacy aliases
    assert set(zones) <= zoneinfo.available_timezones()
    assert len(zones) > 300
