"""One crawl at a time per archive: `<db>.lock` beside it, held with `fcntl.flock`.

The OS holds the lock (released if the process dies, however it dies); the file's text says who
holds it — pid, host, start time, command — so a second run can name the holder and stop.

    with crawl_lock("data/briefings.db", command="briefing crawl", started_at=now()):
        ...                                    # raises ArchiveLocked if another run holds it

Stale locks are taken over with a warning: holder info left by a run that died (the flock is
free), or a flock still held by a leftover child of a holder whose pid is gone on this host
(the file is replaced, so the orphan holds only the old one).
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import socket
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

ATTEMPTS = 5


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    started_at: str
    command: str

    def describe(self) -> str:
        return f"pid {self.pid} on {self.host} since {self.started_at} ({self.command})"


class ArchiveLocked(RuntimeError):
    """Another run holds the archive's lock; the message names it."""

    def __init__(self, lock_path: Path, holder: LockHolder | None):
        self.lock_path, self.holder = lock_path, holder
        who = holder.describe() if holder else "a process that has not written its name yet"
        super().__init__(f"{lock_path}: the archive is in use by {who}; try again when it has finished")


def lock_path_for(db_path: str | Path) -> Path:
    """`data/briefings.db` → `data/briefings.db.lock`."""
    return Path(f"{db_path}.lock")


def warn_on_stderr(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


@contextmanager
def crawl_lock(
    db_path: str | Path, *, command: str, started_at: datetime, warn: Callable[[str], None] = warn_on_stderr
) -> Iterator[LockHolder]:
    """Hold the archive's lock for the `with` block; raises ArchiveLocked if another run has it."""
    path = lock_path_for(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    me = LockHolder(pid=os.getpid(), host=socket.gethostname(), started_at=started_at.isoformat(), command=command)
    fd = _acquire(path, warn)
    try:
        _write_holder(fd, me)
        yield me
    finally:
        _release(path, fd)


def read_holder(db_path: str | Path) -> LockHolder | None:
    """Who the lock file names (None: no file, or empty): for status displays."""
    return _holder_at(lock_path_for(db_path))


def is_held(db_path: str | Path) -> bool:
    """Whether some process holds the archive's lock right now."""
    path = lock_path_for(db_path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def pid_is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale(holder: LockHolder | None, *, host: str) -> bool:
    """A holder is stale when it names a process on this host that no longer exists."""
    return holder is not None and holder.host == host and not pid_is_running(holder.pid)


def _acquire(path: Path, warn: Callable[[str], None]) -> int:
    for _ in range(ATTEMPTS):
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _parse_holder(_read_fd(fd))
            if holder is None or not is_stale(holder, host=socket.gethostname()):
                os.close(fd)
                raise ArchiveLocked(path, holder) from None
            warn(
                f"{path}: taking over a stale lock: {holder.describe()} is gone, "
                f"but a leftover child process still holds the file"
            )
            _unlink_if_same(path, fd)
            os.close(fd)
            continue
        if not _is_current_file(path, fd):  # released and removed between our open and flock
            os.close(fd)
            continue
        left_behind = _parse_holder(_read_fd(fd))
        if left_behind is not None:
            warn(f"{path}: taking over a stale lock: {left_behind.describe()} ended without releasing it")
        return fd
    raise ArchiveLocked(path, _holder_at(path))


def _release(path: Path, fd: int) -> None:
    try:
        _unlink_if_same(path, fd)  # while still holding it: a waiter that opened it retries
    finally:
        os.close(fd)


def _write_holder(fd: int, holder: LockHolder) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, (json.dumps(asdict(holder), ensure_ascii=False) + "\n").encode("utf-8"), 0)
    os.fsync(fd)


def _holder_at(path: Path) -> LockHolder | None:
    try:
        return _parse_holder(path.read_text(encoding="utf-8"))
    except OSError:
        return None


def _read_fd(fd: int) -> str:
    return os.pread(fd, 65536, 0).decode("utf-8", errors="replace")


def _parse_holder(text: str) -> LockHolder | None:
    try:
        fields = json.loads(text)
        return LockHolder(
            pid=int(fields["pid"]),
            host=str(fields["host"]),
            started_at=str(fields["started_at"]),
            command=str(fields["command"]),
        )
    except (ValueError, KeyError, TypeError):
        return None


def _is_current_file(path: Path, fd: int) -> bool:
    try:
        return os.stat(path).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        return False


def _unlink_if_same(path: Path, fd: int) -> None:
    if _is_current_file(path, fd):
        try:
            os.unlink(path)
        except OSError as error:
            if error.errno != errno.ENOENT:
                raise
