"""Attachment reading speed on one core, over the real corpus (files read into memory first).

Prints HWPX docs/s (real HWPX zips only), HWP 5 and PDF docs/s, and the HWPX and PDF times as
ratios against baselines measured in the same run: for HWPX bare unzip + lxml.etree.fromstring of
the same section files, nothing else; for PDF PDFium's own text of every page (open, text page,
`get_text_range`), without positions, line breaks restored or tables. Best of --repeat runs.

    .venv/bin/python bench/documents_speed.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timing import best_seconds  # noqa: E402
from briefing_spider.parse.documents import extract_document, sniff  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "korea_kr" / "govpress-2026-04-13"


def load(kind: str) -> list[bytes]:
    files = [p.read_bytes() for folder in ("hwpx", "pdf") for p in sorted((CORPUS / folder).iterdir())]
    return [data for data in files if sniff(data).kind == kind]


def baseline(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("Contents/section") and name.endswith(".xml"):
                etree.fromstring(archive.read(name))


def pdf_baseline(data: bytes) -> None:
    document = pdfium.PdfDocument(data)
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        document.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus absent: {CORPUS}")
        return 1
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    hwpx, hwp, pdf = load("hwpx"), load("hwp"), load("pdf")
    base = best_seconds(baseline, hwpx, args.repeat)
    ours = best_seconds(extract_document, hwpx, args.repeat)
    hwp_time = best_seconds(extract_document, hwp, args.repeat)
    pdf_time = best_seconds(extract_document, pdf, args.repeat)
    pdf_base = best_seconds(pdf_baseline, pdf, args.repeat)
    print(f"HWPX  {len(hwpx):3d} docs  {ours:6.3f} s  {len(hwpx) / ours:7.1f} docs/s")
    print(f"  baseline unzip+fromstring of the sections  {base:6.3f} s  {len(hwpx) / base:7.1f} docs/s")
    print(f"  ratio extraction / baseline  {ours / base:.2f}x")
    print(f"HWP5  {len(hwp):3d} docs  {hwp_time:6.3f} s  {len(hwp) / hwp_time:7.1f} docs/s")
    print(f"PDF   {len(pdf):3d} docs  {pdf_time:6.3f} s  {len(pdf) / pdf_time:7.1f} docs/s")
    print(f"  baseline PDFium's text of every page  {pdf_base:6.3f} s  {len(pdf) / pdf_base:7.1f} docs/s")
    print(f"  ratio extraction / baseline  {pdf_time / pdf_base:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
