"""HWP 5 reader on synthetic files: the records and the OLE2 container are built here.

The OLE2 writer below is deliberately minimal (version 3, 512-byte sectors, every stream at
least 4096 bytes so that no mini stream is needed, one FAT sector).
"""

from __future__ import annotations

import struct
import zlib

import pytest

from briefing_spider.parse.documents import DocumentError, Paragraph, Table, extract_document
from briefing_spider.parse.documents.hwp5 import decode_para_text
from briefing_spider.parse.documents.hwp5_records import (
    CTRL_HEADER,
    LIST_HEADER,
    PARA_HEADER,
    PARA_TEXT,
    TABLE,
    parse_records,
    read_records,
)

SECTOR = 512
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
PADDING_TAG = 0x3FF  # an unknown record, to make streams big enough for regular sectors


# --- records ---------------------------------------------------------------------------


def record(tag: int, level: int, payload: bytes) -> bytes:
    size = len(payload)
    if size >= 0xFFF:
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20, size) + payload
    return struct.pack("<I", tag | level << 10 | size << 20) + payload


def units(*parts) -> bytes:
    """Text (str) and control codes (int: one unit; tuple (code, id): an 8-unit control)."""
    out = b""
    for part in parts:
        if isinstance(part, str):
            out += part.encode("utf-16-le")
        elif isinstance(part, tuple):
            code, ident = part
            out += struct.pack("<H", code) + ident[::-1].encode("latin-1") + b"\0" * 8 + struct.pack("<H", code)
        else:
            out += struct.pack("<H", part)
    return out


def paragraph(level: int, *parts, controls: bytes = b"") -> bytes:
    return record(PARA_HEADER, level, b"\0" * 22) + record(PARA_TEXT, level + 1, units(*parts, 13)) + controls


def ctrl(level: int, ident: str, children: bytes) -> bytes:
    return record(CTRL_HEADER, level, ident[::-1].encode("latin-1") + b"\0" * 8) + children


def cell(level: int, row: int, col: int, *paras: bytes, row_span: int = 1, col_span: int = 1) -> bytes:
    header = struct.pack("<HHI", len(paras), 0, 0x20) + struct.pack("<HHHH", col, row, col_span, row_span)
    return record(LIST_HEADER, level, header + b"\0" * 20) + b"".join(paras)


def body() -> bytes:
    table = ctrl(
        1,
        "tbl ",
        record(TABLE, 2, b"\0" * 4 + struct.pack("<HH", 2, 2))
        + cell(2, 0, 0, paragraph(2, "부서"), row_span=2)
        + cell(2, 0, 1, paragraph(2, "과장"))
        + cell(2, 1, 1, paragraph(2, "사무관", 10, "홍길동")),
    )
    note = ctrl(1, "fn  ", cell(2, 0, 0, paragraph(2, "1) 각주 본문")))
    header = ctrl(1, "head", cell(2, 0, 0, paragraph(2, "머리말")))
    return (
        paragraph(0, "첫 줄", 10, "  ㅇ 둘째 줄", (9, "\0\0\0\0"), "탭 뒤")
        + paragraph(0, (11, "tbl "), controls=table)
        + paragraph(0, (16, "head"), "본문", (17, "fn  "), "이다", controls=header + note)
        + record(PADDING_TAG, 0, b"\0" * 4096)
    )


# --- OLE2 container ----------------------------------------------------------------------


def ole(streams: dict[str, bytes]) -> bytes:
    """A compound file with root storage → FileHeader stream and BodyText storage → streams."""
    sectors, fat, starts = [], [], {}
    for name, data in streams.items():
        assert len(data) >= 4096
        padded = data + b"\0" * (-len(data) % SECTOR)
        count = len(padded) // SECTOR
        starts[name] = len(fat)
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [END]
        sectors += [padded[i * SECTOR : (i + 1) * SECTOR] for i in range(count)]
    entries = [("Root Entry", 5, NOSTREAM, NOSTREAM, 1, END, 0)]
    entries.append(("BodyText", 1, 4 if "DocInfo" in streams else NOSTREAM, 2, 3, 0, 0))
    entries.append(("FileHeader", 2, NOSTREAM, NOSTREAM, NOSTREAM, starts["FileHeader"], len(streams["FileHeader"])))
    entries.append(("Section0", 2, NOSTREAM, NOSTREAM, NOSTREAM, starts["Section0"], len(streams["Section0"])))
    if "DocInfo" in streams:  # a root stream left of BodyText (shorter names sort first)
        entries.append(("DocInfo", 2, NOSTREAM, NOSTREAM, NOSTREAM, starts["DocInfo"], len(streams["DocInfo"])))
    directory = b"".join(_entry(*e) for e in entries)
    directory += b"\0" * (-len(directory) % SECTOR)
    dir_start = len(fat)
    fat += [dir_start + 1 + i for i in range(len(directory) // SECTOR - 1)] + [END]
    fat_sector = len(fat)
    fat += [FATSECT]
    fat += [FREE] * (SECTOR // 4 - len(fat))
    assert len(fat) == SECTOR // 4
    difat = [fat_sector] + [FREE] * 108
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, dir_start, 0, 4096, END, 0, END, 0)
        + struct.pack("<109I", *difat)
    )
    return header + b"".join(sectors) + directory + struct.pack(f"<{SECTOR // 4}I", *fat)


def _entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
    encoded = name.encode("utf-16-le") + b"\0\0"
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", left, right, child)
        + b"\0" * 16
        + b"\0" * 4
        + b"\0" * 16
        + struct.pack("<IQ", start, size)
    )


def hwp(section: bytes, *, compressed: bool = True, flags: int = 0, docinfo: bytes | None = None) -> bytes:
    """An HWP 5 file of one section; `docinfo` (records) adds a DocInfo stream."""
    file_header = b"HWP Document File".ljust(32, b"\0") + struct.pack("<II", 0x05010100, flags | compressed)
    streams = {"FileHeader": file_header.ljust(4096, b"\0"), "Section0": _stream(section, compressed)}
    if docinfo is not None:
        streams["DocInfo"] = _stream(docinfo, compressed)
    return ole(streams)


def _stream(data: bytes, compressed: bool) -> bytes:
    if compressed:
        deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
        data = deflater.compress(data) + deflater.flush()
    return data + b"\0" * max(0, 4096 - len(data))  # trailing bytes after the deflate stream are ignored


# --- tests -----------------------------------------------------------------------------------


@pytest.mark.parametrize("compressed", [True, False])
def test_paragraphs_line_breaks_tables_and_notes(compressed):
    doc = extract_document(hwp(body(), compressed=compressed))
    assert doc.kind == "hwp"
    first, table, text_para, note = doc.blocks
    assert first == Paragraph(lines=("첫 줄", "  ㅇ 둘째 줄 탭 뒤"))
    assert isinstance(table, Table) and len(table.rows) == 2
    merged = table.rows[0][0]
    assert (merged.row, merged.col, merged.row_span, merged.lines) == (0, 0, 2, ("부서",))
    assert table.rows[1][0].lines == ("사무관", "홍길동")
    assert text_para.lines == ("본문이다",) and not text_para.note  # the header text is left out
    assert note.note and note.lines == ("1) 각주 본문",)
    assert "부서 | 과장" in doc.text and "머리말" not in doc.text


def test_password_flag_is_encrypted():
    with pytest.raises(DocumentError) as caught:
        extract_document(hwp(body(), flags=0x2))
    assert caught.value.code == "encrypted"


def test_truncated_ole_is_corrupt():
    data = hwp(body())
    for cut in (len(data) // 2, 1024, len(data) - SECTOR):
        with pytest.raises(DocumentError) as caught:
            extract_document(data[:cut])
        assert caught.value.code in {"corrupt", "not_a_document"}, cut


def test_record_running_past_the_stream_is_corrupt():
    data = record(PARA_TEXT, 1, "글".encode("utf-16-le") * 10)
    with pytest.raises(DocumentError) as caught:
        parse_records(data[:-3])
    assert caught.value.code == "corrupt" and "past the stream" in caught.value.reason


def test_records_nest_by_level():
    roots = read_records(paragraph(0, "가") + paragraph(0, "나"))
    assert [r.tag for r in roots] == [PARA_HEADER, PARA_HEADER]
    assert [c.tag for c in roots[0].children] == [PARA_TEXT]


def test_para_text_controls_are_decoded_by_width():
    items = decode_para_text(units("가", (9, "\0\0\0\0"), "나", 10, (11, "tbl "), 31, "다", 13))
    assert items == ["가", " ", "나", None, 0, " ", "다"]
