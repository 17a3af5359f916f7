"""Which document each corpus release is built from, before and after "a release is all of its
documents" (issue 10), and what reading every document adds.

    python bench/release_documents.py [CORPUS_DIR] [--list]

For each release of `korea_kr/govpress-2026-04-13` the attachments are listed as the document
viewer's header lists them (`docviewer_md/<id>.md`: `- HWPX 첨부: …`, `- PDF 첨부: …`); the
first HWPX name gets the bytes of `hwpx/<id>.hwpx`, the first PDF name those of `pdf/<id>.pdf`,
other names count as not downloaded. The page body is empty (the corpus has the attachments, not
the pages), so the body comes from an attachment. "Before" is the old rule: the first HWPX, else
HWP, else PDF that yields text, facts from it alone. "After" is `assemble.build_release`.
Reads the corpus in place; prints counts (and with --list, every release whose choice changed).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing_spider.contract.page import AttachmentLink, DetailPage  # noqa: E402
from briefing_spider.contract.registry import get_site  # noqa: E402
from briefing_spider.parse.assemble import AttachmentPart, build_release, read_attachment  # noqa: E402
from briefing_spider.parse.release_text import extract_release_facts  # noqa: E402
from briefing_spider.parse.site_time import SEOUL  # noqa: E402

OLD_ORDER = ("hwpx", "hwp", "pdf")
HEADER_RE = re.compile(r"^- (PDF|HWPX) 첨부: (.+)$", re.M)


def release_inputs(base: Path, doc: dict) -> tuple[DetailPage, list[AttachmentPart]]:
    news_id = doc["news_item_id"]
    viewer = base / "docviewer_md" / f"{news_id}.md"
    header = viewer.read_text(encoding="utf-8").split("## 본문")[0] if viewer.exists() else ""
    listed = [(kind.lower(), name.strip()) for kind, name in HEADER_RE.findall(header)]
    files = {ext: base / ext / f"{news_id}.{ext}" for ext in ("hwpx", "pdf")}
    listed = listed or [(ext, path.name) for ext, path in files.items() if path.exists()]
    parts, used = [], set()
    for number, (ext, name) in enumerate(listed):
        link = AttachmentLink(name=name, url=f"https://example.test/{news_id}/{number}", file_id=str(number))
        path = files.get(ext)
        if ext in used or path is None or not path.exists():
            parts.append(AttachmentPart(link=link, error="not in the corpus"))
            continue
        used.add(ext)
        parts.append(AttachmentPart(link=link, body=path.read_bytes(), sha256=f"{news_id}{ext}"))
    published = dt.datetime.strptime(doc["approve_date"], "%m/%d/%Y %H:%M:%S").replace(tzinfo=SEOUL)
    detail = DetailPage(
        news_id=news_id,
        url=f"https://example.test/{news_id}",
        title=doc["title"],
        published_at=published,
        modified_at=None,
        ministry=doc["department"],
        ministry_code=None,
        body_html="",
        body_text="",
        attachments=tuple(p.link for p in parts),
    )
    return detail, parts


def old_choice(parts: list[AttachmentPart]):
    read = [read_attachment(part) for part in parts]
    for kind in OLD_ORDER:
        for position, (attachment, document) in enumerate(read):
            if document is not None and attachment.kind == kind and document.text.strip():
                return position, document
    return None, None


def main(corpus: Path, show: bool) -> int:
    base = corpus / "korea_kr" / "govpress-2026-04-13"
    manifest = json.loads((base / "manifest.json").read_text(encoding="utf-8"))["documents"]
    changed, counts_old, counts_new, releases = [], [0, 0, 0], [0, 0, 0], 0
    text_missing = 0
    for doc in manifest:
        detail, parts = release_inputs(base, doc)
        release = build_release(detail, parts, site="korea_kr", section=get_site("korea_kr").section("press_release"))
        releases += 1
        text_missing += sum(1 for a in release.attachments if a.kind in OLD_ORDER and not a.error and a.text is None)
        position, document = old_choice(parts)
        new_position = next(
            (
                i
                for i, a in enumerate(release.attachments)
                if release.body_source == a.kind and a.text == release.body_text
            ),
            None,
        )
        if document is not None:
            facts = extract_release_facts(document, published=detail.published_at.date())
            for i, name in enumerate(("contacts", "footnotes", "attendees")):
                counts_old[i] += len(getattr(facts, name))
        for i, name in enumerate(("contacts", "footnotes", "attendees")):
            counts_new[i] += len(getattr(release, name))
        if position != new_position:
            old_name = parts[position].link.name if position is not None else None
            new_name = parts[new_position].link.name if new_position is not None else None
            changed.append((detail.news_id, old_name, new_name))
    print(f"releases: {releases}; body document changed: {len(changed)}")
    print(f"text documents without attachments.text: {text_missing}")
    print("items (contacts, footnotes, attendees): before", tuple(counts_old), "after", tuple(counts_new))
    if show:
        for news_id, old, new in changed:
            print(f"  {news_id}: {old}  →  {new}")
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--list"]
    default = ROOT.parent / "shared" / "corpus"
    sys.exit(main(Path(args[0]) if args else default, "--list" in sys.argv))
