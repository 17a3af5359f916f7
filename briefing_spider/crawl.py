"""Run a crawl in this process: settings from the package, options from the caller."""

from __future__ import annotations

from dataclasses import dataclass

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from briefing_spider import stats
from briefing_spider.run_outcome import run_failure
from briefing_spider.sites import DEFAULT_SITE, get_site

# For a mirror you run yourself (tests, benchmarks): no delays, no throttling, many connections.
IMPOLITE = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY_JITTER": 0,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
    "RETRY_BACKOFF_BASE": 0.05,
}


SETTINGS_MODULE = "briefing_spider.settings"


def crawl_settings() -> Settings:
    """The crawl's settings from the package itself (with the environment's overrides, see
    env.py) — not from a `scrapy.cfg` found from the working directory, which a crawl started
    elsewhere, or from a non-editable install, would not find (and would then run on Scrapy's
    defaults: no pipeline, no lock, no robots.txt)."""
    settings = Settings()
    settings.setmodule(SETTINGS_MODULE, priority="project")
    return settings


@dataclass(frozen=True)
class CrawlOutcome:
    unreachable: str | None  # the one-line reason when the site could not be reached at all
    finish_reason: str | None
    run_id: int | None
    api_error: str | None = None  # the open API's error (code, name, meaning) that stopped the crawl
    locked_out: str | None = None  # another run holds the archive: who
    failed: str | None = None  # it ran to the end but fetched nothing it asked for: why (run_outcome.py)


def run_crawl(
    *,
    db_path: str,
    since: str | None,
    until: str | None,
    base_url: str,
    limit: int | None,
    polite: bool = True,
    log_level: str = "CRITICAL",
    log_file: str | None = None,
    max_bytes: int | None = None,
    recheck: bool = False,
    api: dict | None = None,
    show_progress: bool = False,
    backfill: bool = False,
    site: str = DEFAULT_SITE,
    kinds: tuple[str, ...] | None = None,
) -> CrawlOutcome:
    """Crawl in this process. Scrapy's log goes to `log_file` (or stderr) at `log_level`; by
    default only the caller's summary is shown, and errors are in the archive's crawl_errors.
    With `api` ({"api_url": …, "api_key": …}) the site's open API is the source instead of its pages.
    `kinds`: the site's sections to crawl (None: the spider's default, every kind)."""
    settings = crawl_settings()
    settings.set("BRIEFING_DB", db_path)
    settings.set("LOG_LEVEL", log_level)
    if log_file:
        settings.set("LOG_FILE", log_file)
    if max_bytes:
        settings.set("DOWNLOAD_MAXSIZE", max_bytes)
    if not polite:
        settings.update(IMPOLITE)
    if show_progress:
        settings.set("EXTENSIONS", {**settings.getdict("EXTENSIONS"), "briefing_spider.progress.CrawlProgress": 500})
    process = CrawlerProcess(settings)
    chosen = get_site(site)
    spider, source = (chosen.spider("api"), api) if api else (chosen.spider("site"), {"base_url": base_url})
    if kinds is not None and not api:
        source["kinds"] = ",".join(kinds)
    crawler = process.create_crawler(spider)
    process.crawl(crawler, since=since, until=until, limit=limit, recheck=recheck, backfill=backfill, **source)
    process.start()
    return outcome_of(crawler)


def outcome_of(crawler) -> CrawlOutcome:
    """How a crawler's crawl went, read from its spider and stats once it has ended."""
    api_error = getattr(crawler.spider, "api_error", None)
    finish_reason = crawler.stats.get_value("finish_reason")
    return CrawlOutcome(
        unreachable=getattr(crawler.spider, "unreachable", None),
        finish_reason=finish_reason,
        run_id=crawler.stats.get_value(stats.RUN_ID),
        locked_out=crawler.stats.get_value(stats.LOCKED_OUT),
        api_error=str(api_error) if api_error else None,
        failed=crawler.stats.get_value(stats.RUN_FAILED) or run_failure(crawler.spider, finish_reason),
    )
