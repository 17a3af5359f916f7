"""Attendee lists laid out in tables: a small table of group label cells under a bare label,
a label in a table's header row over its column, and rows continuing a label cell that spans
them. Where lists are: `lists`.
"""

from __future__ import annotations

import re

from briefing_spider.parse.text_lines import TextLine, squash


def label_table(lines: list[TextLine], j: int) -> tuple[list[str], int] | None:
    """A small table under a bare label whose rows are a group label cell and its entries
    (`정 부 | 가나부 차관, …`): each row read as `(정부) 가나부 차관, …`."""
    table = lines[j].in_cell[0]
    end = j
    rows: dict[int, dict[int, list[str]]] = {}
    while end < len(lines) and lines[end].cell and lines[end].in_cell[0] == table:
        _, row, col = lines[end].in_cell
        rows.setdefault(row, {}).setdefault(col, []).append(lines[end].text.strip())
        end += 1
    if is_programme(rows):
        return None
    body: list[str] = []
    labelled = 0
    for cells in rows.values():
        cols = sorted(cells)
        label = squash(" ".join(cells[cols[0]]))
        if len(cols) >= 2 and is_label_cell(label):
            content = [t for c in cols[1:] for t in cells[c]]
            body.extend([f"({label.strip('()[]')}) {content[0]}", *content[1:]])
            labelled += 1
        else:
            body.extend(t for c in cols for t in cells[c])
    return (body, end) if labelled else None


# Column heads of an event's programme (`시 간 | 주 요 내 용 | 비 고`): its rows are no attendees.
PROGRAMME_HEADS = {
    "시간",
    "일시",
    "내용",
    "주요내용",
    "세부내용",
    "행사내용",
    "일정",
    "프로그램",
    "순서",
    "식순",
    "장소",
    "소요",
}
TIME_RE = re.compile(r"\d{1,2}\s*[:：시]\s*\d{0,2}|\d+\s*[’'′]|\d+\s*분")


def is_programme(rows: dict[int, dict[int, list[str]]]) -> bool:
    """A table whose first row names programme columns, or whose first column holds times."""
    if not rows:
        return False
    first = rows[min(rows)]
    heads = {squash(" ".join(texts)) for texts in first.values()}
    if heads & PROGRAMME_HEADS:
        return True
    times = [cells[min(cells)] for cells in rows.values() if cells and TIME_RE.search(" ".join(cells[min(cells)]))]
    return len(times) * 2 > len(rows)


def is_label_cell(label: str) -> bool:
    """A first cell that is a group label: short, no comma, no digit (a time is no group)."""
    return 0 < len(label) <= 12 and not re.search(r"[,，\d]", label)


def column_below(lines: list[TextLine], i: int) -> list[int]:
    """A label in the header row of a table whose other header cells hold no digits
    (`일시 | 장소 | 참석자`): the cells below it in its column."""
    table, row, col = lines[i].in_cell
    header = [ln for ln in lines if ln.cell and ln.cell[:2] == (table, row)]
    if row != min(ln.cell[1] for ln in lines if ln.cell and ln.cell[0] == table) or any(
        re.search(r"\d", ln.text) for ln in header
    ):
        return []
    return [
        k for k, ln in enumerate(lines) if ln.cell and ln.cell[0] == table and ln.cell[1] > row and ln.cell[2] == col
    ]


def beside_label(lines: list[TextLine], i: int) -> tuple[list[int], list[str]] | None:
    """The cells right of a label cell, in its row and in the rows below that have no label of
    their own (the label cell spans them, or they leave it blank). A row with a short cell
    before its content (`참석자 | 정부 | 가나부 차관`) reads as `(정부) 가나부 차관`."""
    table, row, col = lines[i].in_cell
    rows: dict[int, list[int]] = {}
    for k, ln in enumerate(lines):
        if ln.cell and ln.cell[0] == table and ln.cell[1] >= row and ln.cell[2] > col:
            rows.setdefault(ln.cell[1], []).append(k)
        elif ln.cell and ln.cell[0] == table and ln.cell[1] > row and ln.text.strip():
            rows.setdefault(ln.cell[1], []).append(-1)  # a label of its own: the list ends above
    if row not in rows:
        return None
    used: list[int] = []
    body: list[str] = []
    for r in sorted(rows):
        if -1 in rows[r]:
            break
        cells: dict[int, list[str]] = {}
        for k in rows[r]:
            cells.setdefault(lines[k].in_cell[2], []).append(_unbullet(lines[k].text))
        cols = sorted(cells)
        label = squash(" ".join(cells[cols[0]]))
        if len(cols) >= 2 and 0 < len(label) <= 12 and not re.search(r"[,，]", label):
            content = [t for c in cols[1:] for t in cells[c]]
            body.extend([f"({label.strip('()[]')}) {content[0]}", *content[1:]])
        else:
            body.extend(t for c in cols for t in cells[c])
        used.extend(rows[r])
    return (used, body) if body else None


def _unbullet(text: str) -> str:
    return re.sub(r"^\s*(?:[-–ㆍ·‧]|[□■○●◦ㅇ▸▶►▷‣•￭▪❍])\s*", "", text)
