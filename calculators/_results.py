"""The shape every calculator returns: headline figures, tables and charts, as plain JSON.

Each part carries both the raw numbers (for programs and tests) and the formatted text (for
readers), so the page, the command line and the browser show exactly the same strings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

Number = float | int


@dataclass(frozen=True)
class Figure:
    id: str
    label: str
    value: Number | None
    text: str
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "value": self.value, "text": self.text,
                "note": self.note}  # fmt: skip


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
class Series:
    id: str
    name: str
    x: Sequence[Number]
    y: Sequence[Number]


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    x_label: str
    y_label: str
    series: Sequence[Series]
    marker_x: Number | None = None
    marker_label: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": "line",
            "title": self.title,
            "x_label": self.x_label,
            "y_label": self.y_label,
            "series": [
                {"id": s.id, "name": s.name, "x": list(s.x), "y": list(s.y)} for s in self.series
            ],
            "marker": {"x": self.marker_x, "label": self.marker_label},
        }


@dataclass(frozen=True)
class Item:
    text: str
    href: str = ""  # a relative link from the calculator's page, e.g. "../../guide/x/#id"
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


def result(
    calculator_id: str,
    title: str,
    locale: str,
    *,
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
        "figures": [f.as_dict() for f in figures],
        "tables": [t.as_dict() for t in tables],
        "charts": [c if isinstance(c, dict) else c.as_dict() for c in charts],
        "lists": [item_list.as_dict() for item_list in lists],
        "values": values or {},
    }
