// Reader-facing strings of the scenario tools (links, export, print, saved scenarios). They are
// gettext messages of the calculators package (calculators/core/ui.py, keys "share.*"), put
// into the page in its language with the widget's other messages (.calc-messages); read from
// the current page each time, so that instant navigation to another language reads its own.

const parsed = new WeakMap();

function messages() {
  const element = document.querySelector(".calc-messages");
  if (!element) return {};
  if (!parsed.has(element)) parsed.set(element, JSON.parse(element.textContent));
  return parsed.get(element);
}

// TEXT.copyLink is the message "share.copyLink". A missing one shows its key, never English.
export const TEXT = new Proxy(
  {},
  { get: (_, name) => (typeof name === "string" ? messages()[`share.${name}`] ?? `share.${name}` : undefined) },
);

export function say(template, params = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in params ? String(params[key]) : whole));
}

// A message with plural forms ("share.<name>.<CLDR category>"), its form picked by the page
// language's plural rules; {n} is n.
export function sayCount(name, n, params = {}) {
  const category = new Intl.PluralRules(document.documentElement.lang || "en").select(n);
  const key = `share.${name}.${category}`;
  return say(messages()[key] ?? key, { ...params, n });
}
