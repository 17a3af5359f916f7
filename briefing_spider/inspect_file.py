"""Read one saved file — a detail page, an attachment or plain text — into a record, for checking
extraction by hand (`briefing parse`)."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from briefing_spider.assemble import AttachmentPart, build_release, read_attachment
from briefing_spider.parse.documents import DocumentError, extract_document, sniff
from briefing_spider.parse.documents.markdown import document_markdown, text_markdown
from briefing_spider.parse.page_model import AttachmentLink
from briefing_spider.parse.release_text import extract_release_facts
from briefing_spider.records import Release, to_jsonable
from briefing_spider.sites import DEFAULT_SITE, Site, get_site

NEWS_ID_IN_NAME = re.compile(r"(\d{6,})")
DOCUMENT_SUFFIXES = (".hwpx", ".hwp", ".pdf")


class InspectError(ValueError):
    pass


def inspect_bytes(
    data: bytes, *, name: str, url: str | None = None, published: date | None = None, site: str = DEFAULT_SITE
) -> dict:
    """The normalized record of one file, as a JSON-ready dict (a page is read as `site`'s)."""
    kind = sniff(data)
    if kind.is_document or name.lower().endswith(DOCUMENT_SUFFIXES):  # a download, maybe a failed one
        return _document_record(data, name=name, published=published)
    if kind.kind == "html" or name.lower().endswith((".html", ".htm")):
        return _page_record(data, name=name, url=url, site=get_site(site))
    if name.lower().endswith(".txt") or _is_text(data):
        text = data.decode("utf-8-sig")
        facts = extract_release_facts(text, published=published)
        return {"source": "text", "body_text": text, **to_jsonable(facts)}
    raise InspectError(f"{name}: not a page, document or UTF-8 text ({kind.reason})")


def markdown_bytes(data: bytes, *, name: str, url: str | None = None, site: str = DEFAULT_SITE) -> str:
    """The Markdown of one file: a document's (its own title), a saved page's release body
    (the page's title, its attachments listed), or plain text's. InspectError when it has no text."""
    kind = sniff(data)
    if kind.is_document or name.lower().endswith(DOCUMENT_SUFFIXES):
        try:
            markdown = document_markdown(extract_document(data))
        except DocumentError as error:
            raise InspectError(f"{name}: no text ({error})") from None
    elif kind.kind == "html" or name.lower().endswith((".html", ".htm")):
        markdown = _page_release(data, name=name, url=url, site=get_site(site)).body_markdown
    elif name.lower().endswith(".txt") or _is_text(data):
        markdown = text_markdown(data.decode("utf-8-sig"))
    else:
        raise InspectError(f"{name}: not a page, document or UTF-8 text ({kind.reason})")
    if not markdown.strip() or not _has_body_text(markdown):
        raise InspectError(f"{name}: no text")
    return markdown


def section_markdown(page: object, *, name: str) -> str:
    """The Markdown of a page of another section (a transcript, a fact check, a cabinet
    meeting): its body text read like plain text, under its title."""
    body = getattr(page, "body_text", "") or ""
    markdown = text_markdown(body, title=getattr(page, "title", None)) if body.strip() else ""
    if not _has_body_text(markdown):
        raise InspectError(f"{name}: no text")
    return markdown


def _has_body_text(markdown: str) -> bool:
    return any(line.strip() and not line.startswith("#") for line in markdown.splitlines())


def _page_record(data: bytes, *, name: str, url: str | None, site: Site) -> dict:
    return _page_release(data, name=name, url=url, site=site).to_dict()


def _page_release(data: bytes, *, name: str, url: str | None, site: Site) -> Release:
    if url is None:
        found = NEWS_ID_IN_NAME.search(name)
        if not found:
            raise InspectError(f"{name}: pass --url (the page's address, with its newsId)")
        url = site.page_url(found[1])
    detail = site.read_source(site.source_roles[0], data.decode("utf-8", "replace"), url)
    return build_release(
        detail,
        [AttachmentPart(link=link) for link in detail.attachments],
        site=site.name,
        kind=detail.kind or site.kinds[0],
    )


def _document_record(data: bytes, *, name: str, published: date | None) -> dict:
    link = AttachmentLink(name=name, url="", file_id="")
    attachment, document = read_attachment(
        AttachmentPart(link=link, body=data, sha256=hashlib.sha256(data).hexdigest())
    )
    record = {"source": attachment.kind, "attachment": to_jsonable(attachment)}
    if document is None:
        return record
    facts = extract_release_facts(document, published=published)
    return {**record, "body_text": document.text, **to_jsonable(facts)}


def _is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True
