"""Live reachability of every external URL of the data (needs the internet: `make linkcheck`)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from links.collect import data_urls
from links.live import check_all, report_markdown

ROOT = Path(__file__).resolve().parent.parent
REPORT = Path(os.environ.get("LINKCHECK_REPORT", ROOT / "build" / "linkcheck-report.md"))
STATUS = ROOT / "data" / "links-checked.yaml"


@pytest.mark.network
def test_every_external_url_of_the_data_is_reachable():
    found = data_urls(ROOT)
    where: dict[str, list[str]] = {}
    for f in found:
        where.setdefault(f.url, []).append(f.where)
    results = check_all(where)
    now = datetime.now(UTC)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(report_markdown(results, now, where), encoding="utf-8")
    broken = [r for r in results if r.outcome == "broken"]
    STATUS.write_text(
        "# Written by `make linkcheck`: when the external links were last checked live, and the outcome.\n"
        + yaml.safe_dump({"checked": now.strftime("%Y-%m-%d"), "urls": len(results), "broken": len(broken)}),
        encoding="utf-8",
    )
    redirected = [r.url for r in results if r.outcome == "redirected"]
    if redirected:
        import warnings

        warnings.warn(f"permanently redirected, update the data: {redirected}", stacklevel=1)
    assert not broken, f"see {REPORT}:\n" + "\n".join(f"{r.url}: {r.summary}" for r in broken)
