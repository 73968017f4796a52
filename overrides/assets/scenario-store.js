// Saved scenarios: a name and a link's query string each, kept per calculator in the browser's
// local storage. Works without local storage (private browsing, full quota): the list then
// lives in memory for this page and `persistent` is false, so the page can say so.
//
// The scenarios file (export and import) is validated here for its shape; the queries it holds
// are validated by the calculators' Python like any link (see scenario.js).

import { TEXT, say } from "./scenario-text.js";

export const FILE_FORMAT = "outsourcing-guide-scenarios";
export const MAX_SCENARIOS = 50;
export const MAX_NAME = 80;
export const MAX_QUERY = 8000;
export const MAX_FILE_KB = 512;

function probe() {
  try {
    const storage = window.localStorage;
    const key = "outsourcing-guide.probe";
    storage.setItem(key, key);
    storage.removeItem(key);
    return storage;
  } catch {
    return null;
  }
}

export class ScenarioStore {
  constructor(calculatorId) {
    this.key = `outsourcing-guide.scenarios.${calculatorId}`;
    this.storage = probe();
    this.persistent = Boolean(this.storage);
    this.items = this.read();
  }

  read() {
    if (!this.storage) return [];
    try {
      const found = JSON.parse(this.storage.getItem(this.key) || "[]");
      return validEntries(found).entries;
    } catch {
      return []; // a damaged entry is dropped rather than breaking the page
    }
  }

  write() {
    if (!this.storage) return;
    try {
      this.storage.setItem(this.key, JSON.stringify(this.items));
    } catch {
      this.storage = null; // quota full or storage withdrawn: keep going in memory
      this.persistent = false;
    }
  }

  find(name) {
    return this.items.find((item) => item.name === name);
  }

  // Adds a scenario, or replaces the one with the same name; true when it replaced one.
  put(name, query) {
    const existing = this.find(name);
    const saved = new Date().toISOString();
    if (existing) Object.assign(existing, { query, saved });
    else this.items.push({ name, query, saved });
    this.write();
    return Boolean(existing);
  }

  rename(name, newName) {
    const item = this.find(name);
    if (!item || (newName !== name && this.find(newName))) return false;
    item.name = newName;
    this.write();
    return true;
  }

  remove(name) {
    this.items = this.items.filter((item) => item.name !== name);
    this.write();
  }
}

// Entries of the right shape, or the reason why a list is not one.
function validEntries(list) {
  if (!Array.isArray(list)) return { entries: [], reason: TEXT.notScenarios };
  if (list.length > MAX_SCENARIOS) {
    return { entries: [], reason: say(TEXT.tooMany, { max: MAX_SCENARIOS }) };
  }
  const entries = [];
  for (const [index, item] of list.entries()) {
    const ok =
      item !== null &&
      typeof item === "object" &&
      typeof item.name === "string" &&
      item.name.trim() !== "" &&
      item.name.length <= MAX_NAME &&
      typeof item.query === "string" &&
      item.query.length <= MAX_QUERY;
    if (!ok) return { entries: [], reason: say(TEXT.badEntry, { n: index + 1 }) };
    const saved = typeof item.saved === "string" ? item.saved.slice(0, 40) : "";
    entries.push({ name: item.name.trim(), query: item.query, saved });
  }
  return { entries, reason: null };
}

export function exportDocument(calculatorId, items) {
  return {
    format: FILE_FORMAT,
    version: 1,
    calculator: calculatorId,
    exported: new Date().toISOString(),
    scenarios: items.map(({ name, query, saved }) => ({ name, query, saved })),
  };
}

// The scenarios of an exported file's text: {entries} or {reason} (why it was refused).
export function parseExport(calculatorId, text) {
  if (text.length > MAX_FILE_KB * 1024) return { reason: say(TEXT.tooBig, { max: MAX_FILE_KB }) };
  let document;
  try {
    document = JSON.parse(text);
  } catch {
    return { reason: TEXT.notJson };
  }
  if (!document || typeof document !== "object" || document.format !== FILE_FORMAT) {
    return { reason: TEXT.notScenarios };
  }
  if (document.calculator !== calculatorId) {
    return { reason: say(TEXT.otherCalculator, { id: String(document.calculator).slice(0, 40) }) };
  }
  const { entries, reason } = validEntries(document.scenarios);
  return reason ? { reason } : { entries };
}
