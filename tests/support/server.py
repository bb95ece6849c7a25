"""Serve a built site over HTTP on 127.0.0.1, under the path of its site_url."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from guide.university import published_url


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files below `prefix`; anything else is a 404."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_site_url__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read responses, not logs."""


@contextmanager
def serve_site(root: Path, prefix: str | None = None) -> Iterator[str]:
    """Serve `root` at http://127.0.0.1:PORT{prefix}; yields that base URL."""
    prefix = prefix if prefix is not None else urlsplit(published_url()).path or "/"
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(root.resolve()))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
