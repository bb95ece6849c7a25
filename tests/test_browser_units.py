"""The browser code's own tests (browser/tests/*.test.js), each run as a test of the suite in the Chromium the
suite already starts: every `export function test_...` of a test module is called, and fails with the message
its check threw. The modules are served as they are written, as ES modules, so what is tested is the source;
the joined and minified scripts are tested on the built site by the other browser tests."""

from __future__ import annotations

import re

import pytest

from web.scripts import BROWSER

pytestmark = pytest.mark.browser

TESTS = BROWSER / "tests"
TEST_FUNCTION = re.compile(r"^export function (test_\w+)\(", re.M)


def js_tests() -> list[tuple[str, str]]:
    return [
        (file.name, name)
        for file in sorted(TESTS.glob("*.test.js"))
        for name in TEST_FUNCTION.findall(file.read_text(encoding="utf-8"))
    ]


def test_every_test_module_holds_tests():
    assert js_tests(), "no test in browser/tests/"
    assert {f.name for f in TESTS.glob("*.test.js")} == {file for file, _ in js_tests()}


@pytest.mark.parametrize(("file", "name"), js_tests(), ids=[f"{f}::{n}" for f, n in js_tests()])
def test_browser_module(modules, file: str, name: str):
    error = modules.evaluate(
        """async ([file, name]) => {
            const module = await import("./" + file);
            try { await module[name](); return null; } catch (e) { return String(e && e.stack || e); }
        }""",
        [file, name],
    )
    assert error is None, error
