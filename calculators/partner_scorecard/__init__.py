"""Partner scorecard: which vendor on the shortlist fits best, and how sure can you be?"""

from __future__ import annotations

from typing import Any

from ..core.parse import Values
from ..core.text import N_, Text
from ..registry import Calculator
from . import fields
from .model import outcome
from .present import present


def compute(values: Values, t: Text) -> dict[str, Any]:
    return present(outcome(values), t)


CALCULATOR = Calculator("partner_scorecard", N_("Partner scorecard"), fields.FIELDSET, compute)
