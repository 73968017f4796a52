# One entry point for people and CI. `make serve` and `make test` install what they need.
VENV   := .venv
PY     := $(VENV)/bin/python
SUDO   := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: install chromium serve build test lint bench clean

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements-dev.lock pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.lock -e .
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Browser tests drive Debian's Chromium (Playwright's own browser download is not used).
chromium:
	@[ -x "$${CHROMIUM:-/usr/bin/chromium}" ] || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

serve: install
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: install
	$(PY) -m mkdocs build --strict

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

test: install chromium lint build
	SITE_DIR=site $(PY) -m pytest

bench: install chromium build
	$(PY) scripts/bench.py --site site

clean:
	rm -rf site dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis bench-results
