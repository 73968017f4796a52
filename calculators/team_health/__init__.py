"""Team health check: how does an outsourced team stand on the guide's five pairs of failure
causes and high-performer traits?

`DIMENSIONS` (from `model`) names the five pairs: each has a stable `id` and an English
`label` marked for translation.
"""

from __future__ import annotations

from typing import Any

from ..core.parse import Values
from ..core.text import N_, Text
from ..registry import Calculator
from . import fields
from .model import DIMENSIONS, Dimension, outcome
from .present import present


def compute(values: Values, t: Text) -> dict[str, Any]:
    return present(outcome(values), t)


CALCULATOR = Calculator("team_health", N_("Team health check"), fields.FIELDSET, compute)

__all__ = ["CALCULATOR", "DIMENSIONS", "Dimension"]
