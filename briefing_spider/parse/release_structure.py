"""A release's structure: the Markdown of its body and the tables of its documents. Pure.

- Markdown: of the body's source — the release document, or the page body when the body is the
  page's (`assemble.body_of`) — under the page's title (the site's), with the attachments'
  names listed under `## 첨부파일`, as the site shows a release. A body with no text has none.
- Tables: of every distinct document (`release_documents.distinct_documents`: the release
  document first, the PDF of an HWPX left out), each with its attachment's position, and of
  the page body when the body is the page's (position None).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefing_spider.contract.page import DetailPage
from briefing_spider.parse.documents import DocumentText
from briefing_spider.parse.documents.html_blocks import html_blocks
from briefing_spider.parse.documents.markdown import text_markdown, to_markdown
from briefing_spider.parse.documents.render import render_text
from briefing_spider.parse.documents.structure import Structure, read_structure
from briefing_spider.parse.documents.tables import document_tables
from briefing_spider.parse.release_documents import ReleaseDocument, distinct_documents
from briefing_spider.records import Attachment, ReleaseTable


@dataclass(frozen=True)
class ReleaseStructure:
    body: Structure | None  # the structure of the body's source; None: a page body without markup
    tables: tuple[ReleaseTable, ...]


def read_release_structure(
    documents: Sequence[ReleaseDocument], *, chosen: ReleaseDocument | None, page_html: str | None
) -> ReleaseStructure:
    """`page_html`: the page body's markup when the body is the page's, else None."""
    tables: list[ReleaseTable] = []
    body: Structure | None = None
    if page_html:
        blocks = html_blocks(page_html)
        body = read_structure(DocumentText(kind="page", blocks=blocks, text=render_text(blocks)))
        tables.extend(_tables(body, None))
    for doc in distinct_documents(documents, chosen=chosen):
        structure = read_structure(doc.document)
        if doc is chosen and not page_html:
            body = structure
        tables.extend(_tables(structure, doc.position))
    return ReleaseStructure(body=body, tables=tuple(tables))


def release_markdown(
    structure: ReleaseStructure, detail: DetailPage, body_text: str, attachments: Sequence[Attachment]
) -> str:
    if not body_text.strip():
        return ""
    names = [attachment.name for attachment in attachments if attachment.name]
    if structure.body is None:
        return text_markdown(body_text, title=detail.title, attachments=names)
    return to_markdown(structure.body, title=detail.title, attachments=names)


def _tables(structure: Structure, position: int | None) -> list[ReleaseTable]:
    return [replace(table, attachment_position=position) for table in document_tables(structure)]
