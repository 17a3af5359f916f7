"""What reading one attachment may cost: pages and seconds (bytes are capped by `max_bytes`
and, inside zips, by safezip's budget).

A PDF with more pages than `max_pages` is refused before any page is read (`too_many_pages`);
a reader that is still reading after `max_seconds` stops at its next page (PDF) or section
(HWPX, HWP 5) (`too_slow`). The
clock is an input, so tests can run it by hand. The crawl and `briefing reparse` take the caps
from the environment (BRIEFING_MAX_PAGES, BRIEFING_MAX_DOCUMENT_SECONDS; build workers inherit
it), see docs/operations.md.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .model import DocumentError

DEFAULT_MAX_PAGES = 2000
DEFAULT_MAX_SECONDS = 60.0
MAX_PAGES_ENV = "BRIEFING_MAX_PAGES"
MAX_SECONDS_ENV = "BRIEFING_MAX_DOCUMENT_SECONDS"


@dataclass(frozen=True, kw_only=True)
class DocumentLimits:
    max_pages: int = DEFAULT_MAX_PAGES
    max_seconds: float = DEFAULT_MAX_SECONDS
    clock: Callable[[], float] = field(default=time.monotonic, compare=False)

    def check_pages(self, pages: int) -> None:
        if pages > self.max_pages:
            raise DocumentError(
                "too_many_pages", f"{pages} pages, more than the limit of {self.max_pages} ({MAX_PAGES_ENV})"
            )

    def deadline(self) -> Callable[[str], None]:
        """A check to call between units of work: raises `too_slow` once `max_seconds` have passed."""
        started = self.clock()

        def check(where: str) -> None:
            spent = self.clock() - started
            if spent > self.max_seconds:
                raise DocumentError(
                    "too_slow",
                    f"still reading after {spent:.0f} s ({where}), more than the "
                    f"limit of {self.max_seconds:g} s ({MAX_SECONDS_ENV})",
                )

        return check


def limits_from_env(environ: Mapping[str, str] | None = None) -> DocumentLimits:
    """The caps set in the environment, the defaults for those not set; a bad value is a clear error."""
    environ = os.environ if environ is None else environ
    return DocumentLimits(
        max_pages=_number(environ, MAX_PAGES_ENV, DEFAULT_MAX_PAGES, int),
        max_seconds=_number(environ, MAX_SECONDS_ENV, DEFAULT_MAX_SECONDS, float),
    )


def _number(environ: Mapping[str, str], name: str, default, kind):
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a number") from None
    if value <= 0:
        raise ValueError(f"{name}={raw!r} must be positive")
    return value
