# Two commands do everything: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-test migrate seed run test screenshots lint fmt bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (set PYTHON=python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

migrate: install
	$(BIN)/python manage.py migrate --no-input

seed: migrate
	$(BIN)/python manage.py seed

run: seed
	@echo
	@echo "Serving the archive on http://$(HOST):$(PORT)/"
	@echo "To edit records in /admin/, create a staff account first:"
	@echo "    $(BIN)/python manage.py createsuperuser"
	@echo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-test
	@# axe-core for the accessibility tests; without npm they skip (and fail under CI=true).
	@if command -v npm >/dev/null 2>&1; then npm install --no-audit --no-fund --silent; fi
	$(BIN)/python -m pytest

screenshots: install-test
	SCREENSHOTS=1 $(BIN)/python -m pytest -q tests/test_browser.py -k test_screenshots

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Pages under load vs their SQL vs Datasette, on DATABASE_URL (default var/bench.sqlite3):
#   DATABASE_URL=postgres://…/archive_bench make bench BENCH_ARGS="--quotes 1000000"
bench: install
	@$(BIN)/python -c 'import datasette' 2>/dev/null || $(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
