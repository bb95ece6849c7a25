"""What a reader sees of a control, measured in the browser by looks.js: focus rings, text contrast, targets."""

from __future__ import annotations

from pathlib import Path

LOOKS = (Path(__file__).parent / "looks.js").read_text(encoding="utf-8").split("*/", 1)[1].strip()

FOCUS_JS = f"() => ({LOOKS}).focus()"
TARGETS_JS = f"() => ({LOOKS}).targets()"
TEXT_CONTRAST_JS = f"(el) => ({LOOKS}).textContrast(el)"
