"""Make or buy: at the volume you plan, is it cheaper to make the part or to buy it in?"""

from __future__ import annotations

from typing import Any

from ..core.parse import Values
from ..core.text import N_, Text
from ..registry import Calculator
from . import fields
from .model import Model, outcome
from .present import present
from .years import horizon


def compute(values: Values, t: Text) -> dict[str, Any]:
    model = Model.from_values(values)
    return present(outcome(model), horizon(model), str(values["currency"]), t)


CALCULATOR = Calculator("make_or_buy", N_("Make or buy"), fields.FIELDSET, compute)
