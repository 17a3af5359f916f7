"""HWP 5 PARA_TEXT: UTF-16LE where code units below 32 are controls — some one unit wide (line
break, paragraph end), the others eight units wide (tab, and the extended controls that anchor
the paragraph's CTRL_HEADERs, in order)."""

from __future__ import annotations

import struct

LINE_BREAK, PARA_END, TAB = 10, 13, 9
SPACE_CHARS = {24: "-", 30: " ", 31: " "}  # hyphen, non-breaking space, fixed-width space
WIDE_CONTROLS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}
EXTENDED_CONTROLS = {1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23}  # own a CTRL_HEADER
CONTROL_WIDTH = 8


def decode_para_text(payload: bytes) -> list[str | int | None]:
    """Text pieces (str), line breaks (None) and extended controls (their ordinal, int)."""
    units = struct.unpack_from(f"<{len(payload) // 2}H", payload)
    items: list[str | int | None] = []
    start, i, ordinal = 0, 0, 0
    while i < len(units):
        code = units[i]
        if code >= 32:
            i += 1
            continue
        if start < i:
            items.append(payload[start * 2 : i * 2].decode("utf-16-le", "replace"))
        if code == LINE_BREAK:
            items.append(None)
        elif code in SPACE_CHARS:
            items.append(SPACE_CHARS[code])
        elif code == TAB:
            items.append(" ")
        elif code in EXTENDED_CONTROLS:
            items.append(ordinal)
            ordinal += 1
        i += CONTROL_WIDTH if code in WIDE_CONTROLS else 1
        start = i
    if start < len(units):
        items.append(payload[start * 2 : len(units) * 2].decode("utf-16-le", "replace"))
    return items


def first_visible(payload: bytes) -> int:
    """The position (in code units) of the paragraph's first character that is not a control
    or a space: the character whose shape gives the paragraph's type size."""
    units = struct.unpack_from(f"<{len(payload) // 2}H", payload)
    i = 0
    while i < len(units):
        code = units[i]
        if code >= 32 and not chr(code).isspace():
            return i
        i += CONTROL_WIDTH if code in WIDE_CONTROLS else 1
    return 0
