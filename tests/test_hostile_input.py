"""Hostile input through run(), the browser entry point and the command line: an InputError
(exit status 2), never another exception. The six crashes found by review, one test each."""

from __future__ import annotations

import json

import pytest

import calculators
from calculators.__main__ import main
from calculators.browser import respond


def refused(calculator_id: str, inputs: dict[str, object]) -> dict[str, str]:
    with pytest.raises(calculators.InputError) as caught:
        calculators.run(calculator_id, inputs)
    return caught.value.errors


def test_a_number_too_large_for_a_float() -> None:
    assert "headcount" in refused("savings", {"headcount": 10**400})
    request = '{"calculator": "savings", "inputs": {"headcount": ' + "9" * 400 + "}}"
    reply = json.loads(respond(request))
    assert reply["ok"] is False and "Internal error" not in json.dumps(reply)


def test_a_five_thousand_digit_integer_in_a_choice_or_text_field() -> None:
    assert "currency" in refused("savings", {"currency": 10**5000})
    errors = refused("partner_scorecard", {"vendors.0.name": 10**5000})
    assert any(key.startswith("vendors") for key in errors)


def test_a_row_number_that_is_a_digit_only_to_isdigit() -> None:
    assert "vendors.².name" in refused("partner_scorecard", {"vendors.².name": "x"})


def test_a_row_number_of_thousands_of_digits() -> None:
    assert "vendors" in refused("partner_scorecard", {f"vendors.{'9' * 4400}.name": "x"})


def test_a_table_of_deeply_nested_json() -> None:
    assert "vendors" in refused("partner_scorecard", {"vendors": "[" * 3000})


def test_the_browser_entry_point_with_deeply_nested_json() -> None:
    reply = json.loads(respond("[" * 100_000))
    assert reply["ok"] is False and reply["errors"][""]


def test_row_limits_are_checked_before_rows_are_built() -> None:
    # Used to build ten million rows (seconds, 700 MB) before counting them.
    errors = refused("partner_scorecard", {"vendors.10000000.name": "x"})
    assert "at most" in errors["vendors"]


def test_a_long_list_of_blank_rows_is_refused_by_its_length() -> None:
    assert "vendors" in refused("partner_scorecard", {"vendors": [{}] * 1_000_000})


def test_the_browser_entry_point_refuses_an_oversized_request() -> None:
    reply = json.loads(respond(json.dumps({"calculator": "savings", "pad": "x" * 300_000})))
    assert reply["ok"] is False


def test_the_browser_entry_point_accepts_only_a_relative_root() -> None:
    for root in ("https://example.org/", "javascript:", "/abs/"):
        request = {"calculator": "savings", "inputs": {}, "root": root}
        assert json.loads(respond(json.dumps(request)))["ok"] is False
    request = {"calculator": "savings", "inputs": {}, "root": "../../"}
    assert json.loads(respond(json.dumps(request)))["ok"] is True


@pytest.mark.parametrize(
    "argv",
    [
        ["savings", "--headcount", "9" * 5000],
        ["savings", "--currency", "9" * 5000],
        ["partner_scorecard", "--vendors", "[" * 3000],
        ["savings", "--headcount", "1e400"],
    ],
)
def test_the_command_line_exits_with_status_2(argv: list[str]) -> None:
    assert main(argv) == 2


def test_look_alike_names_are_the_same_name() -> None:
    entry = next(e for e in calculators.catalog() if e["id"] == "partner_scorecard")
    vendors = next(f for f in entry["fields"] if f["name"] == "vendors")
    rows = [dict(row) for row in vendors["default"]]
    for first, second in (("A", "A\u200b"), ("e\u0301", "\u00e9"), ("Acme", "\u202eAcme")):
        rows[0]["name"], rows[1]["name"] = first, second
        errors = refused("partner_scorecard", {"vendors": rows})
        assert "vendors.1.name" in errors, (first, second)
