"""The result as HTML: the verdict first, tone in words and classes, links resolved."""

from __future__ import annotations

from typing import Any

import calculators
from calculators.render.html import render_result, resolve_docs_path


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
