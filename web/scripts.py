"""The site's scripts, built from browser/: each page script is a small ES module that imports what it needs
from browser/lib/; the build joins a script and its modules into one function (no loader, no request more),
sets the constants the site decides (the storage key), and minifies it. The head script is inlined in every
page (overrides/partials/hig-head.html); the others become files of the site, as the vendored QR generator
does, minified too with its licence kept.

The modules keep to what this joiner reads: `import { a, b } from "./lib/x.js";` lines, and `export` before a
top-level `function` or `var`. Two modules declaring the same top-level name is an error, since the joined
modules share one scope.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import rjsmin

from render.site import CHECKLIST_SCRIPT, CHOOSER_SCRIPT, OFFLINE_SCRIPT, REMINDERS_SCRIPT, SEARCH_SCRIPT, STORAGE_KEY

BROWSER = Path(__file__).resolve().parent.parent / "browser"
HEAD = "head.js"
# Site path -> its source in browser/.
SOURCES = {
    CHECKLIST_SCRIPT: "checklist.js",
    CHOOSER_SCRIPT: "chooser.js",
    OFFLINE_SCRIPT: "offline.js",
    REMINDERS_SCRIPT: "reminders.js",
    SEARCH_SCRIPT: "search.js",
}
QR_LIBRARY = "vendor/qrcode-generator-2.0.4.js"
VENDORED = {f"assets/{QR_LIBRARY}": QR_LIBRARY}
CONSTANTS = {"STORAGE_KEY": STORAGE_KEY}  # what the site decides, set for every script

IMPORT = re.compile(r'^import \{([^}]*)\} from "([^"]+)";[ \t]*\n', re.M)
# Any other import or export: not for this joiner (a dynamic `import(...)` is the browser's, and stays).
UNREAD = re.compile(r"^[ \t]*(?:import\b(?!\s*\()|export\b(?! (?:function|var) ))[^\n]*", re.M)
EXPORT = re.compile(r"^export (?=(?:function|var) )", re.M)
EXPORTED = re.compile(r"^export (?:function|var) ([A-Za-z_$][\w$]*)", re.M)
DECLARED = re.compile(r"^(?:export )?(?:function|var) ([A-Za-z_$][\w$]*)", re.M)
# A top-level function, from its first line to the `}` that ends it at the start of a line (as every module of
# browser/ is written): the joiner leaves out those nothing calls.
TOP_FUNCTION = re.compile(r"^function ([A-Za-z_$][\w$]*)\(.*?^\}\n", re.M | re.S)
LEADING_COMMENTS = re.compile(r"\A(?:[ \t]*//[^\n]*\n)+")


class ScriptError(ValueError):
    """A script of browser/ this joiner cannot read; the message names the file and the line."""


@dataclass(frozen=True)
class Module:
    path: Path
    source: str
    imports: tuple[tuple[Path, tuple[str, ...]], ...]  # (module, the names taken from it)

    @property
    def declared(self) -> list[str]:
        return DECLARED.findall(self.source)

    @property
    def exported(self) -> set[str]:
        return set(EXPORTED.findall(self.source))

    def joined(self) -> str:
        """The module's code as it goes into the joined script: no import line, no `export`."""
        return EXPORT.sub("", IMPORT.sub("", self.source))


def _shown(path: Path) -> str:
    """A file as a message names it: below the project (browser/lib/x.js) when it is the project's."""
    return str(path.relative_to(BROWSER.parent)) if path.is_relative_to(BROWSER.parent) else str(path)


def _where(path: Path, source: str, index: int) -> str:
    return f"{_shown(path)}:{source.count(chr(10), 0, index) + 1}"


def read_module(path: Path) -> Module:
    source = path.read_text(encoding="utf-8")
    imports = []
    for match in IMPORT.finditer(source):
        names = tuple(n.strip() for n in match.group(1).split(",") if n.strip())
        if any(not re.fullmatch(r"[A-Za-z_$][\w$]*", n) for n in names):
            raise ScriptError(f"{_where(path, source, match.start())}: import plain names only (no 'as')")
        imports.append(((path.parent / match.group(2)).resolve(), names))
    rest = IMPORT.sub(lambda m: "\n", source)
    if unread := UNREAD.search(rest):
        raise ScriptError(
            f"{_where(path, rest, unread.start())}: '{unread.group(0).strip()}': write "
            '`import { a } from "./lib/x.js";`, or `export` before a top-level function or var'
        )
    return Module(path, source, tuple(imports))


def _ordered(entry: Path) -> list[Module]:
    """`entry` and every module it imports, each once, a module after those it imports."""
    read: dict[Path, Module] = {}  # in the order they go into the script

    def visit(path: Path, chain: tuple[Path, ...]) -> Module:
        if path in chain:
            raise ScriptError(f"{_shown(path)}: imports itself through {len(chain)} modules")
        if path in read:
            return read[path]
        if not path.is_file():
            named = f"no module {_shown(path)}"
            raise ScriptError(f"{_shown(chain[-1])}: {named}" if chain else named)
        module = read_module(path)
        for dependency, names in module.imports:
            if missing := [n for n in names if n not in visit(dependency, (*chain, path)).exported]:
                raise ScriptError(f"{_shown(path)}: {dependency.name} exports no {', '.join(missing)}")
        read[path] = module
        return module

    visit(entry.resolve(), ())
    return list(read.values())


def joined(entry: str, constants: dict[str, str] = CONSTANTS, folder: Path = BROWSER) -> str:
    """The script `entry` (a file of `folder`, browser/) with its modules, in one function, readable."""
    modules = _ordered(folder / entry)
    declared: dict[str, Path] = {}
    for module in modules:
        for name in module.declared:
            if name in declared or name in constants:
                other = declared.get(name)
                raise ScriptError(
                    f"{_shown(module.path)}: '{name}' is declared"
                    + (f" by {_shown(other)} too" if other else " by the build (a constant)")
                    + ": the joined modules share one scope"
                )
            declared[name] = module.path
    prelude = "".join(f"var {name} = {json.dumps(value)};\n" for name, value in constants.items())
    body = without_unused_functions("\n".join(module.joined().strip() + "\n" for module in modules))
    return f'(function () {{\n"use strict";\n{prelude}{body}}})();\n'


def without_unused_functions(code: str) -> str:
    """`code` without the top-level functions it never names elsewhere (a module's export this script does not
    use), until none is left."""
    while True:
        for match in TOP_FUNCTION.finditer(code):
            rest = code[: match.start()] + code[match.end() :]
            if not re.search(rf"(?<![\w$.]){re.escape(match.group(1))}(?![\w$])", rest):
                code = rest
                break
        else:
            return code


@cache
def built(entry: str) -> str:
    """The script `entry`, joined and minified."""
    return rjsmin.jsmin(joined(entry))


def head_script() -> str:
    """The script every page's head runs, minified, for overrides/partials/hig-head.html."""
    return built(HEAD)


@cache
def vendored(name: str) -> str:
    """A vendored library minified, its leading licence comment kept (as a /*! */ comment)."""
    source = (BROWSER / name).read_text(encoding="utf-8")
    licence = LEADING_COMMENTS.match(source)
    header = ""
    if licence:
        kept = [line.strip().lstrip("/").strip() for line in licence.group(0).splitlines()]
        header = "/*! " + "\n * ".join(line for line in kept if line and set(line) != {"-"}) + " */\n"
        source = source[licence.end() :]
    return header + rjsmin.jsmin(source)


def site_scripts() -> dict[str, str]:
    """Every script file of the site: site path -> minified text."""
    return {
        **{path: built(entry) for path, entry in SOURCES.items()},
        **{path: vendored(name) for path, name in VENDORED.items()},
    }


def write_scripts(site: Path) -> None:
    """The script files into a site folder (a build without the plugin, `make bench`'s baseline)."""
    for path, text in site_scripts().items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
