"""Numbers are formatted per locale from CLDR (a table generated with Babel), never with
ad-hoc f-strings, and an unsupported locale raises."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from babel import Locale
from babel.numbers import NumberPattern
from hypothesis import given
from hypothesis import strategies as st

from calculators.core.format import (
    CURRENCY_SPACE,
    TABLE,
    format_money,
    format_number,
    format_percent,
    style_for,
)
from calculators.core.locales import LOCALES, UnsupportedLocaleError
from calculators.core.vocab import CURRENCIES
from sitebuild import number_table

VALUES = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)
DECIMALS = st.integers(min_value=0, max_value=3)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en", "1,234,567.89"), ("fi", "1\u00a0234\u00a0567,89"), ("is", "1.234.567,89")],
)
def test_number_separators_follow_the_locale(locale: str, expected: str) -> None:
    assert format_number(1234567.891, locale, 2) == expected


def test_money_and_percent() -> None:
    assert format_money(-1500, "EUR") == "\u2212€1,500"
    assert format_money(1500, "NOK", "nb") == "1\u00a0500\u00a0kr"
    assert format_money(1500, "SEK", "sv") == "1\u00a0500\u00a0kr"
    assert format_money(1500, "NOK", "sv") == "1\u00a0500\u00a0Nkr"
    assert format_money(1500, "SEK") == "SEK\u00a01,500"
    assert format_money(-1500, "ISK", "is") == "\u22121.500\u00a0kr."
    assert format_percent(12.345) == "12.3%"
    assert format_percent(12.345, "fi") == "12,3\u00a0%"
    assert format_percent(12.345, "is") == "12,3%"


def test_rounding_never_shows_negative_zero() -> None:
    assert format_number(-0.4) == "0"
    assert format_money(-0.2, "USD") == "$0"


@pytest.mark.parametrize("locale", ["de", "", "english", "nb_NO.UTF-8x" * 4])
def test_an_unsupported_locale_raises(locale: str) -> None:
    with pytest.raises(UnsupportedLocaleError):
        format_number(1, locale)
    with pytest.raises(UnsupportedLocaleError):
        format_money(1, "EUR", locale)
    with pytest.raises(UnsupportedLocaleError):
        format_percent(1, locale)


def test_a_region_is_accepted_and_ignored() -> None:
    assert format_number(1234.5, "nb-NO", 1) == format_number(1234.5, "nb", 1)


def test_the_committed_table_is_what_cldr_gives() -> None:
    assert TABLE.read_text(encoding="utf-8") == number_table.table_text(), (
        "run: python -m sitebuild.number_table"
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_no_two_currencies_share_a_symbol_in_a_locale(locale: str) -> None:
    symbols = [style_for(locale).symbol(c) for c in CURRENCIES]
    assert len(set(symbols)) == len(symbols)


# Babel is the reference for the symbols and patterns. The rounding is this package's own
# (Python's, on the binary value), so Babel formats the value already rounded; Babel writes
# the hyphen-minus where the site writes U+2212, and does not apply CLDR's currency spacing.
def _rounded(value: float, decimals: int) -> Decimal:
    rounded = Decimal(f"{value:.{decimals}f}")
    return abs(rounded) if rounded == 0 else rounded


def _babel(
    pattern: NumberPattern, value: Decimal, locale: str, decimals: int, currency: str | None = None
) -> str:
    pattern = copy.copy(pattern)
    pattern.frac_prec = (decimals, decimals)
    text = str(pattern.apply(value, Locale.parse(locale), currency, currency_digits=False))
    return text.replace("-", style_for(locale).minus, 1)


@pytest.mark.parametrize("locale", LOCALES)
@given(value=VALUES, decimals=DECIMALS)
def test_numbers_agree_with_babel(locale: str, value: float, decimals: int) -> None:
    pattern = Locale.parse(locale).decimal_formats[None]
    expected = _babel(pattern, _rounded(value, decimals), locale, decimals)
    assert format_number(value, locale, decimals) == expected


@pytest.mark.parametrize("locale", LOCALES)
@given(value=VALUES, decimals=DECIMALS)
def test_percentages_agree_with_babel(locale: str, value: float, decimals: int) -> None:
    pattern = Locale.parse(locale).percent_formats[None]
    expected = _babel(pattern, _rounded(value, decimals) / 100, locale, decimals)
    assert format_percent(value, locale, decimals) == expected


@pytest.mark.parametrize("locale", LOCALES)
@given(value=VALUES, decimals=st.integers(min_value=0, max_value=2),
       currency=st.sampled_from(CURRENCIES))  # fmt: skip
def test_money_agrees_with_babel(locale: str, value: float, decimals: int, currency: str) -> None:
    pattern = Locale.parse(locale).currency_formats["standard"]
    expected = _babel(pattern, _rounded(value, decimals), locale, decimals, currency=currency)
    symbol = style_for(locale).symbol(currency)
    # CLDR's currencySpacing, which Babel leaves out: "NOK 1,500", never "NOK1,500".
    if symbol[-1].isalpha() and expected.lstrip(style_for(locale).minus).startswith(symbol):
        expected = expected.replace(symbol, symbol + CURRENCY_SPACE, 1)
    assert format_money(value, currency, locale, decimals) == expected
