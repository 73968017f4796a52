"""The result as HTML: the verdict first, tone in words and classes, links resolved."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

import pytest

import calculators
from calculators.browser import respond
from calculators.render.html import render_result, render_sections, resolve_docs_path


def test_docs_paths_resolve_against_the_page_root() -> None:
    assert resolve_docs_path("guide/making-it-work.md#kpis", "../../") == (
        "../../guide/making-it-work/#kpis"
    )
    assert resolve_docs_path("index.md", "../") == "../"
    assert resolve_docs_path("guide/index.md#a", "") == "guide/#a"
    # Links of calculators not yet converted are relative already and pass unchanged.
    assert resolve_docs_path("../../guide/types/#bpo", "../../") == "../../guide/types/#bpo"


def result_with_link(href: str) -> dict[str, Any]:
    result = calculators.run("savings")
    item = {"text": "KPIs", "href": href, "note": ""}
    return result | {"lists": [{"id": "next", "title": "Next", "ordered": False, "items": [item]}]}


def test_links_in_lists_use_the_root_and_never_leave_the_site() -> None:
    html = render_result(result_with_link("guide/making-it-work.md#kpis"), "../../")
    assert '<a href="../../guide/making-it-work/#kpis">KPIs</a>' in html
    for hostile in ("javascript:alert(1)", "https://example.org/", "//example.org/"):
        assert "<a " not in render_result(result_with_link(hostile), "../../")


def test_the_verdict_comes_first_with_its_tone_as_words_and_class() -> None:
    losing = calculators.run("savings", {"vendor_fte_price": 9_000})
    html = render_result(losing)
    assert html.startswith(
        '<p class="calc-verdict calc-tone-bad" data-tone="bad">Outsourcing costs'
    )
    assert 'class="calc-figure calc-tone-bad calc-headline" data-figure="savings"' in html


class _TopLevel(HTMLParser):
    """Counts the elements at the top of an HTML fragment (SVG's self-closed ones included)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.tops: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if self.depth == 0:
            self.tops.append(tag)
        self.depth += 1

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        if self.depth == 0:
            self.tops.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        assert self.depth > 0 or not data.strip(), f"text outside any element: {data!r}"


@pytest.mark.parametrize("calculator_id", [c["id"] for c in calculators.catalog()])
def test_each_section_is_one_element_and_together_they_are_the_whole_result(
    calculator_id: str,
) -> None:
    # The page swaps a changed section for the element at the same place: that is only right
    # if every section is exactly one element and the sections add up to the whole result.
    result = calculators.run(calculator_id)
    sections = render_sections(result, "../../")
    assert "".join(sections) == render_result(result, "../../")
    for section in sections:
        parser = _TopLevel()
        parser.feed(section)
        parser.close()
        assert len(parser.tops) == 1 and parser.depth == 0, section[:120]
    answer = json.loads(respond(json.dumps({"calculator": calculator_id, "root": "../../"})))
    assert answer["sections"] == sections
