"""What every site's detail parser gives the core: one release page, read. A site's page (or
API item) parser returns a `DetailPage`; `assemble.build_release` makes the record of it and
the bytes of its attachments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from briefing_spider.records import AgendaItem, Attendee, PressReport, Utterance

# A page body this short (after a site cuts its own trailer) is a title box or nothing: the text
# is in the attachments.
SUBSTANTIVE_BODY_CHARS = 200


@dataclass(frozen=True, kw_only=True)
class AttachmentLink:
    name: str
    url: str
    file_id: str


@dataclass(frozen=True, kw_only=True)
class KindParts:
    """What a page of a kind other than the site's first gives beside the shell: read by the
    site's parser of that kind, stored in the kind's own tables (archive/schema.py, m010)."""

    attendees: tuple[Attendee, ...] = ()  # e.g. a briefing's speakers (role 발표); replace those found in the text
    utterances: tuple[Utterance, ...] = ()
    press_reports: tuple[PressReport, ...] = ()
    agenda_items: tuple[AgendaItem, ...] = ()


@dataclass(frozen=True, kw_only=True)
class DetailPage:
    news_id: str
    url: str
    title: str
    published_at: datetime
    modified_at: datetime | None
    ministry: str | None
    ministry_code: str | None
    body_html: str
    body_text: str
    attachments: tuple[AttachmentLink, ...]
    kind: str | None = None  # the site's section; None: the section whose address the page has
    parts: KindParts = KindParts()
    subtitle: str | None = None  # the page's sub-title, as a browser shows it
    warnings: tuple[str, ...] = ()  # what the parser noticed but could decide (copies that disagree…)


@dataclass(frozen=True, kw_only=True)
class PageText:
    """A page's saved text (what a browser shows, no HTML), with its header when it shows one."""

    url: str | None
    title: str | None
    published_at: datetime | None
    ministry: str | None
    body_text: str


def is_substantive(body_text: str) -> bool:
    return len("".join(body_text.split())) >= SUBSTANTIVE_BODY_CHARS
