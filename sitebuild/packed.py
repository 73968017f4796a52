"""Archives as the site serves them: a zip whose members are stored, gzip-compressed whole.

GitHub Pages compresses text, but sends a `.zip` or a `.whl` as it is. Deflated member by
member, each of a few hundred bytes of Python or one time zone's rules compresses poorly on its
own; one gzip over the whole archive finds what the members share. Measured on this site: the
trimmed library 700 -> 663 KB, the code wheel 125 -> 99 KB, the time-zone wheel 348 -> 163 KB.

The worker unpacks each file as it arrives (`DecompressionStream`, calculator-worker.js), so
Pyodide gets exactly the archive the build made and tested, and Python then reads its stored
members without inflating them. The archives themselves (the library, the wheels) are written
stored by the modules that make them; this one only names and writes the served copies.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

SUFFIX = ".gz"


def served_name(archive: Path) -> str:
    """The served file's name: the archive's own, with `.gz` added."""
    return archive.name + SUFFIX


def packed(archive: Path, cache_dir: Path) -> Path:
    """`archive` gzip-compressed (made once per content, kept in `cache_dir`)."""
    data = archive.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:16]
    out = cache_dir / digest / served_name(archive)
    if not out.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(out.name + ".partial")
        # mtime 0: the served file depends on the archive alone (the same build, the same bytes).
        partial.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        partial.replace(out)
        for old in cache_dir.glob(f"*/{out.name}"):  # keep only the current copy of each file
            if old != out:
                old.unlink()
                if not any(old.parent.iterdir()):
                    old.parent.rmdir()
    return out
