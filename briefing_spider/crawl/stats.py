"""Names of the crawl's own values in Scrapy's stats, shared by pipeline, spiders, progress and CLI."""

RUN_ID = "briefing/run_id"  # the crawl_runs row of this crawl
LOCKED_OUT = "briefing/locked_out"  # why the crawl did not start: another run holds the archive
RUN_FAILED = "briefing/run_failed"  # why a run that closed as finished failed (outcome.py)
MACHINE = "briefing/machine"  # why the crawl could not write its archive: one line (archive/machine.py)
MACHINE_CAUSE = "briefing/machine_cause"  # disk_full, not_writable, not_an_archive


def outcome(name: str) -> str:
    """new, updated, unchanged, errors: counted as releases are saved."""
    return f"briefing/{name}"
