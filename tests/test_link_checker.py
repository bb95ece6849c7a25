"""The live link checker, tested offline against a local server that misbehaves on purpose."""

from __future__ import annotations

import http.server
import re
import socket
import threading
import time
import urllib.parse
from collections import Counter
from datetime import datetime

import pytest

from links.live import NetworkUnavailable, Policy, check_all, check_url, report_markdown

LOCAL = frozenset({"127.0.0.1"})  # the test servers' address: not public, so contacted only when allowed
FAST = Policy(timeout=0.5, retries=2, backoff=0.01, max_retry_after=30, per_host_interval=0, allow=LOCAL)


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: Counter = Counter()
    redirect_to = ""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.hits[self.path] += 1
        first = self.hits[self.path] == 1
        if self.path == "/ok":
            self._answer(200)
        elif self.path == "/moved":
            self._answer(301, {"Location": "/ok"})
        elif self.path == "/found":
            self._answer(302, {"Location": "/ok"})
        elif self.path == "/gone404":
            self._answer(404)
        elif self.path == "/gone410":
            self._answer(410)
        elif self.path == "/forbidden":
            self._answer(403)
        elif self.path == "/busy":
            self._answer(429, {"Retry-After": "7"}) if first else self._answer(200)
        elif self.path == "/flaky":
            self._answer(500) if first else self._answer(200)
        elif self.path == "/always-500":
            self._answer(500)
        elif self.path == "/slow":
            time.sleep(1.5)
            self._answer(200)
        elif self.path == "/drop":
            if first:
                self.connection.shutdown(socket.SHUT_RDWR)  # hang up without an answer
            else:
                self._answer(200)
        elif self.path == "/loop":
            self._answer(302, {"Location": "/loop"})
        elif self.path == "/downgrade":
            self._answer(302, {"Location": self.redirect_to})
        elif self.path == "/to-mailto":
            self._answer(302, {"Location": "mailto:someone@example.org"})
        elif self.path == "/to-ftp":
            self._answer(301, {"Location": "ftp://example.org/file"})
        elif self.path == "/to-broken-host":
            self._answer(302, {"Location": "http://[::1/ok"})
        elif self.path.startswith("/go/"):  # /go/<address>: a redirect to that address
            self._answer(302, {"Location": urllib.parse.unquote(self.path[4:])})
        elif self.path == "/trickle":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for _ in range(30):  # one byte every 0.4 s: each within the timeout, the whole far beyond it
                try:
                    self.wfile.write(b"X")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.4)
        else:
            self._answer(404)

    def _answer(self, status: int, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def server():
    _Handler.hits = Counter()
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def sleeps():
    return []


def check(url, sleeps, policy=FAST):
    return check_url(url, policy, sleep=sleeps.append)


def test_a_page_that_answers_200_is_ok(server, sleeps):
    r = check(server + "/ok", sleeps)
    assert (r.outcome, r.status, r.attempts) == ("ok", 200, 1)


def test_a_permanent_redirect_is_followed_and_flagged_for_update(server, sleeps):
    r = check(server + "/moved", sleeps)
    assert r.outcome == "redirected" and r.status == 200 and r.permanent_redirect
    assert r.redirects == [(301, server + "/ok")] and r.final_url == server + "/ok"


def test_a_temporary_redirect_is_followed_silently(server, sleeps):
    r = check(server + "/found", sleeps)
    assert r.outcome == "ok" and not r.permanent_redirect and r.redirects == [(302, server + "/ok")]


@pytest.mark.parametrize("path,status", [("/gone404", 404), ("/gone410", 410)])
def test_a_missing_page_is_broken_at_once(server, sleeps, path, status):
    r = check(server + path, sleeps)
    assert (r.outcome, r.status, r.attempts) == ("broken", status, 1)


def test_a_refusal_to_robots_is_reported_as_blocked_not_broken(server, sleeps):
    r = check(server + "/forbidden", sleeps)
    assert (r.outcome, r.status) == ("blocked", 403)


def test_too_many_requests_waits_as_long_as_retry_after_says(server, sleeps):
    r = check(server + "/busy", sleeps)
    assert (r.outcome, r.status, r.attempts) == ("ok", 200, 2)
    assert sleeps == [7.0]


def test_a_server_error_is_retried_with_back_off(server, sleeps):
    r = check(server + "/flaky", sleeps)
    assert (r.outcome, r.attempts) == ("ok", 2)
    r = check(server + "/always-500", sleeps)
    assert (r.outcome, r.status, r.attempts) == ("broken", 500, 3)
    assert sleeps[-2:] == [0.01, 0.02]


def test_a_slow_answer_past_the_timeout_is_broken(server, sleeps):
    r = check(server + "/slow", sleeps, Policy(timeout=0.2, retries=1, backoff=0.01, per_host_interval=0, allow=LOCAL))
    assert r.outcome == "broken" and r.error == "no answer within 0.2 s" and r.attempts == 2


def test_a_refused_connection_is_broken():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket is closed
    r = check_url(f"http://127.0.0.1:{port}/", FAST, sleep=lambda _: None)
    assert r.outcome == "broken" and r.error.startswith("connection failed") and r.attempts == 3


def test_a_dropped_connection_is_retried(server, sleeps):
    r = check(server + "/drop", sleeps)
    assert (r.outcome, r.attempts) == ("ok", 2)


def test_a_redirect_loop_is_broken(server, sleeps):
    r = check(server + "/loop", sleeps)
    assert r.outcome == "broken" and "redirects" in r.error


def test_requests_to_one_host_are_spaced(server):
    waits = []
    check_all(
        [server + "/ok", server + "/found", server + "/ok"],
        Policy(per_host_interval=5, retries=0, allow=LOCAL),
        sleep=waits.append,
    )
    # /ok is checked once; /found needs two requests (the redirect): two pauses, each under 5 s.
    assert len(waits) == 2 and all(0 < w <= 5 for w in waits)


def test_the_report_lists_problems_first_with_where_they_are_written(server, sleeps):
    from datetime import datetime

    results = [check(server + p, sleeps) for p in ("/ok", "/gone404", "/moved")]
    report = report_markdown(results, datetime(2026, 11, 23, 12, 0), {server + "/gone404": ["data/steps.yaml:12"]})
    rows = [line for line in report.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert [row.split(" | ")[0] for row in rows] == ["| broken", "| redirected", "| ok"]
    assert "data/steps.yaml:12" in rows[0] and "1 broken" in report


@pytest.mark.parametrize(
    "path,target",
    [
        ("/to-mailto", "mailto:someone@example.org"),
        ("/to-ftp", "ftp://example.org/file"),
        ("/to-broken-host", "http://[::1/ok"),
    ],
)
def test_an_odd_redirect_gets_its_own_verdict_and_the_run_goes_on(server, path, target):
    results = check_all([server + path, server + "/ok"], FAST, sleep=lambda _: None)
    assert [r.outcome for r in results] == ["broken", "ok"]
    assert results[0].error.startswith("cannot follow the redirect"), results[0].error
    assert target[:12] in results[0].error or "Invalid IPv6 URL" in results[0].error


def test_a_server_that_trickles_its_answer_is_cut_off_in_bounded_time(server):
    start = time.monotonic()
    r = check_url(
        server + "/trickle", Policy(timeout=1, retries=0, per_host_interval=0, allow=LOCAL), sleep=lambda _: None
    )
    assert time.monotonic() - start < 3.5
    assert r.outcome == "broken" and "too slowly" in r.error


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_with_no_network_the_check_says_so_at_once_instead_of_calling_everything_broken(tmp_path):
    import subprocess
    import sys

    urls = [f"http://127.0.0.1:{_closed_port()}/a", f"http://127.0.0.1:{_closed_port()}/b"]
    start = time.monotonic()
    with pytest.raises(NetworkUnavailable):
        check_all(urls, FAST, sleep=lambda _: None)
    assert time.monotonic() - start < 5
    urls = ["https://a.invalid/a", "https://b.invalid/b"]  # the command contacts no loopback: names that never resolve
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "steps.yaml").write_text("links:\n" + "".join(f"  - url: {u}\n" for u in urls))
    report = tmp_path / "report.md"
    result = subprocess.run(
        [sys.executable, "-m", "links", "check", "--project", str(tmp_path), "--report", str(report)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Network unavailable" in result.stderr and "not checked" in report.read_text()


def test_a_redirect_from_https_to_plain_http_is_flagged(tmp_path):
    """A TLS server on 127.0.0.1 (a certificate made for the test) that sends the reader to plain http."""
    import shutil
    import ssl
    import subprocess

    import requests

    from tests.support.need import need

    need(shutil.which("openssl") is not None, "openssl")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    secure = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    secure.socket = context.wrap_socket(secure.socket, server_side=True)
    for srv in (plain, secure):
        threading.Thread(target=srv.serve_forever, daemon=True).start()
    _Handler.redirect_to = f"http://127.0.0.1:{plain.server_port}/ok"
    try:
        session = requests.Session()
        session.verify = str(cert)
        session.trust_env = False  # else $REQUESTS_CA_BUNDLE would replace the test's certificate
        r = check_url(f"https://127.0.0.1:{secure.server_port}/downgrade", FAST, session, sleep=lambda _: None)
    finally:
        for srv in (plain, secure):
            srv.shutdown()
            srv.server_close()
    assert r.outcome == "downgraded" and r.status == 200, r
    assert "1 redirected to plain http" in report_markdown([r], __import__("datetime").datetime(2026, 11, 23))


def _hits() -> int:
    return sum(_Handler.hits.values())


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:{port}/ok",  # the server itself, under the policy every real run uses
        "http://localhost:{port}/ok",
        "http://127.1:{port}/ok",  # short form
        "http://2130706433:{port}/ok",  # decimal
        "http://0x7f000001:{port}/ok",  # hexadecimal
        "http://0.0.0.0:{port}/ok",
        "http://[::1]:{port}/ok",
        "http://[::ffff:127.0.0.1]:{port}/ok",  # IPv4 inside IPv6
        "http://169.254.169.254/latest/meta-data/",  # a cloud's metadata service
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",  # shared address space
    ],
)
def test_an_address_that_is_not_public_is_never_contacted(server, address):
    url = address.format(port=server.rsplit(":", 1)[1])
    r = check_url(url, Policy(timeout=2, retries=2, per_host_interval=0), sleep=lambda _: None)
    assert r.outcome == "broken" and r.error.startswith("not contacted:"), r
    assert "not a public address" in r.error and r.attempts == 1
    assert _hits() == 0


@pytest.fixture
def second_loopback():
    """A server on 127.0.0.2, an address the policy does not allow: it counts the requests that reach it."""
    hits: list[str] = []

    class Counting(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    srv = http.server.ThreadingHTTPServer(("127.0.0.2", 0), Counting)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.2:{srv.server_port}", hits
    srv.shutdown()
    srv.server_close()


@pytest.mark.parametrize(
    "target",
    ["{second}/secret", "http://169.254.169.254/latest/meta-data/", "http://[::1]:{port}/ok", "http://10.0.0.1/"],
)
def test_a_redirect_to_an_address_that_is_not_public_is_not_followed(server, second_loopback, target):
    second, reached = second_loopback
    where = target.format(second=second, port=server.rsplit(":", 1)[1])
    r = check_url(server + "/go/" + urllib.parse.quote(where, safe=""), FAST, sleep=lambda _: None)
    assert r.outcome == "broken" and r.error.startswith("not contacted:") and "after 1 redirects" in r.error, r
    assert r.attempts == 1 and reached == []


def test_a_run_whose_addresses_are_not_public_gives_each_its_verdict_instead_of_calling_the_network_down():
    results = check_all(["http://127.0.0.1:9/a", "http://10.1.2.3/b", "http://[::1]:9/c"], Policy(retries=0))
    assert [r.error.split(":")[0] for r in results] == ["not contacted"] * 3


def test_the_report_shows_what_it_was_given_as_text_and_nothing_else():
    """A server's redirect, an address in the data and a place are the checked sites' words: in the issue the
    weekly workflow posts, none may add a row or a cell, mention someone, link, or carry HTML."""
    hostile = "https://a.example/x|y<img src=x onerror=alert(1)>@octocat #1 [a](https://b.example) ``c`` ok"
    result = check_url.__globals__["Result"](hostile, error=hostile + "\n| broken | forged |", outcome="broken")
    report = report_markdown([result], datetime(2026, 12, 3), {hostile: [hostile, "data/steps.yaml:3 links[0]"]})
    rows = [line for line in report.splitlines() if line.startswith("|")][2:]
    assert len(rows) == 1
    cells = re.split(r"(?<!\\)\|", rows[0])[1:-1]
    assert len(cells) == 4 and cells[0].strip() == "broken"
    outside_code = re.sub(r"(`+).*?\1", "", rows[0])  # what is left once the code spans are taken out
    for markup in ("<img", "@octocat", "#1", "](", "\n"):
        assert markup not in outside_code, markup
    assert outside_code.replace("<br>", "").replace("|", "").replace("\\", "").strip() in ("", "broken")
