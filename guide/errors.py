"""Problems found in a data file, reported one line each."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file: where it is and what is wrong."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        path = f" {self.path}:" if self.path else ""
        return f"{where}:{path} {self.message}"


class DataError(Exception):
    """Raised when a data file cannot be used; holds every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, with a count."""
        lines = [str(p) for p in self.problems]
        count = len(self.problems)
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; nothing was built.")
        return "\n".join(lines)


def format_path(path: tuple[str | int, ...]) -> str:
    """Render a data path like ('steps', 2, 'title') as 'steps[2].title'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


FORK_HINT = (
    "If data/university.yaml passed before you pulled upstream's changes, CHANGELOG.md says what changed for "
    "forks (its lines 'For forks')."
)


def fork_hint(problems: list[Problem]) -> str | None:
    """Where a university whose own file stopped passing finds why, when one of `problems` is in that file."""
    return FORK_HINT if any(p.file.endswith("university.yaml") for p in problems) else None
