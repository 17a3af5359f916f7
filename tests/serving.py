"""`briefing serve` on a free local port, for the tests that read its pages."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

STARTUP_SECONDS = 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port: int, path: str, **params) -> tuple[int, str]:
    url = f"http://127.0.0.1:{port}{path}" + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@contextlib.contextmanager
def serving(db_path: Path) -> Iterator[int]:
    """`briefing serve --db db_path` for the block, once it answers; yields its port."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing_spider.cli", "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and process.poll() is None:
            try:
                fetch(port, "/-/versions.json")
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail(f"briefing serve did not start: {process.communicate(timeout=5)[1].decode()[-500:]}")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
