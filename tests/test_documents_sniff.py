"""sniff() on synthetic bytes, and how extract_document turns non-documents into typed errors."""

from __future__ import annotations

import io
import zipfile

import pytest

from briefing_spider.parse.documents import DocumentError, extract_document, sniff


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\n", "pdf"),
        (b"\xef\xbb\xbf\n<!DOCTYPE html><html><title>x</title>", "html"),
        (b"  \r\n ", "empty"),
        (b"", "empty"),
        (b"GIF89a\x01\x00", "unknown"),
    ],
)
def test_kinds_from_bytes(data, kind):
    assert sniff(data).kind == kind


def test_zip_kinds_depend_on_the_mimetype_not_the_name():
    assert sniff(_zip({"mimetype": b"application/hwp+zip"})).kind == "hwpx"
    other = sniff(_zip({"mimetype": b"application/epub+zip"}))
    assert other.kind == "unknown" and "mimetype" in other.reason


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (
            b"<html><head><title>\xec\xa0\x95\xec\xb1\x85\xeb\xb8\x8c\xeb\xa6\xac\xed\x95\x91 - Error</title>",
            ["HTML", "Error"],
        ),
        (b"", ["no content"]),
        (b"\x89PNG\r\n\x1a\n", ["unrecognised"]),
        (_zip({"a.txt": b"x"}), ["zip"]),
    ],
)
def test_non_documents_raise_not_a_document_with_the_sniff_reason(data, words):
    with pytest.raises(DocumentError) as caught:
        extract_document(data)
    assert caught.value.code == "not_a_document"
    for word in words:
        assert word in caught.value.reason
    assert str(caught.value).startswith("not_a_document: ")
