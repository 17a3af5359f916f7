from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


def pytest_configure(config):
    """Crawls and reparses in tests build releases in their own process: a pool of worker
    processes costs a second or two to start in every crawl. Tests about the workers set it
    themselves. (Set here, under pytest only: a benchmark importing this module keeps the pool.)"""
    os.environ.setdefault("BRIEFING_BUILD_WORKERS", "0")


@pytest.fixture
def corpus() -> Path:
    """The real korea.kr corpus beside the checkout; tests that need it skip without it."""
    if not (CORPUS / "korea_kr").is_dir():
        pytest.skip(f"real corpus not found at {CORPUS} (it lives beside the checkout in CI)")
    return CORPUS


def fixture_text(*parts: str) -> str:
    return FIXTURES.joinpath(*parts).read_text(encoding="utf-8")
