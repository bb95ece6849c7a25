# Two commands on a fresh machine: `make build` and `make test`.
# Everything runs in .venv with the pinned packages of requirements.txt (and requirements-dev.txt for tests).

PYTHON3 ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python
BUILD_STAMP := $(VENV)/.build-$(shell cat requirements.txt pyproject.toml | sha1sum | cut -c1-12)
DEV_STAMP   := $(VENV)/.dev-$(shell cat requirements.txt pyproject.toml requirements-dev.txt | sha1sum | cut -c1-12)
PIP     := $(PY) -m pip install --quiet --disable-pip-version-check

.PHONY: build test check linkcheck bench serve serve-quick lock clean

# The pinned packages, then this project itself in editable mode (its packages and its MkDocs plugin).
$(BUILD_STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON3) -m venv $(VENV)
	$(PIP) -r requirements.txt
	$(PIP) --no-deps -e .
	@rm -f $(VENV)/.build-* && touch $@

$(DEV_STAMP): $(BUILD_STAMP) requirements-dev.txt
	$(PIP) -r requirements-dev.txt
	@rm -f $(VENV)/.dev-* && touch $@

## check: validate the data files and the pages, and say in plain words what is wrong (OK here means the build will pass)
check: $(BUILD_STAMP)
	@$(PY) -m web check

## build: the site, every PDF and the offline copy, into site/ (replaced only once everything succeeded)
build: $(BUILD_STAMP)
	@$(PY) -m web check --no-slides
	@NO_MKDOCS_2_WARNING=1 $(PY) -m tools.build

## test: the whole offline test suite and the linter, then the data-dependent tests again as a fork would run them
test: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	NO_MKDOCS_2_WARNING=1 $(PY) -m pytest -n auto --dist loadfile
	NO_MKDOCS_2_WARNING=1 $(PY) -m tools.as_fork -n auto --dist loadfile

## linkcheck: check every external address against the internet (needs network); report in build/linkcheck-report.md
linkcheck: $(BUILD_STAMP)
	$(PY) -m links check

## bench: time a clean build and weigh every page; writes build/bench.md
bench: $(DEV_STAMP)
	$(PY) -m tools.bench

## serve: preview the site at http://127.0.0.1:8000/health-insurance-guide/ while you edit
serve: $(BUILD_STAMP)
	$(VENV)/bin/mkdocs serve

## serve-quick: the same, without remaking the PDFs and the offline copy on every change
serve-quick: $(BUILD_STAMP)
	GUIDE_QUICK=1 $(VENV)/bin/mkdocs serve

## lock: re-pin every package after editing requirements.in or requirements-dev.in
lock:
	rm -rf build/lock-venv && $(PYTHON3) -m venv build/lock-venv
	build/lock-venv/bin/pip install --quiet -r requirements.in
	{ echo "# Every package \`make build\` needs, pinned; generated from requirements.in by 'make lock'. Edit requirements.in."; \
	  build/lock-venv/bin/pip freeze; } > requirements.txt
	build/lock-venv/bin/pip install --quiet -r requirements-dev.in
	{ echo "# What \`make test\` adds, pinned; generated from requirements-dev.in by 'make lock'. Edit requirements-dev.in."; \
	  echo "-r requirements.txt"; build/lock-venv/bin/pip freeze | grep -vxFf requirements.txt; } > requirements-dev.txt
	rm -rf build/lock-venv

clean:
	rm -rf site build $(VENV)
