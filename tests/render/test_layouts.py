"""Each chart drawn for a layout: the narrow drawing (phones) is 360 units across with larger
type, fewer ticks, wrapped labels and bar labels over their bars; the page gets both."""

from __future__ import annotations

import re
from itertools import pairwise

import calculators
from calculators.core.results import (
    Bar,
    BarsChart,
    Column,
    ColumnsChart,
    HeatCell,
    HeatmapChart,
    LineChart,
    Series,
)
from calculators.render.bars import bars_chart
from calculators.render.columns import columns_chart
from calculators.render.heatmap import heatmap_chart, short
from calculators.render.line import line_chart
from calculators.render.svg import NARROW, WIDE

LONG = "Net present value (EUR); the others at their likely value, and a few more words"


def view_box(svg: str) -> list[float]:
    found = re.search(r'viewBox="([^"]+)"', svg)
    assert found
    return [float(v) for v in found.group(1).split()]


def texts(svg: str) -> list[str]:
    return re.findall(r"<(?:text|tspan)\b[^>]*>([^<]+)<", svg)


def line() -> LineChart:
    xs = list(range(0, 61, 6))
    return LineChart("l", "Title", "Month", LONG, [
        Series("a", "A", xs, [x * 40_000.0 for x in xs]),
        Series("b", "B", xs, [x * 30_000.0 + 100_000 for x in xs]),
    ])  # fmt: skip


def test_the_narrow_line_chart_is_360_wide_with_fewer_ticks_and_a_wrapped_label() -> None:
    wide, narrow = line_chart(line(), "w", "en"), line_chart(line(), "n", "en", NARROW)
    assert view_box(wide)[2] == 640 and view_box(narrow)[2] == 360
    assert narrow.count('class="calc-grid"') < wide.count('class="calc-grid"')
    assert "<tspan" in narrow and "<tspan" not in wide  # the long y label wraps on a phone
    longest = max(len(t) for t in texts(narrow))
    assert longest * 0.6 * NARROW.font <= 360
    # The wrapped label pushes the plot down: the drawing grows rather than shrinks.
    assert view_box(narrow)[3] > NARROW.top + NARROW.plot_height + NARROW.bottom


def test_narrow_x_ticks_are_compact() -> None:
    chart = LineChart("l", "t", "Volume", "y", [Series("a", "A", [0, 50_000], [1.0, 2.0])])
    assert ">50,000<" in line_chart(chart, "w", "en")
    assert ">40k<" in line_chart(chart, "n", "en", NARROW)


def test_narrow_bars_put_each_label_over_its_bar() -> None:
    chart = BarsChart("b", "t", "x", [Bar("Vendor price per FTE-month", 0, 5, "€5")])
    wide, narrow = bars_chart(chart, "w", "en"), bars_chart(chart, "n", "en", NARROW)
    assert 'text-anchor="end" dominant-baseline="middle">Vendor price' in wide
    label = re.search(r'<text class="calc-tick" x="([\d.]+)" y="([\d.]+)" text-anchor="start">'
                      r"Vendor price", narrow)  # fmt: skip
    bar = re.search(r'<rect class="calc-bar calc-bar-neutral" x="([\d.]+)" y="([\d.]+)"', narrow)
    assert label and bar
    assert float(label.group(2)) < float(bar.group(2))  # above the bar
    assert float(label.group(1)) <= float(bar.group(1)) + 1  # from its left end


def test_narrow_columns_thin_their_labels_to_fit() -> None:
    columns = [Column(f"c{i}", i) for i in range(20)]
    edges = [100_000.0 * i for i in range(21)]
    chart = ColumnsChart("c", "t", "x", "y", columns, edges)
    narrow = columns_chart(chart, "n", "en", NARROW)
    ticks = re.findall(r'<text class="calc-tick" x="([\d.]+)" y="[\d.]+" text-anchor="middle"',
                       narrow)  # fmt: skip
    xs = sorted(float(x) for x in ticks)
    assert len(xs) >= 3
    assert min(b - a for a, b in pairwise(xs)) >= 0.6 * NARROW.font * 5


def test_the_narrow_heat_map_is_a_grid_of_scores_then_its_occupied_cells() -> None:
    occupied = HeatCell(8, "medium", "medium", 2, "2 risks", ["<Comms>", "Morale"])
    empty = HeatCell(1, "low", "low", 0, "", [])
    chart = HeatmapChart("h", "Title", "Impact", "Likelihood", "corner",
                         ["1 \u2013 minor", "2 \u2013 major"], ["2 \u2013 likely", "1 \u2013 rare"],
                         [[occupied, empty], [empty, empty]])  # fmt: skip
    html = heatmap_chart(chart, "n", "en", NARROW)
    assert html.count('<td class="calc-heat-cell ') == 4
    assert '<th scope="col">2</th>' in html and "minor</th>" not in html
    items = re.findall(r'<ul class="calc-heat-cells"><li>(.*?)</li></ul>', html)
    assert len(items) == 1 and "Likelihood: 2 \u2013 likely" in items[0]
    assert "Impact: 1 \u2013 minor" in items[0] and "&lt;Comms&gt;" in items[0]
    assert short("Impact: severe") == "Impact" and short("plain") == "plain"


def test_every_chart_of_every_calculator_is_drawn_wide_and_narrow() -> None:
    for calculator_id in calculators.calculator_ids():
        result = calculators.run(calculator_id)
        html = calculators.render(result)
        for chart in result["charts"]:
            figure = html.split(f'data-chart="{chart["id"]}"', 1)[1].split("</figure>", 1)[0]
            wide, narrow = figure.split('<div class="calc-chart-narrow">')
            assert '<div class="calc-chart-wide">' in wide, calculator_id
            dom_id = f"calc-{calculator_id}-{chart['id']}"
            # Ids stay unique on the page: the narrow drawing names its own.
            assert f'id="{dom_id}-title"' in wide and f'id="{dom_id}-narrow-title"' in narrow
            if chart["kind"] != "heatmap":
                assert view_box(wide)[2] == WIDE.width and view_box(narrow)[2] == NARROW.width
