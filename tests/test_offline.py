"""Offline reading, an offline calculator, and a clean swap to a new build (service worker)."""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Error, Page
from support.server import serving

import calculators
from sitebuild import offline

pytestmark = pytest.mark.browser

LIVE_TIMEOUT_MS = 120_000
FIELD = "#calc-savings-headcount"


def test_manifest_lists_pages_by_their_urls_and_keeps_the_runtime_apart(built_site: Path) -> None:
    manifest = offline.manifest(built_site, ["assets/pyodide/x/pyodide.asm.wasm"])
    pages = manifest["pages"]
    assert isinstance(pages, list)
    assert "./" in pages and "calculators/savings/" in pages and "offline/" in pages
    assert "404.html" in pages and "search/search_index.json" in pages
    assert not [p for p in pages if p.startswith(("assets/pyodide/", "assets/calculators/"))]
    assert not [p for p in pages if p.endswith((".map", "index.html"))]
    assert manifest["runtime"] == ["assets/pyodide/x/pyodide.asm.wasm"]
    assert not [p for p in pages if p.startswith(offline.LUNR)]  # English needs no stemmer
    swedish = offline.manifest(built_site, [], "sv", ["en", "sv"])["pages"]
    assert isinstance(swedish, list) and "search/search_index.json" in swedish
    lunr = [p for p in swedish if p.startswith("../" + offline.LUNR)]
    wanted = [f"../{offline.LUNR}min/lunr.{x}.min.js" for x in ("stemmer.support", "sv")]
    assert sorted(lunr) == wanted
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    assert worker.startswith("const MANIFEST = {") and "assets/pyodide/" in worker


@pytest.fixture
def context(browser: Any) -> Iterator[BrowserContext]:
    context = browser.new_context(service_workers="allow")
    context.set_default_timeout(LIVE_TIMEOUT_MS)
    yield context
    context.close()


def wait_for_offline_copy(page: Page) -> str:
    """Wait until the service worker controls the page and has cached the site; its cache."""
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.wait_for_function(
        """async () => {
          const names = await caches.keys();
          if (names.length !== 1) return false;
          const cache = await caches.open(names[0]);
          return Boolean(await cache.match(new URL("offline/", __md_scope)));
        }"""
    )
    names: list[str] = page.evaluate("caches.keys()")
    return names[0]


def wait_until_live(page: Page) -> None:
    page.wait_for_selector("form[data-calculator='savings'][data-state='ready']")


def test_every_page_reads_offline_after_one_visit(context: BrowserContext, site_url: str) -> None:
    page = context.new_page()
    page.goto(site_url + "guide/benefits/")
    wait_for_offline_copy(page)
    context.set_offline(True)
    # A page never visited, a page visited, and the home page with a query string.
    for path, heading in (("guide/types/", "Types"), ("guide/benefits/", "Benefits"),
                          ("?from=offline", "Outsourcing")):  # fmt: skip
        page.goto(site_url + path)
        assert heading.lower() in page.locator("h1").first.inner_text().lower(), path
    # A page this build does not have says so in plain words.
    page.goto(site_url + "no-such-page/")
    assert "You are offline" in page.locator("h1").inner_text()


def test_search_works_offline_after_one_visit(context: BrowserContext, site_url: str) -> None:
    # The page does not download the search index; the service worker's copy of the site does.
    page = context.new_page()
    page.goto(site_url + "sv/guide/benefits/")
    wait_for_offline_copy(page)
    context.set_offline(True)
    page.goto(site_url + "sv/guide/types/")
    page.click(".md-search__input")
    page.keyboard.type("kostnad")
    page.wait_for_selector(".md-search-result__item")
    links = page.eval_on_selector_all(".md-search-result__item a", "as => as.map((a) => a.href)")
    assert links and all(link.startswith(site_url + "sv/") for link in links)


def test_a_calculator_used_once_goes_live_offline(context: BrowserContext, site_url: str) -> None:
    page = context.new_page()
    page.goto(site_url + "calculators/savings/")
    wait_until_live(page)
    cache = wait_for_offline_copy(page)
    wasm = page.evaluate(
        """async (name) => {
          const cache = await caches.open(name);
          const url = document.querySelector("script[data-pyodide]").dataset.pyodide;
          const deadline = Date.now() + 60000;
          while (Date.now() < deadline) {
            if (await cache.match(new URL(url + "pyodide.asm.wasm", document.baseURI))) return true;
            await new Promise((r) => setTimeout(r, 200));
          }
          return false;
        }""",
        cache,
    )
    assert wasm, "the runtime was not kept for offline use"
    context.set_offline(True)
    page.reload()
    wait_until_live(page)
    before = page.locator("[data-figure]").first.inner_text()
    page.fill(FIELD, "40")
    page.wait_for_selector(".calc-summary .calc-status:has-text('updated')")
    assert page.locator("[data-figure]").first.inner_text() != before


def test_a_new_build_replaces_the_old_cache_whole(
    context: BrowserContext, built_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    with serving(site) as server:
        page = context.new_page()
        page.goto(server.url + "guide/benefits/")
        first = wait_for_offline_copy(page)
        # A new build: one page changes, and so does its service worker.
        page_file = site / "guide/types/index.html"
        page_file.write_text(
            page_file.read_text(encoding="utf-8").replace("</h1>", " (new build)</h1>", 1),
            encoding="utf-8",
        )
        offline.write_service_worker(site, [])
        page.goto(server.url + "guide/types/")
        assert "(new build)" not in page.locator("h1").first.inner_text(), "mixed builds"
        page.locator(".site-update button").click()
        page.wait_for_function(
            "document.querySelector('h1') && document.querySelector('h1')"
            ".textContent.includes('(new build)')"
        )
        page.wait_for_function("caches.keys().then((names) => names.length === 1)")
        names: list[str] = page.evaluate("caches.keys()")
        assert names != [first] and len(names) == 1


def kept_snapshot(page: Page) -> str:
    """Waits until the service worker has kept Python's start-up snapshot; its URL."""
    url: str = page.evaluate(
        """() => new URL(document.querySelector("script[data-snapshot]").dataset.snapshot,
                         document.baseURI).href"""
    )
    kept = page.evaluate(
        """async (url) => {
          const deadline = Date.now() + 60000;
          while (Date.now() < deadline) {
            if (await caches.match(url)) return true;
            await new Promise((r) => setTimeout(r, 200));
          }
          return false;
        }""",
        url,
    )
    assert kept, "the snapshot was not kept"
    return url


def unpacked_size(site: Path, url: str) -> int:
    """The size of the snapshot at `url` once unpacked, from the built site's file."""
    (path,) = site.glob("assets/pyodide/*/" + url.split("?")[0].rsplit("/", 1)[-1])
    with gzip.open(path) as packed:
        return len(packed.read())


def restored_from_snapshot(page: Page) -> bool:
    """Whether this page's calculator worker found the snapshot (its performance mark says so).

    Right after a reload the list of workers can still hold the previous page's: this page's
    worker is the one started after the page itself."""
    began: float = page.evaluate("performance.timeOrigin")
    marks = """() => [performance.timeOrigin,
                      performance.getEntriesByName('calculator:snapshot found').length > 0]"""
    found: list[bool] = []
    for worker in page.workers:
        if "calculator-worker" not in worker.url:
            continue
        try:
            origin, restored = worker.evaluate(marks)
        except Error:  # the previous page's worker, gone meanwhile
            continue
        if origin >= began:
            found.append(restored)
    assert len(found) == 1, f"{len(found)} calculator workers on the page"
    return found[0]


def test_a_return_visit_restores_python_from_the_kept_snapshot(
    context: BrowserContext, site_url: str, built_site: Path
) -> None:
    page = context.new_page()
    page.goto(site_url + "calculators/savings/")
    wait_until_live(page)
    assert not restored_from_snapshot(page), "a first visit has no snapshot to restore"
    url = kept_snapshot(page)
    # Kept unpacked, so that the worker reads it without unpacking it.
    kept = page.evaluate(
        """async (url) => { const r = await caches.match(url);
          return [r.headers.get("X-Unpacked"), (await r.arrayBuffer()).byteLength]; }""",
        url,
    )
    assert kept == ["gzip", unpacked_size(built_site, url)]
    # The library is kept as served (packed): the worker unpacks it and counts its bytes.
    library = page.evaluate(
        """async () => { const url = new URL(document.querySelector("script[data-stdlib]")
                           .dataset.stdlib, document.baseURI).href;
          const r = await caches.match(url);
          return [new URL(url).pathname, r.headers.get("X-Unpacked"),
                  (await r.arrayBuffer()).byteLength]; }"""
    )
    assert library[0].endswith(".zip.gz") and library[1] is None
    assert library[2] == (built_site / library[0].lstrip("/")).stat().st_size
    page.reload()
    wait_until_live(page)
    assert restored_from_snapshot(page)
    before = page.locator("[data-figure]").first.inner_text()
    page.fill(FIELD, "40")
    page.wait_for_selector(".calc-summary .calc-status:has-text('updated')")
    assert page.locator("[data-figure]").first.inner_text() != before


def test_a_restored_snapshot_answers_in_the_pages_language(
    context: BrowserContext, site_url: str
) -> None:
    """The snapshot is made in English, before any catalog is read: on a Norwegian page the
    restored Python reads the Norwegian catalog unpacked after it."""
    page = context.new_page()
    page.goto(site_url + "nb/calculators/savings/")
    wait_until_live(page)
    kept_snapshot(page)
    page.reload()
    wait_until_live(page)
    assert restored_from_snapshot(page)
    expected = calculators.run("savings", {"headcount": 40}, locale="nb")["figures"][0]["text"]
    assert expected != calculators.run("savings", {"headcount": 40})["figures"][0]["text"]
    page.fill(FIELD, "40")
    page.wait_for_function(
        "text => document.querySelector('.calc-results [data-figure] .calc-figure-value')"
        ".textContent.trim() === text",
        arg=expected,
    )


def test_a_damaged_snapshot_starts_python_from_scratch(
    context: BrowserContext, site_url: str
) -> None:
    page = context.new_page()
    page.goto(site_url + "calculators/savings/")
    wait_until_live(page)
    url = kept_snapshot(page)
    page.evaluate(
        """async (url) => {
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            if (await cache.match(url)) await cache.put(url, new Response("not a snapshot"));
          }
        }""",
        url,
    )
    page.reload()
    wait_until_live(page)
    assert restored_from_snapshot(page)  # found, failed to restore, and started afresh
    page.fill(FIELD, "40")
    page.wait_for_selector(".calc-summary .calc-status:has-text('updated')")
