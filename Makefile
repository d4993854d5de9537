# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export KIZUNA_STORE ?= .kizuna/kizuna.sqlite

.PHONY: run test install install-test lint bench clean

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
# WebDriver (the browser tests drive it through selenium).
install-test: $(BIN)/python
	$(BIN)/pip install -qq -e '.[test,nlp,neo4j]'
	npm ci --prefix tools/cypher-lint --no-audit --no-fund --loglevel=error
	@{ command -v chromium && command -v chromedriver; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "note: chromium/chromium-driver are not installed; browser tests will be skipped"; fi; }

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
	$(BIN)/pytest -q -rs

bench: install-test
	$(BIN)/kizuna bench

clean:
	rm -rf $(VENV) .kizuna tools/cypher-lint/node_modules
