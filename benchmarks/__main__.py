"""`python -m benchmarks --site site`: measure, print the table, write every number as JSON."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import benchmarks
from benchmarks.measure_build import measure_build
from benchmarks.measure_bytes import measure_all_bytes
from benchmarks.measure_network import measure_network
from benchmarks.measure_page import measure_cold_start, measure_first_paint, measure_latency
from benchmarks.measure_suite import measure_suite
from benchmarks.pages import write_bare_pages
from benchmarks.report import print_details, print_table, report_rows
from benchmarks.server import serving
from benchmarks.session import Bench
from benchmarks.settings import KB, SECTIONS
from benchmarks.support_path import ensure_support_path
from benchmarks.util import is_foreign, runtime_paths

ensure_support_path()
from support.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

__doc__ = benchmarks.__doc__


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--site", type=Path, required=True, help="a built site (mkdocs build)")
    parser.add_argument("--out", type=Path, default=Path("bench-results/bench.json"))
    parser.add_argument("--changes", type=int, default=50, help="changes for the latency (c)")
    parser.add_argument("--runs", type=int, default=3, help="cold runs for (a) and (b)")
    parser.add_argument("--build-time-runs", type=int, default=3, help="warm-cache builds")
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
            paths = runtime_paths(site, args.page)
            write_bare_pages(Path(extra), paths, args.calculator)
            results["meta"].update(paths)
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
                    "network": lambda: measure_network(bench, args.runs),
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
