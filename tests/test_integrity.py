"""Pyodide's files are checked against the sha512 integrity package-lock.json pins."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest

from sitebuild import integrity

FILES = {"pyodide.mjs": b"module", "pyodide.asm.wasm": b"\0asm"}


def tarball(folder: Path, files: dict[str, bytes]) -> tuple[Path, str]:
    out = folder / "pyodide.tgz"
    with tarfile.open(out, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    digest = base64.b64encode(hashlib.sha512(out.read_bytes()).digest()).decode()
    return out, f"sha512-{digest}"


def installed(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def test_matching_files_pass(tmp_path: Path) -> None:
    archive, pinned = tarball(tmp_path, FILES)
    integrity.verify(installed(tmp_path / "nm", FILES), tuple(FILES), archive, pinned)


def test_a_changed_file_fails(tmp_path: Path) -> None:
    archive, pinned = tarball(tmp_path, FILES)
    changed = installed(tmp_path / "nm", {**FILES, "pyodide.mjs": b"tampered"})
    with pytest.raises(integrity.IntegrityError, match=r"pyodide\.mjs differs"):
        integrity.verify(changed, tuple(FILES), archive, pinned)


def test_a_tarball_that_does_not_match_the_lock_fails(tmp_path: Path) -> None:
    archive, _ = tarball(tmp_path, FILES)
    other = "sha512-" + base64.b64encode(hashlib.sha512(b"other").digest()).decode()
    with pytest.raises(integrity.IntegrityError, match="does not match"):
        integrity.verify(installed(tmp_path / "nm", FILES), tuple(FILES), archive, other)


def test_the_lock_and_the_cache_path(tmp_path: Path) -> None:
    lock = tmp_path / "package-lock.json"
    lock.write_text(
        json.dumps({"packages": {"node_modules/pyodide": {"version": "1.0", "integrity": "x"}}}),
        encoding="utf-8",
    )
    with pytest.raises(integrity.IntegrityError, match="no sha512"):
        integrity.locked_integrity(lock, "pyodide")
    pinned = "sha512-" + base64.b64encode(bytes(range(64))).decode()
    path = integrity.cached_tarball(Path("/cache"), pinned)
    assert path.as_posix() == "/cache/_cacache/content-v2/sha512/00/01/" + bytes(range(2, 64)).hex()


def tarball_in_cache(tmp_path: Path, cache: Path) -> tuple[str, Path]:
    """A Pyodide tarball placed in an npm cache where npm keeps it: (its integrity, its path)."""
    archive, pinned = tarball(tmp_path, FILES)
    cached = integrity.cached_tarball(cache, pinned)
    cached.parent.mkdir(parents=True)
    archive.replace(cached)
    return pinned, cached


def test_the_tarball_is_found_in_the_usual_cache_without_asking_npm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pinned, cached = tarball_in_cache(tmp_path, tmp_path / "npm-cache")
    monkeypatch.setenv("npm_config_cache", str(tmp_path / "npm-cache"))

    def no_npm() -> Path:
        raise AssertionError("npm was asked")

    monkeypatch.setattr(integrity, "npm_cache_dir", no_npm)
    assert integrity.fetch_tarball("pyodide", "1.0", pinned) == cached


def test_npm_is_asked_when_the_cache_is_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pinned, cached = tarball_in_cache(tmp_path, tmp_path / "elsewhere")
    monkeypatch.setenv("npm_config_cache", str(tmp_path / "usual"))
    monkeypatch.setattr(integrity, "npm_cache_dir", lambda: tmp_path / "elsewhere")
    assert integrity.fetch_tarball("pyodide", "1.0", pinned) == cached


def test_the_project_lock_pins_pyodide() -> None:
    root = Path(__file__).resolve().parent.parent
    version, pinned = integrity.locked_integrity(root / "package-lock.json", "pyodide")
    assert version.startswith("314.") and pinned.startswith("sha512-")
