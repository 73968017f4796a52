"""Time zones from the tzdata package: the names offered and their rules.

Zone data comes from the `tzdata` package (loaded with `ZoneInfo.from_file`), never from the
operating system, so CPython and Pyodide (which has only the `tzdata` wheel the page loads) use
the same rules. The choices are the names in tzdata's `zone.tab` (one canonical "Area/City"
name per region: no "Etc/", "US/" or other legacy aliases) plus "UTC".
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo


def _tzdata_root() -> Path | None:
    """Where the tzdata package keeps its zone files, or None when it is not installed (as in
    the browser on pages whose calculators do not need it)."""
    try:
        spec = importlib.util.find_spec("tzdata")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations))) / "zoneinfo"
    return root if (root / "zone.tab").is_file() else None


def _zone_names(root: Path | None) -> tuple[str, ...]:
    """Canonical zone names: tzdata's zone.tab (column 3), sorted, plus UTC."""
    if root is None:
        return ()
    names = {
        line.split("\t")[2].strip()
        for line in (root / "zone.tab").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#") and line.count("\t") >= 2
    }
    return (*sorted(names), "UTC")


_ROOT = _tzdata_root()
ZONES = _zone_names(_ROOT)


@cache
def zone(name: str) -> ZoneInfo:
    """The zone `name` (one of ZONES), read from the tzdata package."""
    if name not in ZONES or _ROOT is None:
        raise KeyError(name)
    with open(_ROOT.joinpath(*name.split("/")), "rb") as file:
        return ZoneInfo.from_file(file, key=name)


@cache
def database_version() -> str:
    """The IANA release of the zone rules in use, such as "2026f" (from the first line of
    tzdata's tzdata.zi, "# version 2026f"), or "" when tzdata is not installed."""
    if _ROOT is None or not (_ROOT / "tzdata.zi").is_file():
        return ""
    with open(_ROOT / "tzdata.zi", encoding="utf-8") as file:
        first = file.readline().split()
    return first[2] if first[:2] == ["#", "version"] and len(first) > 2 else ""
