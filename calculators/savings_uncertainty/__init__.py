"""Savings under uncertainty: the savings model with ranges instead of single guesses."""

from __future__ import annotations

from typing import Any

from ..core.parse import Values
from ..core.text import N_, Text
from ..registry import Calculator
from . import fields
from .model import outcome
from .present import present


def compute(values: Values, t: Text) -> dict[str, Any]:
    return present(outcome(values), str(values["currency"]), t)


CALCULATOR = Calculator(
    "savings_uncertainty", N_("Savings under uncertainty"), fields.FIELDSET, compute
)
