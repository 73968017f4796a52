"""Working-hours overlap between two schedules, day by day over a year, with daylight saving.

Each working day of each side (its own working hours on its own working days, in its own time
zone; a night shift that ends the next morning counts for the day it starts) becomes an
interval in UTC, day by day over the ISO weeks of the chosen year, with both
zones' daylight-saving rules from the IANA database (`zoneinfo`). The overlap of two schedules
is the length of the intersection of their intervals, summed per UTC week (Monday 00:00 to
Monday 00:00 UTC). Everything is integer seconds, so the overlap is exact and symmetric.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from .zones import zone

DAY = 86_400
WEEK = 7 * DAY
_EPOCH = date(1970, 1, 1).toordinal()

# Working weeks: the days worked, as date.weekday() numbers (Monday = 0).
WEEKDAYS: dict[str, frozenset[int]] = {
    "mon_fri": frozenset(range(5)),
    "sun_thu": frozenset({6, 0, 1, 2, 3}),
    "mon_sat": frozenset(range(6)),
}
WEEK_CHOICES = tuple(WEEKDAYS)


class Schedule(NamedTuple):
    """One side's working time: zone name, start and end of the day in seconds after the local
    midnight of the day it starts (end after start, at most one day later: an end past 86,400
    is the next morning), and the working week (the days on which a shift starts)."""

    zone: str
    start: int
    end: int
    week: str


def schedule(zone_name: str, start_hour: float, end_hour: float, week: str) -> Schedule:
    """A shift whose end hour is earlier than its start (21 to 6) ends the next morning."""
    start, end = round(start_hour * 3600), round(end_hour * 3600)
    return Schedule(zone_name, start, end + DAY if end < start else end, week)


def year_window(year: int) -> tuple[int, int]:
    """The ISO weeks of `year` as UTC seconds since 1970: Monday of week 1, 00:00 UTC, to the
    Monday after the last week. 52 or 53 whole weeks."""
    first = date.fromisocalendar(year, 1, 1).toordinal()
    after = date.fromisocalendar(year + 1, 1, 1).toordinal()
    return (first - _EPOCH) * DAY, (after - _EPOCH) * DAY


def _offset(zone_info: ZoneInfo, instant: int) -> int:
    delta = datetime.fromtimestamp(instant, zone_info).utcoffset()
    assert delta is not None
    return delta.days * DAY + delta.seconds


@lru_cache(maxsize=64)
def wall_offsets(zone_name: str, year: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The zone's UTC offsets around `year`'s window, keyed by local wall time.

    Returns (thresholds, offsets): a wall time w (local seconds since 1970, as if UTC) is at
    offset offsets[bisect_right(thresholds, w)]. Transitions are found by sampling the offset
    once a week and bisecting to the second (no zone changes its clocks twice within a week
    from 1999 to 2101: checked against daily sampling for every zone offered). A wall time that
    occurs twice (clocks go back) or never (clocks go forward) takes the offset from before the
    change, as zoneinfo does with fold=0."""
    zone_info = zone(zone_name)
    start, end = year_window(year)
    first, last = start - 4 * DAY, end + 4 * DAY
    offsets = [_offset(zone_info, first)]
    thresholds: list[int] = []
    instant = first
    while instant < last:
        following = min(instant + WEEK, last)
        if _offset(zone_info, following) != offsets[-1]:
            low, high = instant, following  # offset(low) is the old one, offset(high) is not
            while high - low > 1:
                middle = (low + high) // 2
                if _offset(zone_info, middle) == offsets[-1]:
                    low = middle
                else:
                    high = middle
            new = _offset(zone_info, high)
            thresholds.append(high + max(offsets[-1], new))
            offsets.append(new)
        instant = following
    return tuple(thresholds), tuple(offsets)


class Intervals(NamedTuple):
    """Sorted, disjoint UTC intervals [starts[k], ends[k]) in seconds since 1970, none of them
    crossing a week boundary of the year's window (so each lies in one week)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]


@lru_cache(maxsize=128)
def working_intervals(side: Schedule, year: int) -> Intervals:
    """The side's working time within the year's window (its ISO weeks, in UTC)."""
    thresholds, offsets = wall_offsets(side.zone, year)
    days = WEEKDAYS[side.week]
    window_start, window_end = year_window(year)
    # Local midnights (wall time as if UTC) of the working days, two days to spare each side.
    midnights = [
        (ordinal - _EPOCH) * DAY
        for ordinal in range(window_start // DAY + _EPOCH - 2, window_end // DAY + _EPOCH + 2)
        if (ordinal - 1) % 7 in days  # date.fromordinal(1) is a Monday
    ]
    if thresholds:
        walls = [m + side.start for m in midnights]
        begins = [w - offsets[bisect_right(thresholds, w)] for w in walls]
        walls = [m + side.end for m in midnights]
        finishes = [w - offsets[bisect_right(thresholds, w)] for w in walls]
    else:  # one offset all year
        begins = [m + side.start - offsets[0] for m in midnights]
        finishes = [m + side.end - offsets[0] for m in midnights]
    starts: list[int] = []
    ends: list[int] = []
    for begin, finish in zip(begins, finishes, strict=True):
        begin, finish = max(begin, window_start), min(finish, window_end)
        if finish <= begin:
            continue  # outside the window, or a day swallowed whole by a clock change
        if ends and begin <= ends[-1]:  # runs into the previous day's hours: one interval
            ends[-1] = max(ends[-1], finish)
        else:
            starts.append(begin)
            ends.append(finish)
    # Split the few intervals that cross a week boundary.
    crossing = [
        k
        for k, (begin, finish) in enumerate(zip(starts, ends, strict=True))
        if (begin - window_start) // WEEK != (finish - 1 - window_start) // WEEK
    ]
    for k in reversed(crossing):
        begin, finish = starts[k], ends[k]
        cuts = list(range(window_start + ((begin - window_start) // WEEK + 1) * WEEK, finish, WEEK))
        starts[k : k + 1] = [begin, *cuts]
        ends[k : k + 1] = [*cuts, finish]
    return Intervals(tuple(starts), tuple(ends))


@lru_cache(maxsize=128)
def weekly_overlap_seconds(a: Schedule, b: Schedule, year: int) -> tuple[int, ...]:
    """Seconds both sides work, for each UTC week of the year's window. overlap(a, a) is a's
    own working time per week."""
    window_start, window_end = year_window(year)
    weeks = [0] * ((window_end - window_start) // WEEK)
    (a_starts, a_ends), (b_starts, b_ends) = working_intervals(a, year), working_intervals(b, year)
    a_count, b_count = len(a_starts), len(b_starts)
    i = j = 0
    while i < a_count and j < b_count:
        a_start, b_start = a_starts[i], b_starts[j]
        begin = a_start if a_start > b_start else b_start
        if a_ends[i] <= b_ends[j]:
            finish = a_ends[i]
            i += 1
        else:
            finish = b_ends[j]
            j += 1
        if begin < finish:  # both pieces lie in one week, so their intersection does too
            weeks[(begin - window_start) // WEEK] += finish - begin
    return tuple(weeks)


@dataclass(frozen=True)
class Overlap:
    weekly_hours: tuple[float, ...]
    average: float  # hours per week
    low: float
    high: float


def overlap(a: Schedule, b: Schedule, year: int) -> Overlap:
    seconds = weekly_overlap_seconds(a, b, year)
    return Overlap(
        weekly_hours=tuple(s / 3600 for s in seconds),
        average=sum(seconds) / (3600 * len(seconds)),  # integer sum: exact
        low=min(seconds) / 3600,
        high=max(seconds) / 3600,
    )


def weekly_hours(side: Schedule) -> float:
    """Nominal working hours per week: hours a day x days a week."""
    return (side.end - side.start) / 3600 * len(WEEKDAYS[side.week])
