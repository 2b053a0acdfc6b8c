# Shpalta: `make demo` runs the site with demo content; `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# A throwaway key for the test run only; the test settings are otherwise production's.
TEST_ENV := SECRET_KEY=test-only-not-secret
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/shpalta

.PHONY: demo serve test lint format messages install install-test chromium varnish bench clean

$(VENV)/bin/python:
	@python=$$(bin/find-python) && echo "Using $$python" && "$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install  ## set up, write demo content into an empty database, serve at http://127.0.0.1:8000
	bin/serve --demo

serve: install  ## the production server on the existing database (HOST, PORT honoured)
	bin/serve

chromium:  ## Debian's Chromium for the browser tests
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "The browser tests need Debian's chromium: run 'sudo apt-get install chromium'." >&2; exit 1; fi; \
	fi

varnish:  ## Debian's Varnish and its xkey module, for the edge-cache test
	@if ! command -v varnishd >/dev/null && [ ! -x /usr/sbin/varnishd ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq varnish varnish-modules >/dev/null; \
	  else echo "The edge-cache test needs Debian's varnish: run 'sudo apt-get install varnish varnish-modules'." >&2; exit 1; fi; \
	fi

lint: install-test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

format: install-test
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

messages: install  ## update and compile the uk/ru/en translations
	cd shpalta && DEBUG=1 ../$(PY) ../manage.py makemessages -l uk -l ru -l en --no-obsolete
	cd shpalta && DEBUG=1 ../$(PY) ../manage.py compilemessages

test: install-test chromium varnish lint  ## lint, unit, integration and browser tests (SQLite; PostgreSQL too on CI)
	$(TEST_ENV) $(PY) -m pytest
	@if [ -n "$$CI" ] || pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
	  echo "== again on PostgreSQL with Redis as the cache"; \
	  $(TEST_ENV) DATABASE_URL=$(PG_TEST_URL) REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
	    $(PY) -m pytest -m "not browser"; \
	else echo "== PostgreSQL not reachable at 127.0.0.1:5432: skipped the PostgreSQL run (CI runs it)"; fi

bench: install varnish  ## benchmarks against nginx, Varnish and stock Wagtail (loopback; see bench/run.py)
	@for tool in wrk nginx; do command -v $$tool >/dev/null || [ -x /usr/sbin/$$tool ] || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk nginx-light >/dev/null; \
	  else echo "make bench needs Debian's wrk and nginx: run 'sudo apt-get install wrk nginx-light'." >&2; exit 1; fi; }; done
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .import_linter_cache test-artifacts
