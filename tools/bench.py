"""Measure: a clean build's time, our layer's cost as a ratio, and each page's weight on first load.

Usage: python -m tools.bench   (writes build/bench.md too)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from render.site import STORAGE_KEY
from tools.build import build
from web.config import raw_config

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 100 * 1024


def plain_config(target: Path) -> None:
    """mkdocs.yml without our layer, read with MkDocs' own YAML loader: no guide plugin (the pages keep their
    widget calls as text)."""
    config = raw_config(ROOT / "mkdocs.yml")
    config["plugins"].pop("health-insurance-guide", None)
    config.pop("watch", None)  # relative to mkdocs.yml, which this copy is not beside
    config.setdefault("extra", {})["storage_key"] = STORAGE_KEY  # what the plugin gives the head script
    config["site_url"] = "http://127.0.0.1:8000/health-insurance-guide/"
    config["docs_dir"] = str(ROOT / "content")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    target.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def timed_mkdocs(config: Path, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def page_weights(site: Path) -> list[tuple[str, int, int]]:
    """(page, HTML bytes gzip, everything gzip) on a first load in Chromium."""
    from tools.browser import chromium_path, launch_chromium
    from tools.serve import serve_site
    from tools.weight import load_page

    if chromium_path() is None:
        print("Chromium is missing: page weights skipped (apt-get install chromium)", file=sys.stderr)
        return []
    pages = sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
    )
    rows = []
    with serve_site(site) as base, launch_chromium() as browser:
        for path in pages:
            load = load_page(browser, base + path)
            html = next(size for url, _, size in load.responses if url == base + path)
            rows.append((path or "/", html, load.transferred))
    return rows


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        timings: dict[str, float] = {}
        start = time.perf_counter()
        build(ROOT, tmp_path / "site", timings)
        total = time.perf_counter() - start
        plain = tmp_path / "plain.yml"
        plain_config(plain)
        plain_time = min(timed_mkdocs(plain, tmp_path / f"plain{i}") for i in range(2))
        site_time = min(timed_mkdocs(ROOT / "mkdocs.yml", tmp_path / f"full{i}") for i in range(2))
        weights = page_weights(tmp_path / "site")
        pdfs = sorted((tmp_path / "site" / "handouts").glob("*.pdf"))
        lines = [
            "# Build and page weight",
            "",
            f"- Clean build (data check, site, {len(pdfs)} PDFs, offline copy): **{total:.1f} s** "
            f"({', '.join(f'{k} {v:.1f} s' for k, v in timings.items())})",
            f"- Site alone, with the guide's plugin: {site_time:.2f} s; the same pages without it: "
            f"{plain_time:.2f} s; ratio **{site_time / plain_time:.2f}**",
            f"- PDFs: {sum(p.stat().st_size for p in pdfs) / 1024:.0f} KiB in all",
            "",
        ]
        if weights:
            lines += ["| page | HTML (gzip) | first load (gzip) | budget |", "| --- | ---: | ---: | --- |"]
            for path, html, everything in weights:
                lines.append(
                    f"| {path} | {html / 1024:.1f} KiB | {everything / 1024:.1f} KiB | "
                    f"{'ok' if everything < BUDGET else 'OVER'} |"
                )
        report = "\n".join(lines) + "\n"
    print(report)
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "bench.md").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
