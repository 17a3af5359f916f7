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

from collections.abc import Sequence
from dataclasses import dataclass

from briefing_spider.parse.documents import DocumentError, DocumentText, extract_document, sniff
from briefing_spider.parse.item_values import contact_organization_keys
from briefing_spider.parse.ministries import resolve_ministry
from briefing_spider.parse.page_model import AttachmentLink, DetailPage, is_substantive
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


def build_release(detail: DetailPage, parts: Sequence[AttachmentPart], *, site: str, kind: str) -> Release:
    read = [read_attachment(part) for part in parts]
    attachments = tuple(attachment for attachment, _ in read)
    documents = [
        ReleaseDocument(position=position, name=attachment.name, kind=attachment.kind or "", document=document)
        for position, (attachment, document) in enumerate(read)
        if document is not None
    ]
    chosen = choose_release_document(documents)
    source, body_text = body_of(detail, chosen)
    structure = read_release_structure(
        documents, chosen=chosen, page_html=detail.body_html if source == "page" else None
    )
    published = detail.published_at.date()
    facts = read_release_facts(documents, chosen=chosen, page_text=detail.body_text, published=published)
    ministry = _ministry(detail, published)
    contacts = contact_organization_keys(facts.contacts, ministry=detail.ministry, on=published)
    return Release(
        site=site,
        news_id=detail.news_id,
        kind=kind,
        url=detail.url,
        title=detail.title,
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
        attendees=detail.parts.attendees or facts.attendees,
        attachments=attachments,
        warnings=facts.warnings,
        utterances=detail.parts.utterances,
        press_reports=detail.parts.press_reports,
        agenda_items=detail.parts.agenda_items,
        tables=structure.tables,
    )


def read_attachment(part: AttachmentPart) -> tuple[Attachment, DocumentText | None]:
    base = {"name": part.link.name, "url": part.link.url}
    if part.body is None:
        return Attachment(**base, error=part.error or "not downloaded"), None
    sniffed = sniff(part.body)
    common = {**base, "kind": sniffed.kind, "sha256": part.sha256, "size": len(part.body)}
    if not sniffed.is_document:
        return Attachment(**common, error=f"{sniffed.code}: {sniffed.reason}"), None
    try:
        document = extract_document(part.body)
    except DocumentError as error:
        return Attachment(**common, error=str(error)), None
    return Attachment(**common, text=document.text, pages=document.pages, paragraphs=document.paragraphs), document


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
