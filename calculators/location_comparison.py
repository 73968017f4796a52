"""Location comparison: what does the same work cost in each location, once the hours you share
with the home office are counted?

Overlap. Each working day of each side (its own working hours on its own working days, in its
own time zone) becomes an interval in UTC, day by day over the ISO weeks of the chosen year,
with both zones' daylight-saving rules from the IANA database (`zoneinfo`). The overlap of two
schedules is the length of the intersection of their intervals, summed per UTC week (Monday
00:00 to Monday 00:00 UTC). Everything is integer seconds, so the overlap is exact and symmetric.

Cost. A location's coordination overhead grows with the share of the home office's week that it
does not share: coordination % = base % x (1 - overlap hours / home weekly hours). Its yearly
cost is hours per week x 52 / productivity x hourly cost x (1 + travel and management %) x
(1 + coordination %).

Zone data comes from the `tzdata` package (loaded with `ZoneInfo.from_file`), never from the
operating system, so CPython and Pyodide (which has only the `tzdata` wheel the page loads) use
the same rules. The choices are the names in tzdata's `zone.tab` (one canonical "Area/City"
name per region: no "Etc/", "US/" or other legacy aliases) plus "UTC".
"""

from __future__ import annotations

import importlib.util
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from ._fields import Field, FieldSet, InputError, Values
from ._format import format_money, format_number, format_percent
from ._messages import message, register
from ._money import total
from ._results import Figure, Item, ItemList, Table, result

ID = "location_comparison"
REQUIRES = ("tzdata",)  # the page loads the tzdata wheel: Pyodide has no zone data of its own
CURRENCIES = ("EUR", "USD", "GBP", "NOK", "SEK", "ISK", "RUB")
WEEKS_PER_YEAR = 52  # for the yearly cost (the overlap itself uses the year's real ISO weeks)

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


def _tzdata_root() -> Path | None:
    """Where the tzdata package keeps its zone files, or None when it is not installed (as in
    the browser on pages whose calculators do not need it)."""
    try:
        spec = importlib.util.find_spec("tzdata")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations))) / "zoneinfo"
    return root if (root / "zone.tab").is_file() else None


def _zone_names(root: Path | None) -> tuple[str, ...]:
    """Canonical zone names: tzdata's zone.tab (column 3), sorted, plus UTC."""
    if root is None:
        return ()
    names = {
        line.split("\t")[2].strip()
        for line in (root / "zone.tab").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#") and line.count("\t") >= 2
    }
    return (*sorted(names), "UTC")


_ROOT = _tzdata_root()
ZONES = _zone_names(_ROOT)


@cache
def zone(name: str) -> ZoneInfo:
    """The zone `name` (one of ZONES), read from the tzdata package."""
    if name not in ZONES or _ROOT is None:
        raise KeyError(name)
    with open(_ROOT.joinpath(*name.split("/")), "rb") as file:
        return ZoneInfo.from_file(file, key=name)


_WORK = "location_comparison.group.work"
_HOME = "location_comparison.group.home"
_LOCATIONS = "location_comparison.group.locations"
_HOUR = "location_comparison_hour"

# Three made-up locations that show the trade-off; every number is an illustration.
PRESETS: tuple[dict[str, float | str], ...] = (
    {"name": "Onshore example", "zone": "Europe/Oslo", "hourly_cost": 70, "productivity": 1.0,
     "overhead_pct": 5, "start": 8, "end": 16, "week": "mon_fri"},
    {"name": "Nearshore example", "zone": "Europe/Lisbon", "hourly_cost": 40, "productivity": 0.9,
     "overhead_pct": 10, "start": 9, "end": 17, "week": "mon_fri"},
    {"name": "Offshore example", "zone": "Asia/Manila", "hourly_cost": 25, "productivity": 0.8,
     "overhead_pct": 20, "start": 9, "end": 17, "week": "mon_fri"},
)  # fmt: skip

COLUMNS = (
    Field("name", "text", "", maximum=40, unique=True),
    Field("zone", "choice", "", choices=ZONES),
    Field("hourly_cost", "money", 0, "location_comparison_per_hour", 0, 100_000, 1),
    Field("productivity", "number", 1, "location_comparison_factor", 0.1, 3, 0.05),
    Field("overhead_pct", "percent", 0, "percent", 0, 200, 1),
    Field("start", "number", 9, _HOUR, 0, 23.5, 0.5),
    Field("end", "number", 17, _HOUR, 0.5, 24, 0.5),
    Field("week", "choice", "mon_fri", choices=WEEK_CHOICES),
)

FIELDS = (
    Field("hours_per_week", "number", 80, "location_comparison_hours_per_week", 0.5, 100_000, 0.5,
          group=_WORK),
    Field("coordination_pct", "percent", 20, "percent", 0, 200, 1, group=_WORK),
    Field("year", "integer", 2027, "", 2000, 2100, 1, group=_WORK),
    Field("currency", "choice", "EUR", choices=CURRENCIES, group=_WORK),
    Field("home_zone", "choice", "Europe/Oslo", choices=ZONES, group=_HOME),
    Field("home_start", "number", 8, _HOUR, 0, 23.5, 0.5, group=_HOME),
    Field("home_end", "number", 16, _HOUR, 0.5, 24, 0.5, group=_HOME),
    Field("home_week", "choice", "mon_fri", choices=WEEK_CHOICES, group=_HOME),
    Field("locations", "table", PRESETS, columns=COLUMNS, min_rows=2, max_rows=5,
          group=_LOCATIONS),
)  # fmt: skip


def _check_hours(values: Values, locale: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if float(values["home_end"]) <= float(values["home_start"]):
        errors["home_end"] = message("location_comparison.contradiction.home_hours", locale)
    # Rows are named in the message (names are unique): the parsed rows no longer know their
    # position in the form once blank rows are skipped, so the error sits on the whole table.
    late = [str(row["name"]) for row in values["locations"] if row["end"] <= row["start"]]
    if late:
        errors["locations"] = message(
            "location_comparison.contradiction.row_hours", locale, names=", ".join(late)
        )
    return errors


def _is_zone_error(key: str) -> bool:
    return key == "home_zone" or (key.startswith("locations.") and key.endswith(".zone"))


@dataclass(frozen=True)
class _ZoneFieldSet(FieldSet):
    """The shared FieldSet, with a short message for an unknown time zone (the shared one would
    list all the zones)."""

    def parse(self, raw: object, locale: str = "en") -> Values:
        try:
            return super().parse(raw, locale)
        except InputError as exc:
            missing = message("error.missing", locale)
            unknown = message("location_comparison.error.unknown_zone", locale)
            raise InputError(
                {k: unknown if _is_zone_error(k) and v != missing else v
                 for k, v in exc.errors.items()}
            ) from None  # fmt: skip


FIELDSET = _ZoneFieldSet(ID, FIELDS, checks=(_check_hours,))


# --- Working-hours overlap -------------------------------------------------------------------


class Schedule(NamedTuple):
    """One side's working time: zone name, start and end of the day in seconds after local
    midnight (end after start, at most one day), and the working week."""

    zone: str
    start: int
    end: int
    week: str


def schedule(zone_name: str, start_hour: float, end_hour: float, week: str) -> Schedule:
    return Schedule(zone_name, round(start_hour * 3600), round(end_hour * 3600), week)


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


# --- Cost ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LocationResult:
    name: str
    zone: str
    overlap: Overlap
    coordination_pct: float
    cost_per_productive_hour: float
    total_yearly_cost: float


def weekly_hours(side: Schedule) -> float:
    """Nominal working hours per week: hours a day x days a week."""
    return (side.end - side.start) / 3600 * len(WEEKDAYS[side.week])


def coordination_pct(base_pct: float, overlap_hours: float, home_weekly_hours: float) -> float:
    """Base % x the share of the home office's week with no overlap (never below 0)."""
    unshared = 1.0 - overlap_hours / home_weekly_hours
    return base_pct * min(1.0, max(0.0, unshared))


def cost_per_productive_hour(
    hourly_cost: float, productivity: float, overhead_pct: float, coordination: float
) -> float:
    return hourly_cost / productivity * (1.0 + overhead_pct / 100) * (1.0 + coordination / 100)


def evaluate(values: Values) -> tuple[Schedule, list[LocationResult]]:
    year = int(values["year"])
    home = schedule(
        str(values["home_zone"]),
        float(values["home_start"]),
        float(values["home_end"]),
        str(values["home_week"]),
    )
    home_hours = weekly_hours(home)
    hours_per_week = float(values["hours_per_week"])
    results = []
    for row in values["locations"]:
        side = schedule(str(row["zone"]), float(row["start"]), float(row["end"]), str(row["week"]))
        shared = overlap(home, side, year)
        coordination = coordination_pct(
            float(values["coordination_pct"]), shared.average, home_hours
        )
        per_hour = cost_per_productive_hour(
            float(row["hourly_cost"]),
            float(row["productivity"]),
            float(row["overhead_pct"]),
            coordination,
        )
        results.append(
            LocationResult(
                name=str(row["name"]),
                zone=side.zone,
                overlap=shared,
                coordination_pct=coordination,
                cost_per_productive_hour=per_hour,
                total_yearly_cost=hours_per_week * WEEKS_PER_YEAR * per_hour,
            )
        )
    return home, results


def compute(values: Values, locale: str = "en") -> dict[str, Any]:
    home, locations = evaluate(values)
    currency = str(values["currency"])
    year = int(values["year"])
    hours_per_week = float(values["hours_per_week"])
    home_hours = weekly_hours(home)
    ranked = sorted(locations, key=lambda r: r.total_yearly_cost)  # stable: ties keep row order

    def msg(key: str, **params: object) -> str:
        return message(f"{ID}.{key}", locale, **params)

    def money(amount: float) -> str:
        return format_money(amount, currency, locale)

    def hours(value: float) -> str:
        return msg("value.hours", hours=format_number(value, locale, 1))

    cheapest, runner_up = ranked[0], ranked[1]
    most_overlap = max(locations, key=lambda r: r.overlap.average)  # first of equals
    yearly_hours = hours_per_week * WEEKS_PER_YEAR
    figures = [
        Figure("cheapest", msg("figure.cheapest"), cheapest.total_yearly_cost,
               money(cheapest.total_yearly_cost),
               msg("note.cheapest", name=cheapest.name, next=runner_up.name,
                   difference=money(runner_up.total_yearly_cost - cheapest.total_yearly_cost))),
        Figure("most_overlap", msg("figure.most_overlap"), most_overlap.overlap.average,
               hours(most_overlap.overlap.average),
               msg("note.most_overlap", name=most_overlap.name, home=hours(home_hours))),
        Figure("yearly_hours", msg("figure.yearly_hours"), yearly_hours,
               msg("value.hours_a_year", hours=format_number(yearly_hours, locale, 0)),
               msg("note.yearly_hours", hours=format_number(hours_per_week, locale, 1))),
    ]  # fmt: skip

    table = Table(
        "locations",
        msg("table.caption", year=year),
        [msg(f"table.{c}") for c in ("location", "overlap", "range", "coordination",
                                      "per_hour", "total")],
        [
            [r.name,
             msg("table.hours_cell", hours=format_number(r.overlap.average, locale, 1)),
             msg("table.range_cell", low=format_number(r.overlap.low, locale, 1),
                 high=format_number(r.overlap.high, locale, 1)),
             format_percent(r.coordination_pct, locale),
             format_money(r.cost_per_productive_hour, currency, locale, 2),
             r.total_yearly_cost]
            for r in locations
        ],
        money,
    )  # fmt: skip
    ranking = ItemList(
        "ranking",
        msg("list.ranking"),
        [
            Item(
                msg("list.item", name=r.name, total=money(r.total_yearly_cost)),
                note=msg(
                    "list.note",
                    overlap=hours(r.overlap.average),
                    coordination=format_percent(r.coordination_pct, locale),
                ),
            )
            for r in ranked
        ],
        ordered=True,
    )
    cost_chart = {
        "id": "cost",
        "kind": "bars",
        "title": msg("chart.cost.title", year=year),
        "x_label": msg("chart.cost.x", currency=currency),
        "bars": [
            {
                "label": r.name,
                "start": 0.0,
                "end": r.total_yearly_cost,
                "text": money(r.total_yearly_cost),
                "tone": "good" if r is cheapest else "neutral",
            }
            for r in locations
        ],
        "reference": None,
    }
    overlap_chart = {
        "id": "overlap",
        "kind": "bars",
        "title": msg("chart.overlap.title"),
        "x_label": msg("chart.overlap.x"),
        "bars": [
            {
                "label": r.name,
                "start": 0.0,
                "end": r.overlap.average,
                "text": hours(r.overlap.average),
                "tone": "neutral",
            }
            for r in locations
        ],
        "reference": {"x": home_hours, "label": msg("chart.overlap.home", hours=hours(home_hours))},
    }
    return result(
        ID,
        msg("title"),
        locale,
        figures=figures,
        tables=[table],
        charts=[cost_chart, overlap_chart],
        lists=[ranking],
        values={
            "home_weekly_hours": home_hours,
            "weeks": len(locations[0].overlap.weekly_hours),
            "yearly_hours": yearly_hours,
            "total_of_all": total(r.total_yearly_cost for r in locations),
            "ranking": [r.name for r in ranked],
            "locations": [
                {
                    "name": r.name,
                    "zone": r.zone,
                    "overlap_hours_per_week": r.overlap.average,
                    "min_week_hours": r.overlap.low,
                    "max_week_hours": r.overlap.high,
                    "weekly_overlap_hours": list(r.overlap.weekly_hours),
                    "coordination_pct": r.coordination_pct,
                    "cost_per_productive_hour": r.cost_per_productive_hour,
                    "total_yearly_cost": r.total_yearly_cost,
                }
                for r in locations
            ],
        },
    )


EXAMPLES: tuple[tuple[str, dict[str, object]], ...] = (
    ("defaults", {}),
    (
        "new-york-home-dst-gap",
        {
            "home_zone": "America/New_York",
            "home_start": 9,
            "home_end": 17.5,
            "currency": "USD",
            "year": 2026,
            "locations": [
                {
                    "name": "Oslo team",
                    "zone": "Europe/Oslo",
                    "hourly_cost": 60,
                    "productivity": 1,
                    "overhead_pct": 10,
                    "start": 8,
                    "end": 16,
                    "week": "mon_fri",
                },
                {
                    "name": "Dubai team",
                    "zone": "Asia/Dubai",
                    "hourly_cost": 35,
                    "productivity": 0.9,
                    "overhead_pct": 15,
                    "start": 8.5,
                    "end": 17,
                    "week": "sun_thu",
                },
                {
                    "name": "Sydney team",
                    "zone": "Australia/Sydney",
                    "hourly_cost": 55,
                    "productivity": 1.1,
                    "overhead_pct": 20,
                    "start": 7,
                    "end": 15,
                    "week": "mon_fri",
                },
            ],
        },
    ),
    (
        "five-locations-six-day-week",
        {
            "hours_per_week": 400,
            "coordination_pct": 35,
            "year": 2032,
            "home_zone": "Asia/Kolkata",
            "home_start": 9.5,
            "home_end": 18,
            "home_week": "mon_sat",
            "currency": "GBP",
            "locations": [
                {
                    "name": "A",
                    "zone": "Europe/London",
                    "hourly_cost": 45,
                    "productivity": 1.2,
                    "overhead_pct": 5,
                    "start": 9,
                    "end": 17,
                    "week": "mon_fri",
                },
                {
                    "name": "B",
                    "zone": "Asia/Kolkata",
                    "hourly_cost": 18,
                    "productivity": 0.85,
                    "overhead_pct": 12,
                    "start": 10,
                    "end": 19,
                    "week": "mon_sat",
                },
                {
                    "name": "C",
                    "zone": "Pacific/Auckland",
                    "hourly_cost": 50,
                    "productivity": 1,
                    "overhead_pct": 25,
                    "start": 0,
                    "end": 24,
                    "week": "mon_fri",
                },
                {
                    "name": "D",
                    "zone": "UTC",
                    "hourly_cost": 30,
                    "productivity": 0.7,
                    "overhead_pct": 0,
                    "start": 22,
                    "end": 24,
                    "week": "sun_thu",
                },
                {
                    "name": "<E & Co>",
                    "zone": "America/St_Johns",
                    "hourly_cost": 0,
                    "productivity": 3,
                    "overhead_pct": 200,
                    "start": 0.5,
                    "end": 23.5,
                    "week": "mon_sat",
                },
            ],
        },
    ),
    (
        "form-keys-with-a-blank-row",
        {
            "locations.0.name": "Hjemme",
            "locations.0.zone": "Europe/Oslo",
            "locations.0.hourly_cost": "650",
            "locations.0.productivity": "1",
            "locations.0.overhead_pct": "0",
            "locations.0.start": "8",
            "locations.0.end": "15.5",
            "locations.0.week": "mon_fri",
            "locations.1.name": "",
            "locations.2.name": "Tallinn",
            "locations.2.zone": "Europe/Tallinn",
            "locations.2.hourly_cost": "420.5",
            "locations.2.productivity": "0.95",
            "locations.2.overhead_pct": "8",
            "locations.2.start": "9",
            "locations.2.end": "17",
            "locations.2.week": "mon_fri",
            "currency": "NOK",
        },
    ),
)


register(
    {
        "en": {
            f"{ID}.title": "Location comparison",
            f"unit.{ID}_hours_per_week": "hours per week",
            f"unit.{ID}_hour": "hour of the day",
            f"unit.{ID}_per_hour": "per hour",
            f"unit.{ID}_factor": "relative to the home team",
            f"{ID}.group.work": "The work",
            f"{ID}.group.home": "Home office",
            f"{ID}.group.locations": "Locations to compare",
            f"{ID}.hours_per_week.label": "Work to outsource",
            f"{ID}.hours_per_week.help": "Hours of work a week, as your own team would take to "
            "do it. A less productive location needs more paid hours for the same work.",
            f"{ID}.coordination_pct.label": "Coordination overhead with no overlap",
            f"{ID}.coordination_pct.help": "Extra cost of coordinating with a location that "
            "shares none of your working hours (hand-overs, waiting, written instead of live "
            "answers), as a percentage of its cost. It shrinks in proportion to the hours you "
            "share.",
            f"{ID}.year.label": "Year",
            f"{ID}.year.help": "The calendar year (its ISO weeks) over which working hours are "
            "compared, with each zone's daylight-saving dates for that year.",
            f"{ID}.currency.label": "Currency",
            f"{ID}.currency.help": "Used only to label amounts; nothing is converted. Enter "
            "every hourly cost in this currency.",
            f"{ID}.home_zone.label": "Home time zone",
            f"{ID}.home_zone.help": "The IANA time zone of the home office, such as "
            "Europe/Oslo or America/New_York.",
            f"{ID}.home_start.label": "Home working day starts",
            f"{ID}.home_start.help": "Local time, in hours (8.5 is 8:30).",
            f"{ID}.home_end.label": "Home working day ends",
            f"{ID}.home_end.help": "Local time, in hours (24 is midnight).",
            f"{ID}.home_week.label": "Home working week",
            f"{ID}.home_week.help": "The days the home office works.",
            f"{ID}.locations.label": "Locations",
            f"{ID}.locations.help": "Two to five locations; leave a row blank to skip it. The "
            "three rows filled in are made-up examples, not data: replace them with your quotes.",
            f"{ID}.locations.name.label": "Name",
            f"{ID}.locations.name.help": "A name of your choice, different for each row.",
            f"{ID}.locations.zone.label": "Time zone",
            f"{ID}.locations.zone.help": "IANA time zone name, such as Asia/Manila.",
            f"{ID}.locations.hourly_cost.label": "Hourly cost",
            f"{ID}.locations.hourly_cost.help": "What an hour of work costs there.",
            f"{ID}.locations.productivity.label": "Productivity",
            f"{ID}.locations.productivity.help": "Output per hour against the home team's: 1 is "
            "the same, 0.8 needs 25% more hours.",
            f"{ID}.locations.overhead_pct.label": "Travel and management",
            f"{ID}.locations.overhead_pct.help": "Travel, vendor management and other costs on "
            "top of the hourly cost.",
            f"{ID}.locations.start.label": "Day starts",
            f"{ID}.locations.start.help": "Local time, in hours.",
            f"{ID}.locations.end.label": "Day ends",
            f"{ID}.locations.end.help": "Local time, in hours.",
            f"{ID}.locations.week.label": "Working week",
            f"{ID}.locations.week.help": "The days the location works.",
            **{
                f"{ID}.{field}.{week}": label
                for field in ("home_week", "locations.week")
                for week, label in (
                    ("mon_fri", "Monday to Friday"),
                    ("sun_thu", "Sunday to Thursday"),
                    ("mon_sat", "Monday to Saturday"),
                )
            },
            f"{ID}.error.unknown_zone": "Choose a time zone from the list: an IANA name such as "
            "Europe/Oslo or America/New_York.",
            f"{ID}.contradiction.home_hours": "The working day must end after it starts.",
            f"{ID}.contradiction.row_hours": "The working day must end after it starts: {names}.",
            f"{ID}.value.hours": "{hours} h a week",
            f"{ID}.value.hours_a_year": "{hours} hours a year",
            f"{ID}.figure.cheapest": "Lowest yearly cost",
            f"{ID}.note.cheapest": "{name}; the next cheapest, {next}, costs {difference} more.",
            f"{ID}.figure.most_overlap": "Most shared working hours",
            f"{ID}.note.most_overlap": "{name}, out of the home office's {home}.",
            f"{ID}.figure.yearly_hours": "Work outsourced",
            f"{ID}.note.yearly_hours": "{hours} hours a week for 52 weeks, counted in your "
            "own team's hours.",
            f"{ID}.table.caption": "Locations compared over {year}",
            f"{ID}.table.location": "Location",
            f"{ID}.table.overlap": "Shared hours a week",
            f"{ID}.table.range": "Weekly range",
            f"{ID}.table.range_cell": "{low} to {high} h",
            f"{ID}.table.hours_cell": "{hours} h",
            f"{ID}.table.coordination": "Coordination overhead",
            f"{ID}.table.per_hour": "Cost per productive hour",
            f"{ID}.table.total": "Total yearly cost",
            f"{ID}.list.ranking": "Ranking, cheapest first",
            f"{ID}.list.item": "{name}: {total} a year",
            f"{ID}.list.note": "Shares {overlap} with the home office; coordination adds "
            "{coordination}.",
            f"{ID}.chart.cost.title": "Total yearly cost by location ({year})",
            f"{ID}.chart.cost.x": "Yearly cost ({currency})",
            f"{ID}.chart.overlap.title": "Working hours shared with the home office",
            f"{ID}.chart.overlap.x": "Hours a week (average over the year)",
            f"{ID}.chart.overlap.home": "Home week: {hours}",
        }
    }
)
