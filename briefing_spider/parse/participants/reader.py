"""`extract_participants`: one entry per person (or body) and role, read from the release's
title, sub-titles and sentences (`narrative`, `mentions`): the first full mention gives the
organisation and title; a later short one (`홍 차관은`) is the same person; a ministry head
named only in the identifying parenthesis takes part when a sentence names them acting; no one
an attendee list already names."""

from __future__ import annotations

from dataclasses import replace

from briefing_spider.parse.attendees.merge import same_entry
from briefing_spider.parse.documents.model import DocumentText
from briefing_spider.parse.participants.mentions import Mention, mentions
from briefing_spider.parse.participants.narrative import Head, narrative
from briefing_spider.parse.text_lines import lines_of, squash
from briefing_spider.records import Attendee, Participant


def extract_participants(
    title: str,
    subtitles: tuple[str, ...] = (),
    source: DocumentText | str = "",
    *,
    listed: tuple[Attendee, ...] = (),
) -> tuple[Participant, ...]:
    """The participants of the event a release reports. `subtitles`: the page's sub-titles;
    `source`: the release document or page text; `listed`: its attendee list's entries."""
    told = narrative(title or "", tuple(subtitles), lines_of(source) if source else [])
    out: list[Participant] = []
    for sentence in told.sentences:
        for mention in mentions(sentence):
            mention = _resolved(mention, out, told.heads)
            for role in mention.roles:
                person = Participant(
                    organization=mention.organization,
                    name=mention.name,
                    title=mention.title,
                    role=role,
                    raw=sentence[:300],
                )
                if not _known(person, out) and not _listed(person, listed):
                    out.append(person)
    return tuple(_completed(out))


def _completed(found: list[Participant]) -> list[Participant]:
    """Each named person with the organisation of the first mention that writes one (a title
    `홍길동 제1차관, …` names none; the body's `가나부 홍길동 제1차관은` does)."""
    organizations: dict[str, str] = {}
    for person in found:
        if person.name and person.organization:
            organizations.setdefault(squash(person.name), person.organization)
    completed = [
        replace(person, organization=organizations.get(squash(person.name), None))
        if person.name and not person.organization
        else person
        for person in found
    ]
    return [person for person in completed if not _named_elsewhere(person, completed)]


def _named_elsewhere(person: Participant, found: list[Participant]) -> bool:
    """A title alone (`국무조정실장 주재 …`) when a sentence names who holds it, in the same role."""
    return not person.name and any(
        other.name
        and other.role == person.role
        and squash(other.title or "") == squash(person.title or "")
        and not _other_body(person.organization, other.organization)
        for other in found
    )


def _resolved(mention: Mention, found: list[Participant], heads: tuple[Head, ...]) -> Mention:
    """A short mention (`홍 장관`, a title alone) as the person first named in full."""
    if mention.name and len(mention.name) > 1:
        return mention
    surname = mention.name or ""
    for earlier in found:
        if _other_body(mention.organization, earlier.organization):
            continue
        if earlier.name and _titled(earlier.title, mention.title) and earlier.name.startswith(surname):
            return Mention(earlier.organization, earlier.name, earlier.title, mention.roles, mention.counterpart)
    for head in heads:
        if _other_body(mention.organization, head.organization):
            continue
        if _titled(head.title, mention.title) and head.name.startswith(surname):
            return Mention(head.organization, head.name, head.title, mention.roles, mention.counterpart)
    return mention


def _other_body(a: str | None, b: str | None) -> bool:
    return bool(a and b) and squash(a or "") != squash(b or "")


def _titled(full: str | None, short: str | None) -> bool:
    """`차관` is how a later sentence names a `제1차관`."""
    return bool(full and short) and squash(full or "").endswith(squash(short or ""))


def _same(a: Participant, b: Participant) -> bool:
    if a.name or b.name:
        return squash(a.name or "") == squash(b.name or "")
    return squash(a.title or "") == squash(b.title or "") and squash(a.organization or "") == squash(
        b.organization or ""
    )


def _known(person: Participant, found: list[Participant]) -> bool:
    return any(_same(person, other) and other.role == person.role for other in found)


def _listed(person: Participant, listed: tuple[Attendee, ...]) -> bool:
    as_entry = Attendee(organization=person.organization, name=person.name, title=person.title)
    return any(same_entry(as_entry, entry) for entry in listed)
