// The calculator runtime: one Pyodide worker per page visit, shared by every calculator on the
// page. It starts (or adopts) the worker, reports progress and failure as events, and runs
// requests. It knows nothing about forms or results: calculator.js is the widget side.
//
// Events emitted to listeners: {type: "progress", stage, step} | {type: "ready"} |
// {type: "failed", reason}.

const START_TIMEOUT_MS = 45000;

// One worker per page visit, shared by every calculator on the page.
export const runtime = {
  worker: null,
  state: "idle", // idle | loading | ready | failed
  listeners: new Set(),
  timer: null,
  seq: 0,
  pending: new Map(), // seq -> callback
  last: null, // the last event emitted, for widgets mounted after it

  start() {
    if (this.state === "loading" || this.state === "ready") return;
    this.state = "loading";
    this.emit({ type: "progress", stage: "runtime", step: 1 });
    // The page's inline script started a worker while the page was parsed; take it over once.
    const { early, startWorker } = window.calculatorRuntime;
    let said = [];
    try {
      if (early.worker) {
        this.worker = early.worker;
        said = early.said;
        early.worker = null;
      } else {
        this.worker = startWorker();
      }
    } catch (error) {
      this.fail(String(error));
      return;
    }
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (event) => this.fail(event.message || "worker error");
    this.timer = setTimeout(() => this.fail(null), START_TIMEOUT_MS);
    for (const data of said) this.receive(data);
  },

  receive(data) {
    if (data.type === "result") {
      const callback = this.pending.get(data.seq);
      this.pending.delete(data.seq);
      if (callback) callback(data);
      return;
    }
    if (data.type === "ready") {
      clearTimeout(this.timer);
      this.state = "ready";
    } else if (data.type === "failed") {
      this.fail(data.reason);
      return;
    }
    this.emit(data);
  },

  fail(reason) {
    clearTimeout(this.timer);
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.pending.clear();
    this.state = "failed";
    this.emit({ type: "failed", reason });
  },

  retry() {
    this.state = "idle";
    this.start();
  },

  run(request, callback) {
    const seq = ++this.seq;
    this.pending.set(seq, callback);
    this.worker.postMessage({ type: "run", seq, request });
  },

  emit(event) {
    this.last = event;
    for (const listener of this.listeners) listener(event);
  },

};
