"""Attendees: people or bodies named by an explicit attendee list (GUIDE `attendees`).

A list starts at a line (paragraph, note or table cell) labelled 참석자 / 참석 / 참 석 / 참 석 자 /
(참석) / (참석자) / 주요 참석자 / 참석 기관, and runs over the following lines of its paragraph and
the deeper `-` sub-lines under it; a label alone in a table cell takes the cell to its right.
Entries split on commas (outside brackets), line breaks and `·` between bodies; `(정부)`-style
brackets that open a run are groups, `(주재)`, `[좌장]`… are roles. A trailing `등` and what
follows it, and counts (`약 160명`), are dropped. Korean order `기관 이름 직함` or
`이름 기관 직함`; a person without an organisation inherits the one before it in the list.
When one event is listed twice, the richer list wins and the other adds only what it alone names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefing_spider.parse.ministries import is_ministry
from briefing_spider.parse.text_lines import TextLine, collapse, squash
from briefing_spider.records import Attendee

_MARKS = r"[\s□■○●◦ㅇ▸▶‣•\-–※*＊·]*"
LABEL_RE = re.compile(
    _MARKS + r"[(\[<〈]?\s*(?:주\s*요\s*)?참\s*석\s*(?:자|기\s*관)?\s*[)\]>〉]?\s*(?P<colon>[:：])?\s*"
)
LABEL_ONLY_RE = re.compile(r"^\s*[(\[]?\s*(?:주\s*요\s*)?참\s*석\s*(?:자|기\s*관)?\s*[)\]]?\s*[:：]?\s*$")
SUB_LINE_RE = re.compile(r"^\s*[-–ㆍ·‧]\s*")
ROLE_WORDS = {"주재": "주재", "좌장": "좌장", "사회": "사회", "발표": "발표", "발표자": "발표",
              "발제": "발표", "발제자": "발표", "토론": "토론", "토론자": "토론", "패널": "토론"}
LEADING_TAG_RE = re.compile(r"^\s*[(\[](?P<tag>[^()\[\]]{1,15})[)\]]\s*")
TRAILING_TAG_RE = re.compile(r"\s*[(\[](?P<tag>[^()\[\]]{1,15})[)\]]\s*$")
TRAILING_ETC_RE = re.compile(r"(?:^|\s)등(?:\s.*)?$")
COUNT_ONLY_RE = re.compile(r"^(?:약|총)?\s*\d[\d,]*\s*(?:여\s*)?(?:명|인|개사|곳|개\s*기관)(?:\s*(?:내외|가량|정도))?$")
MIDDOT_RE = re.compile(r"[·ㆍ‧]")
TITLE_SUFFIXES = (
    "장관", "차관", "총리", "부총리", "실장", "국장", "과장", "관", "위원장", "위원", "의원", "교수",
    "박사", "대표", "회장", "사장", "원장", "센터장", "처장", "청장", "부장", "팀장", "본부장",
    "이사장", "이사", "소장", "단장", "대사", "총장", "관계자", "연구원", "변호사", "기자", "대통령",
    "시장", "지사", "군수", "구청장", "국장", "감독", "전무", "상무", "차장", "대리", "주임", "명예교수",
    "선수", "작가", "수석", "담당자", "비서관", "행정관", "부시장", "부지사", "교육감", "의장", "부의장", "회원",
)
NOT_TITLE_SUFFIXES = ("박물관", "도서관", "미술관", "기념관", "회관", "대사관", "영사관", "체육관",
                      "연구원", "진흥원", "개발원", "평가원", "정보원", "재단", "위원회", "공단", "협회")
# Endings that make a short token an organisation, not a person (국, 관, 원 end many given names).
ORG_SUFFIXES = ("부", "처", "청", "대", "회", "과", "실", "단", "팀", "社", "기업", "은행", "공사",
                "공단", "협회", "학교", "센터", "연구원", "진흥원", "대학", "병원", "기관", "학회")
SURNAMES = set(
    "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄채원천방공"
    "현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예봉경사봉"
)


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
    return tuple(_merge_lists(lists))


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
        for chunk in _split_outside_brackets(part):
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


def _split_outside_brackets(text: str, separators: str = ",，、;") -> list[str]:
    parts, depth, start = [], 0, 0
    for k, char in enumerate(text):
        if char in "([（「":
            depth += 1
        elif char in ")]）」" and depth:
            depth -= 1
        elif char in separators and depth == 0:
            parts.append(text[start:k])
            start = k + 1
    parts.append(text[start:])
    return parts


def _parse_list(body: list[str], lines: list[TextLine], after: int) -> list[Attendee]:
    out: list[Attendee] = []
    last_org: str | None = None
    last_group: str | None = object()  # type: ignore[assignment]
    for entry in _split_entries(body):
        if entry.group != last_group:
            last_org, last_group = None, entry.group
        for text, role in _clean(entry.text):
            expanded = _expand_starred(text, lines, after)
            for piece in expanded or [text]:
                for person in (p for run in _split_runs(piece) for p in _bodies(run)):
                    attendee = _person(person, entry.group, role, raw=entry.text)
                    if attendee is None:
                        continue
                    if (attendee.organization is None and (attendee.name or attendee.title) and last_org
                            and not _names_agency(attendee.title)):
                        attendee = replace(attendee, organization=last_org)
                    if attendee.organization and (attendee.name or attendee.title):
                        last_org = attendee.organization
                    out.append(attendee)
    return _drop_group_headings(out)


def _drop_group_headings(people: list[Attendee]) -> list[Attendee]:
    """`참 석 : 국회, 정부, 업계` over `- (국회) …` sub-lines: the bare group names are headings."""
    groups = {_org_key(p.group) for p in people if p.group}
    return [
        p for p in people
        if p.group or p.name or p.title or _org_key(re.sub(r"\(.*\)$", "", p.organization or "")) not in groups
    ]


def _clean(text: str) -> list[tuple[str, str | None]]:
    role = None
    lead = LEADING_TAG_RE.match(text)
    if lead and lead["tag"].strip() in ROLE_WORDS:
        role, text = ROLE_WORDS[lead["tag"].strip()], text[lead.end() :]
    trail = TRAILING_TAG_RE.search(text)
    if trail and trail["tag"].strip() in ROLE_WORDS:
        role, text = ROLE_WORDS[trail["tag"].strip()], text[: trail.start()]
    text = TRAILING_ETC_RE.sub("", collapse(text)).strip(" .")
    if not text or COUNT_ONLY_RE.match(text):
        return []
    return [(text, role)]


def _expand_starred(text: str, lines: list[TextLine], after: int) -> list[str] | None:
    """`수요 대·중견기업 9개사*` + a following `* A, B…` note → the bodies the note lists."""
    star = re.search(r"(\*+)$", text)
    if not star:
        return None
    for line in lines[after : after + 4]:
        note = re.match(r"^\s*" + re.escape(star.group(1)) + r"(?!\*)\s*(.+)$", line.text)
        if note:
            items = [collapse(TRAILING_ETC_RE.sub("", p)) for p in _split_outside_brackets(note.group(1))]
            return [p for p in items if p]
    return None


def _split_runs(text: str) -> list[str]:
    """People run together when line breaks were lost (`… 위원장 송승호 광운대 교수 …`): split
    after a title that is followed by a name and more words."""
    tokens = text.split()
    runs, start = [], 0
    for k in range(len(tokens) - 2):
        nxt = _join_spaced_name(tokens[k + 1 : k + 3])
        if k + 1 > start and _is_title(tokens[k]) and nxt and _is_name(nxt[0]) and len(nxt) >= 1:
            rest = tokens[k + 1 :]
            if len(rest) >= 2 and any(_is_title(t) for t in rest[1:]):
                runs.append(" ".join(tokens[start : k + 1]))
                start = k + 1
    runs.append(" ".join(tokens[start:]))
    return [r for r in runs if r]


def _bodies(text: str) -> list[str]:
    """`A·B·C 관계자` → [A 관계자, B 관계자, C 관계자]; `대·중견기업` stays whole."""
    text = text.rstrip("*")
    parts = [p.strip() for p in _split_outside_brackets(text, MIDDOT_RE.pattern.strip("[]"))]
    if len(parts) < 2 or any(len(squash(p)) < 2 for p in parts):
        return [text]
    words = parts[-1].split()
    if len(words) > 1 and _is_title(words[-1]):
        title = words[-1]
        return [p if _is_title(p.split()[-1]) else f"{p} {title}" for p in parts]
    return parts


BODY_TITLES = {"관계자", "담당자", "일동", "직원", "임직원", "관계관"}  # titles of a body, never one person
SHORT_GWAN_TITLES = {"정책관", "조정관", "담당관", "심의관", "기획관", "비서관", "행정관", "협력관", "외교관", "감독관"}


def _is_title(token: str) -> bool:
    if not token or is_ministry(token):
        return False
    if token.endswith("관") and not token.endswith(("장관", "차관")) and len(token) <= 3:
        return token in SHORT_GWAN_TITLES
    if token.endswith(NOT_TITLE_SUFFIXES) and token not in TITLE_SUFFIXES:
        return False
    return token.endswith(TITLE_SUFFIXES) or bool(re.fullmatch(r"\d차관(?:보)?", token))


def _is_name(token: str) -> bool:
    return (
        2 <= len(token) <= 4
        and re.fullmatch(r"[가-힣]+", token) is not None
        and token[0] in SURNAMES
        and not token.endswith(ORG_SUFFIXES)
        and not is_ministry(token)
        and not _is_title(token)
    )


def _join_spaced_name(tokens: list[str]) -> list[str]:
    """`허  진 이화여대 …` → `허진 이화여대 …` (a name spaced out letter by letter)."""
    if len(tokens) >= 2 and len(tokens[0]) == 1 and tokens[0] in SURNAMES and 1 <= len(tokens[1]) <= 2:
        return [tokens[0] + tokens[1], *tokens[2:]]
    return tokens


def _names_agency(title: str | None) -> bool:
    """A compound title that names its own agency (`국토부장관`) inherits nothing."""
    return bool(title) and any(is_ministry(title[:cut]) for cut in range(2, len(title)))


def _split_agency_prefix(tokens: list[str]) -> list[str]:
    """`산업부산업정책실장` → `산업부 산업정책실장` (an office's head, written unspaced after the
    agency); a bare rank stays whole with it (`국토부장관`, `금융위원장`)."""
    if len(tokens) != 1:
        return tokens
    token = tokens[0]
    for cut in range(len(token) - 4, 1, -1):
        head, rest = token[:cut], token[cut:]
        if is_ministry(head) and _is_title(rest):
            return [head, rest]
    return tokens


def _person(text: str, group: str | None, role: str | None, *, raw: str) -> Attendee | None:
    qualifier = None
    tail = TRAILING_TAG_RE.search(text)
    if tail and text[: tail.start()].split() and _is_title(text[: tail.start()].split()[-1]):
        qualifier, text = collapse(tail["tag"]), text[: tail.start()]  # 김주영 의원(민주당)
    tokens = _split_agency_prefix(_join_spaced_name(text.split()))
    if not tokens:
        return None
    title = tokens[-1] if _is_title(tokens[-1]) else None
    rest = tokens[:-1] if title else tokens
    name = None
    org_tokens = rest
    if title and rest and title not in BODY_TITLES:
        if _is_name(rest[-1]):
            name, org_tokens = rest[-1], rest[:-1]
        elif len(rest) >= 2 and _is_name(rest[0]):
            name, org_tokens = rest[0], rest[1:]
    organization = " ".join(org_tokens) or qualifier
    return Attendee(group=group, organization=organization, name=name, title=title, role=role, raw=raw)


COMPANY_MARK_RE = re.compile(r"\(주\)|㈜|주식회사|\(사\)|\(재\)|\s+|\([^)]*\)$")


def _org_key(org: str | None) -> str:
    return COMPANY_MARK_RE.sub("", org or "")


def _same_body(a: str | None, b: str | None) -> bool:
    ka, kb = _org_key(a), _org_key(b)
    if not ka or not kb:
        return False
    short, long_ = sorted((ka, kb), key=len)
    return ka == kb or (len(short) >= 2 and long_.startswith(short))


def _key_match(a: Attendee, b: Attendee) -> bool:
    if a.name and b.name:
        return squash(a.name) == squash(b.name)
    if a.name or b.name:
        named, other = (a, b) if a.name else (b, a)
        if other.title is None:
            return False
        return bool(
            named.title and squash(other.title) == squash(named.title)
            and other.organization and named.organization
            and squash(other.organization) in squash(named.organization)
        )
    if a.title or b.title:
        return squash(a.title or "") == squash(b.title or "") and _org_key(a.organization) == _org_key(b.organization)
    return _same_body(a.organization, b.organization)


def _covered(entry: Attendee, kept: list[Attendee], groups: set[str]) -> bool:
    """Already listed, or a bare body that is only the name of a group of the detailed list."""
    if any(_key_match(entry, other) for other in kept):
        return True
    if entry.name or entry.title:
        return False
    if _org_key(entry.organization) in groups:
        return True
    return any(not other.name and _same_body(entry.organization, other.organization) for other in kept) or any(
        other.organization and _org_key(entry.organization) == _org_key(other.organization) for other in kept
    )


def _merge_lists(lists: list[list[Attendee]]) -> list[Attendee]:
    """Lists of one event (they share someone) merge: the richest list first, then what only
    the others name. Lists with nothing in common are kept whole, in document order."""
    if len(lists) > 1 and _overlap(lists):
        lists = sorted(lists, key=lambda people: (-sum(1 for p in people if p.name),
                                                  -len({p.group for p in people if p.group}), -len(people)))
        merged: list[Attendee] = []
        for people in lists:
            groups = {_org_key(p.group) for p in merged if p.group}
            merged.extend(p for p in people if not _covered(p, merged, groups))
        return merged
    return [p for people in lists for p in people]


def _overlap(lists: list[list[Attendee]]) -> bool:
    for k, first in enumerate(lists):
        for second in lists[k + 1 :]:
            if any(_key_match(a, b) or (not a.name and not b.name and _same_body(a.organization, b.organization))
                   for a in first for b in second):
                return True
            if any(_org_key(a.organization) in {_org_key(b.organization) for b in second if b.name} for a in first if not a.name and not a.title):
                return True
    return False
