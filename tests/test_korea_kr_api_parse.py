"""The open API parser: pages, items, the record mapping, and every error the API gives."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from briefing_spider.parse.site_time import SEOUL
from briefing_spider.sites.korea_kr.api import ApiError, detail_of, parse_api_item, parse_api_page
from tests.api_mock import ApiMock, cdata, gateway_error, service_answer
from tests.site import MirrorAttachment, MirrorRelease

RELEASE = MirrorRelease(
    news_id="156753088",
    title="중소·벤처기업 공시부담 완화 & 자본시장법 개정",
    published_at=datetime(2026, 4, 7, 12, 0, 5, tzinfo=SEOUL),
    ministry="금융위원회",
    body_html="<p>□ 금융위원회는 소액공모 범위를 확대한다.</p><p>둘째 문단.</p>",
    attachments=[
        MirrorAttachment(file_id="198424993", name="260407 보도자료.hwpx", body=b"x"),
        MirrorAttachment(file_id="198424994", name="260407 보도자료.pdf", body=b"y"),
    ],
)


def page_of(*releases: MirrorRelease, total: int | None = None) -> bytes:
    mock = ApiMock(releases)
    try:
        items = [mock.news_item(r) for r in releases]
    finally:
        mock.server.server_close()
    return service_answer("00", "NORMAL SERVICE.", items=items, paging=(10, 1, total or len(releases)))


def test_a_page_gives_items_and_paging():
    page = parse_api_page(page_of(RELEASE, total=25))
    assert (page.page_no, page.num_of_rows, page.total_count) == (1, 10, 25)
    (item,) = page.items
    assert item.news_id == "156753088"
    assert item.title == "중소·벤처기업 공시부담 완화 & 자본시장법 개정"  # entities in the CDATA unescaped
    assert item.ministry == "금융위원회"
    assert [name for name, _ in item.files] == ["260407 보도자료.hwpx", "260407 보도자료.pdf"]
    assert parse_api_item(item.xml) == item  # the saved element reads back to the same item


def test_an_item_maps_to_the_detail_page_the_html_parser_gives():
    (item,) = parse_api_page(page_of(RELEASE)).items
    detail = detail_of(item)
    assert detail.url == "https://www.korea.kr/briefing/pressReleaseView.do?newsId=156753088"
    assert detail.published_at == RELEASE.published_at
    assert detail.modified_at == RELEASE.published_at
    assert (detail.ministry, detail.ministry_code) == ("금융위원회", None)
    assert "전재하여" not in detail.body_text and "전재하여" not in detail.body_html  # the site's notice is cut
    assert detail.body_text.startswith("□ 금융위원회는 소액공모 범위를 확대한다.")
    assert [(a.name, a.file_id) for a in detail.attachments] == [
        ("260407 보도자료.hwpx", "198424993"),
        ("260407 보도자료.pdf", "198424994"),
    ]
    assert detail.attachments[0].url.endswith("/common/download.do?tblKey=GMN&fileId=198424993")


def test_nodata_is_an_empty_page_not_an_error():
    for code in ("3", "03"):
        page = parse_api_page(service_answer(code, "NODATA_ERROR"))
        assert page.items == () and page.total_count == 0


@pytest.mark.parametrize(
    "body, status, code, name",
    [
        (service_answer("98", "THREE_DAYS_OVER_ERROR"), 200, "98", "THREE_DAYS_OVER_ERROR"),
        (gateway_error("30"), 403, "30", "SERVICE_KEY_IS_NOT_REGISTERED_ERROR"),
        (gateway_error("30"), 200, "30", "SERVICE_KEY_IS_NOT_REGISTERED_ERROR"),
        (gateway_error("31"), 200, "31", "DEADLINE_HAS_EXPIRED_ERROR"),
        (gateway_error("22"), 200, "22", "LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR"),
        (gateway_error("20"), 403, "20", "SERVICE_ACCESS_DENIED_ERROR"),
        (b"<html><body>Unexpected errors</body></html>", 500, "HTTP 500", "UNREADABLE_RESPONSE"),
        (b"", 502, "HTTP 502", "UNREADABLE_RESPONSE"),
    ],
)
def test_errors_name_their_code_and_meaning(body, status, code, name):
    with pytest.raises(ApiError) as raised:
        parse_api_page(body, status=status)
    assert (raised.value.code, raised.value.name) == (code, name)
    assert str(raised.value).startswith(f"API error {code} {name}: ")


def test_meanings_say_what_to_do():
    messages = {}
    for code in ("30", "31", "22"):
        with pytest.raises(ApiError) as raised:
            parse_api_page(gateway_error(code))
        messages[code] = raised.value.meaning
    assert "not registered" in messages["30"] and "expired" in messages["31"] and "daily" in messages["22"]
    with pytest.raises(ApiError, match="longer than 3 days"):
        parse_api_page(service_answer("98", "THREE_DAYS_OVER_ERROR"))


def test_items_under_items_item_and_unpaired_file_names():
    item = (
        "<item><NewsItemId>1</NewsItemId><Title>" + cdata("제목") + "</Title>"
        "<ApproveDate>04/14/2026 15:37:19</ApproveDate><FileName>a.hwpx</FileName>"
        "<FileUrl>https://www.korea.kr/common/download.do?tblKey=GMN&amp;fileId=7</FileUrl>"
        "<FileName>orphan.pdf</FileName><FileUrl></FileUrl></item>"
    )
    body = f"<response><header><resultCode>0</resultCode></header><body><items>{item}</items></body></response>"
    (parsed,) = parse_api_page(body.encode()).items
    assert parsed.files == (("a.hwpx", "https://www.korea.kr/common/download.do?tblKey=GMN&fileId=7"),)
    detail = detail_of(parsed)
    assert detail.published_at.isoformat() == "2026-04-14T15:37:19+09:00"
    assert detail.body_text == "" and detail.modified_at is None


def test_the_real_data_contents_body(corpus):
    """The real `DataContents` of 156753088 (read in place) becomes a page body."""
    page = (corpus / "korea_kr" / "api" / "DataContents_156753088.html").read_text(encoding="utf-8")
    contents = re.search(r'<div class="content">(.*)</div>\s*</body>', page, re.S)[1]
    release = MirrorRelease(
        news_id="156753088", title="t", published_at=RELEASE.published_at, ministry="금융위원회", body_html=contents
    )
    (item,) = parse_api_page(page_of(release)).items
    detail = detail_of(item)
    assert "소액공모 범위 확대" in detail.body_text
    assert "&middot;" not in detail.body_text and "중소·벤처기업" in detail.body_text
    assert "전재하여" not in detail.body_text
