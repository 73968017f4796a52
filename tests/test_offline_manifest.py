"""The service workers' manifests on a small site: each language's files, and a version that
changes with any file it lists (from digests taken once for every language)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import offline

LANGUAGES = ["en", "nb"]
FILES = {
    "index.html": "home",
    "offline/index.html": "offline",
    "assets/site.css": "css",
    "assets/pyodide/1/pyodide.asm.wasm": "wasm",
    "search/search_index.json": "{}",
    "nb/index.html": "hjem",
    "nb/offline/index.html": "frakoblet",
    "nb/search/search_index.json": "{}",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / offline.WORKER_NAME).write_text("old worker", encoding="utf-8")
    return tmp_path


def test_digests_cover_every_file_but_the_workers(site: Path) -> None:
    assert sorted(offline.file_digests(site)) == sorted(FILES)


def test_each_language_lists_its_pages_and_the_shared_assets(site: Path) -> None:
    english = offline.manifest(site, ["assets/pyodide/1/pyodide.asm.wasm"], "en", LANGUAGES)
    norwegian = offline.manifest(site, ["assets/pyodide/1/pyodide.asm.wasm"], "nb", LANGUAGES)
    assert english["pages"] == ["assets/site.css", "./", "offline/", "search/search_index.json"]
    assert norwegian["pages"] == [
        "./",
        "offline/",
        "search/search_index.json",
        "../assets/site.css",
    ]
    assert norwegian["runtime"] == ["../assets/pyodide/1/pyodide.asm.wasm"]


def test_digests_taken_once_give_the_versions_taken_per_language(site: Path) -> None:
    digests = offline.file_digests(site)
    for language in LANGUAGES:
        once = offline.manifest(site, [], language, LANGUAGES, digests)
        assert once == offline.manifest(site, [], language, LANGUAGES)


@pytest.mark.parametrize(
    ("changed", "english_changes", "norwegian_changes"),
    [
        ("assets/site.css", True, True),
        ("assets/pyodide/1/pyodide.asm.wasm", True, True),
        ("nb/index.html", False, True),
        ("index.html", True, False),
    ],
)
def test_a_changed_file_changes_the_version_of_every_worker_that_lists_it(
    site: Path, changed: str, english_changes: bool, norwegian_changes: bool
) -> None:
    before = {lang: offline.manifest(site, [], lang, LANGUAGES)["version"] for lang in LANGUAGES}
    (site / changed).write_text("edited", encoding="utf-8")
    after = {lang: offline.manifest(site, [], lang, LANGUAGES)["version"] for lang in LANGUAGES}
    assert (before["en"] != after["en"]) is english_changes
    assert (before["nb"] != after["nb"]) is norwegian_changes
