// The calculators' Python, run by Pyodide in a module worker so the page never blocks.
// Generic: it knows one Python entry point, calculators.browser.respond(json) -> json.
//
// Messages in:  {type: "init", pyodideURL, stdlibURL, wheelURL, extraWheelURLs, totalBytes,
//                calculators, snapshotURL}   totalBytes: what the downloads weigh, known at
//                build time; snapshotURL: Python already started (see cachedSnapshot)
//               {type: "run", seq, request}
//               {type: "warm", request, keep}: run before "ready" (see start); with keep,
//               its answer goes with "ready"
// Messages out: {type: "progress", stage: "runtime"|"start"|"package", loaded, total}
//               (downloading; Python starting; the calculators being installed and imported)
//               {type: "ready", answers: {calculator: {inputs, sections}}} (the kept warm-ups)
//               {type: "failed", reason: "offline"|"missing"|"blocked"|"error", detail}
//               {type: "result", seq, response, ms}; a request that fails in the worker gets
//               response {ok: false, failure: "error", errors: {}, detail} (never silence).

// Performance marks name each step of the start, for the benchmark's waterfall.
const mark = (name) => performance.mark(`calculator:${name}`);
mark("worker");

let respond = null;
let started = null;
const warmRequests = []; // the page's requests as it will send them (see start)
let warmClosed = false; // the warm-ups have run: a later "warm" message is too late
let asked = false; // the reader has asked for a calculation (see warmAgain)
// Pyodide logs a failed download or wasm compile and then waits forever; the first failure
// settles the start instead.
let failNow = () => {};
const failure = new Promise((_, reject) => {
  failNow = reject;
});
failure.catch(() => {});

// Why a start failed, in one word the page can explain (see runtime.js).
class StartError extends Error {
  constructor(reason, detail) {
    super(detail);
    this.reason = reason;
  }
}

function reasonFor(error) {
  if (error instanceof StartError) return error.reason;
  const text = String((error && error.message) || error);
  if (/Content Security Policy|CompileError.*(eval|CSP)/i.test(text)) return "blocked";
  if (error instanceof TypeError && /fetch|network|import/i.test(text)) {
    return self.navigator && self.navigator.onLine === false ? "offline" : "blocked";
  }
  return "error";
}

// Every download but the two modules goes through here: it counts the bytes as they arrive
// (Pyodide's own fetches of the wasm, the library and the lock included) and names the
// failure.
const plainFetch = self.fetch.bind(self);
const progress = { loaded: 0, total: 0, stage: "runtime", sent: 0 };

function report(force = false) {
  const now = performance.now();
  if (!force && now - progress.sent < 100) return;
  progress.sent = now;
  self.postMessage({
    type: "progress",
    stage: progress.stage,
    loaded: progress.loaded,
    total: progress.total || null,
  });
}

// Downloads started as soon as the worker starts, in parallel, rather than one after another
// as Pyodide would ask for them (its modules first, then the wasm, the library, the lock).
const early = new Map(); // absolute URL -> Promise<Response>, each handed out once
const arrived = new Map(); // absolute URL -> Promise, settled once its whole body is here

function prefetch(urls) {
  for (const url of urls) {
    const pending = countingFetch(url);
    pending.catch(() => {}); // reported when it is asked for
    early.set(url, pending);
  }
}

async function countingFetch(input, init) {
  const url = String(input instanceof Request ? input.url : input);
  const absolute = new URL(url, self.location.href).href;
  if (early.has(absolute) && (!init || !init.method || init.method === "GET")) {
    const pending = early.get(absolute);
    early.delete(absolute);
    return pending;
  }
  const name = url.split("?")[0].split("/").pop();
  let response;
  try {
    response = await plainFetch(input, init);
  } catch (error) {
    const offline = self.navigator && self.navigator.onLine === false;
    const reason = offline ? "offline" : "blocked";
    throw failed(new StartError(reason, `${name}: ${error.message || error}`));
  }
  if (!response.ok) {
    const reason = response.status === 404 || response.status === 410 ? "missing" : "blocked";
    throw failed(new StartError(reason, `${name}: HTTP ${response.status}`));
  }
  // Count a copy as it arrives and hand over the response itself: a real response (its URL
  // intact) lets the browser cache the compiled WebAssembly for the next visit.
  const copy = response.body && init?.method !== "HEAD" ? response.clone().body : null;
  if (copy) arrived.set(new URL(url, self.location.href).href, count(copy.getReader()));
  // The library and the wheels are served gzip-compressed whole (sitebuild/packed.py):
  // unpacked as they arrive, so Pyodide gets the archive itself while the bytes counted are
  // those on the wire.
  const packed = new URL(absolute).pathname.endsWith(".gz") && init?.method !== "HEAD";
  return packed ? unpacked(response) : response;
}

// A gzip file's response as its content. A copy the service worker keeps may be unpacked
// already (its X-Unpacked header: the snapshot, see sitebuild/service_worker.js).
function unpacked(response) {
  if (!response.body || response.headers.get("X-Unpacked") === "gzip") return response;
  return new Response(response.body.pipeThrough(new DecompressionStream("gzip")));
}

async function count(reader) {
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      progress.loaded += value.byteLength;
      if (progress.stage === "runtime" && progress.total && progress.loaded >= progress.total) {
        progress.stage = "start"; // everything is here: Python is starting
        report(true);
      } else {
        report();
      }
    }
  } catch {
    // the download itself reports its failure
  }
}
self.fetch = countingFetch;

function failed(error) {
  failNow(error);
  return error;
}

const instantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = (...args) => {
  mark("wasm asked");
  return instantiateStreaming(...args).then(
    (result) => {
      mark("wasm instantiated");
      return result;
    },
    (error) => {
      throw failed(new StartError(reasonFor(error), `pyodide.asm.wasm: ${error.message || error}`));
    },
  );
};

// A memory snapshot of Python already started, made at build time (sitebuild/snapshot.py),
// skips Python's start, most of the wait on a return visit. It weighs more than everything
// else together, so it is never downloaded here: the service worker keeps it once a calculator
// has gone live, and it is used only from that cache.
async function cachedSnapshot(url) {
  if (!url || !self.caches) return null;
  try {
    const cached = await self.caches.match(url);
    return cached && cached.body ? cached : null;
  } catch {
    return null; // no storage here: start Python from scratch
  }
}

// A damaged copy fails the restore, and Python then starts from scratch. The service worker
// keeps the snapshot unpacked; a copy kept packed is unpacked here.
async function unpack(response) {
  return new Uint8Array(await unpacked(response).arrayBuffer());
}

async function importModule(url) {
  try {
    return await import(url);
  } catch (error) {
    // A failed module import does not say why: ask the server once more to find out.
    await countingFetch(url, { method: "HEAD" });
    const name = url.split("/").pop();
    throw new StartError(reasonFor(error), `${name}: ${error.message || error}`);
  }
}

function download(url) {
  return countingFetch(url).then((response) => response.arrayBuffer());
}

async function start({
  pyodideURL,
  stdlibURL,
  wheelURL,
  extraWheelURLs = [],
  totalBytes = 0,
  calculators = [],
  snapshotURL = "",
}) {
  mark("init");
  progress.total = totalBytes;
  report(true);
  const wasmURL = `${pyodideURL}pyodide.asm.wasm`;
  prefetch([wasmURL, `${pyodideURL}pyodide-lock.json`, stdlibURL]);
  // The wheels are needed only once Python has started: fetched once the WebAssembly is here,
  // they download while Python starts instead of taking a share of a slow line from the files
  // Python's start waits for.
  const wasmHere = early.get(wasmURL).then(() => arrived.get(wasmURL));
  const wheels = [wheelURL, ...extraWheelURLs].map((url) =>
    wasmHere.then(() => download(url), () => download(url)),
  );
  wheels.forEach((w) => w.catch(() => {})); // awaited below; no unhandled rejection meanwhile
  // Found (a cache lookup) and decompressed while Pyodide's modules load.
  const snapshot = cachedSnapshot(snapshotURL);
  const restoring = snapshot.then((found) => found && unpack(found));
  restoring.catch(() => {}); // a damaged copy: handled where it is used
  // Pyodide's loader and its Emscripten module, imported together rather than one after the
  // other (Pyodide would import the second only once the first has run). A module is fetched
  // by import() alone: a fetch() beforehand would download it a second time.
  const [{ loadPyodide }, { default: createPyodideModule }] = await Promise.all([
    importModule(`${pyodideURL}pyodide.mjs`),
    importModule(`${pyodideURL}pyodide.asm.mjs`),
  ]);
  mark("pyodide.mjs imported");
  const options = {
    indexURL: pyodideURL,
    stdLibURL: stdlibURL,
    createPyodideModule,
    stdout: () => {},
    stderr: () => {},
  };
  const saved = await snapshot;
  let pyodide = null;
  if (saved) {
    mark("snapshot found");
    try {
      const restored = loadPyodide({ ...options, _loadSnapshot: restoring });
      pyodide = await Promise.race([restored, failure]);
    } catch (error) {
      if (error instanceof StartError) throw error; // a download failed: no use trying again
      // A snapshot this Pyodide cannot restore: start Python from scratch instead.
    }
  }
  pyodide ??= await Promise.race([loadPyodide(options), failure]);
  mark("python started");
  progress.stage = "start";
  report(true);
  // A pure-Python wheel is a zip: unpack it straight into site-packages (no micropip needed).
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  for (const wheel of await Promise.all(wheels)) {
    pyodide.unpackArchive(new Uint8Array(wheel), "wheel", { extractDir: sitePackages });
  }
  mark("wheels unpacked");
  progress.stage = "package";
  report(true);
  respond = pyodide.pyimport("calculators.browser").respond;
  mark("calculators imported");
  // Run the page's calculators once before saying "ready": this imports their modules and
  // compiles the code a request runs, so the reader's first change costs no more than any
  // other. The page sends its forms' requests as it will send them (a "warm" message, values
  // as typed text); until they are here, the defaults stand in. Python's start ran without a
  // break, so any such message is still queued: one turn of the event loop receives it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  warmClosed = true;
  const warmUps = warmRequests.length
    ? warmRequests.splice(0)
    : calculators.map((calculator) => ({ request: { calculator, inputs: {} } }));
  // The answer to a form's own request goes with "ready": the page then knows which sections
  // its prerendered results already show, and the first change replaces only what it changes.
  // Only those run now; the others (variants for the warm-up alone) wait until after "ready".
  const kept = warmUps.filter((w) => w.keep);
  const now = kept.length ? kept : warmUps;
  const answers = {};
  for (const { request, keep } of now) {
    const { sections } = JSON.parse(respond(JSON.stringify(request)));
    if (keep) answers[request.calculator] = { inputs: JSON.stringify(request.inputs), sections };
  }
  mark("defaults run");
  const later = warmUps.filter((w) => !now.includes(w)).map((w) => w.request);
  return { requests: warmUps.map((w) => w.request), later, answers };
}

// After "ready", the same requests run a few more times, one per task, until the reader's
// first calculation comes. WebAssembly compiles Python's hot code in the background only once
// it has run several times; in a trace this moved some 80 ms of that compiling out of the
// reader's first change. A request that arrives meanwhile waits for one run at most. The
// page's own link request at "ready" does not stop them (it once did, and they never ran).
const WARM_AGAIN = 3;

function warmAgain(requests, later) {
  const queue = [...later, ...Array.from({ length: WARM_AGAIN }, () => requests).flat()];
  const next = () => {
    if (asked) return;
    if (!queue.length) {
      mark("warm-ups done");
      return;
    }
    respond(JSON.stringify(queue.shift()));
    setTimeout(next, 0);
  };
  setTimeout(next, 0);
}

function answer(data) {
  const began = performance.now();
  let response;
  try {
    if (!respond) throw new Error("the calculator is not running");
    response = JSON.parse(respond(JSON.stringify(data.request)));
  } catch (error) {
    response = { ok: false, failure: "error", errors: {}, detail: String(error && error.message) };
  }
  self.postMessage({ type: "result", seq: data.seq, response, ms: performance.now() - began });
}

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    if (started) return; // one start per worker
    started = start(data);
    try {
      const { requests, later, answers } = await started;
      self.postMessage({ type: "ready", answers });
      warmAgain(requests, later);
    } catch (error) {
      const detail = String((error && error.message) || error);
      self.postMessage({ type: "failed", reason: reasonFor(error), detail });
    }
  } else if (data.type === "run") {
    // A link's query string (made as the page goes live) is not the reader's edit: the
    // warm-ups go on past it.
    if (!data.request || !data.request.format) asked = true;
    answer(data);
  } else if (data.type === "warm" && !warmClosed) {
    warmRequests.push({ request: data.request, keep: Boolean(data.keep) });
  }
};

// Anything thrown outside a handler still reaches the page as a failure, not as silence.
self.addEventListener("unhandledrejection", (event) => {
  const detail = String((event.reason && event.reason.message) || event.reason);
  self.postMessage({ type: "failed", reason: reasonFor(event.reason), detail });
});
