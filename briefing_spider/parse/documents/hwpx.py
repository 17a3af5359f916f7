"""HWPX (OWPML zip) → DocumentText, in reading order.

Paragraphs (`hp:p` → `hp:run` → `hp:t`, a `hp:lineBreak` starts a new line), tables
(`hp:tbl` → `hp:tr` → `hp:tc`, cells hold a `hp:subList` of paragraphs and maybe nested
tables), text boxes and other drawing objects (`hp:drawText`/`hp:caption` → `hp:subList`),
and real footnote/endnote controls (a mark like `1)` inline, the note's text as a
`Paragraph(note=True)` after its paragraph). Page headers and footers are left out.
"""

from __future__ import annotations

import re

from lxml import etree

from .hwpx_header import HwpxStyles, int_attribute, read_styles
from .limits import DocumentLimits
from .model import Block, Cell, DocumentError, DocumentText, Paragraph, Table
from .render import count_paragraphs, render_text
from .safezip import SafeZip

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
OPF = "{http://www.idpf.org/2007/opf/}"

P, RUN, T, SUBLIST = HP + "p", HP + "run", HP + "t", HP + "subList"
TBL, TR, TC, CELL_ADDR, CELL_SPAN, CAPTION = (
    HP + "tbl",
    HP + "tr",
    HP + "tc",
    HP + "cellAddr",
    HP + "cellSpan",
    HP + "caption",
)
CTRL, FOOTNOTE, ENDNOTE, AUTONUM = HP + "ctrl", HP + "footNote", HP + "endNote", HP + "autoNum"
LINE_BREAK = HP + "lineBreak"
COMPOSE = HP + "compose"  # overlapped characters (a digit in a box); the glyph is composeText
BOXED_DIGITS = {0xF02B0 + n: chr(0xFF10 + n) for n in range(10)}  # Hancom PUA → as the viewer shows
SPACE_TAGS = {HP + "tab": " ", HP + "fwSpace": " ", HP + "nbSpace": " "}
NOTE_TAGS = (FOOTNOTE, ENDNOTE)
SKIPPED_RUN_CHILDREN = {HP + "secPr", HP + "ctrl", T, TBL, HP + "compose"}  # handled or not text
UNNUMBERED_AUTONUM = {"PAGE", "TOTAL_PAGE"}

CONTENT_HPF = "Contents/content.hpf"
HEADER_XML = "Contents/header.xml"
SECTION_NAME = re.compile(r"^Contents/section(\d+)\.xml$")
MANIFEST_ITEMS = f"{OPF}manifest/{OPF}item"
SPINE_ITEMREFS = f"{OPF}spine/{OPF}itemref"

XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def read_hwpx(data: bytes, *, budget: int | None = None, limits: DocumentLimits | None = None) -> DocumentText:
    check_time = (limits or DocumentLimits()).deadline()
    archive = SafeZip(data, budget=budget)
    styles = read_styles(archive.read(HEADER_XML) if HEADER_XML in archive.names() else None)
    blocks: list[Block] = []
    for name in section_names(archive):
        check_time(name)
        blocks.extend(extract_blocks(_parse(archive.read(name), name), styles))
    return DocumentText(
        kind="hwpx",
        blocks=tuple(blocks),
        text=render_text(blocks),
        pages=None,
        paragraphs=count_paragraphs(blocks),
    )


def _parse(xml: bytes, name: str) -> etree._Element:
    try:
        return etree.fromstring(xml, XML_PARSER)
    except etree.XMLSyntaxError as error:
        raise DocumentError("corrupt", f"{name} is not well-formed XML ({error})") from None


def section_names(archive: SafeZip) -> list[str]:
    """Sections in the order content.hpf's spine lists them; by number when it does not."""
    numbers = {n: int(found.group(1)) for n in archive.names() if (found := SECTION_NAME.match(n))}
    by_number = sorted(numbers, key=numbers.__getitem__)
    if CONTENT_HPF in archive.names():
        hpf = _parse(archive.read(CONTENT_HPF), CONTENT_HPF)
        hrefs = {i.get("id"): i.get("href") for i in hpf.iterfind(MANIFEST_ITEMS)}
        spine = [hrefs.get(r.get("idref")) for r in hpf.iterfind(SPINE_ITEMREFS)]
        ordered = [href for href in spine if href is not None and href in numbers]
        if ordered:
            return ordered + [n for n in by_number if n not in ordered]
    if not by_number:
        raise DocumentError("corrupt", "the HWPX archive holds no Contents/section*.xml")
    return by_number


def extract_blocks(container: etree._Element, styles: HwpxStyles) -> list[Block]:
    """The blocks of a section root or a subList: its paragraphs, in order."""
    blocks: list[Block] = []
    for p in container.iterchildren(P):
        blocks.extend(extract_paragraph(p, styles))
    return blocks


def extract_paragraph(p: etree._Element, styles: HwpxStyles) -> list[Block]:
    """One hp:p → its text paragraph(s), the objects anchored in it, then its notes."""
    para_pr = p.get("paraPrIDRef")
    indent = styles.indent(para_pr)
    blocks: list[Block] = []
    notes: list[Block] = []
    lines: list[str] = [""]
    char_pr: list[str | None] = []  # the character shape of the first run with text: the type size

    def flush() -> None:
        kept = tuple(line.rstrip() for line in lines if line.strip())
        if kept:
            look = styles.look(para_pr, char_pr[0] if char_pr else None)
            blocks.append(Paragraph(lines=kept, indent=indent, look=look))
        lines[:] = [""]

    for run in p.iterchildren(RUN):
        for child in run:
            tag = child.tag
            if tag == T:
                if not char_pr and child.text and not child.text.isspace():
                    char_pr.append(run.get("charPrIDRef"))
                _append_t(child, lines)
            elif tag == CTRL:
                lines[-1] += extract_ctrl(child, styles, notes)
            elif tag == COMPOSE:
                lines[-1] += compose_text(child)
            elif tag == TBL:
                flush()
                blocks.extend(extract_table(child, styles))
            elif tag not in SKIPPED_RUN_CHILDREN:
                objects = extract_shape(child, styles)
                if objects:
                    flush()
                    blocks.extend(objects)
    flush()
    return blocks + notes


def _append_t(t: etree._Element, lines: list[str]) -> None:
    if t.text:
        lines[-1] += t.text
    for child in t:
        if child.tag == LINE_BREAK:
            lines.append("")
        else:
            lines[-1] += SPACE_TAGS.get(child.tag, "")
        if child.tail:
            lines[-1] += child.tail


def extract_ctrl(ctrl: etree._Element, styles: HwpxStyles, notes: list[Block]) -> str:
    """Inline text of a control (a note mark, an auto number); a note's text goes to `notes`."""
    text = ""
    for child in ctrl:
        if child.tag in NOTE_TAGS:
            text += extract_note(child, styles, notes)
        elif child.tag == AUTONUM and child.get("numType") not in UNNUMBERED_AUTONUM:
            text += _autonum_text(child)
    return text


def extract_note(note: etree._Element, styles: HwpxStyles, notes: list[Block]) -> str:
    for block in _sublist_blocks(note, styles):
        if isinstance(block, Paragraph):
            notes.append(Paragraph(lines=block.lines, indent=block.indent, note=True, look=block.look))
        else:
            notes.append(block)
    suffix = note.get("suffixChar")
    return f"{note.get('number', '')}{chr(int(suffix)) if suffix and suffix.isdigit() else ''}"


def compose_text(compose: etree._Element) -> str:
    """The composed characters, Hancom's private-use boxed digits mapped to digits, other
    private-use code points dropped."""
    return "".join(BOXED_DIGITS.get(ord(c), "" if _private(c) else c) for c in compose.get("composeText", ""))


def _private(char: str) -> bool:
    return 0xE000 <= ord(char) <= 0xF8FF or ord(char) >= 0xF0000


def _autonum_text(autonum: etree._Element) -> str:
    fmt = autonum.find(HP + "autoNumFormat")
    prefix = fmt.get("prefixChar", "") if fmt is not None else ""
    suffix = fmt.get("suffixChar", "") if fmt is not None else ""
    return f"{prefix}{autonum.get('num', '')}{suffix}"


def extract_table(tbl: etree._Element, styles: HwpxStyles) -> list[Block]:
    """A table (caption first, when it has one) with its cells' blocks, nested tables included."""
    blocks = _sublist_blocks(tbl.find(CAPTION), styles) if tbl.find(CAPTION) is not None else []
    rows = []
    for r, tr in enumerate(tbl.iterchildren(TR)):
        rows.append(tuple(extract_cell(tc, r, c, styles) for c, tc in enumerate(tr.iterchildren(TC))))
    return blocks + [Table(rows=tuple(rows))]


def extract_cell(tc: etree._Element, row: int, col: int, styles: HwpxStyles) -> Cell:
    addr, span, sub = tc.find(CELL_ADDR), tc.find(CELL_SPAN), tc.find(SUBLIST)
    return Cell(
        row=int_attribute(addr, "rowAddr", row),
        col=int_attribute(addr, "colAddr", col),
        row_span=int_attribute(span, "rowSpan", 1),
        col_span=int_attribute(span, "colSpan", 1),
        blocks=tuple(extract_blocks(sub, styles)) if sub is not None else (),
    )


def extract_shape(shape: etree._Element, styles: HwpxStyles) -> list[Block]:
    """Text boxes, captions and grouped shapes: the blocks of every outermost subList inside."""
    return _sublist_blocks(shape, styles)


def _sublist_blocks(element: etree._Element, styles: HwpxStyles) -> list[Block]:
    blocks: list[Block] = []
    for child in element:
        if child.tag == SUBLIST:
            blocks.extend(extract_blocks(child, styles))
        elif child.tag == TBL:
            blocks.extend(extract_table(child, styles))
        elif isinstance(child.tag, str) and len(child):
            blocks.extend(_sublist_blocks(child, styles))
    return blocks
