"""Markdown extraction time / plain-text extraction time, of the same corpus files in one run.

    python bench/markdown_speed.py [CORPUS_DIR] [--rounds N]

Reads every `korea_kr/*/hwpx/*.hwpx` and `korea_kr/*/pdf/*.pdf` of the corpus (skipping files
that yield no text) and times, like for like over the same bytes, in alternating rounds (the
best round of each kept, so that the machine's load falls on both alike):

- plain text: `extract_document(data)` — what a build reads today (`DocumentText.text`);
- Markdown: `document_markdown(extract_document(data))` — the same reading, then the structure
  (`structure.py`) and its Markdown (`markdown.py`).

It prints both per format and in all, and the ratio Markdown / plain text (goal ≤ 1.3).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing_spider.parse.documents import DocumentError, extract_document, sniff  # noqa: E402
from briefing_spider.parse.documents.markdown import document_markdown  # noqa: E402

ROUNDS = 3
GOAL = 1.3
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def plain(data: bytes) -> str:
    return extract_document(data).text


def markdown(data: bytes) -> str:
    return document_markdown(extract_document(data))


def readable(paths: list[Path]) -> dict[str, list[bytes]]:
    """The files that yield text, by kind (HWP 5 files named .hwpx are read as what they are)."""
    by_kind: dict[str, list[bytes]] = {}
    for path in paths:
        data = path.read_bytes()
        try:
            extract_document(data)
        except DocumentError:
            continue
        by_kind.setdefault(sniff(data).kind, []).append(data)
    return by_kind


def timed(function, blobs: list[bytes]) -> float:
    start = time.perf_counter()
    for data in blobs:
        function(data)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else ROUNDS
    args = [a for i, a in enumerate(argv) if a != "--rounds" and (i == 0 or argv[i - 1] != "--rounds")]
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    files = sorted(corpus.glob("korea_kr/*/hwpx/*.hwpx")) + sorted(corpus.glob("korea_kr/*/pdf/*.pdf"))
    by_kind = readable(files)
    if not by_kind:
        print(f"no readable HWPX/HWP/PDF files under {corpus}", file=sys.stderr)
        return 1
    best = {(kind, name): float("inf") for kind in by_kind for name in ("plain", "markdown")}
    for _ in range(rounds):  # alternate, so that a busy moment of the machine hits both
        for kind, blobs in by_kind.items():
            best[kind, "plain"] = min(best[kind, "plain"], timed(plain, blobs))
            best[kind, "markdown"] = min(best[kind, "markdown"], timed(markdown, blobs))
    print(f"{'kind':6s} {'files':>5s} {'plain text':>12s} {'markdown':>12s} {'ratio':>6s}")
    for kind, blobs in sorted(by_kind.items()):
        text, md = best[kind, "plain"], best[kind, "markdown"]
        print(f"{kind:6s} {len(blobs):5d} {text * 1000:10.0f} ms {md * 1000:10.0f} ms {md / text:6.3f}")
    text = sum(best[kind, "plain"] for kind in by_kind)
    md = sum(best[kind, "markdown"] for kind in by_kind)
    total = sum(len(blobs) for blobs in by_kind.values())
    ratio = md / text
    print(f"{'all':6s} {total:5d} {text * 1000:10.0f} ms {md * 1000:10.0f} ms {ratio:6.3f}")
    print(f"ratio: {ratio:.3f} (goal ≤ {GOAL}: {'met' if ratio <= GOAL else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
