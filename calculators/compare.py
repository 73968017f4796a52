"""Saved scenarios side by side: their verdicts, headline figures and the inputs that differ.

A scenario is a name and a query string (see `query`); each is validated like a link.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from . import registry, run
from .core.fields import Field
from .core.format import format_number
from .core.parse import InputError, parse_value
from .core.text import N_, Text, text_for
from .core.vocab import unit_label
from .query import _controls, _label, _same, decode, form_defaults

MIN_SCENARIOS, MAX_SCENARIOS = 2, 4
NONE = "\u2013"  # an empty cell or a figure a scenario lacks

# Reader-facing strings of this module (translated where they are used).
MESSAGES = {
    "count": N_("Choose from {min} to {max} scenarios to compare."),
    "problem": N_("Scenario '{name}': {problem}"),
    "verdict": N_("Verdict"),
}


def _message(t: Text, key: str, **params: object) -> str:
    """A message of MESSAGES by its key (looked up here, so that extraction takes the
    messages themselves and not their keys)."""
    return t.gettext(MESSAGES[key], **params)


def _shown(spec: Field, text: str, locale: str) -> str:
    """An input as a reader reads it: a choice by its label, a number with its unit."""
    if not text:
        return NONE
    t = text_for(locale)
    if spec.kind == "choice":
        return t.gettext(spec.choice_labels[text]) if text in spec.choice_labels else text
    if spec.kind == "text":
        return text
    try:
        value = parse_value(spec, text, locale)
    except InputError:
        return text
    if not isinstance(value, int | float):
        return text
    number = float(value)
    decimals = 0 if number.is_integer() else 2
    unit = unit_label(spec.unit, t)
    return f"{format_number(number, locale, decimals)} {unit}".strip()


def compare(
    calculator_id: str, scenarios: Sequence[Mapping[str, Any]], locale: str = "en"
) -> dict[str, Any]:
    """`{"names", "rows": [{"kind", "label", "cells", "differs"}], "problems"}`; raises
    InputError for fewer than two or more than four scenarios."""
    t = text_for(locale)
    if not MIN_SCENARIOS <= len(scenarios) <= MAX_SCENARIOS:
        raise InputError({"": _message(t, "count", min=MIN_SCENARIOS, max=MAX_SCENARIOS)})
    fieldset = registry.load(calculator_id, locale).fieldset
    defaults = form_defaults(calculator_id, locale)
    names, forms, results, problems = [], [], [], []
    for scenario in scenarios:
        name = str(scenario.get("name", ""))
        decoded = decode(calculator_id, str(scenario.get("query", "")), locale)
        problems += [_message(t, "problem", name=name, problem=p) for p in decoded.problems]
        form = defaults | decoded.inputs
        names.append(name)
        forms.append(form)
        results.append(run(calculator_id, form, locale))
    rows: list[dict[str, Any]] = []
    verdicts = [r.get("verdict") or {} for r in results]
    if any(isinstance(v, dict) and v.get("text") for v in verdicts):
        cells = [str(v.get("text", "")) for v in verdicts]
        rows.append(_row("verdict", _message(t, "verdict"), cells))
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
        cells = [_shown(control, text, locale) for text in texts]
        rows.append(_row("input", _label(fieldset, name, locale), cells))
    return {"names": names, "rows": rows, "problems": problems}


def _row(kind: str, label: str, cells: list[str]) -> dict[str, Any]:
    return {"kind": kind, "label": label, "cells": cells, "differs": len(set(cells)) > 1}
