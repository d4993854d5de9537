# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export KIZUNA_STORE ?= .kizuna/kizuna.sqlite

.PHONY: run test test-fast install install-test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Runtime install: the API, the views and the embedded store. Reinstalled only when
# pyproject.toml changes (the stamp file), so a second `make run` starts at once.
STAMP := $(VENV)/.kizuna-installed

install: $(STAMP)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -qq -e .
	@touch $@

# Everything the tests need: test tools, NLP models, Neo4j driver, the Cypher
# linter (from the committed package-lock.json) and headless Chromium with its
# WebDriver and a Japanese/Chinese font (the browser tests drive it through
# selenium). apt waits up to APT_WAIT seconds for a lock another process holds;
# if the browser still cannot be installed, everything else runs and the browser
# tests are reported as skipped.
APT_WAIT ?= 300
BROWSER_PACKAGES := chromium chromium-driver fonts-noto-cjk
install-test: $(BIN)/python
	$(BIN)/pip install -qq -e '.[test,nlp,neo4j]'
	npm ci --prefix tools/cypher-lint --no-audit --no-fund --loglevel=error
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 \
	    && fc-list :lang=ja 2>/dev/null | grep -q .; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  apt="apt-get -qq -o DPkg::Lock::Timeout=$(APT_WAIT)"; \
	  { { $$apt update || true; } && DEBIAN_FRONTEND=noninteractive $$apt install -y $(BROWSER_PACKAGES) >/dev/null; } \
	    || echo "NOTE: could not install $(BROWSER_PACKAGES) (apt busy or offline for $(APT_WAIT) s);" \
	            "the browser tests will be SKIPPED - run 'make test' again later to include them"; \
	else echo "NOTE: $(BROWSER_PACKAGES) are not installed (needs root and apt-get); the browser tests will be SKIPPED"; fi

# `load --seed` skips the seed when the store already holds it and nothing was written since.
run: install
	$(BIN)/kizuna load --seed
	$(BIN)/kizuna serve

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/mypy

test: install-test
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest -q -rsx
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 \
	  || echo "NOTE: chromium was not available: the browser tests (views, API docs) were SKIPPED"

# The inner loop: everything not marked slow (under a minute on an idle machine).
test-fast: install-test
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest -q -m "not slow"

bench: install-test
	$(BIN)/kizuna bench

clean:
	rm -rf $(VENV) .kizuna tools/cypher-lint/node_modules
