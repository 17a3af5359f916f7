"""One release from its parts: the parsed detail page and the bytes of each attachment. Pure.

The body text comes from the best source: a substantive page body, else the attachment that is
the release itself (`parse/release_documents.py`: by its name, then whether it holds the contact
block, then HWPX, HWP, PDF). Contacts, footnotes and attendees are read from every distinct text
document of the release and the page body, each item knowing its attachment; the event date is
the release document's (or the page's, when no attachment has text). The Markdown is the body's
(the release document's, or the page body's when the body is the page's), under the page's title,
with the attachments listed; the tables are every distinct document's (`parse/release_structure.py`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from briefing_spider.contract.page import AttachmentLink, DetailPage, is_substantive
from briefing_spider.contract.site import Section
from briefing_spider.parse.documents import DocumentError, DocumentText, extract_document, sniff
from briefing_spider.parse.item_values import contact_organization_keys, participant_values
from briefing_spider.parse.ministries import resolve_ministry
from briefing_spider.parse.participants import extract_participants
from briefing_spider.parse.release_documents import ReleaseDocument, choose_release_document, read_release_facts
from briefing_spider.parse.release_structure import read_release_structure, release_markdown
from briefing_spider.records import Attachment, Ministry, Release


@dataclass(frozen=True, kw_only=True)
class AttachmentPart:
    link: AttachmentLink
    body: bytes | None = None  # None: not downloaded
    sha256: str | None = None
    error: str | None = None  # why the download failed

    @property
    def url(self) -> str:
        return self.link.url


def build_release(detail: DetailPage, parts: Sequence[AttachmentPart], *, site: str, section: Section) -> Release:
    """The record of a page and its attachments' bytes, as a release of `section`'s kind. The
    kind's own parts (`Section.read_parts`) are read from the release's text, wherever it is: the
    page body, else the release document (a name with one of `Section.document_words` first)."""
    read = [read_attachment(part) for part in parts]
    attachments = tuple(attachment for attachment, _ in read)
    documents = [
        ReleaseDocument(position=position, name=attachment.name, kind=attachment.kind or "", document=document)
        for position, (attachment, document) in enumerate(read)
        if document is not None
    ]
    chosen = choose_release_document(documents, prefer=section.document_words)
    source, body_text = body_of(detail, chosen)
    structure = read_release_structure(
        documents, chosen=chosen, page_html=detail.body_html if source == "page" else None
    )
    published = detail.published_at.date()
    facts = read_release_facts(documents, chosen=chosen, page_text=detail.body_text, published=published)
    read_parts = section.read_parts if body_text.strip() else None  # no text yet: no parts (a file failed)
    kind_parts = read_parts(body_text, detail.title, published) if read_parts else detail.parts
    ministry = _ministry(detail, published)
    contacts = contact_organization_keys(facts.contacts, ministry=detail.ministry, on=published)
    attendees = kind_parts.attendees or facts.attendees
    return Release(
        site=site,
        news_id=detail.news_id,
        kind=section.kind,
        url=detail.url,
        title=detail.title,
        subtitle=detail.subtitle,
        published_at=detail.published_at,
        modified_at=detail.modified_at,
        ministry=ministry,
        body_html=detail.body_html,
        body_text=body_text,
        body_source=source,
        body_markdown=release_markdown(structure, detail, body_text, attachments),
        event_at=facts.event_at,
        contacts=contacts,
        footnotes=facts.footnotes,
        attendees=attendees,
        attachments=attachments,
        warnings=detail.warnings + facts.warnings,
        utterances=kind_parts.utterances,
        press_reports=kind_parts.press_reports,
        agenda_items=kind_parts.agenda_items,
        participants=_participants(detail, chosen, source, section, attendees),
        tables=structure.tables,
    )


def _participants(detail: DetailPage, chosen: ReleaseDocument | None, source: str | None, section: Section, attendees):
    """Who the title and the body text say took part (`parse/participants`), less the attendee
    list, for a section whose text reports the ministry's own events (`Section.reports_events`; a
    transcript's speakers are its attendees)."""
    if not section.reports_events:
        return ()
    text = chosen.document if source != "page" and chosen is not None else detail.body_text
    subtitles = (detail.subtitle,) if detail.subtitle else ()
    found = extract_participants(detail.title, subtitles, text, listed=attendees)
    return participant_values(found, ministry=detail.ministry, on=detail.published_at.date())


def read_attachment(part: AttachmentPart) -> tuple[Attachment, DocumentText | None]:
    if part.body is None:
        return Attachment(name=part.link.name, url=part.link.url, error=part.error or "not downloaded"), None
    sniffed = sniff(part.body)
    fetched = Attachment(
        name=part.link.name, url=part.link.url, kind=sniffed.kind, sha256=part.sha256, size=len(part.body)
    )
    if not sniffed.is_document:
        return dataclasses.replace(fetched, error=f"{sniffed.code}: {sniffed.reason}"), None
    try:
        document = extract_document(part.body)
    except DocumentError as error:
        return dataclasses.replace(fetched, error=str(error)), None
    read = dataclasses.replace(fetched, text=document.text, pages=document.pages, paragraphs=document.paragraphs)
    return read, document


def body_of(detail: DetailPage, chosen: ReleaseDocument | None) -> tuple[str | None, str]:
    """(body_source, body_text): a substantive page body, else the release document's text."""
    if is_substantive(detail.body_text):
        return "page", detail.body_text
    if chosen is not None:
        return chosen.kind, chosen.document.text
    return ("page", detail.body_text) if detail.body_text else (None, "")


def _ministry(detail: DetailPage, published) -> Ministry | None:
    if not detail.ministry:
        return None
    resolved = resolve_ministry(detail.ministry, on=published, code=detail.ministry_code)
    return resolved or Ministry(name=detail.ministry, code=detail.ministry_code)
