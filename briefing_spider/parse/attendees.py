"""Attendees: people or bodies named by an explicit attendee list (GUIDE `attendees`).

A list starts at a line (paragraph, note or table cell) labelled 참석자 / 참석 / 참 석 / 참 석 자 /
(참석) / (참석자) / 주요 참석자 / 참석 기관, and runs over the following lines of its paragraph and
the deeper `-` sub-lines under it; a label alone in a table cell takes the cell to its right.
Entries split on commas (outside brackets), line breaks and `·` between bodies; `(정부)`-style
brackets that open a run are groups, `(주재)`, `[좌장]`… are roles. A trailing `등` and what
follows it, and counts (`약 160명`), are dropped. Korean order `기관 이름 직함` or
`이름 기관 직함`; a person without an organisation inherits the one before it in the list.
When one event is listed twice, the richer list wins and the other adds only what it alone names.
Here: finding the lists (labels, bodies, groups) and walking each; one entry's parse is in
`attendee_entry`, merging lists of one event in `attendee_merge`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefing_spider.parse.attendee_entry import (
    LEADING_TAG_RE, ROLE_WORDS, TRAILING_ETC_RE, clean_entry, names_agency, parse_person, split_bodies,
    split_outside_brackets, split_runs,
)
from briefing_spider.parse.attendee_merge import merge_lists, org_key
from briefing_spider.parse.text_lines import TextLine, collapse
from briefing_spider.records import Attendee

_MARKS = r"[\s□■○●◦ㅇ▸▶‣•\-–※*＊·]*"
LABEL_RE = re.compile(
    _MARKS + r"[(\[<〈]?\s*(?:주\s*요\s*)?참\s*석\s*(?:자|기\s*관)?\s*[)\]>〉]?\s*(?P<colon>[:：])?\s*"
)
LABEL_ONLY_RE = re.compile(r"^\s*[(\[]?\s*(?:주\s*요\s*)?참\s*석\s*(?:자|기\s*관)?\s*[)\]]?\s*[:：]?\s*$")
SUB_LINE_RE = re.compile(r"^\s*[-–ㆍ·‧]\s*")


@dataclass(frozen=True)
class _Entry:
    group: str | None
    text: str
    role: str | None


def extract_attendees(lines: list[TextLine]) -> tuple[Attendee, ...]:
    lists: list[list[Attendee]] = []
    used: set[int] = set()
    for i, line in enumerate(lines):
        if i in used:
            continue
        body = _list_body(lines, i, used)
        if body is None:
            continue
        people = _parse_list(body, lines, max(used) + 1 if used else i + 1)
        if people:
            lists.append(people)
    return tuple(merge_lists(lists))


def _list_body(lines: list[TextLine], i: int, used: set[int]) -> list[str] | None:
    line = lines[i]
    label = LABEL_RE.match(line.text)
    if not label:
        return None
    rest = line.text[label.end() :]
    labelled = label["colon"] or re.search(r"[)\]]\s*$", line.text[: label.end()]) or not rest.strip()
    if not labelled or re.match(r"\s*(?:하|한|했|함|시|을|를|이|의|및|요청|대상|인원|예정|가능|신청)", rest):
        return None
    if line.cell and LABEL_ONLY_RE.match(line.text):
        table, row, col = line.cell
        right = [k for k, ln in enumerate(lines) if ln.cell and ln.cell[0] == table and ln.cell[1] == row and ln.cell[2] > col]
        if not right:
            return None
        first_col = lines[right[0]].cell[2]
        cells = [k for k in right if lines[k].cell[2] == first_col]
        used.update([i, *cells])
        return [lines[k].text for k in cells]
    body = [rest] if rest.strip() else []
    used.add(i)
    j = i + 1
    while j < len(lines):
        nxt = lines[j]
        if nxt.cell != line.cell or LABEL_RE.match(nxt.text) and not SUB_LINE_RE.match(nxt.text):
            break
        same_para = nxt.para == line.para
        sub = SUB_LINE_RE.match(nxt.text) and nxt.indent >= line.indent
        wrapped = bool(body) and body[-1].rstrip().endswith((",", "·", "ㆍ")) and nxt.indent >= line.indent
        if not (same_para or sub or wrapped or (not body and nxt.indent > line.indent)):
            break
        body.append(SUB_LINE_RE.sub("", nxt.text) if sub else nxt.text)
        used.add(j)
        j += 1
    return body or None


def _split_entries(body: list[str]) -> list[_Entry]:
    entries: list[_Entry] = []
    group: str | None = None
    for part in body:
        for chunk in split_outside_brackets(part):
            chunk = chunk.strip()
            while chunk:
                tag = LEADING_TAG_RE.match(chunk)
                if tag and tag["tag"].strip() not in ROLE_WORDS and chunk[tag.end():].strip():
                    group = collapse(tag["tag"])
                    chunk = chunk[tag.end() :].strip()
                    continue
                break
            # a group bracket glued after 등 or an entry: "…등(기업 및 기관) 핵심광물…"
            pieces = re.split(r"[(\[]([^()\[\]]{1,15})[)\]]\s+(?=\S)", chunk)
            current_group = group
            for k in range(0, len(pieces), 2):
                text = pieces[k]
                if k > 0:
                    tag = pieces[k - 1].strip()
                    if tag in ROLE_WORDS:
                        text = f"({tag}) " + text
                    else:
                        group = current_group = collapse(tag)
                if text.strip():
                    entries.append(_Entry(current_group, text.strip(), None))
    return entries


def _parse_list(body: list[str], lines: list[TextLine], after: int) -> list[Attendee]:
    out: list[Attendee] = []
    last_org: str | None = None
    last_group: str | None = object()  # type: ignore[assignment]
    for entry in _split_entries(body):
        if entry.group != last_group:
            last_org, last_group = None, entry.group
        for text, role in clean_entry(entry.text):
            expanded = _expand_starred(text, lines, after)
            for piece in expanded or [text]:
                for person in (p for run in split_runs(piece) for p in split_bodies(run)):
                    attendee = parse_person(person, entry.group, role, raw=entry.text)
                    if attendee is None:
                        continue
                    if (attendee.organization is None and (attendee.name or attendee.title) and last_org
                            and not names_agency(attendee.title)):
                        attendee = replace(attendee, organization=last_org)
                    if attendee.organization and (attendee.name or attendee.title):
                        last_org = attendee.organization
                    out.append(attendee)
    return _drop_group_headings(out)


def _drop_group_headings(people: list[Attendee]) -> list[Attendee]:
    """`참 석 : 국회, 정부, 업계` over `- (국회) …` sub-lines: the bare group names are headings."""
    groups = {org_key(p.group) for p in people if p.group}
    return [
        p for p in people
        if p.group or p.name or p.title or org_key(re.sub(r"\(.*\)$", "", p.organization or "")) not in groups
    ]


def _expand_starred(text: str, lines: list[TextLine], after: int) -> list[str] | None:
    """`수요 대·중견기업 9개사*` + a following `* A, B…` note → the bodies the note lists."""
    star = re.search(r"(\*+)$", text)
    if not star:
        return None
    for line in lines[after : after + 4]:
        note = re.match(r"^\s*" + re.escape(star.group(1)) + r"(?!\*)\s*(.+)$", line.text)
        if note:
            items = [collapse(TRAILING_ETC_RE.sub("", p)) for p in split_outside_brackets(note.group(1))]
            return [p for p in items if p]
    return None
