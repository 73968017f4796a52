"""The location comparison's fields: the work, the home office, and the locations to compare."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..core.fields import Field, FieldSet
from ..core.parse import InputError, Values, blank
from ..core.text import N_, Text, text_for
from ..core.vocab import CURRENCIES
from .overlap import WEEK_CHOICES
from .zones import ZONES

GROUPS = {
    "work": N_("The work"),
    "home": N_("Home office"),
    "locations": N_("Locations to compare"),
}
WEEK_LABELS = {
    "mon_fri": N_("Monday to Friday"),
    "sun_thu": N_("Sunday to Thursday"),
    "mon_sat": N_("Monday to Saturday"),
}

# Three made-up locations that show the trade-off; their costs are illustrations. Their public
# holidays are those of Norway, Portugal and the Philippines that fall on Monday to Friday in
# 2027, and their leave the legal minimum there (sources on the calculator's page). Their
# names are messages, shown in the reader's language.
PRESETS: tuple[dict[str, float | str], ...] = (
    {"name": N_("Onshore example"), "zone": "Europe/Oslo", "hourly_cost": 70, "productivity": 1.0,
     "overhead_pct": 5, "start": 8, "end": 16, "week": "mon_fri", "holidays": 6,
     "leave_days": 21, "wage_growth_pct": 0, "exchange_rate": 1},
    {"name": N_("Nearshore example"), "zone": "Europe/Lisbon", "hourly_cost": 40,
     "productivity": 0.9, "overhead_pct": 10, "start": 9, "end": 17, "week": "mon_fri",
     "holidays": 8, "leave_days": 22, "wage_growth_pct": 0, "exchange_rate": 1},
    {"name": N_("Offshore example"), "zone": "Asia/Manila", "hourly_cost": 25, "productivity": 0.8,
     "overhead_pct": 20, "start": 9, "end": 17, "week": "mon_fri", "holidays": 8,
     "leave_days": 5, "wage_growth_pct": 0, "exchange_rate": 1},
)  # fmt: skip

COLUMNS = (
    Field("name", "text", "", N_("Name"), N_("A name of your choice, different for each row."),
          maximum=40, unique=True, translated_default=True),
    Field("zone", "choice", "", N_("Time zone"), N_("IANA time zone name, such as Asia/Manila."),
          choices=ZONES),
    Field("hourly_cost", "money", 0, N_("Hourly cost"),
          N_("What an hour of paid time costs there: a person's yearly cost divided by 52 weeks "
             "of their working days and hours, paid holidays and leave included. For a price "
             "per hour actually worked, set holidays and leave to 0."), "per_hour", 0, 100_000,
          1),
    Field("productivity", "number", 1, N_("Productivity"),
          N_("Output per hour against the home team's: 1 is the same, 0.8 needs 25% more "
             "hours."), "relative_to_home", 0.1, 3, 0.05),
    Field("overhead_pct", "percent", 0, N_("Travel and management"),
          N_("Travel, vendor management and other costs on top of the hourly cost."),
          "percent", 0, 200, 1),
    Field("start", "number", 9, N_("Day starts"), N_("Local time, in hours."), "hour_of_day",
          0, 23.5, 0.5),
    Field("end", "number", 17, N_("Day ends"),
          N_("Local time, in hours. An end earlier than the start is the next morning: 21 to "
             "6 is a night shift."), "hour_of_day", 0.5, 24, 0.5),
    Field("week", "choice", "mon_fri", N_("Working week"),
          N_("The days the location works (for a night shift, the days it starts)."),
          choices=WEEK_CHOICES, choice_labels=WEEK_LABELS),
    Field("holidays", "number", 0, N_("Public holidays"),
          N_("Paid public holidays a year that fall on the location's working days. Blank "
             "counts as 0."), "per_year", 0, 40, 1),
    Field("leave_days", "number", 0, N_("Leave days"),
          N_("Paid days off a year per person, in working days: annual leave, and sick days if "
             "you want to count them. Blank counts as 0."), "per_year", 0, 60, 0.5),
    Field("wage_growth_pct", "percent", 0, N_("Wage growth"),
          N_("Yearly growth of the hourly cost, in its own currency, from the second year of "
             "the horizon. For a currency expected to change against yours, add its yearly "
             "change: 6% growth and a currency losing 2% a year is about 4%. Blank counts as "
             "0."), "percent", -20, 50, 0.5),
    Field("exchange_rate", "number", 1, N_("Exchange rate"),
          N_("Units of your currency for one unit of the currency the hourly cost is in: 1 "
             "when it is already in your currency. Blank counts as 1."), "", 0.0001, 100_000,
          0.0001),
)  # fmt: skip
# Columns added after the first release: a blank or missing cell in a row that has other
# values takes the column's default, so links and saved scenarios from before still work.
OPTIONAL_COLUMNS = {
    c.name: c.default
    for c in COLUMNS
    if c.name in {"holidays", "leave_days", "wage_growth_pct", "exchange_rate"}
}

FIELDS = (
    Field("hours_per_week", "number", 80, N_("Work to outsource"),
          N_("Hours of work a week, as your own team would take to do it. A less productive "
             "location needs more paid hours for the same work."),
          "hours_per_week", 0.5, 100_000, 0.5, group="work"),
    Field("coordination_pct", "percent", 20, N_("Coordination overhead with no overlap"),
          N_("Extra cost of coordinating with a location that shares none of your working "
             "hours (hand-overs, waiting, written instead of live answers), as a percentage of "
             "its cost. It shrinks in proportion to the hours you share."),
          "percent", 0, 200, 1, group="work"),
    Field("year", "integer", 2027, N_("Year"),
          N_("The calendar year (its ISO weeks) over which working hours are compared, with "
             "each zone's daylight-saving dates for that year."), "", 2000, 2100, 1,
          group="work"),
    Field("horizon_years", "integer", 1, N_("Horizon"),
          N_("Years of costs to add up, the first being the year above. Each location's wage "
             "growth applies from the second year."), "years", 1, 30, 1, group="work"),
    Field("currency", "choice", "EUR", N_("Currency"),
          N_("Your currency: every amount in the results is in it. Enter each hourly cost in "
             "its own currency with its exchange rate, or in this one with a rate of 1."),
          choices=CURRENCIES, group="work"),
    Field("home_zone", "choice", "Europe/Oslo", N_("Home time zone"),
          N_("The IANA time zone of the home office, such as Europe/Oslo or America/New_York."),
          choices=ZONES, group="home"),
    Field("home_start", "number", 8, N_("Home working day starts"),
          N_("Local time, in hours (8.5 is 8:30)."), "hour_of_day", 0, 23.5, 0.5, group="home"),
    Field("home_end", "number", 16, N_("Home working day ends"),
          N_("Local time, in hours (24 is midnight; an end earlier than the start is the next "
             "morning)."), "hour_of_day", 0.5, 24, 0.5, group="home"),
    Field("home_week", "choice", "mon_fri", N_("Home working week"),
          N_("The days the home office works."), choices=WEEK_CHOICES,
          choice_labels=WEEK_LABELS, group="home"),
    Field("locations", "table", PRESETS, N_("Locations"),
          N_("Two to five locations; leave a row blank to skip it. The three rows filled in "
             "are made-up examples, not data: replace them with your quotes."),
          columns=COLUMNS, min_rows=2, max_rows=5, group="locations"),
)  # fmt: skip


def check_hours(values: Values, t: Text) -> dict[str, str]:
    """A day may end the next morning (an end earlier than the start), never at its start."""
    errors: dict[str, str] = {}
    if float(values["home_end"]) == float(values["home_start"]):
        errors["home_end"] = t.gettext("The working day cannot end at the time it starts.")
    # Rows are named in the message (names are unique): the parsed rows no longer know their
    # position in the form once blank rows are skipped, so the error sits on the whole table.
    empty = [str(row["name"]) for row in values["locations"] if row["end"] == row["start"]]
    if empty:
        errors["locations"] = t.ngettext(
            "The working day cannot end at the time it starts: {names}.",
            "Working days cannot end at the time they start: {names}.",
            len(empty),
            names=", ".join(empty),
        )
    return errors


def _is_zone_error(key: str) -> bool:
    return key == "home_zone" or (key.startswith("locations.") and key.endswith(".zone"))


def with_optional_cells(raw: object) -> object:
    """`raw` with the optional columns' defaults in the blank or missing cells of the location
    rows that have other values (rows as lists of mappings, or as the form's flat keys)."""
    if not isinstance(raw, Mapping):
        return raw
    filled = dict(raw)
    rows = raw.get("locations")
    if isinstance(rows, list):
        filled["locations"] = [
            {**row, **{k: v for k, v in OPTIONAL_COLUMNS.items() if blank(row.get(k))}}
            if isinstance(row, Mapping) and not all(blank(v) for v in row.values())
            else row
            for row in rows
        ]
    used: set[str] = set()  # row numbers of the form's cells that hold a value
    for key, value in raw.items():
        if isinstance(key, str) and key.startswith("locations.") and not blank(value):
            index = key.split(".")[1]
            if index.isascii() and index.isdigit() and len(index) <= 2:
                used.add(index)
    for index in used:
        for column, default in OPTIONAL_COLUMNS.items():
            if blank(raw.get(f"locations.{index}.{column}")):
                filled[f"locations.{index}.{column}"] = default
    return filled


@dataclass(frozen=True)
class ZoneFieldSet(FieldSet):
    """The shared FieldSet, with a short message for an unknown time zone (the shared one would
    list all the zones) and defaults for the optional columns' blank cells."""

    def parse(self, raw: object, locale: str = "en") -> Values:
        try:
            return super().parse(with_optional_cells(raw), locale)
        except InputError as exc:
            t = text_for(locale)
            missing = t.gettext("Enter a value.")
            unknown = t.gettext(
                "Choose a time zone from the list: an IANA name such as Europe/Oslo or "
                "America/New_York."
            )
            raise InputError(
                {k: unknown if _is_zone_error(k) and v != missing else v
                 for k, v in exc.errors.items()}
            ) from None  # fmt: skip


FIELDSET = ZoneFieldSet(FIELDS, GROUPS, checks=(check_hours,))
