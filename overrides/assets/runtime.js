// The calculator runtime: one Pyodide worker per page visit, shared by every calculator on the
// page. It starts (or adopts) the worker, reports progress and failure as events, and runs
// requests. It knows nothing about forms or results: calculator.js is the widget side.
//
// Interface (used by calculator.js):
//   runtime.start()    start loading, once (adopts the worker calculator-boot.js started)
//   runtime.retry()    after a failure: a fresh worker, from the start
//   runtime.state      "idle" | "loading" | "ready" | "failed"
//   runtime.listeners  a Set of functions, each called with every event below
//   runtime.last       the last event emitted (for widgets mounted after it)
//   runtime.run(request, callback)
//       request = {calculator, inputs, locale}. The callback is ALWAYS called exactly once,
//       with {response, ms}: the worker's answer ({ok: true, html, result} or {ok: false,
//       errors: {field: message}}), or on failure
//       response = {ok: false, failure: "error"|"timeout", errors: {"": plain-language message}}
//       ("timeout": no answer within RUN_TIMEOUT_MS; the worker is then replaced).
//
// Events:
//   {type: "progress", stage: "runtime"|"start"|"package", step, steps, loaded, total}
//       in that order: downloading, Python starting, the calculators being installed.
//       loaded/total in bytes (downloaded so far / all downloads; total null when unknown)
//   {type: "ready", answers}  answers: the worker's answers to the forms' own requests, by
//                             calculator ({inputs, sections}: see calculator-worker.js)
//   {type: "failed", reason, detail}
//       reason: "offline" | "missing" (a file is not on the server) | "stalled" (no progress
//       for STALL_MS) | "blocked" (the browser, its policy or the network refused) | "error"
//       detail: technical text, for a folded-away "details" line
//
// There is no fixed total time limit: a slow network that keeps making progress gets there.
// Each event is also dispatched on window as a "calculator-runtime" CustomEvent (detail =
// the event), and <html data-calculator-runtime> holds the state, for offline.js.

const STALL_MS = 20000; // no progress at all for this long while downloading: give up
const START_STALL_MS = 60000; // the same once everything is downloaded and Python is starting
const RUN_TIMEOUT_MS = 20000; // one calculation (the slowest takes well under a second)
// The widget's progress bar has two steps before "ready": the runtime (downloading, then
// Python starting) and the calculators' package.
const STEPS = { runtime: 1, start: 1, package: 2 };

// Plain-language texts come from the page's message catalog (calculators/core/ui.py).
function text(key, fallback) {
  const catalog = document.querySelector(".calc-messages");
  try {
    return (catalog && JSON.parse(catalog.textContent)[key]) || fallback;
  } catch {
    return fallback;
  }
}

function failedResponse(failure) {
  const key = failure === "timeout" ? "ui.run_timeout" : "ui.run_error";
  return { ok: false, failure, errors: { "": text(key, "This change could not be calculated.") } };
}

// One worker per page visit, shared by every calculator on the page.
export const runtime = {
  worker: null,
  state: "idle", // idle | loading | ready | failed
  listeners: new Set(),
  timer: null,
  seq: 0,
  pending: new Map(), // seq -> {callback, timer}
  last: null, // the last event emitted, for widgets mounted after it
  downloaded: false,

  start() {
    if (this.state === "loading" || this.state === "ready") return;
    this.state = "loading";
    this.downloaded = false;
    this.emit({ type: "progress", stage: "runtime", step: 1, steps: 2, loaded: 0, total: null });
    this.watch();
    const boot = window.calculatorRuntime;
    if (!boot) {
      this.fail("blocked", "calculator-boot.js did not run (blocked or failed to load)");
      return;
    }
    let said = [];
    try {
      if (boot.early.worker) {
        // The boot script started a worker while the page was parsed; take it over once.
        this.worker = boot.early.worker;
        said = boot.early.said;
        boot.early.worker = null;
      } else {
        this.worker = boot.startWorker();
      }
    } catch (error) {
      this.fail("blocked", String((error && error.message) || error));
      return;
    }
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail("error", event.message || "the worker stopped");
    };
    this.worker.onmessageerror = () => this.fail("error", "a message could not be read");
    for (const data of said) this.receive(data);
  },

  // Re-arm the stall timer: called on every sign of life from the worker.
  watch() {
    clearTimeout(this.timer);
    if (this.state !== "loading") return;
    const limit = this.downloaded ? START_STALL_MS : STALL_MS;
    this.timer = setTimeout(() => {
      const seconds = Math.round(limit / 1000);
      this.fail("stalled", `no progress for ${seconds} s`);
    }, limit);
  },

  receive(data) {
    if (!data || typeof data !== "object") return;
    if (data.type === "result") {
      this.settle(data.seq, { response: data.response, ms: data.ms });
      return;
    }
    if (this.state !== "loading") return; // a late word from a worker already given up
    if (data.type === "progress") {
      if (data.total && data.loaded >= data.total) this.downloaded = true;
      if (data.stage !== "runtime") this.downloaded = true;
      this.watch();
      this.emit({
        type: "progress",
        stage: data.stage,
        step: STEPS[data.stage] || 1,
        steps: 2,
        loaded: data.loaded || 0,
        total: data.total || null,
      });
    } else if (data.type === "ready") {
      clearTimeout(this.timer);
      this.state = "ready";
      this.emit({ type: "ready", answers: data.answers || {} });
    } else if (data.type === "failed") {
      this.fail(data.reason || "error", data.detail || "");
    }
  },

  // Calls a request's callback once and forgets it; a throwing callback harms nobody else.
  settle(seq, answer) {
    const entry = this.pending.get(seq);
    if (!entry) return;
    this.pending.delete(seq);
    clearTimeout(entry.timer);
    try {
      entry.callback(answer);
    } catch (error) {
      setTimeout(() => {
        throw error;
      });
    }
  },

  settleAll(failure) {
    for (const seq of [...this.pending.keys()]) {
      this.settle(seq, { response: failedResponse(failure), ms: 0 });
    }
  },

  stop() {
    clearTimeout(this.timer);
    if (this.worker) this.worker.terminate();
    this.worker = null;
  },

  fail(reason, detail) {
    this.stop();
    this.state = "failed";
    this.settleAll("error");
    this.emit({ type: "failed", reason, detail: detail || "" });
  },

  retry() {
    this.stop();
    this.state = "idle";
    this.start();
  },

  // A request the worker runs just before it says "ready", instead of the defaults: only
  // while it is still starting. With `keep`, its answer comes with the "ready" event.
  warm(request, keep = false) {
    if (this.state !== "loading" || !this.worker) return;
    try {
      this.worker.postMessage({ type: "warm", request, keep });
    } catch {
      // only a warm-up: the first real request will say what is wrong
    }
  },

  run(request, callback) {
    const seq = ++this.seq;
    const timer = setTimeout(() => {
      // A calculation that never ends holds the worker: answer, then start a fresh one.
      this.settle(seq, { response: failedResponse("timeout"), ms: RUN_TIMEOUT_MS });
      this.settleAll("timeout");
      this.stop();
      this.state = "idle";
      this.start();
    }, RUN_TIMEOUT_MS);
    this.pending.set(seq, { callback, timer });
    if (this.state !== "ready" || !this.worker) {
      queueMicrotask(() => this.settle(seq, { response: failedResponse("error"), ms: 0 }));
      return;
    }
    try {
      this.worker.postMessage({ type: "run", seq, request });
    } catch (error) {
      queueMicrotask(() => this.settle(seq, { response: failedResponse("error"), ms: 0 }));
    }
  },

  emit(event) {
    this.last = event;
    // The rest of the page (offline.js) hears the runtime's state without importing it.
    document.documentElement.dataset.calculatorRuntime = this.state;
    window.dispatchEvent(new CustomEvent("calculator-runtime", { detail: event }));
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  },
};
