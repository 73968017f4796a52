"""Reader-facing text in gettext form, with the English source written where it is used.

Declarations mark strings with `N_("Team size")` (marked for extraction, translated later),
or `NC_("risk", "Security")` where one English text has meanings that other languages word
apart (a criterion and a risk); code that runs for a request asks a `Text` for the locale:
`t.gettext("...")`, `t.ngettext(singular, plural, n)`, `t.pgettext(context, "...")`, each
with named placeholders filled by `format`. Nothing is translated at import time.

Catalogs live in the package as `calculators/locale/<lang>/LC_MESSAGES/calculators.mo`,
compiled from the committed `.po` files (`make catalogs`; the site's wheel build compiles them
too). English is the source and needs none. There is no silent fallback: a supported locale
without its compiled catalog raises `MissingCatalogError`, an unsupported one
`UnsupportedLocaleError`.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from .locales import SOURCE_LOCALE, language_of

DOMAIN = "calculators"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DEFAULT_LOCALE = SOURCE_LOCALE


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown, not here."""
    return message


class InContext(str):
    """A message with its context (msgctxt): the English text itself, so it is used like any
    other message, and `Text.gettext` looks it up under its context."""

    context: str

    def __new__(cls, context: str, message: str) -> InContext:
        made = super().__new__(cls, message)
        made.context = context
        return made


def NC_(context: str, message: str) -> str:
    """Mark a message with a context for extraction: a label whose English text other labels
    share with another meaning ("Security" as a criterion and as a risk)."""
    return InContext(context, message)


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with plural forms for extraction (see `Text.ngettext`)."""
    return singular, plural


class Text:
    """The translations of one locale, with `{name}` placeholders filled in."""

    def __init__(self, locale: str, translations: gettext.NullTranslations) -> None:
        self.locale = locale
        self._translations = translations

    def gettext(self, message: str, **params: object) -> str:
        """A message's translation; one marked with `NC_` is looked up under its context."""
        if isinstance(message, InContext):
            return self.pgettext(message.context, str(message), **params)
        return _fill(self._translations.gettext(message), params)

    def ngettext(self, singular: str, plural: str, n: int, **params: object) -> str:
        """`n` picks the form by the locale's plural rule and is also a placeholder, `{n}`."""
        return _fill(self._translations.ngettext(singular, plural, n), {"n": n, **params})

    def plural_template(self, singular: str, plural: str, n: int) -> str:
        """The form for a count of `n`, its placeholders unfilled (for the browser, which
        fills them with the real count)."""
        return self._translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str, **params: object) -> str:
        return _fill(str(self._translations.pgettext(context, message)), params)


def _fill(template: str, params: dict[str, object]) -> str:
    return template.format(**params) if params else template


class MissingCatalogError(RuntimeError):
    """A supported language whose compiled catalog is not in the package."""


@cache
def text_for(locale: str = DEFAULT_LOCALE) -> Text:
    """The `Text` of a locale: English is the source strings themselves; any other supported
    language reads its compiled catalog, which must be there."""
    language = language_of(locale)
    translations: gettext.NullTranslations
    if language == SOURCE_LOCALE:
        translations = gettext.NullTranslations()
    else:
        try:
            translations = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])
        except FileNotFoundError:
            raise MissingCatalogError(
                f"no compiled catalog for {language!r} under {LOCALE_DIR}: run `make catalogs`"
            ) from None
    return Text(language, translations)
