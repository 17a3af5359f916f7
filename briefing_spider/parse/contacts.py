"""Contacts: the 담당 부서 / 책임자 / 담당자 block, from its table or from plain-text lines.

Table rule (GUIDE): one contact per row that has a role cell (책임자, 담당자…). The person takes
the department cell of their own row — or the merged cell covering it; a blank row takes the
nearest department above. A unit written in the first column is put before the department
(`서울청` + `교통안전과`); labels (`담당 부서`, `<총괄>`) are dropped. After the role come title,
name and phone; an e-mail in place of a phone gives phone None; a masked phone stays as written.
"""

from __future__ import annotations

import re

from briefing_spider.parse.contact_forms import EMAIL_RE, LABEL_RE, PHONE_RE, TEXT_ROLE_RE, text_person
from briefing_spider.parse.contact_tables import table_contacts
from briefing_spider.parse.documents.model import Table
from briefing_spider.parse.text_lines import TextLine, collapse, squash
from briefing_spider.records import Contact

# Plain-text forms: "담당 부서 <총괄>: 대외경제국 대외경제총괄과 / 책임자 과장 최지영 / (044-215-7610)"
TEXT_DEPT_RE = re.compile(r"담당\s*부\s*서\s*(?:[<〈《‹].*?[>〉》›])?\s*[:：]?\s*(?P<dept>[^/|]*)")
# A department cell in front of a row's role: unit words, no digits or sentence.
ROW_DEPT_RE = re.compile(r"[가-힣A-Za-z0-9·ㆍ().&]*[가-힣]+(?:\s[가-힣A-Za-z0-9·ㆍ()&]+){0,3}")
PHONE_ONLY_RE = re.compile(r"^\(?\s*0\d{1,2}[)\-.\s]\s*[\d*]{3,4}[\-.\s][\d*]{4}\s*\)?,?$")


def extract_contacts(tables: list[Table], lines: list[TextLine]) -> tuple[Contact, ...]:
    found: list[Contact] = []
    for table in tables:
        found.extend(table_contacts(table))
    if not found:
        found.extend(_from_lines(lines))
    return tuple(found)


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
        title, name, phone = text_person(rest)
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


def _drop_labels(text: str) -> str:
    words = [w for w in re.split(r"\s*[/|]\s*|\s+", text.strip(" :：")) if w and not LABEL_RE.match(w)]
    return " ".join(words)
