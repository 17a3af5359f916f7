"""The archive's own machine: whether the crawl may write where the archive lives, and what a
failed write means. A crawl checks before it fetches anything (`check_writable`), and a write that
fails for lack of room or rights (`machine_cause`) stops it cleanly — the run `failed` with the
cause, never a parse error of the site's and never left `running`."""

from __future__ import annotations

import errno
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import NoReturn

SQLITE_HEADER = b"SQLite format 3\x00"
MIN_FREE_MB = 20  # less free space than this where the archive lives: a crawl does not start
DISK_FULL, NOT_WRITABLE = "disk_full", "not_writable"  # crawl_errors.kind and the run's cause
FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
RIGHTS_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
FULL_MESSAGES = ("database or disk is full", "disk i/o error")
RIGHTS_MESSAGES = ("attempt to write a readonly database", "readonly", "unable to open database file")


class MachineError(OSError):
    """The archive cannot be written here: `cause` (disk_full, not_writable) and one line."""

    def __init__(self, cause: str, message: str):
        super().__init__(message)
        self.cause = cause

    def __reduce__(self):
        return type(self), (self.cause, str(self))


def machine_cause(error: BaseException) -> str | None:
    """disk_full or not_writable when `error` is a write refused for lack of room or rights, else None."""
    if isinstance(error, MachineError):
        return error.cause
    if error.__cause__ is not None and error.__cause__ is not error:  # wrapped (ArchiveError from an OSError)
        return machine_cause(error.__cause__)
    if isinstance(error, OSError) and error.errno in FULL_ERRNOS:
        return DISK_FULL
    if isinstance(error, OSError) and error.errno in RIGHTS_ERRNOS:
        return NOT_WRITABLE
    if isinstance(error, sqlite3.OperationalError):
        message = str(error).lower()
        if any(text in message for text in FULL_MESSAGES):
            return DISK_FULL
        if any(text in message for text in RIGHTS_MESSAGES):
            return NOT_WRITABLE
    return None


def one_line(path: str | Path, error: BaseException) -> str:
    """`PATH: what went wrong`, in a few words (an ArchiveError already names the path)."""
    text = str(error)
    if isinstance(error, OSError) and error.strerror:
        text = error.strerror + (f" ({error.filename})" if error.filename else "")
    if machine_cause(error) == DISK_FULL and not text.startswith(("the disk is full", str(path))):
        text = f"the disk is full ({text})"  # SQLite's words and the system's, said the same way
    return text if text.startswith(str(path)) else f"{path}: {text}"


def check_writable(db_path: str | Path, raw_dir: str | Path, *, min_free_mb: float = MIN_FREE_MB) -> None:
    """Raise MachineError (or ValueError for a file that is no archive) naming the path and the
    cause when a crawl could not write its archive: the directory (or the nearest one that
    exists) must take a new file, an existing archive must be an SQLite file that takes a write,
    the raw store too, and the filesystem must have room. Writes nothing that stays."""
    path = Path(db_path)
    _check_directory(path.parent)
    if path.exists():
        _check_database(path)
    if Path(raw_dir).exists():
        _check_directory(Path(raw_dir))
    free = shutil.disk_usage(_existing(path.parent)).free
    if free < min_free_mb * 2**20:
        where = f"{free / 2**20:.1f} MB free on its filesystem, a crawl needs {min_free_mb:g} (BRIEFING_MIN_FREE_MB)"
        raise MachineError(DISK_FULL, f"{path}: the disk is full: {where}")


def _existing(directory: Path) -> Path:
    while not directory.exists() and directory != directory.parent:
        directory = directory.parent
    return directory


def _check_directory(directory: Path) -> None:
    where = _existing(directory)
    if not where.is_dir():
        raise MachineError(NOT_WRITABLE, f"{where}: not a directory")
    try:
        with tempfile.NamedTemporaryFile(dir=where, prefix=".briefing-write-check-"):
            pass
    except OSError as error:
        raise MachineError(
            machine_cause(error) or NOT_WRITABLE, f"{where}: cannot write here ({error.strerror})"
        ) from None


class NotAnArchive(ValueError):
    """The file at the archive's path is no SQLite database (or a broken one)."""


def check_is_archive(db_path: str | Path) -> None:
    """NotAnArchive when a file is at `db_path` and is no SQLite database, or one that does not
    open; nothing when there is none (a crawl creates it). Reads only: no lock is taken, so a
    command may ask before it takes the archive's lock."""
    path = Path(db_path)
    if not path.exists():
        return
    connection = _open_database(path)
    connection.close()


def _open_database(path: Path) -> sqlite3.Connection:
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head and head != SQLITE_HEADER:
        raise NotAnArchive(
            f"{path}: not an SQLite database (it begins {head[:12]!r}); move it aside or pass another --db"
        )
    connection = sqlite3.connect(path, timeout=5)
    try:
        connection.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as error:
        connection.close()
        _raise_for(path, error)
    return connection


def _check_database(path: Path) -> None:
    connection = _open_database(path)
    try:
        connection.execute("BEGIN IMMEDIATE")  # takes the write lock, as a crawl will
        connection.execute("ROLLBACK")
    except sqlite3.DatabaseError as error:
        _raise_for(path, error)
    finally:
        connection.close()


def _raise_for(path: Path, error: sqlite3.DatabaseError) -> NoReturn:
    cause = machine_cause(error)
    if cause is not None:
        raise MachineError(cause, f"{path}: cannot write the archive ({error})") from None
    raise NotAnArchive(f"{path}: a broken archive ({error}); restore it from a copy or pass another --db") from None
