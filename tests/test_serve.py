"""`make serve-quick` (the preview while editing) starts and serves the pages, in the guide's strict mode."""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def recipe(target: str) -> str:
    """The shell line of a Makefile target's recipe that runs MkDocs."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    body = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert body, target
    [line] = [x.strip() for x in body[1].splitlines() if "mkdocs" in x]
    return line


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_make_serve_quick_serves_the_home_page_of_each_language(tmp_path):
    port = free_port()
    venv = Path(sys.executable).parent.parent  # the environment running these tests, as $(VENV)
    command = recipe("serve-quick").replace("$(VENV)", shlex.quote(str(venv))).replace("$(ADDR)", f"127.0.0.1:{port}")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)  # a preview is served at its own address
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(command, shell=True, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}/health-insurance-guide/"
        pages: dict[str, str] = {}
        deadline = time.monotonic() + 120
        while len(pages) < 2 and time.monotonic() < deadline and server.poll() is None:
            for url in (base, base + "en/"):
                try:
                    with urllib.request.urlopen(url, timeout=5) as response:
                        pages[url] = response.read().decode("utf-8")
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    time.sleep(0.5)
        assert server.poll() is None, f"make serve-quick stopped:\n{log.read_text()}"
        assert len(pages) == 2, f"nothing served in 120 s:\n{log.read_text()}"
        assert '<html lang="fr"' in pages[base] and '<html lang="en"' in pages[base + "en/"]
        assert "no handouts and no offline copy" in log.read_text()  # said, but not as a warning
    finally:
        server.terminate()
        server.wait(timeout=30)
