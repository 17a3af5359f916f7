"""Read members of an untrusted zip with a budget on uncompressed bytes (zip-bomb guard).

Every read of a member goes through `SafeZip.read`: the budget (shared by the archive's
members) and an optional per-read cap are checked against the size the archive *declares*
before anything is inflated, and against the bytes actually produced while inflating, which
is streamed in chunks no larger than what is still allowed. Inflating stops one byte past the
cap, so a lying header cannot make us decompress (or hold) more than the cap.
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
    """A zip opened for reading with a shared uncompressed-bytes budget.

    `inflated` counts every byte decompression produced, across all reads (for tests and
    benchmarks: it never exceeds the budget by more than one byte per refused read).
    """

    def __init__(self, data: bytes, *, budget: int | None = None):
        self.budget = budget_for(len(data)) if budget is None else budget
        self.used = 0
        self.inflated = 0
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
            raise DocumentError("corrupt", f"not a readable zip archive ({error})") from None
        self.infos = {info.filename: info for info in self.archive.infolist()}

    def names(self) -> list[str]:
        return list(self.infos)

    def read(self, name: str, *, cap: int | None = None) -> bytes:
        """The member's bytes; DocumentError `zip_bomb` when it declares or inflates to more than
        the budget left (or `cap`), `corrupt`/`encrypted` when it cannot be read."""
        info = self.infos.get(name)
        if info is None:
            raise DocumentError("corrupt", f"the archive has no member {name!r}")
        if info.flag_bits & 0x1:
            raise DocumentError("encrypted", f"zip member {name!r} is encrypted")
        allowed = self.budget - self.used if cap is None else min(cap, self.budget - self.used)
        if info.file_size > allowed:
            raise DocumentError(
                "zip_bomb",
                f"{name!r} declares {info.file_size} bytes, past the "
                f"{self._limit_name(cap)} of {allowed} uncompressed bytes",
            )
        data = self._inflate(info, info.file_size)
        self.used += len(data)
        return data

    def _inflate(self, info: zipfile.ZipInfo, allowed: int) -> bytes:
        out = bytearray()
        try:
            with self.archive.open(info) as stream:
                while chunk := stream.read(min(CHUNK, allowed + 1 - len(out))):
                    out += chunk
                    self.inflated += len(chunk)
                    if len(out) > allowed:
                        raise DocumentError(
                            "zip_bomb", f"{info.filename!r} inflates past its declared size of {allowed} bytes"
                        )
        except DocumentError:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
            raise DocumentError("corrupt", f"cannot inflate {info.filename!r} ({error})") from None
        except NotImplementedError as error:
            raise DocumentError("corrupt", f"unsupported compression in {info.filename!r} ({error})") from None
        return bytes(out)

    @staticmethod
    def _limit_name(cap: int | None) -> str:
        return "budget for this archive" if cap is None else "cap for this read"
