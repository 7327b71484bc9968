# Every target bootstraps .venv on a fresh clone: only python3 (3.11+) and make
# are needed. The stamp depends on pyproject.toml, so a changed pin reinstalls.
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: all generate check lint test docs bench clean

all: generate

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip
	$(VPY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

generate: $(STAMP)
	$(VPY) -m codegen generate

# The drift check and the lint rules together: what CI and pre-commit run.
check: $(STAMP)
	$(VPY) -m codegen lint
	$(VPY) -m codegen check

lint: $(STAMP)
	$(VPY) -m codegen lint

test: $(STAMP)
	$(VPY) -m pytest

# The documentation site, from docs/ and generated/docs/, into docs/_build/html.
# Warnings are errors and every reference must resolve. `make test` builds it
# too (tests/test_docs.py), so CI proves the site builds.
docs: $(STAMP)
	$(VENV)/bin/sphinx-build -W --keep-going -n -b html docs docs/_build/html

bench: $(STAMP)
	$(VPY) -m benchmarks $(BENCH)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache
