// A memory snapshot of Python already started, for the browser's return visits.
//
//   node sitebuild/make_snapshot.mjs <pyodide-dir> <stdlib.zip> <out.gz> <wheel> [<wheel> ...]
//
// Starts Pyodide from <pyodide-dir> with the site's trimmed standard library, installs the
// wheels as the browser's worker does, runs every calculator once, and writes
// Pyodide's memory snapshot, gzip-compressed (the worker decompresses it; a static host does
// not compress binary files). Nothing is downloaded.

import { writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { startPyodide } from "./node_pyodide.mjs";

const [pyodideDir, stdlibPath, outPath, ...wheelPaths] = process.argv.slice(2);
if (!pyodideDir || !stdlibPath || !outPath || wheelPaths.length === 0) {
  process.stderr.write(
    "usage: node make_snapshot.mjs <pyodide-dir> <stdlib.zip> <out.gz> <wheel> [<wheel> ...]\n",
  );
  process.exit(2);
}
const py = await startPyodide(pyodideDir, wheelPaths, {
  stdLibURL: path.resolve(stdlibPath),
  _makeSnapshot: true,
});
// Every calculator once on its defaults, as the worker does before saying "ready": their
// modules are then imported already when the snapshot is restored.
py.runPython(`
import json
import calculators
from calculators.browser import respond
for calculator in calculators.calculator_ids():
    respond(json.dumps({"calculator": calculator, "inputs": {}}))
`);
await writeFile(outPath, gzipSync(py.makeMemorySnapshot(), { level: 9 }));
