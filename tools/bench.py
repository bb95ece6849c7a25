"""Measure: a clean build's time by part, our layer's cost against plain Material, and each page's weight.

Usage: python -m tools.bench [--runs 3] [--tests]   (`make bench`; writes build/bench.md too)

- the clean build (`python -m tools.build`, a new process each time), median of the runs, split by part as
  the build reports it (pages, PDFs beside them, offline copy) and its slowest pages; its CPU time, and so the
  least time any build of the same work could take on this machine's cores;
- the site alone against a fair baseline: the same Markdown, widgets already rendered, built by plain
  MkDocs and Material with its own search plugin, the same theme overrides and languages but without the
  guide's plugin;
- each page's weight on a first load in Chromium (gzip, as a server sends it), against the budget;
- what each language's first search fetches (the search script and the part of the index it needs);
- with --tests, the test suite's wall and CPU time (`make test` without the linter; every process counted,
  Chromium's included), and how busy the processors were meanwhile (near 100 %: more workers cannot make
  it faster, only less work can).

The CPU figures count every process the command started, those it left behind included (this process adopts
them, Linux's child subreaper).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from guide.content import ASSETS, CONTENT
from handouts.engine import CACHE_VARIABLE
from render.palette import university_css
from render.site import SEARCH_BUNDLE, SEARCH_SCRIPT, UNIVERSITY_CSS
from web.config import project_at, raw_config
from web.options import QUICK, RENDERED_MARKDOWN
from web.scripts import head_script, write_scripts
from web.timings import BuildTimings

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 70 * 1024  # bytes, gzip, on a first load


def adopt_orphans() -> None:
    """Make this process the reaper of every process its children leave behind (Linux): Chromium's renderers and
    the like, orphaned when their parent ends, then count in children_cpu() once reaped."""
    with contextlib.suppress(OSError, AttributeError):  # elsewhere the figure misses what orphans used
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def reap() -> None:
    """Wait for every ended process adopted so far, so that its CPU time is counted."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def children_cpu() -> float:
    """CPU seconds (user and system) of every process started from here that has ended, orphans included."""
    reap()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall time, CPU time (its own processes included) and output of a command run in the project folder."""
    start, cpu = time.perf_counter(), children_cpu()
    result = subprocess.run(
        command, cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {})), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - start, children_cpu() - cpu, result.stdout + result.stderr


def build_parts(timings: dict) -> str:
    """What `tools.build --timings` wrote, as one line: the whole build, then its parts."""
    parts = BuildTimings(**{k: v for k, v in timings.items() if k != "seconds"}).parts()
    return f"site, handouts and offline copy {timings['seconds']:.1f} s: " + "; ".join(parts)


def plain_config(target: Path, docs: Path) -> None:
    """mkdocs.yml without the guide's plugin, for pages already rendered into `docs`."""
    config = raw_config(ROOT / "mkdocs.yml")
    config["plugins"].pop("health-insurance-guide", None)
    config["plugins"] = {"search": {}, **config["plugins"]}  # Material's own search: a fair baseline has search too
    config.pop("watch", None)
    config["docs_dir"] = str(docs)
    config["site_url"] = project_at(ROOT).site_url
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config.setdefault("extra", {})["head_script"] = head_script()  # what the plugin gives the head template
    config["extra_css"] = [*config.get("extra_css", []), UNIVERSITY_CSS]
    target.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def fair_baseline(tmp: Path, runs: int) -> tuple[list[float], list[float]]:
    """(the site with the plugin, no PDFs; the same Markdown with plain Material), seconds per run."""
    docs = tmp / "rendered"
    ours = []
    for i in range(runs):
        shutil.rmtree(docs, ignore_errors=True)
        seconds, _, _ = run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp / f"ours{i}")],
            {QUICK: "true", RENDERED_MARKDOWN: str(docs)},
        )
        ours.append(seconds)
    shutil.copytree(ROOT / CONTENT / ASSETS, docs / ASSETS, dirs_exist_ok=True)
    write_scripts(docs)  # the scripts the plugin builds from browser/
    (docs / UNIVERSITY_CSS).write_text(university_css(project_at(ROOT).university), encoding="utf-8")
    config = tmp / "plain.yml"
    plain_config(config, docs)
    plain = [
        run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(tmp / f"plain{i}")])[0]
        for i in range(runs)
    ]
    return ours, plain


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


def first_search(site: Path, query: str = "carte vitale") -> list[tuple[str, int, int]]:
    """(search page, requests, gzip bytes) of what each language's first search fetches: the search script and
    the part of Pagefind's bundle it needs, over the page itself."""
    from tools.browser import chromium_path, launch_chromium
    from tools.serve import serve_site
    from tools.weight import load_page

    if chromium_path() is None:
        return []
    searches = sorted(
        p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if 'class="hig-search-page"' in p.read_text(encoding="utf-8")
    )
    rows = []
    with serve_site(site) as base, launch_chromium() as browser:
        for path in searches:
            load = load_page(browser, f"{base}{path}?q={query.replace(' ', '+')}")
            fetched = [size for url, _, size in load.responses if f"/{SEARCH_BUNDLE}/" in url or SEARCH_SCRIPT in url]
            rows.append((path, len(fetched), sum(fetched)))
    return rows


def busy_and_all() -> tuple[int, int] | None:
    """The machine's processor time so far, busy and in all, in clock ticks (None where /proc/stat is not)."""
    try:
        ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle, and waiting for the disk
    return sum(ticks) - idle, sum(ticks)


def test_suite() -> tuple[float, float, float | None]:
    """Wall and CPU seconds (every process, Chromium's included) of the test suite and the fork runs, and the share
    of the time the machine's processors were busy meanwhile, with whatever else ran."""
    start, before, ticks = time.perf_counter(), children_cpu(), busy_and_all()
    workers = ["-n", "auto", "--dist", "loadfile"]  # as the Makefile runs them
    for command in (
        [sys.executable, "-m", "pytest", "-q", *workers],
        [sys.executable, "-m", "tools.as_fork", "-q", *workers],
    ):
        subprocess.run(command, cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=True)
    after = busy_and_all()
    busy = (after[0] - ticks[0]) / (after[1] - ticks[1]) if ticks and after and after[1] > ticks[1] else None
    return time.perf_counter() - start, children_cpu() - before, busy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tests", action="store_true", help="also time the whole test suite (several minutes)")
    args = parser.parse_args(argv)
    adopt_orphans()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        builds = []
        for i in range(args.runs):
            out = tmp / f"site{i}"
            # clean: no PDF from an earlier build (handouts/engine.py keeps them by what makes them)
            timings = tmp / f"timings{i}.json"
            seconds, cpu, _ = run(
                [sys.executable, "-m", "tools.build", "--out", str(out), "--timings", str(timings)],
                {CACHE_VARIABLE: str(tmp / f"pdfs{i}")},
            )
            builds.append((seconds, build_parts(json.loads(timings.read_text(encoding="utf-8"))), cpu, out))
        builds.sort()
        median_time, median_parts, median_cpu, site = builds[len(builds) // 2]  # the median run's site is weighed
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        warm, warm_cpu, _ = run([sys.executable, "-m", "tools.build", "--out", str(tmp / "warm")])
        ours, plain = fair_baseline(tmp, args.runs)
        zip_size = (site / "health-insurance-guide-offline.zip").stat().st_size
        pdfs = sorted((site / "handouts").glob("*.pdf"))
        weights = page_weights(site)
        searches = first_search(site)
        lines = [
            "# Build and page weight",
            "",
            f"- Clean build (`python -m tools.build`, a new process, {args.runs} runs): median **{median_time:.2f} s**"
            f" (runs: {', '.join(f'{s:.2f}' for s, *_ in builds)} s)",
            f"- CPU time of that run, its processes included: {median_cpu:.1f} s on {cores} cores; so no build on this"
            f" machine can take less than {median_cpu / cores:.2f} s (that time spread evenly over the cores)",
            f"- Its parts (median run): {median_parts}",
            f"- The same build with its PDFs kept from before (`make check`, then `make build`): "
            f"{warm:.2f} s, {warm_cpu:.1f} s CPU",
            f"- Site alone (no PDFs, no offline copy): {statistics.median(ours):.2f} s with the guide's plugin; "
            f"the same rendered pages with plain Material: {statistics.median(plain):.2f} s; "
            f"ratio **{statistics.median(ours) / statistics.median(plain):.2f}**",
            f"- {len(pdfs)} PDFs: {sum(p.stat().st_size for p in pdfs) / 1024:.0f} KiB; offline zip: "
            f"{zip_size / 1024:.0f} KiB",
        ]
        if searches:
            lines.append(
                "- First search ('carte vitale'), fetched on the search page only: "
                + "; ".join(f"{path} {n} requests, {size / 1024:.1f} KiB gzip" for path, n, size in searches)
            )
        if args.tests:
            wall, cpu, busy = test_suite()
            lines.append(
                f"- Test suite and fork runs: {wall:.0f} s wall, {cpu:.0f} s CPU"
                + (f"; the processors were busy {busy:.0%} of the time" if busy is not None else "")
            )
        lines.append("")
        if weights:
            over = [w for w in weights if w[2] > BUDGET]
            lines += [
                f"Pages over the {BUDGET // 1024} KiB first-load budget: {len(over)} of {len(weights)}.",
                "",
                "| page | HTML (gzip) | first load (gzip) | budget |",
                "| --- | ---: | ---: | --- |",
            ]
            for path, html, everything in sorted(weights, key=lambda w: -w[2]):
                lines.append(
                    f"| {path} | {html / 1024:.1f} KiB | {everything / 1024:.1f} KiB | "
                    f"{'ok' if everything <= BUDGET else 'OVER'} |"
                )
        report = "\n".join(lines) + "\n"
    print(report)
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "bench.md").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
