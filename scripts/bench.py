#!/usr/bin/env python3
"""Performance benchmark of the built site, in headless Chromium.

    python scripts/bench.py --site SITE_DIR [--out bench-results/bench.json] [--changes 50]
                            [--runs 3] [--build-time-runs 1] [--skip-build-time]

It serves SITE_DIR on 127.0.0.1 and measures, each browser measurement in a fresh (cold) context:

(a) first contentful paint of the calculator page, and whether the prerendered results are in
    the server's HTML (checked with JavaScript off) and in the DOM before the first paint;
(b) navigation start to the first recomputed result (the reader changes a field right after
    DOMContentLoaded), against a bare page that only starts the same Pyodide in a module worker
    from the same server (served under /__bench__/ from a temporary folder, not the site);
(c) input-to-result latency over a series of changes, with the Python compute time;
(d) bytes transferred by the home page and the calculator page (CDP `Network.loadingFinished`
    encodedDataLength; requests made inside workers come from their own targets), as served
    here (no compression) and gzip-compressed as GitHub Pages serves them; requests to hosts
    other than 127.0.0.1 are counted over the whole run;
(e) the wall time of `mkdocs build`;
(f) for every calculator in the catalogue, input-to-result latency over a series of changes of
    its own fields (the Monte Carlo one against its own target), and the bytes of a guide page
    with no calculator (it must not load the runtime).

It prints a table (metric, value, target, pass/fail) and writes every number as JSON. Missing a
target still exits 0 (this is a measurement); a measurement that cannot be taken exits 1.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urljoin, urlsplit

import calculators

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
BENCH_PREFIX = "/__bench__/"
LIVE_TIMEOUT_MS = 60_000
# Content types a compressing static host (GitHub Pages) sends gzip-encoded.
GZIP_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/wasm",
    "application/xml",
    "image/svg+xml",
)
KB = 1000

# Targets.
RATIO_TARGET = 1.1
LATENCY_P95_TARGET_MS = 50.0
HOME_BYTES_TARGET = 300 * KB
BUILD_TARGET_S = 10.0
SUITE_P95_TARGET_MS = 30.0
# Calculators whose every run is a simulation, held to their own target.
SIMULATION_TARGETS_MS = {"savings_uncertainty": 300.0}
SUITE_CHANGES = 20
SECTIONS = ("first_paint", "cold_start", "latency", "bytes", "suite")
GUIDE_PAGE = "guide/what-is-outsourcing/"


# --------------------------------------------------------------------------------------------
# The static server


@dataclass
class Served:
    tag: str
    path: str
    status: int
    bytes: int


class _CountingWriter(io.BufferedIOBase):
    """Wraps the socket writer and counts every byte sent (status line, headers, body)."""

    def __init__(self, inner: io.BufferedIOBase) -> None:
        super().__init__()
        self.inner = inner
        self.count = 0

    def write(self, data: Any) -> int:
        written = self.inner.write(data)
        self.count += len(data)
        return written

    def flush(self) -> None:
        self.inner.flush()

    def writable(self) -> bool:
        return True


class BenchServer(http.server.ThreadingHTTPServer):
    """The built site at /, the benchmark's own pages at /__bench__/ (from another folder)."""

    daemon_threads = True

    def __init__(self, site: Path, extra: Path) -> None:
        super().__init__(("127.0.0.1", 0), BenchHandler)
        self.site = site
        self.extra = extra
        self.gzip = False  # compress like GitHub Pages (only for the bytes measurement)
        self.tag = ""  # which measurement the requests now arriving belong to
        self.blocked: tuple[str, ...] = ()  # URL path prefixes answered 404 (diagnosis)
        self.served: list[Served] = []
        self._lock = threading.Lock()
        self._compressed: dict[Path, bytes] = {}

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A context closed mid-download (the page had what it needed) is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def record(self, served: Served) -> None:
        with self._lock:
            self.served.append(served)

    def compressed(self, path: Path) -> bytes:
        with self._lock:
            body = self._compressed.get(path)
        if body is None:
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            with self._lock:
                self._compressed[path] = body
        return body

    def served_with(self, tag: str) -> list[Served]:
        with self._lock:
            return [s for s in self.served if s.tag == tag]


class BenchHandler(http.server.SimpleHTTPRequestHandler):
    server: BenchServer
    counter: _CountingWriter
    status = 0

    def __init__(self, request: Any, client_address: Any, server: BenchServer) -> None:
        super().__init__(request, client_address, server, directory=str(server.site))

    def setup(self) -> None:
        super().setup()
        self.counter = _CountingWriter(self.wfile)
        self.wfile = self.counter

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            path = getattr(self, "path", "")
            if path:
                self.server.record(Served(self.server.tag, path, self.status, self.counter.count))

    def send_response(self, code: int, message: str | None = None) -> None:
        self.status = code
        super().send_response(code, message)

    def translate_path(self, path: str) -> str:
        if urlsplit(path).path.startswith(BENCH_PREFIX):
            self.directory = str(self.server.extra)
            path = path[len(BENCH_PREFIX) - 1 :]
        else:
            self.directory = str(self.server.site)
        return super().translate_path(path)

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        # Module scripts and WebAssembly need exact types (the mimetypes table varies).
        exact = {
            ".mjs": "text/javascript",
            ".js": "text/javascript",
            ".wasm": "application/wasm",
            ".json": "application/json",
        }
        return exact.get(Path(path).suffix) or super().guess_type(path)

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        if self.server.blocked and urlsplit(self.path).path.startswith(self.server.blocked):
            self.send_error(404, "blocked by the benchmark")
            return None
        if not self.server.gzip or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the slash
            path = path / "index.html"
        ctype = self.guess_type(path)
        if not path.is_file() or not ctype.startswith(GZIP_TYPES):
            return super().send_head()
        body = self.server.compressed(path)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serving(site: Path, extra: Path) -> Iterator[BenchServer]:
    server = BenchServer(site, extra)
    thread = threading.Thread(target=server.serve_forever, name="bench-server", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --------------------------------------------------------------------------------------------
# Small helpers


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


def runtime_paths(site: Path, page: str) -> tuple[str, str]:
    """The Pyodide folder and the wheel as URL paths from the server root, read from the
    calculator page's runtime script tag (so the bench follows whatever the build wrote)."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    base = "http://x/" + page
    pyodide = re.search(r'data-pyodide="([^"]+)"', html)
    wheel = re.search(r'data-wheel="([^"]+)"', html)
    if not pyodide or not wheel:
        raise MeasurementError(f"{page}: no calculator runtime script tag")
    return (
        path_and_query(urljoin(base, pyodide.group(1))),
        path_and_query(urljoin(base, wheel.group(1))),
    )


# --------------------------------------------------------------------------------------------
# The bare Pyodide pages (served from a temporary folder under /__bench__/)

BARE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide</title></head>
<body><p>Bare Pyodide start: {worker}</p>
<script type="module">
window.__bench = {{ created: performance.now() }};
const worker = new Worker(new URL("{worker}", import.meta.url), {{ type: "module" }});
worker.onmessage = ({{ data }}) => {{
  window.__bench.data = data;
  window.__bench.done = performance.now();
}};
worker.onerror = (event) => {{ window.__bench.error = event.message || "worker error"; }};
</script>
</body></html>
"""

# Only what the calculator cannot avoid: import Pyodide, start it, run 1+1.
BARE_WORKER = """import {{ loadPyodide }} from "{index}pyodide.mjs";
const began = performance.now();
try {{
  const pyodide = await loadPyodide({{ indexURL: new URL("{index}", self.location.href).href }});
  const loaded = performance.now();
  const two = pyodide.runPython("1+1");
  self.postMessage({{ ok: two === 2, loadMs: loaded - began }});
}} catch (error) {{
  self.postMessage({{ ok: false, error: String(error) }});
}}
"""

# Diagnosis: the same plus the calculators wheel, its import and one computation.
WHEEL_WORKER = """import {{ loadPyodide }} from "{index}pyodide.mjs";
const began = performance.now();
try {{
  const wheel = fetch("{wheel}").then((r) => {{
    if (!r.ok) throw new Error(`wheel: HTTP ${{r.status}}`);
    return r.arrayBuffer();
  }});
  const pyodide = await loadPyodide({{ indexURL: new URL("{index}", self.location.href).href }});
  const loaded = performance.now();
  // As the calculator's worker finds site-packages (the first import of sysconfig)...
  const site = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  const located = performance.now();
  pyodide.unpackArchive(new Uint8Array(await wheel), "wheel", {{ extractDir: site }});
  const unpacked = performance.now();
  const respond = pyodide.pyimport("calculators.browser").respond;
  const imported = performance.now();
  const request = {{ calculator: "{calculator}", inputs: {{}}, locale: "en" }};
  const response = JSON.parse(respond(JSON.stringify(request)));
  const computed = performance.now();
  const again = performance.now();
  respond(JSON.stringify(request));
  const secondMs = performance.now() - again;
  self.postMessage({{
    ok: response.ok === true,
    loadMs: loaded - began,
    sysconfigMs: located - loaded,
    unpackMs: unpacked - located,
    importMs: imported - unpacked,
    firstComputeMs: computed - imported,
    secondComputeMs: secondMs,
  }});
}} catch (error) {{
  self.postMessage({{ ok: false, error: String(error) }});
}}
"""


def write_bare_pages(folder: Path, pyodide: str, wheel: str, calculator: str) -> None:
    (folder / "bare-worker.js").write_text(BARE_WORKER.format(index=pyodide), encoding="utf-8")
    (folder / "wheel-worker.js").write_text(
        WHEEL_WORKER.format(index=pyodide, wheel=wheel, calculator=calculator), encoding="utf-8"
    )
    (folder / "bare.html").write_text(BARE_HTML.format(worker="bare-worker.js"), encoding="utf-8")
    (folder / "wheel.html").write_text(BARE_HTML.format(worker="wheel-worker.js"), "utf-8")


# --------------------------------------------------------------------------------------------
# In-page instrumentation

# Records when the prerendered figures enter the DOM (parser insertions reach a
# MutationObserver before the next rendering opportunity) and what the page holds at
# DOMContentLoaded.
FIRST_PAINT_SCRIPT = """(() => {
  const t = (window.__bench = {});
  const figures = () => document.querySelectorAll(".calc-results .calc-figure").length;
  const observer = new MutationObserver(() => {
    if (figures() > 0) {
      t.resultsInDomMs = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => {
    const form = document.querySelector("form[data-calculator]");
    t.dclMs = performance.now();
    t.figuresAtDcl = figures();
    t.stateAtDcl = form ? form.dataset.state : null;
  });
})();"""

# Marks the runtime's steps on the page's clock (performance.now() = ms since navigation
# start) and, when `interact` is on, changes a field like a reader right after
# DOMContentLoaded (as soon as the runtime has mounted the form).
COLD_START_SCRIPT = """(({ interact, field, value }) => {
  const t = (window.__bench = { marks: {} });
  const mark = (name) => { if (!(name in t.marks)) t.marks[name] = performance.now(); };
  const PageWorker = window.Worker; // the first worker the page creates is the runtime's
  window.Worker = function (...args) { mark("worker created"); return new PageWorker(...args); };
  window.Worker.prototype = PageWorker.prototype;
  document.addEventListener("DOMContentLoaded", () => {
    mark("domContentLoaded");
    const form = document.querySelector("form[data-calculator]");
    if (!form) { t.error = "no calculator form on the page"; return; }
    new MutationObserver(() => mark("state:" + form.dataset.state))
      .observe(form, { attributes: true, attributeFilter: ["data-state"] });
    const progress = form.querySelector(".calc-progress");
    if (progress) {
      new MutationObserver(() => mark("progress:" + progress.getAttribute("value")))
        .observe(progress, { attributes: true, attributeFilter: ["value"] });
    }
    form.addEventListener("calculator:result", (event) => {
      const detail = event.detail || {};
      if (detail.ok && t.firstResultMs === undefined) {
        t.firstResultMs = performance.now();
        t.firstDetail = detail;
      }
    });
    if (!interact) return;
    const act = () => {
      const input = form.querySelector("#" + field);
      if (!input) { t.error = "no field #" + field; return; }
      mark("interaction");
      input.focus();
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    };
    if (form.hasAttribute("data-mounted")) { act(); return; }
    const mounted = new MutationObserver(() => {
      if (form.hasAttribute("data-mounted")) { mounted.disconnect(); act(); }
    });
    mounted.observe(form, { attributes: true, attributeFilter: ["data-mounted"] });
  });
})(%s);"""

LATENCY_SCRIPT = """async ({ changes, timeoutMs }) => {
  const form = document.querySelector("form[data-calculator]");
  let settle = null;
  form.addEventListener("calculator:result", (event) => {
    if (!settle) return;
    const s = settle;
    settle = null;
    s({ at: performance.now(), detail: event.detail });
  });
  const out = [];
  for (const [id, value] of changes) {
    const input = document.getElementById(id);
    if (!input) throw new Error("no field #" + id);
    let timer = null;
    const answer = new Promise((resolve, reject) => {
      settle = resolve;
      timer = setTimeout(() => reject(new Error(`no result for #${id} = ${value}`)), timeoutMs);
    });
    const began = performance.now();
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const { at, detail } = await answer;
    clearTimeout(timer);
    out.push({ field: id, value, latencyMs: at - began, ok: detail.ok, computeMs: detail.ms,
               roundTripMs: detail.roundTripMs });
  }
  return out;
}"""

NAVIGATION_SCRIPT = """() => {
  const [nav] = performance.getEntriesByType("navigation");
  const paints = Object.fromEntries(performance.getEntriesByType("paint")
    .map((p) => [p.name, p.startTime]));
  return { domContentLoadedMs: nav ? nav.domContentLoadedEventStart : null,
           loadMs: nav ? nav.loadEventStart : null,
           responseEndMs: nav ? nav.responseEnd : null,
           fcpMs: paints["first-contentful-paint"] ?? null };
}"""


# --------------------------------------------------------------------------------------------
# The browser measurements


@dataclass
class Bench:
    """Everything the measurements share."""

    browser: Any
    server: BenchServer
    page: str
    calculator: str
    field_name: str
    all_requests: list[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        return self.server.url

    def context(self, **options: Any) -> Any:
        """A fresh browser context: its own empty HTTP cache, so every load is cold."""
        context = self.browser.new_context(**options)
        context.set_default_timeout(LIVE_TIMEOUT_MS)
        context.on("request", lambda request: self.all_requests.append(request.url))
        return context


def measure_first_paint(bench: Bench, runs: int) -> dict[str, Any]:
    url = bench.base + bench.page
    # The server's HTML alone, no script at all.
    context = bench.context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    figures_no_js = page.locator(".calc-results .calc-figure").count()
    state_no_js = page.locator("form[data-calculator]").first.get_attribute("data-state")
    context.close()

    samples: list[dict[str, Any]] = []
    for _ in range(runs):
        context = bench.context()
        context.add_init_script(script=FIRST_PAINT_SCRIPT)
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_function(
            "performance.getEntriesByType('paint')"
            ".some((p) => p.name === 'first-contentful-paint')",
            timeout=10_000,
        )
        sample = dict(page.evaluate(NAVIGATION_SCRIPT))
        sample.update(page.evaluate("window.__bench"))
        samples.append(sample)
        context.close()

    fcps = [float(s["fcpMs"]) for s in samples]
    before = [float(s["resultsInDomMs"]) <= float(s["fcpMs"]) for s in samples]
    return {
        "fcp_ms_median": median(fcps),
        "fcp_ms": fcps,
        "results_in_dom_ms_median": median([float(s["resultsInDomMs"]) for s in samples]),
        "figures_in_server_html": figures_no_js,
        "state_without_js": state_no_js,
        "results_in_first_paint": figures_no_js > 0,
        "results_in_dom_before_fcp_runs": sum(before),
        "runs": samples,
    }


def cold_calculator(bench: Bench, *, interact: bool, value: str = "11") -> tuple[Any, Any]:
    """Loads the calculator page in a cold context; returns (context, page) once the first
    recomputed result (interact) or the ready state (no interaction) is there."""
    context = bench.context()
    field_id = f"calc-{bench.calculator}-{bench.field_name}"
    arg = json.dumps({"interact": interact, "field": field_id, "value": value})
    context.add_init_script(script=COLD_START_SCRIPT % arg)
    done = "window.__bench.firstResultMs !== undefined"
    if not interact:
        done = "f && f.dataset.state === 'ready'"
    try:
        page = context.new_page()
        page.goto(bench.base + bench.page, wait_until="commit")
        page.wait_for_function(
            f"""() => {{ const f = document.querySelector("form[data-calculator]");
            return window.__bench && (window.__bench.error || (f && f.dataset.state === 'failed')
              || ({done})); }}""",
            timeout=LIVE_TIMEOUT_MS,
        )
        state = page.evaluate("window.__bench")
        if state.get("error"):
            raise MeasurementError(f"calculator page: {state['error']}")
        if page.locator("form[data-calculator]").first.get_attribute("data-state") == "failed":
            status = page.locator(".calc-status").first.text_content()
            raise MeasurementError(f"the calculator failed to start: {status}")
    except BaseException:
        context.close()
        raise
    return context, page


def run_calculator_cold(bench: Bench, *, blocked: tuple[str, ...] = ()) -> dict[str, Any]:
    bench.server.blocked = blocked
    try:
        context, page = cold_calculator(bench, interact=True)
        state = dict(page.evaluate("window.__bench"))
        state.update(page.evaluate(NAVIGATION_SCRIPT))
        context.close()
    finally:
        bench.server.blocked = ()
    return state


def run_bare(bench: Bench, name: str) -> dict[str, Any]:
    context = bench.context()
    page = context.new_page()
    page.goto(f"{bench.base}{BENCH_PREFIX[1:]}{name}.html", wait_until="commit")
    page.wait_for_function(
        "window.__bench && (window.__bench.done !== undefined || window.__bench.error)",
        timeout=LIVE_TIMEOUT_MS,
    )
    state = dict(page.evaluate("window.__bench"))
    context.close()
    if state.get("error") or not state.get("data", {}).get("ok"):
        raise MeasurementError(f"bare Pyodide page ({name}): {state}")
    return state


# Material's search worker (it downloads and indexes search_index.json on every page).
SEARCH_WORKER = ("/assets/javascripts/workers/",)


def measure_cold_start(bench: Bench, runs: int) -> dict[str, Any]:
    calculator: list[dict[str, Any]] = []
    bare: list[dict[str, Any]] = []
    wheel: list[dict[str, Any]] = []
    no_search: list[dict[str, Any]] = []
    for _ in range(runs):  # interleaved, so drifting machine load hits all alike
        calculator.append(run_calculator_cold(bench))
        bare.append(run_bare(bench, "bare"))
        wheel.append(run_bare(bench, "wheel"))
        no_search.append(run_calculator_cold(bench, blocked=SEARCH_WORKER))
    idle_context, idle_page = cold_calculator(bench, interact=False)
    idle_state = dict(idle_page.evaluate("window.__bench"))
    idle_context.close()

    calc_ms = median([float(r["firstResultMs"]) for r in calculator])
    bare_ms = median([float(r["done"]) for r in bare])

    def mark_median(name: str) -> float | None:
        values = [float(r["marks"][name]) for r in calculator if name in r["marks"]]
        return median(values) if len(values) == len(calculator) else None

    timeline = {
        "domContentLoaded": mark_median("domContentLoaded"),
        "worker created": mark_median("worker created"),
        "interaction": mark_median("interaction"),
        "Pyodide up (progress 2 received)": mark_median("progress:2"),
        "wheel installed and imported, ready": mark_median("state:ready"),
        "first result event": calc_ms,
    }
    wheel_parts = {
        key: median([float(r["data"][key]) for r in wheel])
        for key in (
            "loadMs",
            "sysconfigMs",
            "unpackMs",
            "importMs",
            "firstComputeMs",
            "secondComputeMs",
        )
    }
    return {
        "calculator_first_result_ms_median": calc_ms,
        "bare_pyodide_ms_median": bare_ms,
        "ratio": calc_ms / bare_ms,
        "calculator_worker_to_pyodide_ms_median": median(
            [
                float(r["marks"]["progress:2"]) - float(r["marks"]["worker created"])
                for r in calculator
            ]
        ),
        "bare_worker_created_ms_median": median([float(r["created"]) for r in bare]),
        "bare_worker_to_pyodide_ms_median": median(
            [float(r["done"]) - float(r["created"]) for r in bare]
        ),
        "bare_load_ms_median": median([float(r["data"]["loadMs"]) for r in bare]),
        "bare_plus_wheel_ms_median": median([float(r["done"]) for r in wheel]),
        "bare_plus_wheel_parts_ms": wheel_parts,
        "no_search_first_result_ms_median": median([float(r["firstResultMs"]) for r in no_search]),
        "calculator_timeline_ms_median": timeline,
        "first_result_compute_ms_median": median(
            [float(r["firstDetail"]["ms"]) for r in calculator]
        ),
        "first_result_round_trip_ms_median": median(
            [float(r["firstDetail"]["roundTripMs"]) for r in calculator]
        ),
        "idle_start_ready_ms": idle_state["marks"].get("state:ready"),
        "idle_start_marks": idle_state["marks"],
        "calculator_runs": calculator,
        "bare_runs": bare,
        "bare_plus_wheel_runs": wheel,
        "no_search_runs": no_search,
    }


def latency_changes(bench: Bench, count: int) -> list[tuple[str, str]]:
    """Alternates several fields through valid values (headcount 10..59 and so on)."""
    prefix = f"calc-{bench.calculator}-"
    cycle: list[tuple[str, Callable[[int], str]]] = [
        ("headcount", lambda i: str(10 + i % 50)),
        ("salary", lambda i: str(50_000 + 500 * i)),
        ("on_costs_pct", lambda i: str(20 + i % 40)),
        ("overhead_per_fte", lambda i: str(10_000 + 100 * i)),
    ]
    return [(prefix + cycle[i % len(cycle)][0], cycle[i % len(cycle)][1](i)) for i in range(count)]


def latency_stats(samples: list[dict[str, Any]]) -> dict[str, Any]:
    """Percentiles of the input-to-result times and of the Python compute times."""
    round_trip = [float(s["latencyMs"]) for s in samples]
    compute = [float(s["computeMs"]) for s in samples]
    return {
        "changes": len(samples),
        "not_ok": sum(1 for s in samples if not s["ok"]),
        "latency_ms_p50": percentile(round_trip, 50),
        "latency_ms_p95": percentile(round_trip, 95),
        "latency_ms_max": max(round_trip),
        "compute_ms_p50": percentile(compute, 50),
        "compute_ms_p95": percentile(compute, 95),
    }


def measure_latency(bench: Bench, count: int) -> dict[str, Any]:
    context, page = cold_calculator(bench, interact=False)
    changes = latency_changes(bench, count)
    missing = [cid for cid, _ in changes if page.locator(f"#{cid}").count() == 0]
    if missing:
        context.close()
        raise MeasurementError(f"fields missing on the page: {sorted(set(missing))}")
    samples: list[dict[str, Any]] = page.evaluate(
        LATENCY_SCRIPT, {"changes": changes, "timeoutMs": 10_000}
    )
    context.close()
    return {
        **latency_stats(samples),
        "runtime_round_trip_ms_p50": percentile([float(s["roundTripMs"]) for s in samples], 50),
        "samples": samples,
    }


def wait_until_live(page: Any, form: str, label: str) -> None:
    """Waits for the calculator form to be ready; its failure to start is a MeasurementError."""
    page.wait_for_selector(
        f"{form}[data-state='ready'], {form}[data-state='failed']", timeout=LIVE_TIMEOUT_MS
    )
    if page.locator(form).first.get_attribute("data-state") == "failed":
        raise MeasurementError(f"{label}: the calculator failed to start")


def measure_bytes(bench: Bench, path: str, *, live: bool, compress: bool) -> dict[str, Any]:
    """Cold load of one page until it settles; bytes from CDP Network.loadingFinished."""
    server = bench.server
    tag = f"bytes {path or '/'} {'gzip' if compress else 'identity'}"
    server.gzip, server.tag = compress, tag
    context = bench.context()
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        urls: dict[str, str] = {}
        finished: dict[str, float] = {}

        def sent(event: dict[str, Any]) -> None:
            urls[event["requestId"]] = event["request"]["url"]

        def loaded(event: dict[str, Any]) -> None:
            finished[event["requestId"]] = event["encodedDataLength"]

        cdp.on("Network.requestWillBeSent", sent)
        cdp.on("Network.loadingFinished", loaded)
        cdp.send("Network.enable")
        # The page's CDP target does not see requests made inside dedicated workers (Pyodide's
        # files, the wheel): Playwright attaches to every worker target and reads the same
        # loadingFinished encodedDataLength there.
        requests: list[Any] = []
        context.on("request", lambda request: requests.append(request))
        page.goto(bench.base + path)
        if live:
            wait_until_live(page, "form[data-calculator]", path)
        else:
            page.wait_for_timeout(2500)  # long enough for anything started late to show up
        page.wait_for_load_state("networkidle")
        fcp = page.evaluate(NAVIGATION_SCRIPT)["fcpMs"]

        entries: list[dict[str, Any]] = []
        covered: Counter[str] = Counter()
        for rid, size in finished.items():
            url = urls.get(rid, "")
            if is_http(url):
                entries.append({"url": url, "bytes": int(size), "source": "cdp page"})
                covered[url] += 1
        unused = list(server.served_with(tag))
        for request in requests:
            url = request.url
            if not is_http(url):
                continue
            if covered[url] > 0:
                covered[url] -= 1
                continue
            size, source = 0, "cdp worker"
            try:
                sizes = request.sizes()
                size = int(sizes["responseBodySize"]) + int(sizes["responseHeadersSize"])
                if int(sizes["responseBodySize"]) <= 0:
                    size = 0
            except Exception:
                size = 0
            if size == 0:
                # A worker's own script is fetched outside any target's Network domain: the
                # server's count of the bytes it sent stands in.
                target = path_and_query(url)
                match = next((s for s in unused if s.path == target), None)
                if match:
                    unused.remove(match)
                    size, source = match.bytes, "server count"
            entries.append({"url": url, "bytes": size, "source": source})
    finally:
        context.close()
        server.gzip, server.tag = False, ""

    total = sum(e["bytes"] for e in entries)
    server_total = sum(s.bytes for s in server.served_with(tag))
    paths = [urlsplit(e["url"]).path for e in entries]
    return {
        "bytes": total,
        "server_sent_bytes": server_total,
        "requests": len(entries),
        "fcp_ms": fcp,
        "wasm_requested": any(p.endswith(".wasm") for p in paths),
        "pyodide_or_wheel_requested": any("/pyodide/" in p or p.endswith(".whl") for p in paths),
        "foreign_requests": sum(1 for r in requests if is_foreign(r.url)),
        "entries": sorted(entries, key=lambda e: -int(e["bytes"])),
    }


def measure_all_bytes(bench: Bench) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for compress in (False, True):
        key = "gzip" if compress else "identity"
        out[f"home_{key}"] = measure_bytes(bench, "", live=False, compress=compress)
        out[f"calculator_{key}"] = measure_bytes(bench, bench.page, live=True, compress=compress)
    return out


# --------------------------------------------------------------------------------------------
# (f) the whole calculator suite


def calculator_page(calculator_id: str) -> str:
    """Calculator pages live at docs/calculators/<id, with hyphens>.md."""
    return f"calculators/{calculator_id.replace('_', '-')}/"


def another_value(entry: dict[str, Any]) -> str | None:
    """A valid value other than the default for a number or choice field, else None."""
    if entry["kind"] == "choice":
        others = [c["value"] for c in entry["choices"] if c["value"] != entry["default"]]
        return str(others[0]) if others else None
    if not isinstance(entry["default"], int | float) or isinstance(entry["default"], bool):
        return None
    step = entry["step"] or 1
    value = entry["default"] + step
    if entry["max"] is not None and value > entry["max"]:
        value = entry["default"] - step
    return str(int(value) if float(value).is_integer() else value)


def suite_changes(calculator_id: str, entries: list[dict[str, Any]], count: int) -> list[Any]:
    """Walks the calculator's fields in turn, each to another valid value and back."""
    toggles = []
    for entry in entries:
        other = another_value(entry)
        if other is not None:
            toggles.append((f"calc-{calculator_id}-{entry['name']}", str(entry["default"]), other))
    if not toggles:
        raise MeasurementError(f"{calculator_id}: no number or choice field to change")
    changes = []
    for i in range(count):
        field_id, default, other = toggles[(i // 2) % len(toggles)]
        changes.append((field_id, other if i % 2 == 0 else default))
    return changes


def measure_one_calculator(bench: Bench, calculator_id: str, entries: list[Any]) -> dict[str, Any]:
    context = bench.context()
    try:
        page = context.new_page()
        page.goto(bench.base + calculator_page(calculator_id))
        wait_until_live(page, f"form[data-calculator='{calculator_id}']", calculator_id)
        changes = suite_changes(calculator_id, entries, SUITE_CHANGES)
        samples: list[dict[str, Any]] = page.evaluate(
            LATENCY_SCRIPT, {"changes": changes, "timeoutMs": 20_000}
        )
    finally:
        context.close()
    return {
        **latency_stats(samples),
        "target_ms": SIMULATION_TARGETS_MS.get(calculator_id, SUITE_P95_TARGET_MS),
    }


def measure_suite(bench: Bench) -> dict[str, Any]:
    out: dict[str, Any] = {"calculators": {}}
    for entry in calculators.catalog():
        out["calculators"][entry["id"]] = measure_one_calculator(
            bench, entry["id"], entry["fields"]
        )
    out["guide_page"] = measure_bytes(bench, GUIDE_PAGE, live=False, compress=True)
    return out


# --------------------------------------------------------------------------------------------
# mkdocs build


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
    return {"seconds_median": median(times), "seconds": times, "note": note}


# --------------------------------------------------------------------------------------------
# Report


@dataclass
class Row:
    metric: str
    value: str
    target: str = ""
    passed: bool | None = None  # None: information only, no target

    @property
    def verdict(self) -> str:
        return {True: "pass", False: "FAIL", None: "info"}[self.passed]


def kb(n: float) -> str:
    return f"{n / KB:,.1f} KB"


def report_rows(results: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    a = results.get("first_paint")
    if a:
        rows += [
            Row("(a) calculator page FCP, median", f"{a['fcp_ms_median']:.0f} ms"),
            Row(
                "(a) results in first paint (in server HTML, JS off)",
                "yes" if a["results_in_first_paint"] else "no",
                "yes",
                bool(a["results_in_first_paint"]),
            ),
            Row(
                "(a) results in the DOM at first contentful paint",
                f"{a['results_in_dom_before_fcp_runs']} of {len(a['fcp_ms'])} runs"
                f" (parsed at {a['results_in_dom_ms_median']:.0f} ms)",
            ),
        ]
    b = results.get("cold_start")
    if b:
        rows += [
            Row(
                "(b) nav -> first live result, calculator",
                f"{b['calculator_first_result_ms_median']:.0f} ms",
            ),
            Row("(b) nav -> Pyodide ran 1+1, bare page", f"{b['bare_pyodide_ms_median']:.0f} ms"),
            Row(
                "(b) ratio calculator / bare",
                f"{b['ratio']:.2f}",
                f"<= {RATIO_TARGET}",
                b["ratio"] <= RATIO_TARGET,
            ),
            Row(
                "(b) diag: bare + wheel + import + 1st compute",
                f"{b['bare_plus_wheel_ms_median']:.0f} ms",
            ),
            Row(
                "(b) diag: calculator, Material search worker off",
                f"{b['no_search_first_result_ms_median']:.0f} ms",
            ),
            Row(
                "(b) diag: nav -> ready, no interaction",
                f"{b['idle_start_ready_ms']:.0f} ms",
            ),
        ]
    c = results.get("latency")
    if c:
        rows += [
            Row(
                f"(c) input -> result p50 ({c['changes']} changes)", f"{c['latency_ms_p50']:.1f} ms"
            ),
            Row(
                "(c) input -> result p95",
                f"{c['latency_ms_p95']:.1f} ms",
                f"< {LATENCY_P95_TARGET_MS:.0f} ms",
                c["latency_ms_p95"] < LATENCY_P95_TARGET_MS,
            ),
            Row("(c) input -> result max", f"{c['latency_ms_max']:.1f} ms"),
            Row(
                "(c) Python compute p50 / p95",
                f"{c['compute_ms_p50']:.1f} / {c['compute_ms_p95']:.1f} ms",
            ),
        ]
        if c["not_ok"]:
            rows.append(Row("(c) changes answered with errors", str(c["not_ok"]), "0", False))
    d = results.get("bytes")
    if d:
        home_i, home_g = d["home_identity"], d["home_gzip"]
        calc_i, calc_g = d["calculator_identity"], d["calculator_gzip"]
        foreign = results.get("foreign_requests_whole_run", 0)
        rows += [
            Row(
                "(d) home page bytes, uncompressed (this server)",
                kb(home_i["bytes"]),
                f"< {kb(HOME_BYTES_TARGET)}",
                home_i["bytes"] < HOME_BYTES_TARGET,
            ),
            Row(
                "(d) home page bytes, gzip (as GitHub Pages)",
                kb(home_g["bytes"]),
                f"< {kb(HOME_BYTES_TARGET)}",
                home_g["bytes"] < HOME_BYTES_TARGET,
            ),
            Row(
                "(d) home page requests any .wasm",
                "yes" if home_i["wasm_requested"] or home_g["wasm_requested"] else "no",
                "no",
                not (home_i["wasm_requested"] or home_g["wasm_requested"]),
            ),
            Row("(d) calculator page bytes until live, uncompressed", kb(calc_i["bytes"])),
            Row("(d) calculator page bytes until live, gzip", kb(calc_g["bytes"])),
            Row("(d) requests to other hosts (whole run)", str(foreign), "0", foreign == 0),
        ]
    f = results.get("suite")
    if f:
        for calculator_id, m in f["calculators"].items():
            rows.append(
                Row(
                    f"(f) {calculator_id}: input -> result p95 ({m['changes']} changes)",
                    f"{m['latency_ms_p95']:.1f} ms (compute {m['compute_ms_p95']:.1f})",
                    f"< {m['target_ms']:.0f} ms",
                    m["latency_ms_p95"] < m["target_ms"] and not m["not_ok"],
                )
            )
        guide = f["guide_page"]
        rows.append(
            Row(
                f"(f) {GUIDE_PAGE} bytes gzip, loads the runtime?",
                f"{kb(guide['bytes'])}, "
                + (
                    "yes"
                    if guide["pyodide_or_wheel_requested"] or guide["wasm_requested"]
                    else "no"
                ),
                f"< {kb(HOME_BYTES_TARGET)}, no",
                guide["bytes"] < HOME_BYTES_TARGET
                and not (guide["pyodide_or_wheel_requested"] or guide["wasm_requested"]),
            )
        )
    e = results.get("build")
    if e:
        rows.append(
            Row(
                f"(e) mkdocs build wall time, median of {len(e['seconds'])}",
                f"{e['seconds_median']:.2f} s" + (" (non-strict)" if e["note"] else ""),
                f"< {BUILD_TARGET_S:.0f} s",
                e["seconds_median"] < BUILD_TARGET_S,
            )
        )
    return rows


def print_table(rows: list[Row]) -> None:
    headers = ("metric", "value", "target", "result")
    table = [headers, *[(r.metric, r.value, r.target or "-", r.verdict) for r in rows]]
    widths = [max(len(line[i]) for line in table) for i in range(4)]

    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    print(line(headers))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for cells in table[1:]:
        print(line(cells))


def print_details(results: dict[str, Any]) -> None:
    b = results.get("cold_start")
    if b:
        print("\nCold start, calculator page (median ms since navigation start):")
        for name, ms in b["calculator_timeline_ms_median"].items():
            print(f"  {name:<40} {'-' if ms is None else f'{ms:8.0f}'}")
        print(
            f"  {'worker created -> Pyodide up: calc / bare':<40} "
            f"{b['calculator_worker_to_pyodide_ms_median']:8.0f} / "
            f"{b['bare_worker_to_pyodide_ms_median']:.0f}"
            f"  (bare page creates its worker at {b['bare_worker_created_ms_median']:.0f})"
        )
        compute = b["first_result_compute_ms_median"]
        trip = b["first_result_round_trip_ms_median"]
        print(f"  {'first result: compute / round trip':<40} {compute:8.1f} / {trip:.1f}")
        print("Bare page + wheel, inside the worker (median ms):")
        for name, ms in b["bare_plus_wheel_parts_ms"].items():
            print(f"  {name:<40} {ms:8.1f}")
        print(f"  {'bare page: loadPyodide inside the worker':<40} {b['bare_load_ms_median']:8.1f}")
    d = results.get("bytes")
    if d:
        print("\nLargest downloads, calculator page (uncompressed / gzip):")
        gz = {e["url"]: e["bytes"] for e in d["calculator_gzip"]["entries"]}
        for entry in d["calculator_identity"]["entries"][:8]:
            path = urlsplit(entry["url"]).path
            print(f"  {path:<55} {kb(entry['bytes']):>12} {kb(gz.get(entry['url'], 0)):>12}")
        checks = ", ".join(
            f"{key} {kb(m['bytes'])} / {kb(m['server_sent_bytes'])}" for key, m in d.items()
        )
        print(f"Bytes seen by the browser / sent by the server: {checks}")
        print("Home page downloads (uncompressed / gzip):")
        gz = {e["url"]: e["bytes"] for e in d["home_gzip"]["entries"]}
        for entry in d["home_identity"]["entries"]:
            path = urlsplit(entry["url"]).path
            print(f"  {path:<55} {kb(entry['bytes']):>12} {kb(gz.get(entry['url'], 0)):>12}")
    for error in results.get("errors", []):
        print(f"\nERROR: {error}")


# --------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--site", type=Path, required=True, help="a built site (mkdocs build)")
    parser.add_argument("--out", type=Path, default=Path("bench-results/bench.json"))
    parser.add_argument("--changes", type=int, default=50, help="changes for the latency (c)")
    parser.add_argument("--runs", type=int, default=3, help="cold runs for (a) and (b)")
    parser.add_argument("--build-time-runs", type=int, default=1)
    parser.add_argument("--skip-build-time", action="store_true")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=SECTIONS,
        default=list(SECTIONS),
        help="measure only these browser sections",
    )
    parser.add_argument("--page", default="calculators/savings/", help="the calculator page")
    parser.add_argument("--calculator", default="savings")
    parser.add_argument("--field", default="headcount", help="the field the reader changes")
    return parser.parse_args(argv)


def run_section(results: dict[str, Any], name: str, measure: Callable[[], dict[str, Any]]) -> None:
    print(f"measuring {name} ...", file=sys.stderr, flush=True)
    began = time.perf_counter()
    try:
        results[name] = measure()
    except Exception as exc:
        results["errors"].append(f"{name}: {type(exc).__name__}: {exc}")
    print(f"  {time.perf_counter() - began:.1f} s", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    site: Path = args.site.resolve()
    if not (site / "index.html").is_file() or not (site / args.page / "index.html").is_file():
        print(f"{site} is not a built site with {args.page}", file=sys.stderr)
        return 2
    results: dict[str, Any] = {
        "meta": {
            "site": str(site),
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "machine": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average_at_start": os.getloadavg(),
            "chromium": CHROMIUM,
            "page": args.page,
            "runs": args.runs,
            "kb": KB,
        },
        "errors": [],
    }
    from playwright.sync_api import sync_playwright

    with (
        tempfile.TemporaryDirectory(prefix="bench-pages-") as extra,
        serving(site, Path(extra)) as server,
    ):
        try:
            pyodide, wheel = runtime_paths(site, args.page)
            write_bare_pages(Path(extra), pyodide, wheel, args.calculator)
            results["meta"]["pyodide"] = pyodide
            results["meta"]["wheel"] = wheel
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                results["meta"]["browser_version"] = browser.version
                bench = Bench(browser, server, args.page, args.calculator, args.field)
                measures: dict[str, Callable[[], dict[str, Any]]] = {
                    "first_paint": lambda: measure_first_paint(bench, args.runs),
                    "cold_start": lambda: measure_cold_start(bench, args.runs),
                    "latency": lambda: measure_latency(bench, args.changes),
                    "bytes": lambda: measure_all_bytes(bench),
                    "suite": lambda: measure_suite(bench),
                }
                for name in SECTIONS:
                    if name in args.only:
                        run_section(results, name, measures[name])
                browser.close()
            foreign = [url for url in bench.all_requests if is_foreign(url)]
            results["foreign_requests_whole_run"] = len(foreign)
            results["foreign_request_urls"] = sorted(set(foreign))
            results["requests_whole_run"] = len(bench.all_requests)
        except Exception as exc:
            results["errors"].append(f"browser: {type(exc).__name__}: {exc}")
    results["meta"]["load_average_after_browser"] = os.getloadavg()
    if not args.skip_build_time:
        run_section(results, "build", lambda: measure_build(args.build_time_runs))

    rows = report_rows(results)
    results["table"] = [{**asdict(r), "verdict": r.verdict} for r in rows]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    meta = results["meta"]
    start = meta["load_average_at_start"][0]
    print(f"\n{meta['cpus']} CPUs, load average {start:.2f} before the benchmark started")
    if start > 0.5 * (meta["cpus"] or 1):
        print("WARNING: the machine was busy with other work: the timings are inflated and noisy.")
    print_table(rows)
    print_details(results)
    print(f"\nAll numbers: {args.out}")
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
