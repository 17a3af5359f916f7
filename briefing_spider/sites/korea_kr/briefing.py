"""브리핑 (the ministries' press-briefing transcripts, `policyBriefingView.do?newsId=N`) → the
transcript's speakers as attendees (role
발표) and its remarks in order as utterances.

A speaker line (`speaker_lines`) starts a new utterance; the lines up to the next one are its
text. Text before any speaker line is an utterance of no known speaker. A question's utterance has
the title 기자 (and the questioner's outlet and name when the label gives them); questioners are
not attendees. An answer with no name is the
presenter's when the transcript has exactly one named speaker so far, else no one's: never a guess
between two. Read from the release's text wherever it is (the page, else the `속기자료`
attachment). Pure: text in, `KindParts` out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from briefing_spider import records
from briefing_spider.contract import KindParts
from briefing_spider.parse.item_values import attendee_values
from briefing_spider.records import Attendee
from briefing_spider.sites.korea_kr.speaker_lines import (
    ANSWER,
    HOST,
    HOST_TITLE,
    PERSON,
    QA_START,
    QUESTION,
    QUESTIONER_TITLE,
    read_speaker_line,
)

KIND = "briefing"
SPEAKER_ROLE = "발표"


@dataclass(frozen=True, kw_only=True)
class Utterance:
    position: int  # 0-based, in transcript order
    speaker: str | None  # the person's name; None: a question, a host or an unnamed speaker
    organization: str | None
    title: str | None
    text: str


def briefing_parts(text: str, title: str | None, on: date | None) -> KindParts:
    """A transcript's speakers (attendees, role 발표) and its remarks in order (utterances)."""
    utterances, speakers = read_transcript(text)
    return KindParts(
        attendees=tuple(attendee_values(person, on=on) for person in speakers),
        utterances=tuple(
            records.Utterance(speaker=u.speaker, organization=u.organization, title=u.title, text=u.text)
            for u in utterances
        ),
    )


def read_transcript(text: str) -> tuple[tuple[Utterance, ...], tuple[Attendee, ...]]:
    """(utterances in order, distinct speakers with role 발표 in order of first remark)."""
    utterances: list[Utterance] = []
    speakers: dict[tuple, Attendee] = {}
    who: Attendee | None = None
    lines: list[str] = []

    def close() -> None:
        if lines:
            utterances.append(_utterance(len(utterances), who, "\n".join(lines)))
            lines.clear()

    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        found = read_speaker_line(line)
        if found is None:
            lines.append(line)
            continue
        close()
        who = _speaker(found.marks, found.person, speakers)
        if found.marks in (PERSON, ANSWER) and found.person is not None and who is not None:
            speakers.setdefault(_key(who), who)
        if found.rest:
            lines.append(found.rest)
    close()
    return tuple(utterances), tuple(speakers.values())


def _speaker(marks: str, person: Attendee | None, speakers: dict[tuple, Attendee]) -> Attendee | None:
    if marks == PERSON:
        assert person is not None, "a person's speaker line names the person"
        return Attendee(
            organization=person.organization, name=person.name, title=person.title, role=SPEAKER_ROLE, raw=person.raw
        )
    if marks == QUESTION:
        if person is None:
            return Attendee(title=QUESTIONER_TITLE)
        return Attendee(organization=person.organization, name=person.name, title=QUESTIONER_TITLE, raw=person.raw)
    if marks == HOST:
        return Attendee(title=HOST_TITLE)
    if marks == ANSWER:
        if person is not None:
            return _speaker(PERSON, person, speakers)
        named = [speaker for speaker in speakers.values() if speaker.name]
        return named[0] if len(named) == 1 else None
    assert marks == QA_START
    return None


def _key(person: Attendee) -> tuple:
    return person.name, person.organization, person.title


def _utterance(position: int, who: Attendee | None, text: str) -> Utterance:
    if who is None:
        return Utterance(position=position, speaker=None, organization=None, title=None, text=text)
    return Utterance(position=position, speaker=who.name, organization=who.organization, title=who.title, text=text)
