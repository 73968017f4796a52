"""A decision tree drawn from data: questions, each answered yes or no, leading to another
question or to an outcome that links to its page.

The guide's trees are ladders: at each question at most one answer leads on to a further
question, the other ends in an outcome (the last question may end in two). That shape reads
top to bottom on a laptop and on a phone alike, so both drawings share one layout that only
changes width. A tree of another shape is refused rather than drawn badly.

Data, under the figure's id in data/<locale>.toml:

    title, caption, yes, no      strings ("Yes", "No": the answers' labels)
    [[<id>.questions]]           id, text, yes, no   (yes/no: the id of a question or outcome)
    [[<id>.outcomes]]            id, name, page      (page: a site path such as "guide/x/")

The first question is where the tree starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._draw import FONT, Canvas, escape, wrap
from ._figure import NARROW, Context, Figure, raw_list

SMALL = 14


@dataclass(frozen=True)
class Step:
    """A question as drawn: its text, the answer that ends here and its outcome, and the answer
    that leads on (None on the last question, whose answers both end)."""

    number: int
    text: str
    ends: tuple[tuple[str, dict[str, Any]], ...]  # (answer label, outcome)
    onward: str | None  # the answer label that leads to the next step


def ladder(text: dict[str, Any]) -> list[Step]:
    """The questions in the order they are met, checked to form a ladder."""
    questions = {q["id"]: q for q in text["questions"]}
    outcomes = {o["id"]: o for o in text["outcomes"]}
    steps: list[Step] = []
    seen: set[str] = set()
    current: str | None = text["questions"][0]["id"]
    while current is not None:
        if current not in questions or current in seen:
            raise ValueError(f"decision tree: '{current}' is not a question, or loops back")
        seen.add(current)
        question = questions[current]
        ends, onward, following = [], None, None
        for answer in ("yes", "no"):
            target = question[answer]
            if target in outcomes:
                ends.append((str(text[answer]), outcomes[target]))
            elif following is None:
                onward, following = str(text[answer]), target
            else:
                raise ValueError(f"decision tree: both answers to '{current}' lead on")
        steps.append(Step(len(steps) + 1, str(question["text"]), tuple(ends), onward))
        current = following
    return steps


def draw(canvas: Canvas, steps: list[Step], context: Context) -> float:
    """Questions down the left; each ending answer points right (wide) or below (narrow) to its
    outcome, a link to its page; the onward answer points down to the next question."""
    narrow = canvas.width <= NARROW
    question_w = canvas.width - 8 if narrow else canvas.width * 0.5
    outcome_x = 40 if narrow else question_w + 90
    outcome_w = canvas.width - outcome_x - 4
    y = 4.0
    for step in steps:
        lines = wrap(f"{step.number}. {step.text}", question_w - 20)
        height = 16 + len(lines) * FONT * 1.3
        canvas.rect(4, y, question_w, height, "fig-box")
        canvas.text(14, y + 10 + FONT, lines, "fig-strong")
        top, bottom = y, y + height
        y = bottom + (20 if narrow else 0)
        for index, (answer, outcome) in enumerate(step.ends):
            names = wrap(outcome["name"], outcome_w - 20)
            box = 14 + len(names) * FONT * 1.3
            box_y = y if narrow else top + index * (box + 10)
            if narrow:
                middle = box_y + box / 2
                canvas.path(f"M20,{box_y - 14:.1f} V{middle:.1f}", "fig-arrow")
                canvas.arrow(20, middle, outcome_x - 3, middle)
                canvas.text(outcome_x, box_y - 3, [answer], "fig-small", size=SMALL)
            else:
                canvas.arrow(question_w + 8, box_y + box / 2, outcome_x - 4, box_y + box / 2)
                canvas.text(question_w + 14, box_y + box / 2 - 6, [answer], "fig-small", size=SMALL)
            canvas.rect(outcome_x, box_y, outcome_w, box, "fig-box-quiet")
            link = Canvas(canvas.width)
            link.text(outcome_x + 10, box_y + 8 + FONT, names)
            canvas.link(context.url(outcome["page"]), link)
            y = max(y, box_y + box + 22) if narrow else max(y, bottom, box_y + box)
        if step.onward is not None:
            canvas.arrow(question_w / 2, y + 2, question_w / 2, y + 32)
            canvas.text(question_w / 2 + 8, y + 22, [step.onward], "fig-small", size=SMALL)
            y += 36
    return y + 4


def build_from(figure_id: str, text: dict[str, Any], context: Context) -> Figure:
    steps = ladder(text)

    def item(step: Step) -> str:
        parts = [
            f'{escape(answer)}: <a href="{escape(context.url(o["page"]))}">{escape(o["name"])}</a>'
            for answer, o in step.ends
        ]
        if step.onward is not None:
            parts.append(f"{escape(step.onward)}: {escape(str(step.number + 1))}.")
        return f"{escape(step.text)} {'; '.join(parts)}"

    return Figure(
        id=figure_id,
        title=text["title"],
        caption=text["caption"],
        draw=lambda canvas: draw(canvas, steps, context),
        text=raw_list([item(s) for s in steps], ordered=True),
        interactive=True,
    )


def build(figure_id: str, context: Context) -> Figure:
    return build_from(figure_id, context.labels(figure_id), context)
