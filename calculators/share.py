"""The browser's requests for a result to take away: a link, a CSV or JSON file, a comparison.

`handle(request)` answers a request that carries a "format" (see `calculators.browser`):

    {"format": "query", "calculator", "inputs"}         -> {"ok", "query"}
    {"format": "decode", "calculator", "query"}         -> {"ok", "inputs", "problems"}
    {"format": "csv" | "json", "calculator", "inputs", "link", "date"} -> {"ok", "csv" | "json"}
    {"format": "compare", "calculator", "scenarios": [{"name", "query"}]} -> {"ok", "compare"}
"""

from __future__ import annotations

from typing import Any

from . import InputError
from .core.text import text_for
from .query import decode, encode


def _mapping(value: object, locale: str) -> dict[str, object]:
    if not isinstance(value, dict):
        text = text_for(locale).gettext("Inputs must be a mapping of field names to values.")
        raise InputError({"": text})
    return value


def handle(request: dict[str, Any]) -> dict[str, Any]:
    """One request with a "format"; bad input raises InputError (the caller reports it)."""
    kind = request.get("format")
    calculator = str(request.get("calculator", ""))
    locale = str(request.get("locale", "en"))
    link, date = str(request.get("link", "")), request.get("date") or None
    if kind == "query":
        return {
            "ok": True,
            "query": encode(calculator, _mapping(request.get("inputs"), locale), locale),
        }
    if kind == "decode":
        decoded = decode(calculator, str(request.get("query", "")), locale)
        return {"ok": True, "inputs": decoded.inputs, "problems": decoded.problems}
    # Exports and comparisons are imported on first use: the URL's query is asked for after
    # every change, a file only when the reader wants one.
    if kind == "csv":
        from .export import csv_text

        inputs = _mapping(request.get("inputs"), locale)
        text = csv_text(calculator, inputs, locale=locale, link=link, date=date)
        return {"ok": True, "csv": text}
    if kind == "json":
        from .export import json_document

        inputs = _mapping(request.get("inputs"), locale)
        document = json_document(calculator, inputs, locale=locale, link=link, date=date)
        return {"ok": True, "json": document}
    if kind == "compare":
        from .compare import compare

        scenarios = request.get("scenarios")
        if not isinstance(scenarios, list) or not all(isinstance(s, dict) for s in scenarios):
            text = text_for(locale).gettext("Scenarios must be a list of names and links.")
            raise InputError({"": text})
        return {"ok": True, "compare": compare(calculator, scenarios, locale)}
    text = text_for(locale).gettext("Unknown format '{name}'.", name=str(kind)[:40])
    raise InputError({"": text})
