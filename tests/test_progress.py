import io

from briefing_spider.crawl.progress import progress_line


def test_progress_line_shows_counts_and_rate():
    stats = {"response_received_count": 50, "briefing/new": 12, "briefing/unchanged": 3, "briefing/errors": 1}
    assert (
        progress_line(stats, 10.0) == "crawling: 50 responses (5.0/s), 12 new, 0 updated, 3 unchanged, 1 errors, 10 s"
    )
    assert progress_line({}, 0.0).startswith("crawling: 0 responses (0.0/s)")


def test_progress_is_plain_lines_when_not_a_terminal():
    from briefing_spider.crawl.progress import CrawlProgress

    class FakeSignals:
        def connect(self, *args, **kwargs):
            pass

    class FakeCrawler:
        stats = type("S", (), {"get_stats": lambda self: {"response_received_count": 4}})()
        signals = FakeSignals()

    stream = io.StringIO()
    progress = CrawlProgress(FakeCrawler(), stream=stream)
    progress.show()
    assert not progress.on_terminal and stream.getvalue().endswith("\n") and "\r" not in stream.getvalue()
