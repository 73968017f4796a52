// The one calculator widget for every calculator on the site. It knows nothing about any
// particular calculator: forms, messages and results all come from the Python catalog.
//
// The page already shows the results of the defaults (prerendered at build time). The worker
// that runs Pyodide is started by a small inline script while the page is parsed (see
// partials/calculator-runtime.html); runtime.js takes it over, and this module shows its
// progress and failures and recomputes as the reader types.
//
// Hooks for other modules: `form.calculatorWidget` is the widget (inputs(), setInputs(values),
// compute()), and every answer dispatches `calculator:result` on the form with
// detail = {ok, ms, roundTripMs, response}.

import { runtime } from "./runtime.js";
import "./scenario.js"; // links, export, print, saved scenarios: mounts on the widgets
import {
  atDefaults,
  format,
  formatField,
  sentValue,
  wireAppliesWhen,
} from "./calculator-fields.js";

const FAILURES = ["offline", "missing", "stalled", "blocked", "error", "timeout"];

class CalculatorWidget {
  constructor(form) {
    this.form = form;
    form.calculatorWidget = this; // the public face other modules use (scenario.js)
    this.id = form.dataset.calculator;
    this.locale = form.dataset.locale || document.documentElement.lang || "en";
    this.messages = JSON.parse(form.querySelector(".calc-messages").textContent);
    const section = form.closest(".calc") || form.parentElement;
    this.results = section.querySelector(".calc-results");
    this.resultsBody = this.results.querySelector(".calc-results-body") || this.results;
    this.stale = this.results.querySelector(".calc-stale");
    this.summary = section.querySelector(".calc-summary");
    this.summaryBody = this.summary.querySelector(".calc-summary-body");
    this.status = this.summary.querySelector(".calc-status");
    this.progress = this.summary.querySelector(".calc-progress");
    this.retryButton = this.summary.querySelector(".calc-retry");
    this.failureDetail = this.summary.querySelector(".calc-failure-detail");
    this.formError = form.querySelector(".calc-form-error");
    this.busy = false; // a request is in the worker
    this.request = null; // its token: an answer to any other request is ignored
    this.lastSent = null; // the inputs of the last request, as JSON
    this.wasLive = false; // the runtime has been ready at least once
    this.queued = false; // the inputs changed while it was there: send once more, latest only
    this.wanted = false; // the reader changed something the results do not show yet
    this.inputsEcho = null; // the parsed inputs of the last good result, when it carries them
    this.toFormat = new Set(); // number fields that lost focus, tidied once their value is in

    // Before the widget's own listeners, so a request never carries a field that no longer
    // applies.
    this.applies = wireAppliesWhen(form, this.messages);
    form.addEventListener("input", () => this.changed());
    // "change" follows "input" for the same edit: only a value not yet sent needs a request.
    form.addEventListener("change", () => {
      if (JSON.stringify(this.inputs()) !== this.lastSent) this.changed();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.changed();
    });
    form.addEventListener("reset", () =>
      setTimeout(() => {
        this.applies.update();
        this.changed();
      }),
    );
    form.addEventListener("focusout", (event) => this.leftField(event.target));
    this.retryButton.addEventListener("click", () => this.retry());
    form.dataset.state = "static";
    this.form.querySelector(".calc-actions").hidden = false;
    this.buildSummary();
    runtime.listeners.add((event) => this.onRuntime(event));
    if (runtime.last) this.onRuntime(runtime.last); // it started before this form was parsed
  }

  // --- The runtime's lifecycle -------------------------------------------------------------

  onRuntime(event) {
    if (event.type === "progress") this.showProgress(event);
    else if (event.type === "ready") {
      this.adoptPrerendered(event.answers && event.answers[this.id]);
      this.showReady();
    } else if (event.type === "failed") {
      // A runtime that was up and then failed broke on a request, not while starting.
      const starting = !this.wasLive || this.form.dataset.state === "loading";
      this.showFailure(event.reason, event.detail, starting);
    }
  }

  showProgress(event) {
    this.form.dataset.state = "loading";
    const steps = event.steps || Number(this.progress.max) - 1;
    this.progress.hidden = false;
    this.progress.max = steps + 1;
    this.progress.value = event.step;
    this.retryButton.hidden = true;
    this.failureDetail.hidden = true;
    const params = {
      step: event.step,
      steps,
      stage: this.messages[`ui.stage.${event.stage}`] || event.stage,
    };
    let text = format(this.messages["ui.loading"], params);
    // Bytes while downloading; once everything is here, Python's start-up has no byte count.
    if (event.stage === "runtime" && typeof event.loaded === "number" && event.loaded > 0) {
      const mb = new Intl.NumberFormat(this.locale, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });
      params.loaded = mb.format(event.loaded / 1e6);
      if (typeof event.total === "number" && event.total > 0) {
        params.total = mb.format(event.total / 1e6);
        text = format(this.messages["ui.loading_bytes"], params);
        this.progress.value = event.step - 1 + Math.min(1, event.loaded / event.total);
      } else {
        text = format(this.messages["ui.loading_bytes_open"], params);
      }
    }
    if (this.wanted) text = `${text}. ${this.messages["ui.pending"]}`;
    this.setStatus(text);
  }

  showReady() {
    this.wasLive = true;
    this.progress.value = this.progress.max;
    this.progress.hidden = true;
    this.retryButton.hidden = true;
    this.failureDetail.hidden = true;
    this.form.dataset.state = "ready";
    this.setStatus(this.messages["ui.live"]);
    if (this.wanted) this.compute();
  }

  // A failure of the runtime (`starting` true) or of one request. Older runtimes give a free
  // text reason; newer ones a known reason and the technical detail separately.
  showFailure(reason, detail, starting) {
    const known = FAILURES.includes(reason) ? reason : "error";
    const technical = [known === reason ? "" : reason, detail].filter(Boolean).join(": ");
    const key = starting || known === "timeout" ? known : "run_error";
    const plain = this.messages[`ui.failure.${key}`];
    if (this.busy) this.wanted = true; // the answer never came: ask again once it is back up
    this.busy = false;
    this.request = null;
    this.queued = false;
    this.progress.hidden = true;
    this.retryButton.hidden = false;
    this.failureDetail.hidden = !technical;
    this.failureDetail.querySelector(".calc-failure-text").textContent = technical;
    this.form.dataset.state = "failed";
    this.applies.show();
    this.setStatus(`${plain} ${this.messages["ui.kept"]}`);
  }

  // A failed start restarts the runtime; a failed request (the runtime is still up) is sent
  // again.
  retry() {
    this.wanted = true;
    if (runtime.state === "ready") this.compute();
    else runtime.retry();
  }

  setStatus(text) {
    if (this.status.textContent !== text) this.status.textContent = text;
  }

  // --- Requests ----------------------------------------------------------------------------

  changed() {
    this.wanted = true;
    if (runtime.state !== "ready") {
      this.applies.show(); // no answer is coming soon to show it with
      if (runtime.state === "failed" || runtime.state === "idle") runtime.start();
      if (runtime.state === "loading") {
        const last = runtime.last;
        if (last && last.type === "progress") this.showProgress(last);
        else this.setStatus(this.messages["ui.pending"]);
      }
      return;
    }
    this.compute();
  }

  inputs() {
    const values = {};
    for (const [name, value] of new FormData(this.form)) {
      values[name] = sentValue(this.form.elements.namedItem(name), value);
    }
    return values;
  }

  // Set controls by form name (values from a link or a saved scenario), then recompute.
  setInputs(values) {
    for (const [name, value] of Object.entries(values)) {
      const control = this.form.elements.namedItem(name);
      if (control && "value" in control) control.value = String(value);
    }
    this.applies.update();
    this.changed();
  }

  currentRequest() {
    // root: where the site starts as seen from this page, for links in the results.
    const root = this.form.dataset.root || "";
    return { calculator: this.id, inputs: this.inputs(), locale: this.locale, root };
  }

  // The same request with every choice switched to another option: it runs the branches the
  // defaults do not (a risk left out, price by judgment), for the warm-up only.
  variantRequest() {
    const request = this.currentRequest();
    for (const select of this.form.querySelectorAll("select[name]")) {
      const options = [...select.options].filter((o) => o.value && !o.disabled);
      const other = options.find((o) => o.value !== select.value);
      if (other && !select.disabled) request.inputs[select.name] = other.value;
    }
    return request;
  }

  compute() {
    if (runtime.state !== "ready") {
      this.changed();
      return;
    }
    this.wanted = false;
    if (this.busy) {
      this.queued = true;
      return;
    }
    this.busy = true;
    const token = {};
    this.request = token;
    const started = performance.now();
    const request = this.currentRequest();
    this.lastSent = JSON.stringify(request.inputs);
    const answered = ({ response, ms }) => {
      if (this.request !== token) return; // a runtime failure already released the form
      this.busy = false;
      this.request = null;
      if (response && response.failure) this.showFailure(response.failure, response.detail, false);
      else this.show(response);
      this.form.dispatchEvent(
        new CustomEvent("calculator:result", {
          detail: {
            ok: Boolean(response && response.ok),
            ms,
            roundTripMs: performance.now() - started,
            response,
          },
        }),
      );
      if (this.queued) {
        this.queued = false;
        this.compute();
      }
    };
    try {
      runtime.run(request, answered);
    } catch (error) {
      this.showFailure("error", String((error && error.message) || error), false);
    }
  }

  // --- Showing an answer ---------------------------------------------------------------------

  show(response) {
    const errors = response.ok ? {} : response.errors || {};
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
    this.retryButton.hidden = true;
    this.failureDetail.hidden = true;
    this.stale.hidden = response.ok;
    this.results.dataset.stale = String(!response.ok);
    this.applies.show(); // the fields that no longer apply go as the answer comes
    if (response.ok) {
      this.showSections(response.sections || []);
      this.inputsEcho = (response.result && response.result.inputs) || null;
      this.form.dataset.state = "ready";
      this.buildSummary();
      this.setStatus(this.messages["ui.updated"]);
      this.tidyFields();
    } else {
      this.form.dataset.state = "invalid";
      this.setStatus(this.messages["ui.invalid"]);
    }
  }

  // Only the sections (verdict, figures, each chart, table, list) that differ from the last
  // answer are replaced: the rest keep their nodes, and the browser does not style, lay out
  // and paint them again. Until there is a last answer (see adoptPrerendered), all are.
  showSections(sections) {
    const body = this.resultsBody;
    const shown = this.shownSections;
    const same = shown && shown.length === sections.length && body.children.length === shown.length;
    if (!same) {
      body.innerHTML = sections.join("");
    } else {
      const elements = [...body.children];
      sections.forEach((html, i) => {
        if (html !== shown[i]) elements[i].outerHTML = html;
      });
    }
    this.shownSections = sections;
  }

  // The worker's answer to this form's untouched request: the prerendered results show exactly
  // these sections (the build rendered the same defaults), so the first change replaces only
  // the sections it changes. Anything else, and the first answer replaces them all.
  adoptPrerendered(answer) {
    if (!answer || this.shownSections || !atDefaults(this.form)) return;
    if (answer.inputs !== JSON.stringify(this.inputs())) return;
    const { sections } = answer;
    if (Array.isArray(sections) && sections.length === this.resultsBody.children.length) {
      this.shownSections = sections;
    }
  }

  // The summary: the verdict and two or three headline figures, copied from the results (the
  // calculator marks its headline figures; otherwise the first three stand in for them).
  buildSummary() {
    const parts = [];
    const verdict = this.resultsBody.querySelector(".calc-verdict");
    if (verdict) {
      const copy = document.createElement("p");
      copy.className = "calc-summary-verdict";
      if (verdict.dataset.tone) copy.dataset.tone = verdict.dataset.tone;
      copy.textContent = verdict.textContent.trim();
      parts.push(copy);
    }
    let figures = [...this.resultsBody.querySelectorAll(".calc-figure.calc-headline")];
    if (!figures.length) figures = [...this.resultsBody.querySelectorAll(".calc-figure")];
    if (figures.length) {
      const list = document.createElement("dl");
      list.className = "calc-summary-figures";
      for (const figure of figures.slice(0, 3)) {
        const item = document.createElement("div");
        item.className = "calc-summary-figure";
        item.dataset.figure = figure.dataset.figure || "";
        if (figure.dataset.tone) item.dataset.tone = figure.dataset.tone;
        const term = document.createElement("dt");
        term.textContent = (figure.querySelector("dt") || figure).textContent.trim();
        const value = document.createElement("dd");
        const shown = figure.querySelector(".calc-figure-value");
        value.textContent = (shown || figure).textContent.trim();
        item.append(term, value);
        list.append(item);
      }
      parts.push(list);
    }
    this.summaryBody.replaceChildren(...parts);
  }

  leftField(control) {
    if (!control || !control.name || control.tagName !== "INPUT") return;
    this.toFormat.add(control);
    if (!this.busy && !this.queued && !this.wanted) this.tidyFields();
  }

  tidyFields() {
    if (this.busy || this.queued || this.wanted) return; // the answer is for older values
    for (const control of this.toFormat) {
      if (document.activeElement === control) continue;
      formatField(control, this.inputsEcho, this.locale);
      this.toFormat.delete(control);
    }
  }
}

function mount() {
  const forms = document.querySelectorAll("form[data-calculator]:not([data-mounted])");
  const widgets = [];
  for (const form of forms) {
    form.dataset.mounted = "";
    widgets.push(new CalculatorWidget(form));
  }
  if (!forms.length) return;
  runtime.start(); // adopts the worker the page's inline script started
  // The worker's last step before "ready" runs these requests, exactly as the page will send
  // them: the reader's first change then finds that code already compiled.
  for (const widget of widgets) {
    runtime.warm(widget.currentRequest(), true);
    runtime.warm(widget.variantRequest());
  }
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
