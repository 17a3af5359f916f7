"""Who a sentence says took part, and how: the person or body it is about (a subject marked
`은/는/이/가`, or the head of a title `가나부 홍길동 차관, 다라 현장 방문`) and the counterparts
met or signed with (`… 장관과 면담`, `다라공단과 협약을 체결`), each with the verb classes that
follow it. One mention is parsed like an attendee entry (`parse/attendees/entry.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_spider.parse.attendees.entry import is_org, is_title, parse_person

# The verb classes (GUIDE): a role for each word that says how someone took part.
ROLE_PATTERNS = (
    ("주재", re.compile(r"주재|좌장")),
    ("참석", re.compile(r"참석(?:하|했|해|차|\s*중)(?!는\s*가운데)|참석한(?!\s*가운데)|참여(?:하|했|해)")),
    ("방문", re.compile(r"방문(?!객|자|이|을\s*환영)|찾아|찾았|시찰|둘러보|둘러봤|돌아보|돌아봤|현장\s*점검|점검차")),
    ("면담", re.compile(r"면담|접견|만나|만났|회담|간담(?!회)")),
    ("서명", re.compile(r"서명(?:하|했|식)|체결|협약을\s*맺|협약\s*맺")),
)
# A verb that states a purpose (`체결을 위한`) or another subject's act (`대표 5명 등이 참석하는`).
NOT_THE_ACT_RE = re.compile(r"^\S*\s*(?:을|를)?\s*위(?:한|해)")
OTHER_SUBJECT_RE = re.compile(r"\S(?:이|가)\s+$")
# A sentence about an earlier event (`… 추진하기로 한 바 있다`): not the event reported.
PAST_EVENT_RE = re.compile(r"바\s*있다\.?$|바\s*있으며")
CHAIRED_BY_RE = re.compile(r"^주재(?:로|하에|한|하는)?$")  # `이명구 청장 주재로 … 회의를 개최`
TITLE_MEETING_RE = re.compile(r"(?P<who>[^,…·]+?)\s+(?:면담|접견)\s*$")
QUALIFIER_RE = re.compile(r"^(?:신임|전임|현)\s+")
TAG_RE = re.compile(r"^\s*[\[(（【<][^\])）】>]{1,10}[\])）】>]\s*")  # [차관동정], (동정자료)
SUBJECT_RE = re.compile(r"^(?P<stem>\S+?)(?:은|는|이|가|께서)$")
COUNTERPART_RE = re.compile(r"^(?P<stem>\S+?)(?:과|와)(?:의)?$")
# Words that open a clause before its subject: never part of a person.
CONNECTIVE_RE = re.compile(r"^(?:이날|한편|또한|특히|먼저|아울러|이어|이후|이번|오늘|지난|앞서|그리고)[,]?$|\d|[,.]$")
MAX_PERSON_WORDS = 5
CLAUSE_END_RE = re.compile(r"(?:은|는|을|를|에|의|로|서|고|며|여|다|\))$")  # a word that ends a clause or phrase
COUNTERPART_REACH = 12  # words after `… 장관과` in which its meeting or signing is said
ENVOY_RE = re.compile(r"주한\s+(?P<country>[가-힣]{1,8}?)\s*대사")


@dataclass(frozen=True)
class Mention:
    organization: str | None
    name: str | None
    title: str | None
    roles: tuple[str, ...]
    counterpart: bool = False  # met or signed with, not the release's own official


def roles_in(text: str) -> tuple[str, ...]:
    found = sorted(
        (m.start(), role)
        for role, pattern in ROLE_PATTERNS
        for m in pattern.finditer(text)
        if not NOT_THE_ACT_RE.match(text[m.end() :]) and not OTHER_SUBJECT_RE.search(text[: m.start()])
    )
    return tuple(dict.fromkeys(role for _, role in found))


def _title_counterpart(words: list[str]) -> Mention | None:
    """A title's `…, 마바국 이구름 장관 면담` / `… 대표단 접견`: whom the head met, written before the verb."""
    text = " ".join(words)
    head, comma, rest = text.partition(",")
    found = TITLE_MEETING_RE.search(rest) if comma else None
    if not found:
        return None
    met = re.split(r"\s및\s", found["who"])[-1].split()[-MAX_PERSON_WORDS:]
    person = _person(met)
    if person and (person.title and is_title(met[-1]) or not person.title and _one_body(person.organization)):
        return Mention(person.organization, person.name, person.title, ("면담",), counterpart=True)
    return None


def mentions(sentence: str) -> list[Mention]:
    """The people a sentence names taking part: its subject (or a title's head, or the official
    a meeting is chaired by) and the counterparts of its meetings and signings — these only
    beside someone of the sentence who took part (`기관은 …과 협약을 체결한 후` names no event)."""
    if PAST_EVENT_RE.search(sentence):
        return []
    words = TAG_RE.sub("", sentence).split()
    acting = [*filter(None, [_title_head(words)]), *_chaired(words), *_subjects(words)]
    if not acting:
        return []
    return [*acting, *filter(None, [_title_counterpart(words)]), *_counterparts(words)]


def _chaired(words: list[str]) -> list[Mention]:
    out = []
    for k, word in enumerate(words):
        if k and CHAIRED_BY_RE.match(word) and is_title(words[k - 1]):
            person = _person(_before(words, k - 1) + [words[k - 1]])
            if person and person.title:
                out.append(Mention(person.organization, person.name, person.title, ("주재",)))
    return out


def _subjects(words: list[str]) -> list[Mention]:
    out = []
    for k, word in enumerate(words):
        subject = SUBJECT_RE.match(word)
        if subject and (is_title(subject["stem"]) or _body(subject["stem"])):
            person = _person([*_before(words, k), subject["stem"]])
            roles = roles_in(" ".join(words[k + 1 :]))
            if person and roles and (person.name or person.title or "서명" in roles):
                out.append(Mention(person.organization, person.name, person.title, _body_roles(person, roles)))
    return out


def _counterparts(words: list[str]) -> list[Mention]:
    out = []
    for k, word in enumerate(words):
        other = COUNTERPART_RE.match(word)
        if other and (is_title(other["stem"]) or is_org(other["stem"])):
            roles = tuple(r for r in roles_in(" ".join(words[k + 1 : k + COUNTERPART_REACH])) if r in ("면담", "서명"))
            person = _person([*_before(words, k), other["stem"]]) if roles else None
            if person and (person.name or person.title or _one_body(person.organization)):
                out.append(Mention(person.organization, person.name, person.title, roles[:1], counterpart=True))
            elif person:  # `A, B, C 등 주요 금융기관과 면담`: the bodies the kind sums up
                out.extend(Mention(body, None, None, roles[:1], counterpart=True) for body in _summed_up(words, k))
    return out


def _summed_up(words: list[str], k: int) -> list[str]:
    """The named items of `A, B 등 <kind>` before word `k` (the kind's word)."""
    before = words[max(0, k - 4) : k]
    if "등" not in before:
        return []
    cut = k - 4 + before.index("등") if k >= 4 else before.index("등")
    start = cut
    while start > 0 and not CLAUSE_END_RE.search(words[start - 1]):
        start -= 1
    items = [item.strip() for item in re.split(r"[,，]", " ".join(words[start:cut]))]
    return [item for item in items if item and len(item.split()) <= 3] if "," in " ".join(words[start:cut]) else []


def _title_head(words: list[str]) -> Mention | None:
    """`홍길동 제1차관, 다라 현장 방문` / `국무조정실장 주재 …회의`: a person heading a title."""
    text = " ".join(words)
    head, comma, rest = text.partition(",")
    if comma and 1 <= len(head.split()) <= 3:
        person = _person(head.split())
        roles = roles_in(rest)
        if person and (person.name or person.title) and roles and is_title(head.split()[-1]):
            return Mention(person.organization, person.name, person.title, roles)
    if len(words) >= 2 and words[1:2] == ["주재"] or len(words) >= 3 and words[2:3] == ["주재"]:
        cut = words.index("주재")
        person = _person(words[:cut])
        if person and person.title and is_title(words[cut - 1]):
            return Mention(person.organization, person.name, person.title, ("주재",))
    return None


def _before(words: list[str], k: int) -> list[str]:
    """The words of the mention before word `k`: back to a connective, a date or a comma."""
    start = k
    while start > 0 and k - start < MAX_PERSON_WORDS - 1 and not CONNECTIVE_RE.search(words[start - 1]):
        if words[start - 1] in ("등", "및") or re.search(r"(?:과|와)$", words[start - 1]):
            break  # `A 등 …`: a kind; `A과 B는`: two parties
        if re.search(r"(?:은|는|을|를|에|의|로|서|고|며|여)$", words[start - 1]) and not is_org(words[start - 1]):
            break
        start -= 1
    return words[start:k]


def _person(words: list[str]) -> Mention | None:
    """A mention's words as organisation, name and title: `김 장관` (a surname: the person named
    in full before), `주한 마바대사` (the embassy and 대사), else an attendee entry's reading."""
    if not words:
        return None
    if len(words) == 2 and re.fullmatch(r"[가-힣]", words[0]) and is_title(words[1]):
        return Mention(None, words[0], words[1], ())
    envoy = ENVOY_RE.fullmatch(" ".join(words))
    if envoy:
        return Mention(f"주한 {envoy['country']}대사관", None, "대사", ())
    text = QUALIFIER_RE.sub("", " ".join(words))
    entry = parse_person(text, None, None, raw=text)
    return Mention(entry.organization, entry.name, entry.title, ()) if entry else None


def _one_body(organization: str | None) -> bool:
    """A body by its name, not a kind of bodies (`주요 글로벌 금융기관`)."""
    from briefing_spider.parse.attendees.reader import names_body

    return organization is not None and bool(organization.split()) and names_body(organization.split()[-1])


def _body(stem: str) -> bool:
    return is_org(stem) and not is_title(stem)


def _body_roles(person, roles: tuple[str, ...]) -> tuple[str, ...]:
    """A body with no person takes part only as a signing party."""
    return roles if person.name or person.title else ("서명",)
