"""One saved file as Markdown (`briefing parse FILE --markdown`): a document's own (its title and
structure), a saved detail page's release body (as the archive keeps it in `body_markdown`: the
page's title, the body's structure, the attachments listed), or a text's."""

from __future__ import annotations

from briefing_spider.contract import Section, Site
from briefing_spider.contract.registry import DEFAULT_SITE, get_site
from briefing_spider.inspect_file import DOCUMENT_SUFFIXES, InspectError, is_text, read_page
from briefing_spider.parse.documents import DocumentError, extract_document, sniff
from briefing_spider.parse.documents.markdown import document_markdown, text_markdown


def markdown_bytes(
    data: bytes, *, name: str, url: str | None = None, site: Site | None = None, section: Section | None = None
) -> str:
    """The Markdown of one file; InspectError when it has no text (or is a list page)."""
    site = site or get_site(DEFAULT_SITE)
    sniffed = sniff(data)
    if sniffed.is_document or name.lower().endswith(DOCUMENT_SUFFIXES):
        try:
            markdown = document_markdown(extract_document(data))
        except DocumentError as error:
            raise InspectError(f"{name}: no text ({error})") from None
    elif sniffed.kind == "html" or name.lower().endswith((".html", ".htm")):
        page = read_page(data, name=name, url=url, site=site, section=section)
        if isinstance(page, dict):
            raise InspectError(f"{name}: a list page has no Markdown (without --markdown: its entries)")
        markdown = page.body_markdown
    elif name.lower().endswith(".txt") or is_text(data):
        markdown = _text_markdown(data.decode("utf-8-sig"), url=url, site=site, section=section)
    else:
        raise InspectError(f"{name}: not a page, document or UTF-8 text ({sniffed.reason})")
    if not has_body_text(markdown):
        raise InspectError(f"{name}: no text")
    return markdown


def _text_markdown(text: str, *, url: str | None, site: Site, section: Section | None) -> str:
    """A page's text read as a page of `section` (its body under its title), else plain text."""
    if section is None or site.read_text is None:
        return text_markdown(text)
    page = site.read_text(text, url)
    return text_markdown(page.body_text, title=page.title) if page.body_text.strip() else ""


def has_body_text(markdown: str) -> bool:
    """Some line that is not a heading: a title alone is no text."""
    return any(line.strip() and not line.startswith("#") for line in markdown.splitlines())
