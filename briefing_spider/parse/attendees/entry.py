"""One person of an attendee list → an `Attendee`: the token classes (title, name, organisation)
and the two Korean orders `기관 이름 직함` / `이름 기관 직함`, people run together when line
breaks were lost, and the tokens a parse leaves unaccounted for. Rules: `attendees`.
"""

from __future__ import annotations

import re

from briefing_spider.parse.attendees.lexicon import (
    BODY_LABELS,
    BODY_TITLES,
    COMMON_SURNAMES,
    COMPANY_MARK_RE,
    DOUBLE_SURNAMES,
    NAME_BLOCKING_ENDINGS,
    NOT_NAMES,
    NOT_TITLE_ENDINGS,
    ORG_ENDINGS,
    SHORT_GWAN_TITLES,
    SURNAMES,
    TITLE_ENDINGS,
    TITLE_QUALIFIERS,
)
from briefing_spider.parse.ministries import is_ministry
from briefing_spider.parse.text_lines import collapse, squash
from briefing_spider.records import Attendee

COMPANY_TAG = r"(?!(?:주|사|재|유|합)[)\]])"  # (주)가나: a company mark, not a tag
LEADING_TAG_RE = re.compile(r"^\s*[(\[]" + COMPANY_TAG + r"(?P<tag>[^()\[\]]{1,15})[)\]]\s*")
TRAILING_TAG_RE = re.compile(r"\s*[(\[](?P<tag>[^()\[\]]{1,15})[)\]]\s*$")
TRAILING_ETC_RE = re.compile(r"(?:^|\s)(?:등|외)(?:\s.*)?$")  # `… 등 관계부처 장차관`, `… 외 관계자 30여명`
MIDDOT_RE = re.compile(r"[·ㆍ‧・]")
NUMBERED_TITLE_RE = re.compile(r"(?<![가-힣])제\s*(\d+)\s*(?=[가-힣])")
STRAY_RE = re.compile(r"[:：~→=]|\d{1,2}:\d{2}|\d+\.\d+|[.。]$")
# The head of a body written as one word: 다라청장, 가나시장, 마바군수, 사아도지사, 가나협회장, 한빛연구원장.
AGENCY_HEAD_RE = re.compile(
    r"[가-힣]{2,}(?:[부처청]|위원회|회|원|은행|조합|센터|연구소)(?:장|장관|차관|\d?차장|청장)|[가-힣]{2,}[시군구도](?:장|수|청장|지사)"
)


def split_outside_brackets(text: str, separators: str = ",，、;/▲△▶►▷◦•") -> list[str]:
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


def is_org(token: str) -> bool:
    """A token that names a body: a ministry, an organisation ending, a company mark, an acronym."""
    token = token.rstrip("*")
    if not token:
        return False
    ending = next((e for e in ORG_ENDINGS if token.endswith(e)), None)
    return bool(
        is_ministry(token)
        or token in BODY_LABELS
        or COMPANY_MARK_RE.search(token)
        or ending
        and (len(ending) > 1 or len(token) >= 3)
        and token != ending
        or re.fullmatch(r"[A-Z][A-Za-z0-9&\-]{1,}", token)
        or "○" in token
        or "◯" in token
    )


def is_title(token: str) -> bool:
    return _is_title(token)


def is_name(token: str) -> bool:
    return _is_name(token)


def _is_title(token: str) -> bool:
    if not token or is_ministry(token):
        return False
    if token.endswith("관") and not token.endswith(("장관", "차관")) and len(token) <= 3:
        return token in SHORT_GWAN_TITLES
    if token.endswith(NOT_TITLE_ENDINGS) and token not in TITLE_ENDINGS:
        return False
    return token.endswith(TITLE_ENDINGS) or bool(re.fullmatch(r"\d차관(?:보)?", token))


def _is_name(token: str) -> bool:
    return (
        2 <= len(token) <= 4
        and re.fullmatch(r"[가-힣]+", token) is not None
        and (token[0] in SURNAMES or token[:2] in DOUBLE_SURNAMES and len(token) >= 3)
        and token not in NOT_NAMES
        and not token.endswith(NAME_BLOCKING_ENDINGS)
        and not any(token.endswith(e) and len(e) > 1 for e in ORG_ENDINGS)
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
    if not title:
        return False
    if any(is_ministry(title[:cut]) for cut in range(2, len(title))):
        return True
    if title in TITLE_ENDINGS:
        return False
    return bool(AGENCY_HEAD_RE.fullmatch(title))


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
    acronym = re.fullmatch(r"([A-Z][A-Za-z&]+)([가-힣]{2,})", token)  # KOTRA사장 → KOTRA + 사장
    if acronym and _is_title(acronym[2]):
        return [acronym[1], acronym[2]]
    return tokens


def parse_person(text: str, group: str | None, role: str | None, *, raw: str) -> Attendee | None:
    qualifier = None
    tail = TRAILING_TAG_RE.search(text)
    if tail and text[: tail.start()].split() and _is_title(text[: tail.start()].split()[-1]):
        qualifier, text = collapse(tail["tag"]), text[: tail.start()]  # 김주영 의원(민주당), 장관(홍길동)
    elif tail and any(_is_title(w) for w in tail["tag"].split()) and is_org((text[: tail.start()].split() or [""])[-1]):
        text = f"{text[: tail.start()]} {tail['tag']}"  # 가나부(장관), 가나협회(회장 홍길동): the person in brackets
    elif tail and _is_name(squash(text[: tail.start()])) and _is_title(tail["tag"].split()[-1]):
        text = f"{tail['tag']} {squash(text[: tail.start()])}"  # 홍길동(가나부 장관) → 가나부 장관 홍길동
    elif tail and is_org(squash(tail["tag"])) and any(_is_title(w) for w in text[: tail.start()].split()):
        text = f"{tail['tag']} {text[: tail.start()]}"  # 장관 홍길동(가나부) → 가나부 장관 홍길동
    text = NUMBERED_TITLE_RE.sub(r"제\1", text)  # `제 2 차관` → `제2차관`
    tokens = _split_agency_prefix(_join_spaced_name(text.split()))
    if len(tokens) >= 3 and _is_title(tokens[-3]) and _join_spaced_name(tokens[-2:]) != tokens[-2:]:
        tokens = [*tokens[:-2], tokens[-2] + tokens[-1]]  # `가나부 차관 김 하늘`: a spaced name after the title
    if not tokens:
        return None
    if len(tokens) >= 2 and _is_name(tokens[-1]) and _is_title(tokens[-2]) and tokens[-2] not in BODY_TITLES:
        # `기관 직함 이름` (가나부 장관 홍길동)
        return Attendee(
            group=group,
            organization=" ".join(tokens[:-2]) or qualifier,
            name=tokens[-1],
            title=tokens[-2],
            role=role,
            raw=raw,
        )
    title = tokens[-1] if _is_title(tokens[-1]) else None
    rest = tokens[:-1] if title else tokens
    while title and rest and rest[-1] in TITLE_QUALIFIERS:  # `명예 대사`, `상임 위원`: one title
        title = f"{rest.pop()} {title}"
    name = None
    org_tokens = rest
    if title and rest and title not in BODY_TITLES:
        readings = []  # (score, name, organisation tokens): `기관 이름 직함` first, then `이름 기관 직함`
        heads = (
            len(rest) == 1
            and re.sub(r"^(?:제?\d)?부?", "", title)[:1] == rest[0][-1]
            and rest[0][0] not in COMMON_SURNAMES
        )  # 마바원 원장, 마바구 부구청장: the body it heads
        after_mark = len(rest) == 2 and (
            COMPANY_MARK_RE.fullmatch(rest[0]) or rest[0] == "주한"
        )  # 주식회사 가나, 주한 가나국
        if _is_name(rest[-1]) and not heads and not after_mark:
            readings.append((_reading_score(rest[-1], rest[:-1]), 1, rest[-1], rest[:-1]))
        if len(rest) >= 2 and _is_name(rest[0]):
            readings.append((_reading_score(rest[0], rest[1:]), 0, rest[0], rest[1:]))
        if readings:
            _, _, name, org_tokens = max(readings)
    if title is None and len(rest) == 2 and is_org(rest[0]) and _is_name(rest[1]):
        name, org_tokens = rest[1], rest[:1]  # `한빛대 김하늘`: a person without a title
    if title is None and len(rest) == 1 and role and _is_name(rest[0]) and _plain_name(rest[0]):
        name, org_tokens = rest[0], []  # `[사회] 김하늘`: a role is a person's
    if qualifier and name is None and title not in BODY_TITLES and _is_name(squash(qualifier)):
        name, qualifier = squash(qualifier), None  # `가나부 장관(홍길동)`: the name in brackets
    organization = " ".join(org_tokens) or (None if qualifier and _is_title(squash(qualifier)) else qualifier)
    return Attendee(group=group, organization=organization, name=name, title=title, role=role, raw=raw)


def _plain_name(token: str) -> bool:
    """A name beyond doubt: a common surname and three letters at most, or a double surname."""
    return token[0] in COMMON_SURNAMES and len(token) <= 3 or token[:2] in DOUBLE_SURNAMES


def _reading_score(name: str, org: list[str]) -> int:
    """How well a reading fits: a three-letter name with a common surname, organisation words that
    end like bodies, and no name-like word left among them (`오가람 한빛은행 조사국 팀장`: 조사국 is
    the unit, 오가람 the person)."""
    score = (2 if len(name) == 3 else 1) + (name[0] in COMMON_SURNAMES)
    for token in org:
        score += 1 if is_org(token) else -2 if _is_name(token) else 0
    return score
