"""Run `briefing crawl` in a subprocess (Twisted's reactor runs once per process)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

CRAWL_TIMEOUT = 300


def run_cli(
    *args: str, timeout: int = CRAWL_TIMEOUT, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefing_spider.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def crawl(mirror, db: Path, *args: str, polite: bool = False) -> subprocess.CompletedProcess:
    flags = [] if polite else ["--no-polite"]
    return run_cli("crawl", "--base-url", mirror.base_url, "--db", str(db), *flags, *args)
