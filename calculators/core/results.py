"""The typed parts of a result, and the JSON they become.

A calculator's `present` builds these; `result()` turns them into the plain JSON that the
renderer, the command line, the browser and the tests read. Each part carries the raw numbers
(for programs) and the formatted text (for readers).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Number = float | int
Tone = Literal["good", "bad", "neutral"]


@dataclass(frozen=True)
class Verdict:
    """One plain sentence that answers the calculator's question, with its key number."""

    text: str
    tone: Tone = "neutral"

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "tone": self.tone}


@dataclass(frozen=True)
class Figure:
    id: str
    label: str
    value: Number | None
    text: str
    note: str = ""
    tone: Tone = "neutral"
    headline: bool = False  # one of the 2-3 figures of the compact summary

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "value": self.value, "text": self.text,
                "note": self.note, "tone": self.tone, "headline": self.headline}  # fmt: skip


@dataclass(frozen=True)
class Table:
    id: str
    caption: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Number | str]]
    format_cell: Callable[[float], str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "caption": self.caption,
            "columns": list(self.columns),
            "rows": [
                {
                    "values": list(row),
                    "cells": [c if isinstance(c, str) else self.format_cell(c) for c in row],
                }
                for row in self.rows
            ],
        }


@dataclass(frozen=True)
class Item:
    text: str
    href: str = ""  # a docs path, "guide/making-it-work.md#kpis", resolved when rendered
    note: str = ""


@dataclass(frozen=True)
class ItemList:
    """A titled list: actions to take, top risks with mitigations, a ranking."""

    id: str
    title: str
    items: Sequence[Item]
    ordered: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "ordered": self.ordered,
            "items": [{"text": i.text, "href": i.href, "note": i.note} for i in self.items],
        }


# --- Chart specs: one dataclass per kind; renderers take them, mypy checks them. -------------


@dataclass(frozen=True)
class Series:
    id: str
    name: str
    x: Sequence[Number]
    y: Sequence[Number]


@dataclass(frozen=True)
class Marker:
    x: Number | None  # None: no marker line, only the label in the description
    label: str


@dataclass(frozen=True)
class LineChart:
    id: str
    title: str
    x_label: str
    y_label: str
    series: Sequence[Series]
    marker: Marker | None = None
    kind: Literal["line"] = field(default="line", init=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "x_label": self.x_label,
            "y_label": self.y_label,
            "series": [
                {"id": s.id, "name": s.name, "x": list(s.x), "y": list(s.y)} for s in self.series
            ],
            "marker": None if self.marker is None
            else {"x": self.marker.x, "label": self.marker.label},
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LineChart:
        mark = data.get("marker")
        return cls(
            id=data["id"],
            title=data["title"],
            x_label=data["x_label"],
            y_label=data["y_label"],
            series=[Series(s["id"], s["name"], s["x"], s["y"]) for s in data["series"]],
            marker=Marker(mark["x"], mark["label"]) if mark else None,
        )


@dataclass(frozen=True)
class Bar:
    label: str
    start: Number
    end: Number
    text: str
    tone: str = "neutral"  # a bar class: neutral, good, bad, low, high, ...


@dataclass(frozen=True)
class Reference:
    x: Number | None
    label: str = ""


@dataclass(frozen=True)
class BarsChart:
    """Horizontal bars from `start` to `end`: costs side by side, scores, or a tornado."""

    id: str
    title: str
    x_label: str
    bars: Sequence[Bar]
    reference: Reference | None = None
    kind: Literal["bars"] = field(default="bars", init=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "x_label": self.x_label,
            "bars": [{"label": b.label, "start": b.start, "end": b.end, "text": b.text,
                      "tone": b.tone} for b in self.bars],
            "reference": None if self.reference is None
            else {"x": self.reference.x, "label": self.reference.label},
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BarsChart:
        ref = data.get("reference")
        return cls(
            id=data["id"],
            title=data["title"],
            x_label=data["x_label"],
            bars=[Bar(b["label"], b["start"], b["end"], b["text"], b.get("tone", "neutral"))
                  for b in data["bars"]],
            reference=Reference(ref.get("x"), ref.get("label", "")) if ref else None,
        )  # fmt: skip


@dataclass(frozen=True)
class Column:
    label: str
    value: Number
    text: str = ""
    tone: str = "neutral"


@dataclass(frozen=True)
class ColumnMarker:
    """A marker at a column (`index`) or at a value on the edges' scale (`x`)."""

    label: str
    x: Number | None = None
    index: int | None = None


@dataclass(frozen=True)
class ColumnsChart:
    """Vertical columns; with `edges` (one more than columns) a histogram."""

    id: str
    title: str
    x_label: str
    y_label: str
    columns: Sequence[Column]
    edges: Sequence[Number] = ()
    marker: ColumnMarker | None = None
    kind: Literal["columns"] = field(default="columns", init=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "x_label": self.x_label,
            "y_label": self.y_label,
            "columns": [{"label": c.label, "value": c.value, "text": c.text, "tone": c.tone}
                        for c in self.columns],
            "edges": list(self.edges),
            "marker": None if self.marker is None else {
                "label": self.marker.label, "x": self.marker.x, "index": self.marker.index},
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ColumnsChart:
        mark = data.get("marker")
        return cls(
            id=data["id"],
            title=data["title"],
            x_label=data["x_label"],
            y_label=data["y_label"],
            columns=[Column(c["label"], c["value"], c.get("text", ""), c.get("tone", "neutral"))
                     for c in data["columns"]],
            edges=list(data.get("edges") or ()),
            marker=ColumnMarker(mark.get("label", ""), mark.get("x"), mark.get("index"))
            if mark else None,
        )  # fmt: skip


@dataclass(frozen=True)
class HeatCell:
    score: Number
    band: str
    band_label: str
    count: int
    count_text: str
    risks: Sequence[str]


@dataclass(frozen=True)
class HeatLegendEntry:
    band: str
    text: str


@dataclass(frozen=True)
class HeatmapChart:
    """A grid of rows by columns (likelihood by impact), each cell banded and counted."""

    id: str
    title: str
    x_label: str
    y_label: str
    corner: str
    columns: Sequence[str]
    rows: Sequence[str]
    cells: Sequence[Sequence[HeatCell]]
    legend: Sequence[HeatLegendEntry] = ()
    kind: Literal["heatmap"] = field(default="heatmap", init=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "x_label": self.x_label,
            "y_label": self.y_label,
            "corner": self.corner,
            "columns": list(self.columns),
            "rows": list(self.rows),
            "cells": [[{"score": c.score, "band": c.band, "band_label": c.band_label,
                        "count": c.count, "count_text": c.count_text, "risks": list(c.risks)}
                       for c in row] for row in self.cells],
            "legend": [{"band": e.band, "text": e.text} for e in self.legend],
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HeatmapChart:
        return cls(
            id=data["id"],
            title=data["title"],
            x_label=data["x_label"],
            y_label=data["y_label"],
            corner=data["corner"],
            columns=list(data["columns"]),
            rows=list(data["rows"]),
            cells=[[HeatCell(c["score"], c["band"], c["band_label"], c["count"],
                             c["count_text"], list(c["risks"])) for c in row]
                   for row in data["cells"]],
            legend=[HeatLegendEntry(e["band"], e["text"]) for e in data.get("legend", ())],
        )  # fmt: skip


Chart = LineChart | BarsChart | ColumnsChart | HeatmapChart
CHART_SPECS: dict[str, type[Chart]] = {
    "line": LineChart,
    "bars": BarsChart,
    "columns": ColumnsChart,
    "heatmap": HeatmapChart,
}


def result(
    calculator_id: str,
    title: str,
    locale: str,
    *,
    verdict: Verdict,
    figures: Sequence[Figure],
    tables: Sequence[Table] = (),
    charts: Sequence[Chart | dict[str, Any]] = (),
    lists: Sequence[ItemList] = (),
    values: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "calculator": calculator_id,
        "title": title,
        "locale": locale,
        "verdict": verdict.as_dict(),
        "figures": [f.as_dict() for f in figures],
        "tables": [t.as_dict() for t in tables],
        "charts": [c if isinstance(c, dict) else c.as_dict() for c in charts],
        "lists": [item_list.as_dict() for item_list in lists],
        "values": values or {},
    }
