# Two commands on a fresh machine: `make build` and `make test`.
# Everything runs in .venv with the pinned packages of requirements.txt.

PYTHON3 ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)

export PYTHONPATH := $(CURDIR)

.PHONY: build test check linkcheck bench serve serve-quick lock clean

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON3) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $@

## check: validate the data files and say in plain words what is wrong
check: $(STAMP)
	@$(PY) -m guide check

## build: the site, every PDF and the offline copy, into site/ (replaced only once everything succeeded)
build: check
	@NO_MKDOCS_2_WARNING=1 $(PY) -m tools.build

## test: the whole offline test suite, and the linter
test: $(STAMP)
	$(VENV)/bin/ruff check .
	NO_MKDOCS_2_WARNING=1 $(PY) -m pytest

## linkcheck: check every external URL against the internet (needs network); report in build/linkcheck-report.md
linkcheck: $(STAMP)
	$(PY) -m links check

## bench: time a clean build (and our layer's cost as a ratio) and weigh every page; writes build/bench.md
bench: $(STAMP)
	$(PY) -m tools.bench

## serve: preview the site at http://127.0.0.1:8000/health-insurance-guide/ while you edit
serve: $(STAMP)
	$(VENV)/bin/mkdocs serve

## serve-quick: the same, without remaking the PDFs and the offline copy on every change
serve-quick: $(STAMP)
	GUIDE_QUICK=1 $(VENV)/bin/mkdocs serve

## lock: re-pin every package after editing requirements.in
lock:
	rm -rf build/lock-venv && $(PYTHON3) -m venv build/lock-venv
	build/lock-venv/bin/pip install --quiet -r requirements.in
	{ echo "# Every package pinned; generated from requirements.in by 'make lock'. Edit requirements.in, not this file."; \
	  build/lock-venv/bin/pip freeze; } > requirements.txt
	rm -rf build/lock-venv

clean:
	rm -rf site build $(VENV)
