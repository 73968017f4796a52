"""The helpers shared with the tests (static server, Chromium settings) live in tests/support."""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"


def ensure_support_path() -> None:
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
