"""Input fields: their declaration, their catalogue entry, and validation of what a form sends.

A calculator declares its fields once; the form, the command line, the browser and the tests
all read the same declaration, so limits and messages cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ._messages import message
from .core.parse import InputError, Row, Value, Values, limit_text, parse_fields
from .core.text import text_for

__all__ = ["Field", "FieldSet", "InputError", "Row", "Value", "Values"]

Kind = Literal["number", "integer", "percent", "money", "choice", "text", "table"]


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
            entry["range_text"] = text_for(locale).gettext(
                "From {min} to {max}",
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
    return limit_text(spec, limit, locale)


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
        values = parse_fields(self.fields, raw, locale)
        errors: dict[str, str] = {}
        for check in self.checks:
            errors.update(check(values, locale))
        if errors:
            raise InputError(errors)
        return values
