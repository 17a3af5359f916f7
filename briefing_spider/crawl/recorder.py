"""What a crawl writes to its archive, as the pipeline hands it over: every response saved raw
first; each release built from the raw store (in worker processes: BRIEFING_BUILD_WORKERS, 0 in
the crawl's own) and saved by the one writer; the run's counts and errors; at the end, the day
counts, a changed site, and the run's status. A bad page is counted and logged; the crawl goes on.
"""

from __future__ import annotations

import asyncio
import logging
import time

from sqlite_utils import Database

from briefing_spider.archive import open_archive, raw_dir_for
from briefing_spider.archive.machine import machine_cause
from briefing_spider.archive.raw import NOT_A_FILE, UNREADABLE, RawStore, save_fetched
from briefing_spider.archive.rebuild import build_pool, submit_build
from briefing_spider.archive.runs import CrawlRun, close_stale_runs, record_day_counts
from briefing_spider.archive.save import Worse, save_briefing
from briefing_spider.clock import now
from briefing_spider.crawl import stats
from briefing_spider.crawl.gaps import GapTally, gaps_of
from briefing_spider.crawl.items import Fetched, ReleaseComplete
from briefing_spider.crawl.outcome import FAILED_STATUS
from briefing_spider.crawl.spider import ArchiveSpider

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 5.0
CLOSE_STATUS = {"finished": "finished", "shutdown": "interrupted"}


class RunRecorder:
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
        self.flushed_at = 0.0
        self.gaps = GapTally()  # what the built releases of each kind lacked (crawl/gaps.py)
        self.unreadable_pages: set[str] = set()  # news ids whose page arrived cut short in this run

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
