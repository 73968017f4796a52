"""Figures for the guide, drawn at build time as inline SVG.

    figure_ids()                    -> the ids a page may name in `<!-- figure: ID -->`
    render(id, context)             -> the `<figure>` HTML: two drawings, caption, text version

Each figure is one module with `ID` and `build(context) -> Figure`. Labels come from
`data/<locale>.toml`; numbers come from the calculators' models or from cited sources.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from ._figure import Context, Figure, to_html

__all__ = ["Context", "Figure", "UnknownFigureError", "figure_ids", "render"]

# Module names, by figure id. A figure joins the guide by joining this table.
_MODULES = {
    "sourcing-spectrum": "spectrum",
    "shared-hours": "shared_hours",
    "lifecycle": "lifecycle",
    "hidden-costs": "hidden_costs",
    "failure-and-traits": "failure_traits",
    "governance-rhythm": "governance",
    "savings-curve": "model_charts",
    "make-or-buy-lines": "model_charts",
    "decision-tree": "tree",
}


class UnknownFigureError(KeyError):
    def __str__(self) -> str:
        return f"unknown figure '{self.args[0]}' (known: {', '.join(_MODULES)})"


def figure_ids() -> list[str]:
    return list(_MODULES)


def _module(figure_id: str) -> ModuleType:
    if figure_id not in _MODULES:
        raise UnknownFigureError(figure_id)
    return import_module(f".{_MODULES[figure_id]}", __name__)


def build(figure_id: str, context: Context | None = None) -> Figure:
    figure: Figure = _module(figure_id).build(figure_id, context or Context())
    return figure


def render(figure_id: str, context: Context | None = None) -> str:
    context = context or Context()
    return to_html(build(figure_id, context), context)
