"""The message catalogue: every reader-facing string of every calculator, keyed by id.

Labels, help texts, error messages, table headings and the runtime's status lines all come
from here, so a translation is one more mapping per locale. Missing keys fall back to English.
"""

from __future__ import annotations

DEFAULT_LOCALE = "en"

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        # Field errors (shared by every calculator).
        "error.missing": "Enter a value.",
        "error.not_a_number": "Enter a number, for example 1200 or 12.5.",
        "error.not_finite": "Enter a finite number (not NaN or infinity).",
        "error.not_integer": "Enter a whole number.",
        "error.too_small": "Must be at least {min}.",
        "error.too_large": "Must be at most {max}.",
        "error.not_a_choice": "Choose one of: {choices}.",
        "error.unknown_field": "This calculator has no field named '{name}'.",
        "error.unknown_calculator": "There is no calculator named '{name}'. Available: {known}.",
        "error.not_text": "Enter a name.",
        "error.too_long": "Use at most {max} characters.",
        "error.not_a_table": "Enter a list of rows.",
        "error.too_few_rows": "Enter at least {min} rows.",
        "error.too_many_rows": "Enter at most {max} rows.",
        "error.duplicate": "This name is already used in row {row}; each row needs its own name.",
        "error.bad_request": "The request must be a JSON object with a calculator and inputs.",
        "error.not_a_mapping": "Inputs must be a mapping of field names to values.",
        # Units shown beside fields.
        "unit.fte": "FTE",
        "unit.percent": "%",
        "unit.per_year": "per year",
        "unit.per_fte_year": "per FTE per year",
        "unit.per_fte_month": "per FTE-month",
        "unit.per_unit": "per unit",
        "unit.units_per_year": "units per year",
        "unit.months": "months",
        "unit.years": "years",
        "unit.one_off": "one-off",
        "unit.at_exit": "at the end",
    },
}


def message(key: str, locale: str = DEFAULT_LOCALE, **params: object) -> str:
    """The text for `key` in `locale` (English if missing), with `{params}` filled in."""
    template = MESSAGES.get(locale, {}).get(key) or MESSAGES[DEFAULT_LOCALE][key]
    return template.format(**params) if params else template


def messages_with_prefix(prefix: str, locale: str = DEFAULT_LOCALE) -> dict[str, str]:
    """All messages whose key starts with `prefix` (for example the runtime's 'ui.' strings)."""
    english = {k: v for k, v in MESSAGES[DEFAULT_LOCALE].items() if k.startswith(prefix)}
    return english | {k: v for k, v in MESSAGES.get(locale, {}).items() if k.startswith(prefix)}


def register(catalogue: dict[str, dict[str, str]]) -> None:
    """Add a calculator's own messages (per locale) to the one catalogue."""
    for locale, entries in catalogue.items():
        clashes = set(entries) & set(MESSAGES.get(locale, {}))
        if clashes:
            raise ValueError(f"message keys defined twice: {sorted(clashes)}")
        MESSAGES.setdefault(locale, {}).update(entries)
