"""Read one saved file — a detail page, an attachment or plain text — into a record, for checking
extraction by hand (`briefing parse`). A page is read exactly as the crawl's rebuild reads it:
decoded like a browser, by the section its address names, into the archive's record shape."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

from briefing_spider.contract import AttachmentLink, Role, Section, Site
from briefing_spider.contract.registry import DEFAULT_SITE, get_site
from briefing_spider.parse.assemble import AttachmentPart, build_release, read_attachment
from briefing_spider.parse.documents import sniff
from briefing_spider.parse.page_text import decode_page
from briefing_spider.parse.participants import extract_participants
from briefing_spider.parse.release_text import extract_release_facts
from briefing_spider.records import Release, to_jsonable

NEWS_ID_IN_NAME = re.compile(r"(\d{6,})")
CANONICAL_LINK = re.compile(r"""<link\b[^>]*\brel=["']canonical["'][^>]*\bhref=["'](?P<href>[^"']+)["']""", re.I)
DOCUMENT_SUFFIXES = (".hwpx", ".hwp", ".pdf")


class InspectError(ValueError):
    pass


def inspect_bytes(
    data: bytes,
    *,
    name: str,
    url: str | None = None,
    published: date | None = None,
    site: Site | None = None,
    section: Section | None = None,
) -> dict:
    """The normalized record of one file, as a JSON-ready dict. A page is read as `site`'s (the
    default site's), as a page of `section` when its address does not say which (a saved page's
    text, a file named by its news id). Raises InspectError when the file yields nothing."""
    site = site or get_site(DEFAULT_SITE)
    sniffed = sniff(data)
    if sniffed.is_document or name.lower().endswith(DOCUMENT_SUFFIXES):  # a download, maybe a failed one
        return _document_record(data, name=name, published=published)
    if sniffed.kind == "html" or name.lower().endswith((".html", ".htm")):
        return _page_record(data, name=name, url=url, site=site, section=section)
    if name.lower().endswith(".txt") or is_text(data):
        text = data.decode("utf-8-sig")
        if section is not None and site.read_text is not None:
            return _text_record(text, url=url, site=site, section=section, published=published)
        facts = extract_release_facts(text, published=published)
        return {"source": "text", "body_text": text, **to_jsonable(facts)}
    raise InspectError(f"{name}: not a page, document or UTF-8 text ({sniffed.reason})")


def _page_record(data: bytes, *, name: str, url: str | None, site: Site, section: Section | None) -> dict:
    page = read_page(data, name=name, url=url, site=site, section=section)
    return page if isinstance(page, dict) else page.to_dict()


def read_page(data: bytes, *, name: str, url: str | None, site: Site, section: Section | None) -> Release | dict:
    """A saved page read as the crawl reads it: a list page of a section (its entries, as a
    dict), or a detail page (the release). Its address: `--url`, else the page's own canonical
    link, else what its file name says (`pressReleaseView_156782110.html`, `pressReleaseList_….html`)."""
    text = decode_page(data)
    url = url or canonical_link(text) or address_in_name(site, name, section)
    if url is None:
        raise InspectError(f"{name}: pass --url (the page's address, with its newsId)")
    listed = site.section_of_list(url)
    if listed is not None:
        return _list_record(text, url, listed)
    if site.section_of_url(url) is None:
        if section is None:
            pages = ", ".join(f"{s.kind} ({_stem(s.detail_path)})" for s in site.sections)
            raise InspectError(f"{url}: a page of no kind {site.name} has ({pages}); say which with --kind")
        found = NEWS_ID_IN_NAME.search(url)
        url = section.detail_url(found[1], site.base_url) if found else url
    detail = site.read_source(Role.DETAIL, text, url)
    return build_release(
        detail,
        [AttachmentPart(link=link) for link in detail.attachments],
        site=site.name,
        section=site.section(detail.kind or site.kinds[0]),
    )


def _list_record(text: str, url: str, section: Section) -> dict:
    """A list page's entries (id, title, date, ministry, kind) and the count it shows."""
    try:
        listing = section.parse_list(text, url)
    except ValueError as error:
        raise InspectError(f"{url}: not a {section.kind} list page ({error})") from None
    if not listing.entries and listing.total:
        raise InspectError(f"{url}: the page says it holds {listing.total} releases but lists none")
    if not listing.entries:
        raise InspectError(f"{url}: no entries on this {section.kind} list page")
    entries = to_jsonable(listing.entries)
    return {"source": "list", "kind": section.kind, "url": url, "total": listing.total, "entries": entries}


def canonical_link(html: str) -> str | None:
    """The page's own address, as it declares it (`<link rel="canonical">`)."""
    found = CANONICAL_LINK.search(html[:200_000])
    return found["href"] if found else None


def address_in_name(site: Site, name: str, section: Section | None) -> str | None:
    """The address a saved file's name gives: a section's detail page and a news id in it, or a
    section's list page named in it; else, with a news id, the page of `section` (or of the
    site's first section); else, with `section`, its list."""
    news_id = NEWS_ID_IN_NAME.search(name)
    for each in site.sections:
        if news_id and _stem(each.detail_path) in name:
            return each.detail_url(news_id[1], site.base_url)
        if _stem(each.list_path) in name:
            return f"{site.base_url}{each.list_path}"
    if news_id:
        return site.page_url(news_id[1], section.kind if section else None)
    return f"{site.base_url}{section.list_path}" if section else None


def _stem(path: str) -> str:
    """`/briefing/pressReleaseView.do` → `pressReleaseView`."""
    return path.rsplit("/", 1)[-1].split(".", 1)[0]


def _text_record(text: str, *, url: str | None, site: Site, section: Section, published: date | None) -> dict:
    """A saved page's text read as a page of `section`: its header (when it has one), its body,
    the kind's own parts and the facts of the text."""
    assert site.read_text is not None
    page = site.read_text(text, url)
    on = page.published_at.date() if page.published_at else published
    parts = section.read_parts(page.body_text, page.title, on) if section.read_parts else None
    facts = to_jsonable(extract_release_facts(page.body_text, published=on))
    if parts is not None and parts.attendees:  # the kind's own people (a transcript's speakers) come first
        facts["attendees"] = to_jsonable(parts.attendees)
    own = section.news_id_in(page.url) if page.url else None
    url = section.detail_url(own, site.base_url) if own else page.url  # another section's page keeps its address
    news_id = own or (parse_qs(urlsplit(page.url).query).get(section.id_param or "", [None])[0] if page.url else None)
    shell = {"source": "text", "kind": section.kind, **to_jsonable(page), "url": url, "news_id": news_id}
    kinds = (
        {}
        if parts is None
        else {key: to_jsonable(getattr(parts, key)) for key in ("utterances", "press_reports", "agenda_items")}
    )
    return {**shell, **facts, **kinds}


def _document_record(data: bytes, *, name: str, published: date | None) -> dict:
    link = AttachmentLink(name=name, url="", file_id="")
    attachment, document = read_attachment(
        AttachmentPart(link=link, body=data, sha256=hashlib.sha256(data).hexdigest())
    )
    if document is None or not document.text.strip():
        raise InspectError(f"{name}: no text ({attachment.error or 'the document is empty'})")
    facts = extract_release_facts(document, published=published)
    participants = extract_participants("", (), document, listed=facts.attendees)  # no title: a file has none
    return {
        "source": attachment.kind,
        "attachment": to_jsonable(attachment),
        "body_text": document.text,
        **to_jsonable(facts),
        "participants": to_jsonable(participants),
    }


def is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True
