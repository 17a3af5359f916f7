"""Block pages served as 200s: a site (or a proxy, a WAF) answering detail URLs with a
"busy"/"maintenance"/captcha page and status 200. Three signals from the last run, any one enough:

- parse errors naming `title` (the detail parser found no title) on many of its detail pages;
- many different detail URLs answered with byte-identical bodies (real releases never are);
- many tiny detail bodies (a real detail page carries the site's header and footer: ≫ 2 KB).

"Many" is at least MIN_PAGES pages and at least BLOCK_SHARE of the run's detail pages.
"""

from __future__ import annotations

from sqlite_utils import Database

MIN_PAGES = 3
BLOCK_SHARE = 0.1
TINY_BYTES = 2048


def block_page_evidence(db: Database, run) -> str | None:
    """One line of evidence that `run` (a health.Run) was served block pages, or None."""
    details = run_detail_responses(db, run)
    pages = len({row["url"] for row in details})
    built = run.new + run.updated + run.unchanged
    untitled = untitled_parse_errors(db, run.id)
    evidence = []
    if is_many(untitled, built + untitled):
        evidence.append(f"{untitled} detail pages without a title (parse errors)")
    if pages:
        identical = largest_identical_group(details)
        if is_many(identical, pages):
            evidence.append(f"{identical} of {pages} detail pages byte-identical")
        tiny = len({row["url"] for row in details if (row["size"] or 0) < TINY_BYTES})
        if is_many(tiny, pages):
            evidence.append(f"{tiny} of {pages} detail pages under {TINY_BYTES} bytes")
    if not evidence:
        return None
    return f"run {run.id} was probably served block pages as 200s: " + "; ".join(evidence)


def is_many(count: int, total: int) -> bool:
    return count >= MIN_PAGES and total > 0 and count / total >= BLOCK_SHARE


def run_detail_responses(db: Database, run) -> list[dict]:
    """Detail pages answered 200 during `run` (by their last fetch time)."""
    end = run.finished_at or "9999"
    return list(
        db.query(
            "SELECT url, sha256, size FROM raw_responses WHERE role = 'detail' AND status = 200 "
            "AND last_fetched_at >= ? AND last_fetched_at <= ?",
            [run.started_at, end],
        )
    )


def untitled_parse_errors(db: Database, run_id: int) -> int:
    row = next(
        db.query(
            "SELECT count(DISTINCT url) AS n FROM crawl_errors WHERE run_id = ? "
            "AND kind = 'parse' AND reason LIKE '%title%'",
            [run_id],
        )
    )
    return row["n"]


def largest_identical_group(details: list[dict]) -> int:
    urls_by_body: dict[str, set[str]] = {}
    for row in details:
        urls_by_body.setdefault(row["sha256"], set()).add(row["url"])
    return max((len(urls) for urls in urls_by_body.values()), default=0)
