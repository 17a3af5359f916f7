"""Structured extraction time / text extraction time, on the corpus HWPX attachments.

    python bench/extraction_speed.py [CORPUS_DIR]

Reads every `korea_kr/*/hwpx/*.hwpx` (skipping files that yield no text), times
`extract_document` (getting the text) and `extract_release_facts` (contacts, footnotes,
attendees, event date) with `extract_participants` over several rounds, and prints the ratio.
The goal is ≤ 0.20.

Then the same per release, as a build reads it: the text of every document of the release
(`<id>.hwpx` and `<id>.pdf`) against `read_release_facts` over all of them (the release
document chosen, every distinct document read, the same text in another format skipped).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timing import best_seconds  # noqa: E402
from briefing_spider.parse.documents import DocumentError, extract_document  # noqa: E402
from briefing_spider.parse.participants import extract_participants  # noqa: E402
from briefing_spider.parse.release_documents import (  # noqa: E402
    ReleaseDocument,
    choose_release_document,
    read_release_facts,
)
from briefing_spider.parse.release_text import extract_release_facts  # noqa: E402

ROUNDS = 3


def _read(data: bytes):
    try:
        return extract_document(data)
    except DocumentError:
        return None


def _facts_and_participants(document):
    """What a build reads from a release document: its facts, then its participants."""
    return extract_participants("", (), document, listed=extract_release_facts(document).attendees)


def _release_facts_and_participants(documents):
    """A build's reading of a release: every distinct document's facts, then the participants
    of the release document."""
    chosen = choose_release_document(documents)
    facts = read_release_facts(documents, chosen=chosen)
    return extract_participants("", (), chosen.document, listed=facts.attendees) if chosen else ()


def main(corpus: Path) -> int:
    files = sorted(corpus.glob("korea_kr/*/hwpx/*.hwpx"))
    blobs = [path.read_bytes() for path in files]
    if not blobs:
        print(f"no HWPX files under {corpus}", file=sys.stderr)
        return 1
    documents = [document for data in blobs if (document := _read(data)) is not None]
    text_time = best_seconds(_read, blobs, ROUNDS)
    facts_time = best_seconds(_facts_and_participants, documents, ROUNDS)
    ratio = facts_time / text_time
    print(f"documents: {len(documents)} of {len(blobs)} files")
    print(f"text extraction:       {text_time * 1000:8.1f} ms")
    print(f"structured extraction: {facts_time * 1000:8.1f} ms")
    print(f"ratio: {ratio:.3f} (goal ≤ 0.20: {'met' if ratio <= 0.20 else 'NOT met'})")
    _per_release(corpus)
    return 0


def _per_release(corpus: Path) -> None:
    releases = []
    for path in sorted(corpus.glob("korea_kr/*/hwpx/*.hwpx")):
        pdf = path.parent.parent / "pdf" / f"{path.stem}.pdf"
        releases.append([blob for blob in (path.read_bytes(), pdf.read_bytes() if pdf.exists() else None) if blob])

    def documents_of(blobs):
        return [
            ReleaseDocument(position=n, name=str(n), kind=d.kind, document=d)
            for n, data in enumerate(blobs)
            if (d := _read(data)) is not None
        ]

    read = [documents_of(blobs) for blobs in releases]
    text_time = best_seconds(documents_of, releases, ROUNDS)
    facts_time = best_seconds(_release_facts_and_participants, read, ROUNDS)
    ratio = facts_time / text_time
    print(f"per release (HWPX + PDF): {len(releases)} releases, {sum(map(len, read))} documents")
    print(f"text extraction:       {text_time * 1000:8.1f} ms")
    print(f"structured extraction: {facts_time * 1000:8.1f} ms")
    print(f"ratio: {ratio:.3f} (goal ≤ 0.20: {'met' if ratio <= 0.20 else 'NOT met'})")


if __name__ == "__main__":
    default = ROOT.parent / "shared" / "corpus"
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else default))
