"""Locale-aware number formatting with the standard library only.

Python's `locale` module depends on the operating system's locale data, which Pyodide does
not have, so the symbols and patterns of the site's languages come from CLDR through a small
table generated at dev time (`cldr.json`, by `python -m sitebuild.number_table`).
An unsupported locale raises `UnsupportedLocaleError`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .locales import language_of
from .text import N_, Text

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
TABLE = Path(__file__).resolve().parent / "cldr.json"
# CLDR's currencySpacing: a symbol that ends (or starts) with a letter next to the digits
# gets a no-break space ("NOK 1,200", not "NOK1,200"). Babel does not apply it; CLDR does.
CURRENCY_SPACE = NBSP


@dataclass(frozen=True)
class NumberStyle:
    """One locale's numbers: separators, minus, the percent and currency affixes ("¤" stands
    for the currency's symbol), and each offered currency's symbol."""

    decimal: str
    group: str
    minus: str
    percent_prefix: str
    percent_suffix: str
    currency_prefix: str
    currency_suffix: str
    symbols: dict[str, str]

    def symbol(self, currency: str) -> str:
        return self.symbols.get(currency, currency)


@cache
def _styles() -> dict[str, NumberStyle]:
    locales = json.loads(TABLE.read_text(encoding="utf-8"))["locales"]
    return {
        code: NumberStyle(
            decimal=entry["decimal"],
            group=entry["group"],
            minus=entry["minus"],
            percent_prefix=entry["percent"]["prefix"],
            percent_suffix=entry["percent"]["suffix"],
            currency_prefix=entry["currency"]["prefix"],
            currency_suffix=entry["currency"]["suffix"],
            symbols=dict(entry["symbols"]),
        )
        for code, entry in locales.items()
    }


def style_for(locale: str) -> NumberStyle:
    return _styles()[language_of(locale)]


@cache
def currency_marks() -> tuple[str, ...]:
    """Every currency symbol of every locale and every code, upper-cased, longest first: what
    a typed amount may carry (the currency itself is chosen in its own field)."""
    marks: set[str] = set()
    for style in _styles().values():
        for code, symbol in style.symbols.items():
            marks.update((code.upper(), symbol.upper()))
    return tuple(sorted(marks, key=len, reverse=True))


def _digits(value: float, style: NumberStyle, decimals: int) -> tuple[bool, str]:
    """(negative, the unsigned digits with the locale's marks); -0.004 is "0", never "-0"."""
    text = f"{abs(value):,.{decimals}f}"
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", style.group)
    body = f"{whole}{style.decimal}{fraction}" if fraction else whole
    return value < 0 and any(ch not in "0.," for ch in text), body


def format_number(value: float, locale: str = "en", decimals: int = 0) -> str:
    """`1234567.891` -> `1,234,567.89` (en) or `1 234 567,89` (fi), with a real minus sign."""
    style = style_for(locale)
    negative, body = _digits(value, style, decimals)
    return f"{style.minus}{body}" if negative else body


def format_money(value: float, currency: str, locale: str = "en", decimals: int = 0) -> str:
    """`-1500, "EUR"` -> `\u2212€1,500` (en), `\u22121 500 €` (fi); `NOK 1,500` (en),
    `1 500 kr` (nb)."""
    style = style_for(locale)
    negative, body = _digits(value, style, decimals)
    return _with_currency(body, negative, style, currency)


def _with_currency(body: str, negative: bool, style: NumberStyle, currency: str) -> str:
    """The locale's currency pattern around `body`: symbol before or after, minus first."""
    symbol = style.symbol(currency)
    prefix = style.currency_prefix.replace("\u00a4", symbol)
    suffix = style.currency_suffix.replace("\u00a4", symbol)
    if prefix and prefix[-1].isalpha():
        prefix += CURRENCY_SPACE
    if suffix and suffix[0].isalpha():
        suffix = CURRENCY_SPACE + suffix
    return f"{style.minus if negative else ''}{prefix}{body}{suffix}"


def format_percent(value: float, locale: str = "en", decimals: int = 1) -> str:
    """`value` is already a percentage (12.5 -> '12.5%' in en, '12,5 %' in fi)."""
    style = style_for(locale)
    return f"{style.percent_prefix}{format_number(value, locale, decimals)}{style.percent_suffix}"


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
        """Money for a sentence: "€1.55 million", "€3.2 billion", "€84,000" (en); the
        language words the size ("1,55 milj. €" in fi) and the currency goes where its
        pattern puts it."""
        for size, words in ((1e9, N_("{amount} billion")), (1e6, N_("{amount} million"))):
            if abs(value) >= size:
                style = style_for(self.locale)
                negative, number = _digits(value / size, style, 2)
                number = number.removesuffix(f"{style.decimal}00")
                amount = t.gettext(words, amount=number)
                return _with_currency(amount, negative, style, self.currency)
        return self.money(value)
