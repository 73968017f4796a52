// The printed report's own part: the date, the link and the inputs as a compact table with
// the values that differ from the defaults marked. Read from the form itself (every calculator
// has the same widget markup), so it needs no runtime and works at the moment of printing.
// Every text is set with textContent.

import { defaultOf } from "./calculator-fields.js";
import { TEXT } from "./scenario-text.js";

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function shown(control) {
  if (control.tagName === "SELECT") {
    const option = control.selectedOptions[0];
    return option ? option.textContent.trim() : "";
  }
  return control.value.trim();
}

function changed(control) {
  return control.value.trim() !== defaultOf(control).trim();
}

function valueCell(tag, text, isChanged) {
  const cell = element(tag, isChanged ? "share-changed" : "", text);
  if (isChanged) {
    const mark = element("span", "share-mark", ` ${TEXT.changedMark}`);
    mark.title = TEXT.changedLabel;
    cell.append(mark);
  }
  return cell;
}

// A short group (a risk's likelihood, impact and cost) reads best as one line; on a long form
// (a risk register of ten risks) every group does, or the inputs alone fill pages.
const GROUP_IN_ONE_ROW = 4;
const LONG_FORM = 30;

// Fields that do not apply (switched off, or for another choice) do not shape the result and
// are left out, like a blank optional field left as it was.
function scalarFields(container) {
  return [...container.querySelectorAll(".calc-field[data-field]:not(.calc-table-field)")]
    .filter((field) => !field.hidden && field.dataset.applies !== "false")
    .map((field) => {
      const control = field.querySelector("input, select");
      if (!control || (!control.value.trim() && !changed(control))) return null;
      const label = field.querySelector("label");
      const unit = field.querySelector(".calc-unit");
      return {
        label: label ? label.textContent.trim() : control.name,
        text: [shown(control), unit ? unit.textContent.trim() : ""].filter(Boolean).join(" "),
        changed: changed(control),
      };
    })
    .filter(Boolean);
}

// Rows of the inputs table: `grouped` (one line per short group, read best full width) and
// `single` (one per field, set in two columns).
function scalarRows(form) {
  const grouped = [];
  const single = [];
  const long = scalarFields(form).length > LONG_FORM;
  for (const group of form.querySelectorAll(".calc-group")) {
    const fields = scalarFields(group);
    const legend = group.querySelector("legend");
    if (legend && fields.length > 1 && (long || fields.length <= GROUP_IN_ONE_ROW)) {
      const row = element("tr");
      const cell = element("td");
      fields.forEach((field, index) => {
        if (index) cell.append("; ");
        cell.append(`${field.label}: `, valueCell("span", field.text, field.changed));
      });
      row.append(element("th", "", legend.textContent.trim()), cell);
      grouped.push(row);
      continue;
    }
    for (const field of fields) {
      const row = element("tr");
      row.append(element("th", "", field.label), valueCell("td", field.text, field.changed));
      single.push(row);
    }
  }
  return { grouped, single };
}

function inputsTable(rows) {
  const table = element("table", "share-report-table");
  const head = element("tr");
  head.append(element("th", "", TEXT.reportInput), element("th", "", TEXT.reportValue));
  table.append(element("thead"), element("tbody"));
  table.tHead.append(head);
  table.tBodies[0].append(...rows);
  return table;
}

// A table field (vendors, locations): its filled rows, with the form's column headings.
function tableFieldTable(field) {
  const table = element("table", "share-report-table");
  const caption = field.querySelector(".calc-table-label");
  table.append(element("caption", "", caption ? caption.textContent.trim() : ""));
  const head = element("tr");
  head.append(element("th", "", TEXT.reportRow));
  for (const th of field.querySelectorAll("thead th")) head.append(element("th", "", th.textContent.trim()));
  table.append(element("thead"), element("tbody"));
  table.tHead.append(head);
  for (const [index, formRow] of field.querySelectorAll("tbody tr").entries()) {
    const controls = [...formRow.querySelectorAll("input, select")];
    if (controls.every((c) => !c.value.trim() && !defaultOf(c).trim())) continue;
    const row = element("tr");
    row.append(element("th", "", String(index + 1)));
    for (const control of controls) row.append(valueCell("td", shown(control), changed(control)));
    table.tBodies[0].append(row);
  }
  return table;
}

// Fills `container` with the report of the form's current values.
export function renderReport(container, form, link) {
  const meta = element("p", "share-report-meta");
  const date = new Date().toISOString().slice(0, 10);
  meta.append(element("strong", "", `${TEXT.reportDate}: `), date, " \u00b7 ");
  meta.append(element("strong", "", `${TEXT.reportLink}: `), element("span", "share-report-link", link));
  const { grouped, single } = scalarRows(form);
  const half = Math.ceil(single.length / 2);
  const inputs = element("div", "share-report-inputs");
  if (single.length) inputs.append(inputsTable(single.slice(0, half)));
  if (single.length > 1) inputs.append(inputsTable(single.slice(half)));
  const groups = grouped.length ? [inputsTable(grouped)] : [];
  const tables = [...form.querySelectorAll(".calc-table-field")].map(tableFieldTable);
  container.replaceChildren(
    meta,
    element("h3", "", TEXT.reportInputs),
    ...groups,
    inputs,
    ...tables,
    element("p", "share-report-note", `${TEXT.reportChanged} ${TEXT.reportMethod}`),
  );
}

// Every tab prints, under its label: the print stylesheet shows data-print-label.
export function labelTabs(root) {
  for (const set of root.querySelectorAll(".tabbed-set")) {
    const labels = set.querySelectorAll(".tabbed-labels > label");
    set.querySelectorAll(".tabbed-content > .tabbed-block").forEach((block, index) => {
      if (labels[index]) block.dataset.printLabel = labels[index].textContent.trim();
    });
  }
}

// Folded sections print open: closed <details> are opened for the print, closed again after.
export function preparePrint(root) {
  labelTabs(root);
  const opened = [...root.querySelectorAll("details:not([open])")];
  for (const details of opened) details.open = true;
  return () => {
    for (const details of opened) details.open = false;
  };
}
