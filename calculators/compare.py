"""Saved scenarios side by side: their verdicts, headline figures and the inputs that differ.

A scenario is a name and a query string (see `query`); each is validated like a link.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from . import InputError, _get, run
from ._fields import Field, _parse_one
from ._format import format_number
from ._messages import message
from .query import _controls, _label, _same, decode, form_defaults

MIN_SCENARIOS, MAX_SCENARIOS = 2, 4
NONE = "\u2013"  # an empty cell or a figure a scenario lacks

# Reader-facing strings of this module, in one place so that they can move to the
# translation catalogue.
MESSAGES = {
    "count": "Choose from {min} to {max} scenarios to compare.",
    "problem": "Scenario '{name}': {problem}",
    "verdict": "Verdict",
}


def _shown(calculator_id: str, spec: Field, text: str, locale: str) -> str:
    """An input as a reader reads it: a choice by its label, a number with its unit."""
    if not text:
        return NONE
    if spec.kind == "choice":
        try:
            return message(f"{calculator_id}.{spec.name}.{text}", locale)
        except KeyError:
            return text
    if spec.kind == "text":
        return text
    try:
        number = float(_parse_one(spec, text, locale))
    except InputError:
        return text
    decimals = 0 if number.is_integer() else 2
    unit = message(f"unit.{spec.unit}", locale) if spec.unit else ""
    return f"{format_number(number, locale, decimals)} {unit}".strip()


def compare(
    calculator_id: str, scenarios: Sequence[Mapping[str, Any]], locale: str = "en"
) -> dict[str, Any]:
    """`{"names", "rows": [{"kind", "label", "cells", "differs"}], "problems"}`; raises
    InputError for fewer than two or more than four scenarios."""
    if not MIN_SCENARIOS <= len(scenarios) <= MAX_SCENARIOS:
        raise InputError({"": MESSAGES["count"].format(min=MIN_SCENARIOS, max=MAX_SCENARIOS)})
    fieldset = _get(calculator_id, locale).fieldset
    defaults = form_defaults(calculator_id)
    names, forms, results, problems = [], [], [], []
    for scenario in scenarios:
        name = str(scenario.get("name", ""))
        decoded = decode(calculator_id, str(scenario.get("query", "")), locale)
        problems += [MESSAGES["problem"].format(name=name, problem=p) for p in decoded.problems]
        form = defaults | decoded.inputs
        names.append(name)
        forms.append(form)
        results.append(run(calculator_id, form, locale))
    rows: list[dict[str, Any]] = []
    verdicts = [r.get("verdict") or {} for r in results]
    if any(isinstance(v, dict) and v.get("text") for v in verdicts):
        cells = [str(v.get("text", "")) for v in verdicts]
        rows.append(_row("verdict", MESSAGES["verdict"], cells))
    figures = results[0]["figures"]
    if any(f.get("headline") for f in figures):
        figures = [f for f in figures if f.get("headline")]
    for figure in figures:
        cells = [
            next((f["text"] for f in r["figures"] if f["id"] == figure["id"]), NONE)
            for r in results
        ]
        rows.append(_row("figure", figure["label"], cells))
    for name, (spec, column, _) in _controls(fieldset).items():
        texts = [form[name] for form in forms]
        control = column or spec
        if all(_same(control, texts[0], t, locale) for t in texts[1:]):
            continue
        cells = [_shown(f"{calculator_id}.{spec.name}" if column else calculator_id, control, t,
                        locale) for t in texts]  # fmt: skip
        rows.append(_row("input", _label(fieldset, name, locale), cells))
    return {"names": names, "rows": rows, "problems": problems}


def _row(kind: str, label: str, cells: list[str]) -> dict[str, Any]:
    return {"kind": kind, "label": label, "cells": cells, "differs": len(set(cells)) > 1}
