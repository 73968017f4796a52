"""The location comparison's numbers: shared hours with the home office, and yearly cost.

A location's coordination overhead grows with the share of the home office's week that it
does not share: coordination % = base % x (1 - overlap hours / home weekly hours). Its yearly
cost is hours per week x 52 / productivity x hourly cost x (1 + travel and management %) x
(1 + coordination %). The overlap itself (daylight saving included) is in `overlap`; its
names are importable from here too.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.money import total
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
    cost_per_productive_hour: float
    total_yearly_cost: float


def coordination_pct(base_pct: float, overlap_hours: float, home_weekly_hours: float) -> float:
    """Base % x the share of the home office's week with no overlap (never below 0)."""
    unshared = 1.0 - overlap_hours / home_weekly_hours
    return base_pct * min(1.0, max(0.0, unshared))


def cost_per_productive_hour(
    hourly_cost: float, productivity: float, overhead_pct: float, coordination: float
) -> float:
    return hourly_cost / productivity * (1.0 + overhead_pct / 100) * (1.0 + coordination / 100)


@dataclass(frozen=True)
class Outcome:
    year: int
    hours_per_week: float  # the work, in the home team's hours
    home: Schedule
    home_hours: float  # the home office's nominal working hours a week
    locations: list[LocationResult]  # in the order entered
    ranked: list[LocationResult]  # cheapest first; equal costs keep the order entered
    zone_rules: str  # the IANA release the overlap was computed with, such as "2026f"

    @property
    def yearly_hours(self) -> float:
        return self.hours_per_week * WEEKS_PER_YEAR

    @property
    def most_overlap(self) -> LocationResult:
        return max(self.locations, key=lambda r: r.overlap.average)  # the first of equals

    @property
    def total_of_all(self) -> float:
        return total(r.total_yearly_cost for r in self.locations)


def outcome(values: Values) -> Outcome:
    year = int(values["year"])
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
        per_hour = cost_per_productive_hour(float(row["hourly_cost"]), float(row["productivity"]),
                                            float(row["overhead_pct"]), coordination)  # fmt: skip
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
    ranked = sorted(results, key=lambda r: r.total_yearly_cost)  # stable: ties keep row order
    return Outcome(year, hours_per_week, home, home_hours, results, ranked, database_version())


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
    "working_intervals",
    "year_window",
    "zone",
]
