"""A PDF page's characters as visual lines, and the lines of each cell of its ruled tables.

PDFium's text layer sometimes joins two visual lines with a space instead of a line break (in
156754178.pdf `…주재하였다.` and the next line ` * 참석자: …` come out as one line), which hides
a line-start mark in mid-line. So the page's characters are checked against their positions: a
character whose box lies below the previous character's by more than half a box height,
and that starts to the left of it, opens a new visual line, and a line break is put before it.

A character drawn inside a cell of a ruled table (`pdf_tables.py`) goes to that cell's lines
instead; the page's own lines get a `TableMark` where the table's first character came, so the
table keeps its place in reading order.
"""

from __future__ import annotations

from typing import NamedTuple

import pypdfium2.raw as pdfium_c

from .pdf_tables import RuledTable

LINE_DROP = 0.5  # a character box this many box heights lower (and an x reset) is a new visual line


class Line(NamedTuple):
    """A visual line: its text, and of its first drawn non-space character the left edge, the
    box height (the type size as drawn, in page points) and the font weight (None: not known)."""

    text: str
    left: float | None = None
    height: float | None = None
    weight: int | None = None


class TableMark(NamedTuple):
    """Where a ruled table comes in the page's lines: the index of the table."""

    table: int


class PageLines(NamedTuple):
    lines: list[Line | TableMark]
    cells: list[list[list[Line]]]  # per table, per cell: its lines
    inks: list[list[tuple[int, float, float]]]  # per table, its drawn characters: cell, left, right


class _Lines:
    """Visual lines accumulated from characters in drawing order."""

    def __init__(self, textpage) -> None:
        self.textpage = textpage
        self.lines: list[Line | TableMark] = []
        self.chars: list[str] = []
        self.first: tuple[float, float, int] | None = None  # left, height, index of the first drawn character
        self.on_line = False  # False at a line start: nothing drawn yet on the line
        self.last = (0.0, 0.0, 0.0)  # left, bottom, height of the last drawn character

    def add(self, char: str, index: int, box: tuple[float, float, float] | None) -> None:
        """A character; `box` (left, bottom, height) when it is drawn, None for a generated space."""
        if box is not None:
            left, bottom, height = box
            last_left, last_bottom, last_height = self.last
            if self.on_line and left < last_left and last_bottom - bottom > LINE_DROP * max(height, last_height):
                self.close()
            if self.first is None and not char.isspace():
                self.first = (left, height, index)
            self.on_line, self.last = True, box
        self.chars.append(char)

    def break_line(self, char: str) -> None:
        if char == "\n" or self.chars:
            self.lines.append(self._line())
        self.chars, self.first, self.on_line = [], None, False

    def close(self) -> None:
        if self.chars:
            self.lines.append(self._line())
        self.chars, self.first = [], None

    def mark(self, table: int) -> None:
        self.close()
        self.on_line = False
        self.lines.append(TableMark(table))

    def _line(self) -> Line:
        text = "".join(self.chars)
        if self.first is None:
            return Line(text)
        left, height, index = self.first
        weight = pdfium_c.FPDFText_GetFontWeight(self.textpage, index)
        return Line(text, left, height, weight if weight > 0 else None)


def split_visual_lines(textpage, text: str, tables: list[RuledTable] | tuple = ()) -> PageLines:
    """The page's text as lines, and each table cell's text as lines of its own.

    `text` is the text page's text; its characters are walked with their PDFium index (a
    character outside the BMP takes two). A line ends at PDFium's own breaks (CR/LF), and also
    before a character drawn lower and further left than the last drawn character (module doc).
    PDFium's generated spaces are kept as text but not used as positions. Heights come from the
    loose character boxes (font ascent to descent, in page space), since the font size PDFium
    reports ignores the page's transformation matrix.
    """
    box = pdfium_c.FS_RECTF()
    loose_box, generated = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_IsGenerated
    page = _Lines(textpage)
    cells = [[_Lines(textpage) for _ in table.cells] for table in tables]
    inks: list[list[tuple[int, float, float]]] = [[] for _ in tables]
    marked = [False] * len(tables)
    current = page
    index = 0
    for char in text:
        here, index = index, index + (2 if ord(char) > 0xFFFF else 1)
        if char in "\r\n":
            current.break_line(char)
            continue
        if (char == " " and generated(textpage, here)) or not loose_box(textpage, here, box):
            current.add(char, here, None)
            continue
        drawn = (box.left, min(box.bottom, box.top), abs(box.top - box.bottom))
        if tables:
            number, at = _owner(tables, (box.left + box.right) / 2, (box.bottom + box.top) / 2)
            if at is None:
                current = page
            else:
                if not marked[number]:  # the table's first character: its place in the page's lines
                    page.mark(number)
                    marked[number] = True
                current = cells[number][at]
                if not char.isspace():
                    inks[number].append((at, box.left, box.right))
        current.add(char, here, drawn)
    for lines in (page, *(cell for table in cells for cell in table)):
        lines.close()
    return PageLines(page.lines, [[_text_lines(cell) for cell in table] for table in cells], inks)


def _owner(tables, x: float, y: float) -> tuple[int, int | None]:
    """The table and cell a character drawn at (x, y) belongs to; cell None: the page's."""
    for number, table in enumerate(tables):
        at = table.cell_at(x, y)
        if at is not None:
            return number, at
    return -1, None


def _text_lines(lines: _Lines) -> list[Line]:
    return [line for line in lines.lines if isinstance(line, Line)]
