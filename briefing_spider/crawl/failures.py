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


# What a connection-level failure means, in words (Twisted's and Scrapy's exception names).
PLAIN_REASONS = {
    "ConnectionDone": "connection closed by the server",
    "ConnectionLost": "connection lost",
    "ResponseFailed": "the server broke off its answer",
    "ConnectionRefusedError": "connection refused",
    "DownloadConnectionRefusedError": "connection refused",
    "DNSLookupError": "host not found",
    "CannotResolveHostError": "host not found",
    "TimeoutError": "timed out",
    "TCPTimedOutError": "timed out",
    "DownloadTimeoutError": "timed out",
    "OffsiteRedirect": None,  # its own message names where it was sent
}
READABLE_LIMIT = 200


def failure_reason(failure) -> str:
    """Why a request failed, in one readable line: `HTTP 503`, `download failed: connection closed
    by the server`, `OffsiteRedirect: … redirected to …` — never a repr of nested failures."""
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    plain = connection_reason(failure)
    if plain:
        return f"download failed: {plain}"
    inner = _innermost(failure.value)
    message = " ".join(str(inner).split()) or type(inner).__name__
    return f"{type(inner).__name__}: {message}"[:READABLE_LIMIT]


def connection_reason(failure) -> str | None:
    """`connection refused`, `host not found`, … for a failure at the connection; else None."""
    return PLAIN_REASONS.get(type(_innermost(failure.value)).__name__) or None


def _innermost(error: BaseException) -> BaseException:
    """The first underlying error of a wrapper (ResponseNeverReceived holds a list of Twisted
    Failures; Scrapy's DownloadFailedError is raised from such an error, its text the list's repr)."""
    for _ in range(5):
        if error.__cause__ is not None:
            error = error.__cause__
            continue
        reasons = getattr(error, "reasons", None)
        if not reasons and error.args and isinstance(error.args[0], list):
            reasons = error.args[0]
        if not reasons:
            break
        first = reasons[0]
        error = getattr(first, "value", first)
    return error


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
