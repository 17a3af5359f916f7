"""A flat view of a release's lines, shared by the footnote, contact and attendee extractors.

A `DocumentText` becomes its lines in reading order, each knowing its paragraph, its table cell
(if any) and its indent; plain text (page text, viewer markdown) becomes one paragraph per line.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from briefing_spider.parse.documents.model import Block, DocumentText, Paragraph, Table

WS_RE = re.compile(r"\s+")
# Width of leading whitespace in columns: a full-width space counts two, a tab four.
_WS_WIDTH = {"\u3000": 2, "\t": 4}
# Paragraph indents from HWPX are in HWPUNIT (1/7200 in); ~500 units ≈ one half-width column.
INDENT_UNITS_PER_COLUMN = 500


@dataclass(frozen=True)
class TextLine:
    text: str  # as written, leading whitespace kept
    para: int  # paragraph number (lines of one paragraph share it)
    index: int  # line number inside the paragraph
    indent: float  # columns: leading whitespace + paragraph indent
    cell: tuple[int, int, int] | None = None  # (table number, row, col) when inside a table
    note: bool = False  # a real footnote control's text

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def in_cell(self) -> tuple[int, int, int]:
        """The cell of a line known to be inside a table (ValueError when it is not)."""
        if self.cell is None:
            raise ValueError(f"not in a table cell: {self.text[:40]!r}")
        return self.cell


def collapse(text: str) -> str:
    return WS_RE.sub(" ", text).strip()


def squash(text: str) -> str:
    """All whitespace removed: how strings are compared."""
    return WS_RE.sub("", text or "")


def leading_width(text: str) -> int:
    width = 0
    for char in text:
        if not char.isspace():
            break
        width += _WS_WIDTH.get(char, 1)
    return width


def lines_of(source: DocumentText | str) -> list[TextLine]:
    """The lines of `source`; a document's are remembered for the last few documents read (the
    facts and the participants of one release read the same document), as a new list each call."""
    if isinstance(source, str):
        return _text_lines(source)
    for document, lines in _RECENT:
        if document is source:
            return list(lines)
    out: list[TextLine] = []
    _walk(source.blocks, out, None, [0])
    _RECENT.append((source, tuple(out)))
    return out


_RECENT: deque[tuple[DocumentText, tuple[TextLine, ...]]] = deque(maxlen=4)


def _text_lines(text: str) -> list[TextLine]:
    out = []
    for number, line in enumerate(text.splitlines()):
        if line.strip():
            out.append(TextLine(text=line, para=number, index=0, indent=leading_width(line)))
    return out


def _walk(blocks: tuple[Block, ...], out: list[TextLine], cell, counter: list[int]) -> None:
    for block in blocks:
        if isinstance(block, Paragraph):
            counter[0] += 1
            for index, line in enumerate(block.lines):
                if not line.strip():
                    continue
                indent = leading_width(line) + max(block.indent, 0) / INDENT_UNITS_PER_COLUMN
                out.append(TextLine(line, counter[0], index, indent, cell=cell, note=block.note))
        elif isinstance(block, Table):
            counter[0] += 1
            table_no = counter[0]
            for row in block.rows:
                for c in row:
                    _walk(c.blocks, out, (table_no, c.row, c.col), counter)


def tables_of(source: DocumentText | str) -> list[Table]:
    """Every table, nested ones included, in reading order."""
    if isinstance(source, str):
        return []
    found: list[Table] = []

    def visit(blocks):
        for block in blocks:
            if isinstance(block, Table):
                found.append(block)
                for row in block.rows:
                    for c in row:
                        visit(c.blocks)

    visit(source.blocks)
    return found
