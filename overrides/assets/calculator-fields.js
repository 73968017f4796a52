// Field behavior that needs no runtime: fields that apply only for some values of another
// field, and numbers shown formatted for the reader's locale once a field loses focus.

export function format(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in params ? params[key] : whole));
}

function labelOf(form, control) {
  const label = control.id ? form.querySelector(`label[for="${control.id}"]`) : null;
  return label ? label.textContent.trim() : control.name;
}

function choiceLabel(control, value) {
  const option = control.options ? [...control.options].find((o) => o.value === value) : null;
  return option ? option.textContent.trim() : value;
}

// A field declared with `applies_when` (rendered as data-applies-field / data-applies-values)
// is disabled, and says why, while its controlling field has another value or is itself
// disabled (fields are visited in document order, so a chain settles in one pass). A disabled
// control is left out of the request, so the calculator uses its default. With
// data-applies-hide the field is hidden instead of explained (a switched-off group).
//
// Returns { update, show }. `update` runs on every edit and changes at once only what the
// request depends on (which controls are disabled). What changes the layout (a field hidden
// or shown, a note) waits for `show`, which the widget calls as it shows the answer: the form
// and the results then change in one frame, the page is laid out once instead of twice, and
// the frame that follows an edit stays cheap, so the answer is not held up behind it. A
// fallback timer shows it anyway if no answer comes.
const APPLIES_SHOW_WITHIN_MS = 200;

export function wireAppliesWhen(form, messages) {
  const dependents = [...form.querySelectorAll("[data-applies-field]")];
  if (!dependents.length) return { update: () => {}, show: () => {} };
  // Only what changed is written: this runs on every keystroke, and rewriting every field's
  // state and note would make the browser restyle and lay out the whole form each time. A
  // field whose controlling field looks as it did last time is skipped outright (the risk
  // register has some eighty of them).
  const settled = new Map(); // field -> its controlling field's state when last settled
  const hiddenNow = new Map(); // field -> whether it is to be hidden (the page may lag)
  const shown = new Map(); // field -> { hidden, note } not yet written to the page
  let fallback = null;

  const isHidden = (field) => (hiddenNow.has(field) ? hiddenNow.get(field) : field.hidden);

  const show = () => {
    clearTimeout(fallback);
    fallback = null;
    for (const [field, { hidden, note }] of shown) {
      if (field.hidden !== hidden) field.hidden = hidden;
      const element = field.querySelector(".calc-applies");
      if (!element) continue;
      if (element.hidden !== note.hidden) element.hidden = note.hidden;
      if (element.textContent !== note.text) element.textContent = note.text;
    }
    shown.clear();
  };

  const update = () => {
    for (const field of dependents) {
      const control = form.elements.namedItem(field.dataset.appliesField);
      if (!control || !control.name) continue;
      // A field whose controlling field is hidden goes with it (a rate of a risk left out).
      const owner = control.closest?.(".calc-field");
      const controlHidden = Boolean(owner && isHidden(owner));
      const state = `${control.disabled} ${controlHidden} ${control.value}`;
      if (settled.get(field) === state) continue;
      settled.set(field, state);
      const values = field.dataset.appliesValues.split(" ");
      const applies = !control.disabled && values.includes(control.value);
      if (field.dataset.applies !== String(applies)) {
        field.dataset.applies = String(applies);
        for (const input of field.querySelectorAll("input, select")) input.disabled = !applies;
      }
      const hidden = ("appliesHide" in field.dataset && !applies) || controlHidden;
      hiddenNow.set(field, hidden);
      const text = applies
        ? ""
        : format(messages["ui.applies_when"], {
            field: labelOf(form, control),
            values: values.map((v) => choiceLabel(control, v)).join(messages["ui.or"]),
          });
      shown.set(field, { hidden, note: { hidden: applies || hidden, text } });
    }
    if (shown.size && fallback === null) fallback = setTimeout(show, APPLIES_SHOW_WITHIN_MS);
  };
  // Registered before the widget's own listeners: the request that follows an edit already
  // leaves out the fields that no longer apply.
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  update();
  show(); // as the page opens, at once
  return { update, show };
}

// A control's default: the value the page was built with.
export function defaultOf(control) {
  if (control.tagName === "SELECT") {
    const option = [...control.options].find((o) => o.defaultSelected) || control.options[0];
    return option ? option.value : "";
  }
  return control.defaultValue;
}

// Every named control's default text, as form name -> text.
export function formDefaults(form) {
  const defaults = {};
  for (const control of form.elements) {
    if (control.name && "value" in control) defaults[control.name] = defaultOf(control);
  }
  return defaults;
}

// Whether every control still holds the value the page was built with.
export function atDefaults(form) {
  return [...form.elements].every((c) => !c.name || !("value" in c) || c.value === defaultOf(c));
}

// The locale's grouping and decimal characters, from Intl itself.
function separators(locale) {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const find = (type, fallback) => (parts.find((p) => p.type === type) || {}).value || fallback;
  return { group: find("group", ","), decimal: find("decimal", ".") };
}

const SPACES = /[\s\u00a0\u202f]/g;

// What the reader typed, read as a number the way the locale writes it; null when it is not
// plainly a number (the calculator's own parser is the judge of validity, this only decides
// whether the shown value can be tidied up).
export function readNumber(text, locale) {
  const { group, decimal } = separators(locale);
  let plain = text.replace(SPACES, "").replace(/%$/, "").replace(/^[^\d\-−+.,]+|[^\d.,]+$/g, "");
  plain = plain.split(group).join("").replace("−", "-");
  if (decimal !== ".") plain = plain.replace(decimal, ".");
  return /^[-+]?\d+(\.\d+)?$/.test(plain) ? Number(plain) : null;
}

// The value the calculator parsed for a field: `inputs` of a result, followed along a
// table cell's dotted name ("vendors.0.price").
function parsedValue(inputs, name) {
  let value = inputs;
  for (const key of name.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = value[key];
  }
  return value;
}

function agrees(typed, parsed) {
  if (typeof parsed !== "number") return false;
  const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return close(typed, parsed) || close(typed, parsed * 100); // percentages are fractions inside
}

// Formats a number field once it has lost focus, if the calculator accepted its value and
// read it as the same number. Only results that echo their parsed `inputs` are trusted: a
// calculator that does not echo them may not read grouping separators back either.
export function formatField(control, inputs, locale) {
  if (!inputs || document.activeElement === control) return;
  if (control.getAttribute("aria-invalid") === "true" || control.disabled) return;
  const mode = control.getAttribute("inputmode");
  if (mode !== "decimal" && mode !== "numeric") return;
  const typed = readNumber(control.value, locale);
  if (typed === null || !agrees(typed, parsedValue(inputs, control.name))) return;
  const shown = new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(typed);
  if (shown === control.value) return;
  control.value = shown;
  // The tidied text is for the reader; links, saved scenarios and requests keep the plain
  // number (`sentValue`), as long as the field still shows what was put there.
  control.dataset.plain = String(typed);
  control.dataset.shown = shown;
}

// The value a control sends: the plain number behind a value this module formatted.
export function sentValue(control, value) {
  if (control && control.dataset && control.dataset.shown === value) return control.dataset.plain;
  return value;
}
