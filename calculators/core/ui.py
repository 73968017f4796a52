"""The widget's and the runtime's own strings, by the keys the page template and the scripts
read ("ui.*" for the widget and runtime, "share.*" for the scenario tools: links, exports,
print, saved scenarios). A message with plural forms reaches the browser as one key per CLDR
plural category ("share.imported.one", ".few", ".many", ".other"); the script picks one with
Intl.PluralRules.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from .locales import language_of
from .text import N_, N_plural, text_for

UI: dict[str, str] = {
    "ui.results": N_("Results"),
    "ui.inputs": N_("Your numbers"),
    "ui.recalculate": N_("Recalculate"),
    "ui.reset": N_("Reset to defaults"),
    "ui.loading": N_("Loading the calculator ({step} of {steps}): {stage}"),
    "ui.stage.runtime": N_("downloading the Python runtime"),
    "ui.stage.package": N_("installing the calculators"),
    "ui.live": N_("Results update as you type."),
    "ui.updated": N_("Results updated."),
    "ui.invalid": N_(
        "Fix the highlighted field to update the results; the results shown are for the last "
        "valid values."
    ),
    "ui.retry": N_("Try again"),
    "ui.range": N_("From {min} to {max}"),
    "ui.chart_summary": N_("Chart: {title}."),
    # Loading, failure reasons, offline and updates (browser runtime, service worker).
    "ui.stage.start": N_("starting Python"),
    "ui.run_error": N_(
        "This change could not be calculated. The results shown are for the last values that "
        "worked."
    ),
    "ui.run_timeout": N_(
        "This calculation took too long and was stopped. The results shown are for the last "
        "values that worked."
    ),
    "ui.update_ready": N_("A new version of this guide is ready."),
    "ui.update_reload": N_("Show it"),
    # The calculator page's states, summary and failures (calculator-widget.html and
    # calculator.js).
    "ui.defaults": N_("Showing results for the default values."),
    "ui.no_script": N_(
        "Recalculating with your own numbers needs JavaScript, which is off or blocked in this "
        "browser. The results shown are for the default values."
    ),
    "ui.pending": N_("Your changes will be applied once the calculator is ready."),
    "ui.loading_bytes": N_(
        "Loading the calculator ({step} of {steps}): {stage}: {loaded} of {total} MB"
    ),
    "ui.loading_bytes_open": N_("Loading the calculator ({step} of {steps}): {stage}: {loaded} MB"),
    "ui.stale": N_(
        "These results are for the last valid values. Fix the highlighted field to update them."
    ),
    "ui.progress": N_("Loading progress"),
    "ui.details": N_("Technical details"),
    "ui.full_results": N_("Full results"),
    "ui.kept": N_("The results shown are the last ones computed."),
    "ui.failure.offline": N_(
        "The calculator could not be downloaded. Check your connection and try again."
    ),
    "ui.failure.missing": N_("Part of the calculator is missing from this site. Try again later."),
    "ui.failure.stalled": N_(
        "The calculator stopped downloading. Check your connection and try again."
    ),
    "ui.failure.blocked": N_(
        "This browser or network blocked the calculator (it needs WebAssembly and web workers)."
    ),
    "ui.failure.error": N_("The live calculator could not start because of an error. Try again."),
    "ui.failure.run_error": N_("The calculation stopped with an error. Try again."),
    "ui.failure.timeout": N_("The calculation took too long and was stopped. Try again."),
    "ui.applies_when": N_(
        "Not used with these inputs: applies only when \u201c{field}\u201d is {values}."
    ),
    "ui.or": N_(" or "),
    # The scenario tools (overrides/assets/scenario*.js read them as TEXT.<name>).
    "share.heading": N_("Keep, share and compare"),
    "share.copyLink": N_("Copy link"),
    "share.csv": N_("Download CSV"),
    "share.json": N_("Download JSON"),
    "share.print": N_("Print report"),
    "share.linkCopied": N_("Link copied. It holds every value you changed."),
    "share.linkShown": N_("Copy this link:"),
    "share.linkLabel": N_("Link to this scenario"),
    "share.waitRuntime": N_("Available once the calculator is live."),
    "share.downloaded": N_("Downloaded {file}."),
    "share.exportFailed": N_("The download could not be made: {reason}"),
    "share.linkPending": N_(
        "This link holds a scenario. The results below are for the default values until "
        "the calculator is live; then the link's values are applied."
    ),
    "share.linkApplied": N_("Applied the values from the link."),
    "share.linkPartly": N_("Applied the values from the link, except:"),
    "share.undoReset": N_("All inputs were reset to their defaults."),
    "share.undo": N_("Undo"),
    "share.undone": N_("The inputs from before the reset are back."),
    "share.scenarios": N_("Saved scenarios"),
    "share.scenariosHelp": N_(
        "Scenarios are kept in this browser only and never leave your machine. Tick two "
        "to four to compare them."
    ),
    "share.nameLabel": N_("Scenario name"),
    "share.save": N_("Save scenario"),
    "share.defaultName": N_("Scenario {n}"),
    "share.saved": N_("Saved \u201c{name}\u201d."),
    "share.replaced": N_("Replaced \u201c{name}\u201d with the current values."),
    "share.none": N_("No saved scenarios yet."),
    "share.load": N_("Load"),
    "share.rename": N_("Rename"),
    "share.renameTo": N_("New name for \u201c{name}\u201d"),
    "share.ok": N_("OK"),
    "share.cancel": N_("Cancel"),
    "share.renamed": N_("Renamed to \u201c{name}\u201d."),
    "share.nameTaken": N_("There is already a scenario called \u201c{name}\u201d."),
    "share.remove": N_("Delete"),
    "share.removed": N_("Deleted \u201c{name}\u201d."),
    "share.loaded": N_("Loaded \u201c{name}\u201d."),
    "share.select": N_("Compare \u201c{name}\u201d"),
    "share.compare": N_("Compare selected"),
    "share.compareCount": N_("Tick two to four scenarios to compare them."),
    "share.compareCaption": N_("Scenarios side by side; inputs are shown where they differ"),
    "share.compareVerdict": N_("Verdict"),
    "share.compareFigures": N_("Headline figures"),
    "share.compareInputs": N_("Inputs that differ"),
    "share.compareSame": N_("(all the inputs are the same)"),
    "share.differs": N_("differs"),
    "share.exportScenarios": N_("Export scenarios"),
    "share.importScenarios": N_("Import scenarios"),
    "share.importRefused": N_("The file was not imported: {reason}"),
    "share.notJson": N_("it is not a JSON file"),
    "share.notScenarios": N_("it is not a scenarios file from this guide"),
    "share.otherCalculator": N_("it holds scenarios of another calculator ({id})"),
    "share.tooBig": N_("it is larger than {max} kB"),
    "share.tooMany": N_("it holds more than {max} scenarios"),
    "share.badEntry": N_("scenario {n} has no valid name or link"),
    "share.skipped": N_("\u201c{name}\u201d was not imported: {problem}"),
    "share.noStorage": N_(
        "This browser does not let the site store data (private browsing, storage "
        "turned off or full), so saved scenarios last only until you leave this page. "
        "Export them to keep them."
    ),
    "share.reportTitle": N_("Report"),
    "share.reportDate": N_("Date"),
    "share.reportLink": N_("Link"),
    "share.reportInputs": N_("Inputs"),
    "share.reportInput": N_("Input"),
    "share.reportValue": N_("Value"),
    "share.reportChanged": N_("Values marked \u25cf differ from the defaults."),
    "share.reportMethod": N_(
        "How the results are computed, every default and its source: on the page at the link above."
    ),
    "share.reportRow": N_("Row"),
    "share.changedMark": N_("\u25cf"),
    "share.changedLabel": N_("changed from the default"),
}

PLURALS: dict[str, tuple[str, str]] = {
    "share.exported": N_plural(
        "Exported {n} scenario to {file}.", "Exported {n} scenarios to {file}."
    ),
    "share.imported": N_plural("Imported {n} scenario.", "Imported {n} scenarios."),
}


@cache
def _plural_samples() -> dict[str, dict[str, int]]:
    table = json.loads((Path(__file__).resolve().parent / "cldr.json").read_text("utf-8"))
    return {code: entry["plural_samples"] for code, entry in table["locales"].items()}


def ui_messages(locale: str) -> dict[str, str]:
    t = text_for(locale)
    messages = {key: t.gettext(text) for key, text in UI.items()}
    samples = _plural_samples()[language_of(locale)]
    for key, (singular, plural) in PLURALS.items():
        for category, n in samples.items():
            messages[f"{key}.{category}"] = t.plural_template(singular, plural, n)
    return messages
