"""Structure and Markdown on the real korea.kr attachments of 2026-04-13 (../shared/corpus, read in
place): the Markdown keeps the whole text, HWPX and HWP 5 releases get their title, contact block
and tables, and the budget question of docs/querying.md finds the 추경 releases of the day."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest

from briefing_spider.archive import open_archive
from briefing_spider.archive.save import save_briefing
from briefing_spider.parse.documents import DocumentError, DocumentText, extract_document
from briefing_spider.parse.documents.forms import BOXED_DIGITS
from briefing_spider.parse.documents.layout import PAGE_NUMBER
from briefing_spider.parse.documents.markdown import to_markdown
from briefing_spider.parse.documents.structure import Structure, read_structure
from briefing_spider.parse.documents.tables import document_tables
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Release, ReleaseTable
from tests.test_release_structure_archive import budget_query

SEEN = datetime(2026, 4, 13, 18, tzinfo=SEOUL)
WORD = re.compile(r"[가-힣A-Za-z0-9]+")


@cache
def documents(corpus_dir: Path) -> dict[Path, tuple[DocumentText, Structure]]:
    out = {}
    for folder in ("hwpx", "pdf"):
        for path in sorted((corpus_dir / folder).iterdir()):
            try:
                document = extract_document(path.read_bytes())
            except DocumentError:
                continue
            out[path] = (document, read_structure(document))
    return out


@pytest.fixture
def read(corpus):
    return documents(corpus / "korea_kr" / "govpress-2026-04-13")


def test_the_markdown_keeps_every_word_of_the_text(read):
    """Every letter and digit of the plain text is in the Markdown as often (the header's lines
    move under the title, letter-spaced contact words are joined, Hancom's boxed digits are
    shown as digits): the structure loses nothing."""
    for path, (document, structure) in read.items():
        text = "".join(BOXED_DIGITS.get(char, char) for char in document.text)
        lost = _letters(text) - _letters(to_markdown(structure))
        page_numbers = [line for line in text.splitlines() if PAGE_NUMBER.match(line)]
        lost -= _letters(" ".join(page_numbers))  # page furniture (`- 3 -`) is left out of the Markdown
        assert not lost, (path.name, lost.most_common(5))


def _letters(text: str) -> Counter[str]:
    return Counter("".join(WORD.findall(text)))


def test_hwpx_and_hwp_releases_have_their_title_and_contact_block(read):
    documents = [(p, s) for p, (d, s) in read.items() if d.kind in ("hwpx", "hwp")]
    titled = [p for p, s in documents if s.title]
    with_contacts = [p for p, s in documents if "## 담당 부서" in to_markdown(s)]
    assert len(documents) == 91
    assert len(titled) >= 88, sorted(p.name for p, s in documents if not s.title)
    assert len(with_contacts) >= 80


def test_a_budget_table_with_merged_header_cells_is_resolved(read, corpus):
    path = corpus / "korea_kr" / "govpress-2026-04-13" / "hwpx" / "156754052.hwpx"
    tables = document_tables(read[path][1])
    budget = next(t for t in tables if t.caption and "추가경정예산" in t.caption)
    assert budget.unit.startswith("억원")
    assert len(budget.header) == 6 and all(len(row) == 6 for row in budget.rows)
    assert any("본예산(A)" in cell for cell in budget.header)


def test_the_budget_question_finds_the_supplementary_budgets_of_the_day(read, corpus, tmp_path):
    manifest = json.loads((corpus / "korea_kr" / "govpress-2026-04-13" / "manifest.json").read_text(encoding="utf-8"))
    releases = {doc["news_item_id"]: doc for doc in manifest["documents"]}
    db = open_archive(tmp_path / "briefings.db")
    for path, (document, structure) in read.items():
        meta = releases.get(path.stem)
        if meta is None or document.kind == "pdf":
            continue
        tables = tuple(
            ReleaseTable(
                number=t.number, caption=t.caption, unit=t.unit, header=t.header, rows=t.rows, attachment_position=0
            )
            for t in document_tables(structure)
        )
        published = datetime.strptime(meta["approve_date"], "%m/%d/%Y %H:%M:%S").replace(tzinfo=SEOUL)
        release = Release(
            site="korea_kr",
            news_id=path.stem,
            kind="press_release",
            url=f"https://www.korea.kr/briefing/pressReleaseView.do?newsId={path.stem}",
            title=meta["title"],
            published_at=published,
            body_text=document.text,
            body_source=document.kind,
            tables=tables,
        )
        save_briefing(db, release, seen_at=SEEN)
    found = {row["news_id"] for row in db.query(budget_query())}
    print(sorted(found))
    assert {"156754052", "156754060"} <= found
