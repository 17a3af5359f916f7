from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The real korea.kr corpus beside the checkout; tests that need it skip without it."""
    if not (CORPUS / "korea_kr").is_dir():
        pytest.skip(f"real corpus not found at {CORPUS} (it lives beside the checkout in CI)")
    return CORPUS


def fixture_text(*parts: str) -> str:
    return FIXTURES.joinpath(*parts).read_text(encoding="utf-8")
