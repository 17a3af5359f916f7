"""HWP 5 `DocInfo` → how each paragraph is set (`Look`): type size, bold, outline level,
automatic bullet or number, left edge, centring.

DocInfo lists the character shapes (CHAR_SHAPE), bullets (BULLET) and paragraph shapes
(PARA_SHAPE) in id order. A paragraph's PARA_HEADER names its paragraph shape (UINT16 at byte
8); its PARA_CHAR_SHAPE record gives (start position, character shape id) pairs. Layouts, from
the HWP 5.0 specification:

- CHAR_SHAPE: seven UINT16 font ids and four UINT8/INT8 arrays of seven (42 bytes), then INT32
  base size (HWPUNIT, 100 per point), UINT32 properties (bit 1: bold).
- PARA_SHAPE: UINT32 properties (bits 2–4 alignment, 3 = centre; bits 23–24 heading kind: 0 none,
  1 outline, 2 number, 3 bullet; bits 25–27 level), INT32 left margin, right margin, indent …,
  then at byte 30 UINT16 the numbering or bullet id (1-based).
- BULLET: a 12-byte paragraph-head block, then the bullet character (WCHAR).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from .hwp5_records import HWPTAG_BEGIN, Record, parse_records
from .model import ORDERED, PLAIN, DocumentError, Look

CHAR_SHAPE, BULLET, PARA_SHAPE = HWPTAG_BEGIN + 5, HWPTAG_BEGIN + 8, HWPTAG_BEGIN + 9
PARA_CHAR_SHAPE = HWPTAG_BEGIN + 52
SIZE_AT, CHAR_PROPS_AT, BOLD_BIT = 42, 46, 0x2
MARGINS = struct.Struct("<iii")  # left, right, indent after the properties word
HEAD_REF_AT, BULLET_CHAR_AT = 30, 12
ALIGN_SHIFT, ALIGN_MASK, ALIGN_CENTER = 2, 0x7, 3
HEAD_SHIFT, HEAD_MASK, LEVEL_SHIFT, LEVEL_MASK = 23, 0x3, 25, 0x7
HEAD_OUTLINE, HEAD_NUMBER, HEAD_BULLET = 1, 2, 3
UNITS_PER_POINT = 100
SHAPE_ID_AT = 8
PAIR = struct.Struct("<II")


@dataclass(frozen=True)
class HwpStyles:
    chars: tuple[tuple[float, bool], ...] = ()
    paras: tuple[tuple[int, int, int, bool, int], ...] = ()  # (edge, heading kind, level, centred, ref)
    bullets: tuple[str, ...] = ()
    looks: dict[tuple[int, int], Look] = field(default_factory=dict, compare=False)

    def look(self, header: Record, char_shapes: Record | None, first_text: int) -> Look:
        """The Look of a paragraph (its PARA_HEADER, its PARA_CHAR_SHAPE, the position of its
        first visible character)."""
        para = _u16(header.payload, SHAPE_ID_AT)
        char = _char_at(char_shapes.payload if char_shapes else b"", first_text)
        key = (para, char)
        if key not in self.looks:
            self.looks[key] = self._look(para, char)
        return self.looks[key]

    def _look(self, para: int, char: int) -> Look:
        if not self.chars and not self.paras:
            return PLAIN
        size, bold = self.chars[char] if 0 <= char < len(self.chars) else (None, False)
        edge, kind, level, centred, ref = self.paras[para] if para < len(self.paras) else (0, 0, 0, False, 0)
        bullet = None
        if kind == HEAD_BULLET:
            bullet = self.bullets[ref - 1] if 0 < ref <= len(self.bullets) else "•"
        elif kind == HEAD_NUMBER:
            bullet = ORDERED
        return Look(
            size=size,
            bold=bold,
            outline=level if kind == HEAD_OUTLINE else None,
            bullet=bullet,
            margin=float(edge),
            centered=centred,
        )


def read_styles(docinfo: bytes | None) -> HwpStyles:
    """The shapes DocInfo lists; empty styles when it is missing or unreadable."""
    if not docinfo:
        return HwpStyles()
    try:
        records = parse_records(docinfo)
    except DocumentError:  # DocInfo only gives the look of the text: a broken one loses only that
        return HwpStyles()
    return HwpStyles(
        chars=tuple(_char_shape(r.payload) for r in records if r.tag == CHAR_SHAPE),
        paras=tuple(_para_shape(r.payload) for r in records if r.tag == PARA_SHAPE),
        bullets=tuple(_bullet(r.payload) for r in records if r.tag == BULLET),
    )


def _char_shape(payload: bytes) -> tuple[float, bool]:
    if len(payload) < CHAR_PROPS_AT + 4:
        return 0.0, False
    size, props = struct.unpack_from("<iI", payload, SIZE_AT)
    return size / UNITS_PER_POINT, bool(props & BOLD_BIT)


def _para_shape(payload: bytes) -> tuple[int, int, int, bool, int]:
    if len(payload) < 4 + MARGINS.size:
        return 0, 0, 0, False, 0
    (props,) = struct.unpack_from("<I", payload, 0)
    left, _, indent = MARGINS.unpack_from(payload, 4)
    kind, level = (props >> HEAD_SHIFT) & HEAD_MASK, (props >> LEVEL_SHIFT) & LEVEL_MASK
    centred = (props >> ALIGN_SHIFT) & ALIGN_MASK == ALIGN_CENTER
    return left + max(indent, 0), kind, level, centred, _u16(payload, HEAD_REF_AT)


def _bullet(payload: bytes) -> str:
    if len(payload) < BULLET_CHAR_AT + 2:
        return "•"
    return payload[BULLET_CHAR_AT : BULLET_CHAR_AT + 2].decode("utf-16-le", "replace")


def _char_at(payload: bytes, position: int) -> int:
    """The character shape id in force at `position` (pairs of start position and id)."""
    shape = -1
    for start in range(0, len(payload) - PAIR.size + 1, PAIR.size):
        at, ident = PAIR.unpack_from(payload, start)
        if at > position and shape >= 0:
            break
        shape = ident
    return shape


def _u16(payload: bytes, at: int) -> int:
    return struct.unpack_from("<H", payload, at)[0] if len(payload) >= at + 2 else 0
