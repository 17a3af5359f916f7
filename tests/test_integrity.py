"""The pure pieces behind the crawl's integrity rules (tests/test_crawl_integrity.py runs them
end to end): is a file whole, how saved pages are decoded, what makes a copy worse."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from scrapy.http import HtmlResponse

from briefing_spider.archive import open_archive
from briefing_spider.archive.gather import attachment_part as _part
from briefing_spider.archive.quality import differs_only_in_hosts, worse_than_stored
from briefing_spider.archive.raw import RawStore, save_fetched
from briefing_spider.crawl.items import Fetched, Problem
from briefing_spider.parse.documents.whole import damage
from briefing_spider.parse.page_text import decode_page, page_cut_short, xml_safe
from briefing_spider.parse.site_time import SEOUL
from briefing_spider.sites.korea_kr.listing import parse_list
from tests.fixtures.documents import ERROR_PAGE, make_hwpx
from tests.mirror_data import synthetic_releases
from tests.site import list_page
from tests.test_documents_pdf import pdf

SEEN = datetime(2026, 7, 20, 9, tzinfo=SEOUL)


@pytest.mark.parametrize("whole", [make_hwpx(["□ 문단"] * 50), pdf(["line one", "line two"])], ids=["hwpx", "pdf"])
def test_a_document_cut_short_is_damaged_and_a_whole_one_is_not(whole):
    assert damage(whole) is None
    for size in (len(whole) // 3, len(whole) // 2, len(whole) - 10):
        assert "cut short" in damage(whole[:size])


def test_a_real_hwp5_cut_short_is_damaged(corpus):
    originals = [path.read_bytes() for path in sorted((corpus / "korea_kr/govpress-2026-04-13/hwpx").glob("*.hwpx"))]
    hwp5 = [data for data in originals if data.startswith(b"\xd0\xcf\x11\xe0")]
    assert hwp5 and all(damage(data) is None for data in originals)  # no real file is called damaged
    for data in hwp5:
        assert damage(data[: len(data) // 2]) and damage(data[: int(len(data) * 0.9)])


def test_error_pages_and_other_bytes_are_not_judged_here():
    assert damage(ERROR_PAGE) is None and damage(b"") is None and damage(b"\x89PNG....") is None


def test_pages_decode_like_a_browser():
    page = "<html><head><title>정책브리핑</title></head><body>외교부</body></html>"
    assert decode_page(page.encode("cp949"), {"Content-Type": "text/html"}) == page  # detected
    assert decode_page(page.encode("utf-8"), {}) == page
    meta = page.replace("<head>", '<head><meta charset="euc-kr">')
    assert decode_page(meta.encode("cp949"), {"content-type": "text/html"}) == meta  # <meta> charset
    assert "\ufffd" in decode_page(page.encode("cp949"), {"Content-Type": "text/html; charset=utf-8"})  # header wins


def test_control_characters_become_spaces_and_a_list_keeps_its_entries():
    assert xml_safe("a\x00b\x0bc\x1fd\te\nf") == "a b c d\te\nf"
    releases = synthetic_releases(["2026-07-20"], per_day=3)
    releases[1].title = "제어\x0b문자"
    listing = parse_list(list_page(releases, total=3, page=1), "http://127.0.0.1:1/briefing/pressReleaseList.do")
    assert len(listing.entries) == 3 and listing.entries[1].title == "제어 문자"
    assert all(entry.url.startswith("https://www.korea.kr/") for entry in listing.entries)


def test_a_page_without_its_closing_html_is_cut_short():
    assert page_cut_short(b"<html><body><div>half") and page_cut_short(b"<html></html>\n") is None
    assert page_cut_short(b"") is None


def record(**changes) -> dict:
    base = {
        "title": "제목",
        "body_text": "본문",
        "ministry": {"name": "외교부"},
        "url": "https://www.korea.kr/v?newsId=1",
        "attachments": [{"name": "a.hwpx", "url": "https://www.korea.kr/d?fileId=1", "text": "글"}],
    }
    return {**base, **changes}


@pytest.mark.parametrize(
    "changes, reason",
    [
        ({"body_text": ""}, "no body text"),
        ({"ministry": None}, "no ministry"),
        ({"attachments": []}, "0 attachments"),
        ({"attachments": [{"name": "a.hwpx", "url": "https://www.korea.kr/d?fileId=1", "text": None}]}, "0 readable"),
        ({"title": "\ufffd\ufffd"}, "U+FFFD"),
    ],
)
def test_a_copy_that_lost_something_is_worse(changes, reason):
    assert reason in worse_than_stored(record(**changes), record())


def test_edits_are_not_worse():
    assert worse_than_stored(record(title="고친 제목", body_text="고친 본문"), record()) is None
    assert worse_than_stored(record(), record(body_text="")) is None  # gaining a body is better
    assert worse_than_stored(record(title="바른 제목"), record(title="\ufffd")) is None


def test_a_host_only_change_is_told_apart():
    mirrored = record(
        url="http://127.0.0.1:8/v?newsId=1",
        attachments=[{"name": "a.hwpx", "url": "http://127.0.0.1:8/d?fileId=1", "text": "글"}],
    )
    assert differs_only_in_hosts(record(), mirrored)
    assert not differs_only_in_hosts(record(title="다른"), mirrored) and not differs_only_in_hosts(record(), record())


def test_bytes_saved_cut_short_before_the_check_are_passed_over_and_marked(tmp_path):
    db = open_archive(tmp_path / "briefings.db")
    store = RawStore(tmp_path / "raw")
    whole = make_hwpx(["□ 문단"] * 50)
    url = "http://127.0.0.1:1/common/download.do?fileId=1&tblKey=GMN"
    save_fetched(db, store, "korea_kr", Fetched(url=url, status=200, body=whole, fetched_at=SEEN, role="attachment"))
    later = datetime(2026, 7, 21, 9, tzinfo=SEOUL)
    cut = save_fetched(
        db, store, "korea_kr", Fetched(url=url, status=200, body=whole[:500], fetched_at=later, role="attachment")
    )
    assert cut["error"].startswith("unreadable: ")  # saved now: never good bytes
    db.execute("UPDATE raw_responses SET error = NULL WHERE sha256 = ?", [cut["sha256"]])  # as an old archive holds it
    db.conn.commit()
    part = _part(db, store, "https://www.korea.kr/common/download.do?fileId=1&tblKey=GMN")  # any host finds it
    assert part.body == whole
    assert (
        db.execute("SELECT error FROM raw_responses WHERE sha256 = ?", [cut["sha256"]])
        .fetchone()[0]
        .startswith("unreadable")
    )


def test_a_list_page_that_does_not_parse_is_a_counted_problem():
    from dataclasses import replace

    from briefing_spider.contract.registry import get_site
    from briefing_spider.crawl.spiders import spider_class
    from briefing_spider.crawl.walker import Walk

    KoreaKrSpider = spider_class(get_site("korea_kr"))

    def broken(html, url):
        raise ValueError("All strings must be XML compatible")

    spider = KoreaKrSpider(base_url="http://127.0.0.1:1", since="2026-07-20", until="2026-07-20")
    section = replace(KoreaKrSpider.site.section("press_release"), parse_list=broken)
    url = "http://127.0.0.1:1/briefing/pressReleaseList.do?startDate=2026-07-20"
    items = list(spider.parse_list(HtmlResponse(url, body=b"<html></html>"), walk=Walk(section, date(2026, 7, 20))))
    assert isinstance(items[0], Fetched)
    reason = "press_release: ValueError: All strings must be XML compatible"
    assert items[1:] == [Problem(url=url, kind="list_parse", reason=reason)]


def test_only_the_site_hosts_and_the_base_url_host_are_allowed():
    from briefing_spider.contract.registry import get_site
    from briefing_spider.crawl.site_hosts import is_site_host, site_hosts

    allowed = site_hosts(get_site("korea_kr").hosts, "http://127.0.0.1:8000")
    assert is_site_host("https://www.korea.kr/x", allowed) and is_site_host("http://korea.kr/x", allowed)
    assert is_site_host("http://127.0.0.1:8000/x", allowed)
    assert not is_site_host("http://127.0.0.1:9000/x", allowed) and not is_site_host("http://evil.kr/x", allowed)
    assert not is_site_host("https://www.korea.kr.evil.com/x", allowed)
