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
    "per_fte": N_("per FTE"),
    "per_unit": N_("per unit"),
    "units_per_year": N_("units per year"),
    "months": N_("months"),
    "years": N_("years"),
    "one_off": N_("one-off"),
    "at_exit": N_("at the end"),
}


def unit_label(unit: str, t: Text) -> str:
    return t.gettext(UNITS[unit]) if unit else ""
