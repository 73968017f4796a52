// The one calculator runtime for every calculator on the site. It knows nothing about any
// particular calculator: forms, messages and results all come from the Python catalog.
//
// The page already shows the results of the defaults (prerendered at build time). The worker
// that runs Pyodide is started by a small inline script while the page is parsed (see
// partials/calculator-runtime.html); this module takes it over, shows its progress and then
// recomputes as the reader types.

import { runtime } from "./runtime.js";
import "./scenario.js"; // links, export, print, saved scenarios: mounts on the widgets

function format(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in params ? params[key] : whole));
}

class CalculatorWidget {
  constructor(form) {
    this.form = form;
    form.calculatorWidget = this; // the public face other modules use (scenario.js)
    this.id = form.dataset.calculator;
    this.locale = form.dataset.locale || document.documentElement.lang || "en";
    this.messages = JSON.parse(form.querySelector(".calc-messages").textContent);
    this.results = form.parentElement.querySelector(".calc-results");
    this.status = form.querySelector(".calc-status");
    this.progress = form.querySelector(".calc-progress");
    this.retryButton = form.querySelector(".calc-retry");
    this.formError = form.querySelector(".calc-form-error");
    this.busy = false; // a request is in the worker
    this.queued = false; // the inputs changed while it was there: send once more, latest only
    this.wanted = false; // the reader changed something before the runtime was ready

    form.addEventListener("input", () => this.changed());
    form.addEventListener("change", () => this.changed());
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.changed();
    });
    form.addEventListener("reset", () => setTimeout(() => this.changed()));
    this.retryButton.addEventListener("click", () => runtime.retry());
    runtime.listeners.add((event) => this.onRuntime(event));
    form.dataset.state = "static";
    if (runtime.last) this.onRuntime(runtime.last); // it started before this form was parsed
  }

  onRuntime(event) {
    if (event.type === "progress") {
      this.form.dataset.state = "loading";
      const steps = Number(this.progress.max) - 1;
      this.progress.hidden = false;
      this.progress.value = event.step;
      this.retryButton.hidden = true;
      const stage = this.messages[`ui.stage.${event.stage}`] || event.stage;
      const mb = (bytes) => (bytes / 1e6).toFixed(1);
      this.setStatus(
        event.total && event.stage === "runtime"
          ? format(this.messages["ui.loading_bytes"], {
              stage,
              loaded: mb(event.loaded),
              total: mb(event.total),
            })
          : format(this.messages["ui.loading"], { step: event.step, steps, stage }),
      );
    } else if (event.type === "ready") {
      this.progress.value = this.progress.max;
      this.progress.hidden = true;
      this.form.querySelector(".calc-actions").hidden = false;
      this.form.dataset.state = "ready";
      this.setStatus(this.messages["ui.live"]);
      if (this.wanted) this.compute();
    } else if (event.type === "failed") {
      this.progress.hidden = true;
      this.retryButton.hidden = false;
      this.form.dataset.state = "failed";
      const reason = this.messages[`ui.reason.${event.reason}`] || event.reason;
      this.setStatus(format(this.messages["ui.failed"], { reason }));
      this.status.title = event.detail || "";
    }
  }

  setStatus(text) {
    this.status.textContent = text;
  }

  changed() {
    this.wanted = true;
    if (runtime.state !== "ready") {
      runtime.start();
      return;
    }
    this.compute();
  }

  inputs() {
    const values = {};
    for (const [name, value] of new FormData(this.form)) values[name] = value;
    return values;
  }

  // Set controls by form name (values from a link or a saved scenario), then recompute.
  setInputs(values) {
    for (const [name, value] of Object.entries(values)) {
      const control = this.form.elements.namedItem(name);
      if (control && "value" in control) control.value = String(value);
    }
    this.changed();
  }

  compute() {
    this.wanted = false;
    if (this.busy) {
      this.queued = true;
      return;
    }
    this.busy = true;
    const started = performance.now();
    // root: where the site starts as seen from this page, for links in the results.
    const root = this.form.dataset.root || "";
    const request = { calculator: this.id, inputs: this.inputs(), locale: this.locale, root };
    runtime.run(request, ({ response, ms }) => {
      this.busy = false;
      this.show(response);
      this.form.dispatchEvent(
        new CustomEvent("calculator:result", {
          detail: { ok: response.ok, ms, roundTripMs: performance.now() - started, response },
        }),
      );
      if (this.queued) {
        this.queued = false;
        this.compute();
      }
    });
  }

  show(response) {
    const errors = response.ok ? {} : response.errors;
    const placed = new Set();
    // Each error goes next to its field or table cell (data-for = the field's name).
    for (const error of this.form.querySelectorAll(".calc-error[data-for]")) {
      const name = error.dataset.for;
      const control = this.form.elements.namedItem(name);
      const message = errors[name];
      error.textContent = message || "";
      error.hidden = !message;
      if (message) placed.add(name);
      if (control && control.setAttribute) {
        if (message) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    }
    // Anything without a place of its own (a whole-request error) shows under the form.
    const rest = Object.entries(errors).filter(([name]) => !placed.has(name));
    this.formError.hidden = rest.length === 0;
    this.formError.textContent = rest.map(([, message]) => message).join(" ");
    if (response.ok) {
      this.results.innerHTML = response.html;
      this.form.dataset.state = "ready";
      this.setStatus(this.messages["ui.updated"]);
    } else {
      this.form.dataset.state = "invalid";
      this.setStatus(this.messages["ui.invalid"]);
    }
  }
}

function mount() {
  const forms = document.querySelectorAll("form[data-calculator]:not([data-mounted])");
  for (const form of forms) {
    form.dataset.mounted = "";
    new CalculatorWidget(form);
  }
  if (forms.length) runtime.start(); // adopts the worker the page's inline script started
}

// Material's instant navigation replaces the page without reloading scripts: mount on each
// new document when it is on, or once the forms are parsed otherwise.
function mountAll() {
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mount);
  } else {
    mount();
  }
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mountAll, { once: true });
} else {
  mountAll();
}
