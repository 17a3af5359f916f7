"""`briefing serve`: a release's own page reads as the release — title, date, ministry, its
Markdown rendered, then attachments, contacts, footnotes, attendees — fetched over HTTP from a
real server; a table page opens on its rows, the column descriptions after them."""

from __future__ import annotations

import json
import re
from datetime import datetime

import pytest

from briefing_spider.archive import open_archive
from briefing_spider.archive.release_page import render_markdown
from briefing_spider.archive.save import save_briefing
from briefing_spider.parse.documents import extract_document
from briefing_spider.parse.documents.markdown import document_markdown
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.records import Attachment, Attendee, Contact, Footnote, Release, ReleaseTable
from tests.fixtures.documents import press_release_hwpx
from tests.releases import make_release
from tests.serving import fetch, serving

TITLE = "가나 사업 2026년 추경 1조원 확정"


def release() -> Release:
    document = extract_document(press_release_hwpx())
    return make_release(
        "900000777",
        url="https://www.korea.kr/briefing/pressReleaseView.do?newsId=900000777",
        title=TITLE,
        ministry="가나부",
        body_text=document.text,
        body_source="hwpx",
        body_markdown=document_markdown(document, title=TITLE, attachments=["(보도자료) 가나 추경.hwpx"]),
        attachments=(
            Attachment(
                name="(보도자료) 가나 추경.hwpx", url="https://www.korea.kr/common/download.do?fileId=1", kind="hwpx"
            ),
        ),
        contacts=(Contact(department="가나정책과", role="책임자", title="과장", name="홍길동", phone="044-000-1111"),),
        footnotes=(Footnote(marker="*", text="바우처: 수출 지원 서비스 이용권"),),
        attendees=(Attendee(organization="가나부", name="김가나", title="차관"),),
        tables=(
            ReleaseTable(
                number=1, caption="예산 (단위: 억원)", unit="억원", header=("구분", "추경"), rows=(("총지출", "1,500"),)
            ),
        ),
    )


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "briefings.db"
    db = open_archive(path)
    save_briefing(db, release(), seen_at=datetime(2026, 4, 13, 12, tzinfo=SEOUL))
    db.close()
    with serving(path) as port:
        yield port


def test_the_release_page_shows_the_release_then_its_parts(served):
    status, html = fetch(served, "/briefings/briefings/korea_kr,900000777")
    assert status == 200
    page = html[html.index('<article class="release-page">') :]
    order = [
        f">{TITLE}</h1>",  # the title
        '<time datetime="2026-04-13T09:00:00+09:00">2026-04-13</time>',  # the date
        '<span class="release-ministry">가나부</span>',  # the ministry
        "<li>다라 지원 500억원 -</li>",  # the header's sub-title line, from the Markdown
        "<h2>본문</h2>",
        "□ 추경은 세 분야로 구성된다",  # lists rendered (below: as list items)
        "<h2>담당 부서</h2>",  # the document's contact block, where it stands
        '<td rowspan="2">구분</td>',  # the annex's budget table with its merged cells
        '<h2 id="attachments">',
        'href="https://www.korea.kr/common/download.do?fileId=1">(보도자료) 가나 추경.hwpx</a>',
        '<h2 id="contacts">',
        "홍길동",
        '<h2 id="footnotes">',
        "바우처: 수출 지원 서비스 이용권",
        '<h2 id="attendees">',
        "김가나",
        "All columns of this row",
    ]
    at = 0
    for part in order:  # each part after the one before it
        found = page.find(part, at)
        assert found >= 0, (part, page[at : at + 300])
        at = found + len(part)
    assert re.search(r"<li>\s*(?:<p>)?□ 추경은 세 분야로 구성된다", page)
    assert re.search(
        r"<li>\s*(?:<p>)?ㅇ 첫째, 수출 기업 지원(?:</p>)?\s*<ul>\s*<li>\s*(?:<p>)?바우처 확대", page
    )  # nested
    assert page.count(f">{TITLE}</h1>") == 1  # the Markdown's own `# title` is not shown twice
    assert "<h2>첨부파일</h2>" not in page  # nor its list of attachments: the table below links them


def test_another_tables_row_page_stays_the_default_one(served):
    status, html = fetch(served, "/briefings/contacts/korea_kr,900000777,0")
    assert status == 200 and "release-page" not in html and "홍길동" in html


def test_a_table_page_opens_on_its_rows_with_the_descriptions_after_them(served):
    status, html = fetch(served, "/briefings/briefings")
    assert status == 200
    rows_at, described_at = html.index('<table class="rows-and-columns">'), html.index('class="columns-described"')
    assert rows_at < described_at
    assert "dl.column-descriptions { display: none; }" in html  # Datasette's own list above the rows is hidden


def test_markdown_is_rendered_to_safe_html():
    html = render_markdown(
        '# 제목\n\n본문 <script>alert(1)</script>\n\n<table><tr><td rowspan="2" onclick="x">가</td></tr></table>\n'
    )
    assert "<script>" not in html and "onclick" not in html and "제목" not in html
    assert '<td rowspan="2">가</td>' in html


def test_the_canned_query_lists_a_years_tables_in_a_unit(served):
    status, body = fetch(served, "/briefings/tables_in_a_unit.json", year="2026", unit="억원", _shape="array")
    assert status == 200
    assert [(r["news_id"], r["number"], r["unit"]) for r in json.loads(body)] == [("900000777", 1, "억원")]
    status, body = fetch(served, "/briefings/tables_in_a_unit.json", year="2025", unit="억원", _shape="array")
    assert json.loads(body) == []
