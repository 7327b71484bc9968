"""The test tiers: each folder of ``tests/`` is one tier, and its tests carry its marker.

========================  ===========  ===================================================
folder                    marker       what runs
========================  ===========  ===================================================
``tests/unit/``           unit         the toolchain's pieces, without the generated package
``tests/cli/``            cli          the command line in-process, and the golden records
``tests/package/``        package      the generated package, imported and run
``tests/integration/``    integration  real external tools: glean_parser and the Glean SDK,
                                       Sphinx and Chromium, Apache Beam, mypy and black,
                                       fresh virtual environments
========================  ===========  ===================================================

``make test-fast`` runs the first three without what is marked ``slow``;
``make test`` runs everything. ``-m unit`` (or ``cli``, ``package``,
``integration``) selects one tier from a whole-suite run.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

TIERS = ("unit", "cli", "package", "integration")
HERE = Path(__file__).parent

# The tests import the generated package from generated/ and start interpreters
# that do: their byte-code goes elsewhere, since `make check` reports any in
# generated/ (a forged .pyc there would run on import). The Makefile sets the
# same for everything it runs.
os.environ.setdefault(
    "PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "normandy-pycache")
)
if sys.pycache_prefix is None:
    sys.pycache_prefix = os.environ["PYTHONPYCACHEPREFIX"]

# tests/golden/ holds generated files (a whole package among them): records, not tests.
collect_ignore = ["golden"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        relative = item.path.relative_to(HERE)
        tier = relative.parts[0] if len(relative.parts) > 1 else None
        if tier not in TIERS:
            raise pytest.UsageError(
                f"{relative} is not in a tier folder; put it in one of "
                + ", ".join(f"tests/{t}/" for t in TIERS)
            )
        item.add_marker(tier)
