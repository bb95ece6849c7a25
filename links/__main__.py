"""Command line: `python -m links check` checks every external address of the data against the internet.

It writes a Markdown report (build/linkcheck-report.md by default) and exits 1 when an address is broken or
now redirects to plain http, 3 when the network is unavailable (nothing could be checked).
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from .collect import data_urls
from .live import NetworkUnavailable, check_all, report_markdown

ROOT = Path(__file__).resolve().parent.parent
NETWORK_DOWN = 3  # distinct from 1 (an address is broken): the machine is offline, not the guide wrong


def check(project: Path, report: Path) -> int:
    """Check every external URL of `project`'s data; write `report`; 0 when none is broken."""
    where: dict[str, list[str]] = {}
    for found in data_urls(project):
        where.setdefault(found.url, []).append(found.where)
    report.parent.mkdir(parents=True, exist_ok=True)
    try:
        results = check_all(where)
    except NetworkUnavailable as exc:
        message = f"Network unavailable: {exc}. Nothing was checked; run the check where there is internet."
        report.write_text(f"# External links not checked\n\n{message}\n", encoding="utf-8")
        print(message, file=sys.stderr)
        return NETWORK_DOWN
    report.write_text(report_markdown(results, datetime.now(UTC), where), encoding="utf-8")
    broken = [r for r in results if r.outcome in ("broken", "downgraded")]
    for r in results:
        if r.outcome != "ok":
            print(f"{r.outcome}: {r.url}: {r.summary}")
    print(f"{len(results)} addresses checked, {len(broken)} broken; report in {report}")
    return 1 if broken else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m links", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="check every external address of the data live")
    p_check.add_argument("--project", type=Path, default=ROOT)
    p_check.add_argument("--report", type=Path, default=ROOT / "build" / "linkcheck-report.md")
    args = parser.parse_args(argv)
    return check(args.project, args.report)


if __name__ == "__main__":
    sys.exit(main())
