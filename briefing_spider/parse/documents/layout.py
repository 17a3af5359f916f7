"""Paragraphs as the structure reads them: a PDF paragraph whose lines are set in different
sizes (the title run into the banner line above it) is cut where the size changes; page
numbers (`- 3 -`, `3 / 12`) are page furniture, not text of the body. Pure."""

from __future__ import annotations

import re

from .model import Block, Look, Paragraph

SIZE_TOLERANCE = 0.5  # points: lines this close in size are set in one size
PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*\d{1,4}\s*[-–]|\d{1,4}\s*/\s*\d{1,4})\s*$")


def top_level_parts(block: Block) -> list[Block]:
    """A top-level paragraph cut where its type size changes, page numbers left out."""
    if not isinstance(block, Paragraph):
        return [block]
    parts: list[Block] = []
    for part in split_by_look(block):
        lines = tuple(line for line in part.lines if not PAGE_NUMBER.match(line))
        if any(line.strip() for line in lines):
            parts.append(part if lines == part.lines else Paragraph(lines=lines, indent=part.indent, look=part.look))
    return parts


def split_by_look(paragraph: Paragraph) -> list[Paragraph]:
    """A paragraph whose lines are set in different sizes (a PDF's title run into the line above
    it), cut where the size changes."""
    looks = paragraph.line_looks
    if not looks:
        return [paragraph]
    parts: list[Paragraph] = []
    start = 0
    for index in range(1, len(looks) + 1):
        if index == len(looks) or not _same_size(looks[index - 1], looks[index]):
            parts.append(Paragraph(lines=paragraph.lines[start:index], indent=paragraph.indent, look=looks[start]))
            start = index
    return parts


def _same_size(a: Look, b: Look) -> bool:
    return a.size is None or b.size is None or abs(a.size - b.size) <= SIZE_TOLERANCE
