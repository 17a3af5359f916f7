"""Which paragraphs are headings, and the title: rules over the forms of `forms.py` and the
look the readers give (`model.Look`). Pure.

The body size is the type size most of the document's text is set in; a paragraph "stands out"
when it is bold or set larger. Levels: 2 parts (Ⅰ.) and annexes (붙임), 3 sections (1. １ ❶)
and boxed or bar headings, 4 subsections (가.); an outline-numbered paragraph takes its outline
level + 2 (capped at 6).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import forms
from .grid import Grid
from .model import Block, Cell, Paragraph, Table

PART, SECTION, SUBSECTION, DEEPEST = 2, 3, 4, 6
BAR_CELL_MAX = 50  # characters of one cell of a heading bar


@dataclass(frozen=True)
class HeadingRules:
    body_size: float | None

    @classmethod
    def of(cls, blocks: tuple[Block, ...]) -> HeadingRules:
        sizes: Counter[float] = Counter()
        for paragraph in walk_paragraphs(blocks):
            if paragraph.look.size:
                sizes[paragraph.look.size] += sum(len(line.strip()) for line in paragraph.lines)
        return cls(body_size=sizes.most_common(1)[0][0] if sizes else None)

    def stands_out(self, paragraph: Paragraph) -> bool:
        size = paragraph.look.size
        return paragraph.look.bold or (size is not None and self.body_size is not None and size > self.body_size)

    def level(self, paragraph: Paragraph, lines: tuple[str, ...]) -> int | None:
        """The heading level of a paragraph, or None when it is not a heading."""
        if paragraph.look.outline is not None:
            return min(paragraph.look.outline + PART, DEEPEST)
        text = " ".join(line.strip() for line in lines)
        if len(lines) > 1 or len(text) > forms.HEADING_MAX_CHARS or forms.SENTENCE_END.search(text):
            return None
        if label_text(text):
            return SECTION
        return self.numbered_level(text, self.stands_out(paragraph))

    def numbered_level(self, text: str, stands_out: bool) -> int | None:
        if forms.ROMAN_HEAD.match(text):
            return PART
        if forms.ANNEX_HEAD.match(text) and _rest(forms.ANNEX_HEAD, text):
            return PART
        if stands_out and forms.NUMBER_HEAD.match(text):
            return SECTION
        if stands_out and forms.HANGUL_HEAD.match(text):
            return SUBSECTION
        return None

    def box_heading(self, cell: Cell) -> tuple[int, str, bool] | None:
        """The lone cell of a box holding one short line that is no note, no see-also (☞) and
        no sentence: (level, text, whether it is unnumbered — then it may name a table below)."""
        paragraphs = [b for b in cell.blocks if isinstance(b, Paragraph) and any(s.strip() for s in b.lines)]
        if len(paragraphs) != 1 or any(isinstance(b, Table) for b in cell.blocks):
            return None
        lines = tuple(line for line in paragraphs[0].lines if line.strip())
        text = " ".join(" ".join(line.split()) for line in lines)
        if len(lines) != 1 or len(text) > forms.HEADING_MAX_CHARS or forms.SENTENCE_END.search(text):
            return None
        if forms.NOTE.match(text) or text[0] in forms.ARROW_MARKS:  # a note, a see-also (☞ …)
            return None
        level = self.numbered_level(text, True)
        return (level or SECTION), label_text(text) or text, level is None

    def bar_heading(self, grid: Grid) -> tuple[int, str] | None:
        """A one-row table of short one-line cells opening with a section number or annex label
        (`１ | 추진 배경`, `붙임 1 | 행사 개요`)."""
        if grid.n_rows != 1 or not grid.cells:
            return None
        cells = [cell for cell in grid.cells if cell.text]
        if not cells or any(len(c.text) > BAR_CELL_MAX or len(c.lines) > 1 for c in cells):
            return None
        texts = [cell.text for cell in cells]
        text = " ".join(texts)
        level = self.numbered_level(text, True)
        if level is None or len(text) > forms.HEADING_MAX_CHARS:
            return None
        return level, text


def label_text(text: str) -> str | None:
    """The words of a bracketed label (`<추진 배경>` → 추진 배경), or None: not a label, or a
    unit note (`【…(단위: 억원)】`, a table's caption)."""
    found = forms.LABEL.match(text)
    if not found or forms.UNIT.search(text):
        return None
    words = " ".join(next(group for group in found.groups() if group).split())
    return words or None


def walk_paragraphs(blocks: tuple[Block, ...]):
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    yield from walk_paragraphs(cell.blocks)


def _rest(pattern, text: str) -> str:
    found = pattern.match(text)
    return text[found.end() :].strip() if found else ""
