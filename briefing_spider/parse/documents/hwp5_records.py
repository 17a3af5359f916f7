"""HWP 5 tagged records: a 32-bit header (tag 10 bits, level 10 bits, size 12 bits, size 0xFFF
meaning a 32-bit size follows), then `size` bytes. Levels nest records into a tree."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from .model import DocumentError

HWPTAG_BEGIN = 0x10
PARA_HEADER = HWPTAG_BEGIN + 50
PARA_TEXT = HWPTAG_BEGIN + 51
CTRL_HEADER = HWPTAG_BEGIN + 55
LIST_HEADER = HWPTAG_BEGIN + 56
TABLE = HWPTAG_BEGIN + 61

HEADER = struct.Struct("<I")
EXTENDED_SIZE = 0xFFF


@dataclass(eq=False)
class Record:
    tag: int
    level: int
    payload: bytes
    children: list[Record] = field(default_factory=list)


def parse_records(data: bytes) -> list[Record]:
    """The flat record sequence of a stream; a record running past the end is `corrupt`."""
    records: list[Record] = []
    pos, end = 0, len(data)
    while pos + HEADER.size <= end:
        (word,) = HEADER.unpack_from(data, pos)
        pos += HEADER.size
        tag, level, size = word & 0x3FF, (word >> 10) & 0x3FF, word >> 20
        if size == EXTENDED_SIZE:
            if pos + HEADER.size > end:
                raise DocumentError("corrupt", f"record tag {tag} at byte {pos} lacks its size")
            (size,) = HEADER.unpack_from(data, pos)
            pos += HEADER.size
        if pos + size > end:
            raise DocumentError(
                "corrupt", f"record tag {tag} at byte {pos} runs {pos + size - end} bytes past the stream"
            )
        records.append(Record(tag, level, data[pos : pos + size]))
        pos += size
    return records


def build_tree(records: list[Record]) -> list[Record]:
    """Nest records by level: a record is the child of the closest earlier one a level above."""
    roots: list[Record] = []
    stack: list[Record] = []
    for record in records:
        while stack and stack[-1].level >= record.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(record)
        stack.append(record)
    return roots


def read_records(data: bytes) -> list[Record]:
    return build_tree(parse_records(data))


def ctrl_id(record: Record) -> str:
    """A CTRL_HEADER's four-character id ('tbl ', 'gso ', 'fn  ' …), stored byte-reversed."""
    return record.payload[:4][::-1].decode("latin-1")
