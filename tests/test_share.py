"""Scenario links, exports and comparisons in Python: calculators.query, .export, .compare, the
browser's requests for them and the command line's --query and --csv."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scenario_files import scenarios as named_scenarios

import calculators
from calculators import InputError
from calculators.browser import respond
from calculators.compare import compare
from calculators.export import BOM, csv_text, json_document, plain
from calculators.query import MAX_PARTS, MAX_QUERY_CHARS, decode, encode, form_defaults

IDS = calculators.calculator_ids()


def flat_form(calculator_id: str, inputs: dict[str, Any]) -> dict[str, str]:
    """A scenario's inputs as the form sends them: every control, table cells as t.row.col."""
    form = form_defaults(calculator_id)
    given = {name.partition(".")[0] for name in inputs}
    for key in form:
        if "." in key and key.partition(".")[0] in given:
            form[key] = ""  # a table the scenario gives is given whole
    for name, value in inputs.items():
        if isinstance(value, list):
            for index, row in enumerate(value):
                for column, cell in row.items():
                    form[f"{name}.{index}.{column}"] = str(cell)
        else:
            form[name] = str(value)
    return form


def scenarios() -> list[tuple[str, str, dict[str, Any]]]:
    found = [(c, name, inputs) for c in IDS for name, inputs in named_scenarios(c)]
    found.append(("savings", "bigger team", {"headcount": 20, "salary": 60000, "pricing": "unit"}))
    return found


@pytest.mark.parametrize(("calculator_id", "name", "inputs"), scenarios())
def test_a_link_reproduces_every_example(
    calculator_id: str, name: str, inputs: dict[str, Any]
) -> None:
    form = flat_form(calculator_id, inputs)
    query = encode(calculator_id, form)
    decoded = decode(calculator_id, query)
    assert decoded.problems == []
    assert calculators.run(calculator_id, decoded.inputs) == calculators.run(calculator_id, inputs)


@pytest.mark.parametrize("calculator_id", IDS)
def test_defaults_make_an_empty_query(calculator_id: str) -> None:
    assert encode(calculator_id, form_defaults(calculator_id)) == ""
    assert decode(calculator_id, "") == decode(calculator_id, "?")


def test_query_holds_only_changed_values_with_field_names() -> None:
    form = form_defaults("savings") | {"headcount": "20", "salary": "55000.0", "pricing": "unit"}
    assert encode("savings", form) == "headcount=20&pricing=unit"


def test_table_cells_are_named_by_row_and_column_and_escaped() -> None:
    form = form_defaults("partner_scorecard") | {
        "vendors.0.name": "A&B = <Co>",
        "vendors.2.name": "",
    }
    query = encode("partner_scorecard", form)
    assert query == "vendors.0.name=A%26B%20%3D%20%3CCo%3E&vendors.2.name="
    decoded = decode("partner_scorecard", query)
    assert decoded.inputs["vendors.0.name"] == "A&B = <Co>"
    # Emptying only the name of a filled row leaves the row invalid: the link's blank is dropped.
    assert len(decoded.problems) == 1 and "row 3, Name" in decoded.problems[0]
    assert decoded.inputs["vendors.2.name"] == "Vendor C (example)"


def test_each_bad_part_is_reported_once_and_the_rest_applied() -> None:
    query = "headcount=20&salary=abc&foo=1&foo=2&headcount=3&pricing=zzz&h=search&ramp_months=2.5"
    decoded = decode("savings", query)
    assert decoded.inputs == {"headcount": "20"}
    assert decoded.problems == [
        "The link's value for Average salary was not used (Enter a number, for example 1200 or "
        "12.5); the default was kept.",
        "The link sets 'foo', which this calculator does not have; it was ignored.",
        "The link sets Team size more than once; the first value was used.",
        "The link's value for Vendor pricing was not used (Choose one of: fte, unit); the default "
        "was kept.",
        "The link's value for Ramp-up period was not used (Enter a whole number); the default was "
        "kept.",
    ]


def test_out_of_range_and_cross_field_values_are_refused() -> None:
    decoded = decode("savings", "headcount=-5&salary=1e309")
    assert decoded.inputs == {}
    assert "Must be at least" in decoded.problems[0]
    assert "finite" in decoded.problems[1]
    crossed = decode("savings_uncertainty", "vendor_fte_price_low=9000&seed=7")
    assert crossed.inputs == {"seed": "7"}
    assert "low value cannot be above the likely value" in crossed.problems[0]


def test_a_partial_table_row_is_dropped_with_the_reason() -> None:
    decoded = decode("partner_scorecard", "vendors.5.price=3&weight_fit=30")
    assert decoded.inputs["weight_fit"] == "30"
    assert decoded.inputs.get("vendors.5.price", "") == ""
    assert decoded.problems == [
        "The link's value for Vendors and their scores, row 6, Price was not used (Vendors and "
        "their scores, row 6, Name: Enter a value); the default was kept."
    ]


def test_oversized_links_are_cut_and_said_so() -> None:
    long_link = "headcount=20&" + "&".join(f"x{i}=1" for i in range(MAX_PARTS + 10))
    decoded = decode("savings", long_link)
    assert decoded.inputs == {"headcount": "20"}
    assert any("more than 300 values" in p for p in decoded.problems)
    huge = decode("savings", "headcount=20&salary=" + "9" * MAX_QUERY_CHARS)
    assert huge.inputs == {"headcount": "20"}
    assert huge.problems == [
        f"The link is longer than {MAX_QUERY_CHARS} characters; the part after that was ignored."
    ]
    value = decode("savings", "salary=" + "1" * 300)
    assert value.inputs == {} and "longer than 200 characters" in value.problems[0]


def test_an_unknown_name_is_shortened_in_its_message() -> None:
    decoded = decode("savings", "a" * 70 + "=1")
    assert decoded.problems == [
        "The link sets '" + "a" * 40 + "…', which this calculator does not have; it was ignored."
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["savings", "partner_scorecard"]))
def test_any_query_decodes_to_valid_inputs(query: str, calculator_id: str) -> None:
    decoded = decode(calculator_id, query)
    calculators.run(calculator_id, decoded.inputs)  # never raises: bad parts were dropped
    assert len(decoded.problems) == len(set(decoded.problems))


def read_csv(text: str) -> list[list[str]]:
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[len(BOM) :])))


def section(rows: list[list[str]], title: str) -> list[list[str]]:
    start = rows.index([title]) + 1
    end = next((i for i in range(start, len(rows)) if rows[i] == []), len(rows))
    return rows[start:end]


@pytest.mark.parametrize("calculator_id", IDS)
def test_csv_holds_inputs_figures_and_every_table(calculator_id: str) -> None:
    form = form_defaults(calculator_id)
    result = calculators.run(calculator_id, form)
    text = csv_text(calculator_id, form, link="https://example.org/x?a=1", date="2026-12-01")
    assert "\r\n" in text
    rows = read_csv(text)
    assert rows[0] == [result["title"]]
    assert rows[2] == ["Date", "2026-12-01"]
    assert rows[3] == ["Link", "https://example.org/x?a=1"]
    assert "a dot as the decimal separator" in rows[5][1]
    inputs = section(rows, "Inputs")
    assert inputs[0] == ["Name", "Input", "Value", "Unit", "Default", "Changed"]
    assert {r[5] for r in inputs[1:]} == {"no"}
    block = section(rows, "Headline figures")
    assert block[0] == ["Verdict", result["verdict"]["text"]]
    assert block[1] == ["Figure", "Value", "As shown", "Note"]
    figures = block[2:]
    assert [(f[0], f[2]) for f in figures] == [(f["label"], f["text"]) for f in result["figures"]]
    for row, figure in zip(figures, result["figures"], strict=True):
        if figure["value"] is not None and not isinstance(figure["value"], str):
            assert float(row[1]) == pytest.approx(figure["value"], rel=1e-12)
    for table in result["tables"]:
        body = section(rows, table["caption"])
        assert body[0] == table["columns"]
        assert [r for r in body[1:]] == [[plain(v) for v in r["values"]] for r in table["rows"]]


def test_csv_numbers_are_plain_and_text_cannot_become_a_formula() -> None:
    assert plain(1546001.25) == "1546001.25"
    assert plain(55000.0) == "55000"
    assert plain(-80000.0) == "-80000"
    assert plain("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert plain("-text") == "'-text"
    form = form_defaults("partner_scorecard") | {"vendors.0.name": "=cmd|' /C calc'!A0"}
    text = csv_text("partner_scorecard", form)
    assert "'=cmd|' /C calc'!A0" in text
    assert ",=cmd" not in text


def test_csv_marks_changed_inputs_and_states_the_currency() -> None:
    form = form_defaults("savings") | {"headcount": "20", "currency": "NOK"}
    rows = read_csv(csv_text("savings", form))
    inputs = {r[0]: r for r in section(rows, "Inputs")[1:]}
    assert inputs["headcount"][2:] == ["20", "FTE", "10", "yes"]
    assert inputs["salary"][5] == "no"
    assert "Money amounts are in NOK." in rows[5][1]


def test_json_holds_inputs_result_id_version_date_and_link() -> None:
    form = form_defaults("savings") | {"headcount": "12"}
    document = json_document("savings", form, link="https://example.org/?headcount=12",
                             date="2026-12-01")  # fmt: skip
    assert document["calculator"] == "savings"
    assert document["version"] == "0.1.0"
    assert document["date"] == "2026-12-01"
    assert document["link"] == "https://example.org/?headcount=12"
    assert document["query"] == "headcount=12"
    assert document["inputs"]["headcount"] == 12
    assert document["changed"] == ["headcount"]
    assert document["result"] == calculators.run("savings", {"headcount": 12})
    json.dumps(document)  # JSON-able


def test_compare_shows_figures_and_only_the_inputs_that_differ() -> None:
    found = compare(
        "savings",
        [
            {"name": "Offshore", "query": "salary=61000"},
            {"name": "Near<b>", "query": "salary=70000&zz=1"},
        ],
    )
    assert found["names"] == ["Offshore", "Near<b>"]
    inputs = [r for r in found["rows"] if r["kind"] == "input"]
    assert inputs == [
        {
            "kind": "input",
            "label": "Average salary",
            "cells": ["61,000 per FTE per year", "70,000 per FTE per year"],
            "differs": True,
        }
    ]
    figures = [r for r in found["rows"] if r["kind"] == "figure"]
    # The comparison reads the headline figures (the verdict has its own row).
    expected = [
        f for f in calculators.run("savings", {"salary": 61000})["figures"] if f["headline"]
    ]
    assert [r["cells"][0] for r in figures] == [f["text"] for f in expected]
    assert found["problems"] == [
        "Scenario 'Near<b>': The link sets 'zz', which this calculator does not have; it was "
        "ignored."
    ]


def test_compare_needs_two_to_four_scenarios() -> None:
    with pytest.raises(InputError):
        compare("savings", [{"name": "one", "query": ""}])
    with pytest.raises(InputError):
        compare("savings", [{"name": str(i), "query": ""} for i in range(5)])


def test_the_worker_answers_every_format_and_keeps_plain_results() -> None:
    def ask(**request: Any) -> dict[str, Any]:
        answer: dict[str, Any] = json.loads(respond(json.dumps(request)))
        return answer

    assert ask(calculator="savings", inputs={})["ok"] is True  # unchanged without a format
    form = form_defaults("savings") | {"headcount": "20"}
    assert ask(format="query", calculator="savings", inputs=form) == {
        "ok": True,
        "query": "headcount=20",
    }
    decoded = ask(format="decode", calculator="savings", query="?headcount=20&x=1")
    assert decoded["inputs"] == {"headcount": "20"} and len(decoded["problems"]) == 1
    assert ask(format="csv", calculator="savings", inputs=form)["csv"].startswith(BOM)
    assert ask(format="json", calculator="savings", inputs=form)["json"]["query"] == "headcount=20"
    scenarios = [{"name": "a", "query": ""}, {"name": "b", "query": "headcount=20"}]
    assert ask(format="compare", calculator="savings", scenarios=scenarios)["ok"] is True
    assert ask(format="csv", calculator="savings", inputs={"headcount": "x"})["ok"] is False
    assert ask(format="query", calculator="nope", inputs={})["ok"] is False
    assert ask(format="query", calculator="savings", inputs=[])["ok"] is False
    assert ask(format="compare", calculator="savings", scenarios="x")["ok"] is False
    assert ask(format="pdf", calculator="savings")["errors"] == {"": "Unknown format 'pdf'."}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_cli_query_gives_the_links_result() -> None:
    done = cli("savings", "--query", "headcount=20&salary=60000", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == calculators.run("savings", {"headcount": 20, "salary": 60000})


def test_cli_options_override_the_query_and_bad_parts_are_warnings() -> None:
    done = cli("savings", "--query", "headcount=20&salary=abc&x=1", "--headcount", "30", "--json")
    assert done.returncode == 0
    assert (
        json.loads(done.stdout)["values"] == calculators.run("savings", {"headcount": 30})["values"]
    )
    assert done.stderr.splitlines() == [
        "warning: --query: The link's value for Average salary was not used (Enter a number, for "
        "example 1200 or 12.5); the default was kept.",
        "warning: --query: The link sets 'x', which this calculator does not have; it was ignored.",
    ]


def test_cli_csv_equals_the_export_for_the_same_link() -> None:
    query = "vendors.0.name=Acme%20%26%20Co&weight_fit=30"
    done = subprocess.run(
        [sys.executable, "-m", "calculators", "partner_scorecard", "--query", query, "--csv"],
        capture_output=True,
        check=True,
    )
    inputs = decode("partner_scorecard", query).inputs
    assert done.stdout == csv_text("partner_scorecard", inputs).encode()
    assert b"Acme & Co" in done.stdout
