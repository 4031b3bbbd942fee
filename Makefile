# `make serve` previews the site, `make test` runs every test; both set up what they need first.
# `make bench` measures the build and runs Lighthouse; `make bench QUICK=1` only checks that it runs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
LIGHTHOUSE := bench/node_modules/.package-lock.json
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: install npm serve build test lint bench clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

tests/node_modules/.installed: tests/package.json tests/package-lock.json | npm
	npm ci --prefix tests --no-audit --no-fund --silent
	touch $@

# Node.js and npm bring resume-schema, which the tests check resume.json against: Debian's, when missing.
npm:
	@command -v npm >/dev/null || { echo "Installing Debian's nodejs and npm for the tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm; }

$(CHROMIUM):
	@echo "Installing Debian's chromium for the browser tests"
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq chromium

serve: install
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: install
	$(BIN)/mkdocs build --strict

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install tests/node_modules/.installed $(CHROMIUM) lint
	$(BIN)/pytest

$(LIGHTHOUSE): bench/package.json bench/package-lock.json | npm
	cd bench && npm ci --no-audit --no-fund --loglevel=error

bench: install $(CHROMIUM) $(if $(QUICK),,$(LIGHTHOUSE))
	$(BIN)/python -m bench.bench $(if $(QUICK),--quick)

clean:
	rm -rf site $(VENV) .pytest_cache .ruff_cache .hypothesis bench/node_modules
