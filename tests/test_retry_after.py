"""`Retry-After` on 429/503 is waited out (seconds or an HTTP date), capped by RETRY_BACKOFF_MAX."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from scrapy import Request, Spider
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from briefing_spider.crawl.middlewares import BACKOFF_META, BackoffRetryMiddleware, retry_after_seconds
from tests.crawl_helpers import crawl
from tests.mirror_data import days_from, synthetic_releases
from tests.site import Mirror

pytestmark = pytest.mark.crawl  # subprocesses against the local test site (CONTRIBUTING.md)

NOW = datetime(2026, 7, 20, 3, 0, 0, tzinfo=UTC)
DAY = days_from("2026-07-20", 1)[0]


@pytest.mark.parametrize(
    "value, seconds",
    [
        ("120", 120.0),
        (" 3 ", 3.0),
        ("Mon, 20 Jul 2026 03:00:30 GMT", 30.0),
        ("Mon, 20 Jul 2026 02:59:00 GMT", 0.0),
        ("soon", None),
        ("", None),
        (None, None),
        ("-5", None),
    ],
)
def test_retry_after_values(value, seconds):
    assert retry_after_seconds(value, now=NOW) == seconds


def middleware(**settings):
    crawler = get_crawler(Spider, {"RETRY_BACKOFF_BASE": 0.5, "RETRY_BACKOFF_MAX": 60, **settings})
    crawler.spider = Spider.from_crawler(crawler, name="test")
    return BackoffRetryMiddleware.from_crawler(crawler)


def answer(status: int, retry_after: str | None = None):
    request = Request("http://127.0.0.1/x")
    headers = {"Retry-After": retry_after} if retry_after else {}
    return request, HtmlResponse(request.url, status=status, headers=headers, body=b"busy", request=request)


@pytest.mark.parametrize(
    "status, retry_after, pause",
    [
        (503, "7", 7.0),
        (429, "7", 7.0),
        (503, "3600", 60.0),
        (503, None, 0.5),
        (503, "0", 0.5),
        (500, "7", 0.5),
    ],
)
def test_the_pause_is_the_longer_of_backoff_and_retry_after_capped(status, retry_after, pause):
    retry = middleware().process_response(*answer(status, retry_after))
    assert isinstance(retry, Request) and retry.meta[BACKOFF_META] == pause


class RetryAfterMirror(Mirror):
    """The mirror, but each list page's first answer is 503 with `Retry-After: retry_after()`."""

    def __init__(self, releases, retry_after):
        super().__init__(releases)
        self.retry_after, self.times, self.refused = retry_after, [], set()
        site, plain = self, self.server.RequestHandlerClass

        class Handler(plain):
            def do_GET(self):
                site.times.append((time.monotonic(), self.path))
                if "pressReleaseList" in self.path and self.path not in site.refused:
                    site.refused.add(self.path)
                    self.send_response(503)
                    self.send_header("Retry-After", site.retry_after())
                    self.send_header("Content-Length", "4")
                    self.end_headers()
                    self.wfile.write(b"busy")
                    return
                super().do_GET()

        self.server.RequestHandlerClass = Handler


def list_gap(mirror) -> float:
    """Seconds between the refused list request and its retry."""
    (first, second) = [at for at, path in mirror.times if "pressReleaseList" in path]
    return second - first


@pytest.mark.parametrize(
    "retry_after, at_least",
    [
        (lambda: "2", 1.95),
        (lambda: format_datetime(datetime.now(UTC) + timedelta(seconds=3), usegmt=True), 1.5),
    ],
    ids=["seconds", "http-date"],
)
def test_a_crawl_waits_out_retry_after(tmp_path, retry_after, at_least):
    with RetryAfterMirror(synthetic_releases([DAY], per_day=1), retry_after) as mirror:
        result = crawl(mirror, tmp_path / "briefings.db", "--since", DAY, "--until", DAY)  # backoff: 0.05 s
        gap = list_gap(mirror)
    assert result.returncode == 0, result.stderr
    assert "1 new" in result.stdout
    assert gap >= at_least  # a lower bound: Retry-After was honoured (without it the retry comes at 0.05 s)
