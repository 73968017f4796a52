"""The languages the calculators speak: one tuple, the source of truth for the site as well.

A locale is named by its language subtag ("nb", "fi"); a region ("nb-NO", "fi_FI") is
accepted and ignored. Anything else raises: a page in a language the calculators do not know
must fail loudly, never fall back to English.
"""

from __future__ import annotations

# English is the source text; the others read compiled gettext catalogs.
LOCALES = ("en", "nb", "is", "fi", "sv", "ru")
SOURCE_LOCALE = "en"


class UnsupportedLocaleError(ValueError):
    """A locale outside `LOCALES`."""


def language_of(locale: object) -> str:
    """ "nb-NO" -> "nb"; an unsupported or malformed locale raises UnsupportedLocaleError."""
    if isinstance(locale, str) and len(locale) <= 35:
        language = locale.replace("_", "-").split("-")[0].lower()
        if language in LOCALES:
            return language
    shown = locale[:35] if isinstance(locale, str) else type(locale).__name__
    raise UnsupportedLocaleError(
        f"unsupported locale {shown!r}: the calculators speak {', '.join(LOCALES)}"
    )
