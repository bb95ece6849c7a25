"""How long each part of a build took: data the plugin keeps and `make bench` reads (tools/build.py writes it as
JSON), never text parsed back from the log."""

from __future__ import annotations

import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field


def children_cpu() -> float:
    """CPU seconds of the child processes ended so far (Pagefind's)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


@dataclass
class BuildTimings:
    """Seconds, unless named otherwise. `pdfs` and `pdfs_cpu` ran in a thread beside the pages; `pdfs_waited`
    is what the build waited for them once the pages were done."""

    pages: float = 0.0
    page_seconds: dict[str, float] = field(default_factory=dict)  # page source -> this plugin's time on it
    search: float = 0.0
    search_cpu: float = 0.0
    lighter: float = 0.0  # the theme's stylesheets pruned, our scripts and styles minified
    css_before: int = 0  # bytes
    css_after: int = 0
    pdfs: float = 0.0
    pdfs_cpu: float = 0.0
    pdfs_waited: float = 0.0
    offline: float = 0.0

    def slowest(self, count: int = 5) -> list[tuple[str, float]]:
        return sorted(self.page_seconds.items(), key=lambda item: -item[1])[:count]

    @contextmanager
    def page(self, source: str) -> Iterator[None]:
        """Add the time spent inside to the page's."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.page_seconds[source] = self.page_seconds.get(source, 0.0) + time.perf_counter() - start

    def parts(self) -> list[str]:
        """The parts, as `tools.build` prints them."""
        slowest = ", ".join(f"{p} {t * 1000:.0f} ms" for p, t in self.slowest())
        return [
            f"pages {self.pages:.2f} s; slowest: {slowest}",
            f"theme stylesheets pruned from {self.css_before} to {self.css_after} bytes and our styles "
            f"minified {self.lighter:.2f} s; search index {self.search:.2f} s (its CPU {self.search_cpu:.2f} s); "
            f"PDFs {self.pdfs:.2f} s (their CPU {self.pdfs_cpu:.2f} s, in a thread beside the pages; "
            f"{self.pdfs_waited:.2f} s more waited for them); offline copy {self.offline:.2f} s",
        ]

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
