"""Every locale reads back what it writes: format, then parse, gives the value again."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.core.format import NARROW_NBSP, NBSP, format_money, format_number, format_percent
from calculators.core.locales import LOCALES
from calculators.core.parse import InputError, parse_number, parse_value
from calculators.core.text import text_for
from calculators.core.vocab import CURRENCIES


@dataclass(frozen=True)
class Spec:
    kind: str
    name: str = "x"
    minimum: float | None = None
    maximum: float | None = None
    choices: Sequence[str] = ()
    columns: Sequence[Any] = field(default_factory=tuple)
    min_rows: int = 0
    max_rows: int = 0
    unique: bool = False


# Values as the calculators show them: at most two decimals, so the text holds the value.
CENTS = st.integers(min_value=-(10**13), max_value=10**13).map(lambda c: c / 100)


def read(kind: str, typed: str, locale: str) -> float:
    return parse_number(Spec(kind), typed, text_for(locale))


@pytest.mark.parametrize("locale", LOCALES)
@given(value=CENTS)
def test_numbers_read_back(locale: str, value: float) -> None:
    assert read("number", format_number(value, locale, 2), locale) == value


@pytest.mark.parametrize("locale", LOCALES)
@given(value=CENTS)
def test_percentages_read_back(locale: str, value: float) -> None:
    assert read("percent", format_percent(value, locale, 2), locale) == value


@pytest.mark.parametrize("locale", LOCALES)
@given(value=CENTS, currency=st.sampled_from(CURRENCIES))
def test_money_reads_back_in_every_currency(locale: str, value: float, currency: str) -> None:
    assert read("money", format_money(value, currency, locale, 2), locale) == value


@pytest.mark.parametrize("locale", LOCALES)
@given(value=st.integers(min_value=-(10**12), max_value=10**12))
def test_grouping_with_any_kind_of_space_reads_back(locale: str, value: int) -> None:
    shown = format_number(value, locale)
    for space in (" ", NBSP, NARROW_NBSP):
        assert read("number", shown.replace(NBSP, space), locale) == value


@pytest.mark.parametrize(
    ("typed", "locale", "value"),
    [
        ("\u22121\u00a0234,5", "fi", -1234.5),
        ("-1 234,5", "ru", -1234.5),
        ("\u22121.234,5", "is", -1234.5),
        ("1.234,50\u00a0kr.", "is", 1234.5),
        ("\u22121\u00a0500\u00a0Nkr", "sv", -1500),
        ("NOK\u00a01,500", "en", 1500),
        ("\u2212NOK\u00a01,500", "en", -1500),
        ("12,5\u00a0%", "nb", 12.5),
    ],
)
def test_each_locale_reads_its_own_forms(typed: str, locale: str, value: float) -> None:
    kind = "percent" if "%" in typed else "money"
    assert read(kind, typed, locale) == value


@pytest.mark.parametrize("typed", ["--5", "\u2212-5", "5-", "1,2,3.4.5"])
def test_a_doubled_or_misplaced_sign_is_not_a_number(typed: str) -> None:
    with pytest.raises(InputError):
        read("number", typed, "en")


def outcome(spec: Spec, typed: str, locale: str) -> object:
    try:
        return parse_value(spec, typed, locale)
    except InputError as exc:
        return exc.errors


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "1,5", "1.5", "55 000", "55,000", "\u22123", "12 %", "1e400"]),
            st.sampled_from(sorted(LOCALES)),
            st.sampled_from(["number", "integer"]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_text_read_before_reads_the_same_again(typed: list[tuple[str, str, str]]) -> None:
    # The parser remembers what it has read (a page sends every field on every change): an
    # answer never depends on what was read before, in which locale, or whether it failed.
    specs = {"number": Spec("number", minimum=-10.0, maximum=10**6), "integer": Spec("integer")}
    first = [outcome(specs[kind], text, locale) for text, locale, kind in typed]
    again = [outcome(specs[kind], text, locale) for text, locale, kind in reversed(typed)]
    assert again == first[::-1]
    fresh = [outcome(Spec(kind, minimum=specs[kind].minimum, maximum=specs[kind].maximum),
                     text, locale) for text, locale, kind in typed]  # fmt: skip
    assert fresh == first
