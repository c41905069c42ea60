# The two commands of the README: `make demo` (the main job) and `make test`.
# Both work on a fresh machine with Python 3.11 and make: they create .venv and install into it.

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test lint typecheck format schema check-schema serve install clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## Generate the synthetic province, import it, create one user per role, serve the web UI.
demo: $(STAMP)
	$(BIN)/motcua demo --host $(HOST) --port $(PORT)

## Run the whole test suite on the database of DATABASE_URL (SQLite by default).
test: $(STAMP)
	scripts/test-setup.sh
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src bench
	$(BIN)/ruff format --check src bench
	$(BIN)/lint-imports

## mypy with django-stubs on services, selectors, rules, workflow and accounts ([tool.mypy]).
typecheck: $(STAMP)
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix src bench
	$(BIN)/ruff format src bench

## Regenerate the committed OpenAPI description.
schema: $(STAMP)
	$(BIN)/motcua spectacular --file docs/openapi.yaml --validate

check-schema: $(STAMP)
	$(BIN)/motcua spectacular --file /tmp/motcua-openapi.yaml --validate
	diff -u docs/openapi.yaml /tmp/motcua-openapi.yaml

## The application under gunicorn on the database of DATABASE_URL, as in production (it migrates first).
serve: $(STAMP)
	$(BIN)/motcua serve --bind $(HOST):$(PORT)

clean:
	rm -rf $(VENV) var
