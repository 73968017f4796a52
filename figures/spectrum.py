"""The sourcing spectrum: six sourcing models by how much of the work you direct (left to
right) and by the value of the work (bottom to top). Positions are an ordering from the data
file, not a measurement, and the caption says so."""

from __future__ import annotations

from typing import Any

from ._draw import FONT, Canvas, wrap
from ._figure import NARROW, Context, Figure, html_table

SMALL = 14


def _wide(canvas: Canvas, text: dict[str, Any]) -> float:
    """Value levels as bands (highest on top), each labeled at its top left; models placed
    left to right by how much of the work you direct."""
    models = sorted(text["models"], key=lambda m: m["control"])
    levels: list[str] = text["value_levels"]
    left, right, top, row, label = 4, canvas.width - 4, 30, 92, 24
    column = (right - left) / len(models)
    canvas.text(left, 16, [text["value_axis"]], "fig-axis-label")
    for level, name in enumerate(levels):
        y = top + (len(levels) - 1 - level) * row
        canvas.rect(left, y, right - left, row - 6, f"fig-band fig-band-{level}", 2)
        canvas.text(left + 8, y + SMALL + 4, [name], "fig-small", size=SMALL)
    box = row - 6 - label - 8
    for model in models:
        level = int(model["value"])
        x = left + (int(model["control"]) - 1) * column
        y = top + (len(levels) - 1 - level) * row + label
        canvas.rect(x + 3, y, column - 6, box, "fig-box")
        lines = wrap(model["name"], column - 14, FONT)
        first = y + box / 2 - (len(lines) - 1) * FONT * 0.65 + FONT * 0.35
        canvas.text(x + column / 2, first, lines, "fig-strong", "middle")
    base = top + len(levels) * row + 4
    canvas.arrow(left, base + 10, right, base + 10)
    canvas.text(left, base + 32, [text["control_more"]], "fig-small", "start", SMALL)
    canvas.text(right, base + 32, [text["control_less"]], "fig-small", "end", SMALL)
    canvas.text((left + right) / 2, base + 32, [text["control_axis"]], "fig-axis-label", "middle")
    return base + 40


def _narrow(canvas: Canvas, text: dict[str, Any]) -> float:
    """One row per model, most direction by you first; the value of the work as a meter."""
    models = sorted(text["models"], key=lambda m: m["control"])
    levels: list[str] = text["value_levels"]
    left, right = 30, canvas.width - 2
    y = canvas.text(2, FONT, wrap(text["control_axis"], right), "fig-axis-label")
    y = canvas.text(2, y + SMALL * 1.4, [text["control_more"]], "fig-small", size=SMALL) + 8
    start = y
    for model in models:
        who = wrap(model["who"], right - left - 12, SMALL)
        value = levels[int(model["value"])]
        height = 12 + FONT * 1.3 + len(who) * SMALL * 1.3 + SMALL * 1.5
        canvas.rect(left, y, right - left, height - 6, "fig-box")
        after = canvas.text(left + 8, y + 6 + FONT, [model["name"]], "fig-strong")
        after = canvas.text(left + 8, after + SMALL * 1.1, who, "fig-small", size=SMALL)
        for step in range(len(levels)):
            cls = "fig-meter-on" if step <= int(model["value"]) else "fig-meter-off"
            canvas.rect(left + 8 + step * 14, after + 2, 10, 10, cls, 2)
        canvas.text(left + 8 + len(levels) * 14 + 4, after + 11, [f"{text['value_axis']}: {value}"],
                    "fig-small", size=SMALL)  # fmt: skip
        y += height
    canvas.arrow(14, start, 14, y - 8)
    canvas.text(2, y + SMALL * 0.8, [text["control_less"]], "fig-small", size=SMALL)
    return y + SMALL * 1.4


def build(figure_id: str, context: Context) -> Figure:
    text = context.labels(figure_id)
    models = sorted(text["models"], key=lambda m: m["control"])
    rows = [[m["name"], m["who"], text["value_levels"][int(m["value"])]] for m in models]
    return Figure(
        id=figure_id,
        title=text["title"],
        caption=text["caption"],
        draw=lambda canvas: (_narrow if canvas.width <= NARROW else _wide)(canvas, text),
        text=html_table(text["table_caption"], text["columns"], rows),
    )
