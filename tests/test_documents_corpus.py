"""The readers on the real korea.kr attachments of 2026-04-13 (../shared/corpus, read in place).

Quality is measured against the site's own document viewer text with the coverage bench's
normalisation (bench/documents_coverage.py); no expected text is written down here.
"""

from __future__ import annotations

import importlib.util
import statistics
import zipfile
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from briefing_spider.parse.documents import DocumentError, DocumentText, extract_document, sniff

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "korea_kr" / "govpress-2026-04-13"
HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the shared real corpus is absent ({CORPUS}); it lives beside the repo"
)


def _bench():
    spec = importlib.util.spec_from_file_location("documents_coverage", ROOT / "bench" / "documents_coverage.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def results() -> dict[Path, DocumentText | DocumentError]:
    out: dict[Path, DocumentText | DocumentError] = {}
    for folder in ("hwpx", "pdf"):
        for path in sorted((CORPUS / folder).iterdir()):
            try:
                out[path] = extract_document(path.read_bytes())
            except DocumentError as error:
                out[path] = error
    return out


@cache
def coverages() -> dict[Path, tuple[float, float]]:
    bench = _bench()
    measured = {}
    for path, result in results().items():
        if isinstance(result, DocumentText):
            reference = bench.reference_text((CORPUS / "docviewer_md" / f"{path.stem}.md").read_text("utf-8"))
            measured[path] = bench.measure(result.text, reference)
    return measured


def test_every_file_yields_text_or_a_typed_error():
    for path, result in results().items():
        kind = sniff(path.read_bytes()).kind
        if kind in ("hwpx", "hwp", "pdf"):
            assert isinstance(result, DocumentText), f"{path.name}: {result}"
            assert result.kind == kind and result.text.strip() and result.paragraphs > 0, path.name
        else:
            assert isinstance(result, DocumentError) and result.code == "not_a_document", path.name
            assert result.reason, path.name


def test_pdfs_report_their_pages():
    for path, result in results().items():
        if isinstance(result, DocumentText) and result.kind == "pdf":
            assert result.pages and result.pages >= 1, path.name


def test_coverage_medians_per_kind():
    by_kind: dict[str, list[tuple[float, float]]] = {}
    for path, pair in coverages().items():
        by_kind.setdefault(results()[path].kind, []).append(pair)
    assert statistics.median(c for c, _ in by_kind["hwpx"]) >= 0.99
    assert statistics.median(c for c, _ in by_kind["pdf"]) >= 0.97
    assert min(c for c, _ in by_kind["hwp"]) >= 0.95
    assert statistics.median(k for pairs in by_kind.values() for _, k in pairs) >= 0.75


def test_some_attachment_of_every_release_reproduces_the_viewer_text():
    # A release may attach several documents and the corpus kept one HWPX and one PDF of it;
    # when they are different documents, the viewer text matches only one of them.
    best: dict[str, float] = {}
    for path, (coverage, _) in coverages().items():
        best[path.stem] = max(best.get(path.stem, 0.0), coverage)
    poor = {stem: round(value, 3) for stem, value in best.items() if value < 0.95}
    assert not poor


def _sections(path: Path) -> list[etree._Element]:
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.startswith("Contents/section")]
        return [etree.fromstring(archive.read(n)) for n in names]


def _real_hwpx() -> list[Path]:
    return [p for p, r in results().items() if isinstance(r, DocumentText) and r.kind == "hwpx"]


def _paragraphs(blocks):
    for block in blocks:
        if hasattr(block, "lines") and not hasattr(block, "rows"):
            yield block
        else:
            for row in block.rows:
                for cell in row:
                    yield from _paragraphs(cell.blocks)


def test_footnote_controls_become_note_paragraphs():
    seen = 0
    for path in _real_hwpx():
        notes = sum(1 for root in _sections(path) for _ in root.iter(HP + "footNote", HP + "endNote"))
        produced = sum(1 for p in _paragraphs(results()[path].blocks) if p.note)
        assert produced >= notes, path.name
        seen += notes
    assert seen, "the corpus should hold real footnote controls"


def test_line_breaks_start_new_lines():
    checked = 0
    for path in _real_hwpx():
        # in blocks, not text: a multi-cell table row renders a cell's lines on one text line
        starts = {line.strip() for p in _paragraphs(results()[path].blocks) for line in p.lines}
        for root in _sections(path):
            for brk in root.iter(HP + "lineBreak"):
                after = (brk.tail or "").strip()
                if len(after) >= 4:
                    assert any(line.startswith(after) for line in starts), f"{path.name}: {after!r}"
                    checked += 1
    assert checked
