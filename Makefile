# One entry point for people and CI. `make serve` and `make test` install what they need.
VENV   := .venv
PY     := $(VENV)/bin/python
SUDO   := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: install catalogs messages chromium serve build test check lint bench clean

install: $(VENV)/.installed node_modules/.installed catalogs

# The calculators' compiled catalogs (.mo, not committed) from the committed .po files.
PO_FILES := $(wildcard calculators/locale/*/LC_MESSAGES/calculators.po)
catalogs: $(PO_FILES:.po=.mo)
$(PO_FILES:.po=.mo) &: $(PO_FILES) $(VENV)/.installed
	$(PY) -m sitebuild.catalogs compile

# Re-extract the messages into calculators/locale/calculators.pot and merge them into every .po.
messages: $(VENV)/.installed
	$(PY) -m sitebuild.catalogs update
	$(PY) -m sitebuild.catalogs compile

$(VENV)/.installed: requirements-dev.lock pyproject.toml
	python3 -m venv $(VENV)
	# Every distribution is checked against the lock's hashes; the project itself is local.
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Browser tests drive Debian's Chromium (Playwright's own browser download is not used).
chromium:
	@[ -x "$${CHROMIUM:-/usr/bin/chromium}" ] || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

# Editing a calculator, a template or the build code rebuilds the pages with the new code
# (stop it with Ctrl-C: MkDocs then removes its temporary site folder).
serve: install
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --watch calculators --watch sitebuild

build: install
	$(PY) -m mkdocs build --strict

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

test: install chromium lint build
	SITE_DIR=site $(PY) -m pytest

# The quick loop: lint, types and every test that needs neither a browser nor Pyodide.
check: install lint
	$(PY) -m pytest -q -m "not browser and not pyodide"

bench: install chromium build
	$(PY) -m benchmarks --site site

clean:
	rm -rf site dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis bench-results
