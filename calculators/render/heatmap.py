"""A heat map as an HTML table: rows and columns are two 1-5 scales, each cell a band color,
its score, and the names of what sits in it.

A real table (rather than an SVG picture) lets screen readers announce each cell with its row
and column headers; the color only repeats what the score and the legend already say in text.
Names in the cells should be short single words or words joined by spaces: narrow cells wrap
between words, and each name is one list item (`calc-heat-risk`) so it never runs into the next.

A phone has no room for twenty-five cells of names: its drawing (`NARROW`) is the same grid
with short headings and each cell's score and count, followed by the occupied cells, highest
score first, each with its full row and column names and the names of what sits in it.
"""

from __future__ import annotations

from html import escape

from ..core.results import HeatCell, HeatmapChart
from .svg import WIDE, Layout

BANDS = ("low", "medium", "high", "critical")


def _band(name: str) -> str:
    return name if name in BANDS else "low"


def heatmap_chart(chart: HeatmapChart, dom_id: str, locale: str, layout: Layout = WIDE) -> str:
    """`locale` is unused: every text arrives formatted."""
    del locale
    if layout.labels_above:
        return _compact(chart, dom_id)
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
    return (
        f'<div class="calc-heatmap" role="region" tabindex="0" aria-labelledby="{title_id}">'
        f'<table class="calc-heatmap-table"><caption id="{title_id}">{escape(chart.title)}'
        f"</caption><thead><tr>"
        f'<th scope="col" class="calc-heat-corner">{escape(chart.corner)}</th>{head}</tr>'
        f"</thead><tbody>{''.join(body)}</tbody></table></div>" + _legend(chart)
    )


def _legend(chart: HeatmapChart) -> str:
    legend = "".join(
        f'<li><span class="calc-heat-swatch calc-heat-{_band(entry.band)}" '
        f'aria-hidden="true"></span>{escape(entry.text)}</li>'
        for entry in chart.legend
    )
    return f'<ul class="calc-heat-legend">{legend}</ul>' if legend else ""


def short(label: str) -> str:
    """A heading's leading part: '4 - likely (about once in 2 years)' -> '4' (with an en
    dash, a hyphen or a colon after the leading part)."""
    for separator in (" \u2013 ", " - ", ": "):
        if separator in label:
            return label.split(separator, 1)[0]
    return label


def _compact(chart: HeatmapChart, dom_id: str) -> str:
    """The grid with short headings and no names, then the occupied cells named in full."""
    title_id = f"{dom_id}-title"
    head = "".join(f'<th scope="col">{escape(short(label))}</th>' for label in chart.columns)
    body = "".join(
        f'<tr><th scope="row">{escape(short(label))}</th>'
        + "".join(
            f'<td class="calc-heat-cell calc-heat-{_band(cell.band)}" '
            f'data-count="{int(cell.count)}">'
            f'<span class="calc-heat-score">{escape(str(cell.score))}</span>'
            + (
                f'<span class="calc-heat-count">{escape(cell.count_text)}</span>'
                if cell.risks
                else ""
            )
            + "</td>"
            for cell in row
        )
        + "</tr>"
        for label, row in zip(chart.rows, chart.cells, strict=True)
    )
    occupied: list[tuple[HeatCell, str, str]] = [
        (cell, row_label, column_label)
        for row_label, row in zip(chart.rows, chart.cells, strict=True)
        for column_label, cell in zip(chart.columns, row, strict=True)
        if cell.risks
    ]
    occupied.sort(key=lambda found: -float(found[0].score))
    items = "".join(
        f'<li><span class="calc-heat-swatch calc-heat-{_band(cell.band)}" aria-hidden="true">'
        f"</span><strong>{escape(str(cell.score))} ({escape(cell.band_label)})</strong>"
        f'<span class="calc-heat-where">{escape(chart.y_label)}: {escape(row_label)}</span>'
        f'<span class="calc-heat-where">{escape(chart.x_label)}: {escape(column_label)}</span>'
        f'<ul class="calc-heat-risks">'
        + "".join(f'<li class="calc-heat-risk">{escape(name)}</li>' for name in cell.risks)
        + "</ul></li>"
        for cell, row_label, column_label in occupied
    )
    return (
        f'<div class="calc-heatmap calc-heatmap-compact">'
        f'<table class="calc-heatmap-table"><caption id="{title_id}">{escape(chart.title)}'
        f'<span class="calc-heat-axes">{escape(chart.corner)}</span></caption>'
        f'<thead><tr><th scope="col" class="calc-heat-corner">{escape(chart.y_label)}</th>'
        f"{head}</tr></thead><tbody>{body}</tbody></table></div>"
        + (f'<ul class="calc-heat-cells">{items}</ul>' if items else "")
        + _legend(chart)
    )
