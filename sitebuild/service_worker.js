// The site's service worker (sw.js): offline reading and instant return, one cache per build.
// MANIFEST (written above by the build, see sitebuild/offline.py): {version, pages, runtime,
// offline}, URLs relative to this file (the site root).
//
// - install: cache every page and asset of this build (fresh from the server), and carry over
//   the runtime files an older build had already cached when they are the same URL (their
//   names change with their content).
// - activate (only when no page uses the old worker, or the reader chose "Show it"): delete
//   every other build's cache, whole. A page is never served from a mix of two builds.
// - fetch: this build's cache first; then the network. Runtime files are kept once a
//   calculator has gone live (message "calculator-live"). A page that is neither cached nor
//   reachable gets the offline page, which says so in plain words.

// One cache per build and language, "outsourcing-guide-<language>-<version>": a worker touches
// only its own language's caches, so the six languages' workers never delete each other's.
const FAMILY = "outsourcing-guide-";
const PREFIX = FAMILY + MANIFEST.language + "-";
const CACHE = PREFIX + MANIFEST.version;
const ours = (name) => {
  if (name.startsWith(PREFIX)) return true;
  // Builds from before the site had languages named theirs "outsourcing-guide-<version>":
  // the root's worker (English) clears them.
  if (MANIFEST.language !== "en" || !name.startsWith(FAMILY)) return false;
  const rest = name.slice(FAMILY.length);
  return !MANIFEST.languages.some((lang) => rest.startsWith(lang + "-"));
};
const ROOT = new URL("./", self.location.href);
const absolute = (path) => new URL(path, ROOT).href;
const PAGES = new Set(MANIFEST.pages.map(absolute));
const RUNTIME = new Set(MANIFEST.runtime.map(absolute));
const OFFLINE = absolute(MANIFEST.offline);

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Revalidate with the server: the HTTP cache may still hold the previous build's files.
      await cache.addAll([...PAGES].map((url) => new Request(url, { cache: "no-cache" })));
      for (const name of await caches.keys()) {
        if (!ours(name) || name === CACHE) continue;
        const old = await caches.open(name);
        for (const url of RUNTIME) {
          const kept = await old.match(url);
          if (kept) await cache.put(url, kept);
        }
      }
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (ours(name) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// Python's start-up snapshot (6 MB packed, 31 MB not) is kept unpacked. On a return visit
// Python waits for it, and reading it back unpacked takes a third of the time of unpacking it
// (43 against 115 ms), work the calculator's worker no longer does. The header tells the
// worker (calculator-worker.js) it is unpacked already. The other packed runtime files (the
// library and the wheels, under 1 MB together) are kept as served: the worker unpacks them
// as they stream, and counts their bytes as the download it shows.
const UNPACKED = "X-Unpacked";

function toKeep(url, response) {
  const name = new URL(url, self.location.href).pathname.split("/").pop();
  if (!(name.startsWith("snapshot-") && name.endsWith(".gz")) || !response.body) return response;
  const body = response.body.pipeThrough(new DecompressionStream("gzip"));
  const headers = { "Content-Type": "application/octet-stream", [UNPACKED]: "gzip" };
  return new Response(body, { headers });
}

async function keepRuntime() {
  const cache = await caches.open(CACHE);
  for (const url of RUNTIME) {
    if (await cache.match(url)) continue;
    try {
      const response = await fetch(url); // normally straight from the HTTP cache
      if (response.ok) await cache.put(url, toKeep(url, response));
    } catch {
      // offline, gone or damaged: kept next time the calculator goes live
    }
  }
}

// One keeping at a time: two pages going live together would otherwise download each file
// twice, and a second put of the same URL hides the first copy until it is written.
let keeping = Promise.resolve();

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "skip-waiting") self.skipWaiting();
  else if (data.type === "calculator-live") {
    keeping = keeping.catch(() => {}).then(keepRuntime);
    event.waitUntil(keeping);
  }
});

async function respond(request) {
  const cache = await caches.open(CACHE);
  const navigation = request.mode === "navigate";
  // A scenario lives in the query string; the page itself is the same.
  const cached = await cache.match(request, { ignoreSearch: navigation });
  if (cached) return cached;
  try {
    const response = await fetch(request);
    if (response.ok && RUNTIME.has(request.url)) {
      await cache.put(request, toKeep(request.url, response.clone()));
    }
    return response;
  } catch (error) {
    if (navigation) {
      const offline = await cache.match(OFFLINE);
      if (offline) return offline;
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(ROOT.href)) return;
  event.respondWith(respond(request));
});
