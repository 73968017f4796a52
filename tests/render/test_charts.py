"""The bars, columns and heat-map renderers, each taking its typed spec."""

from __future__ import annotations

from calculators.core.results import (
    Bar,
    BarsChart,
    Column,
    ColumnMarker,
    ColumnsChart,
    HeatCell,
    HeatLegendEntry,
    HeatmapChart,
    Reference,
)
from calculators.render.bars import bars_chart
from calculators.render.columns import columns_chart
from calculators.render.heatmap import heatmap_chart
from calculators.render.html import CHARTS
from calculators.render.svg import scaled_labels


def test_every_kind_is_registered_and_reads_its_json_back_into_the_spec() -> None:
    chart = BarsChart("b", "t", "x", [Bar("a", 0, 5, "5")], Reference(2, "ref"))
    assert CHARTS["bars"](chart.as_dict(), "d", "en") == bars_chart(chart, "d", "en")
    columns = ColumnsChart("c", "t", "x", "y", [Column("a", 1)])
    assert CHARTS["columns"](columns.as_dict(), "d", "en") == columns_chart(columns, "d", "en")
    assert set(CHARTS) == {"line", "bars", "columns", "heatmap"}


def test_scaled_labels_use_one_unit_per_axis() -> None:
    """Issue 7: histogram ticks read '1,050k'; in one unit for the axis they read '1.05M'."""
    edges = [1_000_000.0, 1_050_000.0, 1_100_000.0]
    assert scaled_labels(edges, 50_000, "en") == ["1.00M", "1.05M", "1.10M"]
    assert scaled_labels([-200_000.0, 0.0, 1_200_000.0], 200_000, "en") == [
        "\u22120.2M", "0", "1.2M"
    ]  # fmt: skip
    assert scaled_labels([37_500.0], 12_500, "en") == ["37.5k"]
    assert scaled_labels([37_500.0], 12_500, "fi") == ["37,5k"]
    assert scaled_labels([0.0, 2.5, 7.5], 2.5, "en") == ["0", "2.5", "7.5"]
    assert scaled_labels([2e9, 4e9], 2e9, "en") == ["2B", "4B"]


def test_column_chart_escapes_text_and_marks_a_column() -> None:
    chart = ColumnsChart(
        "c", "<T>", "x & y", "%",
        [Column("<a>", 3, "3 <b>", "bad"), Column("b", 0, tone="good"), Column("c", 7.5)],
        marker=ColumnMarker("<m>", index=2),
    )  # fmt: skip
    svg = columns_chart(chart, "calc-x-c", "en")
    assert svg.count("<rect") == 3
    assert "<a>" not in svg and "&lt;a&gt;" in svg and "&lt;m&gt;" in svg
    assert 'class="calc-bar calc-bar-bad calc-column"' in svg
    assert 'class="calc-bar calc-bar-neutral calc-column"' in svg
    assert 'class="calc-marker"' in svg


def test_column_chart_marker_on_the_edges_scale_and_outside() -> None:
    columns = [Column(str(i), i) for i in range(4)]
    edges = [-20, -10, 0, 10, 20]
    svg = columns_chart(ColumnsChart("h", "t", "x", "y", columns, edges,
                                     ColumnMarker("zero", x=0)), "h", "en")  # fmt: skip
    # Zero is the middle edge: halfway across the plot (left 76, right 640 - 16).
    assert 'x1="350.0"' in svg and ">zero<" in svg
    assert ">\u221220<" in svg and ">20<" in svg
    far = ColumnsChart("h", "t", "x", "y", columns, edges, ColumnMarker("far", x=99))
    assert ">far<" not in columns_chart(far, "h", "en")


def test_histogram_edges_read_in_millions() -> None:
    edges = [1_000_000 + 50_000 * i for i in range(5)]
    chart = ColumnsChart("h", "t", "x", "y", [Column(str(i), 1) for i in range(4)], edges)
    svg = columns_chart(chart, "h", "en")
    assert ">1.05M<" in svg and "1,050k" not in svg


def test_column_chart_y_ticks_keep_the_decimals_of_the_step() -> None:
    # Values 0 to 12 give y ticks every 2.5: 7.5 must not read "8".
    svg = columns_chart(ColumnsChart("y", "t", "x", "y", [Column("a", 12)]), "y", "en")
    assert ">7.5<" in svg and ">2.5<" in svg and ">0<" in svg


def test_bars_chart_draws_each_bar_and_the_reference() -> None:
    chart = BarsChart("b", "Tornado", "NPV", [Bar("<Price>", -100_000, 300_000, "€400,000", "bad"),
                                              Bar("Dip", 50_000, 150_000, "€100,000")],
                      Reference(100_000, "Likely"))  # fmt: skip
    svg = bars_chart(chart, "calc-b", "en")
    assert svg.count("<rect") == 2
    assert "&lt;Price&gt;" in svg and 'class="calc-bar calc-bar-bad"' in svg
    assert ">Likely<" in svg and 'class="calc-marker"' in svg
    assert "<desc" in svg and "Dip: €100,000" in svg


def test_heatmap_is_a_table_with_a_class_per_name() -> None:
    cell = HeatCell(4, "low", "low", 1, "1 risk", ["<Comms>"])
    empty = HeatCell(2, "bogus", "low", 0, "", [])
    grid = [[cell, empty], [empty, empty]]
    legend = [HeatLegendEntry("low", "Low")]
    chart = HeatmapChart("h", "Title", "Impact", "Likelihood", "corner", ["1", "2"], ["2", "1"],
                         grid, legend)  # fmt: skip
    html = heatmap_chart(chart, "calc-h", "en")
    assert '<li class="calc-heat-risk">&lt;Comms&gt;</li>' in html
    assert html.count('<th scope="row">') == 2
    assert "calc-heat-bogus" not in html  # an unknown band falls back to low
    assert '<ul class="calc-heat-legend">' in html
