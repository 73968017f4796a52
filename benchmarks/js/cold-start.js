// Marks the runtime's steps on the page's clock (performance.now() = ms since navigation
// start) and, when `interact` is on, changes a field like a reader right after
// DOMContentLoaded (as soon as the runtime has mounted the form). __ARGS__ is replaced by
// {interact, field, value} as JSON. Also records every change of the status line, to see
// that progress is shown all along on a slow network.
(({ interact, field, value }) => {
  const t = (window.__bench = { marks: {} });
  const mark = (name) => { if (!(name in t.marks)) t.marks[name] = performance.now(); };
  const PageWorker = window.Worker; // the first worker the page creates is the runtime's
  window.Worker = function (...args) { mark("worker created"); return new PageWorker(...args); };
  window.Worker.prototype = PageWorker.prototype;
  document.addEventListener("DOMContentLoaded", () => {
    mark("domContentLoaded");
    const form = document.querySelector("form[data-calculator]");
    if (!form) { t.error = "no calculator form on the page"; return; }
    new MutationObserver(() => mark("state:" + form.dataset.state))
      .observe(form, { attributes: true, attributeFilter: ["data-state"] });
    // Progress and the state line live in the calculator's summary, beside the form.
    const section = form.closest(".calc") || form.parentElement;
    const progress = section.querySelector(".calc-progress");
    if (progress) {
      new MutationObserver(() => mark("progress:" + progress.getAttribute("value")))
        .observe(progress, { attributes: true, attributeFilter: ["value"] });
    }
    const status = section.querySelector(".calc-status");
    t.status = [];
    if (status) {
      new MutationObserver(() => t.status.push([performance.now(), status.textContent]))
        .observe(status, { childList: true, characterData: true, subtree: true });
    }
    form.addEventListener("calculator:result", (event) => {
      const detail = event.detail || {};
      if (detail.ok && t.firstResultMs === undefined) {
        t.firstResultMs = performance.now();
        t.firstDetail = detail;
      }
    });
    if (!interact) return;
    const act = () => {
      const input = form.querySelector("#" + field);
      if (!input) { t.error = "no field #" + field; return; }
      mark("interaction");
      input.focus();
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    };
    if (form.hasAttribute("data-mounted")) { act(); return; }
    const mounted = new MutationObserver(() => {
      if (form.hasAttribute("data-mounted")) { mounted.disconnect(); act(); }
    });
    mounted.observe(form, { attributes: true, attributeFilter: ["data-mounted"] });
  });
})(__ARGS__);
