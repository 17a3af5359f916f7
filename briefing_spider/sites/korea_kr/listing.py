"""korea.kr press-release list pages (`pressReleaseList.do`), and the other briefing-room sections'
lists, read the same way with their own detail page in the links (`detail_path`; MARKUP.md [one]).

Links elsewhere on the page (popular, related) also point at `pressReleaseView.do`: an item
needs its `strong` title and a `span.source` date. Selectors follow MARKUP.md.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from parsel import Selector

from briefing_spider.contract import ListEntry, ListPage
from briefing_spider.parse.page_text import xml_safe
from briefing_spider.parse.site_time import find_date
from briefing_spider.sites.korea_kr.site import SITE, canonical_detail_url, clean_text, news_id_of

LIST_ITEMS = ".list_type li"
DETAIL_PAGE = "pressReleaseView.do"
LIST_ITEM_LINK = f'a[href*="{DETAIL_PAGE}"]'
LIST_TITLE = "strong"
LIST_SOURCE_SPANS = "span.source span"
LIST_LEAD = "span.lead"
# Without `.list_type`: any list item or table row linking a detail page (it must show a date).
FALLBACK_ITEMS = f"li:has({LIST_ITEM_LINK}), tr:has({LIST_ITEM_LINK})"
LIST_TOTAL = re.compile(r"총\s*([\d,]+)\s*건")
# The page's own count, not a `총 N 건` inside an item's lead (a lead is the whole release, flattened).
OUTSIDE_ITEMS = "//body//text()[not(ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' list_type ')])]"


def parse_list(html: str, page_url: str, detail_path: str | None = None, kind: str | None = None) -> ListPage:
    """A list page; `detail_path` (e.g. /briefing/policyBriefingView.do) for another section's list:
    its items link that page, and their `url` is on it; `kind`, the section's."""
    selector = Selector(text=xml_safe(html))
    link = LIST_ITEM_LINK if detail_path is None else f'a[href*="{detail_path.rsplit("/", 1)[-1]}"]'
    items = selector.css(LIST_ITEMS) or selector.css(f"li:has({link}), tr:has({link})")
    entries: dict[str, ListEntry] = {}
    for item in items:
        entry = _list_entry(item, page_url, link, detail_path, kind)
        if entry and entry.news_id not in entries:
            entries[entry.news_id] = entry
    total = LIST_TOTAL.search(" ".join(selector.xpath(OUTSIDE_ITEMS).getall()))
    return ListPage(total=int(total[1].replace(",", "")) if total else None, entries=tuple(entries.values()))


def _list_entry(
    item: Selector, page_url: str, link_css: str, detail_path: str | None, kind: str | None
) -> ListEntry | None:
    link = item.css(link_css)[:1]
    news_id = news_id_of(urljoin(page_url, link.attrib.get("href", ""))) if link else None
    title = _title(link[0]) if link else ""
    sources = [clean_text([t]) for t in item.css(f"{LIST_SOURCE_SPANS}::text").getall()]
    sources = [s for s in sources if s] or _dated_texts(item)
    listed_on = next((d for d in map(find_date, sources) if d), None)
    if not news_id or not title or listed_on is None:
        return None  # a related/popular link, not a list item: those lack title or date
    ministry = next((s for s in sources if not find_date(s)), None)
    lead = clean_text(item.css(f"{LIST_LEAD} ::text").getall()) or None
    url = canonical_detail_url(news_id) if detail_path is None else f"{SITE}{detail_path}?newsId={news_id}"
    return ListEntry(
        news_id=news_id, url=url, title=title, listed_on=listed_on, ministry=ministry, lead=lead, kind=kind
    )


def _title(link: Selector) -> str:
    """The link's `strong` text (the site's markup), else the link's own text."""
    return clean_text(link.css(f"{LIST_TITLE} ::text").getall()) or clean_text(link.css("::text").getall())


def _dated_texts(item: Selector) -> list[str]:
    """Without `span.source`: the item's text pieces that hold a date."""
    pieces = (clean_text([text]) for text in item.css("::text").getall())
    return [piece for piece in pieces if piece and find_date(piece)]
