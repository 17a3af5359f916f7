"""Attendee-grammar warnings over every text the project has, per source.

    python bench/attendee_warnings.py [CORPUS_DIR] [--show] [--warnings]

Sources: the 2026-04-13 release documents (`govpress-2026-04-13/hwpx/*`, `…/pdf/*`, each file read
on its own, and the site viewer's Markdown of them, `…/docviewer_md/*.md`), the moip page bodies (`moip-2026-07/articles_*.json`: `content_text`, and
`content_html` cut and read as the crawler reads a body), and the text pages (`korea_kr/text/*.txt`,
`seed/*.txt`). Per source it prints texts read, texts with an attendee list, entries, and the
`attendees:` warnings ("labelled" counts texts with a line that opens like an attendee label, by
a regex of this script, independent of the extractor) (a list with tokens the grammar could not account for, or a labelled line
that gave nothing). `--warnings` prints each warning; `--show` prints every extracted list, for
reading by eye against `golden/GUIDE.md`. Not a timing bench: counts only.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lxml import html as lxml_html  # noqa: E402

from briefing_spider.parse.documents import DocumentError, extract_document, sniff  # noqa: E402
from briefing_spider.parse.release_text import extract_release_facts  # noqa: E402
from briefing_spider.sites.korea_kr.body import cut_body  # noqa: E402

READABLE = {"hwpx", "hwp", "pdf"}
# Independent of the extractor: a line that opens like an attendee label (any mark, `참석`, `참 석 자`,
# `참석기관`, `참석 대상`, then a colon or a closing bracket). Texts with one but no list are misses.
LABEL_HINT_RE = re.compile(
    r"^(?:[^\w가-힣]|ㅇ){0,6}[(\[<〈]?\s*(?:주\s*요\s*)?참\s*석\s*(?:자|기\s*관|대\s*상)?\s*(?:[)\]>〉]|[:：])", re.M
)


def _documents(folder: Path):
    for path in sorted(folder.glob("*")):
        data = path.read_bytes()
        if sniff(data).kind not in READABLE:
            continue
        try:
            yield path.name, extract_document(data)
        except DocumentError:
            continue


def _moip(corpus: Path, field: str):
    for path in sorted(corpus.glob("korea_kr/moip-2026-07/articles_*.json")):
        for article in json.loads(path.read_text(encoding="utf-8")).get("articles", []):
            value = article.get(field) or ""
            if field == "content_html" and value.strip():
                value = cut_body(lxml_html.fragment_fromstring(value, create_parent="div"))[1]
            yield f"{path.stem}:{article.get('id')}", value


def _texts(paths):
    for path in paths:
        yield path.name, path.read_text(encoding="utf-8")


def _pages(corpus: Path):
    return _texts(sorted([*corpus.glob("korea_kr/text/*.txt"), *corpus.glob("seed/*.txt")]))


def sources(corpus: Path):
    day = corpus / "korea_kr" / "govpress-2026-04-13"
    return {
        "govpress hwpx": lambda: _documents(day / "hwpx"),
        "govpress pdf": lambda: _documents(day / "pdf"),
        "govpress viewer md": lambda: _texts(sorted((day / "docviewer_md").glob("*.md"))),
        "moip content_text": lambda: _moip(corpus, "content_text"),
        "moip content_html": lambda: _moip(corpus, "content_html"),
        "text pages + seed": lambda: _pages(corpus),
    }


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    corpus = Path(args[0]) if args else ROOT.parent / "shared" / "corpus"
    show, list_warnings = "--show" in argv, "--warnings" in argv
    if not corpus.is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 1
    print(f"{'source':<20} {'texts':>6} {'labelled':>8} {'with list':>9} {'entries':>8} {'warnings':>8}")
    total = Counter()
    for label, read in sources(corpus).items():
        counts = Counter()
        for name, source in read():
            if not source:
                continue
            facts = extract_release_facts(source)
            warnings = [w for w in facts.warnings if w.startswith("attendees")]
            counts["texts"] += 1
            text = source if isinstance(source, str) else source.text
            counts["labelled"] += bool(LABEL_HINT_RE.search(text))
            counts["with list"] += bool(facts.attendees)
            counts["entries"] += len(facts.attendees)
            counts["warnings"] += len(warnings)
            if show and facts.attendees:
                print(f"--- {label} {name}")
                for a in facts.attendees:
                    print(f"    {a.group!s:<12} | {a.organization!s:<24} | {a.name!s:<5} | {a.title!s:<12} | {a.role}")
            if list_warnings or show:
                for warning in warnings:
                    print(f"  ! {label} {name}: {warning}")
        total.update(counts)
        print(
            f"{label:<20} {counts['texts']:>6} {counts['labelled']:>8} {counts['with list']:>9} {counts['entries']:>8} {counts['warnings']:>8}"
        )
    print(
        f"{'total':<20} {total['texts']:>6} {total['labelled']:>8} {total['with list']:>9} {total['entries']:>8} {total['warnings']:>8}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
