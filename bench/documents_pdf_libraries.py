"""Which PDF library reads the korea.kr PDFs best: pypdfium2, pdfminer.six or pypdf.

Plain text extraction with each library's default API over the real PDFs, on one core:
extraction time (scoring excluded), coverage and compactness as bench/documents_coverage.py
measures them. The numbers behind the choice of pypdfium2, recorded in bench/README.md.

    .venv/bin/python bench/documents_pdf_libraries.py
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from documents_coverage import CORPUS, measure, reference_text  # noqa: E402

from briefing_spider.parse.documents import sniff  # noqa: E402


def with_pypdfium2(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def with_pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def with_pypdf(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


LIBRARIES = {"pypdfium2": with_pypdfium2, "pdfminer.six": with_pdfminer, "pypdf": with_pypdf}


def main() -> int:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    files = [p for p in sorted((CORPUS / "pdf").glob("*.pdf")) if sniff(p.read_bytes()).kind == "pdf"]
    documents = [
        (p, p.read_bytes(), reference_text((CORPUS / "docviewer_md" / f"{p.stem}.md").read_text("utf-8")))
        for p in files
    ]
    print(f"{'library':13} {'docs/s':>7} {'cov med':>8} {'cov mean':>8} {'<0.95':>6} {'compact med':>11} errors")
    for name, read in LIBRARIES.items():
        texts, errors, elapsed = [], 0, 0.0
        for _, data, _ in documents:
            start = time.perf_counter()
            try:
                texts.append(read(data))
            except Exception:  # noqa: BLE001 - a library failing a file is a result here
                texts.append("")
                errors += 1
            elapsed += time.perf_counter() - start
        scores = [measure(text, reference) for text, (_, _, reference) in zip(texts, documents, strict=True)]
        coverage = [c for c, _ in scores]
        print(
            f"{name:13} {len(documents) / elapsed:7.1f} {statistics.median(coverage):8.4f} "
            f"{statistics.mean(coverage):8.4f} {sum(c < 0.95 for c in coverage):6d} "
            f"{statistics.median(k for _, k in scores):11.3f} {errors}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
