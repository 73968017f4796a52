"""Hidden costs below the waterline: the vendor's price is what shows; Barthélemy's four
groups of hidden costs sit below it, each with the guide's cost items, and governance carries
its cited typical size (the numbers come from the data file's cited sources)."""

from __future__ import annotations

from typing import Any

from ._draw import FONT, Canvas, escape, format_number, wrap
from ._figure import NARROW, Context, Figure, Link, calculator_page, html_table

SMALL = 14


def sizes(text: dict[str, Any], locale: str) -> dict[str, str]:
    """Each cited figure's label, by name ("governance" -> "Governance: 3% to 6% ...")."""
    return {
        source["figure"]: text[source["figure"]].format(
            low=format_number(source["low"], locale), high=format_number(source["high"], locale)
        )
        for source in text["sources"]
    }


def _group(canvas: Canvas, x: float, y: float, width: float, group: dict[str, Any],
           size: str) -> float:  # fmt: skip
    inner = width - 20
    name = wrap(group["name"], inner)
    items = [line for item in group["items"] for line in wrap(f"• {item}", inner, SMALL)]
    note = wrap(size, inner, SMALL) if size else []
    height = 10 + len(name) * FONT * 1.3 + (len(items) + len(note)) * SMALL * 1.3 + 14
    canvas.rect(x, y, width, height, "fig-box")
    after = canvas.text(x + 10, y + 8 + FONT, name, "fig-strong")
    after = canvas.text(x + 10, after + SMALL * 1.2, items, "fig-small", size=SMALL)
    if note:
        canvas.text(x + 10, after + SMALL * 1.3, note, "fig-strong fig-small", size=SMALL)
    return height


def _group_height(group: dict[str, Any], width: float, size: str) -> float:
    inner = width - 20
    items = sum(len(wrap(f"• {item}", inner, SMALL)) for item in group["items"])
    note = len(wrap(size, inner, SMALL)) if size else 0
    return 10 + len(wrap(group["name"], inner)) * FONT * 1.3 + (items + note) * SMALL * 1.3 + 14


def draw(canvas: Canvas, text: dict[str, Any], cited: dict[str, str]) -> float:
    groups = text["groups"]
    narrow = canvas.width <= NARROW
    columns = 1 if narrow else 2
    margin = 26 if narrow else 60
    width = (canvas.width - 2 * margin - (columns - 1) * 16) / columns
    tip, water = 20.0, 96.0
    middle = canvas.width / 2
    heights = [_group_height(g, width, cited.get(g.get("size", ""), "")) for g in groups]
    rows = [max(heights[i : i + columns]) for i in range(0, len(groups), columns)]
    first = water + 40  # the top of the first row of groups
    bottom = first + sum(rows) + 16 * (len(rows) - 1) + 30
    canvas.rect(0, water, canvas.width, bottom - water, "fig-water", 0)
    # The ice: a small peak above the water, widening below it around the four groups.
    peak, wide_l, wide_r = (110 if narrow else 150), margin - 14, canvas.width - margin + 14
    points = [
        (middle - 40, tip), (middle + 35, tip + 4), (middle + peak, water),
        (wide_r, first - 8), (wide_r, bottom - 40), (middle + 40, bottom - 4),
        (wide_l, bottom - 24), (wide_l, first - 8), (middle - peak, water),
    ]  # fmt: skip
    canvas.path("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in points) + " Z", "fig-ice")
    canvas.line(0, water, canvas.width, water, "fig-waterline")
    canvas.text(canvas.width - 4, water - 6, [text["waterline"]], "fig-small", "end", SMALL)
    canvas.text(middle, tip + 30, [text["visible"]], "fig-strong", "middle")
    canvas.text(middle, tip + 30 + FONT * 1.3, [text["visible_note"]], "fig-small", "middle",
                SMALL)  # fmt: skip
    y = first
    for row, row_height in enumerate(rows):
        for column in range(columns):
            index = row * columns + column
            if index < len(groups):
                group = groups[index]
                x = margin + column * (width + 16)
                _group(canvas, x, y, width, group, cited.get(group.get("size", ""), ""))
        y += row_height + 16
    return bottom


def build(figure_id: str, context: Context) -> Figure:
    text = context.labels(figure_id)
    cited = sizes(text, context.locale)
    rows = [
        [g["name"], "; ".join(g["items"]), cited.get(g.get("size", ""), text["no_size"])]
        for g in text["groups"]
    ]
    return Figure(
        id=figure_id,
        title=text["title"],
        caption=text["caption"],
        draw=lambda canvas: draw(canvas, text, cited),
        text=f"<p>{escape(text['visible'])}: {escape(text['visible_note'])}.</p>"
        + html_table(text["table_caption"], text["columns"], rows),
        links=(Link(text["link"], calculator_page("savings")),),
    )
