"""The guide's figures in headless Chromium, against the built site: inline SVG with a caption
and a text version, no accessibility violations in either palette, legible on a phone, no
overflow at 320 px, readable in print, and light pages."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Response

from sitebuild.languages import DEFAULT, in_language

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
# A4 less 10 mm margins each side, in CSS px at 96 dpi: the width a printed page lays out to.
PRINTED = {"width": 718, "height": 1047}
BUDGET = 200 * 1024  # bytes, gzip: everything a guide page with figures loads


def figure_pages(site: Path) -> list[str]:
    pages = sorted(
        str(p.relative_to(site).parent) + "/"
        for p in site.rglob("index.html")
        if 'class="fig"' in p.read_text(encoding="utf-8")
        # English pages; tests/test_site_languages.py covers the other languages.
        and in_language(p.relative_to(site).as_posix(), DEFAULT)
    )
    return pages


def _gzip_weight(page: Page, url: str) -> int:
    """Bytes, gzipped, of every response the page needs (a fresh context: nothing cached)."""
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return sum(len(gzip.compress(r.body())) for r in responses if r.ok)


@pytest.fixture(scope="module")
def pages(built_site: Path) -> list[str]:
    found = figure_pages(built_site)
    assert len(found) >= 5, found
    return found


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Any]:
    contexts = []

    def opener(**options: Any) -> Page:
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page

    yield opener
    for context in contexts:
        context.close()


# Each visible text of the figures: its text, rendered font size in CSS px, and its box.
TEXT_SIZES = """() => [...document.querySelectorAll('figure.fig svg text')]
  .filter(t => t.getClientRects().length && getComputedStyle(t.closest('svg')).display !== 'none'
               && t.closest('svg').getBoundingClientRect().width > 0)
  .map(t => ({text: t.textContent, figure: t.closest('figure').dataset.figure,
              px: parseFloat(getComputedStyle(t).fontSize) * t.closest('svg').getScreenCTM().a}))"""


def test_figures_are_inline_svg_with_caption_and_text_version_without_script(
    open_page: Any, site_url: str, pages: list[str]
) -> None:
    page = open_page(java_script_enabled=False, viewport=LAPTOP)
    seen = 0
    for path in pages:
        page.goto(site_url + path)
        for figure in page.locator("figure.fig").all():
            seen += 1
            name = figure.get_attribute("data-figure")
            svg = figure.locator(".fig-wide svg")
            assert svg.is_visible(), name
            assert figure.locator(".fig-narrow svg").count() == 1, name
            assert svg.locator("title").count() == 1, name
            assert len(figure.locator("figcaption").inner_text()) > 40, name
            text = figure.locator("details.fig-text")
            text.locator("summary").click()
            assert text.locator("table, ol").first.is_visible(), name
            assert figure.locator("img, object, iframe, script").count() == 0, name
            described = svg.get_attribute("aria-describedby")
            if svg.get_attribute("role") == "img":
                assert described == f"fig-{name}-text", name
    assert seen >= 8


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_figures_have_no_accessibility_violations(
    open_page: Any, site_url: str, pages: list[str], scheme: str, viewport: dict[str, int]
) -> None:
    """axe-core on the figures (wide drawing on a laptop, narrow one on a phone) with their text
    versions open; the whole pages are checked by the site-wide accessibility test."""
    page = open_page(color_scheme=scheme, viewport=viewport)
    found: dict[str, Any] = {}
    for path in pages:
        page.goto(site_url + path)
        page.evaluate("document.querySelectorAll('details.fig-text').forEach(d => d.open = true)")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "async () => (await axe.run({include: [['figure.fig']]}, "
            "{resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"
        )
        if violations:
            found[path] = violations
    assert found == {}, json.dumps(found, indent=1)


def test_figure_text_is_at_least_12px_on_a_phone(
    open_page: Any, site_url: str, pages: list[str]
) -> None:
    page = open_page(viewport=PHONE)
    small: list[dict[str, Any]] = []
    count = 0
    for path in pages:
        page.goto(site_url + path)
        assert page.locator(".fig-wide svg").first.is_hidden()
        sizes = page.evaluate(TEXT_SIZES)
        count += len(sizes)
        small += [s for s in sizes if s["px"] < 12]
    assert count > 150  # every figure's narrow drawing was measured
    assert small == []


def test_no_page_with_figures_overflows_at_320px(
    open_page: Any, site_url: str, pages: list[str]
) -> None:
    page = open_page(viewport={"width": 320, "height": 700})
    for path in pages:
        page.goto(site_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, path
        widest = page.evaluate(
            "Math.max(...[...document.querySelectorAll('figure.fig svg')]"
            ".map(s => s.getBoundingClientRect().right))"
        )
        assert widest <= 320, path


def test_printed_pages_show_the_wide_figures_at_a_readable_size(
    open_page: Any, site_url: str, pages: list[str]
) -> None:
    page = open_page(viewport=PRINTED)
    page.emulate_media(media="print")
    for path in pages:
        page.goto(site_url + path)
        for figure in page.locator("figure.fig").all():
            assert figure.locator(".fig-wide svg").is_visible()
            assert figure.locator(".fig-narrow svg").is_hidden()
            assert figure.locator("details.fig-text").is_hidden()
        sizes = page.evaluate(TEXT_SIZES)
        # Every word of the wide drawings is printed, at about 8 pt or more.
        assert len(sizes) == page.locator(".fig-wide svg text").count(), path
        assert sizes and min(s["px"] for s in sizes) >= 11, path
        widest = page.evaluate(
            "Math.max(...[...document.querySelectorAll('figure.fig svg')]"
            ".filter(s => s.getBoundingClientRect().width)"
            ".map(s => s.getBoundingClientRect().right))"
        )
        assert widest <= PRINTED["width"], path
    assert len(page.pdf(format="A4")) > 10_000


def test_a_guide_page_with_figures_loads_under_200kb_gzip(
    open_page: Any, site_url: str, pages: list[str]
) -> None:
    """Every response a figure page needs (HTML, styles, scripts; the search index only once the
    reader searches), gzipped as a static host serves them."""
    weights = {path: _gzip_weight(open_page(viewport=LAPTOP), site_url + path) for path in pages}
    heaviest = max(weights, key=lambda p: weights[p])
    assert weights[heaviest] < BUDGET, weights
