"""A worse copy never replaces a good one, and bad bytes are errors (issue 9, items 2-5, 7).

Each test disturbs the local mirror the way a real fault would — a body cut short with or
without Content-Length, a redirect to another host, a page in CP949 without a charset, a
control character in a list — and checks what the archive holds afterwards: never worse than
before, the fault counted in crawl_runs and listed in crawl_errors, and one clean re-run
building exactly what an undisturbed crawl builds.
"""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from tests.crawl_helpers import crawl, run_cli
from tests.mirror_data import days_from, synthetic_releases
from tests.site import Mirror, download_url

DAYS = days_from("2026-07-20", 1)
RANGE = ("--since", DAYS[0], "--until", DAYS[0])


@pytest.fixture
def releases():
    return synthetic_releases(DAYS, per_day=4)


def rows(db_path, sql, params=()):
    return list(Database(db_path).query(sql, params))


def hashes(db_path) -> dict[str, str]:
    return {row["news_id"]: row["content_hash"] for row in rows(db_path, "SELECT news_id, content_hash FROM briefings")}


def undisturbed(releases, tmp_path) -> dict[str, str]:
    """The records an undisturbed crawl of the same releases builds."""
    db_path = tmp_path / "undisturbed.db"
    with Mirror(releases) as mirror:
        assert crawl(mirror, db_path, *RANGE).returncode == 0
    return hashes(db_path)


def errors(db_path, run_id: int) -> list[dict]:
    return rows(db_path, "SELECT kind, url, reason FROM crawl_errors WHERE run_id = ?", [run_id])


def run(db_path, run_id: int) -> dict:
    return rows(db_path, "SELECT * FROM crawl_runs WHERE id = ?", [run_id])[0]


def detail_path(release) -> str:
    return f"/briefing/pressReleaseView.do?newsId={release.news_id}"


@pytest.mark.parametrize("how", ["no-length", "with-length"])
def test_an_attachment_cut_short_is_an_error_and_fetched_again(tmp_path, releases, how):
    db_path = tmp_path / "briefings.db"
    cut = releases[1]
    hwpx = download_url(cut.attachments[0].file_id)
    with Mirror(releases) as mirror:
        mirror.cut[hwpx] = how
        first = crawl(mirror, db_path, *RANGE)
        assert first.returncode == 0, first.stderr
        (error,) = errors(db_path, 1)
        assert error["url"].endswith(hwpx) and error["kind"].startswith("attachment_")
        assert ("cut short" in error["reason"]) if how == "no-length" else error["kind"] == "attachment_download"
        assert run(db_path, 1)["errors"] == 1
        (attachment,) = rows(db_path, "SELECT * FROM attachments WHERE news_id = ? AND name LIKE '%.hwpx'",
                              [cut.news_id])
        assert attachment["sha256"] is None and "download failed" in attachment["error"]
        # the next nightly run fetches the file again and completes the record
        del mirror.cut[hwpx]
        mirror.requests.clear()
        again = crawl(mirror, db_path, "--today", DAYS[0])
        assert hwpx in mirror.requests
    assert again.returncode == 0 and run(db_path, 2)["errors"] == 0, again.stdout
    assert hashes(db_path) == undisturbed(releases, tmp_path)


@pytest.mark.parametrize("how", ["no-length", "with-length"])
def test_a_detail_page_cut_short_never_replaces_the_record(tmp_path, releases, how):
    db_path = tmp_path / "briefings.db"
    cut = releases[0]
    with Mirror(releases) as mirror:
        crawl(mirror, db_path, *RANGE)
        before = hashes(db_path)
        mirror.cut[detail_path(cut)] = how
        again = crawl(mirror, db_path, *RANGE)  # --since re-checks every listed release
        assert again.returncode == 0, again.stderr
    assert hashes(db_path) == before
    assert rows(db_path, "SELECT count(*) AS n FROM revisions")[0]["n"] == 0
    (error,) = errors(db_path, 2)
    assert error["url"].endswith(detail_path(cut)) and error["kind"].startswith("detail_")
    assert run(db_path, 2)["errors"] == 1 and run(db_path, 2)["updated"] == 0


def test_a_new_release_whose_page_is_cut_short_is_fetched_again_until_whole(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    cut = releases[2]
    with Mirror(releases) as mirror:
        mirror.cut[detail_path(cut)] = "no-length"
        first = crawl(mirror, db_path, *RANGE)
        assert cut.news_id not in hashes(db_path)  # no half record
        kinds = {e["kind"] for e in errors(db_path, 1)}
        assert "detail_unreadable" in kinds, first.stdout
        del mirror.cut[detail_path(cut)]
        crawl(mirror, db_path, "--today", DAYS[0])
    assert hashes(db_path) == undisturbed(releases, tmp_path)


def test_a_copy_that_lost_attachments_or_body_is_kept_out(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    with_body = releases[0]  # every third synthetic release has a page body
    with Mirror(releases) as mirror:
        crawl(mirror, db_path, *RANGE)
        before = hashes(db_path)
        served = mirror.releases[with_body.news_id]
        served.attachments, served.body_html = [], ""
        again = crawl(mirror, db_path, *RANGE)
    assert again.returncode == 0
    assert hashes(db_path) == before and rows(db_path, "SELECT count(*) AS n FROM revisions")[0]["n"] == 0
    (error,) = errors(db_path, 2)
    assert error["kind"] == "worse_copy" and with_body.news_id in error["url"]
    assert "stored record has" in error["reason"]


def test_a_block_page_after_a_good_one_falls_back_in_crawl_and_reparse(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    blocked = releases[3]
    with Mirror(releases) as mirror:
        crawl(mirror, db_path, *RANGE)
        before = hashes(db_path)
        mirror.garbage_details.add(blocked.news_id)  # a whole page, status 200, no title
        again = crawl(mirror, db_path, *RANGE)
    (error,) = errors(db_path, 2)
    assert error["kind"] == "worse_copy" and "does not parse" in error["reason"]
    reparse = run_cli("reparse", "--db", str(db_path), "--workers", "0")
    assert reparse.returncode == 0, reparse.stderr
    assert "0 updated, 4 unchanged, 0 errors" in reparse.stdout
    assert hashes(db_path) == before and again.returncode == 0


def test_a_redirect_to_another_host_is_an_error_naming_it_and_changes_nothing(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    moved, moved_file = releases[0], releases[1]
    hwpx = download_url(moved_file.attachments[0].file_id)
    impostor = synthetic_releases(DAYS, per_day=4)
    impostor[0].title = "다른 호스트의 제목"
    with Mirror(releases) as mirror, Mirror(impostor) as elsewhere:
        mirror.fail[hwpx] = [503] * 10  # failed in the first run: fetched again in the next
        crawl(mirror, db_path, *RANGE)
        before = hashes(db_path)
        mirror.fail.clear()
        mirror.redirect[detail_path(moved)] = f"{elsewhere.base_url}{detail_path(moved)}"
        other_host = f"http://localhost:{mirror.server.server_address[1]}"  # another host name, same server
        mirror.redirect[hwpx] = f"{other_host}{hwpx}"
        again = crawl(mirror, db_path, *RANGE)
        assert elsewhere.requests == []  # the other host was never asked
    assert again.returncode == 0
    found = {e["url"]: e for e in errors(db_path, 2)}
    detail_error = found[f"{mirror.base_url}{detail_path(moved)}"]
    assert f"{elsewhere.base_url}{detail_path(moved)}" in detail_error["reason"]
    file_error = found[f"{mirror.base_url}{hwpx}"]
    assert f"{other_host}{hwpx}" in file_error["reason"]
    assert run(db_path, 2)["errors"] == 2
    after = hashes(db_path)
    assert after.pop(moved_file.news_id) and after == {k: v for k, v in before.items() if k != moved_file.news_id}
    (attachment,) = rows(db_path, "SELECT * FROM attachments WHERE news_id = ? AND name LIKE '%.hwpx'",
                         [moved_file.news_id])  # still no bytes; the failure now names the redirect
    assert attachment["sha256"] is None and "OffsiteRedirect" in attachment["error"]
    assert not rows(db_path, "SELECT 1 FROM raw_responses WHERE url LIKE 'http://localhost%' OR url LIKE ?",
                    [f"{elsewhere.base_url}%"])
