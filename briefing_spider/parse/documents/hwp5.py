"""HWP 5 (OLE2 compound file) → DocumentText: paragraphs, tables, text boxes, notes.

`FileHeader` says whether section streams are raw-deflate compressed (bit 0 of the properties),
password-encrypted (bit 1) or a DRM distribution document (bit 2). `BodyText/Section<n>` hold
tagged records that form a tree by their level: a PARA_HEADER owns its PARA_TEXT and its
CTRL_HEADERs; a control owns LIST_HEADERs, each followed by the paragraphs of one list (a table
cell, a text box, a note). PARA_TEXT is UTF-16LE where code units below 32 are controls: some
one unit wide (line break, paragraph end), the others eight units wide (tab, and the extended
controls that anchor the paragraph's CTRL_HEADERs, in order).
"""

from __future__ import annotations

import io
import re
import struct
import zlib

import olefile

from .hwp5_records import (
    CTRL_HEADER,
    LIST_HEADER,
    PARA_HEADER,
    PARA_TEXT,
    TABLE,
    Record,
    ctrl_id,
    read_records,
)
from .hwp5_styles import PARA_CHAR_SHAPE, HwpStyles, read_styles
from .hwp5_text import decode_para_text, first_visible
from .limits import DocumentLimits
from .model import Block, Cell, DocumentError, DocumentText, Paragraph, Table
from .render import count_paragraphs, render_text
from .safezip import budget_for

FILE_HEADER = "FileHeader"
DOC_INFO = "DocInfo"
SIGNATURE = b"HWP Document File"
SECTION_STREAM = re.compile(r"^BodyText/Section(\d+)$")
FLAG_COMPRESSED, FLAG_PASSWORD, FLAG_DISTRIBUTION = 0x1, 0x2, 0x4


TABLE_CTRL = "tbl "
NOTE_CTRLS = {"fn  ", "en  "}
SKIPPED_CTRLS = {"head", "foot", "secd", "cold", "tcmt", "pgnp", "atno"}
CELL_FORMAT = struct.Struct("<HHHH")  # col, row, colspan, rowspan after 8 bytes of list header
LIST_HEADER_SIZE = 8
NO_STYLES = HwpStyles()


def read_hwp5(data: bytes, *, limits: DocumentLimits | None = None) -> DocumentText:
    check_time = (limits or DocumentLimits()).deadline()
    budget = budget_for(len(data))
    docinfo, sections = read_streams(data, budget)
    styles = read_styles(docinfo)
    blocks: list[Block] = []
    for number, stream in enumerate(sections):
        check_time(f"section {number}")
        blocks.extend(extract_paragraphs(read_records(stream), styles))
    return DocumentText(
        kind="hwp",
        blocks=tuple(blocks),
        text=render_text(blocks),
        pages=None,
        paragraphs=count_paragraphs(blocks),
    )


def read_streams(data: bytes, budget: int) -> tuple[bytes | None, list[bytes]]:
    """DocInfo (None when absent) and the BodyText section streams, in order, inflated; typed
    errors for what we cannot read."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            header = ole.openstream(FILE_HEADER).read() if ole.exists(FILE_HEADER) else b""
            flags = _check_header(header)
            names = ["/".join(entry) for entry in ole.listdir(streams=True, storages=False)]
            sections = sorted((int(m.group(1)), n) for n in names if (m := SECTION_STREAM.match(n)))
            if not sections:
                raise DocumentError("corrupt", "the HWP file has no BodyText/Section stream")
            raw = [ole.openstream(name).read() for _, name in sections]
            info = ole.openstream(DOC_INFO).read() if ole.exists(DOC_INFO) else None
    except DocumentError:
        raise
    except (OSError, ValueError, IndexError, struct.error, TypeError, AttributeError) as error:
        raise DocumentError("corrupt", f"a broken or truncated OLE2 file ({error})") from None
    if not flags & FLAG_COMPRESSED:
        return info, raw
    inflated: list[bytes] = []
    for stream in raw:
        inflated.append(_inflate(stream, budget - sum(map(len, inflated))))
    return _docinfo(info, budget - sum(map(len, inflated))), inflated


def _docinfo(info: bytes | None, budget: int) -> bytes | None:
    """The inflated DocInfo; None when it does not inflate (it only gives the look of the text)."""
    if info is None:
        return None
    try:
        return _inflate(info, budget)
    except DocumentError:
        return None


def _check_header(header: bytes) -> int:
    if not header.startswith(SIGNATURE) or len(header) < 40:
        raise DocumentError("corrupt", "the HWP FileHeader stream is missing or truncated")
    flags = struct.unpack_from("<I", header, 36)[0]
    if flags & FLAG_PASSWORD:
        raise DocumentError("encrypted", "the HWP file is password-protected (FileHeader flag)")
    if flags & FLAG_DISTRIBUTION:
        raise DocumentError("encrypted", "the HWP file is a DRM distribution document")
    return flags


def _inflate(stream: bytes, budget: int) -> bytes:
    inflater = zlib.decompressobj(-15)
    try:
        out = inflater.decompress(stream, max(budget, 0) + 1)
    except zlib.error as error:
        raise DocumentError("corrupt", f"a BodyText section does not inflate ({error})") from None
    if len(out) > budget or inflater.unconsumed_tail:
        raise DocumentError("zip_bomb", f"a BodyText section inflates past {budget} bytes")
    return out


def extract_paragraphs(records: list[Record], styles: HwpStyles = NO_STYLES) -> list[Block]:
    blocks: list[Block] = []
    for record in records:
        if record.tag == PARA_HEADER:
            blocks.extend(extract_paragraph(record, styles))
    return blocks


def extract_paragraph(para: Record, styles: HwpStyles = NO_STYLES) -> list[Block]:
    """A paragraph's text, split where a table or text box is anchored, then its notes."""
    text = next((r.payload for r in para.children if r.tag == PARA_TEXT), b"")
    controls = [r for r in para.children if r.tag == CTRL_HEADER]
    char_shapes = next((r for r in para.children if r.tag == PARA_CHAR_SHAPE), None)
    look = styles.look(para, char_shapes, first_visible(text))
    blocks: list[Block] = []
    notes: list[Block] = []
    lines = [""]

    def flush() -> None:
        kept = tuple(line.rstrip() for line in lines if line.strip())
        if kept:
            blocks.append(Paragraph(lines=kept, look=look))
        lines[:] = [""]

    for item in decode_para_text(text):
        if isinstance(item, str):
            lines[-1] += item
        elif item is None:
            lines.append("")
        elif item < len(controls):
            objects, is_note = extract_control(controls[item], styles)
            if is_note:
                notes.extend(objects)
            elif objects:
                flush()
                blocks.extend(objects)
    flush()
    return blocks + notes


def extract_control(ctrl: Record, styles: HwpStyles = NO_STYLES) -> tuple[list[Block], bool]:
    """(blocks, is_note) for one CTRL_HEADER: a table, a note's text, a text box's text."""
    kind = ctrl_id(ctrl)
    if kind in SKIPPED_CTRLS:
        return [], False
    if kind == TABLE_CTRL:
        return [extract_table(ctrl, styles)], False
    groups = list_groups(ctrl)
    blocks = [block for _, paras in groups for p in paras for block in extract_paragraph(p, styles)]
    if kind in NOTE_CTRLS:
        return [_as_note(block) for block in blocks], True
    return blocks, False


def _as_note(block: Block) -> Block:
    if isinstance(block, Paragraph):
        return Paragraph(lines=block.lines, indent=block.indent, note=True, look=block.look)
    return block


def list_groups(record: Record) -> list[tuple[Record, list[Record]]]:
    """(LIST_HEADER, its paragraphs) pairs under a control, found in order at any depth."""
    groups: list[tuple[Record, list[Record]]] = []
    for child in record.children:
        if child.tag == LIST_HEADER:
            groups.append((child, []))
        elif child.tag == PARA_HEADER and groups:
            groups[-1][1].append(child)
        elif child.tag not in (PARA_HEADER, TABLE):
            groups.extend(list_groups(child))
    return groups


def extract_table(ctrl: Record, styles: HwpStyles = NO_STYLES) -> Table:
    cells = []
    for index, (header, paras) in enumerate(list_groups(ctrl)):
        col, row, col_span, row_span = 0, index, 1, 1
        if len(header.payload) >= LIST_HEADER_SIZE + CELL_FORMAT.size:
            col, row, col_span, row_span = CELL_FORMAT.unpack_from(header.payload, LIST_HEADER_SIZE)
        blocks = tuple(b for p in paras for b in extract_paragraph(p, styles))
        cells.append(Cell(row=row, col=col, row_span=row_span or 1, col_span=col_span or 1, blocks=blocks))
    rows: dict[int, list[Cell]] = {}
    for cell in cells:
        rows.setdefault(cell.row, []).append(cell)
    return Table(rows=tuple(tuple(rows[r]) for r in sorted(rows)))
