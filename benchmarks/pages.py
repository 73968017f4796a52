"""What the benchmark loads into pages: the browser-side scripts (in js/) and the bare Pyodide
pages it compares the calculator against."""

from __future__ import annotations

import json
import shutil
from functools import cache
from pathlib import Path
from typing import Any

from benchmarks.settings import BENCH_PREFIX
from sitebuild.runtime_assets import PYODIDE_PACKAGE

JS = Path(__file__).resolve().parent / "js"


@cache
def script(name: str) -> str:
    return (JS / name).read_text(encoding="utf-8")


def cold_start_script(**args: Any) -> str:
    return script("cold-start.js").replace("__ARGS__", json.dumps(args))


def calculator_page(calculator_id: str) -> str:
    """Calculator pages live at docs/calculators/<id, with hyphens>.md."""
    return f"calculators/{calculator_id.replace('_', '-')}/"


def write_bare_pages(folder: Path, paths: dict[str, str], calculator: str) -> None:
    """The bare pages, served under /__bench__/ from `folder`:

    - bare: Pyodide as shipped (its own standard library and lock file), the baseline that
      the calculator's cold start is held to;
    - bare-site: the same start on the site's trimmed library and lock file, to see what the
      site's own files change;
    - wheel: bare-site plus the calculators wheel, its import and one computation.
    """
    stock = folder / "stock"
    stock.mkdir(exist_ok=True)
    for name in ("python_stdlib.zip", "pyodide-lock.json"):
        shutil.copyfile(PYODIDE_PACKAGE / name, stock / name)
    site_lock = paths["pyodide"] + "pyodide-lock.json"
    workers = {
        "bare-worker.js": ("bare-worker.js", BENCH_PREFIX + "stock/python_stdlib.zip",
                           BENCH_PREFIX + "stock/pyodide-lock.json"),
        "bare-site-worker.js": ("bare-worker.js", paths["stdlib"], site_lock),
        "wheel-worker.js": ("wheel-worker.js", paths["stdlib"], site_lock),
    }  # fmt: skip
    for out, (template, stdlib, lock) in workers.items():
        fill = {
            "__INDEX__": paths["pyodide"],
            "__STDLIB__": stdlib,
            "__LOCK__": lock,
            "__WHEEL__": paths["wheel"],
            "__CALCULATOR__": calculator,
        }
        text = script(template)
        for key, value in fill.items():
            text = text.replace(key, value)
        (folder / out).write_text(text, encoding="utf-8")
    (folder / "unpacking-fetch.js").write_text(script("unpacking-fetch.js"), encoding="utf-8")
    for page in ("bare", "bare-site", "wheel"):
        html = script("bare.html").replace("__WORKER__", f"{page}-worker.js")
        (folder / f"{page}.html").write_text(html, encoding="utf-8")
