"""The benchmark's static server: the site at /, the benchmark's own pages at /__bench__/, every
byte sent counted per measurement, gzip as GitHub Pages serves it, and an optional shaped link
(bandwidth shared by all connections, latency before each response) standing in for a real
network, so requests made inside workers are shaped as well as the page's."""

from __future__ import annotations

import io
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from benchmarks.settings import BENCH_PREFIX
from benchmarks.support_path import ensure_support_path

ensure_support_path()
from support.server import StaticHandler, StaticServer  # noqa: E402


@dataclass(frozen=True)
class Profile:
    """A network: downstream bandwidth and round-trip time."""

    name: str
    mbit_per_s: float
    rtt_ms: float


PROFILES = (
    Profile("broadband", 50.0, 20.0),
    Profile("4G", 9.0, 60.0),
    Profile("slow", 1.6, 150.0),
)


class Link:
    """One shared downstream link: bytes leave no faster than its bandwidth, in total."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.bytes_per_s = profile.mbit_per_s * 1e6 / 8
        self.free_at = 0.0
        self._lock = threading.Lock()

    def send(self, nbytes: int) -> None:
        with self._lock:
            now = time.monotonic()
            self.free_at = max(now, self.free_at) + nbytes / self.bytes_per_s
            done = self.free_at
        time.sleep(max(0.0, done - time.monotonic()))


@dataclass
class Served:
    tag: str
    path: str
    status: int
    bytes: int


class _CountingWriter(io.BufferedIOBase):
    """Wraps the socket writer, counts every byte sent and paces it through the link."""

    CHUNK = 16 * 1024

    def __init__(self, inner: io.BufferedIOBase, server: BenchServer) -> None:
        super().__init__()
        self.inner = inner
        self.server = server
        self.count = 0

    def write(self, data: Any) -> int:
        view = memoryview(data)
        link = self.server.link
        if link is None:
            written = self.inner.write(data)
            self.count += len(view)
            return written
        for start in range(0, len(view), self.CHUNK):
            chunk = view[start : start + self.CHUNK]
            link.send(len(chunk))
            self.inner.write(chunk)
            self.inner.flush()
            self.count += len(chunk)
        return len(view)

    def flush(self) -> None:
        self.inner.flush()

    def writable(self) -> bool:
        return True


class BenchServer(StaticServer):
    """The built site at /, the benchmark's own pages at /__bench__/ (from another folder)."""

    def __init__(self, site: Path, extra: Path) -> None:
        super().__init__(site, "/", BenchHandler)
        self.site = site
        self.extra = extra
        self.tag = ""  # which measurement the requests now arriving belong to
        self.blocked: tuple[str, ...] = ()  # URL path prefixes answered 404 (diagnosis)
        self.link: Link | None = None  # a shaped network, or None for the loopback's speed
        self.served: list[Served] = []
        self._record_lock = threading.Lock()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A context closed mid-download (the page had what it needed) is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def record(self, served: Served) -> None:
        with self._record_lock:
            self.served.append(served)

    def served_with(self, tag: str) -> list[Served]:
        with self._record_lock:
            return [s for s in self.served if s.tag == tag]


class BenchHandler(StaticHandler):
    server: BenchServer
    counter: _CountingWriter
    status = 0

    def setup(self) -> None:
        super().setup()
        self.counter = _CountingWriter(self.wfile, self.server)
        self.wfile = self.counter

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            path = getattr(self, "path", "")
            if path:
                self.server.record(Served(self.server.tag, path, self.status, self.counter.count))

    def send_response(self, code: int, message: str | None = None) -> None:
        self.status = code
        super().send_response(code, message)

    def translate_path(self, path: str) -> str:
        if urlsplit(path).path.startswith(BENCH_PREFIX):
            self.directory = str(self.server.extra)
            path = path[len(BENCH_PREFIX) - 1 :]
        else:
            self.directory = str(self.server.site)
        return super().translate_path(path)

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        link = self.server.link
        if link is not None:
            time.sleep(link.profile.rtt_ms / 1000)  # the request's way there and back
        if self.server.blocked and urlsplit(self.path).path.startswith(self.server.blocked):
            self.send_error(404, "blocked by the benchmark")
            return None
        return super().send_head()


@contextmanager
def serving(site: Path, extra: Path) -> Iterator[BenchServer]:
    server = BenchServer(site, extra)
    thread = threading.Thread(target=server.serve_forever, name="bench-server", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
