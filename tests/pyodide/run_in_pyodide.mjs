// Run the calculators wheel in real Pyodide under Node, for the CPython/Pyodide parity test.
//
//   node tests/pyodide/run_in_pyodide.mjs <wheel-path> <requests.json> [<extra-wheel-path> ...]
//
// Extra wheels (pure-Python distributions some calculators import, such as tzdata) are
// unpacked into site-packages next to the calculators wheel, as the browser's worker does.
// <requests.json> holds a JSON array of request strings, each what the browser's worker passes
// to `calculators.browser.respond`. Prints one JSON document to stdout:
//   {"python": "<sys.version>", "responses": [<response>, ...]}
// Each response is spliced in exactly as Python's `respond` wrote it (never re-serialized by
// JavaScript, which would turn 80000.0 into 80000), so the test compares Python's own output.
// Anything that goes wrong: a message on stderr and exit code 1. Nothing is ever downloaded:
// the core files come from the project's node_modules and the wheel is unpacked directly.
// With PYODIDE_STDLIB set to a zip, Python starts on that standard library (the site's
// trimmed one) rather than on Pyodide's full one.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");

function fail(message) {
  process.stderr.write(`run_in_pyodide: ${message}\n`);
  process.exitCode = 1;
}

async function main(argv) {
  if (argv.length < 2) {
    throw new Error(
      "usage: node tests/pyodide/run_in_pyodide.mjs <wheel-path> <requests.json> [<extra-wheel> ...]",
    );
  }
  const [wheelPath, requestsPath, ...extraWheelPaths] = argv;

  const requests = JSON.parse(await readFile(requestsPath, "utf8"));
  if (!Array.isArray(requests) || !requests.every((r) => typeof r === "string")) {
    throw new Error(`${requestsPath} must hold a JSON array of request strings`);
  }
  const wheel = await readFile(wheelPath);

  // Keep stdout for the one JSON document: anything Pyodide or Python prints goes to stderr.
  const toStderr = (msg) => process.stderr.write(`${msg}\n`);
  console.log = (...args) => console.error(...args);
  console.info = (...args) => console.error(...args);
  // No network, ever: fail loudly rather than let Pyodide fetch anything from a CDN.
  globalThis.fetch = async (url) => {
    throw new Error(`network access attempted (${url}); Pyodide must load from node_modules`);
  };

  // Resolve `pyodide` from the project's own node_modules, whatever the working directory.
  const require = createRequire(path.join(root, "package.json"));
  const moduleFile = require.resolve("pyodide/pyodide.mjs");
  const indexURL = path.dirname(moduleFile) + path.sep;
  const { loadPyodide } = await import(pathToFileURL(moduleFile).href);

  // PYODIDE_STDLIB: the trimmed standard library the site serves, instead of Pyodide's own.
  const stdLibURL = process.env.PYODIDE_STDLIB || undefined;
  const py = await loadPyodide({
    indexURL,
    stdLibURL,
    packages: [],
    stdout: toStderr,
    stderr: toStderr,
  });
  py.setStdout({ batched: toStderr });
  py.setStderr({ batched: toStderr });

  // Install the wheels without micropip: unpack them into site-packages.
  const sitePackages = py.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  for (const each of [wheel, ...(await Promise.all(extraWheelPaths.map((p) => readFile(p))))]) {
    py.unpackArchive(new Uint8Array(each.buffer, each.byteOffset, each.byteLength), "wheel", {
      extractDir: sitePackages,
    });
  }

  const browser = py.pyimport("calculators.browser");
  // Make sure the package really came from the wheel just unpacked.
  const installedAt = py.runPython(`
import pathlib, sysconfig, calculators
where = pathlib.Path(calculators.__file__).resolve()
purelib = pathlib.Path(sysconfig.get_paths()["purelib"]).resolve()
str(where) if where.is_relative_to(purelib) else ""
`);
  if (!installedAt) {
    throw new Error(`calculators was not imported from ${sitePackages}`);
  }
  const version = py.runPython("import sys; sys.version");

  const responses = [];
  for (const [index, request] of requests.entries()) {
    const response = browser.respond(request);
    if (typeof response !== "string") {
      throw new Error(`request ${index}: respond returned ${typeof response}, not a string`);
    }
    JSON.parse(response); // it must be valid JSON before it is spliced in
    responses.push(response);
  }
  browser.destroy();

  process.stdout.write(
    `{"python": ${JSON.stringify(version)}, "responses": [${responses.join(", ")}]}\n`,
  );
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
