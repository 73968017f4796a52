"""What a figure module returns, what it is given, and the `<figure>` they become."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ._draw import Canvas, escape

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_LOCALE = "en"

# The two drawings of every figure: the wide one for laptops and tablets, the narrow one for
# phones (figures.css shows one of them). Widths are in user units, drawn at about 1:1.
WIDE, NARROW = 720, 360


@cache
def labels(locale: str = DEFAULT_LOCALE) -> dict[str, Any]:
    """Every reader-facing string of the figures, by figure id (data/<locale>.toml)."""
    path = DATA / f"{locale}.toml"
    if not path.is_file():
        # No English in a translated page: a language without its labels has no figures.
        raise FileNotFoundError(f"the figures have no labels for '{locale}' ({path.name})")
    with path.open("rb") as file:
        return tomllib.load(file)


@dataclass(frozen=True)
class Context:
    """What a figure needs from the page it is drawn for."""

    locale: str = DEFAULT_LOCALE
    # Turns a site path ("guide/deciding/#make-or-buy") into a URL relative to the page.
    url: Callable[[str], str] = lambda path: path

    def labels(self, figure_id: str) -> dict[str, Any]:
        table: dict[str, Any] = labels(self.locale)[figure_id]
        return table

    def common(self, key: str) -> str:
        return str(labels(self.locale)["common"][key])


def calculator_page(calculator_id: str) -> str:
    """The site path of a calculator's page: docs/calculators/<id, with hyphens>.md."""
    return f"calculators/{calculator_id.replace('_', '-')}/"


@dataclass(frozen=True)
class Link:
    text: str
    path: str  # a site path, made relative to the page by Context.url


@dataclass(frozen=True)
class Figure:
    id: str
    title: str  # names the drawing
    caption: str
    draw: Callable[[Canvas], float] | None  # draws at canvas.width; returns the height used
    text: str  # the text alternative, as HTML (lists or a table; every string escaped)
    links: tuple[Link, ...] = field(default=())
    interactive: bool = False  # the drawing holds links
    # A chart drawn whole by the calculators' renderer: (width, dom id) -> <svg>. Replaces draw.
    svg: Callable[[int, str], str] | None = None


def to_html(figure: Figure, context: Context) -> str:
    """The figure as a `<figure>`: both drawings, the caption, and the text alternative."""
    base = f"fig-{figure.id}"
    alt_id = f"{base}-text"
    drawings = []
    for variant, width in (("wide", WIDE), ("narrow", NARROW)):
        canvas = Canvas(width, f"{base}-{variant}")
        if figure.svg is not None:
            svg = figure.svg(width, canvas.dom_id)
            start = svg.index("<svg ")
            if "aria-describedby" not in svg[start : svg.index(">", start)]:
                # The chart names and describes itself; the text version describes it further.
                svg = svg.replace("<svg ", f'<svg aria-describedby="{alt_id}" ', 1)
        else:
            assert figure.draw is not None, figure.id
            height = figure.draw(canvas)
            svg = canvas.svg(height, figure.title, alt_id, links=figure.interactive)
        drawings.append(f'<div class="fig-{variant}">{svg}</div>')
    links = "".join(
        f' <a href="{escape(context.url(link.path))}">{escape(link.text)}</a>'
        for link in figure.links
    )
    return (
        f'<figure class="fig" id="{base}" data-figure="{escape(figure.id)}">'
        f"{''.join(drawings)}"
        f"<figcaption>{escape(figure.caption)}{links}</figcaption>"
        f'<details class="fig-text" id="{alt_id}">'
        f"<summary>{escape(context.common('text_version'))}</summary>{figure.text}</details>"
        "</figure>"
    )


def html_list(items: list[str], ordered: bool = False) -> str:
    """Escaped items as a list (items that are already HTML go through `raw_list`)."""
    return raw_list([escape(item) for item in items], ordered)


def raw_list(items: list[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>{''.join(f'<li>{item}</li>' for item in items)}</{tag}>"


def html_table(caption: str, columns: list[str], rows: list[list[str]]) -> str:
    """A table whose first cell in each row heads it; every string escaped."""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<th scope="row">{escape(cell)}</th>' if i == 0 else f"<td>{escape(cell)}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    # A focusable region, so a reader on the keyboard can scroll a wide table on a phone.
    return (
        f'<div class="fig-table" role="region" tabindex="0" aria-label="{escape(caption)}">'
        f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
    )
