# Zorgportaal – the two commands of the README, plus a few helpers.
#   make run   set up and serve on the embedded default (SQLite, eager Celery, demo data)
#   make test  install what the tests need, start PostgreSQL + Redis on loopback, run pytest
SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
HOST  ?= 127.0.0.1
PORT  ?= 8000

.PHONY: run test venv venv-dev lock lint format bench demo-pdf clean

$(VENV)/.base: requirements/base.lock
	bash scripts/venv.sh requirements/base.lock
	touch $@

$(VENV)/.dev: requirements/dev.lock
	bash scripts/venv.sh requirements/dev.lock
	touch $(VENV)/.base $@

venv: $(VENV)/.base
venv-dev: $(VENV)/.dev

run: $(VENV)/.base
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demodata
	@echo "Zorgportaal draait op http://$(HOST):$(PORT)/ – demo-logins staan in README.md"
	$(PY) manage.py runserver $(HOST):$(PORT)

test:
	bash scripts/test.sh $(ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix . && $(VENV)/bin/ruff format .

# Regenerate the hashed lock files from pyproject.toml (needs network access to PyPI).
lock:
	$(VENV)/bin/pip install -q uv
	$(VENV)/bin/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements/base.lock
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements/dev.lock

clean:
	rm -rf $(VENV) db.sqlite3 var
