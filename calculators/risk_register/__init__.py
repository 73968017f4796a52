"""Risk register: the guide's ten outsourcing risks, rated, priced, ranked by the money at
risk, and what to do about the costliest."""

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


CALCULATOR = Calculator("risk_register", N_("Risk register"), fields.FIELDSET, compute)
