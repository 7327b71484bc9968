# Every target bootstraps .venv on a fresh clone: only python3 (3.11+) and make
# are needed. The stamp depends on pyproject.toml, so a changed pin reinstalls.
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: all generate check lint test bench clean

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

bench: $(STAMP)
	$(VPY) -m benchmarks $(BENCH)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache
