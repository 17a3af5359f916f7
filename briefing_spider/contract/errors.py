"""The error a site's page parser raises when a required field is missing (every site's)."""

from __future__ import annotations


class PageParseError(ValueError):
    """A required field is missing: the page is not what the parser expects."""

    def __init__(self, url: str, field: str, reason: str):
        super().__init__(f"{url}: no {field} ({reason})")
        self.url, self.field, self.reason = url, field, reason

    def __reduce__(self):  # picklable, so it can come back from a worker process
        return type(self), (self.url, self.field, self.reason)
