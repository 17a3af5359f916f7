"""A failed request in one readable line (crawl_errors.reason, an attachment's error), never the
repr of the Twisted failures it wraps."""

from __future__ import annotations

from scrapy.exceptions import DownloadFailedError
from twisted.internet.error import ConnectionDone, ConnectionLost, DNSLookupError
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from briefing_spider.crawl.failures import connection_reason, failure_reason


def failure_of(error: BaseException) -> Failure:
    try:
        raise error
    except BaseException:
        return Failure()


def raised_from(error: BaseException, cause: BaseException) -> BaseException:
    try:
        raise error from cause
    except BaseException as raised:
        return raised


def test_a_dropped_connection_inside_scrapys_wrapper_is_named_in_words():
    dropped = ResponseFailed([Failure(ConnectionLost("Connection to the other side was lost"))])
    wrapped = raised_from(DownloadFailedError(str(dropped)), dropped)  # its text: the list's repr
    assert failure_reason(failure_of(wrapped)) == "download failed: connection lost"


def test_twisteds_own_wrappers_are_unwrapped():
    assert failure_reason(failure_of(ResponseNeverReceived([Failure(ConnectionDone())]))) == (
        "download failed: connection closed by the server"
    )
    assert connection_reason(failure_of(DNSLookupError("nowhere.example"))) == "host not found"


def test_an_error_of_no_known_kind_is_its_name_and_one_line():
    reason = failure_reason(failure_of(ValueError("a bad\n   value\tsomewhere")))
    assert reason == "ValueError: a bad value somewhere"
