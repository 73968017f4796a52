"""Performance benchmark of the built site, in headless Chromium.

    python -m benchmarks --site SITE_DIR [--out bench-results/bench.json] [--changes 50]
                         [--runs 3] [--build-time-runs 3] [--skip-build-time] [--only ...]

It serves SITE_DIR on 127.0.0.1 and measures, each browser measurement in a fresh (cold) context:

(a) first contentful paint of the calculator page, and whether the prerendered results are in
    the server's HTML (checked with JavaScript off) and in the DOM before the first paint;
(b) navigation start to the first recomputed result (the reader changes a field right after
    DOMContentLoaded), against a bare page that only starts Pyodide as shipped (its own
    standard library and lock file) in a module worker from the same server (served under
    /__bench__/ from a temporary folder, not the site); as diagnostics, the same bare start on
    the site's trimmed library, and that plus the calculators wheel;
(c) input-to-result latency over a series of changes, with the Python compute time and the
    time until the frame that shows the result has been drawn;
(d) bytes transferred by the home page and the calculator page until it is live (CDP
    `Network.loadingFinished` encodedDataLength; requests made inside workers come from their
    own targets), as served here (no compression) and gzip-compressed as GitHub Pages serves
    them; requests to hosts other than 127.0.0.1 are counted over the whole run;
(e) the wall and CPU time of `mkdocs build`, with a warm cache (the target) and an empty one;
(f) for every calculator in the catalog, input-to-result latency over a series of changes of
    its own fields (the Monte Carlo one against its own target), and the bytes of a guide page
    with no calculator (it must not load the runtime);
(g) real networks: navigation to the first live result with the site served gzip-compressed
    through a shaped link ("broadband", "4G", "slow"), the longest time the reader saw no
    progress, and a return visit (service worker and HTTP cache warm) against a cold one.

It prints a table (metric, value, target, pass/fail) and writes every number as JSON. Missing a
target still exits 0 (this is a measurement); a measurement that cannot be taken exits 1.

Modules: `server` (the static server, gzip, link shaping), `pages` (browser-side scripts in
`js/`, the bare Pyodide pages, the calculator page lookup), `session` (the shared browser
state), `measure_*` (one module per group of measurements), `report` (the table).
"""
