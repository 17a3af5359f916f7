"""A release is all of its documents: which one is the release itself, and the facts of all. Pure.

A release often carries several files — the 보도자료, a `[별첨] 모두말씀`, `붙임` tables, a
참석자 명단, photo PDFs — and often the same document twice (HWPX and PDF).

- `choose_release_document`: the document that is the release, by its name first (a 보도자료 /
  본문 name over a neutral one over an annex: 별첨, 붙임, 모두말씀, [참고], 사진…), then by its
  content (one that holds the contact block over one that does not), then by format (HWPX, HWP,
  PDF), then by its place in the list.
- `read_release_facts`: contacts, footnotes and attendees from every distinct document — the
  chosen one first, then the others, then the page body — each item carrying the attachment
  position it was read from (None: the page body), an item already read from another document
  not added again (within one document, the extractor's items stand as they are). A
  document that is the same text as one already read (the PDF of the HWPX; the page body of the
  HWPX) is not read again: another format's reading of the same lines would give near-copies.
  The event date is the chosen document's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace

from briefing_spider.parse.documents.model import DocumentText
from briefing_spider.parse.release_text import ReleaseFacts, extract_release_facts
from briefing_spider.parse.text_lines import squash

RELEASE_RANK, NEUTRAL_RANK, ANNEX_RANK = 2, 1, 0
KIND_ORDER = ("hwpx", "hwp", "pdf")
# A name that says it is the release: 보도자료, 보도참고자료, 보도설명자료, 해명자료, (본문).
RELEASE_NAME_RE = re.compile(
    r"보\s*도\s*(?:참\s*고|설\s*명|해\s*명)?\s*자\s*료|해\s*명\s*자\s*료|[(\[]\s*본\s*문\s*[)\]]"
)
# Annex words that mark a file wherever they stand in its name.
ANNEX_WORD_RE = re.compile(
    r"별\s*첨|붙\s*임|모\s*두\s*말\s*씀|말\s*씀\s*자\s*료|인\s*사\s*말\s*씀|참\s*석\s*자\s*명\s*단"
)
# Words that mark an annex only as a tag — bracketed, or opening the name after a date or
# number — since a release's own title may hold them (`사진전 개최`, `임용 대상자 명단 공개`).
ANNEX_TAG_WORDS = r"(?:참\s*고(?!\s*자\s*료)\s*\d*|첨\s*부|사\s*진|축\s*사|기\s*념\s*사|명\s*단|부\s*록)"
ANNEX_TAG_RE = re.compile(rf"[(\[【<〈]\s*{ANNEX_TAG_WORDS}|^[\d\s._\-]*{ANNEX_TAG_WORDS}")
# The contact block: a 책임자/담당자 with a phone number or e-mail address close after it.
CONTACT_BLOCK_RE = re.compile(
    r"(?:책\s*임\s*자|담\s*당\s*자).{0,80}?(?:0\d{1,2}[)\-.\s]\s*[\d*]{3,4}[\-.\s][\d*]{4}|[\w.+-]+@[\w-]+\.[\w.-]+)",
    re.S,
)
WORD_RE = re.compile(r"[가-힣A-Za-z0-9]{2,}")
# Two texts are one document when their word sets overlap this much (Jaccard). Measured on the
# 91 HWPX/PDF pairs of the corpus: the same document in two formats ≥ 0.87, different ones ≤ 0.19.
SAME_DOCUMENT_MIN_OVERLAP = 0.6
# Fields that identify an item: everything but where and how it was written.
NOT_IDENTITY = frozenset({"raw", "attachment_position", "organization_canonical", "email"})


@dataclass(frozen=True, kw_only=True)
class ReleaseDocument:
    """One attachment that yielded text."""

    position: int  # attachments.position
    name: str
    kind: str  # hwpx, hwp, pdf
    document: DocumentText


def name_rank(name: str) -> int:
    """ANNEX_RANK for an annex's name, RELEASE_RANK for a release's, else NEUTRAL_RANK."""
    if ANNEX_WORD_RE.search(name) or ANNEX_TAG_RE.search(name):
        return ANNEX_RANK
    return RELEASE_RANK if RELEASE_NAME_RE.search(name) else NEUTRAL_RANK


def has_contact_block(text: str) -> bool:
    return CONTACT_BLOCK_RE.search(text) is not None


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def _preference(doc: ReleaseDocument) -> tuple:
    return (-name_rank(doc.name), not has_contact_block(doc.document.text), _kind_rank(doc.kind), doc.position)


def choose_release_document(
    documents: Sequence[ReleaseDocument], *, prefer: Sequence[str] = ()
) -> ReleaseDocument | None:
    """The document that is the release itself; None when no document has text. A document whose
    name holds one of the words `prefer` (the kind's own: a transcript's `속기`) comes first."""
    with_text = [doc for doc in documents if doc.document.text.strip()]
    if not with_text:
        return None
    return min(with_text, key=lambda doc: (not any(word in doc.name for word in prefer), _preference(doc)))


def _words(text: str) -> frozenset[str]:
    return frozenset(WORD_RE.findall(text))


def same_document(a: frozenset[str], b: frozenset[str]) -> bool:
    """Word sets of two texts (see `_words`) that are one document in two formats."""
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= SAME_DOCUMENT_MIN_OVERLAP


def read_release_facts(
    documents: Sequence[ReleaseDocument],
    *,
    chosen: ReleaseDocument | None = None,
    page_text: str | None = None,
    published: dt.date | None = None,
) -> ReleaseFacts:
    """Facts of every distinct document (chosen first, the page body last), without repeats.

    `chosen` defaults to `choose_release_document(documents)`; with none (no document has
    text) the page body is the release. The event date is the first source's."""
    chosen = chosen if chosen is not None else choose_release_document(documents)
    distinct = distinct_documents(documents, chosen=chosen)
    merged = _Merged()
    for doc in distinct:
        merged.add(doc.position, extract_release_facts(doc.document, published=published))
    if page_text and page_text.strip():
        words = _words(page_text)
        if not any(same_document(words, _words(doc.document.text)) for doc in distinct):
            merged.add(None, extract_release_facts(page_text, published=published))
    return merged.facts()


def distinct_documents(
    documents: Sequence[ReleaseDocument], *, chosen: ReleaseDocument | None
) -> list[ReleaseDocument]:
    """The documents with text, the chosen one first and the others in order of preference, a
    document that is the same text as one before it (the PDF of the HWPX) left out."""
    others = sorted((doc for doc in documents if doc is not chosen and doc.document.text.strip()), key=_preference)
    kept: list[ReleaseDocument] = []
    read: list[frozenset[str]] = []
    for doc in ([chosen] if chosen else []) + others:
        words = _words(doc.document.text)
        if any(same_document(words, seen) for seen in read):
            continue
        read.append(words)
        kept.append(doc)
    return kept


class _Merged:
    def __init__(self) -> None:
        self.items: dict[str, list] = {"contacts": [], "footnotes": [], "attendees": []}
        self.keys: dict[str, set] = {name: set() for name in self.items}
        self.warnings: list[str] = []
        self.event_at: str | None = None
        self.first = True

    def add(self, position: int | None, facts: ReleaseFacts) -> None:
        if self.first:
            self.event_at, self.first = facts.event_at, False
        for name, items in self.items.items():
            found = getattr(facts, name)
            # A note printed twice in one document is two notes; one already read from another
            # document is not added again.
            items.extend(
                replace(item, attachment_position=position) for item in found if item_key(item) not in self.keys[name]
            )
            self.keys[name].update(item_key(item) for item in found)
        self.warnings.extend(w for w in facts.warnings if w not in self.warnings)

    def facts(self) -> ReleaseFacts:
        return ReleaseFacts(
            contacts=tuple(self.items["contacts"]),
            footnotes=tuple(self.items["footnotes"]),
            attendees=tuple(self.items["attendees"]),
            event_at=self.event_at,
            warnings=tuple(self.warnings),
        )


def item_key(item) -> tuple[str, ...]:
    """What makes two items the same: their fields with all whitespace removed."""
    return tuple(squash(str(getattr(item, f.name) or "")) for f in fields(item) if f.name not in NOT_IDENTITY)
