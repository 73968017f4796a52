// Search on demand: the search index (about half of a guide page's bytes) and the search
// worker are downloaded when the reader shows they want to search, not on every page load.
//
// Material 9.x starts both while its bundle runs: it creates its search worker
// (`new Worker(config.search)`) and requests `search/search_index.json` with XMLHttpRequest at
// once, and it has no setting to wait. This script, loaded just before the bundle, stands in for
// exactly those two: the worker is created, and the request sent, once the reader
// - focuses the search field (a click or tap on it, or the keys "/", "s" and "f", with which
//   Material focuses it),
// - opens search (the magnifier on a phone, which toggles #__search),
// - or arrives with a search in the address (?q= opens search, ?h= highlights a result's words
//   on its page; both need the index).
// Then search works as before. Both stand-ins are put back as soon as Material has used them
// (and at the latest when the page has loaded): no other request or worker is touched.
// Offline, the service worker answers the index request from its copy of the site.
(function () {
  "use strict";
  var SEARCH = "[data-md-component=search]";
  var INDEX = /\/search\/search_index\.json$/;
  var config = document.getElementById("__config");
  var workerPath = null;
  try {
    workerPath = new URL(JSON.parse(config.textContent).search, document.baseURI).pathname;
  } catch (error) {
    return; // no search on this page
  }

  var wanted = false;
  var held = [];
  function want() {
    if (wanted) return;
    wanted = true;
    restore();
    ["focusin", "pointerdown", "change"].forEach(function (type) {
      document.removeEventListener(type, onEvent, true);
    });
    held.splice(0).forEach(function (start) {
      start();
    });
  }
  function onEvent(event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    if (event.type === "change" ? target.id === "__search" : target.closest(SEARCH)) want();
    else if (event.type === "pointerdown" && target.closest('label[for="__search"]')) want();
  }

  // The index request: sent as it is, later.
  var xhr = XMLHttpRequest.prototype;
  var nativeOpen = xhr.open;
  var nativeSend = xhr.send;
  var indexRequests = new WeakSet();
  function pathOf(url) {
    try {
      return new URL(String(url), document.baseURI).pathname;
    } catch (error) {
      return ""; // not ours: the native call reports the bad address
    }
  }
  xhr.open = function (method, url) {
    if (INDEX.test(pathOf(url))) indexRequests.add(this);
    return nativeOpen.apply(this, arguments);
  };
  xhr.send = function () {
    if (wanted || !indexRequests.has(this)) return nativeSend.apply(this, arguments);
    var request = this;
    var args = arguments;
    held.push(function () {
      if (request.readyState === XMLHttpRequest.OPENED) nativeSend.apply(request, args);
    });
    restoreRequest();
  };
  function restoreRequest() {
    xhr.open = nativeOpen;
    xhr.send = nativeSend;
  }

  // The search worker: an object that queues messages and forwards events until the real worker
  // exists (Material only listens for "message" and posts messages).
  var NativeWorker = window.Worker;
  function SearchWorker(url, options) {
    if (wanted || pathOf(url) !== workerPath) return new NativeWorker(url, options);
    restoreWorker();
    var proxy = new EventTarget();
    var queue = [];
    var worker = null;
    proxy.postMessage = function () {
      if (worker) worker.postMessage.apply(worker, arguments);
      else queue.push(arguments);
    };
    proxy.terminate = function () {
      if (worker) worker.terminate();
      queue = [];
    };
    held.push(function () {
      worker = new NativeWorker(url, options);
      ["message", "messageerror", "error"].forEach(function (type) {
        worker.addEventListener(type, function (event) {
          var copy =
            type === "error"
              ? new ErrorEvent("error", { message: event.message })
              : new MessageEvent(type, { data: event.data });
          proxy.dispatchEvent(copy);
        });
      });
      queue.splice(0).forEach(function (args) {
        worker.postMessage.apply(worker, args);
      });
    });
    return proxy;
  }
  SearchWorker.prototype = NativeWorker.prototype;
  function restoreWorker() {
    window.Worker = NativeWorker;
  }
  window.Worker = SearchWorker;

  function restore() {
    restoreRequest();
    restoreWorker();
  }
  window.addEventListener("load", restore);

  ["focusin", "pointerdown", "change"].forEach(function (type) {
    document.addEventListener(type, onEvent, true);
  });
  var params = new URLSearchParams(window.location.search);
  var active = document.activeElement;
  var toggle = document.getElementById("__search");
  if (
    params.has("q") ||
    params.has("h") ||
    (toggle && toggle.checked) ||
    (active instanceof Element && active.closest(SEARCH))
  ) {
    want();
  }
})();
