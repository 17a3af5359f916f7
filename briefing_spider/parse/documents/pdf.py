"""PDF → DocumentText with pypdfium2 (PDFium's text layer).

Chosen by measurement on the real korea.kr PDFs (bench/README.md): best Korean coverage with
pypdf, far faster than pypdf and pdfminer.six. A PDF has no paragraph structure, so lines are
grouped into paragraphs heuristically: a line that starts with a release's line-start mark
(□ ㅇ ○ - ▸ ※ * …), or follows a line that ends a sentence, starts a new paragraph. Lines are
kept as the text layer gives them, leading spaces included.

PDFium's text layer sometimes joins two visual lines with a space instead of a line break (in
156754178.pdf `…주재하였다.` and the next line ` * 참석자: …` come out as one line), which hides
a line-start mark in mid-line. So the page's characters are checked against their positions: a
character whose box lies below the previous character's by more than half a box height,
and that starts to the left of it, opens a new visual line, and a line break is put before it.
"""

from __future__ import annotations

from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .limits import DocumentLimits
from .model import PLAIN, Block, DocumentError, DocumentText, Look, Paragraph
from .render import count_paragraphs, render_text

LINE_MARKS = tuple("□■ㅇ○●◦•-–▸▶►※*◇◆☞①②③④⑤⑥⑦⑧⑨⑩➊➋➌➍➎<[【Ⅰ")
SENTENCE_ENDS = (".", "다", "요", ":")
PASSWORD_ERRORS = ("password", "encrypt")
BOLD_WEIGHT = 600  # a font weight from this on is bold


class Line(NamedTuple):
    """A visual line: its text, and of its first drawn non-space character the left edge, the
    box height (the type size as drawn, in page points) and the font weight (None: not known)."""

    text: str
    left: float | None = None
    height: float | None = None
    weight: int | None = None


HANG_TOLERANCE = 2.0  # points: a line this far left of a paragraph's mark leaves the paragraph
LINE_DROP = 0.5  # a character box this many box heights lower (and an x reset) is a new visual line


def read_pdf(data: bytes, *, limits: DocumentLimits | None = None) -> DocumentText:
    """The PDF's text; `too_many_pages` before reading a page when it has more than the limit,
    `too_slow` when reading takes longer than the limit (checked between pages)."""
    limits = limits or DocumentLimits()
    document = _open(data)
    try:
        pages = len(document)
        limits.check_pages(pages)
        check_time = limits.deadline()
        page_lines = []
        for index in range(pages):
            check_time(f"page {index + 1} of {pages}")
            page_lines.append(extract_page_lines(document, index))
    finally:
        document.close()
    blocks = tuple(block for lines in page_lines for block in group_lines(lines))
    return DocumentText(
        kind="pdf",
        blocks=blocks,
        text=render_text(blocks),
        pages=pages,
        paragraphs=count_paragraphs(blocks),
    )


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        message = str(error)
        if any(word in message.lower() for word in PASSWORD_ERRORS):
            raise DocumentError("encrypted", f"the PDF needs a password ({message})") from None
        raise DocumentError("corrupt", f"PDFium cannot open the PDF ({message})") from None


def extract_page_lines(document: pdfium.PdfDocument, index: int) -> list[Line]:
    try:
        page = document[index]
    except pdfium.PdfiumError as error:
        raise DocumentError("corrupt", f"PDFium cannot load page {index + 1} ({error})") from None
    try:
        textpage = page.get_textpage()
        try:
            return split_visual_lines(textpage.raw, textpage.get_text_range())
        finally:
            textpage.close()
    finally:
        page.close()


def extract_page_text(document: pdfium.PdfDocument, index: int) -> str:
    """The page's text, one visual line a line (lost line breaks restored)."""
    return "\n".join(line.text for line in extract_page_lines(document, index))


def split_visual_lines(textpage, text: str) -> list[Line]:
    """The page's text as lines, each with the left edge of its first drawn non-space character.

    `text` is the text page's text; its characters are walked with their PDFium index (a
    character outside the BMP takes two). A line ends at PDFium's own breaks (CR/LF), and also
    before a character drawn lower and further left than the last drawn character, by the rule
    in the module doc. PDFium's generated spaces are kept as text but not used as positions.
    Heights come from the loose character boxes (font ascent to descent, in page space), since
    the font size PDFium reports ignores the page's transformation matrix.
    """
    box = pdfium_c.FS_RECTF()
    loose_box, generated = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_IsGenerated
    lines: list[Line] = []
    chars: list[str] = []
    first: tuple[float, float, int] | None = None  # left, height, index of the line's first drawn character
    on_line = False  # False at a line start: nothing drawn yet on the line
    last_left = last_bottom = last_height = 0.0
    index = 0

    def close() -> None:
        lines.append(_line(textpage, "".join(chars), first))

    for char in text:
        here, index = index, index + (2 if ord(char) > 0xFFFF else 1)
        if char in "\r\n":
            if char == "\n" or chars:
                close()
            chars, first, on_line = [], None, False
            continue
        if (char == " " and generated(textpage, here)) or not loose_box(textpage, here, box):
            chars.append(char)
            continue
        left, bottom, height = box.left, min(box.bottom, box.top), abs(box.top - box.bottom)
        if on_line and left < last_left and last_bottom - bottom > LINE_DROP * max(height, last_height):
            close()
            chars, first = [], None
        if first is None and not char.isspace():
            first = (left, height, here)
        chars.append(char)
        on_line, last_left, last_bottom, last_height = True, left, bottom, height
    if chars:
        close()
    return lines


def _line(textpage, text: str, first: tuple[float, float, int] | None) -> Line:
    if first is None:
        return Line(text)
    left, height, index = first
    weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
    return Line(text, left, height, weight if weight > 0 else None)


def group_paragraphs(page_text: str) -> list[Block]:
    """Split a page's text into lines and group them into Paragraphs (see module doc)."""
    lines = page_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return group_lines([Line(line) for line in lines])


def group_lines(lines: list[Line]) -> list[Block]:
    """Group a page's lines into Paragraphs (see module doc).

    A paragraph that starts with a mark hangs its wrapped lines at or right of the mark; a line
    whose first character lies left of the mark (when both positions are known) is the next
    paragraph, even when the mark's line does not end a sentence.
    """
    blocks: list[Block] = []
    current: list[str] = []
    looks: list[Look] = []
    mark_left: float | None = None
    for raw, left, height, weight in lines:
        line = raw.replace("\x00", "").rstrip()
        if not line.strip():
            continue
        starts_item = _starts_item(line)
        outdented = mark_left is not None and left is not None and left < mark_left - HANG_TOLERANCE
        if current and (starts_item or outdented or current[-1].endswith(SENTENCE_ENDS)):
            blocks.append(_paragraph(current, looks))
            current, looks = [], []
        if not current:
            mark_left = left if starts_item else None
        current.append(line)
        looks.append(_look(left, height, weight))
    if current:
        blocks.append(_paragraph(current, looks))
    return blocks


def _paragraph(lines: list[str], looks: list[Look]) -> Paragraph:
    return Paragraph(lines=tuple(lines), look=looks[0], line_looks=tuple(looks) if len(looks) > 1 else ())


def _look(left: float | None, height: float | None, weight: int | None) -> Look:
    """A paragraph's look from its first line: the drawn box height stands for the type size."""
    if left is None and height is None:
        return PLAIN
    return Look(size=height, bold=weight is not None and weight >= BOLD_WEIGHT, margin=left)


def _starts_item(line: str) -> bool:
    return line.lstrip().startswith(LINE_MARKS)
