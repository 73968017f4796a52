"""Outsourcing calculators: one module per calculator, one contract for all of them.

    catalog(locale)          -> JSON-able list: each calculator's id, title and fields
    run(id, inputs, locale)  -> JSON-able result: figures, tables, charts, raw values
    render(result)           -> the result as HTML (the same markup at build time and live)

Bad input raises InputError, whose `.errors` maps each field to a message for the reader.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from ._fields import FieldSet, InputError, Values
from ._messages import DEFAULT_LOCALE, message, messages_with_prefix
from ._render import render_result

__all__ = ["InputError", "calculator_ids", "catalog", "render", "run", "ui_messages"]


@dataclass(frozen=True)
class Calculator:
    fieldset: FieldSet
    compute: Callable[[Values, str], dict[str, Any]]
    examples: tuple[tuple[str, dict[str, Any]], ...] = ()
    requires: tuple[str, ...] = ()  # extra pure-Python distributions it imports (e.g. tzdata)

    @property
    def id(self) -> str:
        return self.fieldset.calculator_id


# One module per calculator, named by its id, in the order the site lists them. Each defines
# FIELDSET, compute(values, locale) and, optionally, EXAMPLES (named inputs for the parity
# tests) and REQUIRES. Modules are imported on first use: a page in the browser runs one
# calculator and should not pay for importing the others.
_MODULES = (
    "savings",
    "make_or_buy",
    "backup_supplier",
    "risk_register",
    "team_health",
    "savings_uncertainty",
    "partner_scorecard",
    "location_comparison",
)  # fmt: skip

_loaded: dict[str, Calculator] = {}


def _load(name: str) -> Calculator:
    if name not in _loaded:
        module = import_module(f".{name}", __name__)
        calculator = Calculator(
            module.FIELDSET,
            module.compute,
            tuple(getattr(module, "EXAMPLES", ())),
            tuple(getattr(module, "REQUIRES", ())),
        )
        if calculator.id != name:  # the id is how pages, URLs and the browser name it
            raise RuntimeError(f"module {name} defines calculator {calculator.id!r}")
        _loaded[name] = calculator
    return _loaded[name]


def calculator_ids() -> list[str]:
    return list(_MODULES)


def _get(calculator_id: str, locale: str) -> Calculator:
    if isinstance(calculator_id, str) and calculator_id in _MODULES:
        return _load(calculator_id)
    known = ", ".join(_MODULES)
    text = message("error.unknown_calculator", locale, name=calculator_id, known=known)
    raise InputError({"": text})


def catalog(locale: str = DEFAULT_LOCALE) -> list[dict[str, Any]]:
    return [
        {
            "id": c.id,
            "title": message(f"{c.id}.title", locale),
            "fields": [f.catalog_entry(c.id, locale) for f in c.fieldset.fields],
            "groups": [
                {"key": g, "label": message(g, locale)}
                for g in dict.fromkeys(f.group for f in c.fieldset.fields if f.group)
            ],
        }
        for c in map(_load, _MODULES)
    ]


def run(
    calculator_id: str, inputs: Mapping[str, object] | None = None, locale: str = DEFAULT_LOCALE
) -> dict[str, Any]:
    """Validate `inputs` (absent fields take their defaults) and compute the result."""
    calculator = _get(calculator_id, locale)
    values = calculator.fieldset.parse({} if inputs is None else inputs, locale)
    return calculator.compute(values, locale)


def render(result: dict[str, Any]) -> str:
    return render_result(result)


def examples(calculator_id: str) -> tuple[tuple[str, dict[str, Any]], ...]:
    """Named example inputs of a calculator (scenarios for the parity tests)."""
    return _get(calculator_id, DEFAULT_LOCALE).examples


def requirements(calculator_id: str) -> tuple[str, ...]:
    """Distributions besides the standard library that a calculator imports (the browser must
    install their wheels before it runs)."""
    return _get(calculator_id, DEFAULT_LOCALE).requires


def ui_messages(locale: str = DEFAULT_LOCALE) -> dict[str, str]:
    """The widget's and runtime's own strings ('ui.*'), for the page template."""
    return messages_with_prefix("ui.", locale)
