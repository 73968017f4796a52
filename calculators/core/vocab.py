"""Shared vocabulary, declared once and translated once: currencies, units, "n/a", "never"."""

from __future__ import annotations

from .text import N_, Text

# Currencies the money fields offer (ISO 4217 codes; the code is its own label).
CURRENCIES = ("EUR", "USD", "GBP", "NOK", "SEK", "ISK", "RUB")

NOT_APPLICABLE = N_("n/a")
NONE = N_("none")

# Units shown beside fields, by code. A field names its unit by code.
UNITS: dict[str, str] = {
    "fte": N_("FTE"),
    "percent": N_("%"),
    "per_year": N_("per year"),
    "per_fte_year": N_("per FTE per year"),
    "per_fte_month": N_("per FTE-month"),
    "per_unit": N_("per unit"),
    "units_per_year": N_("units per year"),
    "months": N_("months"),
    "years": N_("years"),
    "one_off": N_("one-off"),
    "at_exit": N_("at the end"),
    # risk_register, savings_uncertainty
    "per_event": N_("each time"),
    "draws": N_("draws"),
}

# Units of the partner scorecard and the location comparison.
UNITS |= {
    "points": N_("points"),
    "per_hour": N_("per hour"),
    "hour_of_day": N_("hour of the day"),
    "hours_per_week": N_("hours per week"),
    "relative_to_home": N_("relative to the home team"),
}


def unit_label(unit: str, t: Text) -> str:
    return t.gettext(UNITS[unit]) if unit else ""


# --- "never": a break-even that no value reaches (make_or_buy, backup_supplier). -------------
NEVER = N_("never")

# --- Units of time and events (backup_supplier). ---------------------------------------------
UNITS.update(
    {
        "weeks": N_("weeks"),
        "per_week": N_("per week"),
        "per_disruption": N_("per disruption"),
    }
)

# --- The agreement scale of rated statements (team_health): value -> label. ------------------
AGREEMENT = {
    "1": N_("1 \u2013 strongly disagree"),
    "2": N_("2 \u2013 disagree"),
    "3": N_("3 \u2013 neutral"),
    "4": N_("4 \u2013 agree"),
    "5": N_("5 \u2013 strongly agree"),
}
AGREEMENT_VALUES = tuple(AGREEMENT)
