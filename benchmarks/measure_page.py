"""(a) first paint, (b) cold start against bare Pyodide, (c) input-to-result latency."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from benchmarks.pages import script
from benchmarks.session import Bench, cold_calculator, run_bare, run_calculator_cold
from benchmarks.util import MeasurementError, median, percentile


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
        context.add_init_script(script=script("first-paint.js"))
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_function(
            "performance.getEntriesByType('paint')"
            ".some((p) => p.name === 'first-contentful-paint')",
            timeout=10_000,
        )
        sample = dict(page.evaluate(script("navigation.js")))
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


# Material's search worker. It starts only once the reader searches (search-on-demand.js), so
# blocking it should change nothing on a page load: this diagnostic row checks that it stays so.
SEARCH_WORKER = ("/assets/javascripts/workers/",)


def measure_cold_start(bench: Bench, runs: int) -> dict[str, Any]:
    calculator: list[dict[str, Any]] = []
    bare: list[dict[str, Any]] = []
    bare_site: list[dict[str, Any]] = []
    wheel: list[dict[str, Any]] = []
    no_search: list[dict[str, Any]] = []
    for _ in range(runs):  # interleaved, so drifting machine load hits all alike
        calculator.append(run_calculator_cold(bench))
        bare.append(run_bare(bench, "bare"))
        bare_site.append(run_bare(bench, "bare-site"))
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
        "bare_site_files_ms_median": median([float(r["done"]) for r in bare_site]),
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
        "bare_site_runs": bare_site,
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
    painted = [float(s["paintedMs"]) for s in samples if "paintedMs" in s]
    return {
        "changes": len(samples),
        "not_ok": sum(1 for s in samples if not s["ok"]),
        "latency_ms_p50": percentile(round_trip, 50),
        "latency_ms_p95": percentile(round_trip, 95),
        "latency_ms_max": max(round_trip),
        "compute_ms_p50": percentile(compute, 50),
        "compute_ms_p95": percentile(compute, 95),
        # Until the frame after the result is drawn (includes waiting for that frame).
        "painted_ms_p95": percentile(painted, 95) if painted else None,
    }


def measure_latency(bench: Bench, count: int) -> dict[str, Any]:
    context, page = cold_calculator(bench, interact=False)
    changes = latency_changes(bench, count)
    missing = [cid for cid, _ in changes if page.locator(f"#{cid}").count() == 0]
    if missing:
        context.close()
        raise MeasurementError(f"fields missing on the page: {sorted(set(missing))}")
    samples: list[dict[str, Any]] = page.evaluate(
        script("latency.js"), {"changes": changes, "timeoutMs": 10_000}
    )
    context.close()
    return {
        **latency_stats(samples),
        "runtime_round_trip_ms_p50": percentile([float(s["roundTripMs"]) for s in samples], 50),
        "samples": samples,
    }
