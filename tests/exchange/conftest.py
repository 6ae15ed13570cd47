"""Fixtures for the exchange-layer tests (no Qt here)."""

from __future__ import annotations

import pytest

from tests.exchange import exchange_samples


@pytest.fixture(scope="session")
def valid_bytes() -> bytes:
    """A valid sample exchange file (113 pages of 1 KiB, overflow pages, NULLs, Chinese)."""
    return exchange_samples.build_sample()
