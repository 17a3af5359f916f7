"""A table as a grid: its anchored cells with their spans, and the rows × columns they cover.

The readers give each cell its address (row, column) and spans as the file writes them. The
grid places every cell at its address; a cell whose slot another cell already covers, or that
lies outside the table, keeps the next free slot of its row (files are not always consistent).
`resolved()` gives every slot its text: a merged cell's text is repeated into each slot it
covers.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Block, Cell, Paragraph, Table, block_lines

MAX_SPAN = 200  # a span past this is a broken file, not a table


@dataclass(frozen=True, kw_only=True)
class GridCell:
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    lines: tuple[str, ...] = ()  # the cell's text lines, stripped, empty lines dropped
    blocks: tuple[Block, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass(frozen=True, kw_only=True)
class Grid:
    cells: tuple[GridCell, ...]  # anchored cells in reading order (row, then column)
    n_rows: int
    n_cols: int

    @property
    def merged(self) -> bool:
        return any(c.row_span > 1 or c.col_span > 1 for c in self.cells)

    def rows(self) -> list[list[GridCell]]:
        """The anchored cells of each row, in column order."""
        out: list[list[GridCell]] = [[] for _ in range(self.n_rows)]
        for cell in self.cells:
            out[cell.row].append(cell)
        return out

    def resolved(self) -> list[list[str]]:
        """rows × columns of text, a merged cell's text in every slot it covers."""
        slots = [[""] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, min(cell.row + cell.row_span, self.n_rows)):
                for c in range(cell.col, min(cell.col + cell.col_span, self.n_cols)):
                    slots[r][c] = cell.text
        return slots


def grid_of(table: Table) -> Grid:
    taken: set[tuple[int, int]] = set()
    cells: list[GridCell] = []
    for index, row in enumerate(table.rows):
        for cell in row:
            placed = _place(cell, index, taken)
            cells.append(placed)
            for r in range(placed.row, placed.row + placed.row_span):
                for c in range(placed.col, placed.col + placed.col_span):
                    taken.add((r, c))
    cells.sort(key=lambda c: (c.row, c.col))
    n_rows = max((c.row + c.row_span for c in cells), default=0)
    n_cols = max((c.col + c.col_span for c in cells), default=0)
    return Grid(cells=tuple(cells), n_rows=n_rows, n_cols=n_cols)


def _place(cell: Cell, row_index: int, taken: set[tuple[int, int]]) -> GridCell:
    row, col = max(cell.row, 0), max(cell.col, 0)
    row_span, col_span = min(max(cell.row_span, 1), MAX_SPAN), min(max(cell.col_span, 1), MAX_SPAN)
    if (row, col) in taken:
        row = row_index if cell.row < 0 else row
        while (row, col) in taken:
            col += 1
    return GridCell(row=row, col=col, row_span=row_span, col_span=col_span, lines=cell_lines(cell), blocks=cell.blocks)


def cell_lines(cell: Cell) -> tuple[str, ...]:
    return tuple(s for block in cell.blocks for line in block_lines(block) if (s := line.strip()))


def single_column(table: Table) -> bool:
    """Every row one cell: a box (a title box, a note box, a layout column), not a data table."""
    return all(len(row) == 1 for row in table.rows)


def lone_cell(table: Table) -> Cell | None:
    """The one cell that holds text, when every other cell is empty (a banner whose other cells
    hold images, a one-cell box); None otherwise."""
    filled = [cell for row in table.rows for cell in row if cell_lines(cell)]
    return filled[0] if len(filled) == 1 else None


def paragraphs_of(blocks: tuple[Block, ...]) -> list[Paragraph]:
    return [b for b in blocks if isinstance(b, Paragraph)]
