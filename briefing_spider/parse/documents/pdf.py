"""PDF → DocumentText with pypdfium2 (PDFium's text layer).

Chosen by measurement on the real korea.kr PDFs (bench/README.md): best Korean coverage with
pypdf, far faster than pypdf and pdfminer.six. A PDF has no paragraph structure, so lines are
grouped into paragraphs heuristically: a line that starts with a release's line-start mark
(□ ㅇ ○ - ▸ ※ * …), or follows a line that ends a sentence, starts a new paragraph. Lines are
kept as the text layer gives them, leading spaces included (lost line breaks are restored by
position, `pdf_lines.py`).

A PDF has no tables either, only the rules drawn around them: the ruled tables of each page
(`pdf_tables.py`) become `Table` blocks in the place of their first character, each cell's
lines grouped into paragraphs like the page's.
"""

from __future__ import annotations

import pypdfium2 as pdfium

from .limits import DocumentLimits
from .model import PLAIN, Block, Cell, DocumentError, DocumentText, Look, Paragraph, Table
from .pdf_columns import split_columns
from .pdf_lines import Line, PageLines, TableMark, split_visual_lines
from .pdf_rules import page_rules
from .pdf_tables import RuledTable, ruled_tables
from .render import count_paragraphs, render_text

LINE_MARKS = tuple("□■ㅇ○●◦•-–▸▶►※*◇◆☞①②③④⑤⑥⑦⑧⑨⑩➊➋➌➍➎<[【Ⅰ")
SENTENCE_ENDS = (".", "다", "요", ":")
PASSWORD_ERRORS = ("password", "encrypt")
BOLD_WEIGHT = 600  # a font weight from this on is bold


HANG_TOLERANCE = 2.0  # points: a line this far left of a paragraph's mark leaves the paragraph


def read_pdf(data: bytes, *, limits: DocumentLimits | None = None) -> DocumentText:
    """The PDF's text; `too_many_pages` before reading a page when it has more than the limit,
    `too_slow` when reading takes longer than the limit (checked between pages)."""
    limits = limits or DocumentLimits()
    document = _open(data)
    try:
        pages = len(document)
        limits.check_pages(pages)
        check_time = limits.deadline()
        page_blocks: list[Block] = []
        for index in range(pages):
            check_time(f"page {index + 1} of {pages}")
            page_blocks += extract_page_blocks(document, index)
    finally:
        document.close()
    blocks = tuple(page_blocks)
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


def extract_page_blocks(document: pdfium.PdfDocument, index: int) -> list[Block]:
    try:
        page = document[index]
    except pdfium.PdfiumError as error:
        raise DocumentError("corrupt", f"PDFium cannot load page {index + 1} ({error})") from None
    try:
        tables = ruled_tables(page_rules(page))
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            lines = split_visual_lines(textpage.raw, text, tables)
            divided = [split_columns(table, inks) for table, inks in zip(tables, lines.inks, strict=True)]
            if any(new is not old for new, old in zip(divided, tables, strict=True)):
                tables, lines = divided, split_visual_lines(textpage.raw, text, divided)
            return page_blocks(lines, tables)
        finally:
            textpage.close()
    finally:
        page.close()


def page_blocks(page: PageLines, tables: list[RuledTable]) -> list[Block]:
    """The page's paragraphs, and each ruled table that holds text as a Table in its place."""
    blocks: list[Block] = []
    run: list[Line] = []
    for item in page.lines:
        if isinstance(item, TableMark):
            blocks += group_lines(run)
            run = []
            blocks.append(table_block(tables[item.table], page.cells[item.table]))
        else:
            run.append(item)
    return blocks + group_lines(run)


def table_block(table: RuledTable, cell_lines: list[list[Line]]) -> Table:
    """A ruled table as a Table: each cell's lines, stripped, grouped into paragraphs."""
    rows: list[list[Cell]] = [[] for _ in range(table.n_rows)]
    for cell, lines in zip(table.cells, cell_lines, strict=True):
        blocks = group_lines([line._replace(text=line.text.strip()) for line in lines])
        rows[cell.row].append(
            Cell(row=cell.row, col=cell.col, row_span=cell.row_span, col_span=cell.col_span, blocks=tuple(blocks))
        )
    return Table(rows=tuple(tuple(row) for row in rows if row))


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
