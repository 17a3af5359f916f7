"""Structured facts of one release: contacts, footnotes, attendees and the event's date.

`extract_release_facts(source, published=…)` takes a `DocumentText` (HWPX/HWP/PDF reader output)
or plain text (page text, viewer markdown, a crawler's `content_text`). Pure: no I/O. Text with
no recognisable block gives empty tuples; lines that look like a block but cannot be read go,
raw, into `warnings` rather than being guessed into records. Every item then gets its query
values (`parse/item_values.py`: titles without inner spaces, a contact's e-mail, an attendee's
canonical ministry on `published`). Rules: `docs/extraction.md`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefing_spider.parse.attendees.reader import LABEL_RE, read_attendees
from briefing_spider.parse.contact_forms import ROLE_RE
from briefing_spider.parse.contacts import extract_contacts
from briefing_spider.parse.dates import extract_event_at
from briefing_spider.parse.documents.model import DocumentText
from briefing_spider.parse.footnotes import extract_footnotes
from briefing_spider.parse.item_values import attendee_values, contact_values
from briefing_spider.parse.text_lines import TextLine, lines_of, tables_of
from briefing_spider.records import Attendee, Contact, Footnote

# Page text: where the release body ends (the 전재 notice) — what follows is the site's.
PAGE_TRAILER_RE = re.compile(r"이\s*자료는\s*.{1,40}?보도자료를\s*전재하여")
# A crawler's flattened text (no line breaks): break again before bullets and note marks.
FLAT_BREAK_RE = re.compile(r"\s+(?=(?:[□■ㅇ○◦▸‣※]|\*{1,3}\s?\(|\*{1,3}\s)\s*\S)")
FLAT_MIN_CHARS_PER_LINE = 400
CONTACT_HINT_RE = re.compile(r"담당\s*부\s*서|책\s*임\s*자|담\s*당\s*자")


@dataclass(frozen=True, kw_only=True)
class ReleaseFacts:
    contacts: tuple[Contact, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    attendees: tuple[Attendee, ...] = ()
    event_at: str | None = None
    warnings: tuple[str, ...] = ()


def extract_release_facts(source: DocumentText | str, *, published: dt.date | None = None) -> ReleaseFacts:
    is_text = isinstance(source, str)
    if isinstance(source, str):
        source = _unflatten(_cut_page_trailer(source))
    is_pdf = isinstance(source, DocumentText) and source.kind == "pdf"
    lines = lines_of(source)
    if not lines:
        return ReleaseFacts()
    contacts = extract_contacts(tables_of(source), lines)
    footnotes = extract_footnotes(lines, drop_sub_dash=is_text, wrap=not is_text, pdf=is_pdf)
    attendees, attendee_warnings = read_attendees(lines)
    event_at = extract_event_at([ln.text for ln in lines], published=published) if published else None
    return ReleaseFacts(
        contacts=tuple(contact_values(contact) for contact in contacts),
        footnotes=footnotes,
        attendees=tuple(attendee_values(attendee, on=published) for attendee in attendees),
        event_at=event_at,
        warnings=_warnings(lines, contacts, attendees) + attendee_warnings,
    )


def _unflatten(text: str) -> str:
    """Only for text whose lines average more than FLAT_MIN_CHARS_PER_LINE characters."""
    if len(text) / (text.count("\n") + 1) <= FLAT_MIN_CHARS_PER_LINE:
        return text
    return FLAT_BREAK_RE.sub("\n", text)


def _cut_page_trailer(text: str) -> str:
    match = PAGE_TRAILER_RE.search(text)
    return text[: match.start()] if match else text


def _warnings(lines: list[TextLine], contacts, attendees) -> tuple[str, ...]:
    """Lines that look like a contact or attendee block whose parse gave nothing."""
    out: list[str] = []
    if not contacts:
        hints = [
            ln.stripped
            for ln in lines
            if CONTACT_HINT_RE.search(ln.text) and ROLE_RE.search(ln.stripped.split()[0] if ln.stripped else "")
        ]
        out.extend(f"contacts: unread line: {h}" for h in hints[:3])
    if not attendees:
        for ln in lines:
            label = LABEL_RE.match(ln.text)
            if label and label["colon"] and ln.text[label.end() :].strip():
                out.append(f"attendees: unread list: {ln.stripped[:200]}")
    return tuple(out)
