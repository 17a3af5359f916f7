"""Score the structured extractor against golden annotations (see the corpus `golden/GUIDE.md`).

For each golden `*.json`: find its document, run `extract_release_facts`, and compare per field
(contacts, footnotes, attendees, ministry canonical name) as multisets of tuples whose strings
have all whitespace removed; `participants`, where a golden file has them, matched as the GUIDE
says (same name and role, organisation or title alike), read from the golden `title` (and
`subtitles`) and the document. A `source` may also name a crawler's `articles_*.json` (moip
layout): the article with the golden `news_id`, its `content_text`. Scores are micro-averaged precision / recall / F1 over documents. A field a golden file does not
have is not scored for it (a development file may read participants only).

Documents: a golden file with a `source` field names a page-text file relative to the golden
directory's parent (the seed). Otherwise its `news_id` is looked up under a documents directory —
by default the corpus layout `<golden_dir>/../korea_kr/*/{hwpx,hwp,pdf}/<id>.*` — with the type
sniffed from the bytes. Those files are the release's documents, read as a build reads a
release's attachments (`parse/release_documents.py`): the release document is chosen (the one
holding the contact block, then HWPX, HWP, PDF) and the facts come from every distinct document;
the items read from the release document are scored, since a golden record is a reading of the
release document alone (a `[별첨]` speech's own notes are not in it).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from briefing_spider.parse.ministries import resolve_ministry
from briefing_spider.parse.participants import extract_participants
from briefing_spider.parse.release_documents import ReleaseDocument, choose_release_document, read_release_facts
from briefing_spider.parse.release_text import extract_release_facts
from briefing_spider.parse.text_lines import squash

FIELDS = ("contacts", "footnotes", "attendees", "participants", "ministry")
KEYS = {
    "contacts": ("department", "role", "title", "name", "phone"),
    "footnotes": ("marker", "text"),
    "attendees": ("group", "organization", "name", "title", "role"),
    "participants": ("organization", "name", "title", "role"),
}
KIND_PREFERENCE = ("hwpx", "hwp", "pdf")
PAGE_MINISTRY_RE = re.compile(r"^\s*(?:19|20)\d\d[.\-]\d\d[.\-]\d\d\s+(?P<name>\S+)\s*$", re.M)


class GoldenDirError(ValueError):
    """The golden directory is missing or holds no golden files."""


@dataclass
class FieldScore:
    tp: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if not self.expected else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.expected if self.expected else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "predicted": self.predicted,
            "expected": self.expected,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class DocumentResult:
    golden: str
    document: str | None
    kind: str | None
    error: str | None = None
    missing: dict[str, list[Any]] = field(default_factory=dict)  # expected, not found
    extra: dict[str, list[Any]] = field(default_factory=dict)  # found, not expected
    scores: dict[str, FieldScore] = field(default_factory=dict)


@dataclass
class EvalReport:
    fields: dict[str, FieldScore]
    documents: list[DocumentResult]

    def to_dict(self) -> dict[str, Any]:
        return {
            "fields": {name: score.as_dict() for name, score in self.fields.items()},
            "documents": [
                {
                    **{k: v for k, v in asdict(doc).items() if k != "scores"},
                    "scores": {n: s.as_dict() for n, s in doc.scores.items()},
                }
                for doc in self.documents
            ],
        }

    def format_table(self) -> str:
        rows = [f"{'field':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}"]
        for name, s in self.fields.items():
            rows.append(
                f"{name:<12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.predicted:5d} {s.expected:5d}"
            )
        return "\n".join(rows)

    def format_diffs(self) -> str:
        out = []
        for doc in self.documents:
            head = f"== {doc.golden} ({doc.kind or '-'}: {doc.document or 'no document'})"
            body = [f"   error: {doc.error}"] if doc.error else []
            for name in FIELDS:
                for item in doc.missing.get(name, []):
                    body.append(f"   - {name}: {item}")
                for item in doc.extra.get(name, []):
                    body.append(f"   + {name}: {item}")
            if body:
                out.append("\n".join([head, *body]))
        return "\n".join(out) if out else "no differences"


def golden_files(golden_dir: Path) -> list[Path]:
    golden_dir = Path(golden_dir)
    if not golden_dir.is_dir():
        raise GoldenDirError(f"golden directory not found: {golden_dir}")
    files = sorted(p for p in golden_dir.glob("*.json"))
    if not files:
        raise GoldenDirError(f"no golden *.json files in {golden_dir}")
    return files


def evaluate(golden_dir: str | Path, *, documents_dir: str | Path | None = None) -> EvalReport:
    golden_dir = Path(golden_dir)
    totals = {name: FieldScore() for name in FIELDS}
    results = []
    for path in golden_files(golden_dir):
        try:
            golden = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise GoldenDirError(f"{path}: not a golden record (not JSON: {error})") from None
        if not isinstance(golden, dict):
            raise GoldenDirError(f"{path}: not a golden record (a JSON {type(golden).__name__}, not an object)")
        result = _evaluate_one(path, golden, golden_dir, documents_dir)
        for name, score in result.scores.items():
            totals[name].tp += score.tp
            totals[name].predicted += score.predicted
            totals[name].expected += score.expected
        results.append(result)
    return EvalReport(fields=totals, documents=results)


def _published(golden: dict[str, Any]) -> dt.date | None:
    value = golden.get("published_at")
    return (
        dt.datetime.fromisoformat(value).date()
        if value and "T" in value
        else (dt.date.fromisoformat(value) if value else None)
    )


def _evaluate_one(path: Path, golden: dict[str, Any], golden_dir: Path, documents_dir) -> DocumentResult:
    published = _published(golden)
    source, where, kind, error, ministry_as_written = _load_source(golden, golden_dir, documents_dir)
    result = DocumentResult(golden=path.name, document=where, kind=kind, error=error)
    if isinstance(source, list):  # the golden record reads the release document: score its items
        facts = _items_of(read_release_facts(source, published=published), source[0].position)
    else:
        facts = extract_release_facts(source, published=published) if source is not None else None
    for name in ("contacts", "footnotes", "attendees"):
        if name not in golden:  # a development file that reads some fields only
            continue
        predicted = [_key(name, item) for item in (getattr(facts, name) if facts else ())]
        expected = [_key(name, item) for item in golden.get(name, [])]
        _score(result, name, predicted, expected)
    if "participants" in golden:  # scored only where a reader annotated them
        predicted = _participants(golden, source, facts)
        _score_participants(result, predicted, [_key("participants", item) for item in golden["participants"]])
    resolved = resolve_ministry(ministry_as_written or "", on=published)
    ministries = [squash(resolved.canonical)] if resolved and resolved.canonical else []
    _score(result, "ministry", ministries, [squash(golden.get("ministry") or "")])
    return result


def _participants(golden: dict[str, Any], source, facts) -> list[tuple[str, ...]]:
    """What the participant extractor reads from the golden record's title (and sub-titles) and
    the release document or page text, less its attendee list."""
    document = source[0].document if isinstance(source, list) else source or ""
    found = extract_participants(
        golden.get("title") or "",
        tuple(golden.get("subtitles") or ()),
        document,
        listed=tuple(facts.attendees) if facts else (),
    )
    return [_key("participants", item) for item in found]


def _score_participants(result: DocumentResult, predicted: list, expected: list) -> None:
    """GUIDE: scored as attendees — the same name and role, and the organisation or the title alike."""
    left = list(predicted)
    missing = []
    for gold in expected:
        match = next((p for p in left if _same_participant(p, gold)), None)
        if match is None:
            missing.append(gold)
        else:
            left.remove(match)
    tp = len(expected) - len(missing)
    result.scores["participants"] = FieldScore(tp=tp, predicted=len(predicted), expected=len(expected))
    result.missing["participants"], result.extra["participants"] = missing, left


def _same_participant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    (org_a, name_a, title_a, role_a), (org_b, name_b, title_b, role_b) = a, b
    return name_a == name_b and role_a == role_b and ((org_a and org_a == org_b) or title_a == title_b)


def _items_of(facts, position: int):
    """The facts read from the attachment at `position` (the release document)."""
    return replace(
        facts,
        **{
            name: tuple(item for item in getattr(facts, name) if item.attachment_position == position)
            for name in ("contacts", "footnotes", "attendees")
        },
    )


def _key(name: str, item: Any) -> tuple[str, ...]:
    get = item.get if isinstance(item, dict) else (lambda k: getattr(item, k, None))
    return tuple(squash(get(k) or "") for k in KEYS[name])


def _score(result: DocumentResult, name: str, predicted: list, expected: list) -> None:
    pc, ec = Counter(predicted), Counter(expected)
    tp = sum((pc & ec).values())
    result.scores[name] = FieldScore(tp=tp, predicted=len(predicted), expected=len(expected))
    result.missing[name] = list((ec - pc).elements())
    result.extra[name] = list((pc - ec).elements())


def _load_source(golden, golden_dir: Path, documents_dir):
    """(source, path, kind, error, ministry as written by the metadata or page)."""
    if golden.get("source"):
        path = golden_dir.parent / golden["source"]
        if not path.is_file():
            return None, str(path), None, "source file not found", golden.get("ministry")
        if path.suffix == ".json":  # a crawler's articles file: the article of the news id
            return _article(path, str(golden.get("news_id") or ""), golden)
        text = path.read_text(encoding="utf-8", errors="replace")
        page = PAGE_MINISTRY_RE.search(text)
        return text, str(path), "text", None, page["name"] if page else None
    news_id = str(golden.get("news_id") or "")
    ministry = _manifest_department(golden_dir, news_id) or golden.get("ministry")
    source, where, kind, error = _load_document(news_id, golden_dir, documents_dir)
    return source, where, kind, error, ministry


def _article(path: Path, news_id: str, golden: dict[str, Any]):
    """(the article's `content_text`, …) from a crawler's `articles_*.json` (moip layout)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for article in data.get("articles", []):
        if str(article.get("id")) == news_id:
            return article.get("content_text") or "", f"{path}#{news_id}", "text", None, article.get("ministry")
    return None, str(path), None, f"no article {news_id} in the file", golden.get("ministry")


def _candidates(news_id: str, golden_dir: Path, documents_dir) -> list[Path]:
    if documents_dir is not None:
        roots = [Path(documents_dir)]
        found = [p for root in roots for p in root.rglob(f"{news_id}.*") if p.is_file()]
    else:
        found = [p for p in golden_dir.parent.glob(f"korea_kr/*/*/{news_id}.*") if p.is_file()]
    return sorted(found)


def _load_document(news_id: str, golden_dir: Path, documents_dir):
    """(the release's documents, the chosen one's path, its kind, error)."""
    from briefing_spider.parse.documents import DocumentError, extract_document, sniff

    documents: list[ReleaseDocument] = []
    errors = []
    for path in _candidates(news_id, golden_dir, documents_dir):
        data = path.read_bytes()
        kind = sniff(data).kind
        if kind not in KIND_PREFERENCE:
            continue
        try:
            document = extract_document(data)
        except DocumentError as error:
            errors.append(f"{path}: {error.code}")
            continue
        documents.append(ReleaseDocument(position=len(documents), name=str(path), kind=kind, document=document))
    chosen = choose_release_document(documents)
    if chosen is None:
        return None, None, None, "; ".join(errors) or f"no readable document found for news_id {news_id}"
    return [chosen, *(doc for doc in documents if doc is not chosen)], chosen.name, chosen.kind, None


def _manifest_department(golden_dir: Path, news_id: str) -> str | None:
    for manifest in golden_dir.parent.glob("korea_kr/*/manifest.json"):
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for item in data.get("documents", []):
            if str(item.get("news_item_id")) == news_id:
                return item.get("department")
    return None
