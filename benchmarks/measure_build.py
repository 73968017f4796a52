"""(e) `mkdocs build` of every language (one build writes all six), from an empty cache and
from a warm one.

The build caches what does not change from one build to the next in `.cache/sitebuild/` (the
calculators wheel, the standard library traced in Pyodide, the compiled templates). CI and a
fresh clone start without it: the first build here runs with an empty cache of its own (not
the repository's), the next ones with the cache that build filled. Each build's CPU time (its
own and its children's: Node tracing the library, the wheel build) is recorded beside the
wall time, since the wall time on a shared machine also counts the other work on it.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.util import MeasurementError, median
from sitebuild.languages import LANGUAGES, language_root

ROOT = Path(__file__).resolve().parents[1]


def children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(env: dict[str, str], out: str) -> tuple[float, float, str]:
    """(wall s, CPU s, note) of one build into `out`."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", out]
    began, cpu = time.perf_counter(), children_cpu_s()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode == 0:
        return time.perf_counter() - began, children_cpu_s() - cpu, ""
    # mkdocs.yml is strict: a warning in a page being written aborts the build.
    # Time the same build without strict so the number still means something.
    tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
    note = "strict build failed (" + " | ".join(tail) + "); timed with --no-strict"
    began, cpu = time.perf_counter(), children_cpu_s()
    again = subprocess.run([*command, "--no-strict"], cwd=ROOT, env=env, capture_output=True,
                           text=True)  # fmt: skip
    if again.returncode != 0:
        raise MeasurementError(f"mkdocs build failed: {again.stderr.strip()[-500:]}")
    return time.perf_counter() - began, children_cpu_s() - cpu, note


def measure_build(runs: int) -> dict[str, Any]:
    """One build with an empty cache, then `runs` builds with the cache it filled."""
    walls: list[float] = []
    cpus: list[float] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as scratch:
        cache = Path(scratch) / "cache"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITEBUILD_CACHE": str(cache)}
        for _ in range(1 + runs):
            out = Path(scratch) / "site"
            wall, cpu, note = timed_build(env, str(out))
            walls.append(wall)
            cpus.append(cpu)
            notes.append(note)
            built = [lang for lang in LANGUAGES if (out / language_root(lang)).is_dir()]
            shutil.rmtree(out, ignore_errors=True)
    return {
        "cold_seconds": walls[0],
        "cold_cpu_seconds": cpus[0],
        "seconds_median": median(walls[1:]),
        "seconds": walls[1:],
        "cpu_seconds_median": median(cpus[1:]),
        "cpu_seconds": cpus[1:],
        "note": next((n for n in notes if n), ""),
        "languages": len(built),
    }
