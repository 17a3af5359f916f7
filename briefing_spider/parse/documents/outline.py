"""How a document nests its list marks: which mark is under which, read from the document.

A mark met for the first time opens a level under the one open before it (□ then ㅇ: ㅇ is
under □), unless it stands clearly left of that level (then it closes levels until one stands
left of it). A mark already open closes every level under it and is their sibling again. So
the levels are the document's own: a release that puts ○ under ㅁ, or - right under □, is read
as written, and the left edge (the paragraph's margin plus its leading spaces) settles a mark
that could go either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import forms
from .model import Look

EDGE_TOLERANCE = 1.0  # columns: a mark this far left of a level does not go under it
UNITS_PER_COLUMN = {"hwpx": 500.0, "hwp": 500.0, "pdf": 5.0}  # margin units per half-width column
FULL_WIDTH_SPACE = "\u3000"


@dataclass(frozen=True)
class Marked:
    key: str  # what identifies the level: the mark itself, or the form of a number ("n)")
    mark: str  # as written (or the automatic bullet)
    text: str  # the paragraph's first line without its mark
    drawn: bool = False  # an automatic bullet or number of the format (not in the text)


def marked(line: str, look: Look) -> Marked | None:
    """The list mark a paragraph opens with (typed, or drawn by the format), or None."""
    text = line.strip()
    if look.bullet:
        return Marked(key=f"auto {look.bullet} {look.margin}", mark=look.bullet, text=text, drawn=True)
    for pattern in (forms.MARK, forms.PRIVATE_BULLET):
        found = pattern.match(text)
        if found and text[found.end() :].strip():
            return Marked(key=found.group(1), mark=found.group(1), text=text[found.end() :])
    found = forms.ENUMERATED.match(text)
    if found and text[found.end() :].strip():
        mark = found.group(0).strip()
        return Marked(key=_number_form(mark), mark=mark, text=text[found.end() :])
    return None


def _number_form(mark: str) -> str:
    """The form of a number mark, whatever its value: (1) and (2) are one level."""
    if mark in forms.CIRCLED_NUMBERS:
        return "①"
    return re.sub(r"[가-하]", "가", re.sub(r"\d+", "1", mark))


def edge(line: str, look: Look, kind: str) -> float:
    """The left edge of a paragraph in columns: its margin and its leading spaces."""
    spaces = sum(2 if c == FULL_WIDTH_SPACE else 1 for c in line[: len(line) - len(line.lstrip())])
    return (look.margin or 0.0) / UNITS_PER_COLUMN.get(kind, 500.0) + spaces


@dataclass
class Outline:
    """The open levels while a document is read (private to one reading)."""

    open: list[tuple[str, float]] = field(default_factory=list)  # (key, edge), outermost first

    def depth(self, key: str, at: float) -> int:
        for index, (open_key, _) in enumerate(self.open):
            if open_key == key:
                del self.open[index + 1 :]
                self.open[index] = (key, at)
                return index
        while self.open and at < self.open[-1][1] - EDGE_TOLERANCE:
            self.open.pop()
        self.open.append((key, at))
        return len(self.open) - 1

    def inside(self, at: float) -> int | None:
        """The depth an unmarked paragraph continues at: under the open item it is indented
        past, else None (it closes the list)."""
        while self.open and at <= self.open[-1][1]:
            self.open.pop()
        return len(self.open) - 1 if self.open else None

    def close(self) -> None:
        self.open.clear()
