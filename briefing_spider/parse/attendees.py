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
    LEADING_TAG_RE, TRAILING_ETC_RE, clean_entry, is_org, is_title, leftovers, names_agency, parse_person,
    split_bodies, split_outside_brackets, split_runs,
)
from briefing_spider.parse.attendee_lexicon import BODY_LABELS, GROUP_WORDS, NARRATIVE_RE, ROLE_WORDS
from briefing_spider.parse.ministries import is_ministry
from briefing_spider.parse.attendee_merge import merge_lists, org_key
from briefing_spider.parse.attendee_roster import read_roster
from briefing_spider.parse.text_lines import TextLine, collapse, squash
from briefing_spider.records import Attendee

# Bullet glyphs, note marks and HWP private-use symbols that may open a line.
BULLETS = "□■○●◦ㅇ▸▶►▷‣•￭▪▫◆◇◈◎❍❏❑➢➤✓✔☐☑\uE000-\uF8FF\U000F0000-\U000FFFFD"
_MARKS = r"[\s" + BULLETS + r"\-–※*＊·]*"
_LABEL_WORD = r"(?:주\s*요\s*)?참\s*석\s*(?:자|기\s*관|대\s*상\s*(?:자|기\s*관)?)?"
LABEL_RE = re.compile(_MARKS + r"[(\[<〈]?\s*" + _LABEL_WORD + r"\s*[)\]>〉]?\s*(?P<colon>[:：])?\s*")
LABEL_ONLY_RE = re.compile(r"^" + _MARKS + r"[(\[<〈]?\s*" + _LABEL_WORD + r"\s*[)\]>〉]?\s*[:：]?\s*$")
SUB_LINE_RE = re.compile(r"^\s*[-–ㆍ·‧]\s*")
BULLET_START_RE = re.compile(r"^\s*(?:[" + BULLETS + r"※*＊]|\d+[.)]\s|[가-하][.)]\s|<|\[붙임|붙\s*임)")
BULLET_RANKS = ("□■", "○ㅇ◦●❍", "-–▸▶‣▪￭•", "·ㆍ‧")
ITEM_START_RE = re.compile(r"^\s*[" + BULLETS + r"]")  # not ※ or *: those open notes
BULLET_RE = re.compile(r"^\s*[" + BULLETS + r"※*＊]+\s*")
# Roles one person holds (not carried to the next entries of a `[토론] A, B` run).
SINGLE_ROLES = {"주재", "좌장", "사회"}
BODY_ENDINGS = ("부", "처", "청", "원", "회", "단", "소", "위원회", "공단", "공사", "협회", "재단", "대학교", "대학",
                "은행", "센터", "거래소", "조합", "연맹", "본부", "그룹", "전자", "기구")


@dataclass(frozen=True)
class _Entry:
    group: str | None
    text: str  # "" when a group label opens with nothing after it on its line
    role: str | None


def extract_attendees(lines: list[TextLine]) -> tuple[Attendee, ...]:
    return read_attendees(lines)[0]


def read_attendees(lines: list[TextLine]) -> tuple[tuple[Attendee, ...], tuple[str, ...]]:
    """Every attendee list of a release, merged, and a warning for each entry with tokens the
    grammar could not account for (the entry is kept: the warning says what to look at)."""
    lists: list[list[Attendee]] = []
    warnings: list[str] = []
    used: set[int] = set()
    for i, line in enumerate(lines):
        if i in used:
            continue
        people = read_roster(lines, i, used)
        if people is None:
            body = _list_body(lines, i, used)
            if body is None:
                continue
            people = _parse_list(body, lines, max(used) + 1 if used else i + 1)
        for person in people:
            leftover = leftovers(person)
            if leftover:
                warnings.append(f"attendees: unaccounted {' '.join(leftover)!r} in: {collapse(person.raw)[:160]}")
        if people:
            lists.append(people)
    return tuple(merge_lists(lists)), tuple(dict.fromkeys(warnings))


def _list_body(lines: list[TextLine], i: int, used: set[int]) -> list[str] | None:
    line = lines[i]
    label = LABEL_RE.match(line.text)
    if not label:
        return None
    rest = line.text[label.end() :]
    labelled = label["colon"] or re.search(r"[)\]>〉]\s*$", line.text[: label.end()]) or not rest.strip()
    if not labelled or re.match(r"\s*(?:하|한|했|함|시|을|를|이|의|및|요청|인원|예정|가능|신청|자격|여부)", rest):
        return None
    bare = not rest.strip()
    if line.cell and LABEL_ONLY_RE.match(line.text):
        table, row, col = line.cell
        right = [k for k, ln in enumerate(lines) if ln.cell and ln.cell[0] == table and ln.cell[1] == row and ln.cell[2] > col]
        if right:
            first_col = lines[right[0]].cell[2]
            cells = [k for k in right if lines[k].cell[2] == first_col]
            used.update([i, *cells])
            return [lines[k].text for k in cells]
        if any(ln.cell and ln.cell[0] == table and ln.cell[1] == row and ln.cell[2] < col for ln in lines):
            return None  # a label in a 비고 column after the row's content
    body = [rest] if rest.strip() else []
    used.add(i)
    j = i + 1
    while j < len(lines):
        nxt = lines[j]
        if nxt.cell != line.cell:
            table = _label_table(lines, j) if bare and not body and nxt.cell else None
            if table:
                body.extend(table[0])
                used.update(range(j, table[1]))
            break
        if LABEL_RE.match(nxt.text) and not SUB_LINE_RE.match(nxt.text):
            break
        same_para = nxt.para == line.para and not BULLET_START_RE.match(nxt.text) and not _narrative(nxt.text)
        sub = SUB_LINE_RE.match(nxt.text) and nxt.indent >= line.indent
        wrapped = bool(body) and body[-1].rstrip().endswith((",", "·", "ㆍ")) and nxt.indent >= line.indent
        block = bare and nxt.indent > line.indent
        item = _beneath(nxt, line) and ITEM_START_RE.match(nxt.text) and _list_item(nxt.text)
        plain = bool(body) and nxt.indent >= line.indent and not BULLET_START_RE.match(nxt.text) and _entries_only(nxt.text)
        if not (same_para or sub or wrapped or block or plain or item):
            break
        body.append(SUB_LINE_RE.sub("", nxt.text) if sub else BULLET_RE.sub("", nxt.text) if item else nxt.text)
        used.add(j)
        j += 1
    return body or None


def _bullet_rank(text: str) -> int | None:
    char = text.lstrip()[:1]
    return next((rank for rank, marks in enumerate(BULLET_RANKS) if char and char in marks), None)


def _beneath(nxt: TextLine, line: TextLine) -> bool:
    """Deeper than the label line: indented further, or (text without indents, PDF) a bullet of
    a lower rank (□ over ㅇ○◦ over - ▸ over ·)."""
    if nxt.indent > line.indent:
        return True
    ranks = _bullet_rank(nxt.text), _bullet_rank(line.text)
    return None not in ranks and ranks[0] > ranks[1]


def _list_item(text: str) -> bool:
    """A deeper bullet item under a labelled line that carries on its list: it opens with a
    group or role tag (`ㅇ [토론] …`, `ㅇ (정부) …`) or holds entries only."""
    content = BULLET_RE.sub("", text)
    return bool(LEADING_TAG_RE.match(content)) or _entries_only(content)


def _narrative(text: str) -> bool:
    """A sentence or clause, not list material (`…을 반영하여`, `…하였다.`)."""
    text = text.strip()
    return text.endswith(("다.", "다")) or any(NARRATIVE_RE.search(w.strip(",.")) for w in text.split())


def _join_wrapped(body: list[str]) -> list[str]:
    """A comma list wrapped without a comma at the line end broke inside an entry: the two lines
    join, without a space when the split word is a body or a title again (`한국플라스틱` +
    `포장용기협회`)."""
    out: list[str] = []
    for part in body:
        prev = out[-1] if out else ""
        words = prev.split()
        nxt = part.split()
        if (words and nxt and "," in prev and not prev.rstrip().endswith((",", "，", "·", "ㆍ"))
                and not LEADING_TAG_RE.match(part) and not is_title(words[-1]) and not is_org(words[-1])):
            glued = words[-1] + nxt[0].rstrip(",，·ㆍ")
            joint = "" if is_org(glued) or is_title(glued) else " "
            out[-1] = prev.rstrip() + joint + part.lstrip()
        else:
            out.append(part)
    return out


def _entries_only(text: str) -> bool:
    """A line with no bullet that continues a list: no clause or sentence, and it ends in a body,
    a title, or a comma (`가나협회, 다라공단`, `송하늘 한국대 교수`)."""
    text = text.strip()
    words = text.rstrip(",").split()
    if not words or len(text) > 200 or text.endswith(".") or _narrative(text):
        return False
    last = TRAILING_ETC_RE.sub("", text.rstrip(",")).split() or words
    last_word = re.sub(r"[(\[].*$", "", last[-1]) or last[-1]
    return text.endswith(",") or is_org(last_word) or is_title(last_word)


def _label_table(lines: list[TextLine], j: int) -> tuple[list[str], int] | None:
    """A small table under a bare label whose rows are a group label cell and its entries
    (`정 부 | 가나부 차관, …`): each row read as `(정부) 가나부 차관, …`."""
    table = lines[j].cell[0]
    end = j
    rows: dict[int, dict[int, list[str]]] = {}
    while end < len(lines) and lines[end].cell and lines[end].cell[0] == table:
        _, row, col = lines[end].cell
        rows.setdefault(row, {}).setdefault(col, []).append(lines[end].text.strip())
        end += 1
    body: list[str] = []
    labelled = 0
    for cells in rows.values():
        cols = sorted(cells)
        label = squash(" ".join(cells[cols[0]]))
        if len(cols) >= 2 and 0 < len(label) <= 12 and not re.search(r"[,，]", label):
            content = [t for c in cols[1:] for t in cells[c]]
            body.extend([f"({label.strip('()[]')}) {content[0]}", *content[1:]])
            labelled += 1
        else:
            body.extend(t for c in cols for t in cells[c])
    return (body, end) if labelled else None


CELL_ROW_RE = re.compile(r"^\s*\|?\s*(?P<label>[^|,，]{1,16}?)\s*\|\s*(?P<rest>.+?)\s*\|?\s*$")


def _split_entries(body: list[str]) -> list[_Entry]:
    entries: list[_Entry] = []
    group: str | None = None
    carried: str | None = None  # a `[토론]` role runs on over its list, lines included, to the next tag
    for part in _join_wrapped(body):
        cells = CELL_ROW_RE.match(part)
        if cells and squash(cells["label"]) and "|" not in cells["rest"]:
            part = f"({squash(cells['label']).strip('()[]')}) {cells['rest']}"
        for chunk in split_outside_brackets(part):
            chunk = chunk.strip()
            while chunk:
                tag = LEADING_TAG_RE.match(chunk)
                if tag and tag["tag"].strip() not in ROLE_WORDS:
                    group, carried = collapse(tag["tag"]), None
                    chunk = chunk[tag.end() :].strip()
                    if not chunk:
                        entries.append(_Entry(group, "", None))
                    continue
                break
            role = LEADING_TAG_RE.match(chunk)
            if role and role["tag"].strip() in ROLE_WORDS:
                word = ROLE_WORDS[role["tag"].strip()]
                carried = None if word in SINGLE_ROLES else word
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
                    entries.append(_Entry(current_group, text.strip(), carried))
    return entries


def names_body(group: str | None) -> bool:
    """A group label that names one body (`(가나부)`, `(국회)`, `(다라공단)`), not a kind of people."""
    if not group or group in GROUP_WORDS or re.search(r"[\s·ㆍ‧,]|및", group) or is_title(group):
        return False
    return group in BODY_LABELS or is_ministry(group) or group.endswith(BODY_ENDINGS) or "㈜" in group or "(주)" in group


def _parse_list(body: list[str], lines: list[TextLine], after: int) -> list[Attendee]:
    out: list[Attendee] = []
    last_org: str | None = None
    last_group: str | None = object()  # type: ignore[assignment]
    emptied: list[str] = []
    for entry in _split_entries(body):
        if entry.group != last_group:
            last_org, last_group = None, entry.group
        group_org = entry.group if names_body(entry.group) else None
        if not entry.text:
            if group_org:
                emptied.append(group_org)
            continue
        for text, role in clean_entry(entry.text):
            expanded = _expand_starred(text, lines, after)
            for piece in expanded or [text]:
                for person in (p for run in split_runs(piece) for p in split_bodies(run)):
                    attendee = parse_person(person, entry.group, role or entry.role, raw=entry.text)
                    if attendee is None:
                        continue
                    inherited = last_org or group_org
                    if (attendee.organization is None and (attendee.name or attendee.title) and inherited
                            and not names_agency(attendee.title)):
                        attendee = replace(attendee, organization=inherited)
                    if attendee.organization and (attendee.name or attendee.title):
                        last_org = attendee.organization
                    out.append(attendee)
    named = {p.group for p in out}
    out.extend(Attendee(group=g, organization=g, name=None, title=None, role=None, raw=f"({g})")
               for g in dict.fromkeys(emptied) if g not in named)
    return _drop_group_headings(out)


def _drop_group_headings(people: list[Attendee]) -> list[Attendee]:
    """`참 석 : 국회, 정부, 업계` over `- (국회) …` sub-lines: the bare group names are headings;
    a bare kind of people (`정부`, `업계`) is never an entry."""
    groups = {org_key(p.group) for p in people if p.group}
    return [
        p for p in people
        if p.name or p.title or (
            (p.group is None or org_key(p.organization) != org_key(p.group) or names_body(p.group))
            and org_key(re.sub(r"\(.*\)$", "", p.organization or "")) not in groups - {org_key(p.group)}
            and (p.organization or "") not in GROUP_WORDS
        )
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
