"""Whether a crawl got what it asked for: a run in which every list page of a kind failed, or
every detail page failed, did not finish, whatever Scrapy's close reason says.

The spider tallies each list and detail request as it ends, by kind; the pipeline asks
`failure()` when the spider closes (the run's status becomes `failed`, with the reason in
crawl_errors), and so do `briefing crawl` and `scrapy crawl` for their exit code. A kind whose
lists all failed is told as soon as it is known (`newly_failed_kinds`), while the crawl goes on
with the other kinds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# Exit codes of a crawl (README's table, docs/operations.md)
FAILED_EXIT = 1  # the run ended but did not get what it asked for, or a source stopped it
UNREACHABLE_EXIT = 2  # like a usage error: nothing was done
ARCHIVE_EXIT = 74  # EX_IOERR: the archive cannot be written (a full disk, no rights, a file that is no archive)
LOCKED_EXIT = 75  # EX_TEMPFAIL: try again later
INTERRUPTED_EXIT = 130  # Ctrl-C

FAILED_STATUS = "failed"  # crawl_runs.status of a run that did not get what it asked for
LIST, DETAIL, ATTACHMENT = "list", "detail", "attachment"


@dataclass
class RequestTally:
    """Per (kind, role): requests that ended, those that got a usable answer, the first failure;
    and how many list requests of each kind are still to end."""

    ended: Counter[tuple[str, str]] = field(default_factory=Counter)
    answered: Counter[tuple[str, str]] = field(default_factory=Counter)
    first_failure: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # → (url, reason)

    def good(self, kind: str, role: str) -> None:
        self.ended[(kind, role)] += 1
        self.answered[(kind, role)] += 1

    def bad(self, kind: str, role: str, url: str, reason: str) -> None:
        self.ended[(kind, role)] += 1
        self.first_failure.setdefault((kind, role), (url, reason))

    def failed_kinds(self) -> list[str]:
        """The kinds whose every list request so far failed."""
        return [
            kind
            for (kind, role), count in self.ended.items()
            if role == LIST and count and not self.answered[(kind, role)]
        ]

    def failure(self) -> str | None:
        """One line saying why the run failed, or None: every list page of some kind failed
        (each such kind named), or every detail page it asked for did, or every file download."""
        kinds = sorted(self.failed_kinds())
        if kinds:
            failures = [self.first_failure[(kind, LIST)] for kind in kinds]
            reasons = ", ".join(dict.fromkeys(reason for _, reason in failures))
            label, their = ("kind failed", "its") if len(kinds) == 1 else ("kinds failed", "their")
            return f"{label}: {', '.join(kinds)} — {reasons} on {their} lists (e.g. {failures[0][0]})"
        for role, what in ((DETAIL, "detail page"), (ATTACHMENT, "file download")):
            ended = sum(count for (_, of), count in self.ended.items() if of == role)
            if ended and not any(self.answered[key] for key in self.ended if key[1] == role):
                url, reason = next(failure for key, failure in self.first_failure.items() if key[1] == role)
                which = f"the only {what}" if ended == 1 else f"all {ended} {what}s"
                return f"{which} failed — {reason} (e.g. {url})"
        return None
