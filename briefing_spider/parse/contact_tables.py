"""Contacts from the 담당 부서 table (the table rule of `contacts.py`).

A row with a role cell (책임자, 담당자…) holds its people after the role: title, name and phone
in cells of their own, or in one cell, a person a line (`과 장 김혜남 (044-204-7290)`), as a
PDF draws a cell over the rows its rules leave undivided — one contact a person.
"""

from __future__ import annotations

import re

from briefing_spider.parse.contact_forms import EMAIL_RE, LABEL_RE, PHONE_RE, ROLE_RE, text_person
from briefing_spider.parse.documents.model import Cell, Table
from briefing_spider.parse.text_lines import collapse, squash
from briefing_spider.records import Contact

Person = tuple[str | None, str | None, str | None]  # title, name, phone


def _cell_text(cell: Cell | None) -> str:
    return collapse(" ".join(cell.lines)) if cell is not None else ""


def _grid(table: Table) -> dict[tuple[int, int], Cell]:
    """(row, col) → the cell covering it, merged cells expanded."""
    grid: dict[tuple[int, int], Cell] = {}
    for row in table.rows:
        for cell in row:
            for r in range(cell.row, cell.row + max(cell.row_span, 1)):
                for c in range(cell.col, cell.col + max(cell.col_span, 1)):
                    grid.setdefault((r, c), cell)
    return grid


def _is_contact_table(grid: dict[tuple[int, int], Cell]) -> bool:
    texts = {_cell_text(cell) for cell in grid.values()}
    has_role = any(_roles(cell) for cell in grid.values())
    has_phone = any(PHONE_RE.search(t) or EMAIL_RE.search(t) for t in texts)
    return has_role and has_phone


def table_contacts(table: Table) -> list[Contact]:
    grid = _grid(table)
    if not grid or not _is_contact_table(grid):
        return []
    rows = sorted({r for r, _ in grid})
    width = max(c for _, c in grid) + 1
    contacts: list[Contact] = []
    last_dept: str | None = None
    last_name_cell: Cell | None = None
    for r in rows:
        cells = _row_cells(grid, r, width)
        texts = [_cell_text(cell) for cell in cells]
        role_at = next((i for i, cell in enumerate(cells) if _roles(cell)), None)
        if role_at is None:
            continue
        roles = _roles(cells[role_at])
        name_cell = cells[-2] if len(cells) >= 2 else None
        if name_cell is not None and name_cell is last_name_cell:
            continue  # the same person's merged cells reach into this row
        last_name_cell = name_cell
        dept = _department(cells[:role_at], texts[:role_at])
        dept = dept or last_dept
        last_dept = dept
        raw = " | ".join(t for t in texts if t)
        people = _people(cells[role_at + 1 :], texts[role_at + 1 :])
        for k, (title, name, phone) in enumerate(people):
            role = roles[k] if len(roles) == len(people) else roles[0]
            if name or phone:
                contacts.append(Contact(department=dept, role=role, title=title, name=name, phone=phone, raw=raw))
    return contacts


def _roles(cell: Cell | None) -> list[str]:
    """The roles a cell holds: one (`책임자`), or one a line where a PDF's cell spans rows its
    rules leave undivided (`책임자` / `담당자`); none when any line is something else."""
    lines = [collapse(line) for line in cell.lines if line.strip()] if cell is not None else []
    if lines and all(ROLE_RE.match(line) for line in lines):
        return [squash(line) for line in lines]
    text = _cell_text(cell)
    return [squash(text)] if ROLE_RE.match(text) else []


def _row_cells(grid: dict[tuple[int, int], Cell], row: int, width: int) -> list[Cell | None]:
    """The row's cells left to right, a cell spanning several columns once."""
    out: list[Cell | None] = []
    for col in range(width):
        cell = grid.get((row, col))
        if cell is None or not any(cell is seen for seen in out):
            out.append(cell)
    return out


def _department(cells: list[Cell | None], texts: list[str]) -> str | None:
    parts: list[str] = []
    seen: set[int] = set()
    for cell, text in zip(cells, texts, strict=True):
        if cell is None or id(cell) in seen or not text:
            continue
        seen.add(id(cell))
        kept = [collapse(line) for line in cell.lines if line.strip() and not LABEL_RE.match(collapse(line))]
        if kept:
            parts.append(" ".join(kept))
    return " ".join(parts) or None


def _people(cells: list[Cell | None], texts: list[str]) -> list[Person]:
    """The people after a row's role: one from cells of their own, or one a line where a cell
    holds a phone beside other words (each line up to a phone or e-mail is a person)."""
    if not any(_mixed(text) for text in texts):
        return [_person(texts)]
    people: list[Person] = []
    pending: list[str] = []
    for line in (collapse(line) for cell in cells if cell is not None for line in cell.lines if line.strip()):
        pending.append(line)
        if PHONE_RE.search(line) or EMAIL_RE.search(line):
            people.append(text_person(" ".join(pending)))
            pending = []
    return people or [_person(texts)]


def _mixed(text: str) -> bool:
    """A cell holding a phone or e-mail beside other words."""
    reach = PHONE_RE.search(text) or EMAIL_RE.search(text)
    return bool(reach) and bool(EMAIL_RE.sub("", PHONE_RE.sub("", text)).strip("() ,"))


def _person(texts: list[str]) -> Person:
    phone = None
    words: list[str] = []
    for text in texts:
        if not text:
            continue
        match = PHONE_RE.search(text)
        if match:
            phone = phone or match.group(0).strip()
            continue
        if EMAIL_RE.search(text):
            continue
        word = text.strip("() ")
        if re.fullmatch(r"[\d*\-.)( ]{7,}", word):  # an odd phone layout: keep as written
            phone = phone or word
            continue
        words.append(word)
    name = words[-1] if words else None
    title = " ".join(words[:-1]) or None
    return title, name, phone
