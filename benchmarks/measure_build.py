"""(e) the wall time of `mkdocs build` (every language: one build writes all six)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.util import MeasurementError, median
from sitebuild.languages import LANGUAGES, language_root

ROOT = Path(__file__).resolve().parents[1]


def measure_build(runs: int) -> dict[str, Any]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times: list[float] = []
    note = ""
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-build-") as out:
            command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", out]
            began = time.perf_counter()
            done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
            elapsed = time.perf_counter() - began
            if done.returncode != 0:
                # mkdocs.yml is strict: a warning in a page being written aborts the build.
                # Time the same build without strict so the number still means something.
                tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
                note = "strict build failed (" + " | ".join(tail) + "); timed with --no-strict"
                began = time.perf_counter()
                again = subprocess.run(
                    [*command, "--no-strict"], cwd=ROOT, env=env, capture_output=True, text=True
                )
                elapsed = time.perf_counter() - began
                if again.returncode != 0:
                    raise MeasurementError(f"mkdocs build failed: {again.stderr.strip()[-500:]}")
            times.append(elapsed)
            built = [lang for lang in LANGUAGES if (Path(out) / language_root(lang)).is_dir()]
    return {
        "seconds_median": median(times),
        "seconds": times,
        "note": note,
        "languages": len(built),
    }
