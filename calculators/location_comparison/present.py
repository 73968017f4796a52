"""The location comparison for readers: verdict, figures, the table, two charts and the ranking."""

from __future__ import annotations

from typing import Any

from ..core.format import Formatter
from ..core.names import cut_label
from ..core.results import (
    Bar,
    BarsChart,
    Figure,
    Item,
    ItemList,
    Reference,
    Table,
    Verdict,
    result,
)
from ..core.text import Text
from .model import WEEKS_PER_YEAR, Outcome

CHART_LABEL_CHARS = 26  # longer names are cut in the charts only (tables show them whole)


def present(o: Outcome, currency: str, t: Text) -> dict[str, Any]:
    fmt = Formatter(t.locale, currency)
    return result(
        "location_comparison",
        t.gettext("Location comparison"),
        t.locale,
        verdict=verdict(o, fmt, t),
        figures=figures(o, fmt, t),
        tables=[location_table(o, fmt, t)],
        charts=[cost_chart(o, fmt, t), overlap_chart(o, fmt, t)],
        lists=[ranking(o, fmt, t)],
        values=raw_values(o),
    )


def _hours(value: float, fmt: Formatter, t: Text) -> str:
    return t.gettext("{hours} h a week", hours=fmt.number(value, 1))


def verdict(o: Outcome, fmt: Formatter, t: Text) -> Verdict:
    """The cheapest over the horizon: a year's cost when the horizon is one year."""
    cheapest, runner_up = o.ranked[0], o.ranked[1]
    difference = runner_up.horizon_cost - cheapest.horizon_cost
    shared = cheapest.overlap.average
    n = o.horizon_years
    amount = fmt.money_rounded(cheapest.horizon_cost, t)
    names = {"name": cheapest.name, "other": runner_up.name}
    if difference <= 0:
        text = (t.gettext("{name} and {other} cost the same, {amount} a year.", amount=amount,
                          **names) if n == 1 else
                t.ngettext("{name} and {other} cost the same, {amount} over {n} year.",
                           "{name} and {other} cost the same, {amount} over {n} years.", n,
                           amount=amount, **names))  # fmt: skip
        return Verdict(text, "neutral")
    less = fmt.money_rounded(difference, t)
    if shared <= 0:  # the cheapest location never works while the home office does
        text = (t.gettext("{name} costs least, {amount} a year, {difference} less than {other}, "
                          "but it shares no working hours with the home office.", amount=amount,
                          difference=less, **names) if n == 1 else
                t.ngettext("{name} costs least, {amount} over {n} year, {difference} less than "
                           "{other}, but it shares no working hours with the home office.",
                           "{name} costs least, {amount} over {n} years, {difference} less than "
                           "{other}, but it shares no working hours with the home office.", n,
                           amount=amount, difference=less, **names))  # fmt: skip
        return Verdict(text, "neutral")
    hours = _hours(shared, fmt, t)
    text = (t.gettext("{name} costs least, {amount} a year, {difference} less than {other}, and "
                      "shares {hours} with the home office.", amount=amount, difference=less,
                      hours=hours, **names) if n == 1 else
            t.ngettext("{name} costs least, {amount} over {n} year, {difference} less than "
                       "{other}, and shares {hours} with the home office.",
                       "{name} costs least, {amount} over {n} years, {difference} less than "
                       "{other}, and shares {hours} with the home office.", n, amount=amount,
                       difference=less, hours=hours, **names))  # fmt: skip
    return Verdict(text, "good")


def figures(o: Outcome, fmt: Formatter, t: Text) -> list[Figure]:
    cheapest, runner_up = o.ranked[0], o.ranked[1]
    most = o.most_overlap
    n = o.horizon_years
    label = (t.gettext("Lowest yearly cost") if n == 1 else
             t.ngettext("Lowest cost over {n} year", "Lowest cost over {n} years", n))  # fmt: skip
    return [
        Figure("cheapest", label, cheapest.horizon_cost, fmt.money(cheapest.horizon_cost),
               t.gettext("{name}; the next cheapest, {next}, costs {difference} more.",
                         name=cheapest.name, next=runner_up.name,
                         difference=fmt.money(runner_up.horizon_cost - cheapest.horizon_cost)),
               "good", headline=True),
        Figure("most_overlap", t.gettext("Most shared working hours"), most.overlap.average,
               _hours(most.overlap.average, fmt, t),
               t.gettext("{name}, out of the home office's {home}.", name=most.name,
                         home=_hours(o.home_hours, fmt, t)),
               "good" if most.overlap.average > 0 else "bad", headline=True),
        Figure("yearly_hours", t.gettext("Work outsourced"), o.yearly_hours,
               t.gettext("{hours} hours a year", hours=fmt.number(o.yearly_hours)),
               t.gettext("{hours} hours a week for {weeks} weeks, counted in your own team's "
                         "hours.", hours=fmt.number(o.hours_per_week, 1),
                         weeks=WEEKS_PER_YEAR)),
    ]  # fmt: skip


def location_table(o: Outcome, fmt: Formatter, t: Text) -> Table:
    rows: list[list[float | str]] = [
        [r.name,
         t.gettext("{hours} h", hours=fmt.number(r.overlap.average, 1)),
         t.gettext("{low} to {high} h", low=fmt.number(r.overlap.low, 1),
                   high=fmt.number(r.overlap.high, 1)),
         fmt.percent(r.coordination_pct),
         t.gettext("{hours} h", hours=fmt.number(r.working_hours)),
         fmt.money(r.cost_per_productive_hour, 2),
         r.total_yearly_cost,
         *([r.horizon_cost] if o.horizon_years > 1 else [])]
        for r in o.locations
    ]  # fmt: skip
    columns = [t.gettext("Location"), t.gettext("Shared hours a week"),
               t.gettext("Weekly range"), t.gettext("Coordination overhead"),
               t.gettext("Working hours a year"), t.gettext("Cost per productive hour"),
               t.gettext("Total yearly cost")]  # fmt: skip
    if o.horizon_years > 1:
        columns.append(t.ngettext("Total over {n} year", "Total over {n} years", o.horizon_years))
    caption = t.gettext("Locations compared over {year} (time-zone rules: IANA {version})",
                        year=o.year, version=o.zone_rules)  # fmt: skip
    return Table("locations", caption, columns, rows, fmt.money)


def ranking(o: Outcome, fmt: Formatter, t: Text) -> ItemList:
    items = [
        Item(t.gettext("{name}: {total} a year", name=r.name, total=fmt.money(r.total_yearly_cost))
             if o.horizon_years == 1 else
             t.ngettext("{name}: {total} over {n} year", "{name}: {total} over {n} years",
                        o.horizon_years, name=r.name, total=fmt.money(r.horizon_cost)),
             note=t.gettext("Shares {overlap} with the home office; coordination adds "
                            "{coordination}.", overlap=_hours(r.overlap.average, fmt, t),
                            coordination=fmt.percent(r.coordination_pct)))
        for r in o.ranked
    ]  # fmt: skip
    return ItemList("ranking", t.gettext("Ranking, cheapest first"), items, ordered=True)


def cost_chart(o: Outcome, fmt: Formatter, t: Text) -> BarsChart:
    cheapest = o.ranked[0]
    bars = [Bar(cut_label(r.name, CHART_LABEL_CHARS), 0.0, r.horizon_cost,
                fmt.money(r.horizon_cost), "good" if r is cheapest else "neutral")
            for r in o.locations]  # fmt: skip
    n = o.horizon_years
    if n == 1:
        title = t.gettext("Total yearly cost by location ({year})", year=o.year)
        axis = t.gettext("Yearly cost ({currency})", currency=fmt.currency)
    else:
        title = t.ngettext(
            "Total cost by location over {n} year from {year}",
            "Total cost by location over {n} years from {year}",
            n,
            year=o.year,
        )
        axis = t.ngettext("Cost over {n} year ({currency})", "Cost over {n} years ({currency})",
                          n, currency=fmt.currency)  # fmt: skip
    return BarsChart("cost", title, axis, bars)


def overlap_chart(o: Outcome, fmt: Formatter, t: Text) -> BarsChart:
    bars = [Bar(cut_label(r.name, CHART_LABEL_CHARS), 0.0, r.overlap.average,
                _hours(r.overlap.average, fmt, t)) for r in o.locations]  # fmt: skip
    home = Reference(o.home_hours, t.gettext("Home week: {hours}",
                                             hours=_hours(o.home_hours, fmt, t)))  # fmt: skip
    return BarsChart("overlap", t.gettext("Working hours shared with the home office"),
                     t.gettext("Hours a week (average over the year)"), bars, home)  # fmt: skip


def raw_values(o: Outcome) -> dict[str, Any]:
    return {
        "home_weekly_hours": o.home_hours,
        "weeks": len(o.locations[0].overlap.weekly_hours),
        "yearly_hours": o.yearly_hours,
        "total_of_all": o.total_of_all,
        "horizon_years": o.horizon_years,
        "horizon_total_of_all": o.horizon_of_all,
        "ranking": [r.name for r in o.ranked],
        "zone_rules": o.zone_rules,
        "locations": [
            {
                "name": r.name,
                "zone": r.zone,
                "overlap_hours_per_week": r.overlap.average,
                "min_week_hours": r.overlap.low,
                "max_week_hours": r.overlap.high,
                "weekly_overlap_hours": list(r.overlap.weekly_hours),
                "coordination_pct": r.coordination_pct,
                "working_days_per_year": r.working_days,
                "working_hours_per_year": r.working_hours,
                "worked_share": r.worked_share,
                "cost_per_productive_hour": r.cost_per_productive_hour,
                "total_yearly_cost": r.total_yearly_cost,
                "yearly_costs": list(r.yearly_costs),
                "horizon_cost": r.horizon_cost,
            }
            for r in o.locations
        ],
    }
