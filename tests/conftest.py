"""Shared test helpers: where the repository's seeds and the shared dev data live."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
DEV_DATA = REPO.parent / "shared" / "data"


@pytest.fixture
def dev_data() -> Path:
    """The shared development sets; the test is skipped when they are not beside the repo."""
    if not (DEV_DATA / "readability" / "pages.jsonl").exists():
        pytest.skip(f"dev data not found at {DEV_DATA} (it sits in ../shared/data beside the repo)")
    return DEV_DATA
