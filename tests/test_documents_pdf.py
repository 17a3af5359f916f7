"""PDF reader on small PDFs written by the test (Helvetica text, so ASCII only)."""

from __future__ import annotations

import io

import pytest

from briefing_spider.parse.documents import DocumentError, Paragraph, extract_document
from briefing_spider.parse.documents.pdf import group_paragraphs


def pdf(*pages: list[str]) -> bytes:
    """A minimal PDF: one page per list of lines, each line drawn 20 points below the last."""
    return pdf_streams(
        *("BT /F1 12 Tf 72 720 Td " + " ".join(f"({line}) Tj 0 -20 Td" for line in lines) + " ET" for lines in pages)
    )


def pdf_streams(*streams: str) -> bytes:
    """A minimal PDF: one page per content stream, font /F1 = Helvetica."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for stream in streams:
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {len(objects)} 0 R >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_text_lines_and_pages():
    doc = extract_document(pdf(["Press release", "* note line"], ["Second page text."]))
    assert doc.kind == "pdf" and doc.pages == 2
    lines = doc.text.splitlines()
    assert lines == ["Press release", "* note line", "Second page text."]
    assert all(isinstance(b, Paragraph) for b in doc.blocks)
    assert doc.paragraphs == len(doc.blocks) >= 2  # the * mark and the page start new paragraphs


def test_mark_on_a_new_visual_line_is_not_glued_to_the_line_above():
    # Text drawn at font size 100 in a 0.12-scaled text matrix (12 pt on the page), the period
    # shown on its own: PDFium's text layer joins the two lines with a space
    # ("Text ends here. * note"), as on page 1 of the real 156754178.pdf.
    stream = (
        "BT /F1 100 Tf 0.12 0 0 0.12 72 720 Tm (Text ends here) Tj (.) Tj "
        "0.12 0 0 0.12 90 700 Tm (* note) Tj 0.12 0 0 0.12 100 680 Tm (wrapped) Tj "
        "0.12 0 0 0.12 72 660 Tm (Next text) Tj ET"
    )
    doc = extract_document(pdf_streams(stream))
    assert doc.text.splitlines() == ["Text ends here.", "* note", "wrapped", "Next text"]
    # the note keeps its hanging line; a line that starts left of the mark is the next paragraph
    assert [b.lines for b in doc.blocks] == [("Text ends here.",), ("* note", "wrapped"), ("Next text",)]


def test_paragraph_grouping_on_marks_and_sentence_ends():
    blocks = group_paragraphs("□ 제목 줄\r\n이어지는 줄\r\n  ※ 참고 사항이다.\r\n다음 문장\r\n\r\n")
    assert [b.lines for b in blocks] == [("□ 제목 줄", "이어지는 줄"), ("  ※ 참고 사항이다.",), ("다음 문장",)]


def test_encrypted_pdf_is_typed():
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.append(pypdf.PdfReader(io.BytesIO(pdf(["secret"]))))
    writer.encrypt("a password", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(DocumentError) as caught:
        extract_document(buffer.getvalue())
    assert caught.value.code == "encrypted" and "password" in caught.value.reason


@pytest.mark.parametrize("cut", [20, 200])
def test_broken_pdf_is_corrupt(cut):
    with pytest.raises(DocumentError) as caught:
        extract_document(pdf(["Hello"])[:cut])
    assert caught.value.code == "corrupt"


def test_garbage_after_the_magic_is_corrupt():
    with pytest.raises(DocumentError) as caught:
        extract_document(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    assert caught.value.code == "corrupt" and "PDFium" in caught.value.reason
