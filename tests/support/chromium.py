"""How the tests and the benchmark start Chromium: Debian's package, never Playwright's own."""

from __future__ import annotations

import os

# Debian's Chromium by default; CHROMIUM points elsewhere (e.g. Chrome on a hosted runner).
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
