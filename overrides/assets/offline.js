// Offline reading and updates, on every page: registers the service worker of the page's
// language (sw.js at its folder), tells it when a calculator has gone live (so it keeps the
// runtime for offline use), and tells the reader when a new version of the site is ready.
//
// On a calculator page the registration waits until the calculator is live (or has failed):
// the first visit's bytes go to the calculator first, the rest of the site comes after.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) return;
  var text = script.dataset;
  // The page's language's worker and folder (sw.js at the root is English's; each other
  // language has <lang>/sw.js), given by the page as URLs relative to itself.
  var scope = text.scope && text.scope.replace(/\/?$/, "/");
  var root = scope ? new URL(scope, document.baseURI) : new URL("..", script.src);
  var workerUrl = text.worker ? new URL(text.worker, document.baseURI) : new URL("sw.js", root);

  function live() {
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: "calculator-live" });
    });
  }

  function offerUpdate(worker) {
    if (document.querySelector(".site-update")) return;
    var bar = document.createElement("div");
    bar.className = "site-update";
    bar.setAttribute("role", "status");
    var message = document.createElement("span");
    message.textContent = text.updateReady || "A new version is ready.";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.textContent = text.updateReload || "Reload";
    button.addEventListener("click", function () {
      worker.postMessage({ type: "skip-waiting" });
    });
    bar.appendChild(message);
    bar.appendChild(button);
    document.body.appendChild(bar);
  }

  function watch(registration) {
    // A new build's worker that finished installing while this page uses the old one.
    if (registration.waiting && navigator.serviceWorker.controller) {
      offerUpdate(registration.waiting);
    }
    registration.addEventListener("updatefound", function () {
      var installing = registration.installing;
      if (!installing) return;
      installing.addEventListener("statechange", function () {
        if (installing.state === "installed" && navigator.serviceWorker.controller) {
          offerUpdate(installing);
        }
      });
    });
  }

  var reloading = false;
  var hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    // The reader chose "Show it": show this page from the new build. (The very first worker
    // taking control of a fresh page changes nothing the reader sees: no reload then.)
    if (!hadController || reloading) {
      hadController = true;
      return;
    }
    reloading = true;
    window.location.reload();
  });

  function register() {
    navigator.serviceWorker
      .register(workerUrl.href, { scope: root.href })
      .then(watch)
      .catch(function () {
        // No offline copy (private mode, blocked storage): the site works online as before.
      });
  }

  var html = document.documentElement;
  var settled = function () {
    var state = html.dataset.calculatorRuntime;
    return state === "ready" || state === "failed";
  };
  var waiting = document.querySelector("script[data-calculator-runtime]") && !settled();
  if (html.dataset.calculatorRuntime === "ready") live();
  window.addEventListener("calculator-runtime", function (event) {
    if (event.detail && event.detail.type === "ready") live();
    if (waiting && settled()) {
      waiting = false;
      register();
    }
  });
  if (!waiting) {
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register);
  }
})();
