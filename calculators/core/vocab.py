"""Shared vocabulary, declared once and translated once: currencies, units, "n/a", "never"."""

from __future__ import annotations

from .text import N_, Text

# Currencies the money fields offer (ISO 4217 codes; the code is its own label).
CURRENCIES = ("EUR", "USD", "GBP", "NOK", "SEK", "ISK", "RUB")

NOT_APPLICABLE = N_("n/a")
NONE = N_("none")

# "never": a break-even that no value reaches.
NEVER = N_("never")

# Units shown beside fields, by code. A field names its unit by code.
UNITS: dict[str, str] = {
    "fte": N_("FTE"),
    "percent": N_("%"),
    "per_year": N_("per year"),
    "per_fte_year": N_("per FTE per year"),
    "per_fte_month": N_("per FTE-month"),
    "per_fte": N_("per FTE"),
    "per_unit": N_("per unit"),
    "units_per_year": N_("units per year"),
    "months": N_("months"),
    "years": N_("years"),
    "weeks": N_("weeks"),
    "per_week": N_("per week"),
    "one_off": N_("one-off"),
    "at_exit": N_("at the end"),
    "per_event": N_("each time"),
    "per_disruption": N_("per disruption"),
    "draws": N_("draws"),
    "points": N_("points"),
    "per_hour": N_("per hour"),
    "hour_of_day": N_("hour of the day"),
    "hours_per_week": N_("hours per week"),
    "relative_to_home": N_("relative to the home team"),
}


def unit_label(unit: str, t: Text) -> str:
    return t.gettext(UNITS[unit]) if unit else ""


# The agreement scale of rated statements: value -> label.
AGREEMENT = {
    "1": N_("1 \u2013 strongly disagree"),
    "2": N_("2 \u2013 disagree"),
    "3": N_("3 \u2013 neutral"),
    "4": N_("4 \u2013 agree"),
    "5": N_("5 \u2013 strongly agree"),
}
AGREEMENT_VALUES = tuple(AGREEMENT)
