"""The widget's and the runtime's own strings, by the keys the page template reads."""

from __future__ import annotations

from .text import N_, text_for

UI: dict[str, str] = {
    "ui.results": N_("Results"),
    "ui.inputs": N_("Your numbers"),
    "ui.recalculate": N_("Recalculate"),
    "ui.reset": N_("Reset to defaults"),
    "ui.prerendered": N_(
        "Showing results for the default values. Change any value to recalculate."
    ),
    "ui.loading": N_("Loading the calculator ({step} of {steps}): {stage}"),
    "ui.stage.runtime": N_("downloading the Python runtime"),
    "ui.stage.package": N_("installing the calculators"),
    "ui.live": N_("Results update as you type."),
    "ui.updated": N_("Results updated."),
    "ui.invalid": N_(
        "Fix the highlighted field to update the results; the results shown are for the last "
        "valid values."
    ),
    "ui.failed": N_(
        "The live calculator could not start ({reason}). The results shown are for the default "
        "values."
    ),
    "ui.timeout": N_("took too long to load"),
    "ui.retry": N_("Try again"),
    "ui.range": N_("From {min} to {max}"),
    "ui.chart_summary": N_("Chart: {title}."),
    # Loading, failure reasons, offline and updates (browser runtime, service worker).
    "ui.stage.start": N_("starting Python"),
    "ui.loading_bytes": N_("Loading the calculator: {stage}, {loaded} of {total} MB"),
    "ui.reason.offline": N_(
        "you are offline and this calculator has not been used on this device before"
    ),
    "ui.reason.missing": N_("one of its files is missing from the site"),
    "ui.reason.stalled": N_("the download stopped making progress"),
    "ui.reason.blocked": N_("your browser or network blocked it"),
    "ui.reason.error": N_("it stopped with an error"),
    "ui.details": N_("Technical details"),
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
}


def ui_messages(locale: str) -> dict[str, str]:
    t = text_for(locale)
    return {key: t.gettext(text) for key, text in UI.items()}
