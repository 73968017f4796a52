"""Input fields: their declaration, their catalogue entry, and validation of what a form sends.

A calculator declares its fields once; the form, the command line, the browser and the tests
all read the same declaration, so limits and messages cannot drift apart.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ._format import format_number
from ._messages import message

Kind = Literal["number", "integer", "percent", "money", "choice", "text", "table"]
Value = float | int | str
Row = dict[str, Value]
# Field name -> value; a table field's value is a list of rows (list[Row]).
Values = dict[str, Any]


class InputError(ValueError):
    """Bad input. `errors` maps each offending field (or '' for the whole request) to a message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors: dict[str, str] = dict(errors)
        super().__init__("; ".join(f"{k or 'input'}: {v}" for k, v in self.errors.items()))


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    default: Value | tuple[Row, ...]  # a table field's default is its rows
    unit: str = ""  # a message key under "unit."
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    choices: Sequence[str] = ()
    group: str = ""  # message key of the fieldset it belongs to
    # A "table" field: rows of `columns` (each a Field), from min_rows to max_rows.
    columns: Sequence[Field] = ()
    min_rows: int = 0
    max_rows: int = 0
    unique: bool = False  # a table column whose values must differ between rows (names)

    def catalog_entry(self, calculator_id: str, locale: str) -> dict[str, Any]:
        prefix = f"{calculator_id}.{self.name}"
        entry: dict[str, Any] = {
            "name": self.name,
            "label": message(f"{prefix}.label", locale),
            "help": message(f"{prefix}.help", locale),
            "kind": self.kind,
            "unit": self.unit,
            "unit_label": message(f"unit.{self.unit}", locale) if self.unit else "",
            "min": self.minimum,
            "max": self.maximum,
            "step": self.step,
            "default": self.default,
            "group": self.group,
        }
        if self.minimum is not None and self.maximum is not None and self.kind != "text":
            entry["range_text"] = message(
                "ui.range",
                locale,
                min=_limit_text(self, self.minimum, locale),
                max=_limit_text(self, self.maximum, locale),
            )
        if self.kind == "table":
            entry["columns"] = [
                c.catalog_entry(f"{calculator_id}.{self.name}", locale) for c in self.columns
            ]
            entry["min_rows"], entry["max_rows"] = self.min_rows, self.max_rows
            rows = self.default if isinstance(self.default, tuple) else ()
            entry["default"] = [dict(row) for row in rows]
        if self.kind == "choice":
            entry["choices"] = [
                {"value": c, "label": _choice_label(calculator_id, self.name, c, locale)}
                for c in self.choices
            ]
        return entry


def _choice_label(calculator_id: str, name: str, choice: str, locale: str) -> str:
    key = f"{calculator_id}.{name}.{choice}"
    try:
        return message(key, locale)
    except KeyError:
        return choice  # codes such as currency names are their own label


def _limit_text(spec: Field, limit: float, locale: str) -> str:
    if spec.kind == "integer" and abs(limit) < 10_000:  # a year reads 2000, not 2,000
        return str(int(limit))
    decimals = 0 if float(limit).is_integer() else 2
    return format_number(limit, locale, decimals)


def _parse_one(spec: Field, raw: object, locale: str) -> Value:
    """One field's value, or raise InputError for that field."""

    def fail(key: str, **params: object) -> InputError:
        return InputError({spec.name: message(key, locale, **params)})

    if spec.kind == "table":
        return _parse_table(spec, raw, locale)  # type: ignore[return-value]
    if _blank(raw):
        raise fail("error.missing")
    if spec.kind == "text":
        text = str(raw).strip() if isinstance(raw, str | int | float) else ""
        if not text:
            raise fail("error.not_text")
        if spec.maximum is not None and len(text) > spec.maximum:
            raise fail("error.too_long", max=int(spec.maximum))
        return text
    if spec.kind == "choice":
        if str(raw) not in spec.choices:
            raise fail("error.not_a_choice", choices=", ".join(spec.choices))
        return str(raw)
    if isinstance(raw, bool):
        raise fail("error.not_a_number")
    if isinstance(raw, int | float):
        number = float(raw)
    elif isinstance(raw, str):
        text = raw.strip().replace("\u2212", "-").replace("_", "")
        try:
            number = float(text)
        except ValueError:
            raise fail("error.not_a_number") from None
    else:
        raise fail("error.not_a_number")
    if not math.isfinite(number):
        raise fail("error.not_finite")
    if spec.kind == "integer" and not number.is_integer():
        raise fail("error.not_integer")
    if spec.minimum is not None and number < spec.minimum:
        raise fail("error.too_small", min=_limit_text(spec, spec.minimum, locale))
    if spec.maximum is not None and number > spec.maximum:
        raise fail("error.too_large", max=_limit_text(spec, spec.maximum, locale))
    return int(number) if spec.kind == "integer" else number


def _blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _parse_table(spec: Field, raw: object, locale: str) -> list[Row]:
    """Rows of a table field. Wholly blank rows (empty slots in the form) are skipped; errors
    name the cell as `table.<row>.<column>` with the row's original position."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raw = None
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        raise InputError({spec.name: message("error.not_a_table", locale)})
    errors: dict[str, str] = {}
    rows: list[Row] = []
    seen: dict[str, dict[str, int]] = {c.name: {} for c in spec.columns if c.unique}
    columns = {c.name: c for c in spec.columns}
    for index, raw_row in enumerate(raw):
        if not isinstance(raw_row, Mapping):
            errors[f"{spec.name}.{index}"] = message("error.not_a_mapping", locale)
            continue
        if all(_blank(v) for v in raw_row.values()):
            continue
        row: Row = {}
        for key in raw_row:
            if key not in columns:
                errors[f"{spec.name}.{index}.{key}"] = message(
                    "error.unknown_field", locale, name=key
                )
        for column in spec.columns:
            try:
                row[column.name] = _parse_one(column, raw_row.get(column.name), locale)
            except InputError as exc:
                errors.update({f"{spec.name}.{index}.{k}": v for k, v in exc.errors.items()})
                continue
            if column.unique:
                key = str(row[column.name]).strip().casefold()
                if key in seen[column.name]:
                    errors[f"{spec.name}.{index}.{column.name}"] = message(
                        "error.duplicate", locale, row=seen[column.name][key] + 1
                    )
                else:
                    seen[column.name][key] = index
        rows.append(row)
    if len(rows) < spec.min_rows:
        errors[spec.name] = message("error.too_few_rows", locale, min=spec.min_rows)
    elif len(rows) > spec.max_rows:
        errors[spec.name] = message("error.too_many_rows", locale, max=spec.max_rows)
    if errors:
        raise InputError(errors)
    return rows


def _gather_table_keys(fields: Sequence[Field], raw: Mapping[str, object]) -> dict[str, object]:
    """Turn a form's flat `table.<row>.<column>` keys into a list of rows per table field."""
    tables = {f.name for f in fields if f.kind == "table"}
    gathered: dict[str, object] = {}
    rows: dict[str, dict[int, dict[str, object]]] = {}
    for key, value in raw.items():
        table, _, rest = str(key).partition(".")
        index, _, column = rest.partition(".")
        if table in tables and index.isdigit() and column:
            rows.setdefault(table, {}).setdefault(int(index), {})[column] = value
        else:
            gathered[key] = value
    for table, by_index in rows.items():
        gathered[table] = [by_index.get(i, {}) for i in range(max(by_index) + 1)]
    return gathered


Check = Callable[[Values, str], dict[str, str]]


@dataclass(frozen=True)
class FieldSet:
    """The fields of one calculator plus its cross-field checks."""

    calculator_id: str
    fields: Sequence[Field]
    checks: Sequence[Check] = field(default_factory=tuple)

    def defaults(self) -> Values:
        return {f.name: f.default for f in self.fields}

    def parse(self, raw: object, locale: str = "en") -> Values:
        """Validate a form's values. Absent fields take their default; every problem is reported
        at once, each under its own field name."""
        if not isinstance(raw, Mapping):
            raise InputError({"": message("error.not_a_mapping", locale)})
        raw = _gather_table_keys(self.fields, raw)
        by_name = {f.name: f for f in self.fields}
        errors = {
            str(name): message("error.unknown_field", locale, name=name)
            for name in raw
            if name not in by_name
        }
        values: Values = {}
        for spec in self.fields:
            try:
                values[spec.name] = _parse_one(spec, raw.get(spec.name, spec.default), locale)
            except InputError as exc:
                errors.update(exc.errors)
        if errors:
            raise InputError(errors)
        for check in self.checks:
            errors.update(check(values, locale))
        if errors:
            raise InputError(errors)
        return values
