"""What the benchmark loads into pages: the browser-side scripts (in js/) and the bare Pyodide
pages it compares the calculator against."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

JS = Path(__file__).resolve().parent / "js"


@cache
def script(name: str) -> str:
    return (JS / name).read_text(encoding="utf-8")


def cold_start_script(**args: Any) -> str:
    return script("cold-start.js").replace("__ARGS__", json.dumps(args))


def calculator_page(calculator_id: str) -> str:
    """Calculator pages live at docs/calculators/<id, with hyphens>.md."""
    return f"calculators/{calculator_id.replace('_', '-')}/"


def write_bare_pages(folder: Path, paths: dict[str, str], calculator: str) -> None:
    """The bare pages, served under /__bench__/: Pyodide alone, and Pyodide plus the wheel, on
    the same files the site serves (its trimmed standard library included)."""
    fill = {
        "__INDEX__": paths["pyodide"],
        "__STDLIB__": paths["stdlib"],
        "__WHEEL__": paths["wheel"],
        "__CALCULATOR__": calculator,
    }
    for name in ("bare-worker.js", "wheel-worker.js"):
        text = script(name)
        for key, value in fill.items():
            text = text.replace(key, value)
        (folder / name).write_text(text, encoding="utf-8")
    for page, worker in (("bare.html", "bare-worker.js"), ("wheel.html", "wheel-worker.js")):
        html = script("bare.html").replace("__WORKER__", worker)
        (folder / page).write_text(html, encoding="utf-8")
