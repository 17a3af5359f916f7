"""A trivial Scrapy spider that only fetches a list of URLs: the throughput baseline.

At the end it prints the wall-clock time (seconds since the epoch) of its last response, so that
it can be timed to its last response like the crawl it is compared with."""

from __future__ import annotations

import sys
import time

import scrapy
from scrapy.crawler import CrawlerProcess

from briefing_spider.crawl.runner import IMPOLITE


class FetchOnlySpider(scrapy.Spider):
    name = "fetch_only"

    def __init__(self, urls: list[str], **kwargs):
        super().__init__(**kwargs)
        self.urls = urls
        self.last_response_at: float | None = None

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, callback=self.ignore, dont_filter=True)

    def ignore(self, response):
        self.last_response_at = time.time()
        return None


def main(url_file: str) -> None:
    urls = [line.strip() for line in open(url_file, encoding="utf-8") if line.strip()]
    process = CrawlerProcess(
        {
            **IMPOLITE,
            "LOG_LEVEL": "CRITICAL",
            "ROBOTSTXT_OBEY": True,
            "DOWNLOAD_MAXSIZE": 50 * 1024 * 1024,
            "HTTPERROR_ALLOWED_CODES": [404, 410],
        }
    )
    crawler = process.create_crawler(FetchOnlySpider)
    process.crawl(crawler, urls=urls)
    process.start()
    print(crawler.spider.last_response_at)


if __name__ == "__main__":
    main(sys.argv[1])
