"""Run a crawl in this process: settings from the package, options from the caller."""

from __future__ import annotations

from dataclasses import dataclass

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from briefing_spider.contract.registry import DEFAULT_SITE, get_site
from briefing_spider.crawl import stats
from briefing_spider.crawl.interrupt import Interrupt
from briefing_spider.crawl.outcome import ARCHIVE_EXIT, FAILED_EXIT, INTERRUPTED_EXIT, LOCKED_EXIT, UNREACHABLE_EXIT
from briefing_spider.crawl.spider import ArchiveSpider
from briefing_spider.crawl.spiders import spider_class

# For a mirror you run yourself (tests, benchmarks): no delays, no throttling, many connections.
IMPOLITE = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY_JITTER": 0,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
    "RETRY_BACKOFF_BASE": 0.05,
}


SETTINGS_MODULE = "briefing_spider.crawl.settings"


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
    stopped: str | None = None  # why a source stopped the crawl before its end (an open API's error)
    locked_out: str | None = None  # another run holds the archive: who
    failed: str | None = None  # it ran to the end but did not get what it asked for: why (outcome.py)
    machine: str | None = None  # the archive could not be written: why, in one line (archive/machine.py)
    machine_cause: str | None = None  # disk_full, not_writable, not_an_archive

    @property
    def why(self) -> str | None:
        """One line: why the crawl did not end well, or None."""
        return self.locked_out or self.machine or self.unreachable or self.stopped or self.failed

    def exit_code(self) -> int:
        """0 only for a run that finished and got what it asked for."""
        if self.locked_out:
            return LOCKED_EXIT
        if self.machine:
            return ARCHIVE_EXIT
        if self.unreachable:
            return UNREACHABLE_EXIT
        if self.stopped or self.failed:
            return FAILED_EXIT
        return INTERRUPTED_EXIT if self.finish_reason == "shutdown" else 0


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
    show_progress: bool = False,
    backfill: bool = False,
    site: str = DEFAULT_SITE,
    kinds: tuple[str, ...] | None = None,
    source: str = "site",
    key: str | None = None,
) -> CrawlOutcome:
    """Crawl in this process. Scrapy's log goes to `log_file` (or stderr) at `log_level`; by
    default only the caller's summary is shown, and errors are in the archive's crawl_errors.
    `source`: which of the site's sources (`Site.sources`: its pages, "site", or e.g. an open API)
    is read, at `base_url`, with `key` when it needs one. `kinds`: the site's sections to crawl
    (None: every kind the source gives)."""
    settings = crawl_settings()
    settings.set("BRIEFING_DB", db_path)
    settings.set("LOG_LEVEL", log_level)
    if log_file:
        settings.set("LOG_FILE", log_file)
    if max_bytes:
        settings.set("DOWNLOAD_MAXSIZE", max_bytes)
    if not polite:
        settings.update(IMPOLITE)
    if show_progress:  # a person (or a nightly log) is watching: failed kinds are told as they fail
        settings.set("BRIEFING_TELL", True)
        settings.set(
            "EXTENSIONS", {**settings.getdict("EXTENSIONS"), "briefing_spider.crawl.progress.CrawlProgress": 500}
        )
    process = CrawlerProcess(settings)
    arguments = {
        "since": since,
        "until": until,
        "base_url": base_url,
        "limit": limit,
        "recheck": recheck,
        "backfill": backfill,
        "kinds": ",".join(kinds) if kinds else None,
    }
    if key is not None:
        arguments["key"] = key
    crawler = process.create_crawler(spider_class(get_site(site), source))
    process.crawl(crawler, **arguments)
    Interrupt(process, crawler).install()  # Ctrl-C: said at once, stopped within seconds
    process.start(install_signal_handlers=False)
    return outcome_of(crawler)


def outcome_of(crawler) -> CrawlOutcome:
    """How a crawler's crawl went, read from its spider and stats once it has ended."""
    spider: ArchiveSpider = crawler.spider
    finish_reason = crawler.stats.get_value("finish_reason")
    return CrawlOutcome(
        unreachable=spider.unreachable,
        finish_reason=finish_reason,
        run_id=crawler.stats.get_value(stats.RUN_ID),
        locked_out=crawler.stats.get_value(stats.LOCKED_OUT),
        stopped=spider.stopped,
        machine=crawler.stats.get_value(stats.MACHINE),
        machine_cause=crawler.stats.get_value(stats.MACHINE_CAUSE),
        failed=crawler.stats.get_value(stats.RUN_FAILED)
        or (spider.run_failure() if finish_reason == "finished" else None),
    )
