"""Savings and total cost of ownership: keep the work in-house, or outsource it?"""

from __future__ import annotations

from typing import Any

from ..core.parse import Values
from ..core.text import N_, Text
from ..registry import Calculator
from . import fields
from .model import Model, outcome
from .present import present


def compute(values: Values, t: Text) -> dict[str, Any]:
    # .get: savings_uncertainty passes only the inputs it knows (the vendor's own currency is
    # newer); Model.from_values reads the other newer inputs the same way.
    return present(outcome(Model.from_values(values)), str(values["currency"]), t,
                   str(values.get("vendor_currency", "same")))  # fmt: skip


CALCULATOR = Calculator("savings", N_("Savings and total cost of ownership"), fields.FIELDSET,
                        compute)  # fmt: skip
