"""Shared fixtures: the site is built once per test session, exactly as `make build` builds it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from support.chromium import CHROMIUM, CHROMIUM_ARGS
from support.server import serving

# Speed is measured by the benchmark, never by deadlines in tests: on a busy machine a 1 ms
# computation can take longer than Hypothesis' default 200 ms deadline.
# For the same reason the "too slow" health check is off: it times data generation.
settings.register_profile("project", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("project")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The output of `mkdocs build --strict`, built into a temporary folder.

    Set SITE_DIR to reuse a site that is already built (the test command builds it first).
    """
    prebuilt = os.environ.get("SITE_DIR")
    if prebuilt:
        site = Path(prebuilt).resolve()
        if not (site / "index.html").is_file():
            pytest.fail(f"SITE_DIR={prebuilt} holds no built site")
        yield site
        return
    site = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
        cwd=ROOT,
        check=True,
    )
    yield site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 by a threaded static server."""
    with serving(built_site) as server:
        yield server.url


class CspBypassingBrowser:
    """Chromium whose contexts bypass the pages' Content-Security-Policy and block the site's
    service worker unless told otherwise.

    Playwright's `wait_for_function` evaluates its predicate with `eval` in the page, which the
    site's policy forbids. tests/test_csp.py opens contexts with `bypass_csp=False` and checks
    the policy itself. A service worker answers requests that `page.route` never sees, so a test
    that fails a download on purpose would be served from the offline copy of an earlier page;
    tests/test_offline.py and tests/test_deploy.py open contexts with `service_workers="allow"`."""

    def __init__(self, browser: Any) -> None:
        self._browser = browser

    def new_context(self, **options: Any) -> Any:
        options.setdefault("bypass_csp", True)
        options.setdefault("service_workers", "block")
        return self._browser.new_context(**options)

    def new_page(self, **options: Any) -> Any:
        options.setdefault("bypass_csp", True)
        options.setdefault("service_workers", "block")
        return self._browser.new_page(**options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium, driven by Playwright (its own browser download is unused)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield CspBypassingBrowser(chromium)
        chromium.close()
