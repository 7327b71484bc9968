"""Fixtures the integration tests share."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def site() -> Path:
    """The documentation site, built once per session as ``make docs`` builds it."""
    from test_docs import built_site

    return built_site()
