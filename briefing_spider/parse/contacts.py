"""Contacts: the 담당 부서 / 책임자 / 담당자 block, from its table or from plain-text lines.

Table rule (GUIDE): one contact per row that has a role cell (책임자, 담당자…). The person takes
the department cell of their own row — or the merged cell covering it; a blank row takes the
nearest department above. A unit written in the first column is put before the department
(`서울청` + `교통안전과`); labels (`담당 부서`, `<총괄>`) are dropped. After the role come title,
name and phone; an e-mail in place of a phone gives phone None; a masked phone stays as written.
"""

from __future__ import annotations

import re

from briefing_spider.parse.documents.model import Cell, Table
from briefing_spider.parse.text_lines import TextLine, collapse, squash
from briefing_spider.records import Contact

ROLE_RE = re.compile(r"^(?:책\s*임\s*자|담\s*당\s*자|실\s*무\s*자)$")
LABEL_RE = re.compile(r"^(?:담당\s*(?:부\s*서|기\s*관|부처)|[<〈《‹(\[].*[>〉》›)\]]|소\s*속|부\s*서\s*명?)$")
PHONE_RE = re.compile(r"(?<![\d*])0\d{1,2}[)\-.\s]\s*[\d*]{3,4}[\-.\s][\d*]{4}(?![\d*])")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Plain-text forms: "담당 부서 <총괄>: 대외경제국 대외경제총괄과 / 책임자 과장 최지영 / (044-215-7610)"
TEXT_DEPT_RE = re.compile(r"담당\s*부\s*서\s*(?:[<〈《‹].*?[>〉》›])?\s*[:：]?\s*(?P<dept>[^/|]*)")
# A department cell in front of a row's role: unit words, no digits or sentence.
ROW_DEPT_RE = re.compile(r"[가-힣A-Za-z0-9·ㆍ().&]*[가-힣]+(?:\s[가-힣A-Za-z0-9·ㆍ()&]+){0,3}")
PHONE_ONLY_RE = re.compile(r"^\(?\s*0\d{1,2}[)\-.\s]\s*[\d*]{3,4}[\-.\s][\d*]{4}\s*\)?,?$")
TEXT_ROLE_RE = re.compile(r"(?<![가-힣])(?:책\s*임\s*자|담\s*당\s*자)(?![가-힣])")


def extract_contacts(tables: list[Table], lines: list[TextLine]) -> tuple[Contact, ...]:
    found: list[Contact] = []
    for table in tables:
        found.extend(_from_table(table))
    if not found:
        found.extend(_from_lines(lines))
    return tuple(found)


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
    has_role = any(ROLE_RE.match(t) for t in texts)
    has_phone = any(PHONE_RE.search(t) or EMAIL_RE.search(t) for t in texts)
    return has_role and has_phone


def _from_table(table: Table) -> list[Contact]:
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
        role_at = next((i for i, t in enumerate(texts) if ROLE_RE.match(t)), None)
        if role_at is None:
            continue
        name_cell = cells[-2] if len(cells) >= 2 else None
        if name_cell is not None and name_cell is last_name_cell:
            continue  # the same person's merged cells reach into this row
        last_name_cell = name_cell
        dept = _department(cells[:role_at], texts[:role_at])
        dept = dept or last_dept
        last_dept = dept
        title, name, phone = _person(texts[role_at + 1 :])
        if not (name or phone):
            continue
        raw = " | ".join(t for t in texts if t)
        contacts.append(
            Contact(department=dept, role=squash(texts[role_at]), title=title, name=name, phone=phone, raw=raw)
        )
    return contacts


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


def _person(texts: list[str]) -> tuple[str | None, str | None, str | None]:
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


def _from_lines(lines: list[TextLine]) -> list[Contact]:
    """Plain-text blocks: `담당 부서 <총괄>: 대외경제국 대외경제총괄과 / 책임자 과장 홍길동 / (044-…)`,
    or a `담당 부서` line followed by department lines, then `책임자 과 장 홍길동 (044-…)` lines.
    PDF rows: a department written before the role is that row's (`다라과 담당자 사무관 …`); a
    row whose phone went onto the next line is read with it."""
    contacts: list[Contact] = []
    dept: str | None = None
    collecting = False
    texts = [collapse(line.text.lstrip("-*• ")) for line in lines]
    for k, text in enumerate(texts):
        dm = TEXT_DEPT_RE.search(text)
        if dm:
            dept = _drop_labels(dm["dept"]) or None
            collecting = dept is None or not TEXT_ROLE_RE.search(text)
            if TEXT_ROLE_RE.search(dm["dept"]):
                dept = _drop_labels(TEXT_ROLE_RE.split(dm["dept"])[0]) or None
        role = TEXT_ROLE_RE.search(text)
        if not role:
            if collecting and not dm and len(text) <= 40:
                dept = " ".join(filter(None, [dept, _drop_labels(text)])) or None
            elif not dm:
                collecting = False
            continue
        own = _drop_labels(text[: role.start()]) if not dm and (dept is not None or collecting) else ""
        if own and ROW_DEPT_RE.fullmatch(own):
            dept = own  # the row's own department cell, in front of its role
        collecting = False
        if dept is None:
            continue
        rest = text[role.end() :]
        if (
            not (PHONE_RE.search(rest) or EMAIL_RE.search(rest))
            and k + 1 < len(texts)
            and PHONE_ONLY_RE.match(texts[k + 1])
        ):
            rest = f"{rest} {texts[k + 1]}"  # the row's phone on the next visual line
        title, name, phone = _text_person(rest)
        if name and (phone or EMAIL_RE.search(rest)):
            contacts.append(
                Contact(
                    department=dept,
                    role=squash(role.group(0)),
                    title=title,
                    name=name,
                    phone=phone,
                    raw=line_raw(lines, k),
                )
            )
    return contacts


def line_raw(lines: list[TextLine], k: int) -> str:
    return lines[k].stripped


def _spaced_tail(words: list[str]) -> bool:
    """The last words spell a name spaced out (`사무관 배 인`), not a title and a one-letter word."""
    return (
        bool(re.fullmatch(r"[가-힣]", words[-1]))
        and bool(re.fullmatch(r"[가-힣]{1,2}", words[-2]))
        and (len(words) == 2 or len(words[-3]) >= 2 or len(words[-2]) == 1)
    )


def _drop_labels(text: str) -> str:
    words = [w for w in re.split(r"\s*[/|]\s*|\s+", text.strip(" :：")) if w and not LABEL_RE.match(w)]
    return " ".join(words)


def _text_person(rest: str) -> tuple[str | None, str | None, str | None]:
    phone_match = PHONE_RE.search(rest)
    phone = phone_match.group(0).strip() if phone_match else None
    cut = min([m.start() for m in (phone_match, EMAIL_RE.search(rest)) if m] or [len(rest)])
    words = [w for w in re.split(r"[\s/():：]+", rest[:cut]) if w]
    while len(words) >= 2 and len(words[-1]) == 1 and len(words[-2]) <= 2 and _spaced_tail(words):
        words[-2:] = [words[-2] + words[-1]]  # `배 인`, `홍 길 동`: a name spaced letter by letter
    if not words:
        return None, None, phone
    name = words[-1]
    if not re.fullmatch(r"[가-힣]{2,4}", name):
        return None, None, phone
    return " ".join(words[:-1]) or None, name, phone
