"""A release's history: each time the crawl saw it change, which fields, old vs new title, and a
short unified diff of the body text. Read from `revisions` (each row is the version that was
replaced, and when) and the current record in `briefings`."""

from __future__ import annotations

import difflib
import json
from dataclasses import asdict, dataclass

from sqlite_utils import Database

from briefing_spider.archive.save import load_briefing
from briefing_spider.contract.registry import DEFAULT_SITE

MAX_DIFF_LINES = 20


@dataclass(frozen=True)
class Change:
    at: str  # when the crawl saw the new version (the old one's `superseded_at`)
    changed_fields: tuple[str, ...]
    title_before: str | None
    title_after: str | None
    body_diff: tuple[str, ...]  # unified diff lines, at most MAX_DIFF_LINES
    body_diff_omitted: int  # diff lines left out


@dataclass(frozen=True)
class History:
    news_id: str
    title: str
    first_seen_at: str | None
    updated_at: str | None
    changes: tuple[Change, ...]

    def to_dict(self) -> dict:
        return asdict(self)


def release_history(
    db: Database, news_id: str, *, site: str = DEFAULT_SITE, max_diff_lines: int = MAX_DIFF_LINES
) -> History | None:
    """The history of `news_id` on `site`, oldest change first; None if the archive doesn't hold it."""
    current = load_briefing(db, site, news_id)
    if current is None:
        return None
    row = db.table("briefings").get((site, news_id))
    revisions = list(
        db.query(
            "SELECT record, changed_fields, superseded_at FROM revisions "
            "WHERE site = ? AND news_id = ? ORDER BY superseded_at, id",
            [site, news_id],
        )
    )
    versions = [json.loads(r["record"]) for r in revisions] + [current]
    changes = tuple(
        describe_change(
            before,
            after,
            at=revision["superseded_at"],
            changed_fields=json.loads(revision["changed_fields"] or "[]"),
            max_diff_lines=max_diff_lines,
        )
        for revision, before, after in zip(revisions, versions, versions[1:], strict=False)
    )
    return History(
        news_id=news_id,
        title=current["title"],
        first_seen_at=row["first_seen_at"],
        updated_at=row["updated_at"],
        changes=changes,
    )


def describe_change(before: dict, after: dict, *, at: str, changed_fields: list[str], max_diff_lines: int) -> Change:
    title_changed = before.get("title") != after.get("title")
    diff = body_diff(before.get("body_text") or "", after.get("body_text") or "")
    return Change(
        at=at,
        changed_fields=tuple(changed_fields),
        title_before=before.get("title") if title_changed else None,
        title_after=after.get("title") if title_changed else None,
        body_diff=tuple(diff[:max_diff_lines]),
        body_diff_omitted=max(0, len(diff) - max_diff_lines),
    )


def body_diff(before: str, after: str) -> list[str]:
    """A unified diff of two body texts, line by line, one line of context."""
    return [
        line.rstrip("\n")
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), "before", "after", n=1, lineterm="")
    ]


def render_history(history: History) -> str:
    versions = f"{len(history.changes) + 1} version{'s' if history.changes else ''}"
    lines = [f"news id {history.news_id}: {history.title}", f"  first seen {history.first_seen_at}, {versions}"]
    if not history.changes:
        lines.append("  no revisions: unchanged since first seen")
    for change in history.changes:
        lines.append(f"  {change.at}: changed {', '.join(change.changed_fields) or '(no fields recorded)'}")
        if change.title_before is not None:
            lines += [f"    title was: {change.title_before}", f"    title now: {change.title_after}"]
        lines += [f"    {line}" for line in change.body_diff]
        if change.body_diff_omitted:
            lines.append(f"    … {change.body_diff_omitted} more diff lines (--json has the records' fields)")
    return "\n".join(lines)
