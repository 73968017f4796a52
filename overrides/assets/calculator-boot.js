// Starts the calculator's worker while the page is still being parsed (a small classic script
// in the head, before the stylesheets): Pyodide's download and start are the whole wait before
// a calculator goes live, and run off the main thread. runtime.js (loaded by calculator.js, an
// async module) adopts this worker and replays what it said meanwhile, and uses the same
// function to start a fresh one on retry. Configuration: this script tag's data attributes.
//
// It also watches the runtime's own scripts: if one is blocked or throws, each calculator says
// so in plain words instead of waiting forever.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = function (path) {
    return new URL(path, document.baseURI).href;
  };
  var list = function (value) {
    return (value || "").split(" ").filter(Boolean);
  };

  function startWorker() {
    var data = script.dataset;
    var worker = new Worker(url(data.worker), { type: "module" });
    worker.postMessage({
      type: "init",
      pyodideURL: url(data.pyodide),
      stdlibURL: url(data.stdlib),
      wheelURL: url(data.wheel),
      extraWheelURLs: list(data.extraWheels).map(url),
      totalBytes: Number(data.totalBytes) || 0,
      calculators: list(data.calculators),
      snapshotURL: data.snapshot ? url(data.snapshot) : "",
    });
    return worker;
  }

  var early = { worker: null, said: [] };
  try {
    early.worker = startWorker();
    early.worker.onmessage = function (event) {
      early.said.push(event.data);
    };
    early.worker.onerror = function (event) {
      event.preventDefault();
      early.said.push({ type: "failed", reason: "error", detail: event.message || "worker error" });
    };
  } catch (error) {
    early.worker = null; // runtime.js tries again and reports the failure
  }
  window.calculatorRuntime = { startWorker: startWorker, early: early };

  // The widget never mounted because its script was blocked, missing or threw.
  var OWN = /\/assets\/(calculator|runtime)\.js(\?|$)/;
  function broken(detail) {
    // The failure can come while the head is parsed, before any form exists.
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () {
        broken(detail);
      });
      return;
    }
    var forms = document.querySelectorAll("form[data-calculator]:not([data-mounted])");
    for (var i = 0; i < forms.length; i++) {
      var form = forms[i];
      var messages = {};
      try {
        messages = JSON.parse(form.querySelector(".calc-messages").textContent);
      } catch (error) {
        messages = {};
      }
      // The state line sits in the calculator's summary, beside the form.
      var section = form.closest(".calc") || form.parentElement;
      var status = section.querySelector(".calc-status");
      form.dataset.state = "failed";
      if (status) {
        status.textContent =
          messages["ui.failure.blocked"] || "This browser or network blocked the calculator.";
        status.title = detail;
      }
    }
  }
  window.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      if (target && target.tagName === "SCRIPT" && OWN.test(target.src || "")) {
        broken("could not load " + target.src);
      } else if (event.filename && OWN.test(event.filename)) {
        broken(String(event.message));
      }
    },
    true,
  );
  document.addEventListener("securitypolicyviolation", function (event) {
    if (OWN.test(event.blockedURI || "")) broken("blocked by the page's policy: " + event.blockedURI);
  });
})();
