"""The joiner of the browser code (web/scripts.py): a script and the modules it imports become one function,
each module once and after those it imports, with the site's constants and without the functions it never
calls; what it cannot read stops the build with the file, and the licence of a vendored library is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from web.scripts import BROWSER, ScriptError, joined, vendored, without_unused_functions


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_script_and_its_modules_become_one_function_each_module_once_after_those_it_imports(tmp_path):
    folder = write(
        tmp_path,
        {
            "lib/a.js": "export var A = 1;\n",
            "lib/b.js": 'import { A } from "./a.js";\nexport function b() {\n  return A + 1;\n}\n',
            "main.js": 'import { A } from "./lib/a.js";\nimport { b } from "./lib/b.js";\nsay(KEY, A, b());\n',
        },
    )
    script = joined("main.js", {"KEY": "k"}, folder)
    assert "import" not in script and "export" not in script
    assert script.count("var A = 1;") == 1
    assert script.index("var A = 1;") < script.index("function b()") < script.index("say(KEY")
    assert script.startswith('(function () {\n"use strict";\nvar KEY = "k";\n')


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"main.js": 'import { nope } from "./lib/a.js";\n', "lib/a.js": "export var A = 1;\n"},
            "a.js exports no nope",
        ),
        ({"main.js": 'import { A } from "./lib/missing.js";\n'}, "main.js: no module"),
        ({"main.js": "export default 1;\n"}, "main.js:1: 'export default 1;'"),
        ({"main.js": 'import * as all from "./lib/a.js";\n'}, "main.js:1: 'import * as all"),
        ({"main.js": 'import { A as B } from "./lib/a.js";\n', "lib/a.js": "export var A = 1;\n"}, "no 'as'"),
        (
            {"main.js": 'import { A } from "./lib/a.js";\nvar A = 2;\n', "lib/a.js": "export var A = 1;\n"},
            "'A' is declared by",
        ),
        ({"main.js": "var KEY = 2;\n"}, "'KEY' is declared by the build"),
        ({"main.js": 'import { A } from "./lib/a.js";\n', "lib/a.js": 'import { B } from "../main.js";\n'}, "itself"),
    ],
    ids=[
        "unknown-name",
        "missing-module",
        "export-default",
        "namespace-import",
        "renamed",
        "twice",
        "constant",
        "cycle",
    ],
)
def test_what_the_joiner_cannot_read_is_named_with_its_file(tmp_path, files, message):
    with pytest.raises(ScriptError, match=message.replace("*", r"\*").replace("(", r"\(")):
        joined("main.js", {"KEY": "k"}, write(tmp_path, files))


def test_functions_nothing_calls_are_left_out_and_those_called_stay():
    used = "function used() {\n  return helper();\n}\n"
    helper = "function helper() {\n  return 1;\n}\n"
    unused = "function unused() {\n  return helper();\n}\n"
    assert without_unused_functions(used + helper + unused + "used();\n") == used + helper + "used();\n"
    assert without_unused_functions("function m() {\n}\nobj.m();\n") == "obj.m();\n"


def test_the_vendored_library_is_minified_with_its_licence_kept():
    source = (BROWSER / "vendor" / "qrcode-generator-2.0.4.js").read_text(encoding="utf-8")
    small = vendored("vendor/qrcode-generator-2.0.4.js")
    assert len(small) < len(source) * 0.7
    assert small.startswith("/*! QR Code Generator for JavaScript\n * Copyright (c) 2009 Kazuhiko Arase")
    assert "MIT license" in small.split("*/", 1)[0]
