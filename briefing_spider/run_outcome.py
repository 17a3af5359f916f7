"""Whether a crawl got what it asked for: a run whose list pages all failed, or whose detail
pages all failed, did not finish, whatever Scrapy's close reason says.

The spider tallies each list and detail request as it ends; the pipeline asks `failure()` when
the spider closes (the run's status becomes `failed`, with the reason in crawl_errors), and so
do `briefing crawl` and `scrapy crawl` for their exit code.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

FAILED_STATUS = "failed"  # crawl_runs.status of a run that fetched nothing it was asked for
JUDGED_ROLES = ("list", "detail")


@dataclass
class RequestTally:
    """Per role: requests that ended, those that got a usable answer, and the first failure."""

    ended: Counter = field(default_factory=Counter)
    answered: Counter = field(default_factory=Counter)
    first_failure: dict[str, str] = field(default_factory=dict)

    def good(self, role: str) -> None:
        self.ended[role] += 1
        self.answered[role] += 1

    def bad(self, role: str, url: str, reason: str) -> None:
        self.ended[role] += 1
        self.first_failure.setdefault(role, f"{url}: {reason}")

    def failure(self) -> str | None:
        """One line saying why the run failed, or None: every list page (or every detail page)
        it asked for failed. A role may be named per kind (`briefing list`: a section's own
        lists): every list of one kind failing fails the run, whatever the other kinds got."""
        for role in sorted(self.ended, key=lambda name: (name != name.split()[-1], name)):
            if role.split()[-1] not in JUDGED_ROLES:
                continue
            if self.ended[role] and not self.answered[role]:
                count = self.ended[role]
                pages = "the only" if count == 1 else f"all {count}"
                return f"{pages} {role} page{'' if count == 1 else 's'} failed, e.g. {self.first_failure[role]}"
        return None


def run_failure(spider, reason: str | None) -> str | None:
    """Why a crawl that closed as `finished` failed all the same, or None."""
    judge = getattr(spider, "run_failure", None)
    return judge() if reason == "finished" and judge else None
