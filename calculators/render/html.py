"""Results as HTML: one renderer for the prerendered page and the live browser.

Every string from a result is escaped, so text a reader typed (names of vendors, places)
is shown as text and never interpreted as markup.
"""

from __future__ import annotations

from html import escape
from typing import Any, Protocol

from ..core.results import BarsChart, ColumnsChart, HeatmapChart, LineChart
from .bars import bars_chart
from .columns import columns_chart
from .heatmap import heatmap_chart
from .line import line_chart
from .svg import LAYOUTS, WIDE, Layout


def line(chart: dict[str, Any], dom_id: str, locale: str, layout: Layout = WIDE) -> str:
    return line_chart(LineChart.from_dict(chart), dom_id, locale, layout)


def bars(chart: dict[str, Any], dom_id: str, locale: str, layout: Layout = WIDE) -> str:
    return bars_chart(BarsChart.from_dict(chart), dom_id, locale, layout)


def columns(chart: dict[str, Any], dom_id: str, locale: str, layout: Layout = WIDE) -> str:
    return columns_chart(ColumnsChart.from_dict(chart), dom_id, locale, layout)


def heatmap(chart: dict[str, Any], dom_id: str, locale: str, layout: Layout = WIDE) -> str:
    return heatmap_chart(HeatmapChart.from_dict(chart), dom_id, locale, layout)


# Chart kinds by name: a result's chart JSON names its kind, read back into its typed spec.
class Draw(Protocol):
    def __call__(
        self, chart: dict[str, Any], dom_id: str, locale: str, layout: Layout = WIDE
    ) -> str: ...


CHARTS: dict[str, Draw] = {
    "line": line,
    "bars": bars,
    "columns": columns,
    "heatmap": heatmap,
}


def chart_drawings(chart: dict[str, Any], dom_id: str, locale: str) -> str:
    """The chart drawn for each layout; calculator.css shows the one that fits the screen
    (so one, and only one, is in the accessibility tree). Print shows the wide one."""
    draw = CHARTS[chart["kind"]]
    return "".join(
        f'<div class="calc-chart-{layout.name}">'
        f"{draw(chart, dom_id if layout is WIDE else f'{dom_id}-{layout.name}', locale, layout)}"
        "</div>"
        for layout in LAYOUTS
    )


TONE_CLASSES = {"good": "calc-tone-good", "bad": "calc-tone-bad", "neutral": "calc-tone-neutral"}


def render_result(result: dict[str, Any], root: str = "") -> str:
    return "".join(render_sections(result, root))


def render_sections(result: dict[str, Any], root: str = "") -> list[str]:
    """The result as a list of HTML sections, each one element: the verdict, the figures, each
    chart, table and list. The page replaces only the sections that changed since its last
    answer, so an update does not rebuild (or re-lay out) what stayed the same."""
    calculator = escape(result["calculator"])
    locale = result["locale"]
    verdict = result["verdict"]
    tone = TONE_CLASSES.get(verdict["tone"], TONE_CLASSES["neutral"])
    # The verdict comes first; its tone is in the text itself and in data-tone (for styling
    # that adds to the words, never replaces them).
    parts = [
        f'<p class="calc-verdict {tone}" data-tone="{escape(verdict["tone"])}">'
        f"{escape(verdict['text'])}</p>",
    ]
    figures = ['<dl class="calc-figures">']
    for figure in result["figures"]:
        figure_tone = figure.get("tone", "neutral")
        classes = f"calc-figure {TONE_CLASSES.get(figure_tone, TONE_CLASSES['neutral'])}"
        if figure.get("headline"):
            classes += " calc-headline"
        figures.append(
            f'<div class="{classes}" data-figure="{escape(figure["id"])}" '
            f'data-tone="{escape(figure_tone)}">'
            f"<dt>{escape(figure['label'])}</dt>"
            f'<dd><span class="calc-figure-value">{escape(figure["text"])}</span>'
            f'<span class="calc-figure-note">{escape(figure["note"])}</span></dd></div>'
        )
    figures.append("</dl>")
    parts.append("".join(figures))
    for chart in result["charts"]:
        dom_id = f"calc-{calculator}-{escape(chart['id'])}"
        legend = "".join(
            f'<li><span class="calc-swatch calc-series-{i}" aria-hidden="true"></span>'
            f"{escape(s['name'])}</li>"
            for i, s in enumerate(chart.get("series", ()))
        )
        caption = (
            f'<figcaption><ul class="calc-legend">{legend}</ul></figcaption>' if legend else ""
        )
        parts.append(
            f'<figure class="calc-chart" data-chart="{escape(chart["id"])}">'
            f"{chart_drawings(chart, dom_id, locale)}{caption}</figure>"
        )
    for table in result["tables"]:
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in table["columns"])
        body = "".join(
            "<tr>"
            + "".join(
                f'<th scope="row">{escape(cell)}</th>' if i == 0 else f"<td>{escape(cell)}</td>"
                for i, cell in enumerate(row["cells"])
            )
            + "</tr>"
            for row in table["rows"]
        )
        parts.append(
            f'<div class="calc-table" role="region" tabindex="0" '
            f'aria-label="{escape(table["caption"])}" data-table="{escape(table["id"])}">'
            f"<table><caption>{escape(table['caption'])}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
        )
    for item_list in result.get("lists", ()):
        tag = "ol" if item_list["ordered"] else "ul"
        items = "".join(
            f"<li>{_link(item['text'], item['href'], root)}"
            + (
                f'<span class="calc-item-note">{escape(item["note"])}</span>'
                if item["note"]
                else ""
            )
            + "</li>"
            for item in item_list["items"]
        )
        parts.append(
            f'<section class="calc-list" data-list="{escape(item_list["id"])}">'
            f"<h3>{escape(item_list['title'])}</h3><{tag}>{items}</{tag}></section>"
        )
    return parts


def _link(text: str, href: str, root: str) -> str:
    """Text, linked only to a relative address on this site (never a script or another host)."""
    if not href or ":" in href.split("/", 1)[0] or href.startswith("//"):
        return escape(text)
    return f'<a href="{escape(resolve_docs_path(href, root))}">{escape(text)}</a>'


def resolve_docs_path(href: str, root: str) -> str:
    """'guide/making-it-work.md#kpis' -> '<root>guide/making-it-work/#kpis' (directory URLs,
    as MkDocs builds them). Links already relative to the page ('../x/') pass unchanged."""
    path, hash_, anchor = href.partition("#")
    if not path.endswith(".md") or path.startswith(("/", ".")):
        return href
    page = path.removesuffix(".md")
    if page == "index" or page.endswith("/index"):
        page = page.removesuffix("index")
    else:
        page += "/"
    return f"{root}{page}{hash_}{anchor}"
