"""(g) Real networks: the calculator page served gzip through a shaped link, cold and on return.

Cold: a fresh context per profile; navigation to the first live result, and the longest time
the reader saw no change in the status line (progress shown all along, or not). Return: the
same context visits again once the service worker holds the runtime (HTTP cache and service
worker warm), against its own cold visit."""

from __future__ import annotations

import itertools
from typing import Any

from benchmarks.server import PROFILES, Link, Profile
from benchmarks.session import Bench, cold_calculator
from benchmarks.util import MeasurementError, median

NETWORK_TIMEOUT_MS = 300_000
# The wasm and, when the build made one, Python's start-up snapshot (kept last of all).
RUNTIME_CACHED = """async () => {
  const data = document.querySelector("script[data-pyodide]").dataset;
  const wanted = [data.pyodide + "pyodide.asm.wasm", data.snapshot].filter(Boolean)
    .map((url) => new URL(url, document.baseURI).href);
  const deadline = Date.now() + 120000;
  while (Date.now() < deadline) {
    const found = await Promise.all(wanted.map((url) => caches.match(url)));
    if (found.every(Boolean)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}"""


def longest_silence_ms(state: dict[str, Any]) -> float:
    """The longest stretch, from DOMContentLoaded to the first result, with no new status."""
    end = float(state["firstResultMs"])
    times = [float(state["marks"]["domContentLoaded"])]
    times += [float(at) for at, _ in state.get("status", []) if float(at) <= end]
    times.append(end)
    return max(b - a for a, b in itertools.pairwise(times))


def visit(bench: Bench, context: Any = None) -> dict[str, Any]:
    context_used, page = cold_calculator(
        bench, interact=True, timeout_ms=NETWORK_TIMEOUT_MS, context=context
    )
    state = dict(page.evaluate("window.__bench"))
    if state.get("firstResultMs") is None:
        raise MeasurementError("no live result")
    statuses = [text for _, text in state.get("status", [])]
    page.close()
    if context is None:
        context_used.close()
    return {
        "first_result_ms": float(state["firstResultMs"]),
        "longest_silence_ms": longest_silence_ms(state),
        "status_updates": len(statuses),
        "statuses_sample": statuses[:3] + statuses[-3:],
    }


def cold_and_return(bench: Bench) -> dict[str, Any]:
    """A first visit, then a return visit in the same context once the runtime is cached."""
    context = bench.context(service_workers="allow")
    try:
        cold = visit(bench, context)
        page = context.new_page()
        page.goto(bench.base + bench.page)
        if not page.evaluate(RUNTIME_CACHED):
            raise MeasurementError("the service worker never cached the runtime")
        page.close()
        again = visit(bench, context)
    finally:
        context.close()
    return {"cold": cold, "return": again}


def with_link(bench: Bench, profile: Profile | None) -> None:
    bench.server.gzip = True
    bench.server.link = Link(profile) if profile else None


def measure_network(bench: Bench, runs: int) -> dict[str, Any]:
    out: dict[str, Any] = {"profiles": {}}
    try:
        for profile in PROFILES:
            with_link(bench, profile)
            sample = visit(bench)
            out["profiles"][profile.name] = {
                **sample,
                "mbit_per_s": profile.mbit_per_s,
                "rtt_ms": profile.rtt_ms,
            }
        with_link(bench, None)
        pairs = [cold_and_return(bench) for _ in range(runs)]
        cold = median([p["cold"]["first_result_ms"] for p in pairs])
        again = median([p["return"]["first_result_ms"] for p in pairs])
        out["localhost"] = {"cold_ms": cold, "return_ms": again, "ratio": again / cold}
        out["localhost_runs"] = pairs
        with_link(bench, next(p for p in PROFILES if p.name == "4G"))
        out["4G_return"] = cold_and_return(bench)
    finally:
        bench.server.gzip = False
        bench.server.link = None
    return out
