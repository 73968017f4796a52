"""The table: every measurement as a row with its target and verdict, and the details."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from benchmarks.settings import (
    BUILD_TARGET_S,
    GUIDE_BYTES_TARGET,
    GUIDE_PAGE,
    HOME_BYTES_TARGET,
    KB,
    LATENCY_P95_TARGET_MS,
    LIVE_BYTES_TARGET,
    MB,
    RATIO_TARGET,
    RETURN_RATIO_TARGET,
)


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


def mb(n: float) -> str:
    return f"{n / MB:,.2f} MB"


# Cold live targets per network profile (None: information only).
NETWORK_TARGETS_S = {"broadband": None, "4G": 7.0, "slow": None}
# On "slow" the target is to go live with progress shown all along: no silence longer than this.
SILENCE_LIMIT_S = 10.0


def network_rows(g: dict[str, Any] | None) -> list[Row]:
    if not g:
        return []
    rows: list[Row] = []
    for name, m in g["profiles"].items():
        live_s = m["first_result_ms"] / 1000
        silence_s = m["longest_silence_ms"] / 1000
        limit = NETWORK_TARGETS_S.get(name)
        label = f"(g) cold live on {name!r} ({m['mbit_per_s']:g} Mbit/s, {m['rtt_ms']:g} ms), gzip"
        if name == "slow":
            rows.append(
                Row(
                    label,
                    f"{live_s:.1f} s, longest silence {silence_s:.1f} s",
                    f"live, silence < {SILENCE_LIMIT_S:.0f} s",
                    silence_s < SILENCE_LIMIT_S,
                )
            )
        else:
            rows.append(
                Row(
                    label,
                    f"{live_s:.1f} s",
                    f"<= {limit:.0f} s" if limit else "",
                    live_s <= limit if limit else None,
                )
            )
    local = g["localhost"]
    rows.append(
        Row(
            "(g) return visit / cold visit, localhost",
            f"{local['ratio']:.2f} ({local['return_ms']:.0f} / {local['cold_ms']:.0f} ms)",
            f"<= {RETURN_RATIO_TARGET}",
            local["ratio"] <= RETURN_RATIO_TARGET,
        )
    )
    four_g = g.get("4G_return")
    if four_g:
        rows.append(
            Row(
                "(g) return visit on '4G' (cold visit before it)",
                f"{four_g['return']['first_result_ms'] / 1000:.1f} s "
                f"({four_g['cold']['first_result_ms'] / 1000:.1f} s)",
            )
        )
    return rows


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
            Row(
                "(b) nav -> Pyodide ran 1+1, bare page (Pyodide as shipped)",
                f"{b['bare_pyodide_ms_median']:.0f} ms",
            ),
            Row(
                "(b) ratio calculator / bare",
                f"{b['ratio']:.2f}",
                f"<= {RATIO_TARGET}",
                b["ratio"] <= RATIO_TARGET,
            ),
            Row(
                "(b) diag: bare page on the site's trimmed library",
                f"{b['bare_site_files_ms_median']:.0f} ms",
            ),
            Row(
                "(b) diag: bare on the site's library + wheel + import + 1st compute",
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
            # The server's count is what crossed the network: the browser also reports files
            # it read from its HTTP cache.
            Row(
                "(d) calculator page bytes until live, gzip (sent by the server)",
                mb(calc_g["server_sent_bytes"]),
                f"<= {mb(LIVE_BYTES_TARGET)}",
                calc_g["server_sent_bytes"] <= LIVE_BYTES_TARGET,
            ),
            Row("(d) the same, as the browser reports it", mb(calc_g["bytes"])),
            Row("(d) requests to other hosts (whole run)", str(foreign), "0", foreign == 0),
        ]
        copy = d.get("offline_copy")
        if copy:
            rows.append(
                Row(
                    f"(d) {GUIDE_PAGE} + background offline copy of the site, gzip",
                    f"{mb(copy['bytes_all'])} in {copy['requests']} requests",
                )
            )
    f = results.get("suite")
    if f:
        for calculator_id, m in f["calculators"].items():
            rows.append(
                Row(
                    f"(f) {calculator_id}: input -> result p95 ({m['changes']} changes)",
                    f"{m['latency_ms_p95']:.1f} ms (compute {m['compute_ms_p95']:.1f}"
                    + (
                        f", drawn {m['painted_ms_p95']:.1f})"
                        if m.get("painted_ms_p95") is not None
                        else ")"
                    ),
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
                f"<= {kb(GUIDE_BYTES_TARGET)}, no",
                guide["bytes"] <= GUIDE_BYTES_TARGET
                and not (guide["pyodide_or_wheel_requested"] or guide["wasm_requested"]),
            )
        )
        for lang, page in f.get("guide_page_by_language", {}).items():
            rows.append(
                Row(
                    f"(f) {lang}/{GUIDE_PAGE} bytes gzip",
                    kb(page["bytes"]),
                    f"<= {kb(GUIDE_BYTES_TARGET)}",
                    page["bytes"] <= GUIDE_BYTES_TARGET,
                )
            )
    rows += network_rows(results.get("network"))
    rows += build_rows(results.get("build"))
    return rows


def build_rows(e: dict[str, Any] | None) -> list[Row]:
    """The build's time with the cache a previous build filled (the target), and from an
    empty cache, as CI and a fresh clone build (information: it traces the standard library
    in Pyodide and builds the wheel)."""
    if not e:
        return []
    languages = f"{e.get('languages', 1)} languages"
    strict = " (non-strict)" if e["note"] else ""
    return [
        Row(
            f"(e) mkdocs build wall time ({languages}), warm cache, median of {len(e['seconds'])}",
            f"{e['seconds_median']:.2f} s (CPU {e['cpu_seconds_median']:.2f} s){strict}",
            f"< {BUILD_TARGET_S:.0f} s",
            e["seconds_median"] < BUILD_TARGET_S,
        ),
        Row(
            f"(e) mkdocs build wall time ({languages}), cold cache (CI, fresh clone)",
            f"{e['cold_seconds']:.2f} s (CPU {e['cold_cpu_seconds']:.2f} s){strict}",
        ),
    ]


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
            f"{key} {kb(m['bytes'])} / {kb(m['server_sent_bytes'])}"
            for key, m in d.items()
            if "server_sent_bytes" in m
        )
        print(f"Bytes seen by the browser / sent by the server: {checks}")
        print("Home page downloads (uncompressed / gzip):")
        gz = {e["url"]: e["bytes"] for e in d["home_gzip"]["entries"]}
        for entry in d["home_identity"]["entries"]:
            path = urlsplit(entry["url"]).path
            print(f"  {path:<55} {kb(entry['bytes']):>12} {kb(gz.get(entry['url'], 0)):>12}")
    for error in results.get("errors", []):
        print(f"\nERROR: {error}")
