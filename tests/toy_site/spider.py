"""The toy site's spider: the list page → each notice page → its files, one after another.
Navigation only, like every spider: raw responses out, then `ReleaseComplete`."""

from __future__ import annotations

import scrapy

from briefing_spider.clock import now
from briefing_spider.items import Fetched, ReleaseComplete
from briefing_spider.run_outcome import RequestTally
from briefing_spider.site_hosts import site_hosts
from tests.toy_site import SITE
from tests.toy_site.pages import LIST_PATH, attachment_urls, parse_list


class ToySpider(scrapy.Spider):
    name = "toy_notices"
    site_name = SITE.name

    def __init__(
        self, since=None, until=None, base_url: str = SITE.base_url, limit=None, recheck=False, backfill=False, **kwargs
    ):
        super().__init__(**kwargs)
        self.since, self.until, self.limit = since, until, limit
        self.base_url = base_url.rstrip("/")
        self.site_hosts = site_hosts(SITE.hosts, self.base_url)
        self.tally = RequestTally()

    async def start(self):
        yield scrapy.Request(f"{self.base_url}{LIST_PATH}", callback=self.parse_list)

    def parse_list(self, response):
        yield self.fetched(response, "list")
        self.tally.good("list")
        for news_id, url in parse_list(response.text, response.url):
            yield scrapy.Request(url, callback=self.parse_detail, cb_kwargs={"news_id": news_id})

    def parse_detail(self, response, news_id: str):
        yield self.fetched(response, "detail", news_id)
        self.tally.good("detail")
        yield from self.next_file(news_id, response.url, list(attachment_urls("detail", response.text, response.url)))

    def next_file(self, news_id: str, detail_url: str, pending: list[str]):
        if not pending:
            yield ReleaseComplete(news_id=news_id, url=detail_url)
            return
        url = pending[0].replace(SITE.base_url, self.base_url, 1)  # the files, through the mirror
        yield scrapy.Request(
            url,
            callback=self.parse_file,
            dont_filter=True,
            meta={"news_id": news_id, "detail_url": detail_url, "pending": pending[1:]},
        )

    def parse_file(self, response):
        meta = response.meta
        yield self.fetched(response, "attachment", meta["news_id"])
        yield from self.next_file(meta["news_id"], meta["detail_url"], meta["pending"])

    def fetched(self, response, role: str, news_id: str | None = None) -> Fetched:
        headers = {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}
        return Fetched(
            url=response.url,
            status=response.status,
            body=response.body,
            fetched_at=now(),
            role=role,
            news_id=news_id,
            headers=headers,
        )

    def run_failure(self) -> str | None:
        return self.tally.failure()
