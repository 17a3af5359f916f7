"""Read members of an untrusted zip with a budget on uncompressed bytes (zip-bomb guard).

The budget is checked twice: against the sizes the archive *declares* before anything is
inflated, and against the bytes actually produced while inflating, in chunks, so a lying
header cannot make us hold more than the budget in memory.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from .model import DocumentError

MAX_RATIO = 20  # uncompressed bytes we accept per byte of archive
MIN_BUDGET = 16 * 1024 * 1024  # small archives may still inflate to this much
MAX_BUDGET = 512 * 1024 * 1024  # never more than this, whatever the archive size
CHUNK = 256 * 1024


def budget_for(size: int) -> int:
    """How many uncompressed bytes an archive of `size` bytes may inflate to in total."""
    return min(MAX_BUDGET, max(MIN_BUDGET, size * MAX_RATIO))


class SafeZip:
    """A zip opened for reading with a shared uncompressed-bytes budget."""

    def __init__(self, data: bytes, *, budget: int | None = None):
        self.budget = budget_for(len(data)) if budget is None else budget
        self.used = 0
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
            raise DocumentError("corrupt", f"not a readable zip archive ({error})") from None
        self.infos = {info.filename: info for info in self.archive.infolist()}

    def names(self) -> list[str]:
        return list(self.infos)

    def read(self, name: str) -> bytes:
        info = self.infos.get(name)
        if info is None:
            raise DocumentError("corrupt", f"the archive has no member {name!r}")
        if info.flag_bits & 0x1:
            raise DocumentError("encrypted", f"zip member {name!r} is encrypted")
        self._charge(info.file_size, name, declared=True)
        return self._inflate(info)

    def _inflate(self, info: zipfile.ZipInfo) -> bytes:
        out = bytearray()
        try:
            with self.archive.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    out += chunk
                    if len(out) > info.file_size:
                        raise DocumentError(
                            "zip_bomb", f"{info.filename!r} inflates past its declared size"
                        )
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
            raise DocumentError("corrupt", f"cannot inflate {info.filename!r} ({error})") from None
        except NotImplementedError as error:
            raise DocumentError("corrupt", f"unsupported compression in {info.filename!r} ({error})") from None
        return bytes(out)

    def _charge(self, size: int, name: str, *, declared: bool) -> None:
        self.used += size
        if self.used > self.budget:
            what = "declares" if declared else "inflates to"
            raise DocumentError(
                "zip_bomb",
                f"{name!r} {what} {size} bytes, past the budget of {self.budget} uncompressed "
                f"bytes for this archive",
            )
