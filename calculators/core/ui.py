"""The widget's and the runtime's own strings, by the keys the page template reads."""

from __future__ import annotations

from .text import N_, text_for

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
}


def ui_messages(locale: str) -> dict[str, str]:
    t = text_for(locale)
    return {key: t.gettext(text) for key, text in UI.items()}
