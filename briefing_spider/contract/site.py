"""The site contract: what the core needs to know of a site to crawl it, archive it and rebuild
its records — declarations and pure functions, no navigation.

A `Site` is a set of `Section`s (its kinds: each a list to walk and a detail page to read) and
the `Source`s a crawl can read it from (its pages; an open API). The crawl kit
(briefing_spider/crawl) walks every section's list the way the section declares it pages, fetches
each detail page and its attachments, and the archive builds a record from the saved bytes with
the section's `read_page`. Every function here is module-level and pure, so a `Site` can travel to
a build worker process by reference.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from urllib.parse import parse_qs, urlencode, urlsplit

from briefing_spider.contract.errors import PageParseError
from briefing_spider.contract.feed import Feed
from briefing_spider.contract.listing import ListPage
from briefing_spider.contract.page import DetailPage, KindParts, PageText
from briefing_spider.contract.roles import Role

ListParser = Callable[[str, str], ListPage]  # (html, url) → the list page; ValueError when unreadable
PageReader = Callable[[str, str], DetailPage]  # (html, url) → the detail page; PageParseError
UrlsReader = Callable[[str, str], tuple[str, ...]]  # (text, url) → attachment URLs, in page order
# (the release's text, wherever it is: the page body or the release document; its title; its day)
# → the kind's own parts: a transcript's speakers and remarks, the report a fact check answers…
PartsReader = Callable[[str, str | None, date | None], KindParts]
TextReader = Callable[[str, str | None], PageText]  # a saved page's text (no HTML), its URL → its shell


class Paging(StrEnum):
    QUERY = "query"  # GET the list with the page number in the query string
    FORM = "form"  # POST the list page's own form with the page number (a GET returns page 1 again)


class UnknownKind(ValueError):
    """A kind or an address that names no section of the site."""


@dataclass(frozen=True, kw_only=True)
class Section:
    """One kind of release on a site: where its list is, how it pages, where one page is."""

    kind: str  # the record's `kind`
    label: str  # the site's own name for it
    list_path: str
    detail_path: str  # with `id_param`: `detail_path?id_param=N`; without: `detail_path` + N
    parse_list: ListParser
    read_page: PageReader
    id_param: str | None = "newsId"
    dated: bool = False  # the list takes a date range: read day by day, its total is the day's count
    date_params: tuple[str, str] = ("startDate", "endDate")  # ISO dates, the range's first and last day
    list_params: Mapping[str, str] = field(default_factory=dict)  # sent with every list request
    page_param: str = "pageIndex"  # 1-based
    paging: Paging = Paging.QUERY
    form_id: str | None = None  # Paging.FORM: the id of the form the site posts (its fields are kept)
    max_pages: int = 2000  # a walk that reaches this many pages stops, as an error of the run
    attachment_urls: UrlsReader | None = None  # a fast reader of the page's file links; default: read_page's
    read_parts: PartsReader | None = None  # the kind's own parts, read from the release's text
    document_words: tuple[str, ...] = ()  # words of an attachment's name that mark it the kind's own text
    reports_events: bool = False  # its text reports the publisher's own events: participants are read

    def detail_url(self, news_id: str, origin: str) -> str:
        """The address of one of the section's pages on `origin` (only the id kept)."""
        if self.id_param is None:
            return f"{origin}{self.detail_path}{news_id}"
        return f"{origin}{self.detail_path}?{urlencode({self.id_param: news_id})}"

    def list_query(self, page: int, day: date | None = None) -> dict[str, str]:
        """The list's parameters for page `page` (of `day`, when the list is dated)."""
        query = {}
        if day is not None:
            first, last = self.date_params
            query = {first: day.isoformat(), last: day.isoformat()}
        return {**query, **self.list_params, self.page_param: str(page)}

    def lists(self, url: str) -> bool:
        """`url` is a page of this section's list (whatever its host, folder and query)."""
        page = urlsplit(url).path.rsplit("/", 1)[-1].split(";", 1)[0]
        return page == self.list_path.rsplit("/", 1)[-1]

    def news_id_in(self, url: str) -> str | None:
        """The id of the release whose page of this section `url` is (whatever its host, and for
        a query id whatever its folder: the same page is often under two), else None."""
        parts = urlsplit(url)
        if self.id_param is None:
            rest = parts.path[len(self.detail_path) :] if parts.path.startswith(self.detail_path) else ""
            return rest if rest and "/" not in rest else None
        page = parts.path.rsplit("/", 1)[-1].split(";", 1)[0]
        if page != self.detail_path.rsplit("/", 1)[-1]:
            return None
        values = parse_qs(parts.query).get(self.id_param)
        return values[0] if values and values[0].strip() else None


@dataclass(frozen=True, kw_only=True)
class Source:
    """Where a crawl of the site reads its releases from: its pages (its sections), or a machine
    source (`feed`). The crawl kit makes the spider (crawl/spiders.py); `spider` names a class of
    the site's own instead ("module:Class", a subclass of the kit's)."""

    spider_name: str  # `scrapy crawl <spider_name>`, and crawl_runs.arguments
    label: str  # one line for --help
    feed: Feed | None = None  # a machine source: read in date windows, page by page
    spider: str | None = None
    url: str | None = None  # its default address (an API endpoint), when not the site's own
    key_env: str | None = None  # the environment variable holding the key it needs, if any
    key_label: str = "a key"  # what that key is, for the error when it is missing
    kinds: tuple[str, ...] | None = None  # the kinds it gives; None: every kind of the site


ItemReader = Callable[[str, str], DetailPage]  # a machine item (UTF-8 text), its URL → the page


@dataclass(frozen=True, kw_only=True)
class Site:
    name: str  # records' `site`, e.g. korea_kr
    title: str  # for dataset and Datasette metadata
    base_url: str  # the canonical origin; records hold URLs on it; the default --base-url
    hosts: frozenset[str]  # the site's own hosts: nothing else is requested
    sections: tuple[Section, ...]  # its kinds; the first is the default
    sources: Mapping[str, Source]  # "site" (its pages) first
    items: Mapping[Role, ItemReader] = field(default_factory=dict)  # roles saved as machine items
    spider_module: str | None = None  # for Scrapy's SPIDER_MODULES (`scrapy crawl <name>`)
    read_text: TextReader | None = None  # a saved page's text, for `briefing parse FILE.txt --kind`

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(section.kind for section in self.sections)

    @property
    def source_roles(self) -> tuple[str, ...]:
        """The saved roles a release is built from, a page first (preferred on a tie)."""
        return (Role.DETAIL, *self.items)

    @property
    def item_roles(self) -> frozenset[str]:
        return frozenset(self.items)

    def section(self, kind: str) -> Section:
        for section in self.sections:
            if section.kind == kind:
                return section
        raise UnknownKind(f"site {self.name} has no kind {kind!r} (it has: {', '.join(self.kinds)})")

    def section_of_url(self, url: str) -> Section | None:
        return next((section for section in self.sections if section.news_id_in(url)), None)

    def section_of_list(self, url: str) -> Section | None:
        """The section whose list `url` is a page of, or None."""
        return next((section for section in self.sections if section.lists(url)), None)

    def page_url(self, news_id: str, kind: str | None = None) -> str:
        section = self.section(kind) if kind else self.sections[0]
        return section.detail_url(news_id, self.base_url)

    def read_source(self, role: str, text: str, url: str) -> DetailPage:
        """The release page of a saved source: an item by its reader, a page by the section its
        address names (the first section when it names none), at the section's canonical address
        on the site's origin whatever host served it. Raises PageParseError."""
        if role in self.items:
            return self.items[Role(role)](text, url)
        section = self.section_of_url(url) or self.sections[0]
        page = section.read_page(text, url)  # its record keeps the section's canonical address
        return replace(page, kind=page.kind or section.kind, url=section.detail_url(page.news_id, self.base_url))

    def attachment_urls(self, role: str, text: str, url: str) -> tuple[str, ...]:
        """The file URLs a saved source links, in its order (none when it does not parse)."""
        section = None if role in self.items else (self.section_of_url(url) or self.sections[0])
        if section is not None and section.attachment_urls is not None:
            return section.attachment_urls(text, url)
        try:
            page = self.read_source(role, text, url)
        except PageParseError:
            return ()
        return tuple(link.url for link in page.attachments)

    def source(self, name: str = "site") -> Source:
        try:
            return self.sources[name]
        except KeyError:
            raise UnknownSite(f"site {self.name} has no {name!r} source (it has: {', '.join(self.sources)})") from None


class UnknownSite(LookupError):
    pass
