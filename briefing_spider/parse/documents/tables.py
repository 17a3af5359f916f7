"""A document's tables as data: rows × columns, merged cells resolved. Pure.

Every table of the structure (`structure.py`) that has a row of data under its header: not the
contact block (its people are in `contacts`), not a one-row banner or title bar (those are
headings or header lines). For each:

- `number`: its place among the document's data tables, from 1;
- `caption`: the line right above it that names it (`【 … 】`, `<표 1> …`, `(단위: 억원)` when
  nothing else names it), else the heading it stands under;
- `unit`: the unit the caption, the line above or the header gives (`단위: 억원` → 억원);
- a first row holding only the unit (`(단위: 억원)` at its right) gives the unit, and one cell
  across the whole table (`<방문기업 개요>`) the table's title (its caption when nothing names it
  above), not the header;
- `header`: the header rows folded into one text a column — the rows that the first row's
  merged cells reach down over (`’26년` over `본예산(A)` → `’26년 본예산(A)`), one row when
  none does;
- `rows`: the rows under the header, each with one text a column; a merged cell's text is
  repeated into every slot it covers (rows and columns), so every row has every column.

Cell text is cleaned for use as data: whitespace collapsed, Hancom's boxed digits as digits, a
leading symbol-font bullet dropped.
"""

from __future__ import annotations

import re

from briefing_spider.records import ReleaseTable

from . import forms
from .grid import Grid
from .structure import Structure, TableNode

UNIT = re.compile(r"단\s*위\s*[:：]?\s*([^,)\]】>\s]+(?:\s*[,/]\s*[^,)\]】>\s]+)*)")
UNIT_IN_HEADER = re.compile(r"\(\s*([천백십]?[만억조]?\s*원|%|명|개소?|건|[천만]?톤|[억천만]?달러)\s*\)")


def document_tables(structure: Structure) -> tuple[ReleaseTable, ...]:
    tables: list[ReleaseTable] = []
    for node in structure.nodes:
        if isinstance(node, TableNode):
            table = data_table(node, len(tables) + 1)
            if table is not None:
                tables.append(table)
    return tuple(tables)


def data_table(node: TableNode, number: int) -> ReleaseTable | None:
    grid = node.grid
    slots = [[clean_cell(text) for text in row] for row in grid.resolved()]
    start, titles = 0, []
    while start < len(slots):
        if all(not text or forms.UNIT_LINE.match(text) for text in slots[start]):
            start += 1  # a first row holding only the unit (`(단위: 억원)` at its right) or nothing
        elif grid.n_cols > 1 and len(set(slots[start])) == 1:
            titles.append(slots[start][0])  # one cell across the table: its title, not its header
            start += 1
        else:
            break
    depth = header_depth(grid, start)
    if len(slots) <= start + depth or grid.n_cols == 0:
        return None
    header = tuple(_fold(column) for column in zip(*slots[start : start + depth], strict=True))
    rows = tuple(tuple(row) for row in slots[start + depth :])
    unit_rows = " ".join(text for row in slots[:start] for text in row if text)
    caption = node.caption if node.caption or not titles else " ".join(titles)
    return ReleaseTable(number=number, caption=caption, unit=unit_of(node, header, unit_rows), header=header, rows=rows)


def header_depth(grid: Grid, start: int = 0) -> int:
    """How many rows the header takes from row `start`: as far down as a merged cell of its
    first row reaches."""
    first = [cell for cell in grid.cells if cell.row == start]
    depth = max((cell.row_span for cell in first), default=1)
    return depth if start + depth < grid.n_rows else 1


def unit_of(node: TableNode, header: tuple[str, ...], unit_rows: str = "") -> str | None:
    for text in (unit_rows, node.unit_line, node.caption):
        found = UNIT.search(text or "")
        if found:
            return " ".join(found.group(1).split())
    for text in header:
        found = UNIT_IN_HEADER.search(text)
        if found:
            return "".join(found.group(1).split())
    return None


def clean_cell(text: str) -> str:
    """A cell's text as data: whitespace collapsed, Hancom's boxed digits as digits, a leading
    symbol-font bullet dropped."""
    text = "".join(forms.BOXED_DIGITS.get(char, char) for char in " ".join(text.split()))
    return forms.PRIVATE_BULLET.sub("", text, count=1)


def _fold(column: tuple[str, ...]) -> str:
    """A column's header rows as one text: each distinct text once, top down."""
    seen: list[str] = []
    for text in column:
        if text and text not in seen:
            seen.append(text)
    return " ".join(seen)
