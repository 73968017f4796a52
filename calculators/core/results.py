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


Chart = LineChart  # the typed kinds so far; bars, columns and heat maps join as they are typed


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
