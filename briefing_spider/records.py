"""The normalized record of one briefing, and its parts.

Frozen, keyword-only dataclasses with tuples for lists; field order is the export column order.
Times are tz-aware (Asia/Seoul). Every list item keeps the `raw` text it was read from.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True, kw_only=True)
class Ministry:
    name: str  # as written on the page
    code: str | None = None  # korea.kr repCode, e.g. A00014
    canonical: str | None = None  # name in force on the release date
    name_en: str | None = None


@dataclass(frozen=True, kw_only=True)
class Contact:
    department: str | None = None
    role: str | None = None
    title: str | None = None
    name: str | None = None
    phone: str | None = None
    email: str | None = None  # the contact's e-mail, when the line gives one
    organization_key: str | None = (
        None  # the ministry its department names, else the release's (parse/organizations.py)
    )
    raw: str = ""
    attachment_position: int | None = None  # attachments.position it was read from; None: the page body


@dataclass(frozen=True, kw_only=True)
class Footnote:
    marker: str
    text: str
    raw: str = ""
    attachment_position: int | None = None  # attachments.position it was read from; None: the page body


@dataclass(frozen=True, kw_only=True)
class Attendee:
    group: str | None = None
    organization: str | None = None  # as written (복지부 stays 복지부)
    organization_canonical: str | None = None  # a ministry's name in force on the release date; None: not a ministry
    organization_key: str | None = (
        None  # one key per organisation: ministry lineage or normalised name (parse/organizations.py)
    )
    name: str | None = None
    title: str | None = None
    role: str | None = None
    raw: str = ""
    attachment_position: int | None = None  # attachments.position it was read from; None: the page body


@dataclass(frozen=True, kw_only=True)
class Participant:
    """Someone the release's title, sub-titles or sentences say took part in the event it
    reports (GUIDE "Participants named in the text"), with the verb class as `role`."""

    organization: str | None = None  # as written
    organization_canonical: str | None = None  # a ministry's name in force on the release date
    organization_key: str | None = None  # parse/organizations.py; the publishing ministry's for its own officials
    name: str | None = None
    title: str | None = None
    role: str = ""  # 주재, 참석, 방문, 면담, 서명
    raw: str = ""  # the sentence it was read from


@dataclass(frozen=True, kw_only=True)
class Attachment:
    name: str
    url: str
    kind: str | None = None  # sniffed from the bytes: hwpx, hwp, pdf, html, empty, unknown
    sha256: str | None = None
    size: int | None = None
    text: str | None = None
    pages: int | None = None
    paragraphs: int | None = None
    error: str | None = None  # why there is no text (failed download, unreadable file…)


@dataclass(frozen=True, kw_only=True)
class Utterance:
    """One remark of a transcript (kind briefing), in order; `position` is its row's."""

    speaker: str | None = None  # the person's name; None: a question, a host or an unnamed speaker
    organization: str | None = None
    title: str | None = None
    text: str = ""


@dataclass(frozen=True, kw_only=True)
class PressReport:
    """The press report a fact check (kind fact_check) answers, as far as the page names it."""

    outlet: str | None = None
    reported_on: str | None = None  # ISO 8601 date
    title: str | None = None
    raw: str = ""


@dataclass(frozen=True, kw_only=True)
class AgendaItem:
    """One item of a cabinet meeting's agenda (kind state_council)."""

    group: str | None = None  # 의결안건, 보고안건…
    category: str | None = None  # e.g. 법률안
    title: str = ""
    ministries: str = ""  # as the 소관 mark names them, joined by ", "
    text: str = ""


@dataclass(frozen=True, kw_only=True)
class ReleaseTable:
    """A table of one of the release's documents as data (parse/documents/tables.py): every row
    has every column, a merged cell's text repeated into each slot it covers."""

    number: int  # its place among its document's tables, from 1
    caption: str | None = None  # the line above it that names it, or the heading it stands under
    unit: str | None = None  # the unit the caption or header gives (`단위: 억원` → 억원)
    header: tuple[str, ...] = ()  # one text a column (header rows folded)
    rows: tuple[tuple[str, ...], ...] = ()
    attachment_position: int | None = None  # attachments.position it was read from; None: the page body

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_columns(self) -> int:
        return len(self.header)


# A kind's own parts: only the records of that kind have them. Empty, they stay out of the
# content hash, so adding a kind's parts changed no other record's hash (`hash_payload`).
SECTION_PARTS = ("utterances", "press_reports", "agenda_items")
# Parts added later to every kind: a record without them hashes as before they existed —
# participants (m011), the sub-title (m012), and the structure read from the documents (m013).
STRUCTURE_PARTS = ("body_markdown", "tables")
OPTIONAL_PARTS = ("participants", "subtitle", *STRUCTURE_PARTS)


@dataclass(frozen=True, kw_only=True)
class Release:
    site: str  # the site it was read from (briefing_spider/sites), e.g. korea_kr; the key is (site, news_id)
    news_id: str  # the site's own identifier of the release
    kind: str  # the site's section, e.g. press_release
    url: str
    title: str
    subtitle: str | None = None  # the page's sub-title, as a browser shows it
    published_at: datetime
    modified_at: datetime | None = None
    ministry: Ministry | None = None
    body_html: str = ""
    body_text: str = ""
    body_source: str | None = None  # page, hwpx, hwp, pdf
    body_markdown: str = ""  # the body with its headings, lists and tables (parse/documents/markdown.py)
    event_at: str | None = None  # ISO 8601 date or datetime of the event the release announces
    contacts: tuple[Contact, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    attendees: tuple[Attendee, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    warnings: tuple[str, ...] = ()
    utterances: tuple[Utterance, ...] = ()
    press_reports: tuple[PressReport, ...] = ()
    agenda_items: tuple[AgendaItem, ...] = ()
    participants: tuple[Participant, ...] = ()
    tables: tuple[ReleaseTable, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return to_jsonable(self)

    def content_hash(self) -> str:
        """sha256 of the record's content: equal hashes mean nothing a reader sees changed."""
        payload = json.dumps(hash_payload(self.to_dict()), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def hash_payload(record: dict[str, Any]) -> dict[str, Any]:
    """What a record's content hash covers: all of it, less the kind parts and the later parts
    (`OPTIONAL_PARTS`) it does not have — so a record with none keeps the hash it had before."""
    return {name: value for name, value in record.items() if name not in (*SECTION_PARTS, *OPTIONAL_PARTS) or value}


def to_jsonable(value: Any) -> Any:
    """Dataclasses → dicts, tuples → lists, dates and datetimes → ISO 8601 strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, date):  # a datetime too
        return value.isoformat()
    return value
