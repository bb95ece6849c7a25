"""Check external URLs against the internet, politely, and report in Markdown.

linkchecker crawls our own site; for the external addresses we need what it
does not give: Retry-After on 429, back-off on 5xx and dropped connections,
a per-host pause, the full redirect chain with permanent ones flagged, and a
Markdown report that a scheduled workflow can post as an issue.
"""

from __future__ import annotations

import ipaddress
import itertools
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util import connection

USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 "
    "health-insurance-guide-linkcheck"
)
PERMANENT = {301, 308}
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Policy:
    """How politely and how patiently to check."""

    timeout: float = 20.0  # per request, and at most this long (x attempts) for a URL in all
    retries: int = 3
    backoff: float = 2.0  # seconds before the first retry, doubled each time
    max_retry_after: float = 60.0
    per_host_interval: float = 1.0  # seconds between two requests to the same host
    max_redirects: int = 10
    # Addresses that are not public (loopback, private, link-local, reserved) are never contacted, whether
    # a URL names them or a redirect leads there; `allow` lists any the checker may contact all the same
    # (the tests' server on 127.0.0.1). Nothing else: the weekly check runs beside a cloud's metadata service.
    allow: frozenset[str] = frozenset()


@dataclass
class Result:
    url: str
    outcome: str = "broken"  # ok, redirected, blocked, downgraded, broken, unchecked
    status: int | None = None
    final_url: str | None = None
    redirects: list[tuple[int, str]] = field(default_factory=list)
    error: str | None = None
    attempts: int = 0

    @property
    def permanent_redirect(self) -> bool:
        return any(code in PERMANENT for code, _ in self.redirects)

    @property
    def summary(self) -> str:
        if self.error:
            return self.error
        text = f"HTTP {self.status}"
        if self.redirects:
            chain = " → ".join(f"{code} {url}" for code, url in self.redirects)
            text += f" after {chain}"
        return text


NOT_CONTACTED = "not contacted"


def _public(address: str, allow: frozenset[str]) -> bool:
    """True if `address` (an IP in text) is on the public internet, or allowed by the policy."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return str(ip) in allow or (ip.is_global and not ip.is_multicast)


class NotPublic(NewConnectionError):
    """The host is, or resolves to, an address the checker does not contact."""


def _vetted(host: str, port: int, allow: frozenset[str]) -> list[str]:
    """The addresses of `host`, every one of them public; NotPublic when one is not (raised by callers)."""
    addresses = list(dict.fromkeys(info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)))
    for address in addresses:
        if not _public(address, allow):
            raise ValueError(f"{host} is {address}, which is not a public address")
    return addresses


class _Vetting:
    """A connection that resolves its host, refuses it unless every address is public, then connects to one
    of the addresses it checked: no second lookup between the check and the connection."""

    allow: frozenset[str] = frozenset()

    def _new_conn(self) -> socket.socket:
        host, port, timeout = self._dns_host, self.port, self.timeout  # type: ignore[attr-defined]
        try:
            addresses = _vetted(host, port, self.allow)
        except socket.gaierror as exc:
            raise NameResolutionError(host, self, exc) from exc  # type: ignore[arg-type]
        except ValueError as exc:
            raise NotPublic(self, f"{NOT_CONTACTED}: {exc}") from None  # type: ignore[arg-type]
        error: OSError | None = None
        for address in addresses:
            try:
                return connection.create_connection(
                    (address, port),
                    timeout,  # type: ignore[arg-type]
                    source_address=self.source_address,  # type: ignore[attr-defined]
                    socket_options=self.socket_options,  # type: ignore[attr-defined]
                )
            except TimeoutError as exc:
                raise ConnectTimeoutError(self, f"connection to {host} timed out") from exc
            except OSError as exc:
                error = exc
        raise NewConnectionError(self, f"Failed to establish a new connection: {error}")  # type: ignore[arg-type]


def _guard(session: requests.Session, allow: frozenset[str]) -> requests.Session:
    """`session`, its http and https requests going through vetted connections only, and no proxy (set up once
    per session and allow-list: every URL of a run shares its connections)."""
    if getattr(session, "vetted_for", None) == allow:
        return session

    class Http(_Vetting, HTTPConnection):
        pass

    class Https(_Vetting, HTTPSConnection):
        pass

    Http.allow = Https.allow = allow

    class HttpPool(HTTPConnectionPool):
        ConnectionCls = Http

    class HttpsPool(HTTPSConnectionPool):
        ConnectionCls = Https

    class Adapter(HTTPAdapter):
        def init_poolmanager(self, *args: object, **kwargs: object) -> None:
            super().init_poolmanager(*args, **kwargs)  # type: ignore[arg-type]
            self.poolmanager.pool_classes_by_scheme = {"http": HttpPool, "https": HttpsPool}

    for prefix in ("http://", "https://"):
        session.mount(prefix, Adapter())
    session.trust_env = False  # a proxy would be the address connected to: none is used
    session.vetted_for = allow  # type: ignore[attr-defined]
    return session


def _not_public(exc: BaseException) -> str | None:
    """The NotPublic reason inside a requests error, if that is what stopped it."""
    seen: BaseException | None = exc
    while seen is not None:
        for arg in getattr(seen, "args", ()):
            reason = getattr(arg, "reason", None)
            if isinstance(reason, NotPublic):
                return str(reason).split(": ", 1)[-1]
        if isinstance(seen, NotPublic):
            return str(seen).split(": ", 1)[-1]
        seen = seen.__cause__ or seen.__context__
    return None


class _HostClock:
    """Waits so that one host gets at most one request per interval."""

    def __init__(self, interval: float, sleep: Callable[[float], None]):
        self.interval = interval
        self.sleep = sleep
        self.last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = urlsplit(url).netloc
        now = time.monotonic()
        due = self.last.get(host, float("-inf")) + self.interval
        if due > now:
            self.sleep(due - now)
        self.last[host] = time.monotonic()


def _retry_after(response: requests.Response, fallback: float, ceiling: float) -> float:
    value = response.headers.get("Retry-After", "")
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = (parsedate_to_datetime(value) - datetime.now(parsedate_to_datetime(value).tzinfo)).total_seconds()
        except (TypeError, ValueError):
            seconds = fallback
    return max(0.0, min(seconds, ceiling))


def check_url(
    url: str,
    policy: Policy = Policy(),
    session: requests.Session | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: _HostClock | None = None,
) -> Result:
    """Follow `url` (GET, redirects one by one) and say what became of it. Whatever the server does, the
    URL gets a verdict: nothing escapes, and no attempt takes longer than `policy.timeout` in all."""
    session = _guard(session or _session(), policy.allow)
    clock = clock or _HostClock(policy.per_host_interval, sleep)
    result = Result(url)
    delay = policy.backoff
    for attempt in range(1, policy.retries + 2):
        result.attempts = attempt
        result.redirects = []
        limit = policy.timeout + 1.0  # each request has `timeout` between bytes; the whole attempt this
        outcome = _within(limit, lambda: _follow(url, policy, session, clock, result))
        if outcome is None:
            result.error = f"no complete answer within {limit:g} s (the server answers too slowly)"
        elif isinstance(outcome, str):
            result.error = outcome
            if outcome.startswith(("cannot follow", "more than", NOT_CONTACTED)):
                result.outcome = "broken"
                return result
        else:
            status, response, current = outcome
            result.status, result.final_url, result.error = status, current, None
            if status in RETRY_STATUSES and attempt <= policy.retries:
                wait = _retry_after(response, delay, policy.max_retry_after) if status == 429 else delay
                sleep(wait)
                delay *= 2
                continue
            if 200 <= status < 300:
                chain = [url] + [u for _, u in result.redirects]
                if any(a.startswith("https:") and b.startswith("http:") for a, b in itertools.pairwise(chain)):
                    result.outcome = "downgraded"  # the page now answers over plain http: check it by hand
                else:
                    result.outcome = "redirected" if result.permanent_redirect else "ok"
            elif status in (401, 403, 429):
                result.outcome = "blocked"  # the server answered but refuses robots: reachable, not verified
            else:
                result.outcome = "broken"
            return result
        if attempt <= policy.retries:
            sleep(delay)
            delay *= 2
    result.outcome = "broken"
    return result


def _follow(
    url: str, policy: Policy, session: requests.Session, clock: _HostClock, result: Result
) -> tuple[int, requests.Response, str] | str:
    """One attempt: the final (status, response, URL), or what went wrong in words."""
    current = url
    try:
        for _ in range(policy.max_redirects + 1):
            clock.wait(current)
            with session.get(current, timeout=policy.timeout, allow_redirects=False, stream=True) as response:
                status = response.status_code
                location = response.headers.get("Location")
                if 300 <= status < 400 and location:
                    try:
                        target = urljoin(current, location)
                        scheme = urlsplit(target).scheme
                    except ValueError:
                        return f"cannot follow the redirect to {location!r} (not a valid address)"
                    if scheme not in ("http", "https"):
                        return f"cannot follow the redirect to {target!r}"
                    current = target
                    result.redirects.append((status, current))
                    continue
                return status, response, current
        return f"more than {policy.max_redirects} redirects"
    except requests.Timeout:
        return f"no answer within {policy.timeout:g} s"
    except requests.ConnectionError as exc:
        if refused := _not_public(exc):
            after = f" (after {len(result.redirects)} redirects)" if result.redirects else ""
            return f"{NOT_CONTACTED}: {refused}{after}"
        return f"connection failed ({type(exc).__name__})"
    except (requests.RequestException, ValueError) as exc:  # a malformed address or redirect
        return f"cannot follow the redirect from {current!r} ({exc})"


def _within(seconds: float, work: Callable[[], object]) -> object:
    """`work()`, or None when it has not finished within `seconds` (a server that trickles its answer)."""
    box: list[object] = []
    worker = threading.Thread(target=lambda: box.append(work()), daemon=True)
    worker.start()
    worker.join(seconds)
    return box[0] if box else None


def _session() -> requests.Session:
    session = requests.Session()
    session.headers.update(
        {
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
            "Accept-Language": "fr,en;q=0.8",
        }
    )
    return session


class NetworkUnavailable(Exception):
    """Nothing could be reached: the checking machine is offline, not the addresses broken."""


def check_all(
    urls: Iterable[str], policy: Policy = Policy(), sleep: Callable[[float], None] = time.sleep
) -> list[Result]:
    """Check each distinct URL once, pausing between requests to the same host. Raises NetworkUnavailable
    at once when none of the first few hosts accepts a connection: then no verdict would be true."""
    wanted = list(dict.fromkeys(urls))
    hosts = list(dict.fromkeys(urlsplit(u).netloc for u in wanted))[:3]
    if len(hosts) >= 2 and not any(_reachable(host, policy) for host in hosts):
        raise NetworkUnavailable(f"none of {', '.join(hosts)} accepts a connection")
    session = _session()
    clock = _HostClock(policy.per_host_interval, sleep)
    return [check_url(u, policy, session, sleep, clock) for u in wanted]


def _reachable(netloc: str, policy: Policy) -> bool:
    """True if a TCP connection to `netloc` (host[:port], https by default) can be opened; a host that is
    not public is not tried (nor counted as unreachable: it gets its own verdict)."""
    try:
        parts = urlsplit("//" + netloc)
        port = parts.port or 443
        addresses = _vetted(parts.hostname or "", port, policy.allow)
    except ValueError:
        return True
    except OSError:
        return False
    for address in addresses:
        try:
            with socket.create_connection((address, port), timeout=min(policy.timeout, 5.0)):
                return True
        except OSError:
            continue
    return False


def report_markdown(results: list[Result], when: datetime, where: dict[str, list[str]] | None = None) -> str:
    """A Markdown table of every URL's outcome, problems first."""
    order = {"broken": 0, "downgraded": 1, "redirected": 2, "blocked": 3, "ok": 4}
    counts = {k: sum(r.outcome == k for r in results) for k in order}
    lines = [
        f"# External links checked on {when:%Y-%m-%d %H:%M} UTC",
        "",
        f"{len(results)} URLs: {counts['ok']} ok, {counts['redirected']} permanently redirected "
        f"(update the data), {counts['downgraded']} redirected to plain http (check by hand), "
        f"{counts['blocked']} refused to robots (check by hand), {counts['broken']} broken.",
        "",
        "| outcome | URL | details | written in |",
        "| --- | --- | --- | --- |",
    ]
    for r in sorted(results, key=lambda r: (order[r.outcome], r.url)):
        places = "<br>".join(markdown_text(place) for place in (where or {}).get(r.url, []))
        lines.append(f"| {r.outcome} | {markdown_text(r.url)} | {markdown_text(r.summary)} | {places} |")
    return "\n".join(lines) + "\n"


_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+")


def markdown_text(value: str) -> str:
    """`value` as inert text in a Markdown table cell of a GitHub issue: a code span, in which nothing is
    markup, HTML, a link, a mention (@name) or a reference (#12); a `|` cannot end the cell, a line break or
    an invisible character cannot start a new row or hide text (each becomes a space)."""
    text = _INVISIBLE.sub(" ", value).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}" if text.strip() else ""
