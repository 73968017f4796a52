"""Shared fixtures: the site is built once per test session, exactly as `make build` builds it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

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
