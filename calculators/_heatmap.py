"""A heat map as an HTML table: rows and columns are two 1-5 scales, each cell a band colour,
its score, and the names of what sits in it.

A real table (rather than an SVG picture) lets screen readers announce each cell with its row
and column headers; the colour only repeats what the score and the legend already say in text.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

BANDS = ("low", "medium", "high", "critical")


def _band(name: object) -> str:
    return name if isinstance(name, str) and name in BANDS else "low"


def heatmap_chart(chart: dict[str, Any], dom_id: str, locale: str) -> str:
    """chart: {title, x_label, y_label, corner, columns: [label], rows: [label],
    cells: [[{score, band, band_label, count, count_text, risks: [name]}]] (row by row, top to
    bottom), legend: [{band, text}]}. `locale` is unused: every text arrives formatted."""
    del locale
    columns: Sequence[str] = chart["columns"]
    rows: Sequence[str] = chart["rows"]
    cells: Sequence[Sequence[dict[str, Any]]] = chart["cells"]
    title_id = f"{dom_id}-title"
    x_label = f"{escape(chart['x_label'])}: "
    y_label = f"{escape(chart['y_label'])}: "

    head = "".join(
        f'<th scope="col"><span class="calc-visually-hidden">{x_label}</span>{escape(label)}</th>'
        for label in columns
    )
    body: list[str] = []
    for label, row in zip(rows, cells, strict=True):
        tds: list[str] = []
        for cell in row:
            names: Sequence[str] = cell["risks"]
            items = "".join(f"<li>{escape(name)}</li>" for name in names)
            tds.append(
                f'<td class="calc-heat-cell calc-heat-{_band(cell["band"])}" '
                f'data-count="{int(cell["count"])}">'
                f'<span class="calc-heat-score">{escape(str(cell["score"]))}'
                f'<span class="calc-visually-hidden"> ({escape(cell["band_label"])})</span></span>'
                + (
                    f'<span class="calc-heat-count">{escape(cell["count_text"])}</span>'
                    f'<ul class="calc-heat-risks">{items}</ul>'
                    if names
                    else ""
                )
                + "</td>"
            )
        body.append(
            f'<tr><th scope="row"><span class="calc-visually-hidden">{y_label}</span>'
            f"{escape(label)}</th>{''.join(tds)}</tr>"
        )
    legend = "".join(
        f'<li><span class="calc-heat-swatch calc-heat-{_band(entry["band"])}" '
        f'aria-hidden="true"></span>{escape(entry["text"])}</li>'
        for entry in chart.get("legend", ())
    )
    return (
        f'<div class="calc-heatmap" role="region" tabindex="0" aria-labelledby="{title_id}">'
        f'<table class="calc-heatmap-table"><caption id="{title_id}">{escape(chart["title"])}'
        f"</caption><thead><tr>"
        f'<th scope="col" class="calc-heat-corner">{escape(chart["corner"])}</th>{head}</tr>'
        f"</thead><tbody>{''.join(body)}</tbody></table></div>"
        + (f'<ul class="calc-heat-legend">{legend}</ul>' if legend else "")
    )
