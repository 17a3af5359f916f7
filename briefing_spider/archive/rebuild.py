"""Rebuild releases from the raw store: the crawl's pipeline and `briefing reparse` share this.

Reading the inputs (I/O) and saving the record (the one writer) happen in the calling process;
building the record — parsing the page, reading every attachment, extracting — is a pure
function of bytes, so it can run in worker processes while the caller goes on fetching.

A release's source is its latest saved detail page (role `detail`) or open-API item (role
`api_item`, one `<NewsItem>` element): whichever was fetched last.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterable, Iterator
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime

from sqlite_utils import Database

from briefing_spider.archive.raw import RawStore, latest_fetch, latest_of_role
from briefing_spider.ops.orphans import die_with_parent
from briefing_spider.archive.save import save_briefing, save_briefings
from briefing_spider.assemble import AttachmentPart, build_release
from briefing_spider.parse.korea_kr import AttachmentLink, attachment_urls, parse_detail
from briefing_spider.parse.korea_kr_api import attachment_links_of, detail_of, parse_api_item
from briefing_spider.records import Release

DETAIL_ROLE, API_ITEM_ROLE, API_LIST_ROLE = "detail", "api_item", "api_list"
SOURCE_ROLES = (DETAIL_ROLE, API_ITEM_ROLE)


@dataclass(frozen=True)
class ReleaseInputs:
    """Everything a release is built from: the saved detail page and its attachments' bytes."""

    news_id: str
    detail_url: str
    detail_html: str  # the detail page's HTML, or the API item's XML (source `api_item`)
    parts: tuple[AttachmentPart, ...]
    source: str = DETAIL_ROLE  # the raw role the release is built from


def gather_inputs(db: Database, store: RawStore, news_id: str) -> ReleaseInputs:
    """The latest saved detail page (or API item) of `news_id` with the latest good bytes of
    each attachment it links.

    Raises LookupError when neither is saved.
    """
    row = _latest_source(db, news_id)
    if row is None:
        raise LookupError(f"news id {news_id}: no detail page or API item in the raw store")
    text = store.get(row["sha256"]).decode("utf-8", "replace")
    urls = _attachment_urls(row["role"], text, row["url"])
    return ReleaseInputs(news_id=news_id, detail_url=row["url"], detail_html=text,
                         parts=tuple(_part(db, store, url) for url in urls), source=row["role"])


def build_from_inputs(inputs: ReleaseInputs) -> Release:
    """Pure: raises PageParseError when the page lacks a required field. Each attachment link
    the page names gets the part gathered for its URL."""
    if inputs.source == API_ITEM_ROLE:
        detail = detail_of(parse_api_item(inputs.detail_html.encode("utf-8")))
    else:
        detail = parse_detail(inputs.detail_html, inputs.detail_url)
    by_url = {part.url: part for part in inputs.parts}
    parts = [replace(by_url[link.url], link=link) if link.url in by_url
             else AttachmentPart(link=link, error="not downloaded") for link in detail.attachments]
    return build_release(detail, parts)


def archived_release_ids(db: Database) -> list[str]:
    """Every news id with a saved detail page or API item, for `briefing reparse`."""
    rows = db.query(
        "SELECT DISTINCT news_id FROM raw_responses WHERE role IN (?, ?) AND news_id IS NOT NULL "
        "ORDER BY news_id", SOURCE_ROLES,
    )
    return [row["news_id"] for row in rows]


def _latest_source(db: Database, news_id: str) -> dict | None:
    """The detail page or API item fetched last (a tie goes to the detail page)."""
    detail = latest_of_role(db, news_id, DETAIL_ROLE)
    api_item = latest_of_role(db, news_id, API_ITEM_ROLE)
    if api_item is None or (detail is not None and detail["last_fetched_at"] >= api_item["last_fetched_at"]):
        return detail
    return api_item


def _attachment_urls(role: str, text: str, url: str) -> tuple[str, ...]:
    if role == API_ITEM_ROLE:
        return tuple(link.url for link in attachment_links_of(parse_api_item(text.encode("utf-8"))))
    return attachment_urls(text, url)


def build_pool(workers: int | None) -> Executor | None:
    """Worker processes for `build_from_inputs` (None: build in this process). Workers ignore
    Ctrl-C (the parent decides how to stop), run at a lower priority than the crawl, and end
    when the process that started them ends, even by SIGKILL (ops/orphans.py)."""
    workers = default_workers() if workers is None else workers
    if workers <= 0:
        return None
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(os.getpid(),))


WORKER_NICENESS = 15  # the crawl's own process (fetching, saving) comes first for the CPU


def _start_worker(parent_pid: int) -> None:
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.nice(WORKER_NICENESS)


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


SAVE_BATCH = 50  # releases saved per transaction by `rebuild_many`


def rebuild_many(db: Database, store: RawStore, news_ids: Iterable[str], *, seen_at: datetime,
                 pool: Executor | None, batch: int = SAVE_BATCH) -> Iterator[tuple[str, str | Exception]]:
    """(news_id, outcome or the error) for each release: built in `pool` a few at a time,
    saved here `batch` at a time (`save_briefings`), in order. A release that fails to build is
    reported and skipped; a batch that fails to save is saved again one release at a time, so
    only the bad release is lost."""
    window: deque[tuple[str, Future]] = deque()
    ahead = 2 * getattr(pool, "_max_workers", 1)
    built: list[tuple[str, Release | Exception]] = []
    for news_id in news_ids:
        window.append((news_id, submit_build(db, store, news_id, pool)))
        if len(window) > ahead:
            built.append(_result(*window.popleft()))
            if len(built) >= batch:
                yield from _save_batch(db, built, seen_at=seen_at)
                built = []
    while window:
        built.append(_result(*window.popleft()))
    yield from _save_batch(db, built, seen_at=seen_at)


def submit_build(db: Database, store: RawStore, news_id: str, pool: Executor | None) -> Future:
    """Gather the inputs here, build in `pool` (or here): a future of the Release."""
    try:
        inputs = gather_inputs(db, store, news_id)
        if pool is not None:
            return pool.submit(build_from_inputs, inputs)
        return _done(result=build_from_inputs(inputs))
    except Exception as error:  # reported with its release when the future is read
        return _done(error=error)


def _done(*, result=None, error: Exception | None = None) -> Future:
    future: Future = Future()
    future.set_exception(error) if error is not None else future.set_result(result)
    return future


def _result(news_id: str, future: Future) -> tuple[str, Release | Exception]:
    try:
        return news_id, future.result()
    except Exception as error:
        return news_id, error


def _save_batch(db: Database, built: list[tuple[str, Release | Exception]], *,
                seen_at: datetime) -> Iterator[tuple[str, str | Exception]]:
    """Save the releases of `built` in one transaction (one by one if that fails); yield every
    (news_id, outcome or error) of `built` in order."""
    releases = [release for _, release in built if not isinstance(release, Exception)]
    try:
        saved: list[str | Exception] = list(save_briefings(db, releases, seen_at=seen_at))
    except Exception:  # rolled back: find the bad release, keep the others
        saved = [_save_one(db, release, seen_at=seen_at) for release in releases]
    outcomes = iter(saved)
    for news_id, release in built:
        yield news_id, release if isinstance(release, Exception) else next(outcomes)


def _save_one(db: Database, release: Release, *, seen_at: datetime) -> str | Exception:
    try:
        return save_briefing(db, release, seen_at=seen_at)
    except Exception as error:
        return error


def _part(db: Database, store: RawStore, url: str) -> AttachmentPart:
    """The latest good download of an attachment; a later failure never hides earlier bytes.
    With none, the latest answer (an error page is kept, typed by its bytes) or the failure.
    The link's name is filled in by `build_from_inputs` from the parsed page."""
    link = AttachmentLink(name="", url=url, file_id="")
    fetched = latest_fetch(db, url, ok_only=True) or latest_fetch(db, url)
    if fetched is None:
        return AttachmentPart(link=link, error="not downloaded")
    if fetched["status"] != 200 or fetched["error"]:
        return AttachmentPart(link=link, error=f"download failed: {fetched['error'] or 'HTTP %s' % fetched['status']}")
    return AttachmentPart(link=link, body=store.get(fetched["sha256"]), sha256=fetched["sha256"])
