"""Blocks → plain text, shared by the readers so every kind renders the same way.

- A paragraph: its lines, one per text line, leading spaces and line-start marks kept.
- A table whose every row has a single cell (a 1×1 title box, a note box, a layout column):
  the lines of its cells, as they are.
- Any other table: one text line per row, the row's cells joined by CELL_SEPARATOR, the lines
  inside one cell joined by a space, empty cells left out. Merged cells appear once, in the
  row that anchors them.
"""

from __future__ import annotations

from .model import Block, Paragraph, Table

CELL_SEPARATOR = " | "


def block_text_lines(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return list(block.lines)
    return table_text_lines(block)


def table_text_lines(table: Table) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        if len(row) == 1:
            lines.extend(line for b in row[0].blocks for line in block_text_lines(b))
            continue
        cells = (" ".join(_strip(line) for b in c.blocks for line in block_text_lines(b)) for c in row)
        line = CELL_SEPARATOR.join(cell for cell in cells if cell)
        if line:
            lines.append(line)
    return lines


def render_text(blocks: tuple[Block, ...] | list[Block]) -> str:
    return "\n".join(line for block in blocks for line in block_text_lines(block))


def count_paragraphs(blocks: tuple[Block, ...] | list[Block]) -> int:
    total = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            total += 1
        else:
            total += sum(count_paragraphs(cell.blocks) for row in block.rows for cell in row)
    return total


def _strip(line: str) -> str:
    return line.strip()
