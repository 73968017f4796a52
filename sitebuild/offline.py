"""Offline reading: a service worker made for each build, listing exactly that build's files.

Each language has its own worker: `sw.js` at the site root for English and `<lang>/sw.js` for
the others, each scoped to its language's folder (under any sub-path; the browser gives a page
to the worker with the longest matching scope). A worker caches its language's pages and the
assets every language shares, not the other languages. It is the template `service_worker.js`
with the build's manifest in front:

- `language`: its cache names start with it, so one language's worker never deletes another's.
- `version`: a hash of every file it lists (of each file's own hash, taken once for all the
  languages' workers), so any change makes a new worker, a new cache
  and a "new version ready" notice; old caches are deleted whole when the new worker takes over.
- `pages`: every page of the language and every shared asset, cached on the first visit to any
  page (as URLs relative to the worker's folder; a page is cached under its folder URL, the one
  readers navigate to). The search index is among them, and the language's lunr stemmer: a page
  downloads them only when the reader starts searching, the offline copy has them beforehand.
- `runtime`: Pyodide, the wheels and Python's start-up snapshot, cached once a calculator has
  gone live (they are most of the bytes, and a reader of the guide alone never needs them).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sitebuild.languages import SEARCH_LANGUAGE

TEMPLATE = Path(__file__).resolve().parent / "service_worker.js"
WORKER_NAME = "sw.js"
OFFLINE_PAGE = "offline/"
RUNTIME_DIRS = ("assets/pyodide/", "assets/calculators/")
# Not needed to read the site: source maps, the sitemap, and lunr's stemmers for languages
# the site is not written in (Material copies all of them).
SKIPPED_SUFFIXES = (".map", ".xml", ".xml.gz")
LUNR = "assets/javascripts/lunr/"
SKIPPED_DIRS = (LUNR,)
DEFAULT_LANGUAGE = "en"


def search_scripts(language: str) -> tuple[str, ...]:
    """The lunr files Material's search worker loads for a page of `language` (its stemmer and
    the support it needs; none for English's built-in pipeline), so search works offline."""
    lunr_language = SEARCH_LANGUAGE.get(language, "en")
    if lunr_language == "en":
        return ()
    return (f"{LUNR}min/lunr.stemmer.support.min.js", f"{LUNR}min/lunr.{lunr_language}.min.js")


def site_files(site: Path) -> list[str]:
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and path.name != WORKER_NAME
    )


def file_digests(site: Path) -> dict[str, bytes]:
    """Each file's SHA-256 by its path in the site: read once, for every language's worker."""
    return {name: hashlib.sha256((site / name).read_bytes()).digest() for name in site_files(site)}


def language_files(names: list[str], language: str, languages: list[str]) -> list[str]:
    """The files a language's worker caches, relative to its folder: the language's own, and
    the shared ones at the root (assets and downloads; not English's pages or search index)."""
    others = tuple(f"{lang}/" for lang in languages if lang != DEFAULT_LANGUAGE)
    shared = [n for n in names if not n.startswith(others)]
    if language == DEFAULT_LANGUAGE:
        return shared
    own = [n.removeprefix(f"{language}/") for n in names if n.startswith(f"{language}/")]
    outside = [f"../{n}" for n in shared if not n.endswith(".html") and not n.startswith("search/")]
    return sorted(own) + outside


def page_url(name: str) -> str:
    """The URL readers use for a file: `guide/x/index.html` -> `guide/x/`, home -> ``."""
    if name == "index.html":
        return "./"
    return name.removesuffix("index.html")


def site_path(name: str, language: str) -> str:
    """A name relative to `language`'s folder as a path in the site."""
    if language == DEFAULT_LANGUAGE:
        return name
    return name.removeprefix("../") if name.startswith("../") else f"{language}/{name}"


def manifest(
    site: Path,
    runtime_urls: list[str],
    language: str = DEFAULT_LANGUAGE,
    languages: tuple[str, ...] | list[str] = (DEFAULT_LANGUAGE,),
    digests: dict[str, bytes] | None = None,
) -> dict[str, object]:
    """The manifest of `language`'s worker; URLs are relative to its folder. `digests` are
    the site's `file_digests` (taken now when not given)."""
    if digests is None:
        digests = file_digests(site)
    names = language_files(sorted(digests), language, list(languages))
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode() + b"\0" + digests[site_path(name, language)])
    up = "" if language == DEFAULT_LANGUAGE else "../"
    stemmer = search_scripts(language)
    pages = [
        page_url(name)
        for name in names
        if name.removeprefix(up) in stemmer
        or (
            not name.removeprefix(up).startswith(RUNTIME_DIRS + SKIPPED_DIRS)
            and not name.endswith(SKIPPED_SUFFIXES)
        )
    ]
    if OFFLINE_PAGE not in pages:
        raise ValueError(f"the {language} site has no {OFFLINE_PAGE} page to show offline")
    return {
        "language": language,
        "languages": list(languages),
        "version": digest.hexdigest()[:16],
        "pages": pages,
        # In the order the worker keeps them: Python's start-up snapshot, the largest and needed
        # by no first visit, comes last (see runtime_assets.Runtime.urls).
        "runtime": [up + url for url in runtime_urls],
        "offline": OFFLINE_PAGE,
    }


def worker_path(site: Path, language: str = DEFAULT_LANGUAGE) -> Path:
    return site / WORKER_NAME if language == DEFAULT_LANGUAGE else site / language / WORKER_NAME


def write_service_worker(
    site: Path,
    runtime_urls: list[str],
    language: str = DEFAULT_LANGUAGE,
    languages: tuple[str, ...] | list[str] = (DEFAULT_LANGUAGE,),
    digests: dict[str, bytes] | None = None,
) -> Path:
    """Write `language`'s worker for the site as it is now (call after everything else is
    written; the other languages' workers are not in its list)."""
    data = json.dumps(manifest(site, runtime_urls, language, languages, digests), indent=1)
    script = f"const MANIFEST = {data};\n\n" + TEMPLATE.read_text(encoding="utf-8")
    out = worker_path(site, language)
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


def write_uninstaller(site: Path, language: str = DEFAULT_LANGUAGE) -> Path:
    out = worker_path(site, language)
    out.write_text(UNINSTALL, encoding="utf-8")
    return out
