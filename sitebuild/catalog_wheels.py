"""The calculators wheel for the browser, split by language.

The package ships every language's compiled catalog (about 50 KB each, compressed), yet a page
reads only its own: the browser gets the code wheel without catalogs, and a page in another
language than English also gets that language's catalog wheel
(`calculators_catalog_nb-<version>-py3-none-any.whl`, which unpacks into the same
`calculators/locale/nb/` folder). CPython keeps the package whole: `make catalogs` compiles the
`.mo` files in place.

The code wheel is also made smaller for the download: its modules with docstrings and comments
blanked (every line stays where it was, so a traceback points at the right line), and its
METADATA without the long description (the README). Its members are stored: the site serves
each wheel gzip-compressed whole (packed.py).
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

from calculators.core.locales import LOCALES, SOURCE_LOCALE

from . import stdlib
from .stdlib_probe import strip

LOCALE_PREFIX = "calculators/locale/"
TRANSLATED = tuple(lang for lang in LOCALES if lang != SOURCE_LOCALE)
WHEEL_INFO = "Wheel-Version: 1.0\nGenerator: sitebuild\nRoot-Is-Purelib: true\nTag: py3-none-any\n"


def catalog_language(name: str) -> str | None:
    """The language of a compiled catalog in the wheel ("calculators/locale/nb/LC_MESSAGES/
    calculators.mo" -> "nb"), or None for any other file."""
    if not (name.startswith(LOCALE_PREFIX) and name.endswith(".mo")):
        return None
    return name[len(LOCALE_PREFIX) :].split("/", 1)[0]


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _write(path: Path, files: dict[str, bytes], record: str) -> None:
    """A wheel of `files` whose RECORD (at `record`) lists each of them with its hash."""
    lines = [_record_line(name, data) for name, data in files.items()] + [f"{record},,"]
    partial = path.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED) as archive:
        for name, data in [*files.items(), (record, ("\n".join(lines) + "\n").encode())]:
            info = zipfile.ZipInfo(name, stdlib.ZIP_DATE)
            archive.writestr(info, data, zipfile.ZIP_STORED)
    partial.replace(path)


def split_key() -> str:
    """What the split makes, besides the whole wheel: this module and the stripping."""
    digest = hashlib.sha256()
    for path in (Path(__file__), stdlib.PROBE):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _for_browser(name: str, data: bytes) -> bytes:
    """A file of the code wheel as the browser gets it (see the module's docstring)."""
    if name.endswith(".py"):
        return strip(data.decode("utf-8")).encode("utf-8")
    if name.endswith(".dist-info/METADATA"):
        headers, _, _ = data.partition(b"\n\n")
        return headers + b"\n"
    return data


def split(wheel: Path, out_dir: Path) -> tuple[Path, dict[str, Path]]:
    """The code wheel (named as `wheel`) and one catalog wheel per translated language, written
    into `out_dir` (reused when there: the folder is named by the whole wheel's hash)."""
    version = wheel.name.split("-")[1]
    code = out_dir / wheel.name
    catalogs = {
        lang: out_dir / f"calculators_catalog_{lang}-{version}-py3-none-any.whl"
        for lang in TRANSLATED
    }
    if code.is_file() and all(path.is_file() for path in catalogs.values()):
        return code, catalogs
    out_dir.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    record = next(name for name in files if name.endswith(".dist-info/RECORD"))
    kept = {
        n: _for_browser(n, d) for n, d in files.items() if n != record and not catalog_language(n)
    }
    missing = [lang for lang in TRANSLATED if not any(catalog_language(n) == lang for n in files)]
    if missing:
        raise ValueError(f"{wheel.name} has no compiled catalog for {', '.join(missing)}")
    _write(code, kept, record)
    for lang, path in catalogs.items():
        info = f"calculators_catalog_{lang}-{version}.dist-info/"
        metadata = (
            f"Metadata-Version: 2.1\nName: calculators-catalog-{lang}\nVersion: {version}\n"
            f"Summary: The calculators' messages in {lang} (for the browser)\n"
        )
        ours = {n: d for n, d in files.items() if catalog_language(n) == lang}
        ours |= {info + "METADATA": metadata.encode(), info + "WHEEL": WHEEL_INFO.encode()}
        _write(path, ours, info + "RECORD")
    return code, catalogs
