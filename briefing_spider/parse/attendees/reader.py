"""Attendees: people or bodies named by an explicit attendee list (GUIDE `attendees`), read as a
small grammar over tokens: every token of a list is an entry (organisation, name, title), a
separator (`,` line break `·` `및`), a group (`(정부)`, a label cell), a role (`[토론]`, `(주재)`) or a
qualifier (`등`, counts); an entry with tokens left over is kept and named in a warning.

Where lists are and which lines they run over: `lists`; roster tables:
`roster`; one entry's parse: `entry`; word lists: `lexicon`; one
event listed twice: `merge`. Here: walking a list's entries — groups run on until the
next group label; a label naming one body (`(가나부)`, `(국회)`) is also the organisation of the
entries under it that name no other; a `[토론]` role runs on over its list; a person with no
organisation inherits the last one of the list and group. Rules: `docs/extraction.md`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefing_spider.parse.attendees.entry import (
    COMPANY_TAG,
    LEADING_TAG_RE,
    is_org,
    is_title,
    names_agency,
    parse_person,
    split_outside_brackets,
    split_runs,
)
from briefing_spider.parse.attendees.leftovers import leftovers
from briefing_spider.parse.attendees.lexicon import BODY_LABELS, GROUP_WORDS, ROLE_WORDS
from briefing_spider.parse.attendees.lists import LABEL_RE, is_group_word, list_body
from briefing_spider.parse.attendees.merge import merge_lists, org_key
from briefing_spider.parse.attendees.phrases import clean_entry, expand_starred, join_wrapped, split_bodies
from briefing_spider.parse.attendees.roster import read_roster, roster_rows
from briefing_spider.parse.ministries import is_ministry
from briefing_spider.parse.text_lines import TextLine, collapse, squash
from briefing_spider.records import Attendee

__all__ = ["LABEL_RE", "extract_attendees", "read_attendees", "names_body"]
# Roles one person holds (not carried to the next entries of a `[토론] A, B` run).
SINGLE_ROLES = {"주재", "좌장", "사회"}
KIND_GROUP_ENDINGS = ("부처", "기관", "기업", "단체", "업체", "업계", "회원사", "위원", "전문가", "관계자", "대학들")
BODY_ENDINGS = (
    "부",
    "처",
    "청",
    "원",
    "회",
    "단",
    "소",
    "위원회",
    "공단",
    "공사",
    "협회",
    "재단",
    "대학교",
    "대학",
    "은행",
    "센터",
    "거래소",
    "조합",
    "연맹",
    "본부",
    "그룹",
    "전자",
    "기구",
)


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
        if i in used or "참" not in line.text:  # every label has 참 (참석, 참 석 자): a cheap first test
            continue
        people = read_roster(lines, i, used)
        if people is not None:
            people = [_body_of_group(person) for person in people]
        else:
            body = roster_rows(lines, i, used) or list_body(lines, i, used)
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


# `정부 : 가나부 차관, …` inside a list: a group label before a colon.
GROUP_COLON_RE = re.compile(r"^\s*(?P<label>[^:：,，()\[\]\d]{1,12}?)\s*[:：]\s*(?P<rest>\S.*)$")
CELL_ROW_RE = re.compile(r"^\s*\|?\s*(?P<label>[^|,，]{1,16}?)\s*\|\s*(?P<rest>.+?)\s*\|?\s*$")


GROUP_COUNT_RE = re.compile(r"[,\s]+(?:약|총)?\s*\d[\d,]*\s*(?:여\s*)?(?:명|인|개사|개\s*기관)?$")
LABEL_COUNT_RE = re.compile(r"\s*[(\[](?:약|총)?\s*\d[\d,]*\s*(?:여\s*)?(?:명|인|개사|개\s*기관)?[)\]]\s*(?=[:：])")


def _group_name(tag: str) -> str:
    """A group label without its count: `(정부, 3명)` → 정부; spaced letter by letter, joined
    (`(노 동 부)` → 노동부)."""
    name = GROUP_COUNT_RE.sub("", collapse(tag)) or collapse(tag)
    return squash(name) if SPACED_LETTERS_RE.fullmatch(name) else name


SPACED_LETTERS_RE = re.compile(r"[가-힣](?: [가-힣])+")


OTHER_BRACKET_TAG_RE = re.compile(r"^(\s*)[<〈（［【]([^<>〈〉（）［］【】]{1,15})[>〉）］】]")
BARE_ROLE_RE = re.compile(r"^(" + "|".join(ROLE_WORDS) + r")\s+(?=\S+\s+\S)")


# A label cell flattened into a line: `정 부    가나부 차관` (a wide gap), `정 부 가나부 차관` (a label
# spaced letter by letter), `부처 및 공공기관 마바부, …` (group words before a body).
WIDE_GAP_LABEL_RE = re.compile(r"^\s*(?P<label>\S(?: ?\S){0,7}?)\s{2,}(?P<rest>\S.*)$")
LETTER_SPACED_RE = re.compile(r"^\s*(?P<label>[가-힣](?: [가-힣]){1,5})\s+(?P<rest>\S.*)$")


def _spaced_label(part: str) -> re.Match | None:
    """A group label at the head of a line, set off by a wide gap, spaced letter by letter, or
    (group words, joined or not) right before a body's name."""
    for found in (WIDE_GAP_LABEL_RE.match(part), LETTER_SPACED_RE.match(part)):
        if found and is_group_word(found["label"]):
            return found
    return _grouped_before_body(part)


def _grouped_before_body(part: str) -> re.Match | None:
    """The longest run of leading words that is a group label, when a body follows it."""
    words = part.split()
    for count in range(min(4, len(words) - 1), 0, -1):
        label, first = " ".join(words[:count]), words[count].rstrip(",，")
        if is_group_word(label) and is_org(first) and not is_group_word(first):
            head = r"\s+".join(map(re.escape, words[:count]))
            return re.match(r"^\s*(?P<label>" + head + r")\s+(?P<rest>\S.*)$", part)
    return None


def _split_entries(body: list[str]) -> list[_Entry]:
    entries: list[_Entry] = []
    group: str | None = None
    carried: str | None = None  # a `[토론]` role runs on over its list, lines included, to the next tag
    for part in join_wrapped(body):
        part = OTHER_BRACKET_TAG_RE.sub(r"\1(\2)", part)  # `<정부>`, `（정부）` → `(정부)`
        part = LABEL_COUNT_RE.sub(" ", part)  # `정부(3명) : …` → `정부 : …`
        cells = CELL_ROW_RE.match(part) or GROUP_COLON_RE.match(part) or _spaced_label(part)
        if cells and squash(cells["label"]) and "|" not in cells["rest"]:
            part = f"({squash(cells['label']).strip('()[]▶►▷▲△')}) {cells['rest']}"
        elif is_group_word(part) and not LEADING_TAG_RE.match(part.strip()):
            part = f"({squash(part).strip('()[]<>:：')})"  # a label line of its own: `정 부`
        for chunk in split_outside_brackets(part):
            chunk = chunk.strip()
            labelled = GROUP_COLON_RE.match(chunk)  # `… / 업계 : 가나협회 회장`
            if labelled and squash(labelled["label"]):
                chunk = f"({squash(labelled['label'])}) {labelled['rest']}"
            while chunk:
                leading = LEADING_TAG_RE.match(chunk)
                if leading and leading["tag"].strip() not in ROLE_WORDS:
                    group, carried = _group_name(leading["tag"]), None
                    chunk = chunk[leading.end() :].strip()
                    if not chunk:
                        entries.append(_Entry(group, "", None))
                    continue
                break
            chunk = BARE_ROLE_RE.sub(r"(\1) ", chunk)  # `좌장 김하늘 한빛대 교수`: a role word before a person
            role = LEADING_TAG_RE.match(chunk)
            if role and role["tag"].strip() in ROLE_WORDS:
                word = ROLE_WORDS[role["tag"].strip()]
                carried = None if word in SINGLE_ROLES else word
            # a group bracket glued after 등 or an entry: "…등(기업 및 기관) 핵심광물…"
            pieces = re.split(r"[(\[]" + COMPANY_TAG + r"([^()\[\]]{1,15})[)\]]\s+(?=\S)(?!및\s)", chunk)
            current_group = group
            for k in range(0, len(pieces), 2):
                text = pieces[k]
                if k > 0:
                    tag = pieces[k - 1].strip()
                    if tag in ROLE_WORDS:
                        text = f"({tag}) " + text
                    else:
                        group = current_group = _group_name(tag)
                if text.strip():
                    entries.append(_Entry(current_group, text.strip(), carried))
    return entries


def _body_of_group(person: Attendee) -> Attendee:
    """A roster row under a group that names one body (`노동부 | 장관 | 홍길동`) is of that body."""
    if person.organization is None and (person.name or person.title) and names_body(person.group):
        if not names_agency(person.title):
            return replace(person, organization=person.group)
    return person


def names_body(group: str | None) -> bool:
    """A group label that names one body (`(가나부)`, `(국회)`, `(다라공단)`), not a kind of people."""
    if not group or group in GROUP_WORDS or re.search(r"[\s·ㆍ‧,]|및", group) or is_title(group):
        return False
    if group.endswith(KIND_GROUP_ENDINGS):  # 정부부처, 공공기관, 참여기업, 시민단체: kinds, not one body
        return False
    return (
        group in BODY_LABELS
        or is_ministry(group)
        or group.endswith(BODY_ENDINGS)
        or "㈜" in group
        or "(주)" in group
        or bool(re.fullmatch(r"[A-Z][A-Za-z&]{1,7}", group))
    )  # (KOTRA), (LH): an acronym names one body


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
            expanded = expand_starred(text, lines, after)
            for piece in expanded or [text]:
                for person in (p for run in split_runs(piece) for p in split_bodies(run)):
                    attendee = parse_person(person, entry.group, role or entry.role, raw=entry.text)
                    if attendee is None:
                        continue
                    inherited = last_org or group_org
                    if (
                        attendee.organization is None
                        and (attendee.name or attendee.title)
                        and inherited
                        and not names_agency(attendee.title)
                    ):
                        attendee = replace(attendee, organization=inherited)
                    if attendee.organization and (attendee.name or attendee.title):
                        last_org = attendee.organization
                    out.append(attendee)
    named = {p.group for p in out}
    out.extend(
        Attendee(group=g, organization=g, name=None, title=None, role=None, raw=f"({g})")
        for g in dict.fromkeys(emptied)
        if g not in named
    )
    return _drop_group_headings(out)


def _drop_group_headings(people: list[Attendee]) -> list[Attendee]:
    """`참 석 : 국회, 정부, 업계` over `- (국회) …` sub-lines: the bare group names are headings;
    a bare kind of people (`정부`, `업계`) is never an entry."""
    groups = {org_key(p.group) for p in people if p.group}
    return [
        p
        for p in people
        if p.name
        or p.title
        or (
            (p.group is None or org_key(p.organization) != org_key(p.group) or names_body(p.group))
            and org_key(re.sub(r"\(.*\)$", "", p.organization or "")) not in groups - {org_key(p.group)}
            and (p.organization or "") not in GROUP_WORDS
        )
    ]
