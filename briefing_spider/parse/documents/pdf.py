"""PDF → DocumentText with pypdfium2 (PDFium's text layer).

Chosen by measurement on the real korea.kr PDFs (bench/README.md): best Korean coverage with
pypdf, far faster than pypdf and pdfminer.six. A PDF has no paragraph structure, so lines are
grouped into paragraphs heuristically: a line that starts with a release's line-start mark
(□ ㅇ ○ - ▸ ※ * …), or follows a line that ends a sentence, starts a new paragraph. Lines are
kept as the text layer gives them, leading spaces included.
"""

from __future__ import annotations

import pypdfium2 as pdfium

from .model import Block, DocumentError, DocumentText, Paragraph
from .render import count_paragraphs, render_text

LINE_MARKS = tuple("□■ㅇ○●◦•-–▸▶►※*◇◆☞①②③④⑤⑥⑦⑧⑨⑩➊➋➌➍➎<[【Ⅰ")
SENTENCE_ENDS = (".", "다", "요", ":")
PASSWORD_ERRORS = ("password", "encrypt")


def read_pdf(data: bytes) -> DocumentText:
    document = _open(data)
    try:
        pages = len(document)
        page_texts = [extract_page_text(document, index) for index in range(pages)]
    finally:
        document.close()
    blocks = tuple(block for text in page_texts for block in group_paragraphs(text))
    return DocumentText(
        kind="pdf", blocks=blocks, text=render_text(blocks),
        pages=pages, paragraphs=count_paragraphs(blocks),
    )


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        message = str(error)
        if any(word in message.lower() for word in PASSWORD_ERRORS):
            raise DocumentError("encrypted", f"the PDF needs a password ({message})") from None
        raise DocumentError("corrupt", f"PDFium cannot open the PDF ({message})") from None


def extract_page_text(document: pdfium.PdfDocument, index: int) -> str:
    try:
        page = document[index]
    except pdfium.PdfiumError as error:
        raise DocumentError("corrupt", f"PDFium cannot load page {index + 1} ({error})") from None
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()


def group_paragraphs(page_text: str) -> list[Block]:
    """Split a page's text into lines and group them into Paragraphs (see module doc)."""
    blocks: list[Block] = []
    current: list[str] = []
    for raw in page_text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.replace("\x00", "").rstrip()
        if not line.strip():
            continue
        if current and (_starts_item(line) or current[-1].endswith(SENTENCE_ENDS)):
            blocks.append(Paragraph(lines=tuple(current)))
            current = []
        current.append(line)
    if current:
        blocks.append(Paragraph(lines=tuple(current)))
    return blocks


def _starts_item(line: str) -> bool:
    return line.lstrip().startswith(LINE_MARKS)
