"""Savings and total cost of ownership: keep the work in-house, or outsource it?"""

from __future__ import annotations

from typing import Any

from .. import _fields
from ..core.parse import Values
from ..core.text import N_, Text, text_for
from ..core.vocab import CURRENCIES
from ..registry import Calculator
from . import fields
from .fields import check_contradictions
from .model import (
    Model,
    Timeline,
    closed_form_npv,
    flip_price,
    outcome,
    payback_month,
    ramp_dip_months,
    simulate,
    yearly_cash_flows,
)
from .present import present


def compute_result(values: Values, t: Text) -> dict[str, Any]:
    # .get: savings_uncertainty passes only the inputs it knows (the vendor's own currency is
    # newer); Model.from_values reads the other newer inputs the same way.
    return present(outcome(Model.from_values(values)), str(values["currency"]), t,
                   str(values.get("vendor_currency", "same")))  # fmt: skip


CALCULATOR = Calculator("savings", N_("Savings and total cost of ownership"), fields.FIELDSET,
                        compute_result)  # fmt: skip


# --- For calculators still in the one-module form, which build on savings' fields and model
# (savings_uncertainty, risk_register, make_or_buy, backup_supplier). Remove once converted.


def compute(values: Values, locale: str = "en") -> dict[str, Any]:
    return compute_result(values, text_for(locale))


def _legacy_check(values: Values, locale: str) -> dict[str, str]:
    return check_contradictions(values, text_for(locale))


FIELDS = tuple(
    _fields.Field(f.name, f.kind, f.default, f.unit, f.minimum, f.maximum, f.step, f.choices,
                  group=f"savings.group.{f.group}")
    for f in fields.FIELDSET.fields
)  # fmt: skip
FIELDSET = _fields.FieldSet("savings", FIELDS, checks=(_legacy_check,))

__all__ = [
    "CALCULATOR",
    "CURRENCIES",
    "FIELDS",
    "FIELDSET",
    "Model",
    "Timeline",
    "closed_form_npv",
    "compute",
    "flip_price",
    "payback_month",
    "ramp_dip_months",
    "simulate",
    "yearly_cash_flows",
]
