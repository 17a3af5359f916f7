"""A page body (HTML) → the blocks a document reader gives, so a page body gets the same
structure and Markdown as an attachment. Pure.

Block elements (p, div, li, headings …) make paragraphs and `br` breaks a line; a `table`
becomes a Table whose cells are placed by their `rowspan`/`colspan`. The look comes from the
markup: `h1`–`h6` are outline levels, `li` an automatic bullet (nested lists further right),
and inline styles (pages converted from HWP carry them) give the type size (`font-size`, pt or
px) and bold (`font-weight`, `<b>`, `<strong>`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

from .model import PLAIN, Block, Cell, Look, Paragraph, Table

BLOCK_TAGS = frozenset("p div ul ol li h1 h2 h3 h4 h5 h6 blockquote section article header footer dl dt dd".split())
HEADING_TAGS = {f"h{n}": n - 1 for n in range(1, 7)}
LIST_TAGS = {"ul": "•", "ol": "1."}
BOLD_TAGS = frozenset(("b", "strong"))
SKIPPED_TAGS = frozenset(("script", "style", "noscript", "template"))
FONT_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)\s*(pt|px)", re.I)
BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
CENTERED = re.compile(r"text-align\s*:\s*center", re.I)
PX_PER_PT = 4 / 3
LIST_STEP = 1000.0  # margin units a nested list level stands further right (a column is 500)


def html_blocks(markup: str) -> tuple[Block, ...]:
    """The blocks of an HTML fragment (a page body); () when it holds no text."""
    if not markup.strip():
        return ()
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    walker = _Walker()
    walker.walk(root, _Context())
    walker.flush()
    return tuple(walker.blocks)


@dataclass(frozen=True)
class _Context:
    look: Look = PLAIN
    depth: int = 0  # list nesting
    bullet: str | None = None


@dataclass
class _Walker:
    blocks: list[Block] = field(default_factory=list)
    lines: list[str] = field(default_factory=lambda: [""])
    look: Look | None = None  # the look of the paragraph being gathered (its first text)

    def walk(self, element, context: _Context) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in SKIPPED_TAGS:
            return self.text(element.tail, context, tail=True)
        if tag == "table":
            self.flush()
            self.blocks.append(_table(element))
            return self.text(element.tail, context, tail=True)
        if tag == "br":
            self.lines.append("")
            return self.text(element.tail, context, tail=True)
        inner = _inner(element, tag, context)
        if tag in BLOCK_TAGS:
            self.flush()
        self.text(element.text, inner)
        for child in element:
            self.walk(child, inner)
        if tag in BLOCK_TAGS:
            self.flush()
        self.text(element.tail, context, tail=True)

    def text(self, text: str | None, context: _Context, tail: bool = False) -> None:
        if not text:
            return
        cleaned = text.replace("\xa0", " ").replace("\n", " ")
        if self.look is None and cleaned.strip():
            self.look = context.look
        self.lines[-1] += cleaned

    def flush(self) -> None:
        kept = tuple(" ".join(line.split()) if not line[:1].isspace() else _keep_lead(line) for line in self.lines)
        kept = tuple(line for line in kept if line.strip())
        if kept:
            self.blocks.append(Paragraph(lines=kept, look=self.look or PLAIN))
        self.lines, self.look = [""], None


def _inner(element, tag: str, context: _Context) -> _Context:
    style = element.get("style") or ""
    size = FONT_SIZE.search(style)
    points = None
    if size:
        points = float(size.group(1)) / (PX_PER_PT if size.group(2).lower() == "px" else 1)
    depth = context.depth + 1 if tag in LIST_TAGS else context.depth
    bullet = LIST_TAGS.get(tag, context.bullet)
    look = Look(
        size=points if points is not None else context.look.size,
        bold=context.look.bold or tag in BOLD_TAGS or bool(BOLD_STYLE.search(style)),
        outline=HEADING_TAGS.get(tag, context.look.outline),
        bullet=bullet if tag == "li" else context.look.bullet,
        margin=(depth * LIST_STEP) if tag == "li" else context.look.margin,
        centered=context.look.centered or bool(CENTERED.search(style)),
    )
    return _Context(look=look, depth=depth, bullet=bullet)


def _keep_lead(line: str) -> str:
    """Leading spaces kept (they indent), inner runs collapsed."""
    lead = len(line) - len(line.lstrip())
    return " " * lead + " ".join(line.split())


def _table(element) -> Table:
    taken: set[tuple[int, int]] = set()
    rows: list[tuple[Cell, ...]] = []
    for r, tr in enumerate(element.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")):
        cells = []
        col = 0
        for td in tr.xpath("./td|./th"):
            while (r, col) in taken:
                col += 1
            row_span, col_span = _span(td.get("rowspan")), _span(td.get("colspan"))
            walker = _Walker()
            walker.walk(td, _Context())
            walker.flush()
            cells.append(Cell(row=r, col=col, row_span=row_span, col_span=col_span, blocks=tuple(walker.blocks)))
            taken.update((r + dr, col + dc) for dr in range(row_span) for dc in range(col_span))
            col += col_span
        rows.append(tuple(cells))
    return Table(rows=tuple(rows))


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 200))
    except ValueError:
        return 1
