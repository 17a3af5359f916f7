"""HTML → plain text with one line per block, for page bodies.

Block elements (p, div, li, tr, headings, br) end a line; table cells in a row are joined by
" | " so that a table reads as rows. Runs of spaces collapse; empty lines are dropped.
"""

from __future__ import annotations

from lxml import html as lxml_html

BLOCK_TAGS = frozenset(
    "p div li ul ol tr table h1 h2 h3 h4 h5 h6 blockquote section article header footer dl dt dd".split()
)
CELL_TAGS = frozenset(("td", "th"))
SKIPPED_TAGS = frozenset(("script", "style", "noscript", "template"))
CELL_SEPARATOR = " | "


def element_text(element: lxml_html.HtmlElement) -> str:
    """The text of an element, one line per block, spaces collapsed."""
    parts: list[str] = []
    _walk(element, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in SKIPPED_TAGS:
        _append_tail(element, parts)
        return
    if tag == "br":
        parts.append("\n")
    elif tag in BLOCK_TAGS:
        parts.append("\n")
    elif tag in CELL_TAGS and _has_previous_cell(element):
        parts.append(CELL_SEPARATOR)
    if element.text and tag:
        parts.append(element.text.replace("\xa0", " "))
    for child in element:
        _walk(child, parts)
    if tag in BLOCK_TAGS:
        parts.append("\n")
    _append_tail(element, parts)


def _append_tail(element, parts: list[str]) -> None:
    if element.tail:
        parts.append(element.tail.replace("\xa0", " "))


def _has_previous_cell(element) -> bool:
    previous = element.getprevious()
    return previous is not None and previous.tag in CELL_TAGS
