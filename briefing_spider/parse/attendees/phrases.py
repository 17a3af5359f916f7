"""An attendee entry's text before it is parsed into a person: role tags taken off, counts and
`등` dropped, a kind of body with its bodies in brackets read as the bodies, and shared endings
and conjunctions expanded into one text per entry. Rules: `attendees`, `docs/extraction.md`.
"""

from __future__ import annotations

import re

from briefing_spider.parse.attendees.entry import (
    LEADING_TAG_RE,
    TRAILING_ETC_RE,
    TRAILING_TAG_RE,
    is_name,
    is_org,
    is_title,
    split_outside_brackets,
)
from briefing_spider.parse.attendees.lexicon import (
    BRACKETED_COUNT_RE,
    COMPANY_MARK_RE,
    COUNT_RE,
    GROUP_WORDS,
    ROLE_WORDS,
    SHARED_ENDINGS,
    SURNAMES,
)
from briefing_spider.parse.attendees.lists import is_group_word
from briefing_spider.parse.text_lines import TextLine, collapse, squash

KIND_ENDINGS = ("기업", "기관", "업체", "단체", "회사", "기업체", "업계", "협단체", "기관장", "단체장")
KIND_MODIFIERS = (
    "우수",
    "참여",
    "수요",
    "공급",
    "중소",
    "중견",
    "대·",
    "대기업",
    "공공",
    "관계",
    "유관",
    "협력",
    "관련",
    "민간",
    "해외",
    "국내",
    "주요",
    "지역",
    "혁신",
    "스타트업",
    "벤처",
)
TRAILING_ROLE_RE = re.compile(r"\s(주재|좌장|사회)$")
NUMBERED_PAIR_RE = re.compile(r"(?<!\d)(\d)\s*[·ㆍ‧,]\s*(\d)\s*(차관|차장|부총리|부원장|부위원장)")
# Letters sharing one ending: 장·차관 → 장관·차관, 실·국장 → 실장·국장, 과·팀장 → 과장·팀장.
HEAD_PAIR_RE = re.compile(r"(?<![가-힣])((?:[가-힣]\s*[·ㆍ‧]\s*)+[가-힣])(장관|장|관)(?![가-힣])")
PEOPLE_COUNT_RE = re.compile(
    r"(?<=\S)\s+(?:약|총)?\s*\d[\d,]*\s*(?:여\s*)?(?:명|인)(?:\s*(?:내외|가량|정도|이상|안팎))?$"
)
COUNTED_RE = re.compile(r"^(?:약|총)?\s*\d[\d,]*\s*(?:여\s*)?(?:명|인|개사|곳|개\s*기관)(?:\s*내외)?\s*\((.+)\)$")
ENDED_RE = re.compile(r"(?:^|\s)(?:등|외)(?:\s+\S+)?\s*$|\d+\s*(?:여\s*)?명\s*\S*$")  # `… 등`, `… 20명 내외`
LABELLED_RE = re.compile(r"^\s*\S{1,8}\s*[:：]")  # `업계 : …` opens a group, never continues an entry
AND_RE = re.compile(r"\s+(?:및|와|과)\s+")


def clean_entry(text: str) -> list[tuple[str, str | None]]:
    """An entry's role tag taken off, bracketed counts, `등 …` and bare counts dropped, and a
    description with its body in brackets read as the body (`우수기업(가나㈜)` → `가나㈜`)."""
    if re.search(r"[)\]]\s+및\s+\S", text):  # `가나부 장관(주재) 및 관계부처 차관`: two entries
        return [e for part in re.split(r"\s+및\s+", text) for e in clean_entry(part)]
    counted = COUNTED_RE.match(collapse(text))
    if counted:  # `총 15명 (정부 5명, 업계 10명)`: the count's bodies, without their counts or kinds
        items = [
            re.sub(r"\s*\d[\d,]*\s*(?:여\s*)?(?:명|인|개사)$", "", p.strip())
            for p in split_outside_brackets(counted[1])
        ]
        return [e for item in items if item and item not in GROUP_WORDS for e in clean_entry(item)]
    role = None
    lead = LEADING_TAG_RE.match(text)
    if lead and lead["tag"].strip() in ROLE_WORDS:
        role, text = ROLE_WORDS[lead["tag"].strip()], text[lead.end() :]
    trail = TRAILING_TAG_RE.search(text)
    if trail and trail["tag"].strip() in ROLE_WORDS:
        role, text = ROLE_WORDS[trail["tag"].strip()], text[: trail.start()]
    trail_word = TRAILING_ROLE_RE.search(text)
    if trail_word and role is None:  # `국무총리 주재`
        role, text = ROLE_WORDS[trail_word[1]], text[: trail_word.start()]
    text = BRACKETED_COUNT_RE.sub("", text)
    if re.search(r"\s등\s.*\s및\s+\S", text):  # `가나부 차관 등 관계부처 및 다라협회 등 유관기관`: each side
        parts = [
            p
            for p in re.split(r"\s+및\s+", text)
            if p.split() and (is_org(p.split()[0]) or is_title(p.split()[0])) and not _is_kind(p.split()[0])
        ]
        return [e for part in parts for e in clean_entry(f"({role}) {part}" if role else part)]
    text = TRAILING_ETC_RE.sub("", collapse(text)).strip(" .")
    if not text or COUNT_RE.match(text) or squash(text) in {"등", "외"}:
        return []
    text = PEOPLE_COUNT_RE.sub("", text) or text  # `가나협회 회원 20여명`, `다라공단 직원 약 10명` (`8개 기관` stays)
    inner = _bracketed_bodies(text)
    return [(t, role) for t in inner] if inner is not None else [(text, role)]


def _bracketed_bodies(text: str) -> list[str] | None:
    """`우수기업(가나㈜)`, `정부(가나부 등)`: a kind of body, then the bodies themselves."""
    match = re.fullmatch(r"(?P<head>[^()]{1,20}?)\s*\((?P<inner>[^()]+(?:\([^()]*\)[^()]*)*)\)", text)
    if not match or not _is_kind(match["head"]):
        return None
    items = [TRAILING_ETC_RE.sub("", collapse(p)).strip() for p in split_outside_brackets(match["inner"])]
    items = [p for p in items if p and not COUNT_RE.match(p)]
    if items and all(_is_kind(p) for p in items) and collapse(match["head"]) in GROUP_WORDS:
        return []  # `업계(가공 중소기업, 수요 대·중견기업)`: a group and kinds of body, no entry
    if not items or not all(is_org(p.split()[-1]) or COMPANY_MARK_RE.search(p) for p in items):
        return None
    return items


def _is_kind(head: str) -> bool:
    """A description of a kind of body, not a named one: `우수기업`, `참여 기관`, `정부`, `업계`,
    `가공 중소기업`, `수요 대·중견기업` (a named company carries a mark or is one word: `가나기업`)."""
    head = collapse(head)
    if head in GROUP_WORDS:
        return True
    if COMPANY_MARK_RE.search(head) or not head.endswith(KIND_ENDINGS):
        return False
    words = head.split()
    return len(words) > 1 or head.startswith(KIND_MODIFIERS)


def split_bodies(text: str) -> list[str]:
    """Shared endings expanded: `A·B·C 관계자` → A 관계자, B 관계자, C 관계자; `국방·외교·통일부 장관`
    → 국방부 장관, 외교부 장관, 통일부 장관; `A 및 B 대표이사` → A 대표이사, B 대표이사.
    A name whose first part is one letter stays whole (`대·중소기업·농어업협력재단`)."""
    text = NUMBERED_PAIR_RE.sub(lambda m: f"{m[1]}{m[3]}·{m[2]}{m[3]}", text.rstrip("*"))  # 1·2차관
    text = HEAD_PAIR_RE.sub(lambda m: "·".join(c + m[2] for c in re.findall(r"[가-힣]", m[1])), text)
    joined = _split_and(text) if AND_RE.search(text) else [text]
    if len(joined) > 1 and all(is_title(p.split()[-1]) for p in joined):  # `가나부 실장 및 실·국장`
        return [p for part in joined for p in split_bodies(part)]
    parts = [p.strip() for p in split_outside_brackets(text, "·ㆍ‧・")]
    # the words the dot joins must each be two letters or more: `수요 대·중견기업` stays whole
    if (
        len(parts) < 2
        or any(not p or len(p.split()[-1]) < 2 for p in parts[:-1])
        or any(not p or len(p.split()[0]) < 2 for p in parts[1:])
    ):
        parts = _split_and(text)
        if len(parts) < 2:
            return [text]
    words = parts[-1].split()
    title = words[-1] if len(words) > 1 and is_title(words[-1]) else None
    at = len(words) - (2 if title else 1)
    if at >= 1 and words[at] in SHARED_ENDINGS:  # `가나·다라·마바 위원회 위원장`: the ending spaced off
        words[at - 1 : at + 1] = [words[at - 1] + words[at]]
        parts[-1] = " ".join(words)
    head = words[-2] if title else words[-1]
    ending = next((e for e in SHARED_ENDINGS if head.endswith(e) and len(head) > len(e)), None)
    out = []
    for part in parts[:-1]:
        part_words = part.split()
        if ending and len(part_words) == 1 and _lends_ending(part, ending):
            part = part + ending
        if title and not is_title(part.split()[-1]):
            part = f"{part} {title}"
        out.append(part)
    return [*out, parts[-1]]


def _split_and(text: str) -> list[str]:
    """`A 및 B 대표이사` (two bodies sharing a title), `가나부 장관 및 다라청 청장`, `가나협회 및
    다라재단`: two entries each; `가 및 나 관련 기업` (a phrase, no body or title after 가) stays one."""
    parts = [p.strip() for p in AND_RE.split(text)]
    if len(parts) < 2 or not all(parts):
        return [text]
    if all(is_title(p.split()[-1]) or is_org(p.split()[-1]) for p in parts):
        return parts
    last = parts[-1].split()
    if len(last) >= 2 and is_title(last[-1]) and all(len(p.split()) == 1 and not is_title(p) for p in parts[:-1]):
        return parts
    return [text]


def _lends_ending(part: str, ending: str) -> bool:
    """`국방` of `국방·외교·통일부` takes 부; `한빛` of `HUG·한빛공사`-like Latin parts do not."""
    return bool(re.fullmatch(r"[가-힣]{2,}", part)) and not is_org(part) and not is_title(part)


GROUP_CUT_RE = re.compile(r"(?:및|[·ㆍ‧,])\s*$")


def join_wrapped(body: list[str]) -> list[str]:
    """Lines of a list that broke inside an entry join again: a word cut after a letter (`홍길` +
    `동 차관`, `다라협` + `회 회장`), a title on the next line (`다라청 김하늘` + `청장, …`), and a
    comma list wrapped inside a word (`한국플라스틱` + `포장용기협회`: no space when the joined word
    is a body or a title again)."""
    out: list[str] = []
    for part in body:
        prev = out[-1] if out else ""
        words, nxt = prev.split(), part.split()
        if words and GROUP_CUT_RE.search(prev) and is_group_word(f"{prev} {part}"):
            out[-1] = f"{prev.rstrip()} {part.strip()}"  # `부처 및` + `공공기관`: one label cut
            continue
        if (
            not words
            or not nxt
            or prev.rstrip().endswith((",", "，", "·", "ㆍ"))
            or LEADING_TAG_RE.match(part)
            or part.lstrip().startswith("|")
            or is_group_word(part)
            or is_group_word(prev)
            or ENDED_RE.search(prev)
            or LABELLED_RE.match(part)
        ):
            out.append(part)
            continue
        last, first = words[-1], nxt[0].rstrip(",，·ㆍ")
        glued = last + first
        tail = prev.split(",")[-1].split()
        if _cut_word(last, nxt) and (is_title(glued) or not is_title(last) and (is_name(glued) or is_org(glued))):
            out[-1] = prev.rstrip() + part.lstrip()
        elif is_title(first) and _title_led(part) and not any(is_title(w) for w in tail):
            joint = " " if is_org(last) or is_name(last) else ""  # `다라` + `청장`: one word cut
            out[-1] = prev.rstrip() + joint + part.lstrip()
        elif "," in prev and not is_title(last) and not is_org(last):
            out[-1] = prev.rstrip() + ("" if is_org(glued) or is_title(glued) else " ") + part.lstrip()
        else:
            out.append(part)
    return out


def _title_led(part: str) -> bool:
    """The line's first entry is a title alone or a title and a name (`이사장 홍길동, …`)."""
    words = part.split(",")[0].split()
    return len(words) == 1 or len(words) == 2 and is_name(words[1])


def _cut_word(last: str, nxt: list[str]) -> bool:
    """A word cut at the line end: the next line opens with one letter that cannot stand alone
    (not 등/외/및, not the surname of a spaced name `허 진 …`; a letter before a comma never is),
    or the line ended in a surname letter (`김` + `하늘 국장`)."""
    first = nxt[0].rstrip(",，·ㆍ")
    if len(last) == 1 and last in SURNAMES and re.fullmatch(r"[가-힣]{1,3}", first):
        return True
    spaced_name = (
        first in SURNAMES
        and first == nxt[0]
        and len(nxt) > 1
        and 1 <= len(nxt[1].rstrip(",")) <= 2
        and not is_title(nxt[1].rstrip(","))
    )
    return bool(re.fullmatch(r"[가-힣]", first)) and first not in "등외및" and not spaced_name


def expand_starred(text: str, lines: list[TextLine], after: int) -> list[str] | None:
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
