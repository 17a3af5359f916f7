"""Only the site's own hosts are ever requested: its `Site.hosts` (korea.kr: www.korea.kr,
korea.kr) and the host the crawl was pointed at (`--base-url`, `--api-url`). A redirect anywhere else fails the request with
`OffsiteRedirect`, naming where it pointed: the spider's errback records it as an error, and no
byte from that host reaches the archive.

Scrapy's own OffsiteMiddleware is not enough: it lets `dont_filter` requests (every attachment)
through, and it compares host names without ports (a mirror on 127.0.0.1:8000 would allow
127.0.0.1:9000).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy import Request
from scrapy.exceptions import IgnoreRequest


class OffsiteRedirect(IgnoreRequest):
    """A request (usually a redirect) to a host that is not the site's."""


def site_hosts(own: frozenset[str], *urls: str) -> frozenset[str]:
    """The hosts a crawl may request: the site's `own` host names (any port), and each given
    URL's host with its port."""
    return frozenset(own) | {urlsplit(url).netloc.lower() for url in urls if urlsplit(url).netloc}


def is_site_host(url: str, allowed: frozenset[str]) -> bool:
    parts = urlsplit(url)
    return parts.netloc.lower() in allowed or (parts.hostname or "") in allowed


class SiteHostsMiddleware:
    """Downloader middleware: refuse every request to a host outside the spider's `site_hosts`
    (a spider without that attribute is not restricted)."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        allowed = getattr(self.crawler.spider, "site_hosts", None)
        if not allowed or is_site_host(request.url, allowed):
            return None
        origin = (request.meta.get("redirect_urls") or [request.url])[0]
        how = f"{origin} redirected to {request.url}" if origin != request.url else f"a request for {request.url}"
        raise OffsiteRedirect(f"{how}: not one of the site's hosts ({', '.join(sorted(allowed))})")
