// Pyodide under Node for the build, started the way the browser's worker starts it: from the
// project's Pyodide files, with the wheels unpacked into site-packages, and any attempt to
// download something an error (the build never touches the network).

import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

// Pyodide from <pyodideDir> with `options` passed to loadPyodide, the wheels installed.
export async function startPyodide(pyodideDir, wheelPaths, options = {}) {
  globalThis.fetch = async (url) => {
    throw new Error(`network access attempted (${url})`);
  };
  const quiet = () => {};
  const indexURL = path.resolve(pyodideDir) + path.sep;
  const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
  const py = await loadPyodide({ indexURL, stdout: quiet, stderr: quiet, ...options });
  const sitePackages = py.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  for (const wheelPath of wheelPaths) {
    const bytes = await readFile(wheelPath);
    py.unpackArchive(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), "wheel", {
      extractDir: sitePackages,
    });
  }
  return py;
}
