"""What a document reader returns: blocks of paragraphs and tables, in reading order.

The contract between the readers (hwpx, hwp5, pdf) and the extractors of contacts, footnotes
and attendees (release_text). Line starts (□ ㅇ ○ - ▸ ※ *) and leading spaces are kept.

A paragraph also carries its `Look` — how the format sets it (type size, bold, outline level,
an automatic bullet or number, its left edge) — for the structure reader (`structure.py`:
headings, lists). It is a hint about presentation, never text: `Look` takes no part in a
block's equality, and the plain text ignores it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, kw_only=True)
class Look:
    size: float | None = None  # type size in points of the paragraph's first character, when known
    bold: bool = False
    outline: int | None = None  # outline level (0 = top) of a paragraph the format numbers as a heading
    bullet: str | None = None  # an automatic bullet ("•") or number format ("1.") drawn before the text
    margin: float | None = None  # the left edge of its first line (the format's units; compare within a file)
    centered: bool = False


PLAIN = Look()
ORDERED = "1."  # the `Look.bullet` of a paragraph the format numbers itself, whatever its number format


@dataclass(frozen=True, kw_only=True)
class Paragraph:
    lines: tuple[str, ...]  # one entry per hard line (hp:lineBreak splits a paragraph)
    indent: int = 0  # left indent in the source's units when known (HWPX paraPr), else 0
    note: bool = False  # text of a real footnote/endnote control, placed after its paragraph
    look: Look = field(default=PLAIN, compare=False)
    line_looks: tuple[Look, ...] = field(default=(), compare=False)  # per line, when lines differ (PDF)


@dataclass(frozen=True, kw_only=True)
class Cell:
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    blocks: tuple[Block, ...] = ()

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(line for block in self.blocks for line in block_lines(block))


@dataclass(frozen=True, kw_only=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]


Block = Paragraph | Table


def block_lines(block: Block) -> tuple[str, ...]:
    if isinstance(block, Paragraph):
        return block.lines
    return tuple(line for row in block.rows for cell in row for line in cell.lines)


@dataclass(frozen=True, kw_only=True)
class DocumentText:
    kind: str  # hwpx, hwp, pdf
    blocks: tuple[Block, ...]
    text: str  # the whole document as plain text, one line per line
    pages: int | None = None
    paragraphs: int = 0


class DocumentError(ValueError):
    """A file that yields no text, with a machine-readable `code` and a human reason."""

    def __init__(self, code: str, reason: str):
        super().__init__(f"{code}: {reason}")
        self.code = code  # not_a_document, too_large, zip_bomb, encrypted, corrupt, …
        self.reason = reason

    def __reduce__(self):  # picklable, so it can come back from a worker process
        return type(self), (self.code, self.reason)
