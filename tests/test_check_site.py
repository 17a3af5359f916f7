"""`briefing check-site` against the test site: every kind's first list page and newest page read by
the site's parsers, field by field; a changed page exits 1 naming kind and field; no site, 2."""

from __future__ import annotations

from click.testing import CliRunner

from briefing_spider.cli import cli
from tests.mirror_data import synthetic_releases
from tests.site import Mirror
from tests.site_sections import synthetic_section_pages

DAY = "2026-07-22"


def mirror() -> Mirror:
    return Mirror(synthetic_releases([DAY], 3, error_page_every=None), section_pages=synthetic_section_pages(DAY))


def check(site: Mirror, *args: str):
    return CliRunner().invoke(cli, ["check-site", "--base-url", site.base_url, "--delay", "0", *args])


def test_every_kind_is_read_field_by_field():
    with mirror() as site:
        result = check(site)
        asked = list(site.requests)
    assert result.exit_code == 0, result.output
    for kind in ("press_release", "briefing", "fact_check", "state_council"):
        assert f"{kind}: {site.base_url}" in result.output
    assert "ok      ministry       관세청 (B00003)" in result.output  # the newest press release's
    assert "ok      body or file   page text" in result.output  # the cabinet meeting's agenda on its page
    assert "MISSING" not in result.output
    assert asked[0] == "/robots.txt" and len(asked) == 1 + 2 * 4  # a list page and a detail page a kind


def test_a_page_that_lost_its_title_is_a_changed_site():
    with mirror() as site:
        site.garbage_details.add("910000002")  # the newest press release: a page with no title
        result = check(site, "--kind", "press_release")
    assert result.exit_code == 1
    assert "MISSING title" in result.output
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("error: press_release: no title (http://127.0.0.1:") and "newsId=910000002" in last


def test_a_site_that_cannot_be_reached_is_one_line():
    result = CliRunner().invoke(cli, ["check-site", "--base-url", "http://127.0.0.1:9", "--delay", "0"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "error: cannot reach http://127.0.0.1:9: [Errno 111] Connection refused"
    ]
