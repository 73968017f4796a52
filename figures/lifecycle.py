"""The outsourcing lifecycle: decide, select, contract, transition, run, renew or exit.

Every stage links to the guide page that explains it and to its calculator, so the drawing is
a group of links rather than an image. Wide: two rows of three that close into a loop;
narrow: one column with the way back drawn down its left side."""

from __future__ import annotations

from typing import Any

import calculators

from ._draw import FONT, Canvas, escape, wrap
from ._figure import NARROW, Context, Figure, calculator_page, raw_list

SMALL = 14


def _stage(canvas: Canvas, x: float, y: float, width: float, number: int, stage: dict[str, Any],
           text: dict[str, Any], context: Context) -> float:  # fmt: skip
    """A stage's box with its name (a link to its page), what it does, and its calculator."""
    inner = width - 20
    does = wrap(stage["does"], inner, SMALL)
    calculator = wrap(text["calculator"].format(name=stage["calculator"]), inner, SMALL)
    height = 14 + FONT * 1.2 + (len(does) + len(calculator)) * SMALL * 1.3 + 14
    canvas.rect(x, y, width, height, "fig-box")
    name = Canvas(canvas.width)
    name.text(x + 10, y + 8 + FONT, [f"{number}. {stage['name']}"], "fig-strong")
    canvas.link(context.url(stage["page"]), name)
    after = canvas.text(x + 10, y + 8 + FONT + SMALL * 1.4, does, "fig-small", size=SMALL)
    tool = Canvas(canvas.width)
    tool.text(x + 10, after + SMALL * 1.1, calculator, "fig-small", size=SMALL)
    canvas.link(context.url(stage["calculator_page"]), tool)
    return height


def _wide(canvas: Canvas, text: dict[str, Any], context: Context) -> float:
    stages = text["stages"]
    gap, width = 36, (canvas.width - 2 * 36 - 8) / 3
    top = 8.0
    # Row one left to right, row two right to left: the path turns down at the right edge and
    # comes back to the start along the left.
    first = max(_height(s, width, text) for s in stages[:3])
    second = max(_height(s, width, text) for s in stages[3:])
    row_two = top + first + 40
    for i, stage in enumerate(stages):
        column = i if i < 3 else 5 - i
        x = 4 + column * (width + gap)
        y = top if i < 3 else row_two
        _stage(canvas, x, y, width, i + 1, stage, text, context)
        if i in (0, 1):
            canvas.arrow(x + width + 3, y + 24, x + width + gap - 3, y + 24)
        elif i == 2:
            canvas.arrow(x + width / 2, y + first + 3, x + width / 2, row_two - 3)
        elif i in (3, 4):
            canvas.arrow(x - 3, y + 24, x - gap + 3, y + 24)
    # Renew: from the last stage back up to the first.
    back_x = 4 + width / 2
    canvas.arrow(back_x, row_two - 3, back_x, top + first + 3)
    canvas.text(back_x + 8, top + first + 24, [text["again"]], "fig-small", size=SMALL)
    return row_two + second + 8


def _height(stage: dict[str, Any], width: float, text: dict[str, Any]) -> float:
    inner = width - 20
    lines = len(wrap(stage["does"], inner, SMALL)) + len(
        wrap(text["calculator"].format(name=stage["calculator"]), inner, SMALL)
    )
    return 14 + FONT * 1.2 + lines * SMALL * 1.3 + 14


def _narrow(canvas: Canvas, text: dict[str, Any], context: Context) -> float:
    left, gap = 30, 26
    width = canvas.width - left - 2
    y = 4.0
    tops = []
    for i, stage in enumerate(text["stages"]):
        tops.append(y)
        height = _stage(canvas, left, y, width, i + 1, stage, text, context)
        y += height + gap
        if i < len(text["stages"]) - 1:
            canvas.arrow(left + width / 2, y - gap + 3, left + width / 2, y - 3)
    # The way back: out of the last box's left side, up the margin, into the first box.
    last = tops[-1] + 24
    canvas.path(f"M{left},{last:.1f} H10 V{tops[0] + 24:.1f}", "fig-arrow")
    canvas.arrow(10, tops[0] + 24, left - 2, tops[0] + 24)
    canvas.text(left, y - gap + SMALL + 8, [text["again"]], "fig-small", size=SMALL)
    return y - gap + SMALL + 14


def stages(text: dict[str, Any], locale: str) -> list[dict[str, Any]]:
    """The stages from the data file, each with its calculator's title and page."""
    titles = {c["id"]: c["title"] for c in calculators.catalog(locale)}
    return [
        {**stage, "calculator": titles[stage["calculator"]],
         "calculator_page": calculator_page(stage["calculator"])}
        for stage in text["stages"]
    ]  # fmt: skip


def build(figure_id: str, context: Context) -> Figure:
    text = {**context.labels(figure_id)}
    text["stages"] = stages(text, context.locale)
    items = [
        f'<a href="{escape(context.url(s["page"]))}">{escape(s["name"])}</a>: '
        f"{escape(s['does'])} ("
        f'<a href="{escape(context.url(s["calculator_page"]))}">'
        f"{escape(text['calculator'].format(name=s['calculator']))}</a>)"
        for s in text["stages"]
    ]
    return Figure(
        id=figure_id,
        title=text["title"],
        caption=text["caption"],
        draw=lambda canvas: (_narrow if canvas.width <= NARROW else _wide)(canvas, text, context),
        text=raw_list(items, ordered=True) + f"<p>{escape(text['again'])}</p>",
        interactive=True,
    )
