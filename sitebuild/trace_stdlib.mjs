// Which files of Pyodide's standard library the site really uses, found by running it.
//
//   node sitebuild/trace_stdlib.mjs <pyodide-dir> <wheel> [<wheel> ...]
//
// Starts Pyodide from <pyodide-dir> with its full standard library, installs the wheels as the
// browser's worker does, and runs stdlib_probe.py, which prints one JSON document:
// {"files": {<zip member>: <stripped source>}, "compiled": {<zip member>: <base64 .pyc>}}.
// Nothing is downloaded.

import { readFile } from "node:fs/promises";

import { startPyodide } from "./node_pyodide.mjs";

const [pyodideDir, ...wheelPaths] = process.argv.slice(2);
if (!pyodideDir || wheelPaths.length === 0) {
  process.stderr.write("usage: node trace_stdlib.mjs <pyodide-dir> <wheel> [<wheel> ...]\n");
  process.exit(2);
}
const py = await startPyodide(pyodideDir, wheelPaths);
// What Python's start imported, before any code of the site's or the probe's own: these
// modules are compiled ahead for the browser (see stdlib.py).
py.globals.set("STARTED", py.runPython("import sys; '\\n'.join(sorted(sys.modules))"));
// The probe is plain Python in a file of its own; it returns the JSON document.
const probe = await readFile(new URL("./stdlib_probe.py", import.meta.url), "utf8");
py.runPython(probe);
process.stdout.write(py.runPython("probe(STARTED)") + "\n");
