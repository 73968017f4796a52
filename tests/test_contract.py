"""The contract every calculator keeps, checked for each id of calculator_ids().

Fields: every label and help text is there. Bad input: each field, blank, not a number, below
its minimum, above its maximum, or hostile, is refused with an InputError on that field alone.
Results: a verdict and figures with a tone, JSON without NaN, and links that reach a heading.
"""

from __future__ import annotations

import json
import posixpath
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from markdown.extensions.toc import slugify
from scenario_files import scenarios

import calculators
from calculators.core.results import CHART_SPECS

ROOT = Path(__file__).resolve().parent.parent
IDS = calculators.calculator_ids()
ENTRIES = {entry["id"]: entry for entry in calculators.catalog()}
HOSTILE: list[object] = [10**400, "9" * 5000, "[" * 3000, {"a": 1}, [1], True, "\u202e1"]


def cases() -> list[tuple[str, str, object]]:
    """(calculator, field, bad value) for every field of every calculator."""
    found: list[tuple[str, str, object]] = []
    for cid, entry in ENTRIES.items():
        for field in entry["fields"]:
            bad: list[object] = ["", "   ", *HOSTILE]
            if field.get("optional") and field["kind"] == "text":
                # A text that may stay blank (a name that keeps the guide's): blank and a name
                # made of a digit are answers; the rest of the hostile list is not.
                bad = [v for v in bad if v not in ("", "   ", "\u202e1")]
            if field["kind"] in {"number", "integer", "percent", "money"}:
                bad += ["twelve", "nan"]
                if field["min"] is not None:
                    bad.append(field["min"] - max(1, abs(field["min"])))
                if field["max"] is not None:
                    bad.append(field["max"] + max(1, abs(field["max"])))
            elif field["kind"] == "choice":
                bad.append("no such choice")
            elif field["kind"] == "table":
                bad += ["not a table", [{"no_such_column": 1}] * 3]
            found += [(cid, field["name"], value) for value in bad]
    return found


@pytest.mark.parametrize("cid", IDS)
def test_every_field_has_a_label_and_help(cid: str) -> None:
    entry = ENTRIES[cid]
    assert entry["title"].strip()
    fields = [*entry["fields"], *(c for f in entry["fields"] for c in f.get("columns", ()))]
    for field in fields:
        assert field["label"].strip(), field["name"]
        assert field["help"].strip(), field["name"]
        for choice in field.get("choices", ()):
            assert choice["label"].strip(), (field["name"], choice["value"])
    for group in entry["groups"]:
        assert group["label"].strip()


@pytest.mark.parametrize(("cid", "name", "value"), cases(), ids=repr)
def test_bad_value_is_refused_on_its_field_alone(cid: str, name: str, value: object) -> None:
    with pytest.raises(calculators.InputError) as caught:
        calculators.run(cid, {name: value})
    keys = list(caught.value.errors)
    assert keys and all(k == name or k.startswith(f"{name}.") for k in keys), keys
    assert all(text.strip() for text in caught.value.errors.values())


def run_all(cid: str) -> list[dict[str, Any]]:
    return [calculators.run(cid, {})] + [calculators.run(cid, i) for _, i in scenarios(cid)]


@pytest.mark.parametrize("cid", IDS)
def test_results_open_with_a_verdict_and_toned_figures(cid: str) -> None:
    for result in run_all(cid):
        assert result["verdict"]["text"].strip()
        assert result["verdict"]["tone"] in {"good", "bad", "neutral"}
        assert result["figures"]
        assert all(f["tone"] in {"good", "bad", "neutral"} for f in result["figures"])
        assert 1 <= sum(f["headline"] for f in result["figures"]) <= 3
        html = calculators.render(result)
        assert html.startswith('<p class="calc-verdict')


@pytest.mark.parametrize("cid", IDS)
def test_scenario_results_are_strict_json(cid: str) -> None:
    for result in run_all(cid):
        assert json.loads(json.dumps(result, allow_nan=False)) == result


@cache
def anchors(page: Path) -> frozenset[str]:
    """The ids of a Markdown page's headings: explicit {#id}s and MkDocs' slugs."""
    ids: set[str] = set()
    for line in page.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"#{1,6}\s+(.*?)\s*(\{#([\w-]+)[^}]*\})?\s*$", line)
        if heading:
            ids.add(heading.group(3) or slugify(heading.group(1), "-"))
    return frozenset(ids)


def docs_page(cid: str, href: str) -> Path:
    """The Markdown file a link points to: a docs path ("guide/x.md#a") or, for calculators
    not yet converted, a link relative to the calculator's page ("../../guide/x/#a")."""
    path = href.partition("#")[0]
    if not path.endswith(".md"):
        page_dir = f"calculators/{cid.replace('_', '-')}/"
        path = posixpath.normpath(posixpath.join(page_dir, path)) + ".md"
    return ROOT / "docs" / "en" / path


@pytest.mark.parametrize("cid", IDS)
def test_every_link_reaches_a_heading_of_the_guide(cid: str) -> None:
    hrefs = {
        item["href"]
        for result in run_all(cid)
        for item_list in result["lists"]
        for item in item_list["items"]
        if item["href"]
    }
    for href in hrefs:
        page = docs_page(cid, href)
        assert page.is_file(), f"{href}: no {page.relative_to(ROOT)}"
        anchor = href.partition("#")[2]
        assert not anchor or anchor in anchors(page), f"{href}: no heading #{anchor}"


@pytest.mark.parametrize("cid", IDS)
def test_every_chart_reads_as_its_typed_spec(cid: str) -> None:
    for result in run_all(cid):
        for chart in result["charts"]:
            spec = CHART_SPECS[chart["kind"]].from_dict(chart)
            assert spec.kind == chart["kind"] and spec.id == chart["id"]
