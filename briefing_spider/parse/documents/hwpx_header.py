"""HWPX `Contents/header.xml` → how each paragraph is set: its left edge (for the text's indents)
and its `Look` (type size, bold, outline level, automatic bullet or number, centring).

A paragraph names a paragraph shape (`paraPrIDRef` → `hh:paraPr`: margins, alignment and
`hh:heading` — NONE, OUTLINE, NUMBER or BULLET with the numbering/bullet it uses and its level)
and each run a character shape (`charPrIDRef` → `hh:charPr`: `height` in 1/100 pt, `hh:bold`).
Only the parts needed are parsed when they can be cut out of the file (fonts and border fills
make up most of it); the whole header when they cannot. The character shapes, a regular list,
are scanned with a regular expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .model import ORDERED, PLAIN, DocumentError, Look

HH = "{http://www.hancom.co.kr/hwpml/2011/head}"
HC = "{http://www.hancom.co.kr/hwpml/2011/core}"
PREFIXES = (
    b'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head" '
    b'xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core" '
    b'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"'
)
PARTS = (b"paraProperties", b"bullets")  # parsed as XML; charProperties is scanned (CHAR_PR)
CHAR_PROPERTIES = b"charProperties"
CHAR_PR_RE = re.compile(rb"<hh:charPr\b([^>]*)>")  # a character shape's start tag: its attributes
CHAR_PR_END = b"</hh:charPr>"
ID_RE, HEIGHT_RE = re.compile(rb'\bid="([^"]*)"'), re.compile(rb'\bheight="(\d+)"')
BOLD_TAG = b"<hh:bold"
PARA_PR, BULLET = HH + "paraPr", HH + "bullet"
MARGIN, HEADING, ALIGN = HH + "margin", HH + "heading", HH + "align"
HEIGHT_PER_POINT = 100
CENTERED = {"CENTER"}
NUMBER_MARK = "^"  # a numbering level's format: `^1.` is "the level-1 number, then a dot"

XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class ParaShape:
    edge: int = 0  # margin left + positive first-line indent, HWPUNIT
    heading: str = "NONE"
    level: int = 0
    ref: str = ""
    centered: bool = False


@dataclass(frozen=True)
class HwpxStyles:
    paras: dict[str, ParaShape] = field(default_factory=dict)
    chars: dict[str, tuple[float, bool]] = field(default_factory=dict)  # charPr id → (points, bold)
    bullets: dict[str, str] = field(default_factory=dict)  # bullet id → its character
    looks: dict[tuple[str | None, str | None], Look] = field(default_factory=dict, compare=False)

    def indent(self, para_pr: str | None) -> int:
        shape = self.paras.get(para_pr or "")
        return shape.edge if shape else 0

    def look(self, para_pr: str | None, char_pr: str | None) -> Look:
        """The Look of a paragraph of shape `para_pr` whose first text run has shape `char_pr`."""
        key = (para_pr, char_pr)
        if key not in self.looks:
            self.looks[key] = self._look(para_pr, char_pr)
        return self.looks[key]

    def _look(self, para_pr: str | None, char_pr: str | None) -> Look:
        shape = self.paras.get(para_pr or "")
        size, bold = self.chars.get(char_pr or "", (None, False))
        if shape is None and size is None:
            return PLAIN
        shape = shape or ParaShape()
        return Look(
            size=size,
            bold=bold,
            outline=shape.level if shape.heading == "OUTLINE" else None,
            bullet=self._bullet(shape),
            margin=float(shape.edge),
            centered=shape.centered,
        )

    def _bullet(self, shape: ParaShape) -> str | None:
        if shape.heading == "BULLET":
            return self.bullets.get(shape.ref) or "•"
        return ORDERED if shape.heading == "NUMBER" else None


def read_styles(xml: bytes | None) -> HwpxStyles:
    """The header's paragraph and character shapes; empty styles without a header."""
    if xml is None:
        return HwpxStyles()
    parts = [_part(xml, name) for name in PARTS]
    roots = [part for part in parts if part is not None]
    if len(roots) < len(parts):  # a part that could not be cut out: the whole header
        roots = [_parse(xml)]
    return HwpxStyles(
        paras={p.get("id"): _para_shape(p) for root in roots for p in root.iter(PARA_PR)},
        chars=_char_shapes(xml),
        bullets={b.get("id"): b.get("char", "") for root in roots for b in root.iter(BULLET)},
    )


def _char_shapes(xml: bytes) -> dict[str, tuple[float, bool]]:
    """charPr id → (points, bold), scanned from the hh:charProperties part (a regular
    structure: parsing that part as XML took a third of reading a release)."""
    start, end = xml.find(b"<hh:" + CHAR_PROPERTIES), xml.find(b"</hh:" + CHAR_PROPERTIES)
    part = xml[start:end] if 0 <= start < end else xml
    shapes = {}
    for found in CHAR_PR_RE.finditer(part):
        attributes = found.group(1)
        ident, height = ID_RE.search(attributes), HEIGHT_RE.search(attributes)
        if ident is None:
            continue
        close = part.find(CHAR_PR_END, found.end())
        bold = (
            not attributes.endswith(b"/") and part.find(BOLD_TAG, found.end(), close if close >= 0 else len(part)) >= 0
        )
        size = int(height.group(1)) / HEIGHT_PER_POINT if height else 0.0
        shapes[ident.group(1).decode("ascii", "replace")] = (size, bold)
    return shapes


def _part(xml: bytes, name: bytes) -> etree._Element | None:
    start, end = xml.find(b"<hh:" + name), xml.find(b"</hh:" + name + b">")
    if not 0 <= start < end:
        return None if xml.find(b"<hh:" + name) >= 0 else etree.Element("empty")
    close = end + len(name) + 6
    try:
        return etree.fromstring(b"<part " + PREFIXES + b">" + xml[start:close] + b"</part>", XML_PARSER)
    except etree.XMLSyntaxError:
        return None


def _parse(xml: bytes) -> etree._Element:
    try:
        return etree.fromstring(xml, XML_PARSER)
    except etree.XMLSyntaxError as error:
        raise DocumentError("corrupt", f"Contents/header.xml is not well-formed XML ({error})") from None


def _para_shape(para_pr: etree._Element) -> ParaShape:
    margin, heading, align = para_pr.find(f".//{MARGIN}"), para_pr.find(HEADING), para_pr.find(ALIGN)
    edge = 0
    if margin is not None:
        edge = int_attribute(margin.find(HC + "left"), "value") + max(
            int_attribute(margin.find(HC + "intent"), "value"), 0
        )
    return ParaShape(
        edge=edge,
        heading=heading.get("type", "NONE") if heading is not None else "NONE",
        level=int_attribute(heading, "level"),
        ref=heading.get("idRef", "") if heading is not None else "",
        centered=align is not None and align.get("horizontal") in CENTERED,
    )


def int_attribute(element: etree._Element | None, attribute: str, default: int = 0) -> int:
    """The whole number an attribute holds; `default` without the element, the attribute or a number."""
    if element is None:
        return default
    try:
        return int(element.get(attribute, default))
    except ValueError:
        return default
