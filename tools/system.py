"""What the computer itself must have before `make build` or `make test` can set the rest up, said in one line each
with the command that installs it (Debian/Ubuntu, macOS). Run by the Makefile with the system's Python, before
.venv exists: the standard library only.

Usage: python3 tools/system.py build|test   (exit 1, and one line per missing package, when something is missing)
"""

from __future__ import annotations

import os
import platform
import shutil
import sys

MAC = platform.system() == "Darwin"
MAC_BROWSERS = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)


def install(debian: str, mac: str) -> str:
    return f"brew install {mac}" if MAC else f"sudo apt-get install {debian}"


def has_venv() -> bool:
    """Whether this Python can make a virtual environment with pip (Debian splits that into python3-venv)."""
    try:
        import ensurepip  # noqa: F401
        import venv  # noqa: F401
    except ImportError:
        return False
    return True


def browser() -> str | None:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return found or next((path for path in MAC_BROWSERS if MAC and os.path.exists(path)), None)


def missing(target: str) -> list[str]:
    """One line per thing `make <target>` needs that this computer lacks."""
    lines = []
    if sys.version_info < (3, 11):  # noqa: UP036 - run by the system's Python, whatever its version
        lines.append(
            f"Python 3.11 or newer is needed (this is {platform.python_version()}): "
            + install("python3.11 python3.11-venv", "python@3.11")
            + ", then run make with PYTHON3=python3.11"
        )
    elif not has_venv():
        version = f"{sys.version_info.major}.{sys.version_info.minor}"
        lines.append(f"Python's venv module is missing: {install(f'python{version}-venv', 'python@' + version)}")
    if target == "test":
        if browser() is None:
            lines.append(
                "Chromium is missing (the browser tests): "
                + (
                    "brew install --cask chromium, or set CHROMIUM to Chrome's path"
                    if MAC
                    else "sudo apt-get install chromium"
                )
            )
        if shutil.which("pdftoppm") is None:
            lines.append(
                f"pdftoppm is missing (the tests read the QR codes of the PDFs): {install('poppler-utils', 'poppler')}"
            )
        if shutil.which("openssl") is None:
            lines.append(f"openssl is missing (the link checker's https test): {install('openssl', 'openssl')}")
    return lines


def main(argv: list[str]) -> int:
    if argv not in (["build"], ["test"]):
        print(__doc__, file=sys.stderr)
        return 2
    lines = missing(argv[0])
    for line in lines:
        print(line, file=sys.stderr)
    if shutil.which("git") is None:  # the build goes on: the 'what changed' page says its record is unavailable
        print(f"Note: git is missing, so the 'what changed' page will have no record: {install('git', 'git')}")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
