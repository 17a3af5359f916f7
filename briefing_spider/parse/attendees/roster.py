"""A roster table of attendees: a `참석자 명단` heading, then a table whose header row names its
columns (구분 | 소속 | 성명 | 직위 …). Each row below is one entry: group from 구분 (a merged or
empty cell takes the group above), organisation, name and title from their columns, or a
combined `소속 및 직위` cell read like a list entry. A table of a council's members under another
heading is not read (no 참석 heading, no roster).
"""

from __future__ import annotations

import re

from briefing_spider.parse.attendees.entry import parse_person
from briefing_spider.parse.attendees.lexicon import ROLE_WORDS
from briefing_spider.parse.attendees.lists import LABEL_ONLY_RE
from briefing_spider.parse.text_lines import TextLine, collapse, squash
from briefing_spider.records import Attendee

ROSTER_LABEL_RE = re.compile(r"참\s*석\s*(?:자|기\s*관|대\s*상)?\s*(?:명\s*단|현\s*황|명\s*부)")
HEADER_WORDS = {
    "group": ("구분", "분야", "소속구분", "그룹"),
    "organization": ("소속", "기관", "기관명", "소속기관", "회사명", "단체명", "업체명", "소속(기관)"),
    "name": ("성명", "이름", "참석자"),
    "list": ("참석기관", "참석대상", "명단", "참석자명단", "참석내용"),
    "title": ("직위", "직책", "직급", "직함", "직위(직책)"),
    "combined": ("소속및직위", "소속/직위", "소속·직위", "소속및직책", "기관및직위", "소속(직위)"),
    "role": ("역할", "비고"),
}
LOOKAHEAD_LINES = 3  # the table starts within this many lines after the heading


def read_roster(lines: list[TextLine], i: int, used: set[int]) -> list[Attendee] | None:
    roster = _roster_after(lines, i)
    if roster is None:
        return None
    grid, end, rows, columns = roster
    kinds = set(columns.values())
    if _as_list(kinds):
        return None
    if not ({"name", "organization", "title"} & kinds and len(columns) >= 2 or "combined" in kinds):
        return None
    people: list[Attendee] = []
    group = None
    for row in rows[1:]:
        cells = grid[row]
        fields = {field: collapse(" ".join(cells.get(col, []))) for col, field in columns.items()}
        if "group" in kinds:
            group = fields.get("group") or group
        person = _person(fields, group, " | ".join(" ".join(cells[c]) for c in sorted(cells)))
        if person:
            people.append(person)
    used.update(range(i, end))
    return people


def _table_after(lines: list[TextLine], i: int) -> tuple[dict[int, dict[int, list[str]]], int] | None:
    """The table under a heading: table cells, or (page text) lines whose columns are set off by
    wide gaps under a header line of column words (`소속    직위    성명`)."""
    line = lines[i]
    start = next((k for k in range(i + 1, min(i + 1 + LOOKAHEAD_LINES, len(lines))) if lines[k].cell), None)
    if start is not None and not (line.cell and lines[start].in_cell[0] == line.in_cell[0]):
        grid, end = _grid(lines, start)
        return (grid, end) if grid else None
    if i + 1 >= len(lines) or line.cell or len(_columns(_gap_cells(lines[i + 1].text))) < 2:
        return None
    width = len(_gap_cells(lines[i + 1].text))
    grid, end = {}, i + 1
    while end < len(lines) and 2 <= len(_gap_cells(lines[end].text)) <= width:
        cells = _gap_cells(lines[end].text)
        grid[end] = {width - len(cells) + k: texts for k, texts in cells.items()}  # a merged first cell: right-aligned
        end += 1
    return grid, end


def _gap_cells(text: str) -> dict[int, list[str]]:
    return dict(enumerate([c] for c in re.split(r"\t|\s{2,}", text.strip()) if c))


def _grid(lines: list[TextLine], start: int) -> tuple[dict[int, dict[int, list[str]]], int]:
    table = lines[start].in_cell[0]
    grid: dict[int, dict[int, list[str]]] = {}
    end = start
    while end < len(lines) and lines[end].cell and lines[end].in_cell[0] == table:
        _, row, col = lines[end].in_cell
        grid.setdefault(row, {}).setdefault(col, []).append(lines[end].text.strip())
        end += 1
    return grid, end


def _columns(header: dict[int, list[str]]) -> dict[int, str]:
    columns: dict[int, str] = {}
    for col, texts in header.items():
        word = squash(" ".join(texts))
        field = next((f for f, words in HEADER_WORDS.items() if word in words), None)
        if field and field not in columns.values():
            columns[col] = field
    return columns


def _person(fields: dict[str, str], group: str | None, raw: str) -> Attendee | None:
    role = ROLE_WORDS.get(squash(fields.get("role") or "").strip("()[]"))  # a 비고 that is not a role is no role
    if fields.get("combined"):
        parsed = parse_person(fields["combined"], group, role, raw=raw)
        if parsed is None:
            return None
        name = fields.get("name") or parsed.name
        return Attendee(
            group=group, organization=parsed.organization, name=name, title=parsed.title, role=role, raw=raw
        )
    organization, name, title = (fields.get(k) or None for k in ("organization", "name", "title"))
    if not (organization or name or title):
        return None
    spoken = parse_person(name, group, role, raw=raw) if name and len(name.split()) > 1 else None
    if spoken and spoken.name and spoken.title and not spoken.organization:  # a 참석자 cell `홍길동 장관`
        name, title = spoken.name, title or spoken.title
    return Attendee(group=group, organization=organization, name=name and squash(name), title=title, role=role, raw=raw)


def _as_list(fields: set[str]) -> bool:
    """`구분 | 참석자` with no 소속/직위 column: each row's cell is a list of entries, not a name."""
    return "group" in fields and bool({"name", "list"} & fields) and not {"organization", "title", "combined"} & fields


def roster_rows(lines: list[TextLine], i: int, used: set[int]) -> list[str] | None:
    """A roster heading over a `구분 | 참석자` table: each row read as a list line under its group
    (`(정부) 가나부 차관, 다라청 국장`), a merged or empty 구분 cell keeping the group above."""
    roster = _roster_after(lines, i)
    if roster is None:
        return None
    grid, end, rows, columns = roster
    if not _as_list(set(columns.values())):
        return None
    body: list[str] = []
    for row in rows[1:]:
        fields = {field: [t for t in grid[row].get(col, []) if t] for col, field in columns.items()}
        group = collapse(" ".join(fields.get("group", [])))
        texts = fields.get("name") or fields.get("list") or []
        if texts:
            body.extend([f"({squash(group)}) {texts[0]}" if group else texts[0], *texts[1:]])
    used.update(range(i, end))
    return body or None


def _roster_after(lines: list[TextLine], i: int):
    """(grid, end, rows, columns) of the table under a roster heading at line `i`, or None."""
    if not _heading(lines[i].text):
        return None
    table = _table_after(lines, i)
    if table is None:
        return None
    grid, end = table
    rows = sorted(grid)
    return grid, end, rows, _columns(grid[rows[0]])


def _heading(text: str) -> bool:
    """`참석자 명단`, `< 참석자 현황 >`, or a bare attendee label (`□ 참석자`) over the table."""
    return len(squash(text)) <= 30 and bool(ROSTER_LABEL_RE.search(text) or LABEL_ONLY_RE.match(text))
