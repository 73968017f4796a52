// Only what the calculator cannot avoid: import Pyodide, start it, run 1+1. __STDLIB__ and
// __LOCK__ are Pyodide's own files as shipped (the "bare" page) or the site's trimmed ones.
import "./unpacking-fetch.js";
import { loadPyodide } from "__INDEX__pyodide.mjs";
const began = performance.now();
try {
  const pyodide = await loadPyodide({
    indexURL: new URL("__INDEX__", self.location.href).href,
    stdLibURL: new URL("__STDLIB__", self.location.href).href,
    lockFileURL: new URL("__LOCK__", self.location.href).href,
  });
  const loaded = performance.now();
  const two = pyodide.runPython("1+1");
  self.postMessage({ ok: two === 2, loadMs: loaded - began });
} catch (error) {
  self.postMessage({ ok: false, error: String(error) });
}
