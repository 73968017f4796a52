"""Backup supplier: is it worth paying every year to keep a second supplier ready?"""

from __future__ import annotations

from typing import Any

from ..core.parse import Values
from ..core.text import N_, Text
from ..registry import Calculator
from . import fields
from .model import Model, outcome
from .present import present


def compute(values: Values, t: Text) -> dict[str, Any]:
    return present(outcome(Model.from_values(values)), str(values["currency"]), t)


CALCULATOR = Calculator("backup_supplier", N_("Backup supplier"), fields.FIELDSET, compute)
