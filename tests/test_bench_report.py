"""The benchmark's build rows: the target is judged on the warm-cache build and says so; the
cold-cache build (CI, a fresh clone) is shown beside it."""

from __future__ import annotations

from benchmarks.report import build_rows
from benchmarks.settings import BUILD_TARGET_S

MEASURED = {
    "cold_seconds": 18.5,
    "cold_cpu_seconds": 18.2,
    "seconds_median": 6.9,
    "seconds": [7.1, 6.9, 6.8],
    "cpu_seconds_median": 6.6,
    "cpu_seconds": [6.7, 6.6, 6.5],
    "note": "",
    "languages": 6,
}


def test_the_target_row_is_the_warm_cache_and_is_labelled_so() -> None:
    warm, cold = build_rows(MEASURED)
    assert "warm cache" in warm.metric and "median of 3" in warm.metric
    assert warm.value == "6.90 s (CPU 6.60 s)" and warm.passed is (BUILD_TARGET_S > 6.9)
    assert "cold cache" in cold.metric and cold.value == "18.50 s (CPU 18.20 s)"
    assert cold.passed is None


def test_a_slow_warm_build_fails_and_a_non_strict_one_is_marked() -> None:
    warm, cold = build_rows({**MEASURED, "seconds_median": 12.0, "note": "strict build failed"})
    assert warm.passed is False and warm.value.endswith("(non-strict)")
    assert cold.value.endswith("(non-strict)")


def test_no_build_measured_no_rows() -> None:
    assert build_rows(None) == []
