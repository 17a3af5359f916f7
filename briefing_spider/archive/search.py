"""Korean full-text search: an FTS5 table over overlapping two-syllable pieces.

Each Hangul (or Hanja) run is indexed as its overlapping two-syllable pieces plus its last
syllable alone (핵심광물 → 핵심 심광 광물 물); Latin and digit runs are kept whole (MSP, 2026).
A query word becomes a phrase of the same pieces, so it matches wherever it occurs inside a
word (핵심광물 in 핵심광물의); a one-syllable word, or a word ending in a Latin/digit run,
becomes a prefix query. Words separated by spaces must all occur. docs/search.md has the design
and the recall measured against a brute-force scan.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlite_utils import Database

from briefing_spider.archive.filters import release_filters
from briefing_spider.contract.registry import DEFAULT_SITE

TABLE = "search_index"
DOCUMENTS = "search_documents"
_SYLLABIC = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff"  # Hangul, Hanja
_RUN_RE = re.compile(f"[{_SYLLABIC}]+|[^\\W_{_SYLLABIC}]+")
_SYLLABIC_RE = re.compile(f"[{_SYLLABIC}]")
_PIECE_RE = re.compile(f"(?=([{_SYLLABIC}][{_SYLLABIC}]?|[^\\W_{_SYLLABIC}]+))(?:[{_SYLLABIC}]|[^\\W_{_SYLLABIC}]+)")
WEIGHTS = {"title": 0.0, "body": 0.0, "title_grams": 8.0, "body_grams": 1.0}
SNIPPET_CHARS = 40


class SearchError(ValueError):
    """The query can't be searched: the message says why."""


@dataclass(frozen=True)
class Hit:
    news_id: str
    title: str
    published_at: str
    ministry: str | None
    snippet: str
    score: float
    site: str = DEFAULT_SITE
    kind: str | None = None  # briefings.kind
    url: str | None = None  # briefings.url: the release on its site
    matched_in: str = "body"  # where the snippet is from: body, or title when no query word is in the body


def _runs(text: str) -> list[str]:
    return _RUN_RE.findall(text or "")


def _is_syllabic(run: str) -> bool:
    return bool(_SYLLABIC_RE.match(run))


def _run_pieces(run: str, *, last_alone: bool) -> list[str]:
    if not _is_syllabic(run):
        return [run.lower()]
    pieces = [run[i : i + 2] for i in range(len(run) - 1)]
    return pieces + [run[-1]] if last_alone or len(run) == 1 else pieces


def grams(text: str) -> str:
    """The indexed form of `text`: space-separated pieces (see the module docstring)."""
    # One regex scan in C: each syllable with the next one of its run (or alone, at the run's
    # end), each Latin/digit run whole; syllables have no case, so lowering the joined pieces
    # lowers the Latin runs alone.
    return " ".join(_PIECE_RE.findall(text or "")).lower()


def word_match(word: str) -> str | None:
    """The FTS5 phrase for one query word, or None when it has no letters or digits."""
    runs = _runs(word)
    if not runs:
        return None
    pieces = [p for i, run in enumerate(runs) for p in _run_pieces(run, last_alone=i < len(runs) - 1)]
    last = runs[-1]
    prefix = not _is_syllabic(last) or len(last) == 1
    return '"' + " ".join(pieces) + '"' + (" *" if prefix else "")


def match_expression(query: str) -> str:
    """The full FTS5 MATCH expression for a user query; SearchError when nothing is searchable."""
    phrases = [m for m in (word_match(w) for w in query.split()) if m]
    if not phrases:
        raise SearchError(f"query {query!r}: nothing to search for (no letters or digits)")
    return "{title_grams body_grams} : (" + " AND ".join(phrases) + ")"


def search_rowid(news_id: str, site: str = DEFAULT_SITE) -> int:
    """The index row of a release: the default site's numeric news id (newest first by rowid),
    or a negative hash of the site and id for other ids and sites."""
    if site == DEFAULT_SITE and news_id.isdigit() and int(news_id) < 2**63:
        return int(news_id)
    key = news_id if site == DEFAULT_SITE else f"{site}\x1f{news_id}"
    return -int.from_bytes(hashlib.sha256(key.encode()).digest()[:7], "big") - 1


def create_search_index(db: Database) -> None:
    """A contentless FTS5 table (the pieces are not stored twice) and `search_documents`, the
    text each index row was made from: needed to delete the row again, and for snippets."""
    db.execute(
        f"CREATE TABLE IF NOT EXISTS [{DOCUMENTS}] (id INTEGER PRIMARY KEY, news_id TEXT NOT NULL, "
        "title TEXT, body TEXT)"
    )
    db.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS [{TABLE}] USING fts5("
        "title, body, title_grams, body_grams, content='', tokenize='unicode61')"
    )


IN_BATCH = 500  # ids per `… IN (?, ?, …)` query, well under SQLite's variable limit


def in_batches(values: list, size: int = IN_BATCH) -> Iterator[list]:
    """`values` in slices of at most `size`, for `WHERE … IN (…)` queries."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def placeholders(values: list | tuple) -> str:
    """`?, ?, ?` for the values of an `IN (…)` list."""
    return ", ".join("?" * len(values))


def _document_of(
    site: str, news_id: str, title: str | None, body_text: str | None, notes: Iterable[str | None]
) -> dict:
    """The indexed text of a release: its title, and its body followed by its footnotes."""
    body = "\n".join([body_text or "", *(note or "" for note in notes)]).strip()
    return {"id": search_rowid(news_id, site), "site": site, "news_id": news_id, "title": title or "", "body": body}


def _document(db: Database, site: str, news_id: str) -> dict | None:
    row = next(db.query("SELECT title, body_text FROM briefings WHERE site = ? AND news_id = ?", [site, news_id]), None)
    if row is None:
        return None
    notes = [
        r["text"]
        for r in db.query(
            "SELECT text FROM footnotes WHERE site = ? AND news_id = ? ORDER BY position", [site, news_id]
        )
    ]
    return _document_of(site, news_id, row["title"], row["body_text"], notes)


def _index_values(document: dict) -> tuple:
    return (document["id"], document["title"], document["body"], grams(document["title"]), grams(document["body"]))


_INDEX_INSERT = f"INSERT INTO [{TABLE}] (rowid, title, body, title_grams, body_grams) VALUES (?, ?, ?, ?, ?)"
_INDEX_DELETE = (
    f"INSERT INTO [{TABLE}] ([{TABLE}], rowid, title, body, title_grams, body_grams) VALUES ('delete', ?, ?, ?, ?, ?)"
)


def _replace_documents(db: Database, rowids: list[int], documents: list[dict]) -> None:
    """Drop the index rows `rowids` (the text they were made from is in `search_documents`:
    a contentless FTS5 row is deleted with its original values), then index `documents`."""
    conn = db.conn
    old = [
        row
        for batch in in_batches(rowids)
        for row in conn.execute(
            f"SELECT id, site, news_id, title, body FROM [{DOCUMENTS}] WHERE id IN ({placeholders(batch)})", batch
        )
    ]
    if old:
        old_documents = [{"id": i, "site": s, "news_id": n, "title": t, "body": b} for i, s, n, t, b in old]
        conn.executemany(_INDEX_DELETE, [_index_values(d) for d in old_documents])
        for batch in in_batches([d["id"] for d in old_documents]):
            conn.execute(f"DELETE FROM [{DOCUMENTS}] WHERE id IN ({placeholders(batch)})", batch)
    conn.executemany(
        f"INSERT INTO [{DOCUMENTS}] (id, site, news_id, title, body) VALUES (?, ?, ?, ?, ?)",
        [(d["id"], d["site"], d["news_id"], d["title"], d["body"]) for d in documents],
    )
    conn.executemany(_INDEX_INSERT, [_index_values(d) for d in documents])


def index_briefing(db: Database, news_id: str, site: str = DEFAULT_SITE) -> None:
    """Bring the index row of one release in line with `briefings` and `footnotes`."""
    document = _document(db, site, news_id)
    _replace_documents(db, [search_rowid(news_id, site)], [] if document is None else [document])


def index_briefings(db: Database, records: Iterable[dict]) -> None:
    """(Re)index releases from their records (`Release.to_dict()` shape, as just saved by the
    caller) without reading them back: one query per kind of row for the whole batch. A news id
    given twice is indexed with its last record."""
    documents = {}
    for record in records:
        document = _document_of(
            record["site"],
            record["news_id"],
            record["title"],
            record["body_text"],
            (note["text"] for note in record["footnotes"]),
        )
        documents[document["id"]] = document
    _replace_documents(db, list(documents), list(documents.values()))


def search_index_stale(db: Database) -> bool:
    """The index does not cover the archive's releases one for one (a migration made or changed its
    tables: m003, m004, m009), so it is rebuilt."""
    documents, with_site = db.execute(f"SELECT count(*), count(site) FROM [{DOCUMENTS}]").fetchone()
    return documents != with_site or documents != db.execute("SELECT count(*) FROM briefings").fetchone()[0]


def refresh_search_index(db: Database) -> bool:
    """Rebuild the index when it is stale (cheap when it is not: two counts). True when rebuilt."""
    if not search_index_stale(db):
        return False
    rebuild_search_index(db)
    return True


def rebuild_search_index(db: Database) -> int:
    """Index every release from scratch; returns the count."""
    with db.atomic():
        db.execute(f"INSERT INTO [{TABLE}]([{TABLE}]) VALUES ('delete-all')")
        db.execute(f"DELETE FROM [{DOCUMENTS}]")
        news_ids = [(r["site"], r["news_id"]) for r in db.query("SELECT site, news_id FROM briefings")]
        for site, news_id in news_ids:
            index_briefing(db, news_id, site)
        db.execute(f"INSERT INTO [{TABLE}]([{TABLE}]) VALUES ('optimize')")
    return len(news_ids)


def search(
    db: Database,
    query: str,
    *,
    ministry: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    mark: tuple[str, str] = ("[", "]"),
    site: str | None = None,
    kind: str | None = None,
) -> list[Hit]:
    """Releases matching every word of `query`, best first (title matches weigh more); a query of
    one-syllable words only matches so much that it lists the newest first instead."""
    where, params = release_filters(db, ministry=ministry, since=since, until=until, site=site, kind=kind)
    weights = ", ".join(str(w) for w in WEIGHTS.values())
    newest_first = all(len(w) == 1 for w in query.split())  # one syllable: too broad to rank
    ranked = (
        f"SELECT rowid, bm25([{TABLE}], {weights}) AS score FROM [{TABLE}] WHERE [{TABLE}] MATCH :match "
        f"ORDER BY {'rowid DESC' if newest_first else 'score, rowid DESC'} LIMIT :limit"
    )
    if where:  # only a filter pays for looking up every match's release
        ranked = (
            f"SELECT s.rowid AS rowid, bm25([{TABLE}], {weights}) AS score FROM [{TABLE}] s "
            f"JOIN [{DOCUMENTS}] d ON d.id = s.rowid JOIN briefings b ON b.site = d.site AND b.news_id = d.news_id "
            f"WHERE [{TABLE}] MATCH :match {where} ORDER BY "
            f"{'b.published_at DESC' if newest_first else 'score, b.published_at DESC'} LIMIT :limit"
        )
    sql = (
        f"WITH hits AS ({ranked}) "
        "SELECT h.score, b.site, b.news_id, b.kind, b.title, b.url, b.published_at, "
        "coalesce(b.ministry_canonical, b.ministry) AS ministry, d.body "
        f"FROM hits h JOIN [{DOCUMENTS}] d ON d.id = h.rowid JOIN briefings b ON b.site = d.site AND b.news_id = d.news_id "
        f"ORDER BY {'' if newest_first else 'h.score, '}b.published_at DESC"
    )
    rows = db.query(sql, {**params, "match": match_expression(query), "limit": limit})
    words = query.split()
    hits = []
    for r in rows:
        text, matched_in = hit_snippet(r["title"], r["body"], words, mark=mark)
        hits.append(
            Hit(
                site=r["site"],
                news_id=r["news_id"],
                kind=r["kind"],
                title=r["title"],
                url=r["url"],
                published_at=r["published_at"],
                ministry=r["ministry"],
                snippet=text,
                score=r["score"],
                matched_in=matched_in,
            )
        )
    return hits


def hit_snippet(title: str, body: str, words: list[str], *, mark: tuple[str, str] = ("[", "]")) -> tuple[str, str]:
    """(snippet, where from): a window of the body around a query word; the title with its
    words marked when no query word is in the body (a hit on the title alone)."""
    folded = " ".join((body or "").split()).lower()
    if any(word.lower() in folded for word in words) or not title:
        return snippet(body, words, mark=mark), "body"
    return snippet(title, words, mark=mark, width=len(title)), "title"


def snippet(text: str, words: list[str], *, mark: tuple[str, str] = ("[", "]"), width: int = SNIPPET_CHARS) -> str:
    """A window of `text` around the first query word found, every word in it marked."""
    text = " ".join((text or "").split())
    folded = text.lower()
    found = sorted((i, len(w)) for w in words if (i := folded.find(w.lower())) >= 0)
    first, length = found[0] if found else (0, 0)
    start, end = max(0, first - width), min(len(text), first + length + width)
    window = text[start:end]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.I)
    window = pattern.sub(lambda m: f"{mark[0]}{m.group(0)}{mark[1]}", window)
    return ("…" if start > 0 else "") + window + ("…" if end < len(text) else "")
