"""Targets and fixed parameters of the benchmark."""

from __future__ import annotations

KB = 1000
MB = 1000 * KB
LIVE_TIMEOUT_MS = 60_000
BENCH_PREFIX = "/__bench__/"
GUIDE_PAGE = "guide/what-is-outsourcing/"
SECTIONS = ("first_paint", "cold_start", "latency", "bytes", "suite", "network")

# Targets.
RATIO_TARGET = 1.0  # calculator cold live / bare Pyodide on the same server
RETURN_RATIO_TARGET = 0.5  # return visit / cold visit, on localhost
LATENCY_P95_TARGET_MS = 50.0
HOME_BYTES_TARGET = 300 * KB
GUIDE_BYTES_TARGET = 200 * KB
LIVE_BYTES_TARGET = 4.8 * MB  # calculator page until live, gzip
BUILD_TARGET_S = 10.0
SUITE_P95_TARGET_MS = 30.0
# Calculators whose every run is a simulation, held to their own target.
SIMULATION_TARGETS_MS = {"savings_uncertainty": 300.0}
# Every field a reader can change goes there and back; a calculator with few fields walks them
# again until it has this many changes.
SUITE_MIN_CHANGES = 20
