"""How a request ended, in one readable line, and what a response's bytes and headers are."""

from __future__ import annotations

from scrapy.exceptions import CannotResolveHostError, DownloadConnectionRefusedError, DownloadTimeoutError
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError, TimeoutError

from briefing_spider.parse.page_text import decode_page

# No answer at all from the host: with no response yet, the site can't be reached.
UNREACHABLE_ERRORS = (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    DNSLookupError,
    ConnectionRefusedError,
    TCPTimedOutError,
    TimeoutError,  # when raised unwrapped
)


def failure_reason(failure) -> str:
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    return f"{failure.type.__name__}: {failure.getErrorMessage()}"


def failure_status(failure) -> int:
    """The HTTP status of a failed request, or 0 when no response came."""
    return failure.value.response.status if failure.check(HttpError) else 0


def requested_url(request) -> str:
    """The URL the spider asked for (before any redirect)."""
    return (request.meta.get("redirect_urls") or [request.url])[0]


def response_headers(response: Response) -> dict[str, str]:
    return {key.decode("latin-1"): b", ".join(values).decode("latin-1") for key, values in response.headers.items()}


def page_text(response: Response) -> str:
    """The page's text decoded as the rebuild will decode it from the raw store."""
    return decode_page(response.body, response_headers(response))
