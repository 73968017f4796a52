"""Generate `calculators/core/cldr.json` from CLDR, through Babel, at dev time.

    python -m sitebuild.number_table          rewrite the table
    python -m sitebuild.number_table --check  exit 1 if the committed table is out of date

Babel is too large to ship to the browser; the calculators need only a few symbols and
patterns per locale (and, for the widget's plurals in JavaScript, a sample count of each CLDR
plural category), so these are copied into a small table in the wheel. A test checks that
the committed table equals what this generator gives.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import babel
from babel import Locale
from babel.numbers import NumberPattern

from calculators.core.locales import LOCALES
from calculators.core.vocab import CURRENCIES

TABLE = Path(__file__).resolve().parents[1] / "calculators" / "core" / "cldr.json"
# CLDR's minus for en, is and ru is the hyphen-minus, which stands for the typographic minus
# where text is typeset; the site has always written U+2212 (and reads either).
MINUS = "\u2212"


class UnexpectedPatternError(ValueError):
    """A CLDR pattern the formatter does not implement (it would format wrongly)."""


def _affixes(locale: str, pattern: NumberPattern, what: str) -> dict[str, str]:
    positive_prefix, negative_prefix = pattern.prefix
    positive_suffix, negative_suffix = pattern.suffix
    if (
        pattern.grouping != (3, 3)
        or negative_prefix != "-" + positive_prefix
        or negative_suffix != positive_suffix
    ):
        raise UnexpectedPatternError(f"{locale} {what}: {pattern.pattern!r}")
    return {"prefix": positive_prefix, "suffix": positive_suffix}


def locale_entry(code: str) -> dict[str, Any]:
    locale = Locale.parse(code)
    symbols = locale.number_symbols["latn"]
    percent = _affixes(code, locale.percent_formats[None], "percent")
    currency = _affixes(code, locale.currency_formats["standard"], "currency")
    currency_symbols = {c: locale.currency_symbols.get(c, c) for c in CURRENCIES}
    if len(set(currency_symbols.values())) != len(currency_symbols):
        raise UnexpectedPatternError(f"{code}: two currencies share a symbol: {currency_symbols}")
    return {
        "decimal": symbols["decimal"],
        "group": symbols["group"],
        "minus": MINUS if symbols["minusSign"] == "-" else symbols["minusSign"],
        "percent": {k: v.replace("%", symbols["percentSign"]) for k, v in percent.items()},
        "currency": currency,
        "symbols": currency_symbols,
        "plural_samples": plural_samples(locale),
    }


def plural_samples(locale: Locale, below: int = 200) -> dict[str, int]:
    """The smallest whole count of each plural category a count can fall in ("one": 1,
    "few": 2, "many": 0 in Russian): gettext picks the form for that count, and the browser
    (Intl.PluralRules) picks the category of the real count."""
    samples: dict[str, int] = {}
    for n in range(below):
        samples.setdefault(locale.plural_form(n), n)
    return samples


def table() -> dict[str, Any]:
    return {
        "source": f"CLDR via Babel {babel.__version__}",
        "locales": {code: locale_entry(code) for code in LOCALES},
    }


def table_text() -> str:
    # ASCII with escapes: the separators (no-break spaces) are visible in a review.
    return json.dumps(table(), indent=1, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    text = table_text()
    if "--check" in argv:
        current = TABLE.is_file() and TABLE.read_text(encoding="utf-8") == text
        if not current:
            print(f"{TABLE} is out of date: run python -m sitebuild.number_table", file=sys.stderr)
        return 0 if current else 1
    TABLE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
