"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import SHARED_DATA


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"the shared corpora are not beside the checkout ({SHARED_DATA})")
    return SHARED_DATA
