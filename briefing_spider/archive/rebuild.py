"""Rebuild releases from the raw store: the crawl's pipeline and `briefing reparse` share this.

Reading the inputs (I/O) and saving the record (the one writer) happen in the calling process;
building the record — parsing the page, reading every attachment, extracting — is a pure
function of bytes, so it can run in worker processes while the caller goes on fetching.

A release is known by its key, (site, news id). Its source is the latest saved response of one
of its site's source roles (korea.kr: a detail page, `detail`, or an open-API item, `api_item`):
whichever was fetched last (archive/gather.py); the site reads it (`Site.read_source`). When it
does not parse (a block page served with status 200), the next older saved one is used.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime

from sqlite_utils import Database

from briefing_spider.archive.gather import (  # noqa: F401  (gather_inputs: part of this module's interface)
    DETAIL_ROLE,
    ReleaseInputs,
    SavedSource,
    gather_inputs,
)
from briefing_spider.archive.orphans import die_with_parent
from briefing_spider.archive.raw import RawStore
from briefing_spider.archive.save import save_briefing, save_briefings
from briefing_spider.contract.errors import PageParseError
from briefing_spider.contract.registry import get_site, source_roles
from briefing_spider.parse.assemble import AttachmentPart, build_release
from briefing_spider.parse.url_path import path_of
from briefing_spider.records import Release

ReleaseKey = tuple[str, str]  # (site, news_id)


@dataclass(frozen=True)
class Built:
    release: Release
    fell_back: str | None = None  # why the latest saved source was not used


def build_best(inputs: ReleaseInputs) -> Built:
    """Pure: the release from the latest saved source that parses (the latest, or an older
    one when it does not: `fell_back` says why). Raises the latest's PageParseError when none
    parses."""
    sources = [SavedSource(inputs.detail_url, inputs.detail_html, inputs.source), *inputs.older]
    failures: list[PageParseError] = []
    for source in sources:
        try:
            release = build_from_inputs(
                replace(inputs, detail_url=source.url, detail_html=source.text, source=source.role, older=())
            )
        except PageParseError as error:
            failures.append(error)
            continue
        fell_back = (
            f"the latest saved page does not parse ({failures[0]}): built from an earlier one" if failures else None
        )
        return Built(release=release, fell_back=fell_back)
    raise failures[0]


def build_from_inputs(inputs: ReleaseInputs) -> Release:
    """Pure: raises PageParseError when the page lacks a required field. Each attachment link
    the page names gets the part gathered for its path (saved through whatever host)."""
    site = inputs.site
    detail = site.read_source(inputs.source, inputs.detail_html, inputs.detail_url)
    by_path = {path_of(part.url): part for part in inputs.parts}
    parts = [
        replace(by_path[path_of(link.url)], link=link)
        if path_of(link.url) in by_path
        else AttachmentPart(link=link, error="not downloaded")
        for link in detail.attachments
    ]
    return build_release(detail, parts, site=site.name, section=site.section(detail.kind or site.kinds[0]))


def archived_release_ids(db: Database, *, site: str | None = None) -> list[ReleaseKey]:
    """Every (site, news id) with a saved source (detail page, API item), for `briefing reparse`;
    with `site`, that site's only."""
    roles = source_roles()
    rows = db.query(
        f"SELECT DISTINCT site, news_id FROM raw_responses WHERE role IN ({', '.join('?' for _ in roles)}) "
        "AND news_id IS NOT NULL AND site IS NOT NULL AND (? IS NULL OR site = ?) ORDER BY site, news_id",
        [*roles, site, site],
    )
    return [(row["site"], row["news_id"]) for row in rows]


def build_pool(workers: int | None) -> Executor | None:
    """Worker processes for `build_from_inputs` (None: build in this process). Workers ignore
    Ctrl-C (the parent decides how to stop), run at a lower priority than the crawl, and end
    when the process that started them ends, even by SIGKILL (archive/orphans.py)."""
    workers = default_workers() if workers is None else workers
    if workers <= 0:
        return None
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )


WORKER_NICENESS = 15  # the crawl's own process (fetching, saving) comes first for the CPU


def _start_worker(parent_pid: int) -> None:
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.nice(WORKER_NICENESS)


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


SAVE_BATCH = 50  # releases saved per transaction by `rebuild_many`


def rebuild_many(
    db: Database,
    store: RawStore,
    keys: Iterable[ReleaseKey],
    *,
    seen_at: datetime,
    pool: Executor | None,
    batch: int = SAVE_BATCH,
) -> Iterator[tuple[ReleaseKey, str | Exception]]:
    """((site, news_id), outcome or the error) for each release: built in `pool` a few at a time,
    saved here `batch` at a time (`save_briefings`), in order. A release that fails to build is
    reported and skipped; a batch that fails to save is saved again one release at a time, so
    only the bad release is lost."""
    window: deque[tuple[ReleaseKey, Future]] = deque()
    ahead = 2 * getattr(pool, "_max_workers", 1)
    built: list[tuple[ReleaseKey, Release | Exception]] = []
    for key in keys:
        window.append((key, submit_build(db, store, key, pool)))
        if len(window) > ahead:
            built.append(_result(*window.popleft()))
            if len(built) >= batch:
                yield from _save_batch(db, built, seen_at=seen_at)
                built = []
    while window:
        built.append(_result(*window.popleft()))
    yield from _save_batch(db, built, seen_at=seen_at)


def submit_build(db: Database, store: RawStore, key: ReleaseKey, pool: Executor | None) -> Future:
    """Gather the inputs here, build in `pool` (or here): a future of the `Built` release. The
    worker gets the `Site` with the inputs (its functions travel by their module's name)."""
    try:
        site_name, news_id = key
        inputs = gather_inputs(db, store, get_site(site_name), news_id)
        if pool is not None:
            return pool.submit(build_best, inputs)
        return _done(result=build_best(inputs))
    except Exception as error:  # reported with its release when the future is read
        return _done(error=error)


def _done(*, result=None, error: Exception | None = None) -> Future:
    future: Future = Future()
    future.set_exception(error) if error is not None else future.set_result(result)
    return future


def _result(key: ReleaseKey, future: Future) -> tuple[ReleaseKey, Release | Exception]:
    try:
        return key, future.result().release  # reparse uses an earlier page silently
    except Exception as error:
        return key, error


def _save_batch(
    db: Database, built: list[tuple[ReleaseKey, Release | Exception]], *, seen_at: datetime
) -> Iterator[tuple[ReleaseKey, str | Exception]]:
    """Save the releases of `built` in one transaction (one by one if that fails); yield every
    (news_id, outcome or error) of `built` in order."""
    releases = [release for _, release in built if not isinstance(release, Exception)]
    try:
        saved: list[str | Exception] = list(save_briefings(db, releases, seen_at=seen_at))
    except Exception:  # rolled back: find the bad release, keep the others
        saved = [_save_one(db, release, seen_at=seen_at) for release in releases]
    outcomes = iter(saved)
    for key, release in built:
        yield key, release if isinstance(release, Exception) else next(outcomes)


def _save_one(db: Database, release: Release, *, seen_at: datetime) -> str | Exception:
    try:
        return save_briefing(db, release, seen_at=seen_at)
    except Exception as error:
        return error
