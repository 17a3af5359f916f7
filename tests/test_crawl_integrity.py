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

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)

DAYS = days_from("2026-07-20", 1)
RANGE = ("--since", DAYS[0], "--until", DAYS[0])


@pytest.fixture
def releases():
    return synthetic_releases(DAYS, per_day=4, error_page_every=None)  # error pages: test_crawl.py


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
        (attachment,) = rows(
            db_path, "SELECT * FROM attachments WHERE news_id = ? AND name LIKE '%.hwpx'", [cut.news_id]
        )
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
        kinds = [e["kind"] for e in errors(db_path, 1)]  # the page counted once; its day is short of one
        assert sorted(kinds) == ["count_mismatch", "detail_unreadable"], first.stdout
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
    assert error["kind"] == "parse" and "no title" in error["reason"] and "built from an earlier" in error["reason"]
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
        last = again.stderr.strip().splitlines()[-1]  # the run's one file download failed: so did the run
        assert again.returncode == 1 and last.startswith("error: the only file download failed — OffsiteRedirect")
        found = {e["url"]: e for e in errors(db_path, 2)}
        assert f"{elsewhere.base_url}{detail_path(moved)}" in found[f"{mirror.base_url}{detail_path(moved)}"]["reason"]
        assert f"{other_host}{hwpx}" in found[f"{mirror.base_url}{hwpx}"]["reason"]
        assert run(db_path, 2)["errors"] == 3 and sorted(e["kind"] for e in found.values())[-1] == "run_failed"
        after = hashes(db_path)
        assert after.pop(moved_file.news_id) and after == {k: v for k, v in before.items() if k != moved_file.news_id}
        (attachment,) = rows(
            db_path, "SELECT * FROM attachments WHERE news_id = ? AND name LIKE '%.hwpx'", [moved_file.news_id]
        )  # still no bytes; the failure now names the redirect
        assert attachment["sha256"] is None and "OffsiteRedirect" in attachment["error"]
        assert not rows(
            db_path,
            "SELECT 1 FROM raw_responses WHERE url LIKE 'http://localhost%' OR url LIKE ?",
            [f"{elsewhere.base_url}%"],
        )
        mirror.redirect.clear()
        clean = crawl(mirror, db_path, *RANGE)
    assert clean.returncode == 0 and run(db_path, 3)["errors"] == 0  # one clean run restores everything
    assert hashes(db_path) == undisturbed(releases, tmp_path)


def test_a_cp949_page_without_a_charset_is_read_like_a_browser_and_mislabelled_never_replaces(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    legacy = releases[0]
    with Mirror(releases) as mirror:
        mirror.encodings[legacy.news_id] = ("cp949", "text/html")  # no charset, no <meta charset>
        first = crawl(mirror, db_path, *RANGE)
        assert first.returncode == 0 and run(db_path, 1)["errors"] == 0, first.stdout
        assert hashes(db_path) == undisturbed(releases, tmp_path)
        (row,) = rows(db_path, "SELECT title, ministry FROM briefings WHERE news_id = ?", [legacy.news_id])
        assert (row["title"], row["ministry"]) == (legacy.title, legacy.ministry)
        before = hashes(db_path)
        mirror.encodings[legacy.news_id] = ("cp949", "text/html; charset=utf-8")  # a wrong charset: U+FFFD
        mirror.releases[
            legacy.news_id
        ].body_html += "<p>고친 문장.</p>"  # other bytes (the same bytes keep their first headers)
        again = crawl(mirror, db_path, *RANGE)
    assert again.returncode == 0
    assert hashes(db_path) == before and rows(db_path, "SELECT count(*) AS n FROM revisions")[0]["n"] == 0
    (error,) = errors(db_path, 2)
    assert error["kind"] == "worse_copy" and "U+FFFD" in error["reason"]


def test_reparse_decodes_saved_pages_again(tmp_path, releases):
    """A record garbled by an earlier decoder is mended from the raw bytes by `briefing reparse`."""
    db_path = tmp_path / "briefings.db"
    legacy = releases[0]
    with Mirror(releases) as mirror:
        mirror.encodings[legacy.news_id] = ("cp949", "text/html")
        crawl(mirror, db_path, *RANGE)
    good = hashes(db_path)
    garbled = legacy.title.encode("cp949").decode("utf-8", "replace")
    db = Database(db_path)
    db.execute("UPDATE briefings SET title = ?, content_hash = 'garbled' WHERE news_id = ?", [garbled, legacy.news_id])
    db.conn.commit()
    reparse = run_cli("reparse", "--db", str(db_path), "--workers", "0")
    assert "1 updated, 3 unchanged, 0 errors" in reparse.stdout, reparse.stdout + reparse.stderr
    assert hashes(db_path) == good


def test_a_control_character_in_a_list_drops_nothing(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    releases[2].title = "제어\x0b문자\x01가 든 제목"
    with Mirror(releases) as mirror:
        result = crawl(mirror, db_path, *RANGE)
    assert result.returncode == 0 and run(db_path, 1)["errors"] == 0, result.stdout
    assert len(hashes(db_path)) == 4
    (day,) = rows(db_path, "SELECT site_total, archived FROM crawl_days WHERE run_id = 1 AND kind = 'press_release'")
    assert day["site_total"] == day["archived"] == 4
    (row,) = rows(db_path, "SELECT title FROM briefings WHERE news_id = ?", [releases[2].news_id])
    assert row["title"] == "제어 문자 가 든 제목"


def test_records_keep_www_korea_kr_urls_whatever_host_the_crawl_went_through(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    with Mirror(releases) as mirror:
        crawl(mirror, db_path, *RANGE)
        before = hashes(db_path)
        mirror.requests.clear()
        port = mirror.server.server_address[1]
        second = run_cli("crawl", "--base-url", f"http://localhost:{port}", "--db", str(db_path), "--no-polite", *RANGE)
        downloads = [p for p in mirror.requests if "download.do" in p]
    assert second.returncode == 0 and "0 new, 0 updated, 4 unchanged, 0 errors" in second.stdout, second.stdout
    assert hashes(db_path) == before and rows(db_path, "SELECT count(*) AS n FROM revisions")[0]["n"] == 0
    error_pages = [a for r in releases for a in r.attachments if a.name.endswith(".pdf")]
    assert len(downloads) == len(error_pages)  # files saved through 127.0.0.1 are not fetched again
    urls = [row["url"] for row in rows(db_path, "SELECT url FROM briefings UNION ALL SELECT url FROM attachments")]
    assert urls and all(url.startswith("https://www.korea.kr/") for url in urls)
    fetched = {row["url"].split("/")[2] for row in rows(db_path, "SELECT url FROM raw_responses")}
    assert fetched == {f"127.0.0.1:{port}", f"localhost:{port}"}  # the raw store keeps what was fetched


def test_reparse_moves_mirror_urls_to_www_korea_kr_without_revisions(tmp_path, releases):
    """An archive crawled through a mirror before records kept canonical URLs."""
    from briefing_spider.archive.save import content_hash, load_briefing

    db_path = tmp_path / "briefings.db"
    with Mirror(releases) as mirror:
        crawl(mirror, db_path, *RANGE)
        mirror_site = mirror.base_url
    canonical = hashes(db_path)
    db = Database(db_path)
    for table in ("briefings", "attachments"):
        db.execute(f"UPDATE {table} SET url = replace(url, 'https://www.korea.kr', ?)", [mirror_site])
    for news_id in canonical:
        db.execute(
            "UPDATE briefings SET content_hash = ? WHERE news_id = ?",
            [content_hash(load_briefing(db, "korea_kr", news_id)), news_id],
        )
    db.conn.commit()
    assert all(row["url"].startswith(mirror_site) for row in rows(db_path, "SELECT url FROM attachments"))
    reparse = run_cli("reparse", "--db", str(db_path), "--workers", "0")
    assert "0 new, 4 updated, 0 unchanged, 0 errors" in reparse.stdout, reparse.stdout + reparse.stderr
    assert hashes(db_path) == canonical
    assert rows(db_path, "SELECT count(*) AS n FROM revisions")[0]["n"] == 0


def test_a_record_whose_only_saved_page_was_cut_short_is_fetched_again(tmp_path, releases):
    """An archive from before the check: a rebuild marked the only saved page of a release as
    cut short; the next nightly run fetches that page again though the list shows nothing new."""
    db_path = tmp_path / "briefings.db"
    stale = releases[1]
    with Mirror(releases) as mirror:
        crawl(mirror, db_path, *RANGE)
        db = Database(db_path)
        db.execute(
            "UPDATE raw_responses SET error = 'unreadable: an HTML page without its closing </html>' "
            "WHERE news_id = ? AND role = 'detail'",
            [stale.news_id],
        )
        db.conn.commit()
        mirror.requests.clear()
        nightly = crawl(mirror, db_path, "--today", DAYS[0])
        details = [p for p in mirror.requests if "pressReleaseView" in p]
    assert nightly.returncode == 0
    with_error_pages = [r for r in releases if any(a.name.endswith(".pdf") for a in r.attachments)]
    assert stale not in with_error_pages  # those are fetched again while young anyway
    assert sorted(details) == sorted(detail_path(r) for r in [stale, *with_error_pages])
    assert (
        rows(
            db_path,
            "SELECT count(*) AS n FROM raw_responses WHERE news_id = ? AND role = 'detail' AND error IS NULL",
            [stale.news_id],
        )[0]["n"]
        == 1
    )


def test_a_list_page_cut_short_is_counted(tmp_path, releases):
    db_path = tmp_path / "briefings.db"
    with Mirror(releases) as mirror:
        listing = f"/briefing/pressReleaseList.do?startDate={DAYS[0]}&endDate={DAYS[0]}&period=direct&pageIndex=1"
        mirror.cut[listing] = "no-length"
        result = crawl(mirror, db_path, *RANGE)
        assert listing in mirror.requests
    assert result.returncode == 0
    assert any(e["kind"] == "list_unreadable" and e["url"].endswith(listing) for e in errors(db_path, 1))
