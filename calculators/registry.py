"""The calculators in site order, imported on first use, behind one record each.

A calculator is a package `calculators/<id>/` whose `__init__` defines `CALCULATOR`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import import_module, metadata
from typing import Any

from .core.fields import FieldSet
from .core.parse import InputError, Values, show
from .core.text import Text, text_for

# Ids in the order the site lists them. A browser page imports only its own calculator.
IDS = (
    "savings",
    "make_or_buy",
    "backup_supplier",
    "risk_register",
    "team_health",
    "savings_uncertainty",
    "partner_scorecard",
    "location_comparison",
)  # fmt: skip


@dataclass(frozen=True)
class Calculator:
    """One calculator: its title, its fields, and `compute(values, t)` -> result JSON."""

    id: str
    title: str  # N_("...")
    fieldset: FieldSet
    compute: Callable[[Values, Text], dict[str, Any]]

    def catalog_entry(self, locale: str) -> dict[str, Any]:
        t = text_for(locale)
        return {
            "id": self.id,
            "title": t.gettext(self.title),
            "fields": [f.catalog_entry(t) for f in self.fieldset.fields],
            "groups": self.fieldset.catalog_groups(t),
        }

    def run(self, inputs: Mapping[str, object], locale: str) -> dict[str, Any]:
        return self.evaluate(inputs, locale)[1]

    def evaluate(self, inputs: Mapping[str, object], locale: str) -> tuple[Values, dict[str, Any]]:
        """The checked values (as the calculator read them) and the result computed from them."""
        values = self.fieldset.parse(inputs, locale)
        return values, self.compute(values, text_for(locale))

    def not_applying(self, inputs: Mapping[str, object], locale: str) -> list[str]:
        return self.fieldset.not_applying(inputs, self.fieldset.parse(inputs, locale))


_loaded: dict[str, Calculator] = {}


def load(calculator_id: object, locale: str = "en") -> Calculator:
    """The calculator named `calculator_id`, or InputError naming the ones there are."""
    if not isinstance(calculator_id, str) or calculator_id not in IDS:
        text = text_for(locale).gettext(
            "There is no calculator named '{name}'. Available: {known}.",
            name=show(calculator_id),
            known=", ".join(IDS),
        )
        raise InputError({"": text})
    if calculator_id not in _loaded:
        module = import_module(f"calculators.{calculator_id}")
        entry: Calculator = module.CALCULATOR
        if entry.id != calculator_id:  # the id is how pages, URLs and the browser name it
            raise RuntimeError(f"module {calculator_id} defines calculator {entry.id!r}")
        _loaded[calculator_id] = entry
    return _loaded[calculator_id]


_EXTRA = re.compile(r"""^([A-Za-z0-9._-]+).*;\s*extra\s*==\s*["']([a-z0-9_-]+)["']""")


def requirements(calculator_id: str) -> tuple[str, ...]:
    """Distributions besides the standard library that a calculator imports: the extra named
    after it in the package metadata (pyproject.toml's optional-dependencies)."""
    load(calculator_id)
    wanted = calculator_id.replace("_", "-")
    found = []
    for line in metadata.requires("calculators") or ():
        match = _EXTRA.match(line)
        if match and match.group(2).replace("_", "-") == wanted:
            found.append(match.group(1))
    return tuple(found)
