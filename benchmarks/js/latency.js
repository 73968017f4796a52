// Changes fields one after another and times each until its result is in the page, and until
// the next frame after it has been drawn.
async ({ changes, timeoutMs }) => {
  const form = document.querySelector("form[data-calculator]");
  let settle = null;
  form.addEventListener("calculator:result", (event) => {
    if (!settle) return;
    const s = settle;
    settle = null;
    s({ at: performance.now(), detail: event.detail });
  });
  const out = [];
  for (const [id, value] of changes) {
    const input = document.getElementById(id);
    if (!input) throw new Error("no field #" + id);
    // A field the reader cannot change (one that does not apply) would time nothing.
    if (input.disabled || input.closest("[hidden]")) throw new Error(`#${id} does not apply`);
    let timer = null;
    const answer = new Promise((resolve, reject) => {
      settle = resolve;
      timer = setTimeout(() => reject(new Error(`no result for #${id} = ${value}`)), timeoutMs);
    });
    const began = performance.now();
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const { at, detail } = await answer;
    clearTimeout(timer);
    // Then the frame that shows it: style, layout and paint of the new results. The next
    // change waits for it, as a reader's next keystroke would.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    out.push({ field: id, value, latencyMs: at - began, ok: detail.ok, computeMs: detail.ms,
               roundTripMs: detail.roundTripMs, paintedMs: performance.now() - began });
  }
  return out;
}
