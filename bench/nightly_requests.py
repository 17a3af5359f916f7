"""Requests a nightly crawl makes beyond each new release's own detail page and attachments
(list pages, re-checks), per new release, over a simulated week of publishing and edits on the
local mirror. Goal: under 0.5 on a normal (week)day.

    python bench/nightly_requests.py [--per-weekday 100]

Each night: the day's releases appear (fewer at weekends; one in a hundred has a file the site
answers with an error page), a few releases of the day before appear late (approved in the
evening, after the last crawl), a few of two days before are retitled; then `briefing crawl --today DAY` runs with
no dates, as the nightly timer runs it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.mirror_data import synthetic_releases  # noqa: E402
from tests.site import Mirror  # noqa: E402

GOAL = 0.5
FIRST_NIGHT = date(2026, 7, 6)  # a Monday
LATE_POSTS, RETITLED = 3, 2
ERROR_PAGE_EVERY = 100


def releases_of(day: date, count: int, offset: int, *, hour: int | None = None) -> list:
    # about one release in a hundred has a file the site answers with an error page (as in the
    # real corpus of 2026-04-13)
    made = synthetic_releases([day.isoformat()], per_day=count, error_page_every=ERROR_PAGE_EVERY)
    for release in made:  # distinct ids per batch
        release.news_id = str(int(release.news_id) + offset)
        if hour is not None:
            release.published_at = release.published_at.replace(hour=hour)
        for attachment in release.attachments:
            attachment.file_id = f"{release.news_id}{attachment.file_id[-1]}"
    return made


def publish(mirror: Mirror, releases: list) -> None:
    for release in releases:
        mirror.releases[release.news_id] = release
        mirror.files.update({a.file_id: a for a in release.attachments})


def kind_of(path: str, new_ids: set[str], new_files: set[str]) -> str:
    if "pressReleaseList" in path:
        return "list"
    if "List.do" in path:  # the briefing room's other sections (a nightly run covers every kind)
        return "section_list"
    if "pressReleaseView" in path:
        return "detail_new" if path.split("newsId=")[1] in new_ids else "detail_recheck"
    if "download.do" in path:
        return "file_new" if path.split("fileId=")[1].split("&")[0] in new_files else "file_recheck"
    return "other"


def night(mirror: Mirror, db: Path, day: date, per_weekday: int, serial: int) -> Counter:
    count = per_weekday if day.weekday() < 5 else per_weekday // 10
    fresh = releases_of(day, count, offset=serial * 100_000)
    # approved late in the evening, after the night's crawl: at the top of the day's list
    late = releases_of(day - timedelta(days=1), LATE_POSTS, offset=serial * 100_000 + 50_000, hour=23)
    publish(mirror, fresh + late)
    older = [r for r in mirror.releases.values() if r.published_at.date() == day - timedelta(days=2)]
    for release in older[:RETITLED]:
        release.title += " (수정)"
    new_ids = {r.news_id for r in fresh + late}
    new_files = {a.file_id for r in fresh + late for a in r.attachments}
    mirror.requests.clear()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing_spider.cli",
            "crawl",
            "--no-polite",
            "--base-url",
            mirror.base_url,
            "--db",
            str(db),
            "--today",
            day.isoformat(),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    kinds = Counter(kind_of(p, new_ids, new_files) for p in mirror.requests if p != "/robots.txt")
    kinds["new_releases"] = len(new_ids)
    return kinds


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--per-weekday", type=int, default=100)
    args = options.parse_args()
    with Mirror([]) as mirror, tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch, "briefings.db")
        print("night       new  lists  section_lists  detail_new  file_new  detail_recheck  file_recheck  extra/new")
        for serial in range(7):
            day = FIRST_NIGHT + timedelta(days=serial)
            kinds = night(mirror, db, day, args.per_weekday, serial + 1)
            extra = kinds["list"] + kinds["section_list"] + kinds["detail_recheck"] + kinds["file_recheck"]
            ratio = extra / max(kinds["new_releases"], 1)
            verdict = ("OK" if ratio < GOAL else "OVER") if day.weekday() < 5 else "(weekend)"
            print(
                f"{day} {day:%a} {kinds['new_releases']:4d} {kinds['list']:6d} {kinds['section_list']:14d} {kinds['detail_new']:11d} "
                f"{kinds['file_new']:9d} {kinds['detail_recheck']:15d} {kinds['file_recheck']:13d} "
                f"{ratio:9.2f} {verdict}"
            )


if __name__ == "__main__":
    main()
