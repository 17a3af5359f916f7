"""Is the nightly crawl healthy? Recent runs, field coverage, and the anomalies worth a page.

Pure over the archive and `now` (the caller reads the clock). Anomalies:

- a weekday (Asia/Seoul) in the window with no releases published (holidays included: a
  false alarm on 설날 is cheaper than a silent week);
- more than 5% of the last run's responses were errors;
- a field's coverage in the window under half its level in the 30 days before (the site changed);
- block pages served as 200s: many detail pages without a title, or identical / tiny detail bodies;
- the last run is still `running` hours after it started, or ended other than `finished`;
- no run has started for two days (the timer is not firing);
- a day whose last count check found fewer releases of a kind in the archive than the site lists;
- a kind (a section of the site: briefing, fact_check…) whose pages' parse errors rose: at least
  3 in the window, and more a run than twice the 30 days before (its pages changed?);
- the last run found most pages of a kind lacking a field (`site_changed`: "fact_check: no body
  on 9 of 9 pages — did the page change?").
"""

from __future__ import annotations

import subprocess
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from briefing_spider.ops.block_pages import block_page_evidence
from briefing_spider.ops.machine_health import SITE_SUSPECTS, machine_messages
from briefing_spider.ops.site_changes import site_change_messages
from briefing_spider.parse.site_time import SEOUL

ERROR_RATE_LIMIT = 0.05
COVERAGE_DROP = 0.5  # a field under half its trailing level is an anomaly
TRAILING_DAYS = 30
MIN_RECORDS = 10  # fewer records than this in either period: coverage is not compared
MIN_TRAILING_SHARE = 0.05  # fields rarer than this are too noisy to compare
RUNNING_LIMIT = timedelta(hours=3)
SILENCE_LIMIT = timedelta(days=2)
SHOWN_RUNS = 10
PARSE_ERRORS_MIN = 3  # fewer parse errors of a kind in the window: not flagged
PARSE_ERROR_RISE = 2.0  # more a run than this times the trailing rate: flagged

# field → SQL condition on a `briefings b` row that has it
COVERAGE_FIELDS = {
    "body_text": "length(trim(coalesce(b.body_text, ''))) > 0",
    "contacts": "EXISTS (SELECT 1 FROM contacts c WHERE c.site = b.site AND c.news_id = b.news_id)",
    "footnotes": "EXISTS (SELECT 1 FROM footnotes f WHERE f.site = b.site AND f.news_id = b.news_id)",
    "attendees": "EXISTS (SELECT 1 FROM attendees a WHERE a.site = b.site AND a.news_id = b.news_id)",
    "attachment_text": "EXISTS (SELECT 1 FROM attachments t WHERE t.site = b.site AND t.news_id = b.news_id "
    "AND length(trim(coalesce(t.text, ''))) > 0)",
}


@dataclass(frozen=True)
class Run:
    id: int
    started_at: str
    finished_at: str | None
    status: str
    pages: int
    new: int
    updated: int
    unchanged: int
    errors: int
    duration_seconds: float | None


@dataclass(frozen=True)
class Coverage:
    field: str
    recent: float | None  # share of the window's records that have the field
    trailing: float | None  # the same over the 30 days before the window
    recent_records: int
    trailing_records: int


@dataclass(frozen=True)
class Anomaly:
    kind: str
    message: str


@dataclass(frozen=True)
class HealthReport:
    checked_at: str
    days: int
    runs: tuple[Run, ...]
    coverage: tuple[Coverage, ...]
    anomalies: tuple[Anomaly, ...]

    @property
    def healthy(self) -> bool:
        return not self.anomalies

    def to_dict(self) -> dict:
        return {**asdict(self), "healthy": self.healthy}


def check_health(db: Database, *, now: datetime, days: int = 7, db_path: str | None = None) -> HealthReport:
    """The archive's health over the `days` before `now` — a past `now` judges a past week as it
    stood then: runs started later, and their day counts, are not looked at."""
    now = now.astimezone(SEOUL)
    window_start = now - timedelta(days=days)
    runs = recent_runs(db, since=window_start, until=now)
    last = last_run(db, before=now)
    coverage = tuple(field_coverage(db, window_start=window_start, now=now))
    machine = [
        Anomaly(kind, message)
        for kind, message in machine_messages(db, last_run_id=last.id if last else None, db_path=db_path)
    ]
    anomalies = [
        *machine,
        *run_anomalies(last, now=now),
        *silent_weekdays(db, first_day=window_start.date(), today=now.date()),
        *coverage_anomalies(coverage),
        *day_count_anomalies(db, first_day=window_start.date(), until=now),
        *parse_error_anomalies(db, window_start=window_start, now=now),
        *([Anomaly("block_pages", evidence)] if last and (evidence := block_page_evidence(db, last)) else []),
        *(Anomaly("site_changed", message) for message in (site_change_messages(db, last.id) if last else [])),
    ]
    if machine:  # the site is not judged on a run that could not write its archive
        anomalies = [anomaly for anomaly in anomalies if anomaly.kind not in SITE_SUSPECTS]
    return HealthReport(
        checked_at=now.isoformat(), days=days, runs=tuple(runs), coverage=coverage, anomalies=tuple(anomalies)
    )


def recent_runs(db: Database, *, since: datetime, until: datetime) -> list[Run]:
    rows = db.query(
        "SELECT * FROM crawl_runs WHERE started_at >= ? AND started_at <= ? ORDER BY started_at DESC LIMIT ?",
        [since.isoformat(), until.isoformat(), SHOWN_RUNS],
    )
    return [run_from_row(row) for row in rows]


def last_run(db: Database, *, before: datetime | None = None) -> Run | None:
    """The latest run started by `before` (default: ever)."""
    bound = "" if before is None else "WHERE started_at <= :before"
    row = next(
        db.query(
            f"SELECT * FROM crawl_runs {bound} ORDER BY started_at DESC, id DESC LIMIT 1",
            {"before": before.astimezone(SEOUL).isoformat() if before else None},
        ),
        None,
    )
    return run_from_row(row) if row else None


def run_from_row(row: dict) -> Run:
    duration = None
    if row["finished_at"]:
        duration = (
            datetime.fromisoformat(row["finished_at"]) - datetime.fromisoformat(row["started_at"])
        ).total_seconds()
    return Run(
        id=row["id"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        status=row["status"],
        duration_seconds=duration,
        **{name: row[name] or 0 for name in ("pages", "new", "updated", "unchanged", "errors")},
    )


def run_anomalies(last: Run | None, *, now: datetime) -> list[Anomaly]:
    if last is None:
        return [Anomaly("no_runs", "no crawl has ever been recorded in this archive")]
    found = []
    started = datetime.fromisoformat(last.started_at)
    if now - started > SILENCE_LIMIT:
        found.append(
            Anomaly(
                "no_recent_run",
                f"no crawl has started since {last.started_at} ({hours(now - started)} ago): is the timer running?",
            )
        )
    if last.status == "running" and now - started > RUNNING_LIMIT:
        found.append(
            Anomaly(
                "stuck_run",
                f"run {last.id} has been `running` for {hours(now - started)} "
                "(still going, or killed before it could record its end)",
            )
        )
    elif last.status not in ("running", "finished"):
        found.append(Anomaly("unfinished_run", f"run {last.id} ended `{last.status}`, not `finished`"))
    if last.pages and last.errors / last.pages > ERROR_RATE_LIMIT:
        found.append(
            Anomaly(
                "error_rate",
                f"run {last.id}: {last.errors} errors in {last.pages} responses "
                f"({last.errors / last.pages:.0%}, limit {ERROR_RATE_LIMIT:.0%})",
            )
        )
    return found


def silent_weekdays(db: Database, *, first_day: date, today: date) -> list[Anomaly]:
    """Weekdays from `first_day` to yesterday with no release, counted from the archive's first day."""
    oldest = next(db.query("SELECT min(published_at) AS p FROM briefings"))["p"]
    if oldest is None:
        return []
    first_day = max(first_day, datetime.fromisoformat(oldest).astimezone(SEOUL).date())
    counts = {
        row["day"]: row["n"]
        for row in db.query(
            "SELECT substr(published_at, 1, 10) AS day, count(*) AS n FROM briefings "
            "WHERE published_at >= ? AND published_at < ? GROUP BY day",
            [first_day.isoformat(), today.isoformat()],
        )
    }
    day, silent = first_day, []
    while day < today:
        if day.weekday() < 5 and not counts.get(day.isoformat()):
            silent.append(day)
        day += timedelta(days=1)
    return [Anomaly("no_releases", f"no releases published on {d} ({d:%A}), a weekday") for d in silent]


def day_count_anomalies(db: Database, *, first_day: date, until: datetime) -> list[Anomaly]:
    """Days whose latest check (crawl_days) by `until` found the archive short of the site's `총 N 건`."""
    if not db.table("crawl_days").exists():
        return []
    checks = (
        "SELECT d.* FROM crawl_days d JOIN crawl_runs r ON r.id = d.run_id "
        "WHERE r.started_at <= :until AND d.day <= :today"
    )
    rows = db.query(
        f"WITH checks AS ({checks}) SELECT day, kind, site_total, archived FROM checks c "
        "WHERE day >= :first AND run_id = (SELECT max(run_id) FROM checks WHERE day = c.day "
        "AND kind IS c.kind AND site IS c.site) AND archived < site_total ORDER BY day, kind",
        {"until": until.isoformat(), "today": until.date().isoformat(), "first": first_day.isoformat()},
    )
    return [
        Anomaly(
            "missing_releases",
            f"{r['day']}: the site lists {r['site_total']} releases"
            f"{f' of kind {kind}' if (kind := r['kind']) else ''}, "
            f"the archive holds {r['archived']}",
        )
        for r in rows
    ]


def parse_error_anomalies(db: Database, *, window_start: datetime, now: datetime) -> list[Anomaly]:
    """Kinds whose parse errors (crawl_errors.release_kind) rose in the window against the
    `TRAILING_DAYS` before it, per run: a section whose pages changed fails loudly here."""
    if "release_kind" not in db.table("crawl_errors").columns_dict:
        return []
    trailing_start = window_start - timedelta(days=TRAILING_DAYS)
    bounds = [(window_start, now), (trailing_start, window_start)]
    runs = [
        next(
            db.query(
                "SELECT count(*) AS n FROM crawl_runs WHERE started_at >= ? AND started_at < ?",
                [start.isoformat(), end.isoformat()],
            )
        )["n"]
        for start, end in bounds
    ]
    counts = [
        {
            row["release_kind"]: row["n"]
            for row in db.query(
                "SELECT e.release_kind, count(*) AS n FROM crawl_errors e JOIN crawl_runs r ON r.id = e.run_id "
                "WHERE e.kind = 'parse' AND e.release_kind IS NOT NULL AND r.started_at >= ? AND r.started_at < ? "
                "GROUP BY e.release_kind",
                [start.isoformat(), end.isoformat()],
            )
        }
        for start, end in bounds
    ]
    found = []
    for kind, recent in sorted(counts[0].items()):
        recent_rate = recent / max(runs[0], 1)
        trailing_rate = counts[1].get(kind, 0) / max(runs[1], 1)
        if recent >= PARSE_ERRORS_MIN and recent_rate > PARSE_ERROR_RISE * trailing_rate:
            found.append(
                Anomaly(
                    "parse_errors",
                    f"{kind}: {recent} parse errors in {runs[0]} runs of the window "
                    f"({recent_rate:.1f} a run, up from {trailing_rate:.1f} over the "
                    f"{TRAILING_DAYS} days before): did its pages change?",
                )
            )
    return found


def field_coverage(db: Database, *, window_start: datetime, now: datetime):
    trailing_start = window_start - timedelta(days=TRAILING_DAYS)
    for field, condition in COVERAGE_FIELDS.items():
        recent = share(db, condition, window_start, now)
        trailing = share(db, condition, trailing_start, window_start)
        yield Coverage(
            field=field, recent=recent[0], trailing=trailing[0], recent_records=recent[1], trailing_records=trailing[1]
        )


def share(db: Database, condition: str, start: datetime, end: datetime) -> tuple[float | None, int]:
    row = next(
        db.query(
            f"SELECT count(*) AS n, coalesce(sum({condition}), 0) AS has FROM briefings b "
            "WHERE b.published_at >= ? AND b.published_at < ?",
            [start.isoformat(), end.isoformat()],
        )
    )
    return (row["has"] / row["n"] if row["n"] else None), row["n"]


def coverage_anomalies(coverage) -> list[Anomaly]:
    return [
        Anomaly(
            "coverage_drop",
            f"{c.field}: {c.recent:.0%} of {c.recent_records} recent records, "
            f"down from {c.trailing:.0%} over the {TRAILING_DAYS} days before "
            "(did the site change?)",
        )
        for c in coverage
        if c.recent_records >= MIN_RECORDS
        and c.trailing_records >= MIN_RECORDS
        and c.trailing >= MIN_TRAILING_SHARE
        and c.recent < COVERAGE_DROP * c.trailing
    ]


def hours(span: timedelta) -> str:
    return f"{span.total_seconds() / 3600:.1f} h"


def notify(command: str, summary: str) -> int:
    """Run `command` in a shell with `summary` on stdin; its exit code."""
    return subprocess.run(command, shell=True, input=summary, text=True).returncode
