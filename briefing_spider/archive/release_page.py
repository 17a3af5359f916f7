"""The page of one release in Datasette: its row of `briefings` read as a release — title, date,
ministry, sub-title, the body's Markdown rendered, then its attachments, contacts, footnotes,
attendees (and participants, in an archive that has them) — instead of one row of 20 columns.

`release_page` gathers it (the row template `datasette_templates/row.html` lays it out);
`render_markdown` turns the stored Markdown into safe HTML: Python-Markdown (pipe tables), then
bleach keeps only the tags a release uses (headings, lists, tables with their spans, links).
"""

from __future__ import annotations

import bleach
import markdown as markdown_lib

CHILD_SECTIONS = (  # (table, heading, columns shown), in page order
    ("attachments", "첨부파일 Attachments", ("name", "kind", "size", "pages", "error")),
    ("contacts", "담당 부서 Contacts", ("department", "role", "title", "name", "phone", "email")),
    ("footnotes", "주석 Footnotes", ("marker", "text")),
    ("attendees", "참석자 Attendees", ("group", "organization", "name", "title", "role")),
    ("participants", "참여자 Participants", ()),  # all its columns, when the archive has the table
)
ALLOWED_TAGS = frozenset(
    "p br hr h1 h2 h3 h4 h5 h6 ul ol li blockquote em strong code pre a table thead tbody tr th td".split()
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title"], "td": ["rowspan", "colspan"], "th": ["rowspan", "colspan"]}
KEY_COLUMNS = ("site", "news_id", "position")
ATTACHMENTS_LINE = "## 첨부파일"  # the Markdown's own list of attachments (parse/documents/markdown.py)


def render_markdown(text: str) -> str:
    """Safe HTML of a release's Markdown, its first `# title` line and its closing list of
    attachments left out (the page shows both, the attachments with their links)."""
    lines = text.splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    if ATTACHMENTS_LINE in lines and not any(
        line.startswith("## ") for line in lines[lines.index(ATTACHMENTS_LINE) + 1 :]
    ):
        lines = lines[: lines.index(ATTACHMENTS_LINE)]
    html = markdown_lib.markdown("\n".join(lines), extensions=["tables"], output_format="html")
    return bleach.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, strip=True)


async def release_page(db, site: str, news_id: str) -> dict | None:
    """What the release page shows, from the Datasette database `db`; None: no such release."""
    found = await db.execute("SELECT * FROM briefings WHERE site = ? AND news_id = ?", [site, news_id])
    rows = [dict(row) for row in found.rows]
    if not rows:
        return None
    row = rows[0]
    tables = set(await db.table_names())
    sections = []
    for table, heading, columns in CHILD_SECTIONS:
        if table not in tables:
            continue
        child = await db.execute(
            f"SELECT * FROM [{table}] WHERE site = ? AND news_id = ? ORDER BY position", [site, news_id]
        )
        items = [dict(r) for r in child.rows]
        shown = columns or tuple(c for c in (items[0] if items else {}) if c not in KEY_COLUMNS)
        sections.append({"table": table, "heading": heading, "columns": shown, "rows": items})
    body = row.get("body_markdown")
    return {
        "title": row["title"],
        "date": (row.get("published_at") or "")[:10],
        "published_at": row.get("published_at"),
        "ministry": row.get("ministry_canonical") or row.get("ministry"),
        "ministry_as_written": row.get("ministry"),
        "subtitle": row.get("subtitle"),  # a column a later migration may add; None without it
        "kind": row.get("kind"),
        "url": row.get("url"),
        "body_html": render_markdown(body) if body else None,
        "body_text": None if body else row.get("body_text"),
        "sections": sections,
    }
