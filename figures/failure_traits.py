"""Five causes of failure, each paired with the trait of high-performing teams that prevents
it: one pair per dimension of the team health check, in its order and under its names."""

from __future__ import annotations

from typing import Any

from ._draw import FONT, Canvas, wrap
from ._figure import NARROW, Context, Figure, Link, calculator_page, html_table
from ._models import team_health, text_for

SMALL = 14


def pairs(text: dict[str, Any], locale: str) -> list[tuple[str, str, str]]:
    """(dimension name, cause, trait), in the team health check's order of dimensions."""
    by_dimension = {p["dimension"]: p for p in text["pairs"]}
    t = text_for(locale)
    return [
        (
            t.gettext(d.label),
            by_dimension[d.id]["cause"],
            by_dimension[d.id]["trait"],
        )
        for d in team_health.DIMENSIONS
    ]


def _box(canvas: Canvas, x: float, y: float, width: float, height: float, lines: list[str],
         cls: str) -> None:  # fmt: skip
    canvas.rect(x, y, width, height, cls)
    canvas.text(x + 10, y + (height - (len(lines) - 1) * FONT * 1.3) / 2 + FONT * 0.35, lines)


def _wide(canvas: Canvas, text: dict[str, Any], rows: list[tuple[str, str, str]]) -> float:
    label, gap = 150, 44
    width = (canvas.width - label - gap) / 2
    cause_x, trait_x = label, label + width + gap
    canvas.text(cause_x, 18, [text["cause_heading"]], "fig-axis-label")
    canvas.text(trait_x, 18, [text["trait_heading"]], "fig-axis-label")
    y = 30.0
    for name, cause, trait in rows:
        cause_lines, trait_lines = wrap(cause, width - 20), wrap(trait, width - 20)
        height = 16 + max(len(cause_lines), len(trait_lines)) * FONT * 1.3
        canvas.text(0, y + height / 2 + 5, wrap(name, label - 12, SMALL), "fig-strong fig-small",
                    size=SMALL)  # fmt: skip
        _box(canvas, cause_x, y, width, height, cause_lines, "fig-cause")
        _box(canvas, trait_x, y, width, height, trait_lines, "fig-trait")
        canvas.arrow(cause_x + width + 4, y + height / 2, trait_x - 4, y + height / 2)
        y += height + 12
    return y


def _narrow(canvas: Canvas, text: dict[str, Any], rows: list[tuple[str, str, str]]) -> float:
    width = canvas.width - 4
    y = 4.0
    for name, cause, trait in rows:
        canvas.text(2, y + SMALL, [name], "fig-strong fig-small", size=SMALL)
        y += SMALL + 8
        for lines, cls in ((wrap(cause, width - 20), "fig-cause"),
                           (wrap(trait, width - 20), "fig-trait")):  # fmt: skip
            height = 14 + len(lines) * FONT * 1.3
            _box(canvas, 2, y, width, height, lines, cls)
            y += height + (22 if cls == "fig-cause" else 0)
            if cls == "fig-cause":
                canvas.arrow(canvas.width / 2, y - 21, canvas.width / 2, y - 3)
        y += 18
    return y - 8


def build(figure_id: str, context: Context) -> Figure:
    text = context.labels(figure_id)
    rows = pairs(text, context.locale)
    return Figure(
        id=figure_id,
        title=text["title"],
        caption=text["caption"],
        draw=lambda canvas: (_narrow if canvas.width <= NARROW else _wide)(canvas, text, rows),
        text=html_table(text["table_caption"], text["columns"], [list(r) for r in rows]),
        links=(Link(text["link"], calculator_page("team_health")),),
    )
