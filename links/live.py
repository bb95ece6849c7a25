"""Check external URLs against the internet, politely, and report in Markdown.

linkchecker crawls our own site; for the external addresses we need what it
does not give: Retry-After on 429, back-off on 5xx and dropped connections,
a per-host pause, the full redirect chain with permanent ones flagged, and a
Markdown report that a scheduled workflow can post as an issue.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import requests

USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 "
    "health-insurance-guide-linkcheck"
)
PERMANENT = {301, 308}
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Policy:
    """How politely and how patiently to check."""

    timeout: float = 20.0
    retries: int = 3
    backoff: float = 2.0  # seconds before the first retry, doubled each time
    max_retry_after: float = 60.0
    per_host_interval: float = 1.0  # seconds between two requests to the same host
    max_redirects: int = 10


@dataclass
class Result:
    url: str
    outcome: str = "broken"  # ok, redirected, blocked, broken
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
    """Follow `url` (GET, redirects one by one) and say what became of it."""
    session = session or _session()
    clock = clock or _HostClock(policy.per_host_interval, sleep)
    result = Result(url)
    delay = policy.backoff
    for attempt in range(1, policy.retries + 2):
        result.attempts = attempt
        result.redirects = []
        current = url
        try:
            for _ in range(policy.max_redirects + 1):
                clock.wait(current)
                with session.get(current, timeout=policy.timeout, allow_redirects=False, stream=True) as response:
                    status = response.status_code
                    location = response.headers.get("Location")
                    if 300 <= status < 400 and location:
                        current = urljoin(current, location)
                        result.redirects.append((status, current))
                        continue
                    break
            else:
                result.error = f"more than {policy.max_redirects} redirects"
                return result
        except requests.Timeout:
            result.error = f"no answer within {policy.timeout:g} s"
        except requests.ConnectionError as exc:
            result.error = f"connection failed ({type(exc).__name__})"
        else:
            result.status, result.final_url, result.error = status, current, None
            if status in RETRY_STATUSES and attempt <= policy.retries:
                wait = _retry_after(response, delay, policy.max_retry_after) if status == 429 else delay
                sleep(wait)
                delay *= 2
                continue
            if 200 <= status < 300:
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


def check_all(
    urls: Iterable[str], policy: Policy = Policy(), sleep: Callable[[float], None] = time.sleep
) -> list[Result]:
    """Check each distinct URL once, pausing between requests to the same host."""
    session = _session()
    clock = _HostClock(policy.per_host_interval, sleep)
    return [check_url(u, policy, session, sleep, clock) for u in dict.fromkeys(urls)]


def report_markdown(results: list[Result], when: datetime, where: dict[str, list[str]] | None = None) -> str:
    """A Markdown table of every URL's outcome, problems first."""
    order = {"broken": 0, "redirected": 1, "blocked": 2, "ok": 3}
    counts = {k: sum(r.outcome == k for r in results) for k in order}
    lines = [
        f"# External links checked on {when:%Y-%m-%d %H:%M} UTC",
        "",
        f"{len(results)} URLs: {counts['ok']} ok, {counts['redirected']} permanently redirected "
        f"(update the data), {counts['blocked']} refused to robots (check by hand), {counts['broken']} broken.",
        "",
        "| outcome | URL | details | written in |",
        "| --- | --- | --- | --- |",
    ]
    for r in sorted(results, key=lambda r: (order[r.outcome], r.url)):
        places = "<br>".join((where or {}).get(r.url, []))
        lines.append(f"| {r.outcome} | {r.url} | {r.summary.replace('|', '/')} | {places} |")
    return "\n".join(lines) + "\n"
