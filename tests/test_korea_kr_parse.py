from datetime import date, datetime

import pytest

from briefing_spider.contract import PageParseError
from briefing_spider.contract.page import is_substantive
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.sites.korea_kr.detail import attachment_links, parse_detail
from briefing_spider.sites.korea_kr.listing import parse_list
from tests.conftest import fixture_text

LIST_URL = "https://www.korea.kr/briefing/pressReleaseList.do?startDate=2026-07-22&endDate=2026-07-22&pageIndex=1"


def detail_url(news_id: str) -> str:
    return f"https://www.korea.kr/briefing/pressReleaseView.do?newsId={news_id}&pageIndex=1&call_from=openData"


def test_list_entries_need_title_and_date_and_are_unique():
    listing = parse_list(fixture_text("korea_kr", "list_2026-07-22_page1.html"), LIST_URL)
    assert listing.total == 13
    assert [e.news_id for e in listing.entries] == ["900000001", "900000002"]  # not the popular link
    first, second = listing.entries
    assert first.url == "https://www.korea.kr/briefing/pressReleaseView.do?newsId=900000001"
    assert (first.title, first.listed_on, first.ministry) == ("시험용 보도자료 제목 하나", date(2026, 7, 22), "외교부")
    assert first.lead == "리드 문장 하나입니다."
    assert second.title == '시험용 "따옴표" 제목 둘' and second.listed_on == date(2026, 7, 22)


def test_list_without_items_is_empty():
    listing = parse_list("<html><body><p>총 0 건</p></body></html>", LIST_URL)
    assert listing.total == 0 and listing.entries == ()


def test_detail_prefers_json_ld_and_cuts_the_site_trailer():
    page = parse_detail(fixture_text("korea_kr", "900000001.html"), detail_url("900000001"))
    assert page.news_id == "900000001"
    assert page.url == "https://www.korea.kr/briefing/pressReleaseView.do?newsId=900000001"
    assert page.published_at == datetime(2026, 7, 22, 20, 53, 46, tzinfo=SEOUL)
    assert page.modified_at == datetime(2026, 7, 23, 9, 10, tzinfo=SEOUL)
    assert (page.ministry, page.ministry_code) == ("외교부", "A00014")
    assert page.body_text.startswith("시험부 | 보도자료\n□ 외교부는")
    assert page.body_text.endswith("※ 참석자 : (정부) 시험부 홍길동 국장")
    assert "전재하여" not in page.body_html and "브리핑룸 보도자료는" not in page.body_text
    assert is_substantive(page.body_text)
    names = [(a.name, a.file_id) for a in page.attachments]
    assert names == [
        ("260722 시험용 보도자료(시험과).hwpx", "198400001"),
        ("260722 시험용 보도자료(시험과).pdf", "198400002"),
    ]
    assert page.attachments[0].url == "https://www.korea.kr/common/download.do?fileId=198400001&tblKey=GMN"


def test_detail_falls_back_to_header_and_reprint_notice():
    page = parse_detail(fixture_text("korea_kr", "900000002.html"), detail_url("900000002"))
    assert page.title == '시험용 "따옴표" 제목 둘'
    assert page.published_at == datetime(2026, 7, 22, tzinfo=SEOUL)
    assert (page.ministry, page.ministry_code) == ("기후에너지환경부", None)
    assert page.body_text == "" and not is_substantive(page.body_text)
    assert [a.name for a in attachment_links(fixture_text("korea_kr", "900000002.html"), detail_url("900000002"))] == [
        "260722 두번째 자료.hwpx"
    ]


def test_missing_title_is_a_loud_error_naming_the_field():
    with pytest.raises(PageParseError) as caught:
        parse_detail(fixture_text("korea_kr", "900000003.html"), detail_url("900000003"))
    assert caught.value.field == "title" and "900000003" in str(caught.value)


def test_url_without_news_id_is_an_error():
    with pytest.raises(PageParseError, match="newsId"):
        parse_detail(fixture_text("korea_kr", "900000001.html"), "https://www.korea.kr/briefing/pressReleaseView.do")


def test_parse_errors_survive_pickling_from_a_worker_process():
    import pickle

    error = pickle.loads(pickle.dumps(PageParseError("http://x/?newsId=1", "title", "no h1")))
    assert (error.url, error.field, error.reason) == ("http://x/?newsId=1", "title", "no h1")


def test_attachment_urls_without_parsing_match_the_parsed_links():
    from briefing_spider.sites.korea_kr.detail import attachment_urls

    for news_id in ("900000001", "900000002"):
        html = fixture_text("korea_kr", f"{news_id}.html")
        parsed = tuple(link.url for link in attachment_links(html, detail_url(news_id)))
        assert attachment_urls(html, detail_url(news_id)) == parsed and parsed


def test_attachment_urls_read_quotes_entities_and_skip_other_mentions():
    from briefing_spider.sites.korea_kr.detail import attachment_urls

    html = (
        "<p>download.do is mentioned in text</p>"
        "<a HREF = '/common/download.do?fileId=7&amp;tblKey=GMN'>a</a>"
        '<a href="/common/download.do?tblKey=GMN">no file id</a>'
        '<a href="https://www.korea.kr/common/download.do?fileId=8&amp;tblKey=GMN">b</a>'
        '<a href="/common/download.do?fileId=7&amp;tblKey=GMN">same file again</a>'
    )
    assert attachment_urls(html, detail_url("1")) == (
        "https://www.korea.kr/common/download.do?fileId=7&tblKey=GMN",
        "https://www.korea.kr/common/download.do?fileId=8&tblKey=GMN",
    )


def test_list_in_other_markup_still_yields_dated_items_only():
    html = """<html><body><p>총 2 건</p><table class="board">
      <tr><td><a href="/briefing/pressReleaseView.do?newsId=900000011">표 형식 제목</a></td>
          <td>2026-07-22</td><td>외교부</td></tr>
      <tr><td><a href="/briefing/pressReleaseView.do?newsId=900000012"><strong>굵은 제목</strong></a></td>
          <td>2026.07.21</td></tr></table>
      <ul class="popular"><li><a href="/briefing/pressReleaseView.do?newsId=900000099">날짜 없는 인기 글</a></li></ul>
      </body></html>"""
    listing = parse_list(html, LIST_URL)
    assert [(e.news_id, e.title, e.listed_on) for e in listing.entries] == [
        ("900000011", "표 형식 제목", date(2026, 7, 22)),
        ("900000012", "굵은 제목", date(2026, 7, 21)),
    ]
    assert listing.total == 2


def test_detail_date_from_other_places_when_json_ld_and_info_are_missing():
    head = '<html><head><meta property="article:published_time" content="2026-07-22T09:30:00+09:00"></head>'
    page = parse_detail(head + '<body><div class="article_head"><h1>제목</h1></div></body></html>', detail_url("9"))
    assert page.published_at == datetime(2026, 7, 22, 9, 30, tzinfo=SEOUL)
    page = parse_detail(
        '<html><body><div class="article_head"><h1>제목</h1><p class="date">2026.07.21</p></div></body></html>',
        detail_url("9"),
    )
    assert page.published_at == datetime(2026, 7, 21, tzinfo=SEOUL)
    with pytest.raises(PageParseError, match="published_at"):
        parse_detail('<html><body><div class="article_head"><h1>제목</h1></div></body></html>', detail_url("9"))
