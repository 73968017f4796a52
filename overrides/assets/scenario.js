// Take a result anywhere: the page URL holds the scenario, a link can be copied, the result
// downloaded as CSV or JSON, printed as a report, saved under a name and compared. Generic:
// everything calculator-specific (which values differ from the defaults, the files, the
// comparison) is answered by the calculators' Python in the worker (calculators/share.py).
//
// Uses the widget's public face only: form.calculatorWidget.{inputs(), setInputs(), compute()}
// and the form's "calculator:result" event. Nothing is sent anywhere: downloads are made in
// the page and saved scenarios stay in local storage.

import { runtime } from "./runtime.js";
import { TEXT, say, sayCount } from "./scenario-text.js";
import { ScenarioStore, exportDocument, parseExport } from "./scenario-store.js";
import { formDefaults } from "./calculator-fields.js";
import { labelTabs, preparePrint, renderReport } from "./scenario-report.js";

// Query parameters the site itself uses (Material's search highlighting): not a scenario.
const IGNORED_PARAMS = new Set(["h"]);
// How long the reader pauses before the link and the report follow the results.
const URL_PAUSE_MS = 300;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(text, onClick, className = "md-button share-button") {
  const node = element("button", className, text);
  node.type = "button";
  node.addEventListener("click", onClick);
  return node;
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

function hasScenario(search) {
  return [...new URLSearchParams(search).keys()].some((key) => !IGNORED_PARAMS.has(key));
}

// One request to the calculators' Python; resolves with its response.
function ask(request) {
  return new Promise((resolve) => runtime.run(request, ({ response }) => resolve(response)));
}

function errorText(response) {
  return Object.values(response.errors || {}).join(" ");
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = element("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

class ScenarioTools {
  constructor(form) {
    this.form = form;
    form.scenarioTools = this; // for tests and other modules: applyLink(search)
    this.widget = form.calculatorWidget;
    this.id = form.dataset.calculator;
    this.locale = form.dataset.locale || "en";
    this.results = form.parentElement.querySelector(".calc-results");
    this.store = new ScenarioStore(this.id);
    this.linkPending = hasScenario(location.search);
    this.saving = 0;
    this.urlTimer = null;
    this.build();
    form.addEventListener("calculator:result", (event) => this.onResult(event.detail));
    form.addEventListener("reset", () => this.onReset());
    runtime.listeners.add((event) => {
      if (event.type === "ready") this.onReady();
    });
    if (runtime.state === "ready") this.onReady();
    window.addEventListener("beforeprint", () => this.beforePrint());
    // Print media without a print dialog (an emulated one, a print preview) has no beforeprint.
    window.matchMedia("print").addEventListener("change", (event) => {
      if (event.matches) renderReport(this.report, this.form, location.href);
    });
    window.addEventListener("afterprint", () => this.afterPrint());
  }

  // --- the page furniture --------------------------------------------------------------

  build() {
    const cid = `share-${this.id}`;
    this.note = element("div", "share-link-note");
    this.note.setAttribute("role", "status");
    if (this.linkPending) this.note.append(element("p", "", TEXT.linkPending));
    else this.note.hidden = true;
    this.results.before(this.note);

    this.undoBox = element("div", "share-undo");
    this.undoBox.hidden = true;
    this.undoText = element("span", "", TEXT.undoReset);
    this.undoBox.append(this.undoText, " ", button(TEXT.undo, () => this.undoReset()));
    this.form.querySelector(".calc-actions").after(this.undoBox);

    this.report = element("div", "share-report");
    this.results.before(this.report);

    const panel = element("section", "share");
    panel.setAttribute("aria-labelledby", `${cid}-title`);
    const title = element("h3", "share-title", TEXT.heading);
    title.id = `${cid}-title`;
    this.needRuntime = [];
    const live = (text, onClick) => {
      const node = button(text, onClick);
      this.needRuntime.push(node);
      return node;
    };
    const bar = element("div", "share-bar");
    bar.append(
      button(TEXT.copyLink, () => this.copyLink()),
      live(TEXT.csv, () => this.exportFile("csv")),
      live(TEXT.json, () => this.exportFile("json")),
      button(TEXT.print, () => window.print()),
    );
    this.linkBox = element("p", "share-linkbox");
    this.linkBox.hidden = true;
    this.status = element("p", "share-status");
    this.status.setAttribute("role", "status");

    const list = element("div", "share-scenarios");
    const listTitle = element("h4", "", TEXT.scenarios);
    const help = element("p", "share-help", TEXT.scenariosHelp);
    this.storageNote = element("p", "share-warning", TEXT.noStorage);
    this.storageNote.setAttribute("role", "alert");
    this.storageNote.hidden = this.store.persistent;
    const saveRow = element("div", "share-save");
    const nameLabel = element("label", "", TEXT.nameLabel);
    this.nameInput = element("input");
    this.nameInput.type = "text";
    this.nameInput.id = nameLabel.htmlFor = `${cid}-name`;
    this.nameInput.maxLength = 80;
    this.nameInput.autocomplete = "off";
    this.nameInput.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        this.save();
      }
    });
    saveRow.append(nameLabel, this.nameInput, live(TEXT.save, () => this.save()));
    this.list = element("ul", "share-list");
    this.list.setAttribute("aria-labelledby", `${cid}-list-title`);
    listTitle.id = `${cid}-list-title`;
    const fileInput = element("input", "share-file");
    fileInput.type = "file";
    fileInput.accept = ".json,application/json";
    fileInput.hidden = true;
    fileInput.addEventListener("change", () => this.importFile(fileInput));
    const listBar = element("div", "share-bar");
    listBar.append(
      live(TEXT.compare, () => this.compare()),
      button(TEXT.exportScenarios, () => this.exportScenarios()),
      live(TEXT.importScenarios, () => fileInput.click()),
      fileInput,
    );
    this.comparison = element("div", "share-compare");
    list.append(listTitle, help, this.storageNote, saveRow, this.list, listBar, this.comparison);
    panel.append(title, bar, this.linkBox, this.status, list);
    // Below the form and the results, not in the results column: on a wide screen that column
    // stays in view while editing, and its height is for the verdict, figures and charts.
    const section = this.results.closest(".calc");
    if (section) section.append(panel);
    else this.results.after(panel);
    this.setLive(runtime.state === "ready");
    this.renderList();
    renderReport(this.report, this.form, location.href);
    labelTabs(document.querySelector(".md-content") || document.body);
  }

  setLive(live) {
    for (const node of this.needRuntime) {
      node.disabled = !live;
      node.title = live ? "" : TEXT.waitRuntime;
    }
  }

  tell(text) {
    this.status.textContent = text;
  }

  // --- the link ------------------------------------------------------------------------

  async onReady() {
    if (this.ready) return;
    this.ready = true;
    this.setLive(true);
    this.renderList();
    // Either request imports the Python side of links now, before the reader's first change
    // (about 0.1 s in the worker, once).
    if (this.linkPending) await this.applyLink(location.search);
    else await this.updateUrl();
  }

  // Applies a link's query string (validated by the Python: bad parts are reported once each
  // and the rest applied) and resolves with the problems found.
  async applyLink(search) {
    this.linkPending = true;
    const response = await ask({ format: "decode", calculator: this.id, query: search, locale: this.locale });
    this.linkPending = false;
    const problems = response.ok ? response.problems : [errorText(response)];
    this.note.hidden = false;
    this.note.replaceChildren(element("p", "", problems.length ? TEXT.linkPartly : TEXT.linkApplied));
    if (problems.length) {
      const list = element("ul", "share-problems");
      for (const problem of problems) list.append(element("li", "", problem));
      this.note.append(list);
    }
    const inputs = response.ok ? response.inputs : {};
    this.widget.setInputs({ ...formDefaults(this.form), ...inputs });
    renderReport(this.report, this.form, location.href); // the link's values, ready to print
    return problems;
  }

  // The link and the printed report follow once the reader pauses (updateUrl renders the
  // report): done on every answer, the link cost a second request to the worker and a history
  // update while the reader was still typing, and the report reads every field of the form
  // (12 ms on the risk register), so the next answer waited. Printing renders it at once.
  onResult(detail) {
    if (!detail.ok || this.linkPending) return; // a link not yet applied stays in the URL
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => this.flushUrl(), URL_PAUSE_MS);
  }

  // Brings the link up to date now if an update is waiting (before it is copied or exported).
  async flushUrl() {
    if (this.urlTimer === null) return;
    clearTimeout(this.urlTimer);
    this.urlTimer = null;
    await this.updateUrl();
  }

  // The URL holds the inputs that differ from the defaults; replaced, not pushed, so editing
  // adds no history entry per keystroke.
  async updateUrl() {
    const ticket = ++this.saving;
    const response = await ask({
      format: "query",
      calculator: this.id,
      inputs: this.widget.inputs(),
      locale: this.locale,
    });
    if (!response.ok || ticket !== this.saving) return; // a later edit has its own answer
    const url = new URL(location.href);
    url.search = response.query ? `?${response.query}` : "";
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
    this.query = response.query;
    renderReport(this.report, this.form, location.href);
  }

  async copyLink() {
    await this.flushUrl();
    const link = location.href;
    try {
      await navigator.clipboard.writeText(link);
      this.linkBox.hidden = true;
      this.tell(TEXT.linkCopied);
    } catch {
      // No clipboard permission: show the link, selected, for the reader to copy.
      const field = element("input", "share-link-field");
      field.type = "text";
      field.readOnly = true;
      field.value = link;
      field.setAttribute("aria-label", TEXT.linkLabel);
      this.linkBox.replaceChildren(element("span", "", `${TEXT.linkShown} `), field);
      this.linkBox.hidden = false;
      field.select();
      field.focus();
    }
  }

  // --- export and print ----------------------------------------------------------------

  async exportFile(kind) {
    await this.flushUrl();
    const response = await ask({
      format: kind,
      calculator: this.id,
      inputs: this.widget.inputs(),
      link: location.href,
      date: today(),
      locale: this.locale,
    });
    if (!response.ok) {
      this.tell(say(TEXT.exportFailed, { reason: errorText(response) }));
      return;
    }
    const file = `${this.id}-${today()}.${kind}`;
    if (kind === "csv") download(file, "text/csv;charset=utf-8", response.csv);
    else download(file, "application/json", `${JSON.stringify(response.json, null, 2)}\n`);
    this.tell(say(TEXT.downloaded, { file }));
  }

  beforePrint() {
    renderReport(this.report, this.form, location.href);
    this.closeAfterPrint = preparePrint(document.querySelector(".md-content") || document.body);
  }

  afterPrint() {
    if (this.closeAfterPrint) this.closeAfterPrint();
    this.closeAfterPrint = null;
  }

  // --- reset and undo ------------------------------------------------------------------

  onReset() {
    // The reset event comes before the form is reset: keep what it is about to throw away.
    this.beforeReset = this.widget.inputs();
    this.note.hidden = true; // the link's values are gone with the reset
    this.undoText.textContent = TEXT.undoReset;
    this.undoBox.hidden = false;
    this.undoBox.querySelector("button").hidden = false;
  }

  undoReset() {
    if (!this.beforeReset) return;
    this.widget.setInputs(this.beforeReset);
    this.beforeReset = null;
    this.undoText.textContent = TEXT.undone;
    this.undoBox.querySelector("button").hidden = true;
  }

  // --- saved scenarios -----------------------------------------------------------------

  async currentQuery() {
    const response = await ask({
      format: "query",
      calculator: this.id,
      inputs: this.widget.inputs(),
      locale: this.locale,
    });
    return response.ok ? response.query : null;
  }

  async save() {
    const name = this.nameInput.value.trim() || say(TEXT.defaultName, { n: this.store.items.length + 1 });
    const query = await this.currentQuery();
    if (query === null) return;
    const replaced = this.store.put(name.slice(0, 80), query);
    this.nameInput.value = "";
    this.renderList();
    this.storageNote.hidden = this.store.persistent;
    this.tell(say(replaced ? TEXT.replaced : TEXT.saved, { name }));
  }

  async load(item) {
    const response = await ask({
      format: "decode",
      calculator: this.id,
      query: item.query,
      locale: this.locale,
    });
    if (!response.ok) return;
    this.widget.setInputs({ ...formDefaults(this.form), ...response.inputs });
    this.tell(say(TEXT.loaded, { name: item.name }));
  }

  renderList() {
    const entries = this.store.items.map((item, index) => this.listEntry(item, index));
    this.list.replaceChildren(...(entries.length ? entries : [element("li", "share-empty", TEXT.none)]));
  }

  listEntry(item, index) {
    const entry = element("li", "share-item");
    const box = element("input", "share-pick");
    box.type = "checkbox";
    box.value = item.name;
    box.id = `share-${this.id}-pick-${index}`;
    const label = element("label", "share-name", item.name);
    label.htmlFor = box.id;
    box.setAttribute("aria-label", say(TEXT.select, { name: item.name }));
    const actions = element("span", "share-item-actions");
    const load = button(TEXT.load, () => this.load(item), "md-button share-small");
    load.disabled = !this.ready;
    actions.append(
      load,
      button(TEXT.rename, () => this.startRename(entry, item), "md-button share-small"),
      button(TEXT.remove, () => this.remove(item), "md-button share-small"),
    );
    entry.append(box, label, actions);
    return entry;
  }

  startRename(entry, item) {
    const field = element("input", "share-rename");
    field.type = "text";
    field.value = item.name;
    field.maxLength = 80;
    field.setAttribute("aria-label", say(TEXT.renameTo, { name: item.name }));
    const commit = () => {
      const name = field.value.trim();
      if (!name || name === item.name) return this.renderList();
      if (!this.store.rename(item.name, name)) {
        this.tell(say(TEXT.nameTaken, { name }));
        return field.focus();
      }
      this.renderList();
      this.tell(say(TEXT.renamed, { name }));
    };
    field.addEventListener("keydown", (event) => {
      if (event.key === "Enter") commit();
      if (event.key === "Escape") this.renderList();
    });
    const ok = button(TEXT.ok, commit, "md-button share-small");
    const cancel = button(TEXT.cancel, () => this.renderList(), "md-button share-small");
    entry.replaceChildren(field, ok, cancel);
    field.focus();
    field.select();
  }

  remove(item) {
    this.store.remove(item.name);
    this.renderList();
    this.tell(say(TEXT.removed, { name: item.name }));
  }

  async compare() {
    const names = [...this.list.querySelectorAll(".share-pick:checked")].map((box) => box.value);
    const picked = names.map((name) => this.store.find(name)).filter(Boolean);
    if (picked.length < 2 || picked.length > 4) {
      this.tell(TEXT.compareCount);
      return;
    }
    const response = await ask({
      format: "compare",
      calculator: this.id,
      scenarios: picked.map(({ name, query }) => ({ name, query })),
      locale: this.locale,
    });
    if (!response.ok) {
      this.tell(errorText(response));
      return;
    }
    this.renderComparison(response.compare);
  }

  renderComparison({ names, rows, problems }) {
    const table = element("table", "share-compare-table");
    table.append(element("caption", "", TEXT.compareCaption));
    const head = element("tr");
    head.append(element("td"));
    for (const name of names) {
      const th = element("th", "", name);
      th.scope = "col";
      head.append(th);
    }
    const thead = element("thead");
    thead.append(head);
    const body = element("tbody");
    const groups = { verdict: TEXT.compareVerdict, figure: TEXT.compareFigures, input: TEXT.compareInputs };
    let group = null;
    const addGroup = (kind) => {
      const row = element("tr", "share-group");
      const th = element("th", "", groups[kind]);
      th.colSpan = names.length + 1;
      th.scope = "colgroup";
      row.append(th);
      body.append(row);
    };
    for (const row of rows) {
      if (row.kind !== group) addGroup((group = row.kind));
      const tr = element("tr", row.differs ? "share-differs" : "");
      const th = element("th", "", row.label);
      th.scope = "row";
      tr.append(th);
      for (const cell of row.cells) {
        const td = element("td", "", cell);
        if (row.differs) td.append(element("span", "calc-visually-hidden", ` (${TEXT.differs})`));
        tr.append(td);
      }
      body.append(tr);
    }
    if (!rows.some((row) => row.kind === "input")) {
      addGroup("input");
      const tr = element("tr");
      const td = element("td", "", TEXT.compareSame);
      td.colSpan = names.length + 1;
      tr.append(td);
      body.append(tr);
    }
    table.append(thead, body);
    const region = element("div", "share-compare-scroll");
    region.setAttribute("role", "region");
    region.setAttribute("aria-label", TEXT.compareCaption);
    region.tabIndex = 0;
    region.append(table);
    const parts = [region];
    if (problems.length) {
      const list = element("ul", "share-problems");
      for (const problem of problems) list.append(element("li", "", problem));
      parts.push(list);
    }
    this.comparison.replaceChildren(...parts);
  }

  exportScenarios() {
    const file = `${this.id}-scenarios-${today()}.json`;
    const document_ = exportDocument(this.id, this.store.items);
    download(file, "application/json", `${JSON.stringify(document_, null, 2)}\n`);
    this.tell(sayCount("exported", this.store.items.length, { file }));
  }

  async importFile(input) {
    const file = input.files && input.files[0];
    input.value = "";
    if (!file) return;
    const parsed = parseExport(this.id, await file.text());
    if (parsed.reason) {
      this.tell(say(TEXT.importRefused, { reason: parsed.reason }));
      return;
    }
    // Each scenario's link is validated by the calculators' Python, like any link.
    const skipped = [];
    let count = 0;
    for (const entry of parsed.entries) {
      const response = await ask({
        format: "decode",
        calculator: this.id,
        query: entry.query,
        locale: this.locale,
      });
      const problem = response.ok ? response.problems[0] : errorText(response);
      if (problem) {
        skipped.push(say(TEXT.skipped, { name: entry.name, problem }));
        continue;
      }
      this.store.put(entry.name, entry.query);
      count += 1;
    }
    this.renderList();
    this.storageNote.hidden = this.store.persistent;
    this.tell([sayCount("imported", count), ...skipped].join(" "));
  }
}

function mount() {
  for (const form of document.querySelectorAll("form[data-calculator][data-mounted]:not([data-shared])")) {
    if (!form.calculatorWidget || !form.parentElement.querySelector(".calc-results")) continue;
    form.dataset.shared = "";
    new ScenarioTools(form);
  }
}

// calculator.js imports this module, so this code runs just before the widgets mount; wait
// one task so that they exist, and mount again on each page of Material's instant navigation.
function mountAll() {
  setTimeout(mount);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(() => setTimeout(mount));
  }
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mountAll, { once: true });
} else {
  mountAll();
}
