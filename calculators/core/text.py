"""Reader-facing text in gettext form, with the English source written where it is used.

Declarations mark strings with `N_("Team size")` (marked for extraction, translated later);
code that runs for a request asks a `Text` for the locale: `t.gettext("...")`,
`t.ngettext(singular, plural, n)`, `t.pgettext(context, "...")`, each with named
placeholders filled by `format`. Nothing is translated at import time.

Catalogs live in the package as `calculators/locale/<lang>/LC_MESSAGES/calculators.mo`
(compiled from `.po` files at build time). English is the source and needs none.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

DOMAIN = "calculators"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DEFAULT_LOCALE = "en"


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown, not here."""
    return message


class Text:
    """The translations of one locale, with `{name}` placeholders filled in."""

    def __init__(self, locale: str, translations: gettext.NullTranslations) -> None:
        self.locale = locale
        self._translations = translations

    def gettext(self, message: str, **params: object) -> str:
        return _fill(self._translations.gettext(message), params)

    def ngettext(self, singular: str, plural: str, n: int, **params: object) -> str:
        """`n` picks the form by the locale's plural rule and is also a placeholder, `{n}`."""
        return _fill(self._translations.ngettext(singular, plural, n), {"n": n, **params})

    def pgettext(self, context: str, message: str, **params: object) -> str:
        return _fill(self._translations.pgettext(context, message), params)


def _fill(template: str, params: dict[str, object]) -> str:
    return template.format(**params) if params else template


@cache
def text_for(locale: str = DEFAULT_LOCALE) -> Text:
    """The `Text` of a locale: its compiled catalog if the package ships one, else English
    (the source strings themselves)."""
    language = (locale or DEFAULT_LOCALE).split("-")[0].lower()
    translations: gettext.NullTranslations
    if language == DEFAULT_LOCALE:
        translations = gettext.NullTranslations()
    else:
        # fallback=True: until issue-level catalogs ship, other locales read English.
        translations = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)
    return Text(language, translations)
