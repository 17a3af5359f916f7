"""Archive pipeline: save each raw response first; when a release's parts are in, build the
record from the raw store and store it. A bad page is counted and logged; the crawl goes on.

Building (parsing, reading attachments) runs in worker processes (BRIEFING_BUILD_WORKERS;
0 builds in the crawl's own process), so the crawl keeps fetching meanwhile. Saving stays here.
"""

from __future__ import annotations

import asyncio
import logging
import time
from contextlib import ExitStack

from scrapy import signals
from sqlite_utils import Database

from briefing_spider.archive import open_archive, raw_dir_for
from briefing_spider.archive.machine import NOT_WRITABLE, MachineError, NotAnArchive, check_writable, machine_cause
from briefing_spider.archive.raw import NOT_A_FILE, UNREADABLE, RawStore, save_fetched
from briefing_spider.archive.rebuild import build_pool, default_workers, submit_build
from briefing_spider.archive.runs import CrawlRun, close_stale_runs, record_day_counts
from briefing_spider.archive.save import Worse, save_briefing
from briefing_spider.clock import now
from briefing_spider.crawl import stats
from briefing_spider.crawl.gaps import GapTally, gaps_of
from briefing_spider.crawl.interrupt import stop_now
from briefing_spider.crawl.items import DayListed, Fetched, Problem, ReleaseComplete
from briefing_spider.crawl.outcome import FAILED_STATUS
from briefing_spider.crawl.spider import ArchiveSpider
from briefing_spider.ops.lock import ArchiveLocked, crawl_lock

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 5.0
CLOSE_STATUS = {"finished": "finished", "shutdown": "interrupted"}


class ArchivePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.db_path = crawler.settings.get("BRIEFING_DB")
        self.db: Database | None = None
        self.store = RawStore(raw_dir_for(self.db_path))
        self.run = CrawlRun(started_at=now(), arguments={})
        workers = crawler.settings.get("BRIEFING_BUILD_WORKERS")
        self.workers = None if workers is None else int(workers)
        self.pool = None
        self.site_totals: dict[tuple[str, str], int | None] = {}  # (kind, day) → the site's count
        self.lock = ExitStack()
        self.flushed_at = 0.0
        self.gaps = GapTally()  # what the built releases of each kind lacked (crawl/gaps.py)
        self.unreadable_pages: set[str] = set()  # news ids whose page arrived cut short in this run
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.stopped_at_once, signal=stop_now)
        self.ended = False  # the run's end is recorded (once: on close, or when stopped at once)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        """Take the archive's lock for the whole crawl, whoever started it (CLI, scrapy, scrapyd)."""
        command = f"crawl {self.crawler.spider.name}"
        if self.workers == 0:
            logger.info("building releases in the crawl process (BRIEFING_BUILD_WORKERS=0)")
        else:
            logger.info("building releases in %d worker processes", self.workers or default_workers())
        try:
            self.lock.enter_context(crawl_lock(self.db_path, command=command, started_at=self.run.started_at))
            min_free = self.crawler.settings.getfloat("BRIEFING_MIN_FREE_MB", 20)
            check_writable(self.db_path, self.store.root, min_free_mb=min_free)  # before anything is fetched
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
        message = str(error) if isinstance(error, (MachineError, NotAnArchive)) else f"{self.db_path}: {_detail(error)}"
        self.crawler.stats.set_value(stats.MACHINE, message)
        self.crawler.stats.set_value(stats.MACHINE_CAUSE, cause)
        logger.error("%s", message)
        if self.crawler.engine is not None and self.crawler.engine.running:
            asyncio.ensure_future(self.crawler.engine.close_spider_async(reason=cause))

    @property
    def spider(self) -> ArchiveSpider:
        """The running spider: an ArchiveSpider (its window, tally and limit are read here)."""
        spider = self.crawler.spider
        if not isinstance(spider, ArchiveSpider):
            raise TypeError(f"{type(spider).__name__} is not an ArchiveSpider: the archive pipeline crawls sites")
        return spider

    @property
    def site_name(self) -> str:
        return self.spider.site.name

    def archive(self):
        """The archive is opened (and created) on the first item: an unreachable site touches nothing."""
        if self.db is None:
            spider = self.spider  # its window is settled by now (the spider's start)
            self.run.arguments = {
                "spider": spider.name,
                "site": spider.site_name,
                "since": spider.since.isoformat() if spider.since else None,
                "until": spider.until.isoformat() if spider.until else None,
                "base_url": spider.base_url,
                "limit": spider.limit,
            }
            self.db = open_archive(self.db_path)
            for stale in close_stale_runs(self.db, at=now()):  # we hold the lock: their crawls are gone
                logger.warning("run %d ended without recording its end: closed as interrupted", stale)
            self.crawler.stats.set_value(stats.RUN_ID, self.run.ensure_row(self.db))
        return self.db

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
        if isinstance(item, Fetched):
            self.save_raw(item)
        elif isinstance(item, ReleaseComplete):
            await self.build(item)
        elif isinstance(item, DayListed):
            kind = item.kind or self.spider.site.kinds[0]
            self.site_totals[(kind, item.day.isoformat())] = item.total
        elif isinstance(item, Problem):
            self.error(url=item.url, kind=item.kind, reason=item.reason, at=now())
            logger.warning("%s %s: %s", item.kind, item.url, item.reason)

    def save_raw(self, item: Fetched) -> None:
        """Save the response; a failed one, one that arrived cut short (`unreadable`), or a page
        served in place of a file — never taken for good bytes, so a later run fetches it
        again — is an error."""
        db = self.archive()
        saved = save_fetched(db, self.store, self.site_name, item)
        self.run.count("pages")
        self.run.count("bytes", len(item.body))
        if saved["error"] or item.status >= 400:
            reason = saved["error"] or f"HTTP {item.status}"
            problem = "unreadable" if reason.startswith(UNREADABLE) else "download"
            if problem == "unreadable" and item.role == "detail" and item.news_id:
                self.unreadable_pages.add(item.news_id)
            self.error(url=item.url, kind=f"{item.role}_{problem}", reason=reason, at=item.fetched_at)
            logger.warning("%s %s: %s", item.role, item.url, reason)
        elif saved["kind"] in NOT_A_FILE:  # a 200 page in place of the file: not good bytes, fetched again
            reason = f"the site answered an {saved['kind']} page instead of the file"
            self.error(url=item.url, kind="attachment_not_a_file", reason=reason, at=item.fetched_at)
            logger.warning("attachment %s: %s", item.url, reason)

    async def build(self, item: ReleaseComplete) -> None:
        db = self.archive()
        if self.pool is None and self.workers != 0:
            self.pool = build_pool(self.workers)
        try:
            built = await asyncio.wrap_future(submit_build(db, self.store, (self.site_name, item.news_id), self.pool))
            outcome = save_briefing(db, built.release, seen_at=now())
        except LookupError as error:
            if item.news_id in self.unreadable_pages:  # no whole page yet: counted once, as unreadable
                return
            self.build_failed(item, error)
            return
        except Exception as error:  # one bad page must not end the crawl; it is counted and logged
            if machine_cause(error) is not None:  # the archive's disk, not the page
                raise
            self.build_failed(item, error)
            return
        self.record_outcome(item, built, outcome)

    def build_failed(self, item: ReleaseComplete, error: Exception) -> None:
        reason = f"{type(error).__name__}: {error}"
        self.error(url=item.url, kind="parse", reason=reason, at=now(), release_kind=item.kind)
        logger.error(
            "could not build news id %s from %s: %s",
            item.news_id,
            item.url,
            reason,
            exc_info=not isinstance(error, (ValueError, LookupError)),
        )

    def record_outcome(self, item: ReleaseComplete, built, outcome: str) -> None:
        """Count the outcome; a fallback to an earlier page and a worse copy kept out are errors."""
        if built.fell_back:  # a parse error (block pages are told by it: ops/block_pages.py), record kept
            self.error(url=item.url, kind="parse", reason=built.fell_back, at=now(), release_kind=built.release.kind)
        if isinstance(outcome, Worse):  # the stored record is better: kept, no revision
            self.error(
                url=item.url,
                kind="worse_copy",
                at=now(),
                reason=f"not saved, the archive keeps its better record: the new copy has {outcome.reason}",
            )
            return
        self.run.count(outcome)
        self.crawler.stats.inc_value(stats.outcome(outcome))
        release = built.release
        self.gaps.add(release.kind, gaps_of(release, self.spider.site.section(release.kind)))
        if time.monotonic() - self.flushed_at >= FLUSH_SECONDS:  # the counts, for watchers
            self.run.flush(self.archive())
            self.flushed_at = time.monotonic()

    def error(self, *, url: str, kind: str, reason: str, at, release_kind: str | None = None) -> None:
        """Count an error in the run, list it in crawl_errors, show it in the progress line."""
        self.run.record_error(self.archive(), url=url, kind=kind, reason=reason, at=at, release_kind=release_kind)
        self.crawler.stats.inc_value(stats.outcome("errors"))

    def check_day_counts(self) -> None:
        """A day whose archived count differs from the site's `총 N 건` is a loud error."""
        run_id = self.run.ensure_row(self.archive())
        for day in record_day_counts(self.archive(), run_id, self.site_totals, site=self.site_name):
            reason = (
                f"the site lists {day['site_total']} releases of kind {day['kind']} on {day['day']}, "
                f"the archive holds {day['archived']}"
            )
            self.error(
                url=f"day:{day['day']}", kind="count_mismatch", reason=reason, at=now(), release_kind=day["kind"]
            )
            logger.warning(reason)

    def stopped_at_once(self) -> None:
        """The crawl is stopped before the spider could close (a second Ctrl-C, or the grace after
        the first ran out): the run's end is recorded now, as `interrupted`."""
        self.spider_closed(self.spider, "shutdown", wait=False)

    def spider_closed(self, spider: ArchiveSpider, reason: str, wait: bool = True) -> None:
        if self.ended:
            return
        self.ended = True
        failure = spider.run_failure() if reason == "finished" else None
        if failure:
            self.crawler.stats.set_value(stats.RUN_FAILED, failure)
            logger.error("the run failed: %s", failure)
        with self.lock:  # released last, after the run's record is written
            if self.pool is not None:
                self.pool.shutdown(wait=wait, cancel_futures=True)
            if self.db is None:
                return
            try:
                self.record_end(spider, reason, failure)
            except Exception as error:
                if machine_cause(error) is None:
                    raise
                logger.error("the run's end could not be written (%s): the next crawl records it", error)
            finally:
                self.db.close()

    def record_end(self, spider: ArchiveSpider, reason: str, failure: str | None) -> None:
        """The day counts, what looks like a changed site, why the run failed, and its status."""
        machine = self.crawler.stats.get_value(stats.MACHINE)
        if machine:  # the archive could not be written: the run failed, for that cause
            cause = self.crawler.stats.get_value(stats.MACHINE_CAUSE)
            reason = machine.removeprefix(f"{self.db_path}: ")
            self.run.fail_for(self.archive(), cause=cause, reason=reason, url=self.db_path, at=now())
            return
        if reason == "finished" and not spider.limit_reached:  # a limited crawl saw part of its days
            self.check_day_counts()
        for kind, change in self.gaps.changes():  # most pages of a kind lacked a field
            self.error(url=f"kind:{kind}", kind="site_changed", reason=change, at=now(), release_kind=kind)
            logger.warning(change)
        if failure:
            self.error(url=spider.base_url, kind="run_failed", reason=failure, at=now())
        self.run.finish(self.archive(), status=FAILED_STATUS if failure else CLOSE_STATUS.get(reason, reason), at=now())


def _detail(error: Exception) -> str:
    """An OS or SQLite error in a few words (the path is said beside it)."""
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror}" + (f" ({error.filename})" if error.filename else "")
    return str(error)
