"""Offline reading: a service worker made for each build, listing exactly that build's files.

`sw.js` goes to the site root (its scope is the whole site, under any sub-path). It is the
template `service_worker.js` with the build's manifest in front:

- `version`: a hash of every file of the build, so any change makes a new worker, a new cache
  and a "new version ready" notice; old caches are deleted whole when the new worker takes over.
- `pages`: every page and asset, cached on the first visit to any page (as URLs relative to the
  site root; a page is cached under its folder URL, the one readers navigate to).
- `runtime`: Pyodide and the wheels, cached once a calculator has gone live (they are most of
  the bytes, and a reader of the guide alone never needs them).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "service_worker.js"
WORKER_NAME = "sw.js"
OFFLINE_PAGE = "offline/"
RUNTIME_DIRS = ("assets/pyodide/", "assets/calculators/")
# Not needed to read the site: source maps, the sitemap, and lunr's stemmers for languages
# the site is not written in (Material copies all of them).
SKIPPED_SUFFIXES = (".map", ".xml", ".xml.gz")
SKIPPED_DIRS = ("assets/javascripts/lunr/",)


def site_files(site: Path) -> list[str]:
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and path.name != WORKER_NAME
    )


def page_url(name: str) -> str:
    """The URL readers use for a file: `guide/x/index.html` -> `guide/x/`, home -> ``."""
    if name == "index.html":
        return "./"
    return name.removesuffix("index.html")


def manifest(site: Path, runtime_urls: list[str]) -> dict[str, object]:
    names = site_files(site)
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode() + b"\0" + (site / name).read_bytes())
    pages = [
        page_url(name)
        for name in names
        if not name.startswith(RUNTIME_DIRS + SKIPPED_DIRS) and not name.endswith(SKIPPED_SUFFIXES)
    ]
    if OFFLINE_PAGE not in pages:
        raise ValueError(f"the site has no {OFFLINE_PAGE} page to show offline")
    return {
        "version": digest.hexdigest()[:16],
        "pages": pages,
        "runtime": sorted(runtime_urls),
        "offline": OFFLINE_PAGE,
    }


def write_service_worker(site: Path, runtime_urls: list[str]) -> Path:
    """Write `sw.js` for the site as it is now (call after everything else is written)."""
    data = json.dumps(manifest(site, runtime_urls), indent=1)
    script = f"const MANIFEST = {data};\n\n" + TEMPLATE.read_text(encoding="utf-8")
    out = site / WORKER_NAME
    out.write_text(script, encoding="utf-8")
    return out


# Under `mkdocs serve` pages change on every edit: a caching worker would hide the edits. The
# served sw.js removes any worker and copy a build served on the same address left behind.
UNINSTALL = """// Development server: no offline copy. Remove any worker and cache left by a build.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.map((name) => caches.delete(name))))
      .then(() => self.registration.unregister()),
  );
});
"""


def write_uninstaller(site: Path) -> Path:
    out = site / WORKER_NAME
    out.write_text(UNINSTALL, encoding="utf-8")
    return out
