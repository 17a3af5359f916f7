"""One entry of an attendee list → `Attendee` records: its role tag, the people it runs
together, and each person's organisation, name and title (Korean order `기관 이름 직함` or
`이름 기관 직함`). Rules: `briefing_spider.parse.attendees`.
"""

from __future__ import annotations

import re

from briefing_spider.parse.ministries import is_ministry
from briefing_spider.parse.text_lines import collapse, squash
from briefing_spider.records import Attendee

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
BODY_TITLES = {"관계자", "담당자", "일동", "직원", "임직원", "관계관"}  # titles of a body, never one person
SHORT_GWAN_TITLES = {"정책관", "조정관", "담당관", "심의관", "기획관", "비서관", "행정관", "협력관", "외교관", "감독관"}


def split_outside_brackets(text: str, separators: str = ",，、;") -> list[str]:
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


def clean_entry(text: str) -> list[tuple[str, str | None]]:
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


def split_runs(text: str) -> list[str]:
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


def split_bodies(text: str) -> list[str]:
    """`A·B·C 관계자` → [A 관계자, B 관계자, C 관계자]; `대·중견기업` stays whole."""
    text = text.rstrip("*")
    parts = [p.strip() for p in split_outside_brackets(text, MIDDOT_RE.pattern.strip("[]"))]
    if len(parts) < 2 or any(len(squash(p)) < 2 for p in parts):
        return [text]
    words = parts[-1].split()
    if len(words) > 1 and _is_title(words[-1]):
        title = words[-1]
        return [p if _is_title(p.split()[-1]) else f"{p} {title}" for p in parts]
    return parts


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


def names_agency(title: str | None) -> bool:
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


def parse_person(text: str, group: str | None, role: str | None, *, raw: str) -> Attendee | None:
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
