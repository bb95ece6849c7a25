"""Make the handouts' fonts (handouts/fonts/): DejaVu Sans and its bold, every glyph kept, hinting and glyph names
removed, the name table cut to its usual records (copyright, names, version).

Typst keeps in the subsets it embeds a font's TrueType hinting and glyph names, which no reader of a PDF uses:
without them, each handout's fonts weigh about half as much, and each PDF about a tenth less.
Run once, when the fonts change:

    python -m tools.fonts /usr/share/fonts/truetype/dejavu   (Debian's fonts-dejavu-core, version 2.37)

It needs fontTools (`pip install fonttools`), which nothing else of the guide uses.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FONTS = ("DejaVuSans", "DejaVuSans-Bold")
TARGET = Path(__file__).resolve().parent.parent / "handouts" / "fonts"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    source = Path(argv[0])
    for name in FONTS:
        subprocess.run(
            [
                *(sys.executable, "-m", "fontTools.subset", str(source / f"{name}.ttf")),
                *("--unicodes=*", "--glyphs=*", "--no-hinting", "--layout-features=*", "--legacy-kern"),
                *("--notdef-outline", "--notdef-glyph", "--recommended-glyphs"),
                f"--output-file={TARGET / f'{name}.ttf'}",
            ],
            check=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
