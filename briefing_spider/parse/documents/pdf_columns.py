"""Columns a PDF's table draws no rule between, found by the white space its text leaves.

An HWPX table may divide columns by invisible borders; its PDF then draws no rule there, and
the grid (`pdf_tables.py`) makes one column of two: `380,926 4,165 1.1` in one cell where the
HWPX has three. Where a grid column's cells of their own (not spanning others) leave one
stretch of it empty in every row — a gutter at least `GUTTER` wide, with `WORD` characters or
more on both sides in `ROWS` rows or more — the column is two, divided in the gutter's middle:
each of its own cells becomes two, a cell spanning it one column wider. Prose does not do this:
its words wrap at different places row by row, and a lone row is never enough; nor does a word
letter-spaced to the cell's width (`중   국`, one letter a side).

`split_columns` needs the table's drawn characters, so a page whose tables it divides is read
into lines twice (`pdf.py`).
"""

from __future__ import annotations

from .pdf_tables import RuledCell, RuledTable, grid_table

GUTTER = 6.0  # points: the narrowest empty stretch that divides columns (a space is 2–3 points)
ROWS = 3  # rows with text on both sides of a gutter, at the least
WORD = 2  # characters on each side of a gutter, at the least, in each of those rows
EDGE = 1.0  # points: a gutter this close to the column's rule is its margin, not a division


def split_columns(table: RuledTable, inks: list[tuple[int, float, float]]) -> RuledTable:
    """The table with a rule added in each gutter of its columns (module doc); itself when none."""
    by_cell: dict[int, list[tuple[float, float]]] = {}
    for index, left, right in inks:
        by_cell.setdefault(index, []).append((left, right))
    cuts = [cut for col in range(table.n_cols) for cut in _gutters(table, col, by_cell)]
    if not cuts:
        return table
    xs = tuple(sorted([*table.xs, *cuts]))
    cells: list[RuledCell] = []
    for cell in table.cells:
        left, bottom, right, top = cell.box
        inner = [x for x in xs if left < x < right]
        first = xs.index(min(xs, key=lambda x: abs(x - left)))
        if cell.col_span == 1 and inner:  # a cell of its own in a divided column: one cell a part
            edges = [left, *inner, right]
            for k in range(len(edges) - 1):
                box = (edges[k], bottom, edges[k + 1], top)
                cells.append(RuledCell(cell.row, first + k, cell.row_span, 1, box))
        else:
            cells.append(RuledCell(cell.row, first, cell.row_span, len(inner) + 1, cell.box))
    cells.sort(key=lambda cell: (cell.row, cell.col))
    return grid_table(xs, table.ys, tuple(cells))


def _gutters(table: RuledTable, col: int, by_cell: dict[int, list[tuple[float, float]]]) -> list[float]:
    """The middles of the gutters of grid column `col` (module doc); `by_cell`: each cell's
    drawn characters (left, right)."""
    low, high = table.xs[col] + EDGE, table.xs[col + 1] - EDGE
    marks = {
        index: by_cell[index]
        for index, cell in enumerate(table.cells)
        if cell.col == col and cell.col_span == 1 and index in by_cell
    }
    if len(marks) < ROWS:
        return []
    cuts = []
    for start, end in _empty_stretches(low, high, [span for spans in marks.values() for span in spans]):
        middle = (start + end) / 2
        both_sides = sum(1 for spans in marks.values() if _words_beside(spans, middle))
        if end - start >= GUTTER and both_sides >= ROWS:
            cuts.append(middle)
    return cuts


def _words_beside(spans: list[tuple[float, float]], middle: float) -> bool:
    """Two characters or more on each side of `middle`: words, not one letter-spaced word (`중   국`)."""
    left = sum(1 for start, _ in spans if start < middle)
    return left >= WORD and len(spans) - left >= WORD


def _empty_stretches(low: float, high: float, spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The stretches of low…high that no span covers, between covered parts (not at the ends)."""
    out = []
    reach: float | None = None
    for start, end in sorted(spans):
        if reach is not None and start > reach:
            out.append((max(reach, low), min(start, high)))
        reach = end if reach is None else max(reach, end)
    return [(start, end) for start, end in out if end > start]
