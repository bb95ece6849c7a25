# Two commands on a fresh machine: `make build` and `make test`.
# Everything runs in .venv with the pinned packages of requirements.txt (and requirements-dev.txt for tests).

PYTHON3 ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python
BUILD_STAMP := $(VENV)/.build-$(shell cat requirements.txt pyproject.toml | sha1sum | cut -c1-12)
DEV_STAMP   := $(VENV)/.dev-$(shell cat requirements.txt pyproject.toml requirements-dev.txt | sha1sum | cut -c1-12)
PIP     := $(PY) -m pip install --quiet --disable-pip-version-check

.PHONY: build test test-fast check linkcheck bench serve serve-quick canary lock clean

# The pinned packages, then this project itself in editable mode (its packages and its MkDocs plugin).
$(BUILD_STAMP): requirements.txt pyproject.toml
	@command -v $(PYTHON3) >/dev/null || { echo "Missing on this computer: $(PYTHON3) (Python 3.11 or newer; README.md, Quick start)" >&2; exit 1; }
	@$(PYTHON3) tools/system.py build
	@test -x $(PY) || $(PYTHON3) -m venv $(VENV)
	$(PIP) -r requirements.txt
	$(PIP) --no-deps -e .
	@rm -f $(VENV)/.build-* && touch $@

$(DEV_STAMP): $(BUILD_STAMP) requirements-dev.txt
	$(PIP) -r requirements-dev.txt
	@rm -f $(VENV)/.dev-* && touch $@

## test-fast: for the edit loop: the linter, the unit tests, one build and a browser smoke test (well under a minute)
FAST_TESTS := tests/test_widgets.py tests/test_handout_kinds.py tests/test_layers.py tests/test_data_file.py \
  tests/test_bad_data.py tests/test_workflows.py tests/test_packaging.py tests/test_changelog.py tests/test_system.py \
  tests/test_site.py tests/test_browser_checklist.py::test_ticks_survive_a_reload_and_a_change_of_language
test-fast: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	NO_MKDOCS_2_WARNING=1 $(PY) -m pytest -n auto --dist loadfile -q $(FAST_TESTS)

## check: validate the data files and the pages, and say in plain words what is wrong (OK here means the build will pass)
check: $(BUILD_STAMP)
	@$(PY) -m web check

## build: the site, every PDF and the offline copy, into site/ (replaced only once everything succeeded)
build: $(BUILD_STAMP)
	@$(PY) -m web check
	@NO_MKDOCS_2_WARNING=1 $(PY) -m tools.build

## test: the whole offline test suite and the linter, then the data-dependent tests again as forks would run them
test: $(DEV_STAMP)
	@$(PYTHON3) tools/system.py test
	$(VENV)/bin/ruff check .
	NO_MKDOCS_2_WARNING=1 $(PY) -m pytest -n auto --dist loadfile
	NO_MKDOCS_2_WARNING=1 $(PY) -m tools.as_fork -n auto --dist loadfile

## linkcheck: check every external address against the internet (needs network); report in build/linkcheck-report.md
linkcheck: $(BUILD_STAMP)
	$(PY) -m links check

## bench: time a clean build and weigh every page; writes build/bench.md
bench: $(DEV_STAMP)
	$(PY) -m tools.bench

## canary: build the site with ProperDocs too (in a venv of its own) and say whether it differs from `make build`'s
CANARY := build/canary
canary: build
	@test -x $(CANARY)/venv/bin/python || $(PYTHON3) -m venv $(CANARY)/venv
	$(CANARY)/venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-canary.txt
	$(CANARY)/venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -rf $(CANARY)/site
	NO_MKDOCS_2_WARNING=1 $(CANARY)/venv/bin/properdocs build --strict --config-file mkdocs.yml --site-dir $(CANARY)/site
	$(PY) -m tools.canary site $(CANARY)/site

## serve: preview the site at http://127.0.0.1:8000/health-insurance-guide/ while you edit (ADDR=host:port for another)
ADDR ?= 127.0.0.1:8000
serve: $(BUILD_STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr $(ADDR)

## serve-quick: the same, without remaking the PDFs and the offline copy on every change
serve-quick: $(BUILD_STAMP)
	GUIDE_QUICK=true $(VENV)/bin/mkdocs serve --dev-addr $(ADDR)

## lock: re-pin every package, with hashes, after editing requirements*.in (needs the network; Dependabot does the same)
LOCKS := requirements requirements-dev requirements-lint requirements-canary
lock:
	rm -rf build/lock-venv && $(PYTHON3) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install --quiet --disable-pip-version-check pip-tools==7.6.2
	@# PyPI only, whatever this machine's pip is configured with, so that every hash is one that PyPI serves.
	for name in $(LOCKS); do \
	  env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL PIP_CONFIG_FILE=/dev/null build/lock-venv/bin/pip-compile --quiet \
	    --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
	    --output-file $$name.txt $$name.in || exit 1; \
	done
	rm -rf build/lock-venv

clean:
	rm -rf site build $(VENV)
