"""Lighthouse (mobile) on built pages served with gzip on 127.0.0.1: the median of several runs per page.

Usage: python -m tools.lighthouse [--site site] [--runs 3] PAGE [PAGE ...]   (PAGE: '' or 'parcours/non-eu/')

Lighthouse is npm's `lighthouse` (not a dependency of the guide): put it on PATH (`npm install -g
lighthouse`) or name it with LIGHTHOUSE=/path/to/lighthouse. It drives the system's Chromium.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.browser import CHROMIUM_ARGS, chromium_path
from tools.serve import serve_site

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
AUDITS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")


def lighthouse(url: str, out: Path) -> dict:
    binary = os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse")
    if not binary:
        raise SystemExit("lighthouse is missing: npm install -g lighthouse, or set LIGHTHOUSE")
    flags = " ".join(a for a in CHROMIUM_ARGS if a != "--headless") + " --headless=new"
    subprocess.run(
        [
            binary,
            url,
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={flags}",
        ],
        env=dict(os.environ, CHROME_PATH=chromium_path() or ""),
        check=True,
        capture_output=True,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.lighthouse", description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print("| page | " + " | ".join(CATEGORIES) + " | FCP | LCP | TBT | CLS |")
    print("| --- " * (len(CATEGORIES) + 5) + "|")
    with serve_site(args.site, compress=True) as base, tempfile.TemporaryDirectory() as tmp:
        for page in args.pages:
            reports = [lighthouse(base + page, Path(tmp) / f"{i}.json") for i in range(args.runs)]
            scores = [statistics.median(r["categories"][c]["score"] * 100 for r in reports) for c in CATEGORIES]
            values = [statistics.median(r["audits"][a]["numericValue"] for r in reports) for a in AUDITS]
            print(
                f"| /{page} | "
                + " | ".join(f"{s:.0f}" for s in scores)
                + f" | {values[0] / 1000:.1f} s | {values[1] / 1000:.1f} s | {values[2]:.0f} ms | {values[3]:.3f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
