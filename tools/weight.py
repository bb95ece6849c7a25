"""What a page costs a reader on first load: every response, gzip-compressed as a server would send it."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field


@dataclass
class Load:
    """The requests one page load made, with their status and compressed size."""

    responses: list[tuple[str, int, int]] = field(default_factory=list)  # url, status, gzip bytes
    failures: list[str] = field(default_factory=list)

    @property
    def transferred(self) -> int:
        return sum(size for _, _, size in self.responses)


def load_page(browser, url: str, *, color_scheme: str = "light") -> Load:
    """Open `url` in a fresh context (empty cache) and record what it fetches until the network is idle."""
    context = browser.new_context(color_scheme=color_scheme)
    page = context.new_page()
    record = Load()

    def on_response(response) -> None:
        try:
            body = response.body()
        except Exception:  # a response without a body (a redirect, say)
            body = b""
        record.responses.append((response.url, response.status, len(gzip.compress(body, 6)) if body else 0))
        if response.status >= 400:
            record.failures.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    page.on("requestfailed", lambda request: record.failures.append(f"failed {request.url}"))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    context.close()
    return record
