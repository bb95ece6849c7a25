"""Screenshot built pages in headless Chromium, served under the site_url path.

Usage: python tools/screenshot.py OUT_DIR PAGE [PAGE ...] [--width 390 --height 844]
PAGE is a path below the site root, such as '' or 'en/inscription/'.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tools.browser import launch_chromium
from tools.serve import serve_site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--width", type=int, default=390)
    parser.add_argument("--height", type=int, default=844)
    parser.add_argument("--full", action="store_true", help="capture the full page")
    parser.add_argument("--dark", action="store_true", help="use the dark colour scheme")
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site to serve")
    parser.add_argument("--prefix", default=None, help="URL path the site is served under (default: from site_url)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with serve_site(args.site, args.prefix) as base, launch_chromium() as browser:
        page = browser.new_page(
            viewport={"width": args.width, "height": args.height},
            color_scheme="dark" if args.dark else "light",
        )
        for path in args.pages:
            page.goto(base + path)
            name = (path.strip("/").replace("/", "_") or "home") + f"_{args.width}.png"
            page.screenshot(path=str(args.out / name), full_page=args.full)
            print(args.out / name)


if __name__ == "__main__":
    main()
