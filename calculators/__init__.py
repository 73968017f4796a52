"""Outsourcing calculators: one package per calculator, one contract for all of them.

    catalog(locale)            -> JSON-able list: each calculator's id, title and fields
    run(id, inputs, locale)    -> JSON-able result: verdict, figures, tables, charts, values
    render(result, root)       -> the result as HTML (the same markup at build time and live)
    calculator_ids(), requirements(id), ui_messages(locale)

Bad input raises InputError, whose `.errors` maps each field to a message for the reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import registry
from .core import ui
from .core.parse import InputError
from .core.text import DEFAULT_LOCALE
from .registry import requirements
from .render.html import render_result

__all__ = [
    "InputError",
    "calculator_ids",
    "catalog",
    "render",
    "requirements",
    "run",
    "ui_messages",
]


def calculator_ids() -> list[str]:
    return list(registry.IDS)


def catalog(locale: str = DEFAULT_LOCALE) -> list[dict[str, Any]]:
    return [registry.load(cid).catalog_entry(locale) for cid in registry.IDS]


def run(
    calculator_id: str, inputs: Mapping[str, object] | None = None, locale: str = DEFAULT_LOCALE
) -> dict[str, Any]:
    """Validate `inputs` (absent fields take their defaults) and compute the result."""
    return registry.load(calculator_id, locale).run({} if inputs is None else inputs, locale)


def not_applying(
    calculator_id: str, inputs: Mapping[str, object], locale: str = DEFAULT_LOCALE
) -> list[str]:
    """Fields given in `inputs` that do not apply to them (their `applies_when` fails)."""
    return registry.load(calculator_id, locale).not_applying(inputs, locale)


def render(result: dict[str, Any], root: str = "") -> str:
    """The result as HTML; docs-path links resolve against `root`, the site's root as seen
    from the page ("../../" at build time, the page's `data-root` in the browser)."""
    return render_result(result, root)


def ui_messages(locale: str = DEFAULT_LOCALE) -> dict[str, str]:
    """The widget's, runtime's and scenario tools' own strings ('ui.*', 'share.*'), for the
    page template; a message with plural forms as one key per CLDR plural category
    ('share.imported.one', ...)."""
    return ui.ui_messages(locale)
