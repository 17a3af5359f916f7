"""Retry with exponential backoff: Scrapy's RetryMiddleware retries at once; a struggling
server deserves a pause that doubles with each try (RETRY_BACKOFF_BASE seconds, then ×2…,
capped at RETRY_BACKOFF_MAX). A 429 or 503 that says `Retry-After` (seconds, or an HTTP date)
is waited out: the pause is at least that long, still capped at RETRY_BACKOFF_MAX."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response

BACKOFF_META = "retry_backoff_seconds"
RETRY_AFTER_STATUSES = (429, 503)


def retry_after_seconds(value: str | None, *, now: datetime) -> float | None:
    """A `Retry-After` value as seconds from `now`: delta-seconds or an HTTP date (a date in
    the past is 0); None when absent or unreadable."""
    value = (value or "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # an HTTP date is GMT
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 2.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    def process_response(self, request: Request, response: Response, spider=None) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request) and response.status in RETRY_AFTER_STATUSES:
            header = response.headers.get("Retry-After")
            wait = retry_after_seconds(header.decode("latin-1") if header else None, now=datetime.now(UTC))
            if wait is not None:
                result.meta[BACKOFF_META] = min(self.backoff_max, max(result.meta.get(BACKOFF_META, 0), wait))
        return result

    def _retry(self, request: Request, reason) -> Request | None:
        retry = super()._retry(request, reason)
        if retry is not None:
            attempt = retry.meta.get("retry_times", 1)
            retry.meta[BACKOFF_META] = min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1))
        return retry

    async def process_request(self, request: Request) -> None:
        delay = request.meta.pop(BACKOFF_META, 0)
        if delay > 0:
            await asyncio.sleep(delay)
