"""Is a downloaded document whole? A body cut short (a connection closed early, no
Content-Length to tell) still starts with the right magic bytes, so `sniff` calls it a document;
these checks read the structure each format keeps at its end or throughout.

- zip (HWPX): the end-of-central-directory record and the central directory open;
- OLE2 (HWP 5): every sector the allocation table names exists, and every stream reads whole;
- PDF: the `%%EOF` marker within the last 1024 bytes (where readers look for it).

Pure and cheap next to extraction: nothing is decompressed.
"""

from __future__ import annotations

import io
import zipfile

import olefile

from briefing_spider.parse.documents.sniff import OLE2_MAGIC, PDF_MAGIC, ZIP_MAGIC

PDF_END = b"%%EOF"
PDF_END_WITHIN = 1024


def damage(data: bytes) -> str | None:
    """Why `data`, by its first bytes a zip, OLE2 or PDF file, cannot be read whole; None when
    it can, or when it is no such file (HTML error pages and the like are judged elsewhere)."""
    if data.startswith(ZIP_MAGIC):
        return _zip_damage(data)
    if data.startswith(OLE2_MAGIC):
        return _ole_damage(data)
    if data.startswith(PDF_MAGIC) or PDF_MAGIC in data[:1024]:
        if PDF_END not in data[-PDF_END_WITHIN:]:
            return f"a PDF without its {PDF_END.decode()} marker at the end ({len(data)} bytes): cut short"
    return None


def _zip_damage(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            end = max((info.header_offset for info in archive.infolist()), default=0)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        return f"a zip that does not open ({error}, {len(data)} bytes): cut short or broken"
    if end > len(data):
        return f"a zip whose members lie past its end ({len(data)} bytes): cut short"
    return None


def _ole_damage(data: bytes) -> str | None:
    try:
        with olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT) as ole:
            for stream in ole.listdir(streams=True, storages=False):
                expected = ole.get_size(stream)
                if len(ole.openstream(stream).read()) < expected:
                    return f"an OLE2 stream {'/'.join(stream)} shorter than its {expected} bytes: cut short"
    except (OSError, ValueError, IndexError, EOFError) as error:  # olefile.OleFileError is an OSError
        return f"an OLE2 file that does not read whole ({error}, {len(data)} bytes): cut short or broken"
    return None
