"""Named example inputs per calculator: tests/scenarios/<id>.json, read by the contract test
and the Pyodide parity test. Calculators still in the one-module form keep theirs in EXAMPLES
until they are converted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import calculators

SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"


def scenarios(calculator_id: str) -> list[tuple[str, dict[str, Any]]]:
    path = SCENARIO_DIR / f"{calculator_id}.json"
    if path.is_file():
        named: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
        return list(named.items())
    return list(calculators.examples(calculator_id))
