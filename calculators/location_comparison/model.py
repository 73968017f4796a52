"""The location comparison's numbers: shared hours with the home office, and yearly cost.

A location's coordination overhead grows with the share of the home office's week that it
does not share: coordination % = base % x (1 - overlap hours / home weekly hours). Its people
work 52 weeks of working days less public holidays and leave, all of them paid, so an hour
worked costs hourly cost / (share of the paid days worked). Its yearly cost is hours per week x
52 / productivity x that cost x (1 + travel and management %) x (1 + coordination %), in the
home currency at the location's exchange rate; later years grow with its wages. The
overlap itself (daylight saving included) is in `overlap`; its names are importable from here
too.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.money import growth_factors, total
from ..core.parse import Values
from .overlap import (
    DAY,
    WEEK,
    WEEK_CHOICES,
    WEEKDAYS,
    Intervals,
    Overlap,
    Schedule,
    overlap,
    schedule,
    wall_offsets,
    weekly_hours,
    weekly_overlap_seconds,
    working_intervals,
    year_window,
)
from .zones import ZONES, database_version, zone

WEEKS_PER_YEAR = 52  # for the yearly cost (the overlap itself uses the year's real ISO weeks)


@dataclass(frozen=True)
class LocationResult:
    name: str
    zone: str
    overlap: Overlap
    coordination_pct: float
    working_days: float  # a year per person: paid days less public holidays and leave
    working_hours: float  # a year per person: working days x the length of the working day
    worked_share: float  # working days / paid days (52 weeks of the working week)
    cost_per_productive_hour: float  # in the first year, in the home currency
    total_yearly_cost: float  # the first year, in the home currency
    yearly_costs: tuple[float, ...]  # each year of the horizon: the first x (1 + growth)^k
    horizon_cost: float


def working_days(side: Schedule, holidays: float, leave_days: float) -> tuple[float, float]:
    """(Days worked a year, their share of the paid days): 52 weeks of the side's working week
    less public holidays and leave. Field limits keep holidays + leave (at most 100) below the
    paid days (at least 260)."""
    paid = WEEKS_PER_YEAR * len(WEEKDAYS[side.week])
    worked = paid - holidays - leave_days
    return worked, worked / paid


def coordination_pct(base_pct: float, overlap_hours: float, home_weekly_hours: float) -> float:
    """Base % x the share of the home office's week with no overlap (never below 0)."""
    unshared = 1.0 - overlap_hours / home_weekly_hours
    return base_pct * min(1.0, max(0.0, unshared))


def cost_per_productive_hour(
    hourly_cost: float,
    productivity: float,
    overhead_pct: float,
    coordination: float,
    worked_share: float = 1.0,
) -> float:
    """The cost of an hour of the home team's work: paid hours per hour worked (1 / share),
    worked hours per hour of work (1 / productivity), then the overheads."""
    return (
        hourly_cost
        / worked_share
        / productivity
        * (1.0 + overhead_pct / 100)
        * (1.0 + coordination / 100)
    )


@dataclass(frozen=True)
class Outcome:
    year: int
    hours_per_week: float  # the work, in the home team's hours
    home: Schedule
    home_hours: float  # the home office's nominal working hours a week
    locations: list[LocationResult]  # in the order entered
    ranked: list[LocationResult]  # cheapest first; equal costs keep the order entered
    zone_rules: str  # the IANA release the overlap was computed with, such as "2026f"
    horizon_years: int = 1

    @property
    def yearly_hours(self) -> float:
        return self.hours_per_week * WEEKS_PER_YEAR

    @property
    def most_overlap(self) -> LocationResult:
        return max(self.locations, key=lambda r: r.overlap.average)  # the first of equals

    @property
    def total_of_all(self) -> float:
        return total(r.total_yearly_cost for r in self.locations)

    @property
    def horizon_of_all(self) -> float:
        return total(r.horizon_cost for r in self.locations)


def outcome(values: Values) -> Outcome:
    year = int(values["year"])
    horizon = int(values["horizon_years"])
    home = schedule(str(values["home_zone"]), float(values["home_start"]),
                    float(values["home_end"]), str(values["home_week"]))  # fmt: skip
    home_hours = weekly_hours(home)
    hours_per_week = float(values["hours_per_week"])
    results = []
    for row in values["locations"]:
        side = schedule(str(row["zone"]), float(row["start"]), float(row["end"]), str(row["week"]))
        shared = overlap(home, side, year)
        coordination = coordination_pct(
            float(values["coordination_pct"]), shared.average, home_hours
        )
        days, share = working_days(side, float(row["holidays"]), float(row["leave_days"]))
        hourly_cost = float(row["hourly_cost"]) * float(row["exchange_rate"])  # home currency
        per_hour = cost_per_productive_hour(hourly_cost, float(row["productivity"]),
                                            float(row["overhead_pct"]), coordination,
                                            share)  # fmt: skip
        first_year = hours_per_week * WEEKS_PER_YEAR * per_hour
        growth = growth_factors(float(row["wage_growth_pct"]) / 100, horizon)
        yearly = tuple(first_year * factor for factor in growth)
        results.append(
            LocationResult(
                name=str(row["name"]),
                zone=side.zone,
                overlap=shared,
                coordination_pct=coordination,
                working_days=days,
                working_hours=days * (side.end - side.start) / 3600,
                worked_share=share,
                cost_per_productive_hour=per_hour,
                total_yearly_cost=first_year,
                yearly_costs=yearly,
                horizon_cost=total(yearly),
            )
        )
    ranked = sorted(results, key=lambda r: r.horizon_cost)  # stable: ties keep row order
    return Outcome(year, hours_per_week, home, home_hours, results, ranked, database_version(),
                   horizon)  # fmt: skip


__all__ = [
    "DAY",
    "WEEK",
    "WEEKDAYS",
    "WEEK_CHOICES",
    "ZONES",
    "Intervals",
    "LocationResult",
    "Outcome",
    "Overlap",
    "Schedule",
    "coordination_pct",
    "cost_per_productive_hour",
    "database_version",
    "outcome",
    "overlap",
    "schedule",
    "wall_offsets",
    "weekly_hours",
    "weekly_overlap_seconds",
    "working_days",
    "working_intervals",
    "year_window",
    "zone",
]
