"""A document's structure → Markdown (CommonMark, with HTML tables). Pure.

- The title (the document's, or the page's when given) as `#`, then the header's lines (embargo,
  sub-title) as a list, then the body under `## 본문`, as the site's viewer shows a release; the
  attachments' names under `## 첨부파일` when given (a release, not a lone file).
- Headings as `##` … `######`.
- List items as nested `-` items, four spaces a level, the document's own mark kept after the
  item marker (`- □ …`, `  - ㅇ …`); a dash mark, and a bullet or number the format draws
  itself (not in the text), is the item marker itself (`    - …`, `1. …`).
- Notes (※, *) and unmarked paragraphs that continue an item: paragraphs indented under it.
- Tables: a pipe table when every cell is one slot of one line; else an HTML `<table>` with
  `rowspan`/`colspan`, the lines of a cell joined by a space (a cell's own lists and line
  breaks are not kept inside a table).
- The contact block under `## 담당 부서`, one `-` entry a row: `label: department / role title
  name / phone`, as the site's viewer shows it.
- Hancom's private-use boxed digits as the viewer shows them (１ ２ …); the text is otherwise as
  written. A paragraph that would read as Markdown syntax (`* …`, `1. …`, `# …`) is escaped, and
  so is a `<` that would open an HTML tag (text is never markup; `<붙임>` stays as it is).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from . import forms
from .contact_block import contact_line
from .grid import Grid
from .html_blocks import html_blocks
from .model import ORDERED, DocumentText, Paragraph
from .render import render_text
from .structure import Contacts, Heading, Item, Node, Note, Structure, TableNode, Text, read_structure

INDENT = "    "  # a list level: four spaces, which CommonMark and Python-Markdown both nest
BODY_HEADING = "본문"  # the body under its own heading, as the site's viewer shows a release
ATTACHMENTS_HEADING = "첨부파일"
DASHES = set(forms.DASH_MARKS)
MARKDOWN_START = re.compile(r"^(?=[#>*+\-=|]|\d{1,9}[.)](?:\s|$))")
PIPE = re.compile(r"\|")
TAG_START = re.compile(r"<(?=[A-Za-z/!?])")  # where CommonMark would start raw HTML


def document_markdown(document: DocumentText, *, title: str | None = None, attachments: Sequence[str] = ()) -> str:
    """The Markdown of a document; `title` (the page's) replaces the document's own, and
    `attachments` (file names) are listed under `## 첨부파일`, as the site shows a release."""
    return to_markdown(read_structure(document), title=title, attachments=attachments)


def page_markdown(body_html: str, *, title: str | None = None, attachments: Sequence[str] = ()) -> str:
    """The Markdown of a page body (HTML), read like a document (`html_blocks.py`)."""
    blocks = html_blocks(body_html)
    document = DocumentText(kind="page", blocks=blocks, text=render_text(blocks))
    return document_markdown(document, title=title, attachments=attachments)


def text_markdown(text: str, *, title: str | None = None, attachments: Sequence[str] = ()) -> str:
    """The Markdown of plain text: each non-blank line a paragraph, its marks read as in a document."""
    blocks = tuple(Paragraph(lines=(line,)) for line in text.splitlines() if line.strip())
    document = DocumentText(kind="text", blocks=blocks, text=text)
    return document_markdown(document, title=title, attachments=attachments)


def to_markdown(structure: Structure, *, title: str | None = None, attachments: Sequence[str] = ()) -> str:
    chunks: list[str] = []
    title = title or structure.title
    if title:
        chunks.append(f"# {_inline(title)}")
    if structure.header:
        chunks.append("\n".join(f"- {_inline(entry)}" for entry in structure.header))
    chunks.append(f"## {BODY_HEADING}")
    items: list[str] = []
    for node in structure.nodes:
        if isinstance(node, Item):
            items.append(_item(node))
            continue
        if items:
            chunks.append("\n".join(items))
            items = []
        chunks.append(_block(node))
    if items:
        chunks.append("\n".join(items))
    if attachments:
        chunks.append(f"## {ATTACHMENTS_HEADING}\n\n" + "\n".join(f"- {_escape_start(name)}" for name in attachments))
    return "\n\n".join(chunk for chunk in chunks if chunk) + "\n"


def _block(node: Node) -> str:
    if isinstance(node, Heading):
        return f"{'#' * node.level} {_inline(node.text)}"
    if isinstance(node, (Text, Note)):
        return _paragraph(node.lines, node.depth)
    if isinstance(node, TableNode):
        return table_markdown(node.grid)
    if isinstance(node, Contacts):
        return contacts_markdown(node)
    raise TypeError(f"not a structure node: {node!r}")


def _item(item: Item) -> str:
    pad = INDENT * item.depth
    first = _inline(item.lines[0])
    if item.drawn:  # the format's own bullet or number is the list's marker
        head = f"{pad}{'1.' if item.mark == ORDERED else '-'} {first}"
    else:
        head = f"{pad}- {first}" if item.mark in DASHES else f"{pad}- {item.mark} {first}"
    rest = [f"{pad}{INDENT}{_inline(line)}" for line in item.lines[1:]]
    return "\n".join([head, *rest])


def _paragraph(lines: tuple[str, ...], depth: int | None) -> str:
    pad = INDENT * (depth + 1) if depth is not None else ""
    return "\n".join(pad + _escape_start(_inline(line)) for line in lines)


def table_markdown(grid: Grid) -> str:
    if grid.n_cols < 2 or grid.merged or any(len(c.lines) > 1 for c in grid.cells):
        return table_html(grid)
    rows = grid.resolved()
    lines = [_pipe_row(rows[0]), _pipe_row(["---"] * grid.n_cols)]
    lines.extend(_pipe_row(row) for row in rows[1:])
    return "\n".join(lines)


def _pipe_row(cells: list[str]) -> str:
    return "| " + " | ".join(PIPE.sub(r"\\|", _inline(cell)) for cell in cells) + " |"


def table_html(grid: Grid) -> str:
    rows = []
    for row in grid.rows():
        cells = "".join(f"<td{_spans(c.row_span, c.col_span)}>{html.escape(_glyphs(c.text))}</td>" for c in row)
        rows.append(f"<tr>{cells}</tr>")
    return "<table>" + "".join(rows) + "</table>"


def _spans(row_span: int, col_span: int) -> str:
    return (f' rowspan="{row_span}"' if row_span > 1 else "") + (f' colspan="{col_span}"' if col_span > 1 else "")


def contacts_markdown(contacts: Contacts) -> str:
    entries = "\n".join(f"- {_inline(contact_line(row))}" for row in contacts.rows)
    return entries if contacts.continued else f"## {forms.CONTACT_HEADING}\n\n{entries}"


def _inline(text: str) -> str:
    """Text as Markdown: boxed digits as the viewer shows them, and a `<` that would open an HTML
    tag (`<div`, `</p`, `<!--`) escaped, so that text is never read as markup (`<붙임>` stays)."""
    return TAG_START.sub(r"\\<", _glyphs(text))


def _glyphs(text: str) -> str:
    return "".join(forms.BOXED_DIGITS.get(char, char) for char in text)


def _escape_start(line: str) -> str:
    return MARKDOWN_START.sub("\\\\", line, count=1)
