"""Table fields (rows of vendors, locations): parsing from lists and from flat form keys, and
the errors for too few or too many rows, duplicate names and bad cells."""

from __future__ import annotations

from typing import Any

import pytest

from calculators.core.fields import Field, FieldSet
from calculators.core.parse import InputError

NAME = Field("name", "text", "", "Name", "A vendor's name.", maximum=20, unique=True)
PRICE = Field("price", "money", 0, "Price", "Its price.", minimum=0, maximum=1000)
VENDORS = Field(
    "vendors",
    "table",
    ({"name": "Alpha", "price": 10}, {"name": "Beta", "price": 12}),
    "Vendors",
    "One row per vendor.",
    columns=(NAME, PRICE),
    min_rows=2,
    max_rows=4,
)
FIELDS = FieldSet((VENDORS, Field("rate", "percent", 5, "Rate", "A rate.", minimum=0, maximum=100)))


def errors(raw: Any) -> dict[str, str]:
    with pytest.raises(InputError) as caught:
        FIELDS.parse(raw)
    return caught.value.errors


def test_defaults_and_lists() -> None:
    assert FIELDS.parse({})["vendors"] == [{"name": "Alpha", "price": 10.0},
                                           {"name": "Beta", "price": 12.0}]  # fmt: skip
    rows = [{"name": " Gamma ", "price": "7.5"}, {"name": "Delta", "price": 3}]
    assert FIELDS.parse({"vendors": rows})["vendors"] == [
        {"name": "Gamma", "price": 7.5},
        {"name": "Delta", "price": 3.0},
    ]


def test_flat_form_keys_with_blank_slots() -> None:
    form = {
        "vendors.0.name": "A", "vendors.0.price": "1",
        "vendors.1.name": "", "vendors.1.price": "",
        "vendors.2.name": "C", "vendors.2.price": "3",
        "rate": "7",
    }  # fmt: skip
    parsed = FIELDS.parse(form)
    assert parsed["vendors"] == [{"name": "A", "price": 1.0}, {"name": "C", "price": 3.0}]
    assert parsed["rate"] == 7.0


def test_errors_name_the_cell_by_its_row_in_the_form() -> None:
    form = {"vendors.0.name": "A", "vendors.0.price": "x",
            "vendors.3.name": "a", "vendors.3.price": "2000"}  # fmt: skip
    found = errors(form)
    assert "Enter a number" in found["vendors.0.price"]
    assert "already used in row 1" in found["vendors.3.name"]
    assert "at most 1,000" in found["vendors.3.price"]


def test_too_few_too_many_empty_and_malformed() -> None:
    assert "at least 2 rows" in errors({"vendors": [{"name": "A", "price": 1}]})["vendors"]
    assert "at least 2 rows" in errors({"vendors": []})["vendors"]
    five = [{"name": f"V{i}", "price": i} for i in range(5)]
    assert "at most 4 rows" in errors({"vendors": five})["vendors"]
    assert "list of rows" in errors({"vendors": 5})["vendors"]
    assert "list of rows" in errors({"vendors": "not json"})["vendors"]
    found = errors({"vendors": [{"name": "A", "price": 1, "color": "red"}, {"name": "B"}]})
    assert "no field named 'color'" in found["vendors.0.color"]
    assert found["vendors.1.price"] == "Enter a value."
    assert "at most 20 characters" in errors({"vendors": [{"name": "x" * 21, "price": 1},
                                                          {"name": "B", "price": 1}]})[
        "vendors.0.name"
    ]  # fmt: skip


def test_markup_in_names_is_kept_as_text() -> None:
    rows = [{"name": "<b>Acme</b>", "price": 1}, {"name": "B&Co", "price": 2}]
    assert FIELDS.parse({"vendors": rows})["vendors"][0]["name"] == "<b>Acme</b>"


def test_a_blank_cell_of_a_column_that_does_not_apply_takes_its_default() -> None:
    from calculators.core.fields import AppliesWhen

    bid = Field("bid", "number", 0, "Bid", "Its bid.", minimum=0, maximum=100,
                applies_when=AppliesWhen("mode", ("formula",)))  # fmt: skip
    table = Field("vendors", "table", (), "Vendors", "Rows.", columns=(NAME, bid), min_rows=1,
                  max_rows=3)  # fmt: skip
    mode = Field("mode", "choice", "judgment", "Mode", "How.", choices=("judgment", "formula"))
    fields = FieldSet((table, mode))  # the table first: the order of declaration does not matter
    assert fields.parse({"vendors": [{"name": "A", "bid": ""}]})["vendors"] == [
        {"name": "A", "bid": 0}
    ]
    with pytest.raises(InputError) as caught:
        fields.parse({"mode": "formula", "vendors": [{"name": "A", "bid": ""}]})
    assert caught.value.errors == {"vendors.0.bid": "Enter a value."}
    parsed = fields.parse({"mode": "judgment", "vendors": [{"name": "A", "bid": "7"}]})
    assert parsed == {"vendors": [{"name": "A", "bid": 7.0}], "mode": "judgment"}
    assert list(parsed) == ["vendors", "mode"]


def test_optional_cells_and_uniqueness_over_two_columns() -> None:
    name = Field("name", "text", "", "Name", "A name.", maximum=20, unique=True,
                 unique_with=("who",))  # fmt: skip
    who = Field("who", "text", "", "Evaluator", "Who scored.", maximum=20, optional=True)
    table = Field("rows", "table", (), "Rows", "Rows.", columns=(name, who, PRICE), min_rows=1,
                  max_rows=4)  # fmt: skip
    fields = FieldSet((table,))
    rows = [{"name": "A", "price": 1}, {"name": "A", "who": "Bo", "price": 2}]
    assert fields.parse({"rows": rows})["rows"] == [
        {"name": "A", "who": "", "price": 1.0}, {"name": "A", "who": "Bo", "price": 2.0}
    ]  # fmt: skip
    with pytest.raises(InputError) as caught:
        fields.parse({"rows": [*rows, {"name": "a", "who": "bo", "price": 3}]})
    assert caught.value.errors == {
        "rows.2.name": "Row 2 already has this name with the same Evaluator; change one of them."
    }
    with pytest.raises(InputError) as caught:
        fields.parse({"rows": [*rows, {"name": "a", "price": 3}]})
    assert "already used in row 1" in caught.value.errors["rows.2.name"]
