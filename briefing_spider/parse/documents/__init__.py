"""Attachment readers: bytes of an HWPX, HWP 5 or PDF file → DocumentText.

`extract_document` sniffs the bytes (never trusting the file name), dispatches to the reader
and raises only `DocumentError`, with a typed `code`, for anything that yields no text:

- not_a_document: an HTML error page, an empty answer or unknown bytes (reason from sniff)
- too_large: more than `max_bytes` bytes
- zip_bomb: a zip (HWPX, or one sniffed) whose member declares or inflates to more than its
  uncompressed budget; inflating stops at the cap
- too_many_pages: a PDF with more pages than `limits.max_pages` (BRIEFING_MAX_PAGES)
- too_slow: a file still being read after `limits.max_seconds` (BRIEFING_MAX_DOCUMENT_SECONDS),
  checked between pages (PDF) or sections (HWPX, HWP 5)
- encrypted: a password-protected HWP 5, PDF or zip member
- corrupt: a truncated or malformed file
- unsupported: a document kind with no reader
"""

from __future__ import annotations

from .limits import DocumentLimits, limits_from_env
from .model import Block, Cell, DocumentError, DocumentText, Paragraph, Table, block_lines
from .render import CELL_SEPARATOR, render_text
from .sniff import DOCUMENT_KINDS, Sniffed, sniff

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

__all__ = [
    "Block",
    "Cell",
    "DocumentLimits",
    "CELL_SEPARATOR",
    "DocumentError",
    "DocumentText",
    "DOCUMENT_KINDS",
    "Paragraph",
    "Sniffed",
    "Table",
    "block_lines",
    "extract_document",
    "limits_from_env",
    "render_text",
    "sniff",
]


def extract_document(
    data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, limits: DocumentLimits | None = None
) -> DocumentText:
    """Read the text of an attachment; raise DocumentError (and nothing else) when there is none.
    `limits` caps pages and time (default: `limits_from_env()`)."""
    if len(data) > max_bytes:
        raise DocumentError("too_large", f"{len(data)} bytes, more than the limit of {max_bytes}")
    sniffed = sniff(data)
    if not sniffed.is_document:
        raise DocumentError(sniffed.code, sniffed.reason or f"a {sniffed.kind} file")
    reader = _reader(sniffed.kind)
    limits = limits or limits_from_env()  # before the reader's try: a bad setting is no file's fault
    try:
        return reader(data, limits=limits)
    except DocumentError:
        raise
    except MemoryError:
        raise DocumentError("too_large", f"the {sniffed.kind} file needs too much memory") from None
    except RecursionError:
        raise DocumentError("corrupt", f"the {sniffed.kind} file nests too deeply") from None
    except Exception as error:  # a reader bug or a malformed file we did not foresee
        raise DocumentError(
            "corrupt", f"cannot read the {sniffed.kind} file ({type(error).__name__}: {error})"
        ) from error


def _reader(kind: str):
    if kind == "hwpx":
        from .hwpx import read_hwpx

        return read_hwpx
    if kind == "hwp":
        from .hwp5 import read_hwp5

        return read_hwp5
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf
    raise DocumentError("unsupported", f"no reader for {kind} documents")
