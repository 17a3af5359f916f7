"""What reading one attachment may cost: zip members stop at their cap, PDFs at a page and time cap."""

from __future__ import annotations

import io
import tracemalloc
import zipfile

import pytest

from briefing_spider.contract.page import AttachmentLink
from briefing_spider.parse.assemble import AttachmentPart, read_attachment
from briefing_spider.parse.documents import DocumentError, DocumentLimits, extract_document, limits_from_env, sniff
from briefing_spider.parse.documents.safezip import SafeZip
from tests.test_documents_pdf import pdf

MIB = 1 << 20


def zip_with_zero_mimetype(size: int) -> bytes:
    """A small zip whose `mimetype` member is `size` zero bytes, deflated (1 GiB → ~1 MB)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("mimetype", "w", force_zip64=True) as stream:
            zeros = bytes(16 * MIB)
            for _ in range(size // len(zeros)):
                stream.write(zeros)
        archive.writestr("Contents/section0.xml", b"<x/>")
    return buffer.getvalue()


def lying_sizes(data: bytes, name: bytes, declared: int) -> bytes:
    """`data` with member `name`'s uncompressed size rewritten (local header and central directory)."""
    out = bytearray(data)
    local = out.rfind(b"PK\x03\x04", 0, out.find(name))
    central = out.rfind(b"PK\x01\x02", 0, out.rfind(name))
    out[local + 22 : local + 26] = out[central + 24 : central + 28] = declared.to_bytes(4, "little")
    return bytes(out)


@pytest.fixture(scope="module")
def gib_of_zeros() -> bytes:
    return zip_with_zero_mimetype(1024 * MIB)


def test_a_gib_of_zeros_as_mimetype_is_refused_without_inflating_it(gib_of_zeros):
    assert len(gib_of_zeros) < 8 * MIB
    tracemalloc.start()
    try:
        sniffed = sniff(gib_of_zeros)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (sniffed.kind, sniffed.code) == ("unknown", "zip_bomb")
    assert "mimetype" in sniffed.reason and "1073741824" in sniffed.reason
    assert peak < 2 * len(gib_of_zeros) + MIB  # the input's own copy, never the inflated member
    with pytest.raises(DocumentError) as caught:
        extract_document(gib_of_zeros)
    assert caught.value.code == "zip_bomb"


def test_a_bomb_attachment_is_recorded_as_zip_bomb(gib_of_zeros):
    link = AttachmentLink(name="폭탄.hwpx", url="https://www.korea.kr/common/download.do?fileId=1", file_id="1")
    attachment, document = read_attachment(AttachmentPart(link=link, body=gib_of_zeros, sha256="0" * 64))
    assert document is None and attachment.error.startswith("zip_bomb: ")


def test_a_member_lying_about_its_size_stops_one_byte_past_the_cap():
    honest = zip_with_zero_mimetype(64 * MIB)
    data = lying_sizes(honest, b"mimetype", 19)  # declares the length of application/hwp+zip
    archive = SafeZip(data)
    with pytest.raises(DocumentError) as caught:
        archive.read("mimetype", cap=1024)
    assert caught.value.code in {"zip_bomb", "corrupt"}
    assert archive.inflated <= 20  # never decompressed past the declared size + 1
    assert sniff(data).kind == "unknown"


def test_every_read_shares_the_archive_budget():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(4):
            archive.writestr(f"part{n}", bytes(MIB))
    archive = SafeZip(buffer.getvalue(), budget=3 * MIB)
    for n in range(3):
        assert len(archive.read(f"part{n}")) == MIB
    with pytest.raises(DocumentError) as caught:
        archive.read("part3")
    assert caught.value.code == "zip_bomb" and "budget" in caught.value.reason
    assert archive.inflated == 3 * MIB  # the refused member was never inflated
    with pytest.raises(DocumentError) as caught:
        SafeZip(buffer.getvalue()).read("part0", cap=1000)
    assert caught.value.code == "zip_bomb" and "cap" in caught.value.reason


def many_pages(count: int) -> bytes:
    """A PDF of `count` blank pages: one page object listed `count` times in the page tree."""
    parts, offsets = [b"%PDF-1.4\n"], []

    def add(body: bytes) -> None:
        offsets.append(sum(map(len, parts)))
        parts.append(f"{len(offsets)} 0 obj\n".encode() + body + b"\nendobj\n")

    add(b"<< /Type /Catalog /Pages 2 0 R >>")
    add(b"<< /Type /Pages /Count %d /Kids [" % count + b"3 0 R " * count + b"] >>")
    add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
    xref = sum(map(len, parts))
    parts.append(
        f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
        + b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    )
    parts.append(f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return b"".join(parts)


def test_a_pdf_with_more_pages_than_the_cap_is_refused_before_reading_a_page():
    data = many_pages(100_000)
    with pytest.raises(DocumentError) as caught:
        extract_document(data, limits=DocumentLimits(max_pages=50))
    assert caught.value.code == "too_many_pages"
    assert "100000 pages" in caught.value.reason and "50" in caught.value.reason
    assert extract_document(many_pages(50), limits=DocumentLimits(max_pages=50)).pages == 50


def test_a_pdf_read_past_the_time_cap_stops_at_the_next_page():
    ticks = iter(range(1000))  # a clock that advances one second per look
    limits = DocumentLimits(max_seconds=3, clock=lambda: float(next(ticks)))
    with pytest.raises(DocumentError) as caught:
        extract_document(pdf(*[["Page text"]] * 10), limits=limits)
    assert caught.value.code == "too_slow" and "page 4 of 10" in caught.value.reason
    assert next(ticks) == 5  # started, then pages 1-4 checked: nothing read after the cap


def test_caps_come_from_the_environment(monkeypatch):
    assert limits_from_env({}) == DocumentLimits()
    limits = limits_from_env({"BRIEFING_MAX_PAGES": "7", "BRIEFING_MAX_DOCUMENT_SECONDS": "2.5"})
    assert (limits.max_pages, limits.max_seconds) == (7, 2.5)
    with pytest.raises(ValueError, match="BRIEFING_MAX_PAGES"):
        limits_from_env({"BRIEFING_MAX_PAGES": "many"})
    monkeypatch.setenv("BRIEFING_MAX_PAGES", "3")
    with pytest.raises(DocumentError) as caught:
        extract_document(many_pages(4))
    assert caught.value.code == "too_many_pages" and "BRIEFING_MAX_PAGES" in caught.value.reason


def test_hwpx_and_hwp5_readers_check_the_time_cap_between_sections():
    from tests.fixtures.documents import make_hwpx

    ticks = iter(range(1000))
    limits = DocumentLimits(max_seconds=0.5, clock=lambda: float(next(ticks)))
    with pytest.raises(DocumentError) as caught:
        extract_document(make_hwpx(["□ 합성 문단"]), limits=limits)
    assert caught.value.code == "too_slow" and "section0.xml" in caught.value.reason
    assert extract_document(make_hwpx(["□ 합성 문단"]), limits=DocumentLimits()).text == "□ 합성 문단"
