"""Bad input never breaks anything: every kind of mistake gets a clear message on its field,
through run(), the browser entry point and the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from calculator_client import CalculatorClient

import calculators
from calculators.__main__ import main
from calculators.browser import respond

CLIENT = CalculatorClient("savings")
errors_for = CLIENT.errors_for


@pytest.mark.parametrize(
    ("inputs", "field", "expected"),
    [
        ({"headcount": "twelve"}, "headcount", "Enter a number"),
        ({"salary": "12,5,0"}, "salary", "Enter a number"),
        ({"salary": [1, 2]}, "salary", "Enter a number"),
        ({"salary": True}, "salary", "Enter a number"),
        ({"salary": "nan"}, "salary", "finite number"),
        ({"salary": float("inf")}, "salary", "finite number"),
        ({"salary": "-inf"}, "salary", "finite number"),
        ({"salary": ""}, "salary", "Enter a value"),
        ({"salary": "   "}, "salary", "Enter a value"),
        ({"salary": None}, "salary", "Enter a value"),
        ({"headcount": 0}, "headcount", "at least 0.50"),
        ({"headcount": 20_000}, "headcount", "at most 10,000"),
        ({"on_costs_pct": -1}, "on_costs_pct", "at least 0"),
        ({"horizon_years": 2.5}, "horizon_years", "whole number"),
        ({"pricing": "hourly"}, "pricing", "Choose one of: fte, unit"),
        ({"currency": "XYZ"}, "currency", "Choose one of"),
        ({"bogus": 1}, "bogus", "no field named 'bogus'"),
    ],
)
def test_each_bad_value_gets_a_clear_message_on_its_field(
    inputs: dict[str, Any], field: str, expected: str
) -> None:
    CLIENT.assert_only_error(inputs, field, expected)


@pytest.mark.parametrize(
    ("inputs", "field", "expected"),
    [
        ({"headcount": 3, "retained_fte": 3}, "retained_fte", "fewer than the team size (3 FTE)"),
        ({"horizon_years": 1, "ramp_months": 13}, "ramp_months", "cannot be longer"),
        ({"pricing": "unit", "units_per_year": 0}, "units_per_year", "yearly volume"),
    ],
)
def test_contradictions_between_fields_are_reported(
    inputs: dict[str, Any], field: str, expected: str
) -> None:
    errors = errors_for(inputs)
    assert expected in errors[field]


def test_all_errors_are_reported_at_once() -> None:
    errors = errors_for({"headcount": "x", "salary": "nan", "bogus": 1})
    assert set(errors) == {"headcount", "salary", "bogus"}


def test_unknown_calculator_and_non_mapping_inputs() -> None:
    errors = CalculatorClient("teleport").errors_for({})
    assert "no calculator named 'teleport'" in errors[""]
    assert "savings" in errors[""]
    assert "mapping" in errors_for([1, 2])[""]


def test_form_strings_are_accepted() -> None:
    a = calculators.run("savings", {"headcount": " 12.5 ", "salary": "60000", "ramp_months": "3"})
    b = calculators.run("savings", {"headcount": 12.5, "salary": 60_000, "ramp_months": 3})
    assert a == b
    assert calculators.run("savings", {"wage_growth_pct": "\u22122"})["values"]["npv"]


def test_browser_entry_point_never_lets_an_exception_out() -> None:
    ok = json.loads(respond(json.dumps({"calculator": "savings", "inputs": {"headcount": "4"}})))
    assert ok["ok"] is True and "calc-figures" in "".join(ok["sections"])
    bad = json.loads(respond(json.dumps({"calculator": "savings", "inputs": {"headcount": "x"}})))
    assert bad == {"ok": False, "errors": {"headcount": bad["errors"]["headcount"]}}
    for garbage in ["not json", "[1]", json.dumps({"calculator": 5})]:
        reply = json.loads(respond(garbage))
        assert reply["ok"] is False and reply["errors"]


def test_browser_results_echo_the_inputs_as_the_calculator_read_them() -> None:
    request: dict[str, Any] = {
        "calculator": "savings",
        "inputs": {"salary": "55,000", "headcount": " 12 "},
    }
    reply = json.loads(respond(json.dumps(request)))
    inputs = reply["result"]["inputs"]
    assert inputs["salary"] == 55_000 and inputs["headcount"] == 12
    assert set(inputs) == {f["name"] for f in calculators.catalog()[0]["fields"]}
    assert {k: v for k, v in reply["result"].items() if k != "inputs"} == calculators.run(
        "savings", request["inputs"]
    )


def test_cli_prints_field_errors_and_exits_non_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["savings", "--headcount", "abc", "--salary", "nan"]) == 2
    err = capsys.readouterr().err
    assert "--headcount: Enter a number" in err
    assert "--salary: Enter a finite number" in err


def test_cli_table_json_and_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--list"]) == 0
    assert "savings" in capsys.readouterr().out
    assert main(["savings", "--headcount", "12"]) == 0
    out = capsys.readouterr().out
    assert "Total savings" in out and "Cost by year" in out
    assert main(["savings", "--headcount", "12", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == calculators.run("savings", {"headcount": "12"})


def test_cli_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "calculators", "savings", "--retained-fte", "50"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "--retained-fte: Retained staff must be fewer" in done.stderr


@pytest.mark.parametrize("cid", calculators.calculator_ids())
def test_the_command_line_help_of_every_calculator_prints(
    cid: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Help texts hold percent signs ("100% means ..."), which argparse would read as format
    codes."""
    with pytest.raises(SystemExit) as exited:
        main([cid, "--help"])
    assert exited.value.code == 0
    assert "--" in capsys.readouterr().out
