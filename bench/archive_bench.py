"""Archive benchmarks: upsert, search and export, each as a ratio against a baseline run in
the same process on the same synthetic records. Results go under `## Archive` in bench/README.md.

    .venv/bin/python bench/archive_bench.py --records 100000
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing_spider.archive import open_archive  # noqa: E402
from briefing_spider.archive.export import export  # noqa: E402
from briefing_spider.archive.save import save_briefing, save_briefings  # noqa: E402
from briefing_spider.archive.schema import CHILD_TABLES  # noqa: E402
from briefing_spider.archive.search import grams, search, search_rowid  # noqa: E402
from briefing_spider.parse.site_time import SEOUL  # noqa: E402
from briefing_spider.records import Attachment, Attendee, Contact, Footnote, Ministry, Release  # noqa: E402

MINISTRIES = ("외교부", "보건복지부", "고용노동부", "국토교통부", "행정안전부", "기후에너지환경부", "국방부", "교육부")
PARTICLES = ("은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "과", "와", "도", "")
SEEN = datetime(2026, 7, 23, tzinfo=SEOUL)


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    syllables = [chr(0xAC00 + rng.randrange(11172)) for _ in range(900)]
    words = {"".join(rng.choices(syllables, k=rng.choice((2, 2, 2, 3, 3, 4)))) for _ in range(size)}
    latin = ["AI", "MSP", "RLT", "OECD", "G7", "2026", "K-방산", "R&D"]
    return sorted(words) + latin


def sentence(rng: random.Random, words: list[str], weights: list[float], length: int) -> str:
    picked = rng.choices(words, cum_weights=weights, k=length)
    return " ".join(w + rng.choice(PARTICLES) for w in picked) + "."


def make_release(rng: random.Random, number: int, words: list[str], weights: list[float]) -> Release:
    """A record of the size of a real page-body release: ~1,300 characters of body, a title,
    two footnotes, two contacts, two attendees, one attachment (metadata only)."""
    news_id = str(160000000 + number)
    body = "\n".join(sentence(rng, words, weights, rng.randint(8, 20)) for _ in range(rng.randint(6, 18)))
    ministry = MINISTRIES[number % len(MINISTRIES)]
    return Release(
        site="korea_kr",
        news_id=news_id,
        kind="press_release",
        url=f"https://www.korea.kr/briefing/pressReleaseView.do?newsId={news_id}",
        title=sentence(rng, words, weights, rng.randint(4, 9)).rstrip("."),
        published_at=datetime(2024, 1, 1, 9, tzinfo=SEOUL) + timedelta(minutes=7 * number),
        ministry=Ministry(name=ministry, canonical=ministry),
        body_text=body,
        body_source="page",
        footnotes=tuple(Footnote(marker="※", text=sentence(rng, words, weights, 6), raw="※") for _ in range(2)),
        contacts=tuple(
            Contact(
                department="정책과",
                role="담당자",
                title="사무관",
                name=rng.choice(words),
                phone="044-000-0000",
                raw="담당",
            )
            for _ in range(2)
        ),
        attendees=tuple(
            Attendee(organization=ministry, name=rng.choice(words), title="2차관", raw="참석") for _ in range(2)
        ),
        attachments=(
            Attachment(
                name=f"{news_id}.hwpx",
                url=f"https://www.korea.kr/common/download.do?fileId={news_id}",
                kind="hwpx",
                sha256="ab" * 32,
                size=123456,
            ),
        ),
    )


def releases(count: int, seed: int = 5) -> tuple[list[Release], list[str]]:
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]  # Zipf: a few words are everywhere
    rng.shuffle(weights)
    weights = list(itertools.accumulate(weights))
    return [make_release(rng, n, words, weights) for n in range(count)], words


def rows_of(release: Release) -> dict[str, list[tuple]]:
    """The same rows save_briefings writes, search rows included, as tuples for executemany
    (built before the clock starts: the baseline times SQLite alone)."""
    record = release.to_dict()
    ministry = record["ministry"] or {}
    briefing = (
        release.site,
        release.news_id,
        record["kind"],
        record["url"],
        record["title"],
        record["published_at"],
        record["modified_at"],
        ministry.get("name"),
        ministry.get("code"),
        ministry.get("canonical"),
        ministry.get("name_en"),
        record["body_html"],
        record["body_text"],
        record["body_source"],
        record["event_at"],
        "[]",
        release.content_hash(),
        SEEN.isoformat(),
        SEEN.isoformat(),
    )
    out = {"briefings": [briefing]}
    for table in CHILD_TABLES:
        out[table] = [(release.site, release.news_id, i, *item.values()) for i, item in enumerate(record[table])]
    rowid, title = search_rowid(release.news_id), record["title"]
    body = "\n".join([record["body_text"], *(note["text"] for note in record["footnotes"])]).strip()
    out["search_documents"] = [(rowid, release.news_id, title, body, release.site)]
    out["search_index"] = [(rowid, title, body, grams(title), grams(body))]
    return out


RAW_INSERT = {
    "search_index": "INSERT INTO search_index (rowid, title, body, title_grams, body_grams) VALUES (?, ?, ?, ?, ?)"
}


def raw_rate(prepared: list[dict[str, list[tuple]]], path: Path) -> float:
    """rows/s of plain `executemany` of the pre-built rows into a fresh archive, one transaction."""
    row_count = sum(len(rows) for p in prepared for rows in p.values())
    open_archive(path).close()
    connection = sqlite3.connect(path)
    started = time.perf_counter()
    with connection:
        for table in ("briefings", *CHILD_TABLES, "search_documents", "search_index"):
            rows = [row for p in prepared for row in p[table]]
            if rows:
                sql = RAW_INSERT.get(table) or f"INSERT INTO [{table}] VALUES ({', '.join('?' * len(rows[0]))})"
                connection.executemany(sql, rows)
    rate = row_count / (time.perf_counter() - started)
    connection.close()
    return rate


def bench_upsert(records: list[Release], directory: Path, *, batch: int, single: int) -> dict:
    """rows/s of save_briefings (`batch` releases a call) and of save_briefing one release a call
    (on the first `single` records), each against raw executemany of the same rows (children,
    search documents and index rows included) into a fresh archive; all in one transaction."""
    prepared = [rows_of(r) for r in records]
    rows = sum(len(rows) for p in prepared for rows in p.values())
    single_rows = sum(len(rows) for p in prepared[:single] for rows in p.values())
    result = {
        "rows": rows,
        "raw": raw_rate(prepared, directory / "raw.db"),
        "raw_single": raw_rate(prepared[:single], directory / "raw_single.db"),
    }
    del prepared
    result["path"] = directory / "ours.db"
    db = open_archive(result["path"])
    started = time.perf_counter()
    with db.atomic():
        for start in range(0, len(records), batch):
            save_briefings(db, records[start : start + batch], seen_at=SEEN)
    result["ours"] = rows / (time.perf_counter() - started)
    db.close()
    db = open_archive(directory / "single.db")
    started = time.perf_counter()
    with db.atomic():
        for release in records[:single]:
            save_briefing(db, release, seen_at=SEEN)
    result["single"] = single_rows / (time.perf_counter() - started)
    db.close()
    return result


def bench_search(path: Path, words: list[str], rng: random.Random) -> dict[str, float]:
    """p95 latency (ms) per query length class, limit 20, over 40 queries each."""
    db = open_archive(path)
    hangul = [w for w in words if w.isalpha() and not w.isascii()]
    classes = {
        "1 syllable": [rng.choice(hangul)[0] for _ in range(40)],
        "2 syllables": [w for w in rng.sample(hangul, 400) if len(w) == 2][:40],
        "3 syllables": [w for w in rng.sample(hangul, 400) if len(w) == 3][:40],
        "two words": [f"{rng.choice(hangul)} {rng.choice(hangul)}" for _ in range(40)],
        "8+ syllables": [rng.choice(hangul) + rng.choice(hangul) + rng.choice(hangul) for _ in range(40)],
    }
    result = {}
    for name, queries in classes.items():
        timings = []
        for query in queries:
            started = time.perf_counter()
            search(db, query, limit=20)
            timings.append((time.perf_counter() - started) * 1000)
        result[name] = statistics.quantiles(timings, n=20)[-1]
    db.close()
    return result


def index_ratio(path: Path) -> tuple[float, float, float]:
    """(FTS bytes, search_documents bytes, indexed text bytes in UTF-8)."""
    connection = sqlite3.connect(path)
    index = connection.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%'").fetchone()[0]
    documents = connection.execute("SELECT sum(pgsize) FROM dbstat WHERE name = 'search_documents'").fetchone()[0]
    text = connection.execute(
        "SELECT sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))) FROM search_documents"
    ).fetchone()[0]
    connection.close()
    return index, documents, text


def bench_export(path: Path, directory: Path) -> tuple[float, float]:
    """Seconds for `export` of briefings to CSV and for plain sqlite3 + csv.writer."""
    started = time.perf_counter()
    connection = sqlite3.connect(path)
    with (directory / "plain.csv").open("w", encoding="utf-8", newline="") as handle:
        cursor = connection.execute("SELECT * FROM briefings")
        writer = csv.writer(handle)
        writer.writerow([d[0] for d in cursor.description])
        writer.writerows(cursor)
    connection.close()
    plain = time.perf_counter() - started
    started = time.perf_counter()
    export(path, directory / "ours.csv", "csv", table="briefings")
    return time.perf_counter() - started, plain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1000, help="releases per save_briefings call")
    parser.add_argument("--single", type=int, default=20_000, help="records saved one at a time too")
    parser.add_argument("--upsert-only", action="store_true", help="skip the search and export benchmarks")
    args = parser.parse_args()
    started = time.perf_counter()
    records, words = releases(args.records)
    chars = sum(len(r.body_text) for r in records) / len(records)
    print(
        f"{len(records)} synthetic records, body {chars:.0f} characters on average "
        f"(generated in {time.perf_counter() - started:.1f} s)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        single = min(args.single, len(records))
        upsert = bench_upsert(records, directory, batch=args.batch, single=single)
        path = upsert["path"]
        print(
            f"upsert ({upsert['rows']:,} rows: briefings, children, search documents and index rows): "
            f"save_briefings ({args.batch} a call) {upsert['ours']:,.0f} rows/s, raw executemany "
            f"{upsert['raw']:,.0f} rows/s, ratio {upsert['ours'] / upsert['raw']:.2f} (goal >= 0.50)"
        )
        print(
            f"upsert one at a time (first {single:,} records): save_briefing {upsert['single']:,.0f} rows/s, "
            f"raw executemany {upsert['raw_single']:,.0f} rows/s, ratio {upsert['single'] / upsert['raw_single']:.2f}"
        )
        if args.upsert_only:
            return
        latencies = bench_search(path, words, random.Random(7))
        print("search p95 (ms, limit 20): " + ", ".join(f"{k} {v:.1f}" for k, v in latencies.items()) + " (goal < 50)")
        index, documents, text = index_ratio(path)
        print(
            f"search: FTS {index / 1e6:.1f} MB + search_documents {documents / 1e6:.1f} MB for "
            f"{text / 1e6:.1f} MB of text: {index / text:.2f}x, {(index + documents) / text:.2f}x with the copy"
        )
        ours_s, plain_s = bench_export(path, directory)
        print(
            f"export {len(records)} rows to CSV: ours {ours_s:.2f} s, plain sqlite3+csv {plain_s:.2f} s, "
            f"ratio {ours_s / plain_s:.2f} (goal <= 2)"
        )
    print(f"total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
