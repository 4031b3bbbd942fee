# `make serve` previews the site, `make test` runs every test; both set up what they need first.
# `make bench` measures the build and runs Lighthouse; `make bench QUICK=1` only checks that it runs.
# `make screenshots` takes the README's pictures of the site.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium-headless-shell
LIGHTHOUSE_CHROMIUM ?= /usr/bin/chromium
LIGHTHOUSE := bench/node_modules/.package-lock.json
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: install npm cairo serve build test lint bench screenshots clean

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

# The browser tests drive Debian's chromium-headless-shell; Lighthouse (make bench) runs Debian's chromium.
$(CHROMIUM):
	@echo "Installing Debian's chromium-headless-shell for the browser tests"
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq chromium-headless-shell

$(LIGHTHOUSE_CHROMIUM):
	@echo "Installing Debian's chromium for Lighthouse"
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq chromium

# Material's social plugin draws each page's link-preview picture with Cairo (through CairoSVG).
cairo:
	@/sbin/ldconfig -p | grep 'libcairo\.so\.2 ' >/dev/null || { \
	  echo "Installing Debian's libcairo2 for the link-preview pictures"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcairo2; }

serve: install cairo
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: install cairo
	$(BIN)/mkdocs build --strict

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install cairo tests/node_modules/.installed $(CHROMIUM) lint
	$(BIN)/pytest

$(LIGHTHOUSE): bench/package.json bench/package-lock.json | npm
	cd bench && npm ci --no-audit --no-fund --loglevel=error

bench: install cairo $(CHROMIUM) $(if $(QUICK),,$(LIGHTHOUSE_CHROMIUM) $(LIGHTHOUSE))
	$(BIN)/python -m bench.bench $(if $(QUICK),--quick)

# The README's pictures of the site (screenshots/*.webp), from a strict build, in the tests' Chromium.
screenshots: install cairo $(CHROMIUM)
	$(BIN)/python -m screenshots.take

clean:
	rm -rf site $(VENV) .cache .pytest_cache .ruff_cache .hypothesis bench/node_modules
