"""Small helpers: statistics, URLs, and where the build put the runtime."""

from __future__ import annotations

import re
import statistics
from pathlib import Path
from urllib.parse import urljoin, urlsplit


class MeasurementError(RuntimeError):
    """A measurement could not be taken (as opposed to a target being missed)."""


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def percentile(values: list[float], pct: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def is_http(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https", "ws", "wss")


def is_foreign(url: str) -> bool:
    return is_http(url) and urlsplit(url).hostname != "127.0.0.1"


def path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def runtime_paths(site: Path, page: str) -> dict[str, str]:
    """The Pyodide folder, its (trimmed) standard library and the wheel as URL paths from the
    server root, read from the calculator page's runtime script tag (so the bench follows
    whatever the build wrote)."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    base = "http://x/" + page
    found = {}
    for key in ("pyodide", "stdlib", "wheel"):
        match = re.search(rf'data-{key}="([^"]+)"', html)
        if not match:
            raise MeasurementError(f"{page}: no data-{key} on the calculator's runtime script")
        found[key] = path_and_query(urljoin(base, match.group(1)))
    return found
