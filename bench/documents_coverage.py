"""Attachment text quality against the site's own document viewer text.

For every file of ../shared/corpus/korea_kr/govpress-2026-04-13/{hwpx,pdf}/ prints
coverage = LCS(ours, ref) / len(ref) and compactness = LCS / len(ours), both texts normalised
(reference: the Markdown header before `## 본문` and the `## 첨부파일` list dropped, Markdown
syntax dropped; then all whitespace removed from both), and a summary per kind.

    .venv/bin/python bench/documents_coverage.py [--worst N] [--kind hwpx|hwp|pdf]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

from rapidfuzz.distance import Indel

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing_spider.parse.documents import DocumentError, extract_document  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "korea_kr" / "govpress-2026-04-13"
BODY_HEADING = "## 본문"
ATTACHMENT_HEADING = "## 첨부파일"
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
HEADING_MARK = re.compile(r"^#{1,6}\s+")
CONTACT_HEADING = "## 담당 부서"  # the viewer rewrites the contact table as a Markdown list
CONTACT_ITEM = re.compile(r"^\s*-\s+")
CONTACT_LABEL = re.compile(r"^([^:]{1,40}):\s")
CONTACT_SEPARATOR = " / "
WHITESPACE = re.compile(r"\s+")


def reference_text(markdown: str) -> str:
    """The viewer text without its metadata header, attachment list and Markdown syntax."""
    start = markdown.find(BODY_HEADING)
    body = markdown[start + len(BODY_HEADING) :] if start >= 0 else markdown
    end = body.rfind(ATTACHMENT_HEADING)
    if end >= 0:
        body = body[:end]
    lines = []
    in_contacts = False
    for line in body.splitlines():
        if line.startswith("## "):
            in_contacts = line.strip() == CONTACT_HEADING
            if in_contacts:
                continue  # the viewer's own heading for the block it rebuilt
        elif in_contacts:
            line = CONTACT_LABEL.sub(r"\1 ", CONTACT_ITEM.sub("", line))
            line = line.replace(CONTACT_SEPARATOR, " ")
        if TABLE_RULE.match(line.strip()):
            continue
        line = HEADING_MARK.sub("", line)
        line = line.replace("**", "")
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|"):
            line = " ".join(cell.strip() for cell in stripped[1:-1].split("|"))
        lines.append(line)
    return "\n".join(lines)


def squeeze(text: str) -> str:
    return WHITESPACE.sub("", text)


def lcs(a: str, b: str) -> int:
    return (len(a) + len(b) - Indel.distance(a, b)) // 2


def measure(ours: str, reference: str) -> tuple[float, float]:
    a, b = squeeze(ours), squeeze(reference)
    common = lcs(a, b)
    return common / max(len(b), 1), common / max(len(a), 1)


def corpus_files() -> list[tuple[str, Path]]:
    return [(folder, path) for folder in ("hwpx", "pdf") for path in sorted((CORPUS / folder).glob("*"))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worst", type=int, default=0, help="print only the N worst by coverage")
    parser.add_argument("--kind", default=None)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus absent: {CORPUS}")
        return 1
    rows, errors = [], []
    for folder, path in corpus_files():
        reference = reference_text((CORPUS / "docviewer_md" / f"{path.stem}.md").read_text("utf-8"))
        try:
            document = extract_document(path.read_bytes())
        except DocumentError as error:
            errors.append((folder, path.name, error.code, error.reason))
            continue
        if args.kind and document.kind != args.kind:
            continue
        coverage, compactness = measure(document.text, reference)
        rows.append((document.kind, path.name, coverage, compactness, len(squeeze(document.text))))
    shown = sorted(rows, key=lambda r: r[2])[: args.worst] if args.worst else rows
    print(f"{'kind':5} {'file':18} {'coverage':>8} {'compact':>8} {'chars':>7}")
    for kind, name, coverage, compactness, chars in shown:
        print(f"{kind:5} {name:18} {coverage:8.3f} {compactness:8.3f} {chars:7d}")
    for folder, name, code, reason in errors:
        print(f"{folder:5} {name:18} ERROR {code}: {reason}")
    print()
    for kind in ("hwpx", "hwp", "pdf"):
        values = [r for r in rows if r[0] == kind]
        if not values:
            continue
        cov = [r[2] for r in values]
        comp = [r[3] for r in values]
        print(
            f"{kind:5} n={len(values):3d} coverage median {statistics.median(cov):.3f} "
            f"min {min(cov):.3f} | compactness median {statistics.median(comp):.3f} "
            f"min {min(comp):.3f}"
        )
    print(f"typed errors: {len(errors)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
