"""The guide's text passes codespell (configured in pyproject.toml under [tool.codespell])."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ("docs", "includes", "README.md")


def test_codespell_finds_nothing() -> None:
    targets = [name for name in TARGETS if (ROOT / name).exists()]
    assert targets, "nothing to check: docs/, includes/ and README.md are all missing"
    result = subprocess.run(
        [sys.executable, "-m", "codespell_lib", *targets],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    report = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, f"codespell found problems:\n{report}"
