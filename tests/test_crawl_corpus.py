"""The crawl against a mirror serving the real attachments and real page bodies."""

from __future__ import annotations

import hashlib

import pytest
from sqlite_utils import Database

from tests.mirror_data import corpus_releases
from tests.site import Mirror
from tests.test_crawl import crawl

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)


def test_real_corpus_crawl_is_complete_faithful_and_idempotent(tmp_path, corpus):
    releases = corpus_releases(corpus)
    days = sorted({r.published_at.date().isoformat() for r in releases})
    db_path = tmp_path / "briefings.db"
    with Mirror(releases) as mirror:
        first = crawl(mirror, db_path, "--since", days[0], "--until", days[-1])
        second = crawl(mirror, db_path, "--since", days[0], "--until", days[-1])
    assert first.returncode == 0, first.stderr
    assert f"{len(releases)} new" in first.stdout
    assert f"0 new, 0 updated, {len(releases)} unchanged" in second.stdout
    db = Database(db_path)
    archived = {row["news_id"]: row for row in db.query("SELECT * FROM briefings")}
    assert set(archived) == {r.news_id for r in releases}
    for release in releases:
        row = archived[release.news_id]
        shown = " ".join(release.title.split())  # a browser collapses the runs of spaces a title may hold
        assert (row["title"], row["ministry"]) == (shown, release.ministry)
        assert row["published_at"] == release.published_at.isoformat()
        saved = list(
            db.query("SELECT sha256, kind FROM attachments WHERE news_id = ? ORDER BY position", [release.news_id])
        )
        assert [a["sha256"] for a in saved] == [hashlib.sha256(a.body).hexdigest() for a in release.attachments]
    kinds = {row["kind"] for row in db.query("SELECT kind FROM attachments")}
    assert kinds == {"hwpx", "hwp", "pdf", "html"}  # types from the bytes, whatever the names say
    with_text = db.execute("SELECT count(*) FROM briefings WHERE length(body_text) > 200").fetchone()[0]
    assert with_text >= len(releases) - 1  # one release has only HTML error pages for files
    sources = {row["body_source"] for row in db.query("SELECT DISTINCT body_source FROM briefings")}
    assert {"hwpx", "page"} <= sources
    # A release is all of its documents: 156754178's first HWPX is the attached opening speech;
    # its 참석자 list is in the 보도자료 PDF, and is read from there.
    speech_first = list(
        db.query(
            "SELECT p.organization, a.name FROM attendees p JOIN attachments a "
            "ON a.news_id = p.news_id AND a.position = p.attachment_position WHERE p.news_id = '156754178'"
        )
    )
    assert [row["organization"] for row in speech_first][1:3] == ["과기부", "농식품부"]
    assert {row["name"] for row in speech_first} == {"2. (보도자료) 제266차 대외경제장관회의.pdf"}
    assert (
        db.execute(
            "SELECT count(*) FROM attachments WHERE kind IN ('hwpx', 'hwp', 'pdf') AND error IS NULL AND text IS NULL"
        ).fetchone()[0]
        == 0
    )
