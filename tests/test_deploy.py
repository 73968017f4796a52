"""Deployed as GitHub Pages deploys a project site: under /<repo>/, with a working 404 page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.server import serving

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/outsourcing-guide/"
SITE_URL = "https://example.github.io" + PREFIX
LIVE_TIMEOUT_MS = 120_000


@pytest.fixture(scope="module")
def project_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The site built as the Pages workflow builds it (SITE_URL set to a project address)."""
    out = tmp_path_factory.mktemp("project-site")
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip
    yield out


def test_sitemap_lists_every_page_under_the_project_address(project_site: Path) -> None:
    sitemap = (project_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert SITE_URL in locations and SITE_URL + "calculators/savings/" in locations
    assert all(loc.startswith(SITE_URL) for loc in locations)


def test_404_page_links_stay_inside_the_project_path(project_site: Path) -> None:
    html = (project_site / "404.html").read_text(encoding="utf-8")
    links = re.findall(r'(?:href|src)="(/[^"]*)"', html)
    assert links, "the 404 page has no site-absolute links to check"
    assert [link for link in links if not link.startswith(PREFIX)] == []


@pytest.mark.browser
def test_404_page_and_a_calculator_work_under_a_sub_path(browser: Any, project_site: Path) -> None:
    with serving(project_site, PREFIX) as server:
        context = browser.new_context(service_workers="allow")
        context.set_default_timeout(LIVE_TIMEOUT_MS)
        page = context.new_page()
        failed: list[str] = []
        page.on("requestfailed", lambda r: failed.append(r.url))
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        response = page.goto(server.url + "no/such/page/")
        assert response is not None and response.status == 404
        # Styled by the site's own stylesheet, and its links lead into the site.
        assert page.evaluate(
            "[...document.styleSheets].some((s) => (s.href || '').includes('/assets/'))"
        )
        assert page.locator(".md-header").is_visible()
        home = page.locator("a.md-header__button.md-logo").get_attribute("href")
        assert home is not None and home.startswith(PREFIX)
        assert [url for url in failed if "no/such/page" not in url] == []
        page.goto(server.url + "calculators/savings/")
        page.wait_for_selector("form[data-calculator='savings'][data-state='ready']")
        assert failed == [server.url + "no/such/page/"]
        context.close()
