"""Locale-aware number formatting with the standard library only.

Python's `locale` module depends on the operating system's locale data, which Pyodide does
not have, so the separators of the site's languages are kept here instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import N_, Text

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"


@dataclass(frozen=True)
class NumberStyle:
    group: str
    decimal: str
    currency_first: bool  # "€1,200" rather than "1 200 €"


STYLES: dict[str, NumberStyle] = {
    "en": NumberStyle(group=",", decimal=".", currency_first=True),
    "nb": NumberStyle(group=NBSP, decimal=",", currency_first=False),
    "is": NumberStyle(group=".", decimal=",", currency_first=False),
    "fi": NumberStyle(group=NBSP, decimal=",", currency_first=False),
    "sv": NumberStyle(group=NBSP, decimal=",", currency_first=False),
    "ru": NumberStyle(group=NBSP, decimal=",", currency_first=False),
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "EUR": "€",
    "USD": "$",
    "GBP": "£",
    "NOK": "kr",
    "SEK": "kr",
    "ISK": "kr",
    "RUB": "₽",
}
# Symbols that English puts before the amount with no space; the others follow it.
_PREFIX_SYMBOLS = {"€", "$", "£"}


def style_for(locale: str) -> NumberStyle:
    return STYLES.get(locale.split("-")[0].lower(), STYLES["en"])


def format_number(value: float, locale: str = "en", decimals: int = 0) -> str:
    """`1234567.891` -> `1,234,567.89` (en) or `1 234 567,89` (fi), with a real minus sign."""
    style = style_for(locale)
    text = f"{abs(value):,.{decimals}f}"
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", style.group)
    body = f"{whole}{style.decimal}{fraction}" if fraction else whole
    # Rounding can turn -0.004 into "0"; never show "-0".
    negative = value < 0 and any(ch not in "0.," for ch in text)
    return f"\u2212{body}" if negative else body


def format_money(value: float, currency: str, locale: str = "en", decimals: int = 0) -> str:
    style = style_for(locale)
    symbol = CURRENCY_SYMBOLS.get(currency, currency)
    number = format_number(value, locale, decimals)
    if style.currency_first and symbol in _PREFIX_SYMBOLS:
        sign, digits = (number[0], number[1:]) if number.startswith("\u2212") else ("", number)
        return f"{sign}{symbol}{digits}"
    return f"{number}{NBSP}{symbol}"


def format_percent(value: float, locale: str = "en", decimals: int = 1) -> str:
    """`value` is already a percentage (12.5 -> '12.5%')."""
    space = "" if style_for(locale).currency_first else NBSP
    return f"{format_number(value, locale, decimals)}{space}%"


@dataclass(frozen=True)
class Formatter:
    """Numbers for one result: its locale and currency, fixed once and passed around."""

    locale: str
    currency: str = ""

    def number(self, value: float, decimals: int = 0) -> str:
        return format_number(value, self.locale, decimals)

    def money(self, value: float, decimals: int = 0) -> str:
        return format_money(value, self.currency, self.locale, decimals)

    def percent(self, value: float, decimals: int = 1) -> str:
        return format_percent(value, self.locale, decimals)

    def money_rounded(self, value: float, t: Text) -> str:
        """Money for a sentence: "€1.55 million", "€3.2 billion", "€84,000"."""
        for size, words in ((1e9, N_("{amount} billion")), (1e6, N_("{amount} million"))):
            if abs(value) >= size:
                amount = format_money(value / size, self.currency, self.locale, 2)
                trimmed = amount.replace(f"{style_for(self.locale).decimal}00", "")
                return t.gettext(words, amount=trimmed)
        return self.money(value)
