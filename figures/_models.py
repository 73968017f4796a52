"""What the figures read from the calculators besides their public API (`calculators.run`):
the location comparison's schedules and overlaps, the team health check's dimensions, and the
calculators' text access. Kept in this one module, as the drawing helpers are in `_draw`, so that a
move of those modules touches one import block."""

from __future__ import annotations

from calculators import location_comparison, team_health
from calculators.core.text import text_for

__all__ = ["location_comparison", "team_health", "text_for"]
