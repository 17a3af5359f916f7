"""A detail page's title as a browser shows it, from copies escaped differently (invented pages
in the 2026 template's shape: MARKUP.md)."""

from __future__ import annotations

import pytest

from briefing_spider.contract import PageParseError
from briefing_spider.sites.korea_kr.detail import parse_detail
from briefing_spider.sites.korea_kr.title import Copy, Title, decoded, page_title

URL = "https://www.korea.kr/briefing/pressReleaseView.do?newsId=900000011"
SHOWN = "가나 제도 &#039;27년까지 연장&middot;확대"  # as the heading's markup holds it: a browser shows ' and ·


def page(heading: str | None = SHOWN, *, headline: str, og: str, tooltip: bool = True) -> str:
    view_title = f'<div class="view_title"><h1>{heading}</h1></div>' if heading is not None else ""
    tip = '<i class="tooltip">부처별 뉴스 이동</i>' if tooltip else ""
    return (
        f"<html><head><title>{SHOWN} - 보도자료 | 브리핑룸 | 대한민국 정책브리핑</title>"
        f'<meta property="og:title" content="{og}">'
        f'<script type="application/ld+json">{{"headline": "{headline}", "datePublished": "2026-09-17T11:00:00+09:00"}}</script>'
        f"</head><body>{view_title}"
        f'<div class="article_head"><h2>부제목입니다</h2><div class="info"><span>2026.09.17</span>'
        f'<span><a class="gotosite" href="/news/ministryNewsList.do?repCode=A00006"> 국토교통부{tip}</a></span></div></div>'
        f'<div class="view_cont"><p class="remark">“이 자료는 국토교통부의 보도자료를 전재하여 제공함을 알려드립니다.”</p></div>'
        f"</body></html>"
    )


def test_copies_escaped_three_times_agree_with_the_heading():
    detail = parse_detail(page(headline="가나 제도 &amp;#039;27년까지 연장&amp;amp;middot;확대",
                               og="가나 제도 &amp;#039;27년까지 연장&amp;middot;확대"), URL)  # fmt: skip
    assert detail.title == "가나 제도 '27년까지 연장·확대"
    assert detail.warnings == ()
    assert (detail.ministry, detail.ministry_code, detail.subtitle) == ("국토교통부", "A00006", "부제목입니다")


def test_a_copy_that_disagrees_is_a_warning_and_the_heading_stays():
    detail = parse_detail(page(headline="가나 제도 연장", og="가나 제도 &#039;27년까지 연장&middot;확대"), URL)
    assert detail.title == "가나 제도 '27년까지 연장·확대"
    assert detail.warnings == ("title: headline reads '가나 제도 연장'",)


def test_without_a_heading_the_copy_decoded_in_fewest_rounds_wins():
    detail = parse_detail(page(None, headline="가나 &amp;amp;middot; 다라", og="가나 &middot; 다라"), URL)
    assert detail.title == "가나 · 다라" and detail.warnings == (
        'title: <title> reads "가나 제도 \'27년까지 연장·확대"',
    )


def test_without_a_heading_copies_that_all_disagree_are_an_error():
    with pytest.raises(PageParseError) as error:
        parse_detail(page(None, headline="가나", og="다라").replace(SHOWN, "마바"), URL)
    assert error.value.field == "title" and "disagree" in error.value.reason


def test_the_tooltip_is_not_part_of_the_ministry():
    assert parse_detail(page(headline=SHOWN, og=SHOWN, tooltip=True), URL).ministry == "국토교통부"
    assert parse_detail(page(headline=SHOWN, og=SHOWN, tooltip=False), URL).ministry == "국토교통부"


@pytest.mark.parametrize(
    "text, expected",
    [("가나 &amp;amp;middot; 다라", ("가나 · 다라", 3)), ("R&D 예산", ("R&D 예산", 0)), ("&lt;b&gt;", ("<b>", 1))],
)
def test_decoding_until_stable(text, expected):
    assert decoded(text) == expected


def test_no_copy_at_all():
    assert page_title([Copy("headline", "  ")]) is None


@pytest.mark.parametrize(
    "tab",
    [
        "가나 - 다라 - 보도자료 | 브리핑룸 | 대한민국 정책브리핑",  # the 2026 template
        "가나 - 다라 | 브리핑룸",  # the site's name alone: the heading's own ` - ` stays
    ],
)
def test_the_tabs_site_name_is_no_part_of_the_title(tab):
    assert page_title([Copy("view_title", "가나 - 다라"), Copy("<title>", tab)]) == Title("가나 - 다라", ())
