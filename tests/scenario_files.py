"""Named example inputs per calculator: tests/scenarios/<id>.json, read by the contract test
and the Pyodide parity test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"


def scenarios(calculator_id: str) -> list[tuple[str, dict[str, Any]]]:
    path = SCENARIO_DIR / f"{calculator_id}.json"
    named: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return list(named.items())
