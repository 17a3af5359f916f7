"""Decide what a downloaded file is from its bytes, never from its name.

korea.kr serves HWP 5 binaries named `.hwpx` and HTML error pages named `.pdf`: the name lies.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import olefile

from .model import DocumentError
from .safezip import SafeZip

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
HWPX_MIMETYPE = b"application/hwp+zip"
MIMETYPE_CAP = 1024  # bytes of a zip's `mimetype` member read to sniff it; a longer one is refused
HWP5_SIGNATURE = b"HWP Document File"
HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<meta", b"<?xml")

KINDS = ("hwpx", "hwp", "pdf", "html", "empty", "unknown")
DOCUMENT_KINDS = ("hwpx", "hwp", "pdf")


@dataclass(frozen=True, kw_only=True)
class Sniffed:
    kind: str  # one of KINDS
    reason: str | None = None  # for html/empty/unknown: why this is not a document
    code: str = "not_a_document"  # the DocumentError code for a non-document (zip_bomb: refused)

    @property
    def is_document(self) -> bool:
        return self.kind in DOCUMENT_KINDS


def sniff(data: bytes) -> Sniffed:
    """Classify `data` as hwpx, hwp (HWP 5), pdf, html (an error page), empty or unknown."""
    if not data.strip():
        return Sniffed(kind="empty", reason="the server answered with no content")
    if data.startswith(PDF_MAGIC) or PDF_MAGIC in data[:1024]:
        return Sniffed(kind="pdf")
    if data.startswith(ZIP_MAGIC):
        return _sniff_zip(data)
    if data.startswith(OLE2_MAGIC):
        return _sniff_ole(data)
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(HTML_STARTS) or b"<html" in data[:2048].lower():
        return Sniffed(kind="html", reason=f"an HTML page instead of a file: {_html_title(data)}")
    return Sniffed(kind="unknown", reason=f"unrecognised bytes {data[:8]!r}")


def _sniff_zip(data: bytes) -> Sniffed:
    # The OWPML container stores `mimetype` first and uncompressed, like EPUB/ODF.
    if data[30:38] == b"mimetype" and HWPX_MIMETYPE in data[38:120]:
        return Sniffed(kind="hwpx")
    try:  # the same capped, streamed read as every other zip member (a bomb stops at the cap)
        mimetype = SafeZip(data).read("mimetype", cap=MIMETYPE_CAP)
    except DocumentError as error:
        if error.code == "zip_bomb":
            return Sniffed(kind="unknown", reason=error.reason, code="zip_bomb")
        return Sniffed(kind="unknown", reason=f"a zip that is not HWPX ({error.reason})")
    if mimetype.strip() == HWPX_MIMETYPE:
        return Sniffed(kind="hwpx")
    return Sniffed(kind="unknown", reason="a zip without the application/hwp+zip mimetype")


def _sniff_ole(data: bytes) -> Sniffed:
    if HWP5_SIGNATURE in data[:65536]:  # the FileHeader sector is usually near the start
        return Sniffed(kind="hwp")
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not ole.exists("FileHeader"):
                return Sniffed(kind="unknown", reason="an OLE2 file without a FileHeader stream")
            header = ole.openstream("FileHeader").read(32)
    except (OSError, ValueError) as error:
        return Sniffed(kind="unknown", reason=f"a broken OLE2 compound file ({error})")
    if header.startswith(HWP5_SIGNATURE):
        return Sniffed(kind="hwp")
    return Sniffed(kind="unknown", reason="an OLE2 compound file that is not HWP 5")


def _html_title(data: bytes) -> str:
    text = data[:4096].decode("utf-8", "replace")
    start = text.lower().find("<title>")
    end = text.lower().find("</title>")
    if 0 <= start < end:
        title = " ".join(text[start + 7 : end].split())
        if title:
            return f"title {title!r}"
    return "no title"
