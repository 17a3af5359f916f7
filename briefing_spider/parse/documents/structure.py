"""A document's structure: its title, headings, lists, notes, tables and contact block. Pure.

`read_structure(document)` walks the blocks a reader gave (`model.py`) once, in reading order:

- **Title**: the paragraph(s) set in the largest type among the document's opening blocks (its
  header: the 보도자료 box, the embargo line, the title box), when larger than the body text.
- **Headings**: a paragraph the format numbers as an outline level (HWPX/HWP outline shapes);
  a short paragraph numbered as a part (Ⅰ.), a section (1. １ ❶ or a boxed digit) or an annex
  (붙임, 참고) — a section number only when the paragraph stands out from the body (bold or
  larger type); a box (a one-cell table) or a bar (a one-row table of short cells opening with
  such a number or label) holding one short line.
- **Lists**: paragraphs opening with a list mark (□ ○ ㅇ - · ▪ ① (1) …) or drawn with an
  automatic bullet, nested as the document nests them (`outline.py`).
- **Notes**: paragraphs opening with ※ or * (typed notes) and the text of real footnotes.
- **Contact block**: a table of 담당 부서 rows (a role cell and a phone or e-mail), one entry a row.
- **Tables**: every other table of more than one column, as a grid with its merged cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import contact_block, forms
from .grid import Grid, cell_lines, grid_of, lone_cell, single_column
from .header import read_header
from .headings import HeadingRules, label_text
from .layout import PAGE_NUMBER, split_by_look, top_level_parts
from .model import Block, DocumentText, Paragraph, Table
from .outline import Outline, edge, marked


@dataclass(frozen=True)
class Heading:
    level: int  # 2 … 6 (level 1 is the title)
    text: str
    label: bool = False  # a bracketed label (`<총괄>`): right above a contact table, it names its group
    names_next: bool = False  # an unnumbered label or box: right above a table, it is the table's caption


@dataclass(frozen=True)
class Text:
    lines: tuple[str, ...]
    depth: int | None = None  # None: a paragraph of its own; else it continues the item at that depth


@dataclass(frozen=True)
class Item:
    depth: int  # 0: outermost
    mark: str
    lines: tuple[str, ...]  # the first without its mark
    drawn: bool = False  # the mark is the format's automatic bullet or number, not in the text


@dataclass(frozen=True)
class Note:
    lines: tuple[str, ...]  # with its mark (※, *, 1) …)
    depth: int | None = None
    footnote: bool = False  # a real footnote control's text, not a typed note


@dataclass(frozen=True)
class TableNode:
    grid: Grid
    caption: str | None = None  # the line right above it that names it, or the heading it is under
    unit_line: str | None = None  # a `(단위: 억원)` line right above it


@dataclass(frozen=True)
class Contacts:
    rows: tuple[tuple[str, ...], ...]  # each row's cell texts, empty cells left out
    continued: bool = False  # more of a contact block begun since the last heading (no heading of its own)


Node = Heading | Text | Item | Note | TableNode | Contacts


@dataclass(frozen=True)
class Structure:
    title: str | None
    header: tuple[str, ...]  # the header's other lines (release kind, embargo, sub-title)
    nodes: tuple[Node, ...]  # the body


def read_structure(document: DocumentText) -> Structure:
    blocks = tuple(part for block in document.blocks for part in top_level_parts(block))
    rules = HeadingRules.of(blocks)
    header = read_header(blocks, rules)
    reader = _Reader(rules=rules, kind=document.kind)
    reader.blocks(header.body(blocks))
    return Structure(title=header.title, header=header.entries, nodes=tuple(reader.nodes))


@dataclass
class _Reader:
    rules: HeadingRules
    kind: str
    nodes: list[Node] = field(default_factory=list)
    outline: Outline = field(default_factory=Outline)
    heading: str | None = None  # the last heading, a caption for the table under it
    contact_lines: list[str] = field(default_factory=list)  # a contact block read from text, so far

    def blocks(self, blocks: tuple[Block, ...], boxed: bool = False) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                for part in split_by_look(block):
                    self.paragraph(part, boxed)
            else:
                self.end_contact_text()
                self.table(block)
        self.end_contact_text()

    def paragraph(self, paragraph: Paragraph, boxed: bool) -> None:
        lines = tuple(line for line in paragraph.lines if line.strip() and not PAGE_NUMBER.match(line))
        if not lines or self.contact_text(lines):
            return
        at = edge(lines[0], paragraph.look, self.kind)
        if paragraph.note:
            self.add(Note(lines=_stripped(lines), depth=self.outline.inside(at), footnote=True))
            return
        level = self.rules.level(paragraph, lines)
        if level is not None:
            text = " ".join(_stripped(lines))
            label = label_text(text)
            return self.add_heading(level, label or text, label=label is not None, names_next=label is not None)
        item = marked(lines[0], paragraph.look)
        if forms.NOTE.match(lines[0].strip()):
            self.add(Note(lines=_stripped(lines), depth=self.outline.inside(at)))
        elif item is not None:
            depth = self.outline.depth(item.key, at)
            self.add(Item(depth=depth, mark=item.mark, lines=(item.text, *_stripped(lines[1:])), drawn=item.drawn))
        else:
            self.add(Text(lines=_stripped(lines), depth=self.outline.inside(at) if boxed or at else None))

    def table(self, table: Table) -> None:
        if not any(cell_lines(cell) for row in table.rows for cell in row):
            return  # no text at all: a frame, a spacer, an image's table
        lone = lone_cell(table)
        if lone is not None:
            heading = self.rules.box_heading(lone)
            if heading is None:
                return self.blocks(lone.blocks, boxed=True)
            level, text, unnumbered = heading
            return self.add_heading(level, text, names_next=unnumbered)
        if single_column(table):
            for row in table.rows:
                for cell in row:
                    self.blocks(cell.blocks, boxed=True)
            return
        grid = grid_of(table)
        bar = self.rules.bar_heading(grid)
        if bar is not None:
            return self.add_heading(*bar)
        if contact_block.is_contact_table(grid):
            return self.add_contacts(contact_block.table_rows(grid))
        self.outline.close()
        last = self.nodes[-1] if self.nodes else None
        if isinstance(last, Heading) and last.names_next:  # `<표 제목>` over a table is its caption
            self.nodes[-1] = Text(lines=(last.text,))
            self.heading = self.previous_heading()
            return self.add(TableNode(grid=grid, caption=last.text))
        self.add(TableNode(grid=grid, **self.caption()))

    def add(self, node: Node) -> None:
        self.nodes.append(node)

    def add_heading(self, level: int, text: str, label: bool = False, names_next: bool = False) -> None:
        self.outline.close()
        self.heading = text
        self.add(Heading(level=level, text=text, label=label, names_next=names_next))

    def previous_heading(self) -> str | None:
        return next((node.text for node in reversed(self.nodes) if isinstance(node, Heading)), None)

    def contact_text(self, lines: tuple[str, ...]) -> bool:
        """Lines of a contact block written as text (a PDF's table): gathered until the block ends."""
        if self.contact_lines and all(contact_block.continues_text_block(line) for line in lines):
            self.contact_lines.extend(lines)
            return True
        self.end_contact_text()
        if contact_block.opens_text_block(lines[0]):
            self.contact_lines.extend(lines)
            return True
        return False

    def end_contact_text(self) -> None:
        if self.contact_lines:
            lines, self.contact_lines = self.contact_lines, []
            self.add_contacts(contact_block.text_rows(lines))

    def add_contacts(self, rows: tuple[tuple[str, ...], ...]) -> None:
        last = self.nodes[-1] if self.nodes else None
        if isinstance(last, Heading) and last.label:  # `<총괄>` over a contact table names its group
            self.nodes.pop()
            rows = ((last.text,), *rows)
        before = self.nodes[-1] if self.nodes else None
        if isinstance(before, Contacts):
            self.nodes.pop()
            return self.add(Contacts(rows=before.rows + rows, continued=before.continued))
        self.add(Contacts(rows=rows, continued=self.in_contacts()))

    def in_contacts(self) -> bool:
        """A contact block has begun since the last heading."""
        for node in reversed(self.nodes):
            if isinstance(node, Contacts):
                return True
            if isinstance(node, Heading):
                return False
        return False

    def caption(self) -> dict[str, str | None]:
        """What names the table about to be added: the caption line right above it (a unit line
        may stand between), else the heading it stands under, else the unit line."""
        before = [node for node in self.nodes[-2:] if isinstance(node, Text)][::-1]
        unit = " ".join(before[0].lines) if before and forms.UNIT_LINE.match(before[0].lines[0]) else None
        named = before[1:] if unit else before
        if named and named[0] is self.nodes[-1 - bool(unit)] and forms.CAPTION.match(named[0].lines[0]):
            return {"caption": " ".join(named[0].lines), "unit_line": unit}
        return {"caption": self.heading or unit, "unit_line": unit}


def _stripped(lines: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(" ".join(line.split()) for line in lines)
