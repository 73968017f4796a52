"""Pyodide's files are checked against the integrity that package-lock.json pins.

npm checks the package tarball's `integrity` (sha512) when it installs it, but nothing checks
`node_modules` afterwards. The build finds that same tarball in npm's content-addressed cache
(its path is derived from the hash itself; `npm cache add` fetches it from the registry when it
is missing), verifies the tarball's sha512 against the lock, and compares every file the site
serves with the tarball's copy byte for byte.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path


class IntegrityError(RuntimeError):
    pass


def locked_integrity(lock_file: Path, package: str) -> tuple[str, str]:
    """(version, integrity) of `package` as package-lock.json pins it."""
    lock = json.loads(lock_file.read_text(encoding="utf-8"))
    entry = lock.get("packages", {}).get(f"node_modules/{package}")
    if not entry or not str(entry.get("integrity", "")).startswith("sha512-"):
        raise IntegrityError(f"package-lock.json pins no sha512 integrity for {package}")
    return str(entry["version"]), str(entry["integrity"])


def npm_cache_dir() -> Path:
    npm = shutil.which("npm")
    if npm is None:
        raise IntegrityError("`npm` is not on PATH: it is needed to check Pyodide's files")
    out = subprocess.run([npm, "config", "get", "cache"], capture_output=True, text=True,
                         check=True)  # fmt: skip
    return Path(out.stdout.strip())


def cached_tarball(cache: Path, integrity: str) -> Path:
    """Where npm's cache (cacache) keeps the content with this integrity."""
    digest = base64.b64decode(integrity.removeprefix("sha512-")).hex()
    return cache / "_cacache" / "content-v2" / "sha512" / digest[:2] / digest[2:4] / digest[4:]


def usual_npm_caches() -> list[Path]:
    """Where npm keeps its cache unless configured otherwise ($npm_config_cache, ~/.npm)."""
    # npm reads its settings from the environment in any case (npm_config_cache, ...).
    configured = next((v for k, v in os.environ.items() if k.lower() == "npm_config_cache"), "")
    return [Path(configured)] if configured else [Path.home() / ".npm"]


def fetch_tarball(package: str, version: str, integrity: str) -> Path:
    # The cache is addressed by the very hash `verify` checks, so a file found at the usual
    # place is the tarball npm would name: asking npm where its cache is (which starts Node,
    # 0.2 s of CPU and more of waiting on every build) is needed only when it is elsewhere.
    for usual in usual_npm_caches():
        if cached_tarball(usual, integrity).is_file():
            return cached_tarball(usual, integrity)
    cache = npm_cache_dir()
    tarball = cached_tarball(cache, integrity)
    if not tarball.is_file():
        subprocess.run(["npm", "cache", "add", f"{package}@{version}"], capture_output=True,
                       check=False)  # fmt: skip
    if not tarball.is_file():
        raise IntegrityError(f"{package}@{version} is not in npm's cache; `npm cache add` failed")
    return tarball


def verify(installed: Path, names: tuple[str, ...], tarball: Path, integrity: str) -> None:
    """Raise unless the tarball matches `integrity` and each installed file matches it."""
    data = tarball.read_bytes()
    actual = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if actual != integrity:
        raise IntegrityError(f"{tarball} does not match package-lock.json ({actual})")
    with tarfile.open(tarball, "r:gz") as archive:
        for name in names:
            member = archive.extractfile(f"package/{name}")
            if member is None:
                raise IntegrityError(f"the pinned tarball has no {name}")
            if member.read() != (installed / name).read_bytes():
                raise IntegrityError(
                    f"{installed / name} differs from the copy pinned by package-lock.json: "
                    "run `npm ci`"
                )


def verify_package(lock_file: Path, installed: Path, package: str, names: tuple[str, ...]) -> str:
    """Check `names` in node_modules/<package> against the lock; return the integrity."""
    version, integrity = locked_integrity(lock_file, package)
    verify(installed, names, fetch_tarball(package, version, integrity), integrity)
    return integrity
