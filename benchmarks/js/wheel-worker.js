// Diagnosis: the bare start plus the calculators wheel, its import and one computation.
import "./unpacking-fetch.js";
import { loadPyodide } from "__INDEX__pyodide.mjs";
const began = performance.now();
try {
  const wheel = fetch("__WHEEL__").then((r) => {
    if (!r.ok) throw new Error(`wheel: HTTP ${r.status}`);
    return r.arrayBuffer();
  });
  const pyodide = await loadPyodide({
    indexURL: new URL("__INDEX__", self.location.href).href,
    stdLibURL: new URL("__STDLIB__", self.location.href).href,
    lockFileURL: new URL("__LOCK__", self.location.href).href,
  });
  const loaded = performance.now();
  // As the calculator's worker finds site-packages (the first import of sysconfig)...
  const site = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  const located = performance.now();
  pyodide.unpackArchive(new Uint8Array(await wheel), "wheel", { extractDir: site });
  const unpacked = performance.now();
  const respond = pyodide.pyimport("calculators.browser").respond;
  const imported = performance.now();
  const request = { calculator: "__CALCULATOR__", inputs: {}, locale: "en" };
  const response = JSON.parse(respond(JSON.stringify(request)));
  const computed = performance.now();
  const again = performance.now();
  respond(JSON.stringify(request));
  const secondMs = performance.now() - again;
  self.postMessage({
    ok: response.ok === true,
    loadMs: loaded - began,
    sysconfigMs: located - loaded,
    unpackMs: unpacked - located,
    importMs: imported - unpacked,
    firstComputeMs: computed - imported,
    secondComputeMs: secondMs,
  });
} catch (error) {
  self.postMessage({ ok: false, error: String(error) });
}
