"""Machines a test can make the crawl run out of: a disk that fills, a directory no one may write.

Where the test may mount (root with `mount`), a small tmpfs fills for real and a read-only
remount refuses every write, root's too. Elsewhere a disk that fills is a file size limit on the
crawl's process (RLIMIT_FSIZE: a write past it fails with EFBIG, as a full disk fails with
ENOSPC), and a directory no one may write is one without write permission (which an ordinary
user cannot pass; root can, so root without `mount` skips)."""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import stat
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


def can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


@dataclass(frozen=True)
class SmallDisk:
    """Where the archive goes, and what a crawl's process must run with to find it small."""

    path: Path
    how: str  # "tmpfs" or "file size limit"
    preexec: Callable[[], None] | None = None


@contextlib.contextmanager
def tmpfs(where: Path, *, size_kb: int) -> Iterator[Path]:
    """A tmpfs of `size_kb` at `where` for the block (skips the test when it cannot be mounted)."""
    where.mkdir(parents=True, exist_ok=True)
    if not can_mount():
        pytest.skip("needs root and mount for a small filesystem")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


@contextlib.contextmanager
def small_disk(where: Path, *, size_kb: int, how: str = "best") -> Iterator[SmallDisk]:
    """A disk of about `size_kb` at `where`: a tmpfs when the machine allows (`how="best"` or
    `"tmpfs"`), else (or with `how="file size limit"`) no file the crawl writes may pass `size_kb`."""
    if how == "tmpfs" or (how == "best" and can_mount()):
        with tmpfs(where, size_kb=size_kb) as path:
            yield SmallDisk(path, "tmpfs")
        return
    where.mkdir(parents=True, exist_ok=True)
    yield SmallDisk(where, "file size limit", preexec=_file_size_limit(size_kb * 1024))


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:  # in the child, before it runs: Python ignores SIGXFSZ, so writes get EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def read_only(where: Path) -> None:
    """No one may write at `where` from now on: a remount of its tmpfs where the machine allows,
    else the directory and what it holds lose their write permission (skips for root then)."""
    if os.path.ismount(where) and can_mount():
        subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True, capture_output=True)
        return
    if os.geteuid() == 0:
        pytest.skip("root writes through permissions, and this machine cannot mount a read-only filesystem")
    for path in [where, *where.rglob("*")]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def writable(where: Path) -> None:
    if os.path.ismount(where) and can_mount():
        subprocess.run(["mount", "-o", "remount,rw", str(where)], check=True, capture_output=True)
        return
    for path in [where, *where.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


@contextlib.contextmanager
def data_directory(where: Path) -> Iterator[Path]:
    """A directory to make read-only later: its own tmpfs where the machine allows (so a remount
    can refuse root too), else a plain one."""
    if can_mount():
        with tmpfs(where, size_kb=8192) as path:
            yield path
        return
    where.mkdir(parents=True, exist_ok=True)
    try:
        yield where
    finally:
        writable(where)  # so pytest can clean up
