"""(d) bytes until a page has settled (or its calculator is live), as served and gzip."""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from benchmarks.pages import script
from benchmarks.session import Bench, wait_until_live
from benchmarks.settings import GUIDE_PAGE
from benchmarks.util import MeasurementError, is_foreign, is_http, path_and_query


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
        fcp = page.evaluate(script("navigation.js"))["fcpMs"]

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
        "pyodide_or_wheel_requested": any(
            "/pyodide/" in p or p.endswith((".whl", ".whl.gz")) for p in paths
        ),
        "foreign_requests": sum(1 for r in requests if is_foreign(r.url)),
        "entries": sorted(entries, key=lambda e: -int(e["bytes"])),
    }


def measure_all_bytes(bench: Bench) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for compress in (False, True):
        key = "gzip" if compress else "identity"
        out[f"home_{key}"] = measure_bytes(bench, "", live=False, compress=compress)
        out[f"calculator_{key}"] = measure_bytes(bench, bench.page, live=True, compress=compress)
    out["offline_copy"] = measure_offline_copy(bench, GUIDE_PAGE)
    return out


OFFLINE_COPY_READY = """async () => {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    const names = await caches.keys();
    if (names.length === 1) {
      const cache = await caches.open(names[0]);
      if (await cache.match(new URL("offline/", __md_scope))) return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}"""


def measure_offline_copy(bench: Bench, path: str) -> dict[str, Any]:
    """Bytes the service worker downloads in the background after one visit (gzip, as sent by
    the server): the whole site in this language, for offline reading."""
    server = bench.server
    tag = f"offline copy {path}"
    server.gzip, server.tag = True, tag
    context = bench.context(service_workers="allow")
    try:
        page = context.new_page()
        page.goto(bench.base + path)
        if not page.evaluate(OFFLINE_COPY_READY):
            raise MeasurementError("the service worker did not finish its offline copy")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
        server.gzip, server.tag = False, ""
    served = server.served_with(tag)
    return {"bytes_all": sum(s.bytes for s in served), "requests": len(served)}
