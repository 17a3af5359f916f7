"""A release's header: its title, its embargo line and its sub-title. Pure.

The title is the paragraph (or the run of paragraphs) set in the largest type among the opening
blocks — those before the first paragraph of running text — when that type is larger than the
body's. The header holds the title, the rest of the block holding it (the sub-title under the
title in its box), the embargo tables before it (`보도시점 | 2026. 4. 13.(월) 11:00`) and the
boxes before it (a banner with one cell of text, `보도자료`, its other cells images). A banner
of several texts (`고용노동부 | 보도참고자료`) is a table, the body's first, as the site's viewer
shows it. Without a title there is no header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import forms
from .grid import cell_lines, lone_cell
from .headings import HeadingRules, walk_paragraphs
from .model import Block, Paragraph, Table

OPENING_BLOCKS = 6  # the header lies within the first blocks …
RUNNING_TEXT = 60  # … before the first top-level paragraph this long (characters)
HEADER_LABEL = re.compile(r"^(?:보\s*도\s*시\s*점|보\s*도\s*일\s*시|배\s*포\s*(?:일\s*시)?|보\s*도|엠\s*바\s*고)$")


@dataclass(frozen=True)
class Header:
    title: str | None
    entries: tuple[str, ...]  # the header's other lines: embargo, sub-title
    taken: frozenset[int]  # indices of the top-level blocks the header consists of

    def body(self, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        return tuple(block for index, block in enumerate(blocks) if index not in self.taken)


NO_HEADER = Header(title=None, entries=(), taken=frozenset())


def read_header(blocks: tuple[Block, ...], rules: HeadingRules) -> Header:
    opening = _opening(blocks)
    at, parts = _title(opening, rules)
    if at is None:
        return NO_HEADER
    skip = {id(p) for p in parts}
    title = " ".join(" ".join(line.split()) for p in parts for line in p.lines if line.strip())
    taken = {index for index, block in enumerate(blocks[:at]) if _in_header(block)} | {at}
    entries = tuple(entry for index in sorted(taken) for entry in _entries(blocks[index], skip))
    return Header(title=title or None, entries=entries, taken=frozenset(taken))


def _in_header(block: Block) -> bool:
    """An opening block before the title that belongs to the header: a paragraph (a PDF's
    banner and embargo lines), an embargo table, a table with one cell of text (a banner whose
    other cells are images)."""
    return isinstance(block, Paragraph) or is_embargo(block) or lone_cell(block) is not None


def is_embargo(block: Block) -> bool:
    """A table whose first row opens with an embargo label (보도시점, 보도일시, 배포); the label
    may span the rows under it (`보도시점` over an online and a print time)."""
    if not isinstance(block, Table) or not block.rows or len(block.rows[0]) < 2:
        return False
    return bool(HEADER_LABEL.match(" ".join(" ".join(cell_lines(block.rows[0][0])).split())))


def _opening(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    for index, block in enumerate(blocks[:OPENING_BLOCKS]):
        if isinstance(block, Paragraph) and sum(len(line.strip()) for line in block.lines) >= RUNNING_TEXT:
            return blocks[:index]
    return blocks[:OPENING_BLOCKS]


def _title(opening: tuple[Block, ...], rules: HeadingRules) -> tuple[int | None, list[Paragraph]]:
    """(index of the block holding the title, the title's paragraphs)."""
    sizes = [p.look.size for p in walk_paragraphs(opening) if p.look.size and _has_text(p)]
    if not sizes or rules.body_size is None or max(sizes) <= rules.body_size:
        return None, []
    largest = max(sizes)
    for index, block in enumerate(opening):
        run = _run(list(walk_paragraphs((block,))), largest)
        if run:
            return index, run
    return None, []


def _run(paragraphs: list[Paragraph], size: float) -> list[Paragraph]:
    """The first run of consecutive paragraphs set in `size`."""
    run: list[Paragraph] = []
    for paragraph in paragraphs:
        if paragraph.look.size == size and _has_text(paragraph):
            run.append(paragraph)
        elif run:
            break
    return run


def _entries(block: Block, skip: set[int]) -> list[str]:
    if isinstance(block, Paragraph):
        return [] if id(block) in skip else [_clean(line) for line in block.lines if line.strip()]
    out: list[str] = []
    for row in block.rows:
        if len(row) == 1:
            out.extend(entry for b in row[0].blocks for entry in _entries(b, skip))
            continue
        entry = _row_entry([" ".join(cell_lines(cell)) for cell in row])
        if entry:
            out.append(entry)
    return out


def _row_entry(cells: list[str]) -> str:
    """A header row: `label: value` pairs where a cell is a label (보도시점, 배포), else the cells."""
    parts: list[str] = []
    for text in (" ".join(c.split()) for c in cells if c.strip()):
        if parts and not HEADER_LABEL.match(text) and HEADER_LABEL.match(parts[-1]):
            parts[-1] = f"{parts[-1]}: {text}"
        else:
            parts.append(text)
    return " · ".join(parts)


def _clean(line: str) -> str:
    text = " ".join(line.split())
    found = forms.MARK.match(text)
    return text[found.end() :] if found and text[found.end() :] else text


def _has_text(paragraph: Paragraph) -> bool:
    return any(line.strip() for line in paragraph.lines)
