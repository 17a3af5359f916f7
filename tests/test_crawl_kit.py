"""The crawl kit, the same for every site: korea.kr's press releases and the toy site (one
`Section`, a spider of two lines) are crawled by the same tests — a first crawl archives every
release with the site's day count, the next one fetches no page again, a struggling list is
retried, a failing page is counted and fetched again by the next crawl, and an unreachable host is
one line, exit 2, no archive."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.conftest import ROOT
from tests.crawl_helpers import CRAWL_TIMEOUT
from tests.fixtures.documents import make_hwpx
from tests.local_server import LocalServer
from tests.mirror_data import synthetic_releases
from tests.site import Mirror
from tests.toy_site.server import ToyNotice, ToyServer

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)

DAY = "2026-07-20"
WITH_TOY = (
    "import sys; from briefing_spider.contract.registry import register; from tests.toy_site import SITE; "
    "register(SITE); from briefing_spider.cli import cli; cli(sys.argv[1:])"
)


@dataclass(frozen=True)
class SiteUnderTest:
    name: str
    serve: Callable[[], LocalServer]
    command: tuple[str, ...]  # the CLI, with the site known to it
    releases: int  # on DAY
    detail_path: str  # a detail page's path starts so
    list_path: str
    first_detail: str  # one release's page (path and query)

    def crawl(self, base_url: str, db: Path, *args: str) -> subprocess.CompletedProcess:
        arguments = ["crawl", "--site", self.name, "--base-url", base_url, "--db", str(db), "--no-polite", *args]
        if self.name == "korea_kr":
            arguments += ["--kind", "press_release"]
        return subprocess.run([*self.command, *arguments], cwd=ROOT, capture_output=True, text=True,
                              timeout=CRAWL_TIMEOUT)  # fmt: skip


def toy_notices() -> list[ToyNotice]:
    return [
        ToyNotice(
            news_id=str(500 + n),
            title=f"장난감 공지 {n}",
            published_at=f"{DAY}T{9 + n:02d}:00:00+09:00",
            ministry="보건복지부",
            body="□ 보건복지부의 공지 본문. " + "합성 문장이다. " * 30,
            files=((f"{500 + n}.hwpx", make_hwpx([f"□ 첨부 {n}", "※ 주석"])),),
        )  # fmt: skip
        for n in range(12)  # more than a page of ten
    ]


SITES = [
    SiteUnderTest("korea_kr", lambda: Mirror(synthetic_releases([DAY], per_day=12, error_page_every=None)),
                  (sys.executable, "-m", "briefing_spider.cli"), 12, "/briefing/pressReleaseView.do",
                  "/briefing/pressReleaseList.do", "/briefing/pressReleaseView.do?newsId=910000003"),
    SiteUnderTest("toy", lambda: ToyServer(toy_notices()), (sys.executable, "-c", WITH_TOY), 12, "/notice/",
                  "/notices", "/notice/503"),
]  # fmt: skip


@pytest.fixture(params=SITES, ids=lambda site: site.name)
def site(request) -> SiteUnderTest:
    return request.param


def count(db: Path, sql: str) -> int:
    return Database(db).execute(sql).fetchone()[0]


def test_a_first_crawl_archives_the_day_with_its_count_and_the_next_fetches_no_page_again(site, tmp_path):
    db = tmp_path / "briefings.db"
    with site.serve() as server:
        first = site.crawl(server.base_url, db, "--since", DAY, "--until", DAY)
        assert first.returncode == 0, first.stderr
        assert f"{site.releases} new" in first.stdout
        asked = len(server.asked)
        nightly = site.crawl(server.base_url, db, "--today", DAY)
        again = server.asked[asked:]
    assert nightly.returncode == 0, nightly.stderr
    assert "0 new, 0 updated" in nightly.stdout
    assert not [path for path in again if path.startswith(site.detail_path)]  # no page fetched twice
    assert len([path for path in again if path.startswith(site.list_path)]) <= 8  # one list page a day
    assert count(db, f"SELECT count(*) FROM briefings WHERE site = '{site.name}'") == site.releases
    checked = Database(db).execute(f"SELECT site_total, archived FROM crawl_days WHERE day = '{DAY}'").fetchall()
    assert checked and all(total == archived == site.releases for total, archived in checked)


def test_a_struggling_list_is_retried_and_a_failing_page_is_counted_then_fetched_again(site, tmp_path):
    db = tmp_path / "briefings.db"
    with site.serve() as server:
        server.fail[site.first_detail] = [500] * 10  # more than the retries
        first = site.crawl(server.base_url, db, "--since", DAY, "--until", DAY)
        lists = [path for path in server.asked if path.startswith(site.list_path)]
        server.fail[lists[0]] = [503, 503]  # the next crawl's first list page struggles twice
        server.fail.pop(site.first_detail)
        second = site.crawl(server.base_url, db, "--since", DAY, "--until", DAY)
    assert first.returncode == 0, first.stderr
    assert f"{site.releases - 1} new" in first.stdout and "2 errors" in first.stdout
    errors = Database(db).execute("SELECT kind, url FROM crawl_errors WHERE run_id = 1 ORDER BY id").fetchall()
    assert [kind for kind, _ in errors] == ["detail_download", "count_mismatch"]  # the page, then the day short
    assert errors[0][1].endswith(site.first_detail)
    assert second.returncode == 0, second.stderr
    assert "1 new" in second.stdout
    assert count(db, f"SELECT count(*) FROM briefings WHERE site = '{site.name}'") == site.releases


def test_an_unreachable_host_is_one_line_and_no_archive(site, tmp_path):
    db = tmp_path / "briefings.db"
    result = site.crawl("http://127.0.0.1:9", db, "--since", DAY, "--until", DAY)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: cannot reach 127.0.0.1:9: ") and line.endswith("(the archive was not changed)")
    assert not db.exists()
