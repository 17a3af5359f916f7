"""The archive pipeline: the crawl's lock and its archive checked before anything is fetched;
each item handed to the run's recorder (recorder.py: raw responses first, then each release built
from the raw store); a write refused for room or rights stops the crawl cleanly; the run's end
recorded once, whether the spider closed or the crawl was stopped at once (interrupt.py)."""

from __future__ import annotations

import asyncio
import logging
from contextlib import ExitStack

from scrapy import signals

from briefing_spider.archive.machine import (
    MIN_FREE_MB,
    NOT_WRITABLE,
    MachineError,
    NotAnArchive,
    check_writable,
    machine_cause,
    one_line,
)
from briefing_spider.archive.rebuild import default_workers
from briefing_spider.clock import now
from briefing_spider.crawl import stats
from briefing_spider.crawl.interrupt import stop_now
from briefing_spider.crawl.items import DayListed, Fetched, Problem, ReleaseComplete
from briefing_spider.crawl.recorder import RunRecorder
from briefing_spider.crawl.spider import ArchiveSpider
from briefing_spider.ops.lock import ArchiveLocked, crawl_lock

logger = logging.getLogger(__name__)


class ArchivePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.recorder = RunRecorder(crawler)
        self.db_path = self.recorder.db_path
        self.lock = ExitStack()
        self.ended = False  # the run's end is recorded (once: on close, or when stopped at once)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.stopped_at_once, signal=stop_now)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        """Take the archive's lock for the whole crawl, whoever started it (CLI, scrapy, scrapyd)."""
        command = f"crawl {self.crawler.spider.name}"
        workers = self.recorder.workers
        if workers == 0:
            logger.info("building releases in the crawl process (BRIEFING_BUILD_WORKERS=0)")
        else:
            logger.info("building releases in %d worker processes", workers or default_workers())
        try:
            self.lock.enter_context(crawl_lock(self.db_path, command=command, started_at=self.recorder.run.started_at))
            min_free = self.crawler.settings.getfloat("BRIEFING_MIN_FREE_MB", MIN_FREE_MB)
            check_writable(self.db_path, self.recorder.store.root, min_free_mb=min_free)  # before anything is fetched
        except ArchiveLocked as error:  # the spider sees this and starts nothing
            self.crawler.stats.set_value(stats.LOCKED_OUT, str(error))
            logger.error("%s", error)
        except (OSError, NotAnArchive) as error:  # nor this: the archive cannot be written here
            self.refuse(error)

    def refuse(self, error: Exception) -> None:
        """The archive cannot be written (a full disk, no rights, a file that is no archive): the
        crawl stops — before it starts, or as soon as a write fails — and says why in one line."""
        if self.crawler.stats.get_value(stats.MACHINE):
            return
        cause = machine_cause(error) or ("not_an_archive" if isinstance(error, NotAnArchive) else NOT_WRITABLE)
        message = str(error) if isinstance(error, (MachineError, NotAnArchive)) else one_line(self.db_path, error)
        self.crawler.stats.set_value(stats.MACHINE, message)
        self.crawler.stats.set_value(stats.MACHINE_CAUSE, cause)
        logger.error("%s", message)
        if self.crawler.engine is not None and self.crawler.engine.running:
            asyncio.ensure_future(self.crawler.engine.close_spider_async(reason=cause))

    async def process_item(self, item):
        if self.crawler.stats.get_value(stats.MACHINE):  # stopping: nothing more is written
            return item
        try:
            await self.process(item)
        except Exception as error:
            if machine_cause(error) is None:
                raise
            self.refuse(error)
        return item

    async def process(self, item) -> None:
        recorder = self.recorder
        if isinstance(item, Fetched):
            recorder.save_raw(item)
        elif isinstance(item, ReleaseComplete):
            await recorder.build(item)
        elif isinstance(item, DayListed):
            kind = item.kind or recorder.spider.site.kinds[0]
            recorder.site_totals[(kind, item.day.isoformat())] = item.total
        elif isinstance(item, Problem):
            recorder.error(url=item.url, kind=item.kind, reason=item.reason, at=now())
            logger.warning("%s %s: %s", item.kind, item.url, item.reason)

    def stopped_at_once(self) -> None:
        """The crawl is stopped before the spider could close (a second Ctrl-C, or the grace after
        the first ran out): the run's end is recorded now, as `interrupted`."""
        self.spider_closed(self.recorder.spider, "shutdown", wait=False)

    def spider_closed(self, spider: ArchiveSpider, reason: str, wait: bool = True) -> None:
        if self.ended:
            return
        self.ended = True
        failure = spider.run_failure() if reason == "finished" else None
        if failure:
            self.crawler.stats.set_value(stats.RUN_FAILED, failure)
            logger.error("the run failed: %s", failure)
        with self.lock:  # released last, after the run's record is written
            recorder = self.recorder
            if recorder.pool is not None:
                recorder.pool.shutdown(wait=wait, cancel_futures=True)
            if recorder.db is None:
                return
            try:
                recorder.record_end(spider, reason, failure)
            except Exception as error:
                if machine_cause(error) is None:
                    raise
                logger.error("the run's end could not be written (%s): the next crawl records it", error)
            finally:
                recorder.db.close()
