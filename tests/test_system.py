"""`make build` and `make test` say which system package is missing, with the command that installs it."""

from __future__ import annotations

import shutil

from tools import system


def test_a_missing_tool_is_named_with_the_command_that_installs_it(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(system, "MAC", False)
    lines = system.missing("test")
    assert any("Chromium" in line and "apt-get install chromium" in line for line in lines), lines
    assert any("pdftoppm" in line and "apt-get install poppler-utils" in line for line in lines), lines
    assert not system.missing("build")  # building needs no tool of the system but Python
    monkeypatch.setattr(system, "MAC", True)
    monkeypatch.setattr(system.os.path, "exists", lambda path: False)
    assert any("brew install poppler" in line for line in system.missing("test"))


def test_nothing_is_missing_where_the_tests_run():
    assert system.missing("build") == []
