"""What spiders hand to the pipelines: raw responses, and the signal that a release's parts are in.

Spiders interpret nothing: a `Fetched` is bytes plus where and when they came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

ROLES = ("list", "detail", "attachment")


def body_digest(body: bytes) -> dict:
    """How a feed export (`scrapy crawl … -O items.jsonl`) shows a body: its sha256 — the name of
    its file in the raw store — and its size, not the bytes themselves."""
    return {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}


@dataclass(frozen=True, kw_only=True)
class Fetched:
    url: str
    status: int
    body: bytes = field(metadata={"serializer": body_digest})  # Scrapy's exporters read `serializer`
    fetched_at: datetime
    role: str  # one of ROLES
    news_id: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None  # a download that failed: why (no body then)


@dataclass(frozen=True, kw_only=True)
class ReleaseComplete:
    """The detail page of `news_id` and every attachment it links have been fetched (or failed)."""

    news_id: str
    url: str
    kind: str | None = None  # the release's kind when the spider knows it (for the errors it may count)


@dataclass(frozen=True, kw_only=True)
class DayListed:
    """The first list page of one day of one kind was read: the site says it holds `total` releases."""

    day: date
    total: int | None
    kind: str | None = None  # None: the site's first kind


@dataclass(frozen=True, kw_only=True)
class Problem:
    """Something that went wrong with no response of its own to save (a list page that does
    not parse): an error of the run, in crawl_errors."""

    url: str
    kind: str
    reason: str
