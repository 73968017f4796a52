// Records when the prerendered figures enter the DOM (parser insertions reach a
// MutationObserver before the next rendering opportunity) and what the page holds at
// DOMContentLoaded. Runs as an init script, before the page's own.
(() => {
  const t = (window.__bench = {});
  const figures = () => document.querySelectorAll(".calc-results .calc-figure").length;
  const observer = new MutationObserver(() => {
    if (figures() > 0) {
      t.resultsInDomMs = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => {
    const form = document.querySelector("form[data-calculator]");
    t.dclMs = performance.now();
    t.figuresAtDcl = figures();
    t.stateAtDcl = form ? form.dataset.state : null;
  });
})();
