"""A threaded static server for a built site, as GitHub Pages serves it (optionally gzip and
under a sub-path such as /<repo>/)."""

from __future__ import annotations

import gzip
import http.server
import io
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

# Module scripts and WebAssembly need exact types (the mimetypes table varies by machine).
EXACT_TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
}
# Content types a compressing static host (GitHub Pages) sends gzip-encoded.
GZIP_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/wasm",
    "application/xml",
    "image/svg+xml",
)


class StaticServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path, prefix: str = "/", handler: type[Any] | None = None) -> None:
        super().__init__(("127.0.0.1", 0), handler or StaticHandler)
        self.root = root
        self.prefix = prefix  # the site is served under this path, e.g. "/guide/"
        self.gzip = False
        self._lock = threading.Lock()
        self._compressed: dict[Path, bytes] = {}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{self.prefix}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that closes a connection mid-download (it had what it needed) is fine.
        if not isinstance(__import__("sys").exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def compressed(self, path: Path) -> bytes:
        with self._lock:
            body = self._compressed.get(path)
        if body is None:
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            with self._lock:
                self._compressed[path] = body
        return body


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    server: StaticServer

    def __init__(self, request: Any, client_address: Any, server: StaticServer) -> None:
        super().__init__(request, client_address, server, directory=str(server.root))

    def site_path(self) -> str | None:
        """The request's path inside the site, or None when it is outside the prefix."""
        path = urlsplit(self.path).path
        if not path.startswith(self.server.prefix):
            return None
        return "/" + path[len(self.server.prefix) :]

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        inside = self.site_path()
        if inside is None:
            self.send_error(404, "outside the site")
            return None
        if self.server.prefix != "/":
            query = urlsplit(self.path).query
            self.path = inside + (f"?{query}" if query else "")
        not_found = self.not_found_page()
        if not_found is not None:
            return not_found
        if self.server.gzip and "gzip" in self.headers.get("Accept-Encoding", ""):
            return self.send_gzip() or super().send_head()
        return super().send_head()

    def not_found_page(self) -> io.BytesIO | None:
        """GitHub Pages answers a missing file with the site's 404.html and status 404."""
        path = Path(self.translate_path(self.path))
        if path.exists() or not (self.server.root / "404.html").is_file():
            return None
        body = (self.server.root / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def send_gzip(self) -> io.BytesIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return None  # the redirect to the slash
            path = path / "index.html"
        ctype = self.guess_type(path)
        if not path.is_file() or not ctype.startswith(GZIP_TYPES):
            return None
        body = self.server.compressed(path)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        return io.BytesIO(body)

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return EXACT_TYPES.get(Path(path).suffix) or super().guess_type(path)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving(
    root: Path, prefix: str = "/", handler: type[Any] | None = None
) -> Iterator[StaticServer]:
    """Serve `root` on 127.0.0.1 (a free port) under `prefix` until the block ends."""
    server = StaticServer(root, prefix, handler)
    thread = threading.Thread(target=server.serve_forever, name="static-server", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
