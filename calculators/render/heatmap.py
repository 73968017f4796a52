"""A heat map as an HTML table: rows and columns are two 1-5 scales, each cell a band color,
its score, and the names of what sits in it.

A real table (rather than an SVG picture) lets screen readers announce each cell with its row
and column headers; the color only repeats what the score and the legend already say in text.
Names in the cells should be short single words or words joined by spaces: narrow cells wrap
between words, and each name is one list item (`calc-heat-risk`) so it never runs into the next.
"""

from __future__ import annotations

from html import escape

from ..core.results import HeatmapChart

BANDS = ("low", "medium", "high", "critical")


def _band(name: str) -> str:
    return name if name in BANDS else "low"


def heatmap_chart(chart: HeatmapChart, dom_id: str, locale: str) -> str:
    """`locale` is unused: every text arrives formatted."""
    del locale
    title_id = f"{dom_id}-title"
    x_label = f"{escape(chart.x_label)}: "
    y_label = f"{escape(chart.y_label)}: "
    head = "".join(
        f'<th scope="col"><span class="calc-visually-hidden">{x_label}</span>{escape(label)}</th>'
        for label in chart.columns
    )
    body: list[str] = []
    for label, row in zip(chart.rows, chart.cells, strict=True):
        tds: list[str] = []
        for cell in row:
            items = "".join(
                f'<li class="calc-heat-risk">{escape(name)}</li>' for name in cell.risks
            )
            tds.append(
                f'<td class="calc-heat-cell calc-heat-{_band(cell.band)}" '
                f'data-count="{int(cell.count)}">'
                f'<span class="calc-heat-score">{escape(str(cell.score))}'
                f'<span class="calc-visually-hidden"> ({escape(cell.band_label)})</span></span>'
                + (
                    f'<span class="calc-heat-count">{escape(cell.count_text)}</span>'
                    f'<ul class="calc-heat-risks">{items}</ul>'
                    if cell.risks
                    else ""
                )
                + "</td>"
            )
        body.append(
            f'<tr><th scope="row"><span class="calc-visually-hidden">{y_label}</span>'
            f"{escape(label)}</th>{''.join(tds)}</tr>"
        )
    legend = "".join(
        f'<li><span class="calc-heat-swatch calc-heat-{_band(entry.band)}" '
        f'aria-hidden="true"></span>{escape(entry.text)}</li>'
        for entry in chart.legend
    )
    return (
        f'<div class="calc-heatmap" role="region" tabindex="0" aria-labelledby="{title_id}">'
        f'<table class="calc-heatmap-table"><caption id="{title_id}">{escape(chart.title)}'
        f"</caption><thead><tr>"
        f'<th scope="col" class="calc-heat-corner">{escape(chart.corner)}</th>{head}</tr>'
        f"</thead><tbody>{''.join(body)}</tbody></table></div>"
        + (f'<ul class="calc-heat-legend">{legend}</ul>' if legend else "")
    )
