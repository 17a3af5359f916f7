"""The contact block (담당 부서) of a release, as the site's viewer shows it: one entry a person,
`label: department / role title name / phone`. Pure.

From a table (HWPX, HWP 5): the table with a role cell (책임자, 담당자) and a phone or e-mail
(the table `parse/contacts.py` reads people from); each row is an entry. From text (PDF, where
the table is lines): the lines from one opening with the label `담당 부서` while they are short
or hold a role or a phone; an entry ends at a phone or e-mail.
"""

from __future__ import annotations

import re

from briefing_spider.parse.contact_forms import EMAIL_RE, PHONE_RE, ROLE_RE, TEXT_ROLE_RE

from . import forms
from .grid import Grid

TEXT_START = re.compile(r"^\s*[<\[(]?\s*담\s*당\s*부\s*서\s*[>\])]?\s*:?\s*")
SHORT_LINE = 40  # characters: a line of a contact block that holds no role or phone
LETTER_SPACED = re.compile(r"^(?:[가-힣]\s+)+[가-힣]$")  # 과  장, 배  인: single syllables spaced out


def is_contact_table(grid: Grid) -> bool:
    texts = [cell.text for cell in grid.cells]
    return any(ROLE_RE.match(t) for t in texts) and any(PHONE_RE.search(t) or EMAIL_RE.search(t) for t in texts)


def table_rows(grid: Grid) -> tuple[tuple[str, ...], ...]:
    """Each row's cell texts, empty cells left out, letter-spaced words joined."""
    rows = (tuple(unspaced(c.text) for c in row if c.text.strip()) for row in grid.rows())
    return tuple(row for row in rows if row)


def opens_text_block(line: str) -> bool:
    return bool(TEXT_START.match(line))


def continues_text_block(line: str) -> bool:
    text = line.strip()
    reach = PHONE_RE.search(text) or EMAIL_RE.search(text) or TEXT_ROLE_RE.search(text)
    if not text or forms.NOTE.match(text) or forms.ANNEX_HEAD.match(text) or forms.LABEL.match(text):
        return False
    return bool(reach) or len(text) <= SHORT_LINE


def text_rows(lines: list[str]) -> tuple[tuple[str, ...], ...]:
    """The lines of a text contact block as entries of cells (label, department, person, phone)."""
    rows: list[tuple[str, ...]] = []
    pending: list[str] = []
    for line in lines:
        pending.append(" ".join(line.split()))
        if PHONE_RE.search(line) or EMAIL_RE.search(line):
            rows.append(_text_cells(" ".join(pending)))
            pending = []
    if pending:
        rows.append(_text_cells(" ".join(pending)))
    return tuple(rows)


def _text_cells(text: str) -> tuple[str, ...]:
    label = TEXT_START.match(text)
    cells: list[str] = [forms.CONTACT_HEADING] if label else []
    rest = text[label.end() :] if label else text
    role = TEXT_ROLE_RE.search(rest)
    reach = PHONE_RE.search(rest) or EMAIL_RE.search(rest)
    at = reach.start() - (1 if reach and reach.start() and rest[reach.start() - 1] == "(" else 0) if reach else None
    cut = [0, role.start() if role else None, at, len(rest)]
    marks = [c for c in cut if c is not None]
    for start, end in zip(marks, marks[1:], strict=False):
        part = rest[start:end].strip()
        if part:
            cells.append(_unspace_words(part))
    return tuple(cells)


def contact_line(cells: tuple[str, ...]) -> str:
    """One entry: `label: department / role title name / phone`, or `department: role title name
    / phone` for a row without the label."""
    label = cells[0] if forms.CONTACT_LABEL.match(cells[0]) else None
    rest = cells[1:] if label else cells
    role = next((i for i, c in enumerate(rest) if ROLE_RE.match(c) or TEXT_ROLE_RE.match(c)), len(rest))
    reach = next((i for i, c in enumerate(rest) if PHONE_RE.search(c) or EMAIL_RE.search(c)), len(rest))
    reach = max(reach, role)
    parts = [p for p in (" ".join(rest[:role]), " ".join(rest[role:reach]), " ".join(rest[reach:])) if p]
    if label or role == 0:
        return (f"{label}: " if label else "") + " / ".join(parts)
    if len(parts) > 1:
        return f"{parts[0]}: " + " / ".join(parts[1:])
    return parts[0] if parts else ""


def unspaced(cell: str) -> str:
    """A letter-spaced word joined (`과  장` → 과장), other whitespace collapsed."""
    text = " ".join(cell.split())
    return re.sub(r"\s+", "", text) if LETTER_SPACED.match(text) else text


def _unspace_words(text: str) -> str:
    """Runs of single letter-spaced syllables joined inside a line (`과 장 김옥수` → 과장 김옥수)."""
    return re.sub(r"(?<![가-힣])(?:[가-힣] ){1,3}[가-힣](?![가-힣])", lambda m: m.group(0).replace(" ", ""), text)
