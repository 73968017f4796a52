"""Location comparison: what does the same work cost in each location, once the hours you share
with the home office are counted?

The schedule and overlap names other code reads (`FIELDSET`, `zone`, `schedule`,
`working_intervals`, `weekly_overlap_seconds`, `WEEK`) are importable from here; they live in
`fields`, `zones` and `overlap`.
"""

from __future__ import annotations

from typing import Any

from ..core.parse import Values
from ..core.text import N_, Text
from ..registry import Calculator
from .fields import FIELDSET, PRESETS
from .model import WEEK, outcome, schedule, weekly_overlap_seconds, working_intervals, zone
from .present import present


def compute(values: Values, t: Text) -> dict[str, Any]:
    return present(outcome(values), str(values["currency"]), t)


CALCULATOR = Calculator("location_comparison", N_("Location comparison"), FIELDSET, compute)

__all__ = [
    "CALCULATOR",
    "FIELDSET",
    "PRESETS",
    "WEEK",
    "schedule",
    "weekly_overlap_seconds",
    "working_intervals",
    "zone",
]
