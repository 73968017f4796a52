// The calculators' Python, run by Pyodide in a module worker so the page never blocks.
// Generic: it knows one Python entry point, calculators.browser.respond(json) -> json.
//
// Messages in:  {type: "init", pyodideURL, wheelURL, extraWheelURLs, calculators}
//               {type: "run", seq, request}
// Messages out: {type: "progress", stage, step}  |  {type: "ready"}  |  {type: "failed", reason}
//               {type: "result", seq, response, ms}

let respond = null;

function download(url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url.split("/").pop()}: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
}

async function start({ pyodideURL, wheelURL, extraWheelURLs = [], calculators = [] }) {
  self.postMessage({ type: "progress", stage: "runtime", step: 1 });
  // Fetch the wheels while Pyodide downloads and starts.
  const wheels = [wheelURL, ...extraWheelURLs].map(download);
  const { loadPyodide } = await import(`${pyodideURL}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL: pyodideURL });
  self.postMessage({ type: "progress", stage: "package", step: 2 });
  // A pure-Python wheel is a zip: unpack it straight into site-packages (no micropip needed).
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  for (const wheel of wheels) {
    pyodide.unpackArchive(new Uint8Array(await wheel), "wheel", { extractDir: sitePackages });
  }
  respond = pyodide.pyimport("calculators.browser").respond;
  // Run the page's calculators once on their defaults before saying "ready": this imports
  // their modules, so the reader's first change costs no more than any other.
  for (const calculator of calculators) respond(JSON.stringify({ calculator, inputs: {} }));
}

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    try {
      await start(data);
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "failed", reason: String((error && error.message) || error) });
    }
  } else if (data.type === "run" && respond) {
    const began = performance.now();
    const response = JSON.parse(respond(JSON.stringify(data.request)));
    self.postMessage({ type: "result", seq: data.seq, response, ms: performance.now() - began });
  }
};
