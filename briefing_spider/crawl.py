"""Run a crawl in this process: settings from the project, options from the caller."""

from __future__ import annotations

from dataclasses import dataclass

from scrapy.crawler import CrawlerProcess
from scrapy.utils.project import get_project_settings

from briefing_spider.pipelines import RUN_ID_STAT
from briefing_spider.spiders.korea_kr import KoreaKrPressSpider

# For a mirror you run yourself (tests, benchmarks): no delays, no throttling, many connections.
IMPOLITE = {
    "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY_JITTER": 0,
    "CONCURRENT_REQUESTS": 32, "CONCURRENT_REQUESTS_PER_DOMAIN": 32, "RETRY_BACKOFF_BASE": 0.05,
}


@dataclass(frozen=True)
class CrawlOutcome:
    unreachable: str | None  # the one-line reason when the site could not be reached at all
    finish_reason: str | None
    run_id: int | None


def run_crawl(*, db_path: str, since: str | None, until: str | None, base_url: str,
              limit: int | None, polite: bool = True, log_level: str = "CRITICAL",
              log_file: str | None = None, max_bytes: int | None = None,
              recheck: bool = False) -> CrawlOutcome:
    """Crawl in this process. Scrapy's log goes to `log_file` (or stderr) at `log_level`; by
    default only the caller's summary is shown, and errors are in the archive's crawl_errors."""
    settings = get_project_settings()
    settings.set("BRIEFING_DB", db_path)
    settings.set("LOG_LEVEL", log_level)
    if log_file:
        settings.set("LOG_FILE", log_file)
    if max_bytes:
        settings.set("DOWNLOAD_MAXSIZE", max_bytes)
    if not polite:
        settings.update(IMPOLITE)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(KoreaKrPressSpider)
    process.crawl(crawler, since=since, until=until, base_url=base_url, limit=limit, recheck=recheck)
    process.start()
    return CrawlOutcome(
        unreachable=getattr(crawler.spider, "unreachable", None),
        finish_reason=crawler.stats.get_value("finish_reason"),
        run_id=crawler.stats.get_value(RUN_ID_STAT),
    )
