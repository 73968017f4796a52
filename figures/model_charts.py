"""Charts that a calculator already draws, run on its defaults: the savings curve with its
break-even, and the make-or-buy cost lines. The figure is the calculator's own chart, so the
guide and the calculator page always show the same numbers."""

from __future__ import annotations

from typing import Any

import calculators

from ._chart import narrow_line_chart
from ._draw import Canvas, escape, format_number, line_chart
from ._figure import NARROW, Context, Figure, Link, calculator_page, html_table

# Figure id -> the calculator and its chart.
SOURCES = {
    "savings-curve": ("savings", "cumulative"),
    "make-or-buy-lines": ("make_or_buy", "cost_by_volume"),
}


def chart(figure_id: str, locale: str) -> dict[str, Any]:
    """The calculator's chart for its default inputs."""
    calculator, chart_id = SOURCES[figure_id]
    charts = calculators.run(calculator, {}, locale)["charts"]
    found: dict[str, Any] = next(c for c in charts if c["id"] == chart_id)
    return found


def rows(data: dict[str, Any], every: int, locale: str) -> list[list[str]]:
    """Every `every`-th point of the chart (and the last), one row per x value."""
    series = data["series"]
    xs = series[0]["x"]
    picks = sorted({*range(0, len(xs), every), len(xs) - 1})
    return [
        [format_number(xs[i], locale), *(format_number(s["y"][i], locale) for s in series)]
        for i in picks
    ]


def _narrow(data: dict[str, Any], dom_id: str, described_by: str, locale: str) -> str:
    canvas = Canvas(NARROW, dom_id)
    height = narrow_line_chart(canvas, data, locale)
    return canvas.svg(height, data["title"], described_by)


def build(figure_id: str, context: Context) -> Figure:
    text = context.labels(figure_id)
    data = chart(figure_id, context.locale)
    page = calculator_page(SOURCES[figure_id][0])
    legend = "".join(
        f'<li><span class="calc-swatch calc-series-{i}" aria-hidden="true"></span>'
        f"{escape(s['name'])}</li>"
        for i, s in enumerate(data["series"])
    )
    table = html_table(
        data["title"],
        [data["x_label"], *(f"{s['name']}: {data['y_label']}" for s in data["series"])],
        rows(data, int(text["every"]), context.locale),
    )
    marker = (data.get("marker") or {}).get("label", "")
    return Figure(
        id=figure_id,
        title=data["title"],
        caption=text["caption"],
        draw=None,
        text=f"<p>{escape(marker)}</p>{table}",
        links=(Link(text["link"], page),),
        svg=lambda width, dom_id: (
            f'<ul class="calc-legend" aria-hidden="true">{legend}</ul>'
            + (
                line_chart(data, dom_id, context.locale)
                if width > NARROW
                else _narrow(data, dom_id, f"fig-{figure_id}-text", context.locale)
            )
        ),
    )
