"""The governance rhythm: each forum of the guide's rhythm, who attends and what it decides,
with one mark for every meeting in a year, so the rhythm shows as density."""

from __future__ import annotations

from typing import Any

from ._draw import FONT, Canvas, escape, wrap
from ._figure import NARROW, Context, Figure, html_table

SMALL = 14


def frequency(forum: dict[str, Any], text: dict[str, Any]) -> str:
    count = int(forum["per_year"])
    return str(text["count"].format(count=count) if count else text["continuous"])


def _forum(canvas: Canvas, x: float, y: float, width: float, height: float,
           forum: dict[str, Any], text: dict[str, Any]) -> None:  # fmt: skip
    """A forum's card; its year strip sits at the card's foot, level with its neighbour's."""
    inner = width - 20
    head = wrap(f"{forum['name']}: {forum['often']}", inner)
    who = wrap(text["who_label"].format(who=forum["who"]), inner, SMALL)
    decides = wrap(text["decides_label"].format(decides=forum["decides"]), inner, SMALL)
    canvas.rect(x, y, width, height, "fig-box-quiet")
    after = canvas.text(x + 10, y + 8 + FONT, head, "fig-strong")
    after = canvas.text(x + 10, after + SMALL * 1.2, who, "fig-small", size=SMALL)
    canvas.text(x + 10, after + SMALL * 1.1, decides, "fig-small", size=SMALL)
    # The year: one mark per meeting, or a continuous bar, with its count above it.
    strip_y, strip_w = y + height - 24, inner
    canvas.text(x + 10 + strip_w, strip_y - 6, [frequency(forum, text)], "fig-small", "end",
                SMALL)  # fmt: skip
    count = int(forum["per_year"])
    canvas.line(x + 10, strip_y + 14, x + 10 + strip_w, strip_y + 14, "fig-rule")
    if count == 0:
        canvas.rect(x + 10, strip_y, strip_w, 12, "fig-meeting", 2)
    else:
        step = strip_w / count
        mark = max(1.5, min(10.0, step - 1.5))
        for k in range(count):
            canvas.rect(x + 10 + k * step + (step - mark) / 2, strip_y, mark, 12, "fig-meeting", 1)


def _height(forum: dict[str, Any], width: float, text: dict[str, Any]) -> float:
    inner = width - 20
    lines = len(wrap(text["who_label"].format(who=forum["who"]), inner, SMALL)) + len(
        wrap(text["decides_label"].format(decides=forum["decides"]), inner, SMALL)
    )
    head = len(wrap(f"{forum['name']}: {forum['often']}", inner))
    return 12 + head * FONT * 1.3 + lines * SMALL * 1.3 + 56


def draw(canvas: Canvas, text: dict[str, Any]) -> float:
    forums = text["forums"]
    columns = 1 if canvas.width <= NARROW else 2
    gap = 14
    width = (canvas.width - (columns - 1) * gap) / columns
    y = 2.0
    for start in range(0, len(forums), columns):
        row = forums[start : start + columns]
        height = max(_height(f, width, text) for f in row)
        for column, forum in enumerate(row):
            x = column * (width + gap)
            _forum(canvas, x, y, width, height, forum, text)
        y += height + gap
    return y - gap + 2


def build(figure_id: str, context: Context) -> Figure:
    text = context.labels(figure_id)
    rows = [[f["name"], f["often"], f["who"], f["decides"]] for f in text["forums"]]
    counts = [f"{escape(f['name'])}: {escape(frequency(f, text))}" for f in text["forums"]]
    return Figure(
        id=figure_id,
        title=text["title"],
        caption=text["caption"],
        draw=lambda canvas: draw(canvas, text),
        text=html_table(text["table_caption"], text["columns"], rows)
        + f"<ul>{''.join(f'<li>{c}</li>' for c in counts)}</ul>",
    )
