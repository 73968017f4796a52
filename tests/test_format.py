"""Numbers are formatted for a locale, not with ad-hoc f-strings."""

from __future__ import annotations

import pytest

from calculators.core.format import format_money, format_number, format_percent


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en", "1,234,567.89"), ("fi", "1\u00a0234\u00a0567,89"), ("is", "1.234.567,89")],
)
def test_number_separators_follow_the_locale(locale: str, expected: str) -> None:
    assert format_number(1234567.891, locale, 2) == expected


def test_money_and_percent() -> None:
    assert format_money(-1500, "EUR") == "\u2212€1,500"
    assert format_money(1500, "NOK", "nb") == "1\u00a0500\u00a0kr"
    assert format_money(1500, "SEK") == "1,500\u00a0kr"
    assert format_percent(12.345) == "12.3%"
    assert format_percent(12.345, "fi") == "12,3\u00a0%"


def test_rounding_never_shows_negative_zero() -> None:
    assert format_number(-0.4) == "0"
    assert format_money(-0.2, "USD") == "$0"
