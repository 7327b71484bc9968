# Every target bootstraps .venv on a fresh clone: only python3 (3.11+) and make
# are needed. The stamp depends on pyproject.toml, so a changed pin reinstalls.
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Byte-code goes under .venv, never into generated/: `make check` reports any
# there (Python runs it on import), and the tests and the docs import the
# generated package from that folder.
export PYTHONPYCACHEPREFIX := $(CURDIR)/$(VENV)/pycache

.PHONY: all generate golden check lint test test-fast docs docs-serve bench clean format

# The toolchain's own code, held to the standard of what it generates.
OWN_CODE := codegen tests benchmarks docs

all: generate

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip
	$(VPY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

generate: $(STAMP)
	$(VPY) -m codegen generate

# Every golden record: generated/ from the real spec, and tests/golden/<name>/ from
# the minimal and stress specs (tests/cli/test_golden.py compares all three).
golden: $(STAMP)
	$(VPY) -m codegen generate
	$(VPY) -m codegen generate --spec tests/fixtures/minimal.yaml --out tests/golden/minimal
	$(VPY) -m codegen generate --spec tests/fixtures/stress.yaml --out tests/golden/stress

# The spec's lint rules, the drift check with the version rule (the spec's
# version must follow its changes since BASE: README, "Versions"), and black
# and ruff over the toolchain's own code: what CI runs after the tests.
# The base is main where the clone has it, else origin/main (a clone of a
# branch, as CI makes); where neither exists, the version rule is not checked,
# and make says so: pass BASE=<the branch this merges into>.
# A BASE given (even empty, which check refuses) is passed as it is.
ifeq ($(origin BASE),undefined)
BASE := $(shell for rev in main origin/main; do git rev-parse --verify --quiet "$$rev^{commit}" >/dev/null 2>&1 && echo $$rev && break; done)
NO_BASE := $(if $(BASE),,yes)
endif
NO_BASE_MESSAGE := make check: no main or origin/main here, so the spec's version is not checked against its changes; pass BASE=<the branch this merges into>
check: $(STAMP)
	@$(if $(NO_BASE),echo "$(NO_BASE_MESSAGE)" >&2,true)
	$(VPY) -m codegen lint
	$(VPY) -m codegen check $(if $(NO_BASE),,--base '$(BASE)')
	$(VENV)/bin/black --check --quiet $(OWN_CODE)
	$(VENV)/bin/ruff check --quiet $(OWN_CODE)

# Apply black and ruff's safe fixes to the toolchain's own code.
format: $(STAMP)
	$(VENV)/bin/ruff check --quiet --fix $(OWN_CODE)
	$(VENV)/bin/black --quiet $(OWN_CODE)

lint: $(STAMP)
	$(VPY) -m codegen lint

# The whole suite, every tier (tests/unit, cli, package, integration): what CI runs.
test: $(STAMP)
	$(VPY) -m pytest

# The fast tiers without what is marked slow, on every core: what to run while
# editing (about 30 s on a 2-core machine). Listing the folders keeps the integration tier's
# heavy imports (Beam, Glean, Sphinx) out of collection.
test-fast: $(STAMP)
	$(VPY) -m pytest -q -n auto tests/unit tests/cli tests/package -m "not slow"

# The documentation site, from docs/ and generated/docs/, into docs/_build/html.
# Warnings are errors and every reference must resolve. `make test` builds it
# too (tests/integration/test_docs.py), so CI proves the site builds.
# -E reads every page each time: an incremental run took the theme's settings
# for a changed configuration and wrote a search index without index entries.
DOCS_BUILD ?= docs/_build
docs: $(STAMP)
	$(VENV)/bin/sphinx-build -W --keep-going -n -E -d $(DOCS_BUILD)/doctrees -b html docs $(DOCS_BUILD)/html

# Build the site, then serve it on 127.0.0.1:$(DOCS_PORT) (loopback only), where
# search shows snippets; opened from disk, the browser keeps them from it.
DOCS_PORT ?= 8000
docs-serve: docs
	$(VPY) docs/serve.py --port $(DOCS_PORT) --directory $(DOCS_BUILD)/html

bench: $(STAMP)
	$(VPY) -m benchmarks $(BENCH)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache
