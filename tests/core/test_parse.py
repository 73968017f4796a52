"""Numbers as people type them, per locale, through the API and the command line."""

from __future__ import annotations

import pytest

import calculators
from calculators.__main__ import main


def salary(typed: str, locale: str = "en") -> float:
    # In-house cost over the horizon grows linearly with the salary: compare with a number.
    total: float = calculators.run("savings", {"salary": typed}, locale)["values"]["total_in_house"]
    return total


@pytest.mark.parametrize(
    ("typed", "locale"),
    [
        ("55,000", "en"),
        ("55 000", "en"),
        ("55\u202f000", "en"),
        ("55\u00a0000", "en"),
        ("€55,000", "en"),
        ("55,000 EUR", "en"),
        ("55 000 €", "fi"),
        ("55\u00a0000", "fi"),
        ("55.000", "is"),
        ("55000,0", "fi"),
        ("55 000 kr", "nb"),
        ("NOK 55 000", "nb"),
    ],
)
def test_grouped_and_localised_money_reads_as_the_plain_number(typed: str, locale: str) -> None:
    assert salary(typed, locale) == salary("55000")


def test_a_decimal_comma_in_a_decimal_comma_locale() -> None:
    a = calculators.run("savings", {"headcount": "12,5"}, "fi")["values"]
    b = calculators.run("savings", {"headcount": 12.5}, "fi")["values"]
    assert a == b


def test_a_trailing_percent_sign_on_a_percentage() -> None:
    a = calculators.run("savings", {"on_costs_pct": "30 %"})["values"]
    b = calculators.run("savings", {"on_costs_pct": "30%"})["values"]
    assert a == b == calculators.run("savings", {"on_costs_pct": 30})["values"]


def test_a_percent_sign_is_not_taken_on_money() -> None:
    with pytest.raises(calculators.InputError) as caught:
        calculators.run("savings", {"salary": "30%"})
    assert "Enter a number" in caught.value.errors["salary"]


def test_an_ambiguous_comma_in_english_says_what_was_read_and_what_to_type() -> None:
    with pytest.raises(calculators.InputError) as caught:
        calculators.run("savings", {"headcount": "1,5"})
    message = caught.value.errors["headcount"]
    assert "“1,5”" in message and "1.5" in message and "15" in message


def test_the_command_line_reads_numbers_the_same_way(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["savings", "--salary", "55,000", "--json"]) == 0
    assert main(["savings", "--headcount", "1,5"]) == 2
    assert "“1,5” is unclear" in capsys.readouterr().err
