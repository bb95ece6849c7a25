"""Serve a built site over HTTP on 127.0.0.1, under the path of its site_url."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from web.config import project_at


@functools.cache
def published_url(root: Path | None = None) -> str:
    """The address the project at `root` (default: the working folder) is built for (the tests set $SITE_URL
    to their own server)."""
    return project_at((root or Path.cwd()).resolve()).site_url


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files below `prefix`; anything else is a 404."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_site_url__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Like GitHub Pages: a missing address gets the site's own 404 page."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        # linkchecker waits 0.1-0.6 s before each request to a server that does not name it in this header.
        self.send_header("LinkChecker", "test-server")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read responses, not logs."""


class _GzipHandler(_Handler):
    """The same, compressing text as GitHub Pages does, for a browser that accepts gzip."""

    COMPRESSED = (".html", ".css", ".js", ".svg", ".xml", ".json")

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in self.COMPRESSED:
            return super().send_head()
        if not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    """Serves each request in a thread; a request its browser gave up on (a page closed as it loaded) is no error."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # BrokenPipeError, ConnectionResetError
            super().handle_error(request, client_address)


PREFIX = "/health-insurance-guide/"  # the path the tests' sites are built for, as on GitHub Pages


def serving(root: Path, port: int, prefix: str = PREFIX, compress: bool = False) -> http.server.ThreadingHTTPServer:
    """A server (not started yet) of `root` on 127.0.0.1:`port` under `prefix`; OSError if the port is taken."""
    handler = type("Handler", (_GzipHandler if compress else _Handler,), {"prefix": prefix})
    return http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(root.resolve()))
    )


@contextmanager
def serve_site(root: Path, prefix: str | None = None, compress: bool = False, url: str | None = None) -> Iterator[str]:
    """Serve `root` at http://127.0.0.1:PORT{prefix} (text gzipped with `compress`); yields that base URL. The
    port is the one of `url` (default: the address the site is built for) when it is local and free, so that the
    site's absolute links work; another one otherwise."""
    address = urlsplit(url or published_url())
    prefix = prefix if prefix is not None else address.path or "/"
    port = address.port or 0 if address.hostname == "127.0.0.1" else 0
    try:
        server = serving(root, port, prefix, compress)
    except OSError:  # the port is taken (by the tests' shared server, say)
        server = serving(root, 0, prefix, compress)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
