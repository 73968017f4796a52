"""The locale reaches every entry point: run, the browser's respond, the command line and the
build's prerender; an unsupported one is refused everywhere, never read as English."""

from __future__ import annotations

import json

import pytest

import calculators
from calculators.__main__ import main
from calculators.browser import BAD_REQUEST, respond
from calculators.core.locales import LOCALES, UnsupportedLocaleError
from sitebuild import widgets


def test_english_is_the_source_and_first() -> None:
    assert LOCALES[0] == "en" and len(set(LOCALES)) == len(LOCALES)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_runs_every_calculator(locale: str) -> None:
    for cid in calculators.calculator_ids():
        assert calculators.run(cid, {}, locale)["verdict"]["text"]


def test_the_locale_decides_the_numbers() -> None:
    english = calculators.run("savings", {}, "en")["figures"][0]["text"]
    norwegian = calculators.run("savings", {}, "nb")["figures"][0]["text"]
    assert english.startswith("€") and "," in english
    assert norwegian.endswith("\u00a0€") and "\u00a0" in norwegian.removesuffix("\u00a0€")


def test_run_refuses_an_unsupported_locale() -> None:
    with pytest.raises(UnsupportedLocaleError):
        calculators.run("savings", {}, "de")
    with pytest.raises(UnsupportedLocaleError):
        calculators.catalog("de")


def test_respond_answers_in_the_requested_locale() -> None:
    answer = json.loads(respond(json.dumps({"calculator": "savings", "locale": "fi"})))
    assert answer["ok"] and answer["result"]["locale"] == "fi"
    assert "\u00a0%" in "".join(answer["sections"])


@pytest.mark.parametrize("locale", ["de", "", 5, None, "x" * 100])
def test_respond_calls_an_unsupported_locale_a_bad_request(locale: object) -> None:
    answer = json.loads(respond(json.dumps({"calculator": "savings", "locale": locale})))
    assert answer == {"ok": False, "errors": {"": BAD_REQUEST}}


def test_the_command_line_takes_the_locale_before_or_after_the_calculator(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--locale", "fi", "savings", "--headcount", "12"]) == 0
    before = capsys.readouterr().out
    assert main(["savings", "--locale", "fi", "--headcount", "12"]) == 0
    assert capsys.readouterr().out == before and "\u00a0%" in before


def test_the_command_line_refuses_an_unsupported_locale(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--locale", "de", "savings"])
    assert exited.value.code == 2
    assert "unsupported locale 'de'" in capsys.readouterr().err


def test_the_prerender_takes_the_page_language() -> None:
    """Every language the site builds is a locale the calculators support, and a widget is
    prerendered in it (the form carries it to the browser)."""
    from sitebuild import hooks, languages

    for language in languages.LANGUAGES:
        locale = hooks.calculator_locale(language)
        assert locale in LOCALES
        html = widgets.render_widget("savings", locale, "../../")
        assert f'data-locale="{locale}"' in html
